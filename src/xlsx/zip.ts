// The central directory of a zip archive, read from plain bytes so that the CLI (Node Buffers) and the task pane (a
// File's ArrayBuffer) check a package the same way before any reader inflates it. Inflating a member needs zlib and
// stays in src/cli/xlsx/zip.ts.

/** Thrown when a file needs the full reader (exceljs): an archive this module does not read simply. */
export class NeedsFullReader extends Error {}

/** One member of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const MAX_COMMENT = 0xffff;
const NAMES = new TextDecoder("utf-8");

/** The members of a zip archive by name, from its central directory (no zip64, no encryption). */
export function zipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - MAX_COMMENT); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new NeedsFullReader("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new NeedsFullReader("zip64");
  const entries = new Map<string, ZipEntry>();
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new NeedsFullReader("bad central directory");
    }
    const flags = view.getUint16(at + 8, true);
    if (flags & 1) throw new NeedsFullReader("encrypted entry");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = NAMES.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
