import { helpFor } from "./help";

// What bin/cchc-appendix.js runs. A request for help is answered from the help texts alone; every other command
// line goes to main(), loaded only then, with the reader, the catalogue and the engine (issue 16: `--help` in the
// time node itself takes).

/** Runs the command line with its arguments (without node and the script) and returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const help = helpFor(argv);
  if (help !== undefined) {
    process.stdout.write(help);
    return 0;
  }
  const { main } = await import("./main");
  return main(argv);
}
