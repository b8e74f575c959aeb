import { execFile } from "node:child_process";
import { consolidateCommand } from "../../src/cli/consolidate";

/**
 * Runs an office tool (soffice, pdftotext, pdfinfo) and gives its stdout. A missing tool fails with what to install,
 * as CI installs it, instead of letting a suite pass without it.
 */
export function runTool(command: string, args: string[], timeout = 100_000): Promise<string> {
  return new Promise((done, fail) => {
    execFile(command, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
        fail(
          new Error(
            missing
              ? `${command} is not installed: this suite needs LibreOffice and poppler-utils ` +
                  `(apt-get install libreoffice-calc poppler-utils), as CI installs them.`
              : `${command} ${args.join(" ")} failed: ${error.message}\n${stderr}`,
          ),
        );
      } else {
        done(stdout);
      }
    });
  });
}

/** `cchc-appendix consolidate ARGS` in this process, with what it printed on stdout and stderr. */
export async function runConsolidate(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await consolidateCommand(args, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}
