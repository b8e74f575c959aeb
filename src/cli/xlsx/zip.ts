import { inflateRawSync } from "node:zlib";

// The little of the zip format an .xlsx reader needs: the central directory, and inflating one member. Used by the
// fast reader and by the checks every file passes before any reader inflates it.

/** Thrown when a file needs the full reader (exceljs): an archive this module does not read simply. */
export class NeedsFullReader extends Error {}

/** Thrown when a member inflates to more than its declared size: a zip bomb. */
export class InflatesBeyondDeclared extends Error {}

/** One member of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** The members of a zip archive by name, from its central directory (no zip64, no encryption). */
export function zipDirectory(buffer: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - MAX_COMMENT); at--) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new NeedsFullReader("no end of central directory");
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new NeedsFullReader("zip64");
  const entries = new Map<string, ZipEntry>();
  for (let index = 0; index < count; index++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new NeedsFullReader("bad central directory");
    }
    const flags = buffer.readUInt16LE(at + 8);
    if (flags & 1) throw new NeedsFullReader("encrypted entry");
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    entries.set(name, {
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      offset: buffer.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

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
