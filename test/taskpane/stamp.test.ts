/** @jest-environment ./test/helpers/excel-environment.js */
import { catalogue } from "../../src/domain/catalogue";
import type { CatalogueInput } from "../../src/domain/catalogue";
import { CCHC_PL_2021 } from "../../src/domain/catalogue/cchc-pl-2021";
import { loadCatalogue } from "../../src/domain/catalogue/load";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import { columnLetter } from "../../src/domain/cell";
import type { SheetGrid } from "../../src/domain/cell";
import { OFFICE_ERROR_MESSAGES } from "../../src/excel";
import { SAMPLE_SHEET, sampleWrites } from "../../src/preview/sample";
import {
  fnv1a64,
  formatStampTime,
  readStamp,
  rulesHash,
  stampRows,
  stampStatus,
  valuesHash,
} from "../../src/workflows/stamp";
import { templateSpec } from "../../src/workflows/template-spec";
import { checkWorkbook } from "../../src/workflows/usecases";
import { templateGrid, SEED_VALUES, seedWith } from "../helpers/seed";
import { TestWorkbook, sampleWorkbook } from "../helpers/workbook";

const layout = sheetLayout(catalogue);
const SHEET = SAMPLE_SHEET.sheetName;
const valueCell = (code: string) => `${columnLetter(COLUMNS.value)}${layout.rowOf.get(code)}`;
const NOW = new Date(Date.UTC(2021, 9, 15, 7, 32, 5));
const FIXED = { "HS.1.2": 44, "DV.4.1": 1936 };

/** The sample with its two errors fixed, written by the adapter into the emulated Excel. */
async function fixedSample(): Promise<TestWorkbook> {
  return sampleWorkbook(seedWith(FIXED) as never);
}

describe("fnv1a64", () => {
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("hashes %p as the reference FNV-1a 64 does", (text, hash) => {
    expect(fnv1a64(text)).toBe(hash);
  });

  it("hashes the UTF-8 bytes of Vietnamese text, so that NFC and NFD spellings differ", () => {
    expect(fnv1a64("Sở")).not.toBe(fnv1a64("Sở".normalize("NFD")));
    expect(fnv1a64("Sở")).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("the values hash", () => {
  it("is the same whatever a host calls an empty cell or how it spells a formula", () => {
    const grid = templateGrid(SEED_VALUES);
    const spelled: SheetGrid = {
      name: grid.name,
      cells: grid.cells.map((row) =>
        row.map((cell) =>
          cell === undefined
            ? { value: "" }
            : cell.formula
              ? { ...cell, formula: cell.formula.replace(/^=/, "") }
              : cell,
        ),
      ),
    };
    expect(valuesHash(spelled)).toBe(valuesHash(grid));
  });

  it("changes with any value, with row 4, and not with a note", () => {
    const base = valuesHash(templateGrid(SEED_VALUES));
    expect(valuesHash(templateGrid(seedWith({ "HS.1.2": 44 })))).not.toBe(base);
    expect(valuesHash(templateGrid(SEED_VALUES, { period: "Quý IV/2021" }))).not.toBe(base);
    const noted = templateGrid(SEED_VALUES);
    (noted.cells[layout.rowOf.get("1.1.1")! - 1] as unknown[])[COLUMNS.note] = { value: "ghi chú" };
    expect(valuesHash(noted)).toBe(base);
  });
});

describe("the stamp time", () => {
  it("is written in local time with its offset, and read back to the same instant", async () => {
    expect(formatStampTime(NOW, 420)).toBe("15/10/2021 14:32:05 UTC+07:00");
    expect(formatStampTime(NOW, -150)).toBe("15/10/2021 05:02:05 UTC-02:30");
    const book = await fixedSample();
    await book.run((port) => checkWorkbook(port, { stamp: true, now: () => NOW, offsetMinutes: 420 }));
    expect(readStamp(await book.grid(SHEET))?.date?.toISOString()).toBe(NOW.toISOString());
  });
});

describe("checkWorkbook", () => {
  it("stamps a sheet with no error: four visible lines in column B below the source block", async () => {
    const book = await fixedSample();
    const result = await book.run((port) =>
      checkWorkbook(port, { mark: true, stamp: true, now: () => NOW, offsetMinutes: 420 }),
    );
    expect(result.sheets[0]!.verdict).toBe("ready");
    expect(result.stamped).toEqual([SHEET]);
    const rows = stampRows(layout);
    expect(rows[0]).toBe(layout.lastRow + 2);
    const lines = rows.map((row) => book.view.valueAt(SHEET, `B${row}`));
    expect(lines).toEqual([
      expect.stringMatching(/^DẤU KIỂM TRA \(không in\): không có lỗi — \d+ cảnh báo, \d+ lưu ý$/),
      "Thời điểm kiểm tra: 15/10/2021 14:32:05 UTC+07:00",
      `Bộ quy tắc: ${catalogue.templateVersion} #${rulesHash()}`,
      expect.stringMatching(/^Mã số liệu: [0-9a-f]{16}$/),
    ]);
    expect(rows[0]! > Number(layout.printArea.split(":E")[1])).toBe(true);
    const status = result.stamps.get(SHEET)!;
    expect(status).toMatchObject({ valuesChanged: false, rulesChanged: false });
    expect(status.stamp?.valuesHash).toBe(status.valuesHash);
  });

  it("does not stamp a sheet with an error, and reports an old stamp as changed once a value changes", async () => {
    const book = await fixedSample();
    await book.run((port) => checkWorkbook(port, { stamp: true, now: () => NOW }));
    book.type(SHEET, valueCell("HS.1.2"), 40);
    const after = await book.run((port) => checkWorkbook(port, { stamp: true, now: () => new Date() }));
    expect(after.sheets[0]!.counts.error).toBeGreaterThan(0);
    expect(after.stamped).toEqual([]);
    expect(after.stamps.get(SHEET)).toMatchObject({ valuesChanged: true });
    expect(after.stamps.get(SHEET)!.stamp!.at).toBe(formatStampTime(NOW));
    expect(stampStatus(await book.grid(SHEET)).valuesChanged).toBe(true);
  });

  it("writing the stamp does not change the values it hashes", async () => {
    const book = await fixedSample();
    const before = await book.grid(SHEET);
    const { stamped } = await book.run((port) => checkWorkbook(port, { stamp: true }));
    expect(stamped).toEqual([SHEET]);
    expect(valuesHash(await book.grid(SHEET))).toBe(valuesHash(before));
  });

  it("never stamps on a check without `stamp` (a live check)", async () => {
    const book = await fixedSample();
    const result = await book.run((port) => checkWorkbook(port, { mark: true }));
    expect(result.stamped).toEqual([]);
    expect(result.stamps.get(SHEET)?.stamp).toBeUndefined();
  });

  it("costs list, read and one write of the marks and stamps whatever the number of sheets", async () => {
    const book = await fixedSample();
    for (const name of ["A", "B", "C"]) {
      await book.apply({
        steps: [{ kind: "addSheet", spec: templateSpec({ ...SAMPLE_SHEET, sheetName: name }) }],
      });
    }
    book.resetCalls();
    const progress: string[] = [];
    await book.run((port) =>
      checkWorkbook(port, { mark: true, stamp: true, onProgress: (p) => progress.push(p.phase) }),
    );
    expect(book.roundTrips).toBe(3);
    expect(progress).toEqual(["reading", "checking", "writing"]);
  });

  it("keeps the marks when the host refuses the stamp (its cells locked), and says why", async () => {
    const stampCells = new Set(stampRows(layout).map((row) => `B${row}`));
    const spec = templateSpec({ ...SAMPLE_SHEET });
    const locked = { ...spec, cells: spec.cells.filter((cell) => !stampCells.has(cell.address)) };
    const book = new TestWorkbook([]);
    await book.apply({
      steps: [{ kind: "addSheet", spec: locked, values: sampleWrites(seedWith(FIXED) as never) }],
    });
    const result = await book.run((port) => checkWorkbook(port, { mark: true, stamp: true }));
    expect(result.sheets[0]!.verdict).toBe("ready");
    expect(result.stampFailure?.sheets).toEqual([SHEET]);
    expect(result.stampFailure?.message).toEqual(OFFICE_ERROR_MESSAGES.AccessDenied);
    expect(result.stampFailure?.message.en).toMatch(/protected/);
    expect(result.stamped).toEqual([]);
    expect(result.stamps.get(SHEET)?.stamp).toBeUndefined();
    expect(book.marks(SHEET).length).toBeGreaterThan(0);
  });
});

/** An object with its keys in reverse order: the same data as a definition read back might build it. */
function reversedKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).reverse()) as T;
}

describe("the rules hash", () => {
  it("is the same for the form written in another field and rule order", () => {
    const reordered: CatalogueInput = {
      ...CCHC_PL_2021,
      rows: CCHC_PL_2021.rows.map((row) =>
        reversedKeys({ ...row, ...(row.derived ? { derived: reversedKeys(row.derived) } : {}) }),
      ),
      relations: [...CCHC_PL_2021.relations].reverse().map(reversedKeys),
      patterns: [...CCHC_PL_2021.patterns].reverse(),
    };
    expect(rulesHash(loadCatalogue(reordered))).toBe(rulesHash());
  });

  it.each([
    [
      "a plausible bound",
      (row: CatalogueInput["rows"][number]) => ({ ...row, plausible: { max: { so: 1 } } }),
    ],
    [
      "the period a row stops applying",
      (row: CatalogueInput["rows"][number]) => ({ ...row, notApplicableFrom: "2030" }),
    ],
    [
      "how a total is made",
      (row: CatalogueInput["rows"][number]) => ({ ...row, aggregation: "list" as const }),
    ],
  ])("changes with %s of one row", (_what, change) => {
    const at = CCHC_PL_2021.rows.findIndex((row) => row.code === "HS.1.2");
    const rows = CCHC_PL_2021.rows.map((row, index) => (index === at ? change(row) : row));
    expect(rulesHash(loadCatalogue({ ...CCHC_PL_2021, rows }))).not.toBe(rulesHash());
  });

  it("does not change with a label's wording, which changes no finding", () => {
    const rows = CCHC_PL_2021.rows.map((row) =>
      row.code === "HS.1.2" ? { ...row, label: { vi: "Số hồ sơ mới", en: "New files" } } : row,
    );
    expect(rulesHash(loadCatalogue({ ...CCHC_PL_2021, rows }))).toBe(rulesHash());
  });
});

describe("a stamp made before the stamp hashed the whole rule set", () => {
  // f266b765 is what rulesHash() returned for the built-in 2021 form until the hash covered the whole parsed rule
  // set (its kinds, units, legends, scopes, derivations, relations and patterns only, in source order), a rate's
  // denominator then one code; 58ea642b is the same hash once denominators became lists of codes. Every sheet
  // stamped by an earlier version of the tool carries one of them.
  const EARLIER = ["f266b765", "58ea642b"];

  async function stampedBefore(rules: string): Promise<TestWorkbook> {
    const book = await fixedSample();
    const [title, time, ruleLine, values] = stampRows(layout);
    const hash = valuesHash(await book.grid(SHEET));
    book.type(SHEET, `B${title}`, "DẤU KIỂM TRA (không in): không có lỗi — 0 cảnh báo, 6 lưu ý");
    book.type(SHEET, `B${time}`, "Thời điểm kiểm tra: 15/10/2021 14:32:05 UTC+07:00");
    book.type(SHEET, `B${ruleLine}`, `Bộ quy tắc: CCHC-PL-2021 #${rules}`);
    book.type(SHEET, `B${values}`, `Mã số liệu: ${hash}`);
    return book;
  }

  it.each(EARLIER)("carrying %s is read as made under the 2021 rules, not another rule set", async (hash) => {
    expect(rulesHash()).not.toBe(hash);
    const book = await stampedBefore(hash);
    const result = await book.run((port) => checkWorkbook(port, {}));
    expect(result.stamps.get(SHEET)).toMatchObject({
      stamp: { templateVersion: "CCHC-PL-2021", rulesHash: hash, at: "15/10/2021 14:32:05 UTC+07:00" },
      valuesChanged: false,
      rulesChanged: false,
    });
  });

  it("with a hash of no rule set this tool knows is flagged as made under other rules", async () => {
    const book = await stampedBefore("0badc0de");
    const result = await book.run((port) => checkWorkbook(port, {}));
    expect(result.stamps.get(SHEET)).toMatchObject({ valuesChanged: false, rulesChanged: true });
  });
});
