// The consolidation benchmark of issue 5: `count` department files, consolidated by the CLI command as a user
// runs it. Only the consolidation is timed, not the making of the files.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { consolidateCommand } from "../src/cli/consolidate";
import { zipParts } from "../src/cli/xlsx/fast-read";
import { SEED_VALUES } from "../test/helpers/seed";
import { filledTemplate } from "../test/helpers/xlsx";

const UNIT_TOKEN = "@@UNIT@@";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Packed {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly deflated: Buffer;
}

function pack(name: string, data: Buffer): Packed {
  return {
    name: Buffer.from(name, "utf8"),
    crc: crc32(data),
    size: data.length,
    deflated: deflateRawSync(data),
  };
}

/** A minimal zip (deflate, no data descriptors): enough for a workbook that readers open like Excel's own. */
function zip(entries: readonly Packed[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(entry.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(entry.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, entry.name, entry.deflated);
    centrals.push(central, entry.name);
    offset += 30 + entry.name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Writes `count` department appendices (the seed's figures, errors included, each under its own unit name) into
 * `dir` and returns their paths. One workbook is written by our template; the others differ only in the name, set
 * in its shared strings, because writing a thousand workbooks with exceljs would take longer than the benchmark.
 */
export async function departmentFiles(dir: string, count: number): Promise<string[]> {
  const parts = zipParts(
    Buffer.from(await filledTemplate(SEED_VALUES, { unit: UNIT_TOKEN, sheetName: "Phụ lục" })),
  );
  const strings = parts?.get("xl/sharedStrings.xml")?.toString("utf8");
  if (!parts || strings === undefined || !strings.includes(UNIT_TOKEN)) {
    throw new Error("the template's shared strings do not hold the unit name");
  }
  const fixed = new Map(
    [...parts]
      .filter(([name]) => name !== "xl/sharedStrings.xml")
      .map(([name, data]) => [name, pack(name, data)]),
  );
  const files: string[] = [];
  for (let index = 1; index <= count; index++) {
    const unit = `Sở số ${String(index).padStart(4, "0")}`;
    const entries = [...parts.keys()].map(
      (name) => fixed.get(name) ?? pack(name, Buffer.from(strings.split(UNIT_TOKEN).join(unit), "utf8")),
    );
    const file = join(dir, `so-${String(index).padStart(4, "0")}.xlsx`);
    await writeFile(file, zip(entries));
    files.push(file);
  }
  return files;
}

/** Seconds `cchc-appendix consolidate` takes over `count` department files, progress sent nowhere. */
export async function benchConsolidate(count = 1000): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-bench-consolidate-"));
  try {
    const files = await departmentFiles(dir, count);
    const start = process.hrtime.bigint();
    const code = await consolidateCommand([...files, "-o", join(dir, "tong-hop.xlsx")], {
      out: () => undefined,
      err: () => undefined,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (code === 2) throw new Error("the consolidation could not read its files");
    return Number(seconds.toFixed(2));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
