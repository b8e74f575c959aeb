import type { Stats } from "node:fs";
import type * as FsPromises from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Bilingual } from "../domain/catalogue";
import { BilingualError, errorText } from "../domain/messages/error";
import type { FileRole } from "../domain/messages";

// Every file the command line writes goes through here (issue 10, point 4): an output never replaces one of the
// command's own inputs, an existing file only with --force, and the bytes land in a temporary file beside the target
// that is renamed over it, so a crash, a full disk or a second run writing the same file leaves either the old file
// or the new one whole, never half of one.

/** node:fs/promises, loaded by the first output checked: `validate` and `--help` start without it (issue 16). */
let fileSystem: typeof FsPromises | undefined;

async function fs(): Promise<typeof FsPromises> {
  return (fileSystem ??= await import("node:fs/promises"));
}

/** An output the command refuses to write, or could not write; nothing was changed. */
export class OutputError extends BilingualError {
  constructor(bilingual: Bilingual) {
    super(bilingual, "output");
    this.name = "OutputError";
  }
}

/** A file the command reads, named for the message that refuses to write over it. */
export interface InputFile {
  readonly path: string;
  /** What the file is to the command, as messages name it ("tệp kỳ trước" / "previous period's file"). */
  readonly role: FileRole;
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await (await fs()).stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function realpathOrResolved(path: string): Promise<string> {
  try {
    return await (await fs()).realpath(path);
  } catch {
    // A file not there yet: its folder's real path, so that "dir/../a.xlsx" and a symlinked folder still compare.
    try {
      return join(await (await fs()).realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

function errnoCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
}

/**
 * Checks, before any work, that `output` may be written: not a folder, not the same file as any input (by real
 * path, and by device and inode so that a hard link, "./a.xlsx" or a symlink count too), and not an existing file
 * unless `force`. Throws OutputError with the reason in both languages.
 */
export async function checkOutput(
  output: string,
  inputs: readonly InputFile[],
  force: boolean,
): Promise<void> {
  let target: Stats | undefined;
  try {
    target = await statOrUndefined(output);
  } catch (error) {
    throw new OutputError(errorText("output_unchecked", { path: output, code: errnoCode(error) }));
  }
  if (target?.isDirectory()) {
    throw new OutputError(
      errorText("output_is_folder", {
        path: output,
        example: join(output, "phu-luc.xlsx"),
        exampleEn: join(output, "appendix.xlsx"),
      }),
    );
  }
  const outputReal = await realpathOrResolved(output);
  for (const input of inputs) {
    const source = await statOrUndefined(input.path).catch(() => undefined);
    const sameInode = target !== undefined && source !== undefined && sameFile(target, source);
    if (sameInode || (await realpathOrResolved(input.path)) === outputReal) {
      throw new OutputError(
        errorText("output_is_input", { role: input.role, input: input.path, path: output }),
      );
    }
  }
  if (target && !force) {
    throw new OutputError(errorText("output_exists", { path: output }));
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** What an output is made of: its bytes, or a writer that hands them over in order, for a file too large to hold. */
export type OutputData = Uint8Array | ((write: (chunk: Uint8Array) => Promise<void>) => Promise<void>);

/**
 * Writes `data` to `path` whole or not at all: into a new temporary file in the same folder (so the rename stays on
 * one file system), flushed to disk, then moved over the target. Without `force` the move refuses a file that
 * appeared meanwhile (a hard link fails on an existing name, where a rename would replace it); with it, the file
 * replaced keeps its permissions. The temporary file is removed on any failure, a writer's own included. Throws
 * OutputError, or what the writer threw.
 */
export async function writeOutputFile(path: string, data: OutputData, force: boolean): Promise<void> {
  // Loaded here, by the commands that write: `validate` and `--help` start without node's crypto.
  const { randomBytes } = await import("node:crypto");
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  try {
    const handle = await (await fs()).open(temporary, "wx");
    try {
      if (typeof data === "function") {
        await data(async (chunk) => {
          for (let at = 0; at < chunk.length;) {
            at += (await handle.write(chunk, at, chunk.length - at)).bytesWritten;
          }
        });
      } else await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (force) {
      // The file replaced keeps its permissions: a summary shared read-only stays read-only to the others.
      const replaced = await statOrUndefined(path);
      if (replaced?.isFile()) await (await fs()).chmod(temporary, replaced.mode & 0o7777);
      await (await fs()).rename(temporary, path);
    } else await moveIfAbsent(temporary, path);
  } catch (error) {
    await (await fs()).unlink(temporary).catch(() => undefined);
    if (error instanceof OutputError) throw error;
    // A writer's own failure (not the file system's) is no write error: it goes on as it is, the file removed.
    if (typeof data === "function" && typeof (error as NodeJS.ErrnoException).code !== "string") throw error;
    throw new OutputError(errorText("output_unwritten", { path, code: errnoCode(error) }));
  }
}

function appearedMeanwhile(path: string): OutputError {
  return new OutputError(errorText("output_appeared", { path }));
}

async function moveIfAbsent(temporary: string, path: string): Promise<void> {
  try {
    await (await fs()).link(temporary, path);
  } catch (error) {
    const code = errnoCode(error);
    if (code === "EEXIST") {
      throw appearedMeanwhile(path);
    }
    // A file system without hard links (FAT, some network shares): the rename, after one more look.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
    if (await statOrUndefined(path)) {
      throw appearedMeanwhile(path);
    }
    await (await fs()).rename(temporary, path);
    return;
  }
  await (await fs()).unlink(temporary);
}
