import { Inflate, inflateSync } from "fflate";

// The zip archive under an .xlsx, read from plain bytes so that the CLI (a Buffer read from disk) and the task pane
// (a picked File's ArrayBuffer) read a package the same way. Everything a member could cost is bounded from the
// central directory before a byte is inflated (member count, declared sizes, compression ratio, members that
// overlap or lie outside the file); inflating then stops at the declared size, and the CRC-32 of what came out
// must match the directory's.

/** Why an archive is refused: "bomb" when it asks for unbounded work, "damaged" when it is not a sound zip. */
export type ZipRefusal = "bomb" | "damaged" | "encrypted" | "zip64" | "method";

/** An archive this module will not read, and why (the reader words it for users). */
export class ZipError extends Error {
  constructor(
    readonly refusal: ZipRefusal,
    detail: string,
  ) {
    super(detail);
    this.name = "ZipError";
  }
}

/** One member of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  /** Where the member's compressed bytes begin, past its local header. */
  readonly dataOffset: number;
}

/** What an archive may ask for before it is refused. */
export interface ZipBounds {
  readonly members: number;
  /** The sum of every member's declared size. */
  readonly unpackedBytes: number;
  /** A member larger than largeMemberBytes must not be compressed more than `ratio` times. */
  readonly largeMemberBytes: number;
  readonly ratio: number;
}

/** Counts what the reader does, for tests that assert a hostile file was refused before it cost anything. */
export interface ReadProbe {
  /** Bytes produced by inflating, as they are produced. */
  inflated?(bytes: number): void;
  /** Cells held in the grids being built. */
  cells?(count: number): void;
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const MAX_COMMENT = 0xffff;
/** DEFLATE cannot expand more than about 1,032 times (RFC 1951's longest match per shortest code). */
const DEFLATE_MAX_RATIO = 1032;
const NAMES = new TextDecoder("utf-8");

/** The members of a zip archive by name, from its central directory, checked against `bounds` and the file. */
export function zipDirectory(bytes: Uint8Array, bounds: ZipBounds): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - MAX_COMMENT); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("damaged", "no end of central directory");
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipError("zip64", "zip64 end of central directory");
  }
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryStart = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryStart === 0xffffffff || directorySize === 0xffffffff) {
    throw new ZipError("zip64", "zip64 sizes");
  }
  if (count > bounds.members) throw new ZipError("bomb", `${count} members`);
  if (directoryStart + directorySize > eocd)
    throw new ZipError("damaged", "central directory outside the file");
  const entries = new Map<string, ZipEntry>();
  const spans: [start: number, end: number][] = [];
  let unpacked = 0;
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipError("damaged", "bad central directory");
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = NAMES.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipError("zip64", `zip64 member ${name}`);
    }
    if (flags & 1) throw new ZipError("encrypted", `encrypted member ${name}`);
    if (method !== 0 && method !== 8) throw new ZipError("method", `compression method ${method} of ${name}`);
    if (entries.has(name)) throw new ZipError("damaged", `two members named ${name}`);
    unpacked += size;
    const ratio = size / Math.max(compressedSize, 1);
    if (unpacked > bounds.unpackedBytes || (size > bounds.largeMemberBytes && ratio > bounds.ratio)) {
      throw new ZipError("bomb", `member ${name} declares ${size} bytes`);
    }
    // A size no DEFLATE stream of this length can reach, or a stored member whose sizes differ, is a lie.
    if (method === 0 ? size !== compressedSize : size > compressedSize * DEFLATE_MAX_RATIO + 1024) {
      throw new ZipError("bomb", `member ${name} declares ${size} bytes from ${compressedSize}`);
    }
    if (localOffset + 30 > directoryStart || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
      throw new ZipError("damaged", `bad local header of ${name}`);
    }
    const dataOffset =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > directoryStart)
      throw new ZipError("damaged", `member ${name} truncated`);
    spans.push([localOffset, dataOffset + compressedSize]);
    entries.set(name, { name, method, compressedSize, size, crc, dataOffset });
  }
  // Members that share bytes make a small file unpack many times over (the "overlapping" zip bomb).
  spans.sort((a, b) => a[0] - b[0]);
  for (let index = 1; index < spans.length; index++) {
    if (spans[index]![0] < spans[index - 1]![1]) throw new ZipError("bomb", "overlapping members");
  }
  return entries;
}

// Slicing-by-8 (Intel, 2006): eight tables, eight bytes a step, the same CRC as bit by bit at several times the speed.
const CRC_TABLES = (() => {
  const tables = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const previous = tables[(k - 1) * 256 + n]!;
      tables[k * 256 + n] = (previous >>> 8) ^ tables[previous & 0xff]!;
    }
  }
  return tables;
})();

/** The CRC-32 (ISO 3309, as zip uses it) of some bytes, continuing from `crc` when given. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let at = 0;
  const whole = bytes.length - (bytes.length % 8);
  while (at < whole) {
    const low = c ^ (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24));
    const high = bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24);
    c =
      t[1792 + (low & 0xff)]! ^
      t[1536 + ((low >>> 8) & 0xff)]! ^
      t[1280 + ((low >>> 16) & 0xff)]! ^
      t[1024 + (low >>> 24)]! ^
      t[768 + (high & 0xff)]! ^
      t[512 + ((high >>> 8) & 0xff)]! ^
      t[256 + ((high >>> 16) & 0xff)]! ^
      t[high >>> 24]!;
    at += 8;
  }
  for (; at < bytes.length; at++) c = t[(c ^ bytes[at]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Compressed input fed to the inflater at a time: small enough that one push cannot overshoot the cap by much. */
const INPUT_CHUNK = 16 * 1024;
/**
 * Members compressed to at most this are inflated in one call into a buffer one byte larger than declared: the
 * bytes held are capped by the buffer, and the work by what so few bytes can expand to (about 130 MB written to
 * nowhere at worst). Larger members are streamed, and stopped at the cap.
 */
const ONE_CALL_BYTES = 128 * 1024;

/**
 * A host's own inflater and CRC-32, used instead of this module's JavaScript ones (the command line has node's
 * zlib: native code, with no compiling before it runs fast, which a one-file `validate` would pay for).
 */
export interface NativeZip {
  /**
   * The raw DEFLATE stream `raw` inflated, or undefined as soon as the output would pass `limit` bytes (its work
   * stopped there). Throws when the stream is damaged or ends early.
   */
  inflate(raw: Uint8Array, limit: number): Uint8Array | undefined;
  crc32(bytes: Uint8Array): number;
}

let native: NativeZip | undefined;

/** Makes every later read inflate and check members with `zip` (see NativeZip). */
export function useNativeZip(zip: NativeZip): void {
  native = zip;
}

function nativeBytes(raw: Uint8Array, entry: ZipEntry, zip: NativeZip, probe?: ReadProbe): Uint8Array {
  let out: Uint8Array | undefined;
  try {
    out = zip.inflate(raw, entry.size + 1);
  } catch (error) {
    throw new ZipError("damaged", `member ${entry.name} does not inflate: ${(error as Error).message}`);
  }
  // Stopped past the cap: what was held is counted as the cap, the one byte too many included.
  probe?.inflated?.(out ? out.length : entry.size + 1);
  if (!out || out.length > entry.size) {
    throw new ZipError("bomb", `member ${entry.name} inflates beyond its declared ${entry.size} bytes`);
  }
  return out;
}

/**
 * The bytes of one member: inflated in chunks and stopped as soon as the output passes the declared size (a member
 * that inflates beyond it is a zip bomb), then checked for length and CRC-32.
 */
export function entryBytes(bytes: Uint8Array, entry: ZipEntry, probe?: ReadProbe): Uint8Array {
  const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = raw;
    probe?.inflated?.(raw.length);
  } else if (native) {
    data = nativeBytes(raw, entry, native, probe);
  } else if (entry.compressedSize <= ONE_CALL_BYTES) {
    let out: Uint8Array;
    try {
      out = inflateSync(raw, { out: new Uint8Array(entry.size + 1) });
    } catch (error) {
      throw new ZipError("damaged", `member ${entry.name} does not inflate: ${(error as Error).message}`);
    }
    probe?.inflated?.(out.length);
    if (out.length > entry.size) {
      throw new ZipError("bomb", `member ${entry.name} inflates beyond its declared ${entry.size} bytes`);
    }
    data = out;
  } else {
    // Chunks, not one buffer of the declared size: a declared size is what a bomb lies about.
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      probe?.inflated?.(chunk.length);
      if (produced + chunk.length > entry.size) {
        throw new ZipError("bomb", `member ${entry.name} inflates beyond its declared ${entry.size} bytes`);
      }
      chunks.push(chunk);
      produced += chunk.length;
      if (final) ended = true;
    });
    try {
      for (let at = 0; at < raw.length && !ended; at += INPUT_CHUNK) {
        const end = Math.min(at + INPUT_CHUNK, raw.length);
        inflater.push(raw.subarray(at, end), end === raw.length);
      }
    } catch (error) {
      if (error instanceof ZipError) throw error;
      throw new ZipError("damaged", `member ${entry.name} does not inflate: ${(error as Error).message}`);
    }
    if (!ended && raw.length === 0 && entry.size === 0) ended = true;
    if (!ended || produced !== entry.size) {
      throw new ZipError("damaged", `member ${entry.name} inflates to ${produced}, not ${entry.size} bytes`);
    }
    data = chunks.length === 1 ? chunks[0]! : new Uint8Array(produced);
    if (chunks.length > 1) {
      let at = 0;
      for (const chunk of chunks) {
        data.set(chunk, at);
        at += chunk.length;
      }
    }
  }
  if (data.length !== entry.size) throw new ZipError("damaged", `member ${entry.name} has the wrong size`);
  if ((native ? native.crc32(data) : crc32(data)) !== entry.crc) {
    throw new ZipError("damaged", `member ${entry.name} fails its CRC-32 check`);
  }
  return data;
}
