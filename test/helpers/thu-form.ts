import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Catalogue } from "../../src/domain/catalogue";
import { readDefinition } from "../../src/domain/forms/definition";
import type { WorkbookSheet } from "../../src/xlsx/grid";
import { readWorkbookBytes } from "../../src/xlsx/grid";
import { runTool } from "./tools";

// The test form PL-THU-2026 (issue #14 point 5) as an office suite writes it: LibreOffice headless turns the table
// typed by hand (test/fixtures/forms/pl-thu-2026.fods) into the .xlsx the tests read, never the project's writer.
// The conversion takes seconds; its result is kept in the system's temporary folder under the fixture's content
// hash, so that every suite of a run (and the next run) reuses it, and an edited fixture is converted again.

/** The typed fixture. */
export const THU_FORM_FODS = join(__dirname, "../fixtures/forms/pl-thu-2026.fods");

/**
 * `source` saved as .xlsx by LibreOffice (headless) under `work`, with a profile of its own there so that runs in
 * parallel never share one; the path of the workbook written.
 */
export async function viaLibreOffice(source: string, work: string): Promise<string> {
  const outdir = join(work, "out");
  await mkdir(join(work, "profile", "user"), { recursive: true });
  await runTool("soffice", [
    `-env:UserInstallation=file://${join(work, "profile")}`,
    "--headless",
    "--norestore",
    "--calc",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    outdir,
    source,
  ]);
  return join(outdir, `${basename(source).replace(/\.[^.]+$/, "")}.xlsx`);
}

/** The path of the fixture converted to .xlsx by LibreOffice, converting it once per fixture content. */
export async function thuFormXlsx(): Promise<string> {
  const digest = createHash("sha256")
    .update(await readFile(THU_FORM_FODS))
    .digest("hex")
    .slice(0, 16);
  const cache = join(tmpdir(), "cchc-thu-form");
  const cached = join(cache, `pl-thu-2026-${digest}.xlsx`);
  if (existsSync(cached)) return cached;
  await mkdir(cache, { recursive: true });
  const work = await mkdtemp(join(cache, "lo-"));
  try {
    const converted = await viaLibreOffice(THU_FORM_FODS, work);
    // Copied beside the cache, then renamed: a suite running in parallel never reads a half-written file.
    const partial = join(work, "partial.xlsx");
    await copyFile(converted, partial);
    await rename(partial, cached);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return cached;
}

/** The sheets of the converted form, as every host reads an .xlsx. */
export async function thuFormSheets(): Promise<WorkbookSheet[]> {
  return readWorkbookBytes(await readFile(await thuFormXlsx()));
}

/** The test form's catalogue, as the definition reader reads the converted file; throws if it were refused. */
export async function thuFormCatalogue(): Promise<Catalogue> {
  const read = readDefinition(await thuFormSheets());
  if (!read.ok) throw new Error(`PL-THU-2026 was refused: ${JSON.stringify(read.problems)}`);
  return read.catalogue;
}
