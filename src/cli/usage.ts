import type { Bilingual } from "../domain/catalogue";
import { BilingualError } from "../domain/messages/error";
import type { CommandName } from "./help";

// What main() and the commands it loads share: the exit codes and the error of a wrong command line.

/** Exit codes of DESIGN.md section 6: 2 (could not do the job for a file) wins over 1 (an error finding). */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** A wrong command line: said in both languages, followed by the command's help. */
export class UsageError extends BilingualError {
  constructor(
    bilingual: Bilingual,
    readonly command?: CommandName,
  ) {
    super(bilingual, "usage");
  }
}
