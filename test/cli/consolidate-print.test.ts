import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { summaryFileBytes } from "../../src/cli/xlsx/summary";
import type { Level } from "../../src/domain/catalogue";
import type { Consolidation, UnitAppendix } from "../../src/workflows/consolidate";
import { consolidate, readUnits } from "../../src/workflows/consolidate";
import { SO_TU_PHAP, SO_Y_TE } from "../helpers/departments";
import type { PdfWord } from "../helpers/tools";
import { pdfBoxPages, runTool } from "../helpers/tools";
import type { TypedValue } from "../helpers/seed";
import { SEED_VALUES, templateGrid } from "../helpers/seed";

// The summary workbook of a 40-unit province as LibreOffice prints it (PDF, read with poppler-utils): the form and
// the correction requests legible on portrait pages, fitted to the width, every request's text whole; the per-unit
// figures in landscape, codes and unit names repeated on every page. LibreOffice and poppler-utils are required, as
// in CI: a missing tool fails the suite with a message instead of skipping it.

const runPrinter = (command: string, args: string[]) => runTool(command, args, 150_000);

jest.setTimeout(180_000);

/** A printed page: its size in points, its text as laid out, and its words with their boxes. */
interface Page {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly text: string;
  readonly words: readonly PdfWord[];
}

/** Text on one line, spaces collapsed. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Text without its spaces: how a text is compared with what a PDF shows of it, since pdftotext breaks a word where
 * the font changes (a letter LibreOffice draws from a fallback font: "th ể"), and lines where the cell wraps.
 */
function squeezed(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Names as units write them, a few as long as they come. */
const NAMES = [
  "Sở Thông tin và Truyền thông",
  "Sở Lao động - Thương binh và Xã hội",
  "Ban Quản lý các khu kinh tế tỉnh Trà Vinh",
  "Sở Tư pháp",
  "Sở Y tế",
  "Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh",
  "UBND huyện Càng Long",
  "UBND huyện Cầu Ngang",
  "UBND thị xã Duyên Hải",
  "UBND xã Long Đức",
];
const LEVELS: readonly Level[] = ["so", "so", "so", "so", "so", "so", "huyen", "huyen", "huyen", "xa"];

/** 40 units: departments, districts and communes, one in four with the seed's errors (a long correction request). */
function province(): UnitAppendix[] {
  const units: UnitAppendix[] = [];
  for (let index = 0; index < 40; index++) {
    const level = LEVELS[index % NAMES.length]!;
    const unit = `${NAMES[index % NAMES.length]!}${index >= NAMES.length ? ` (${Math.floor(index / NAMES.length) + 1})` : ""}`;
    const values: Readonly<Record<string, TypedValue>> =
      index % 4 === 0 ? SEED_VALUES : index % 2 === 0 ? SO_TU_PHAP : SO_Y_TE;
    const grid = templateGrid(values, { name: `Đơn vị ${index + 1}`, unit, level, period: "Quý III/2021" });
    units.push(...readUnits([grid], `don-vi-${index + 1}.xlsx`).units);
  }
  return units;
}

let work: string;
let consolidation: Consolidation;
let pages: Page[];
let pdf: string;

beforeAll(async () => {
  await runPrinter("soffice", ["--version"]);
  work = await mkdtemp(join(tmpdir(), "cchc-print-"));
  consolidation = consolidate(province(), { roles: new Map() });
  const file = join(work, "tong-hop.xlsx");
  await writeFile(file, await summaryFileBytes(consolidation));
  const profile = join(work, "lo-profile");
  await mkdir(join(profile, "user"), { recursive: true });
  await runPrinter("soffice", [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--calc",
    "--convert-to",
    "pdf",
    "--outdir",
    work,
    file,
  ]);
  pdf = join(work, "tong-hop.pdf");
  const texts = (await runPrinter("pdftotext", ["-layout", pdf, "-"])).split("\f");
  pages = pdfBoxPages(await runPrinter("pdftotext", ["-bbox", pdf, "-"])).map((page, index) => ({
    ...page,
    number: index + 1,
    text: texts[index] ?? "",
  }));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The pages of one summary table, found by its title, which every one of its pages repeats. */
function pagesOf(title: string): Page[] {
  return pages.filter((page) => flat(page.text).includes(title));
}

/**
 * What the pages show right of `left` and below `top` (points), page after page, squeezed: one column of a table
 * read down, without the header repeated at the top of each page or the page number in the footer.
 */
async function columnText(from: readonly Page[], left: number, top: (page: Page) => number): Promise<string> {
  const parts: string[] = [];
  for (const page of from) {
    const y = top(page);
    const args = ["-layout", "-f", String(page.number), "-l", String(page.number)];
    const crop = [String(Math.floor(left)), String(Math.ceil(y)), String(Math.ceil(page.width - left))];
    // The footer sits in the bottom margin (0.6 inch, 43 points): the crop stops above it.
    const height = String(Math.floor(page.height - y - 40));
    parts.push(
      await runPrinter("pdftotext", [
        ...args,
        "-x",
        crop[0]!,
        "-y",
        crop[1]!,
        "-W",
        crop[2]!,
        "-H",
        height,
        pdf,
        "-",
      ]),
    );
  }
  return squeezed(parts.join(""));
}

describe("the summary workbook of 40 units, printed by LibreOffice", () => {
  it("prints on a sane number of A4 pages", () => {
    expect(pages.length).toBeLessThanOrEqual(40);
    // A4, whichever way round (before, every table printed on US Letter).
    for (const page of pages) {
      const [short, long] = [page.width, page.height].sort((a, b) => a - b);
      expect([page.number, Math.round(short!), Math.round(long!)]).toEqual([page.number, 595, 842]);
    }
  });

  it("prints the form on portrait pages one page wide, its header on every page, every remark whole", async () => {
    const form = pages.filter((page) =>
      flat(page.text).includes("Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo"),
    );
    expect(form.length).toBeGreaterThan(1);
    expect(form.length).toBeLessThanOrEqual(8);
    for (const page of form) {
      expect([page.number, page.width < page.height]).toEqual([page.number, true]);
      // The note column on every page: the form is fitted to the page's width.
      expect([page.number, page.text.includes("Ghi chú"), page.text.includes("Số liệu")]).toEqual([
        page.number,
        true,
        true,
      ]);
      for (const word of page.words) expect(word.xMax).toBeLessThanOrEqual(page.width);
    }
    // The note column starts where its remarks do, each line of them at one x: the commonest left edge of the
    // words on the right half of the page (column D's numbers are right-aligned, so their left edges vary).
    const lefts = new Map<number, number>();
    for (const page of form) {
      for (const word of page.words) {
        if (word.xMin < page.width / 2) continue;
        const x = Math.round(word.xMin);
        lefts.set(x, (lefts.get(x) ?? 0) + 1);
      }
    }
    const left = [...lefts].sort((a, b) => b[1] - a[1])[0]![0] - 2;
    // The header ends with "Đơn vị tính" in row 6, the first "tính" below "Ghi chú".
    const header = (page: Page) => {
      const note = page.words.find((word) => word.text === "Ghi")!;
      const below = page.words.filter((word) => word.text === "tính" && word.yMin > note.yMin);
      return Math.min(...below.map((word) => word.yMax)) + 1;
    };
    const notes = await columnText(form, left, header);
    // The source block (HS.1, DV.3…) is outside the print area, as in every appendix.
    const remarks = consolidation.totals
      .filter((total) => consolidation.catalogue.byCode.get(total.code)?.block === "appendix")
      .map((total) => total.remark.vi)
      .filter(Boolean);
    expect(remarks.length).toBeGreaterThan(20);
    for (const remark of remarks) expect(notes).toContain(squeezed(remark));
  });

  it("prints every correction request whole on landscape pages fitted to their width", async () => {
    const requests = pagesOf("YÊU CẦU CHỈNH SỬA PHỤ LỤC / Correction requests");
    expect(requests.length).toBeGreaterThan(1);
    for (const page of requests) {
      expect([page.number, page.width > page.height]).toEqual([page.number, true]);
      expect([page.number, page.text.includes("Nội dung yêu cầu")]).toEqual([page.number, true]);
      for (const word of page.words) expect(word.xMax).toBeLessThanOrEqual(page.width);
    }
    // Each letter begins "Kính gửi:" at the left of the request column.
    const starts = requests.flatMap((page) => page.words.filter((word) => word.text === "Kính"));
    const left = Math.min(...starts.map((word) => word.xMin)) - 1;
    const header = (page: Page) =>
      Math.max(...page.words.filter((word) => word.text === "(Vietnamese)").map((word) => word.yMax)) + 1;
    const letters = await columnText(requests, left, header);
    // The ten units of the seed have errors; the others, ready, get no letter for their notes alone.
    expect(consolidation.requests).toHaveLength(10);
    for (const request of [...consolidation.requests, ...consolidation.reviews])
      expect(letters).toContain(squeezed(request.text.vi));
  });

  it("prints the figures of each unit in landscape across pages, codes and unit names on every page", () => {
    const figures = pagesOf("SỐ LIỆU CỦA TỪNG ĐƠN VỊ / Figures of each unit");
    expect(figures.length).toBeGreaterThan(1);
    expect(figures.length).toBeLessThanOrEqual(12);
    const codes = new Set<string>();
    for (const page of figures) {
      expect([page.number, page.width > page.height]).toEqual([page.number, true]);
      const text = flat(page.text);
      // Column A and row 2 are print titles: the unit names and the header on every page.
      expect([page.number, text.includes("Đơn vị báo cáo"), text.includes("Sở Tư pháp (4)")]).toEqual([
        page.number,
        true,
        true,
      ]);
      for (const word of page.words) if (consolidation.valueCodes.includes(word.text)) codes.add(word.text);
    }
    expect([...codes].sort()).toEqual([...consolidation.valueCodes].sort());
  });
});
