import { writeSync } from "node:fs";
import type { Output } from "./main";

// Where the command line writes. bin/cchc-appendix.js writes to file descriptors 1 and 2 directly: node makes
// process.stdout and process.stderr, when they are pipes, as a socket each, which costs a start about 5 ms of
// processor time, as much as validating the file (issue 16). A descriptor that cannot take the text at once (EAGAIN: a non-blocking pipe
// its reader has let fill up) is written on through node's stream, which waits for it, and so is everything after
// it; a reader gone (EPIPE: `cchc-appendix validate … | head`) stops the command quietly, as other command-line
// tools do.

/** Standard output or standard error. */
export type OutputDescriptor = 1 | 2;

const streamed: Record<OutputDescriptor, boolean> = { 1: false, 2: false };

function closedEarly(): never {
  process.exit(process.exitCode ?? 0);
}

function stream(fd: OutputDescriptor): NodeJS.WriteStream {
  const out = fd === 1 ? process.stdout : process.stderr;
  if (!streamed[fd]) {
    streamed[fd] = true;
    // Any other error of the stream is unexpected: thrown, bin/cchc-appendix.js reports it.
    out.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") closedEarly();
      throw error;
    });
  }
  return out;
}

/** Writes all of `text` to standard output (1) or standard error (2), in the order of the calls. */
export function writeOutput(fd: OutputDescriptor, text: string): void {
  if (streamed[fd]) {
    stream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, "utf8");
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EPIPE") closedEarly();
    if (code !== "EAGAIN") throw error;
    stream(fd).write(bytes.subarray(at));
  }
}

/** The command's output through node's process.stdout and process.stderr: what a caller that replaces them sees. */
export const streamOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** The command's output written to descriptors 1 and 2 (writeOutput), as bin/cchc-appendix.js runs it. */
export const descriptorOutput: Output = {
  out: (text) => writeOutput(1, text),
  err: (text) => writeOutput(2, text),
};
