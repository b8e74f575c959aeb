import { helpFor } from "./help";
import type { Output } from "./main";
import { streamOutput } from "./stdio";

export { descriptorOutput } from "./stdio";

// What bin/cchc-appendix.js runs. A request for help is answered from the help texts alone; every other command
// line goes to main(), loaded only then, with the reader, the catalogue and the engine (issue 16: `--help` in the
// time node itself takes).

/**
 * Runs the command line with its arguments (without node and the script) and returns the exit code; it writes
 * through `output`, node's streams unless told otherwise (bin/ writes to the descriptors).
 */
export async function run(argv: readonly string[], output: Output = streamOutput): Promise<number> {
  const help = helpFor(argv);
  if (help !== undefined) {
    output.out(help);
    return 0;
  }
  const { main } = await import("./main");
  return main(argv, output);
}
