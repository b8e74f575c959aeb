// The consolidation benchmark of issue 5: `count` department files, consolidated by the CLI command as a user
// runs it. Only the consolidation is timed, not the making of the files.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consolidateCommand } from "../src/cli/consolidate";
import { zipParts } from "../src/cli/xlsx/read";
import { SEED_VALUES } from "../test/helpers/seed";
import { filledTemplate } from "../test/helpers/xlsx";
import { zip } from "../test/helpers/zip";

const UNIT_TOKEN = "@@UNIT@@";

/**
 * Writes `count` department appendices (the seed's figures, errors included, each under its own unit name) into
 * `dir` and returns their paths. One workbook is written by our template; the others differ only in the name, set
 * in its shared strings, because writing a thousand workbooks with exceljs would take longer than the benchmark.
 */
export async function departmentFiles(dir: string, count: number): Promise<string[]> {
  const parts = zipParts(
    Buffer.from(await filledTemplate(SEED_VALUES, { unit: UNIT_TOKEN, sheetName: "Phụ lục" })),
  );
  const strings = parts.get("xl/sharedStrings.xml")?.toString("utf8");
  if (strings === undefined || !strings.includes(UNIT_TOKEN)) {
    throw new Error("the template's shared strings do not hold the unit name");
  }
  const files: string[] = [];
  for (let index = 1; index <= count; index++) {
    const unit = `Sở số ${String(index).padStart(4, "0")}`;
    const members = new Map(parts);
    members.set("xl/sharedStrings.xml", Buffer.from(strings.split(UNIT_TOKEN).join(unit), "utf8"));
    const file = join(dir, `so-${String(index).padStart(4, "0")}.xlsx`);
    await writeFile(file, zip(members));
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
