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

/** A word of `pdftotext -bbox` output, with its box in points. */
export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** A page of `pdftotext -bbox` output: its size in points and its words. */
export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The pages of `pdftotext -bbox` output (an XHTML page per PDF page), with every word and its box. */
export function pdfBoxPages(html: string): PdfPage[] {
  return html
    .split("<page ")
    .slice(1)
    .map((chunk) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
      const words = [
        ...chunk.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((match) => ({
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        text: decodeEntities(match[5] ?? ""),
      }));
      return { width: Number(size?.[1]), height: Number(size?.[2]), words };
    });
}
