import { inflateRawSync } from "node:zlib";
import type { ZipEntry } from "../../xlsx/zip";
import { NeedsFullReader } from "../../xlsx/zip";

// The little of the zip format an .xlsx reader needs: the central directory (src/xlsx/zip.ts), and inflating one
// member. Used by the fast reader and by the checks every file passes before any reader inflates it.

/** The central directory, read from plain bytes in src/xlsx so that the task pane checks a package as the CLI does. */
export { NeedsFullReader, zipDirectory } from "../../xlsx/zip";
export type { ZipEntry } from "../../xlsx/zip";

/** Thrown when a member inflates to more than its declared size: a zip bomb. */
export class InflatesBeyondDeclared extends Error {}

const LOCAL_SIGNATURE = 0x04034b50;

/**
 * The bytes of one member, inflated at most to the size the directory declares: a member that inflates beyond it
 * is a zip bomb, not a file to read.
 */
export function entryBytes(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw new NeedsFullReader("bad local header");
  }
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const raw = buffer.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflatesBeyondDeclared();
      throw error;
    }
  } else throw new NeedsFullReader(`compression method ${entry.method}`);
  if (data.length !== entry.size) throw new NeedsFullReader("size mismatch");
  return data;
}
