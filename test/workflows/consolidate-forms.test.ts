import ExcelJS from "exceljs";
import { summaryFileBytes } from "../../src/cli/xlsx/summary-file";
import type { Bilingual, LoadedCatalogue } from "../../src/domain/catalogue";
import { BUILT_IN_FORMS, catalogue as form2021, FormRegistry } from "../../src/domain/catalogue";
import { loadCatalogue } from "../../src/domain/catalogue/load";
import type { SheetGrid } from "../../src/domain/cell";
import { cellInput } from "../../src/domain/cell";
import { definitionHash } from "../../src/domain/forms/carried";
import { COLUMNS } from "../../src/domain/layout";
import type { Consolidation, RowTotal, UnitAppendix } from "../../src/workflows/consolidate";
import { consolidate, ConsolidationError, readUnits } from "../../src/workflows/consolidate";
import type { TypedValue } from "../helpers/seed";
import { templateGrid } from "../helpers/seed";
import { thuFormCatalogue } from "../helpers/thu-form";

// Consolidation across forms (DESIGN.md section 11): the built-in 2021 form beside the test form PL-THU-2026 as
// LibreOffice wrote it from the fixture typed by hand, each unit a sheet laid out by its form and read as every
// host reads one; the summary written by the command's writer and read back with exceljs.

/** A commune's figures on PL-THU-2026; its rules hold (HS.1 = HS.1.1 + HS.1.2, 2.3 = HS.1.1 / HS.1). */
const COMMUNE: Readonly<Record<string, TypedValue>> = {
  "1.1": 10,
  "1.2": 8,
  "1.4": 1,
  "2.2": 5,
  "3.1": 12,
  "3.2": 4,
  "3.4": 2,
  "HS.1": 100,
  "HS.1.1": 60,
  "HS.1.2": 40,
  "HS.2": 80,
  "HS.2.1": 70,
  "HS.3": 20,
};

/** A department's figures on the 2021 form, its source block balanced. */
const DEPARTMENT: Readonly<Record<string, TypedValue>> = {
  "1.1.1": 3,
  "2.2": 7,
  "HS.1": 50,
  "HS.1.1": 30,
  "HS.1.2": 20,
  "HS.2": 40,
  "HS.2.1": 35,
  "HS.3": 10,
};

/** The grid with F1 holding `key`, as a sheet made from a definition carries its id and hash. */
function withKey(grid: SheetGrid, key: string): SheetGrid {
  const cells = grid.cells.map((row, at) =>
    at === 0 ? row.map((cell, column) => (column === COLUMNS.key ? cellInput(key) : cell)) : row,
  );
  return { ...grid, cells };
}

/** Both texts of a message rendered when read, as plain strings. */
function texts(message: Bilingual): Bilingual {
  return { vi: message.vi, en: message.en };
}

function total(consolidation: Consolidation, code: string): RowTotal {
  const found = consolidation.totals.find((entry) => entry.code === code);
  if (!found) throw new Error(`no total for ${code}`);
  return found;
}

let thu: LoadedCatalogue;
let hash: string;
let forms: FormRegistry;

/** Units read from their sheets as a consolidation reads them, against the registry given. */
function units(grids: readonly SheetGrid[], registry: FormRegistry): UnitAppendix[] {
  return grids.flatMap((grid) => readUnits([grid], `${grid.name}.xlsx`, registry).units);
}

function communes(count: number, key = `PL-THU-2026#${hash}`, catalogue = thu): SheetGrid[] {
  return Array.from({ length: count }, (_, at) =>
    withKey(
      templateGrid(COMMUNE, {
        catalogue,
        name: `Xã ${at + 1}`,
        unit: `UBND xã ${at + 1}`,
        level: "xa",
        period: "Quý I/2026",
      }),
      key,
    ),
  );
}

function departments(count: number): SheetGrid[] {
  return Array.from({ length: count }, (_, at) =>
    templateGrid(DEPARTMENT, {
      name: `Sở ${at + 1}`,
      unit: `Sở số ${at + 1}`,
      level: "so",
      period: "Quý I/2026",
    }),
  );
}

beforeAll(async () => {
  const typed = await thuFormCatalogue();
  thu = loadCatalogue(typed);
  hash = definitionHash(typed);
  forms = BUILT_IN_FORMS.with({ catalogue: thu, hash });
}, 120_000);

describe("consolidating two different forms", () => {
  let result: Consolidation;
  beforeAll(() => {
    result = consolidate(units([...departments(2), ...communes(3)], forms), { roles: new Map() });
  });

  it("lays the summary out by the form most units follow, and says which forms it met", () => {
    expect(result.templateVersion).toBe("PL-THU-2026");
    expect(result.forms).toEqual([
      { key: `PL-THU-2026#${hash}`, units: 3 },
      { key: "CCHC-PL-2021", units: 2 },
    ]);
    expect(result.units.map((unit) => [unit.unit, unit.form])).toEqual([
      ["Sở số 1", "CCHC-PL-2021"],
      ["Sở số 2", "CCHC-PL-2021"],
      ["UBND xã 1", `PL-THU-2026#${hash}`],
      ["UBND xã 2", `PL-THU-2026#${hash}`],
      ["UBND xã 3", `PL-THU-2026#${hash}`],
    ]);
  });

  it("sums the source rows both forms declare alike over every unit of both", () => {
    expect(total(result, "HS.1").amount).toBe(3 * 100 + 2 * 50);
    expect(total(result, "HS.1.2").amount).toBe(3 * 40 + 2 * 20);
    expect(total(result, "HS.3").contributors).toEqual([
      "Sở số 1",
      "Sở số 2",
      "UBND xã 1",
      "UBND xã 2",
      "UBND xã 3",
    ]);
  });

  it("leaves out a row the other form declares in another unit or kind, or lacks, saying so on the row", () => {
    const unit = total(result, "2.2");
    expect(unit).toMatchObject({ contributors: [], missing: [] });
    expect(unit.amount).toBeUndefined();
    expect(texts(unit.remark)).toEqual({
      vi: "Không tổng hợp: ở mẫu CCHC-PL-2021 (2 đơn vị), chỉ tiêu này khác đơn vị tính.",
      en: "Not consolidated: in the form CCHC-PL-2021 (2 units) this indicator has another unit.",
    });
    expect(total(result, "1.2").remark.vi).toBe(
      "Không tổng hợp: ở mẫu CCHC-PL-2021 (2 đơn vị), chỉ tiêu này khác loại (số đếm, tỷ lệ hay mã).",
    );
    expect(texts(total(result, "1.3").remark)).toEqual({
      vi: "Không tổng hợp: mẫu CCHC-PL-2021 (2 đơn vị) không có chỉ tiêu này.",
      en: "Not consolidated: the form CCHC-PL-2021 (2 units) lacks this indicator.",
    });
  });

  it("names in one finding the rows summed over both forms and every row left out, by why", () => {
    const issue = result.issues.find((entry) => entry.kind === "forms_mixed");
    // The 2021 form's value rows PL-THU-2026 does not have as values: in no total.
    const extra = form2021.valueRows
      .filter((row) => (thu.byCode.get(row.code)?.kind ?? "none") === "none")
      .map((row) => row.code);
    expect(issue?.params).toEqual({
      lead: "PL-THU-2026",
      leadUnits: 3,
      form: "CCHC-PL-2021",
      units: 2,
      common: ["HS.1", "HS.1.1", "HS.1.2", "HS.2", "HS.2.1", "HS.3"],
      absent: ["1.3", "1.4", "2.1.a", "2.1.b"],
      differs: ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4"],
      reasons: ["kind", "kind", "unit", "unit", "kind", "kind", "kind", "kind", "kind"],
      extra,
    });
    expect(issue?.severity).toBe("warning");
    expect(issue && texts(issue.message)).toEqual({
      vi:
        "Bảng tổng hợp theo mẫu PL-THU-2026 (3 đơn vị); phụ lục của 2 đơn vị theo mẫu CCHC-PL-2021 chỉ được cộng ở 6 chỉ tiêu hai mẫu ghi giống nhau (cùng mã, loại, đơn vị tính, cách tổng hợp): HS.1, HS.1.1, HS.1.2, HS.2, HS.2.1, HS.3. " +
        "Không tổng hợp: khác loại (số đếm, tỷ lệ hay mã): 1.1, 1.2, 2.3, 3.1, 3.2, 3.3, 3.4; khác đơn vị tính: 2.1, 2.2; " +
        `4 chỉ tiêu không có trong mẫu CCHC-PL-2021: 1.3, 1.4, 2.1.a, 2.1.b; ${extra.length} chỉ tiêu chỉ có trong mẫu CCHC-PL-2021: ${extra.join(", ")}.`,
      en:
        "The summary follows the form PL-THU-2026 (3 units); the appendices of 2 units on the form CCHC-PL-2021 are summed only on the 6 indicators both forms declare alike (same code, kind, unit and aggregation): HS.1, HS.1.1, HS.1.2, HS.2, HS.2.1, HS.3. " +
        "Not consolidated: another kind (count, rate or coded): 1.1, 1.2, 2.3, 3.1, 3.2, 3.3, 3.4; another unit: 2.1, 2.2; " +
        `4 indicators not in the form CCHC-PL-2021: 1.3, 1.4, 2.1.a, 2.1.b; ${extra.length} indicators only in the form CCHC-PL-2021: ${extra.join(", ")}.`,
    });
  });

  it("asks no office for a province-wide row that is left out", () => {
    expect(result.issues.map((entry) => entry.kind)).not.toContain("role_missing");
    expect(result.issues.map((entry) => entry.kind)).not.toContain("roles_missing");
  });

  it("writes the left-out rows into the summary: each row's remark, the finding, each unit's form", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await summaryFileBytes(result)) as unknown as ArrayBuffer);
    const form = workbook.getWorksheet("Tổng hợp")!;
    const rowOf = (code: string) => {
      let found = 0;
      form.eachRow((row, number) => {
        if (row.getCell(COLUMNS.key + 1).value === code) found = number;
      });
      return form.getRow(found);
    };
    expect(rowOf("HS.1").getCell(COLUMNS.value + 1).value).toBe(400);
    expect(rowOf("2.2").getCell(COLUMNS.value + 1).value).toBeNull();
    expect(rowOf("2.2").getCell(COLUMNS.note + 1).value).toBe(
      "Không tổng hợp: ở mẫu CCHC-PL-2021 (2 đơn vị), chỉ tiêu này khác đơn vị tính.",
    );
    const issues = workbook.getWorksheet("Cảnh báo tổng hợp")!;
    const said: string[] = [];
    issues.eachRow((row) => said.push(`${String(row.getCell(5).value)}\n${String(row.getCell(6).value)}`));
    const issue = result.issues.find((entry) => entry.kind === "forms_mixed")!;
    expect(said).toContain(`${issue.message.vi}\n${issue.message.en}`);
    const list = workbook.getWorksheet("Đơn vị")!;
    expect(list.getCell("L2").value).toBe("Mẫu\nForm");
    expect([3, 4, 5, 6, 7].map((row) => list.getCell(`L${row}`).value)).toEqual([
      "CCHC-PL-2021",
      "CCHC-PL-2021",
      `PL-THU-2026#${hash}`,
      `PL-THU-2026#${hash}`,
      `PL-THU-2026#${hash}`,
    ]);
  });

  it("on a tie lays the summary out by the form met first", () => {
    const tied = consolidate(units([...departments(2), ...communes(2)], forms), { roles: new Map() });
    expect(tied.templateVersion).toBe("CCHC-PL-2021");
    expect(total(tied, "HS.2.1").amount).toBe(2 * 70 + 2 * 35);
    expect(total(tied, "2.2").remark.vi).toBe(
      "Không tổng hợp: ở mẫu PL-THU-2026 (2 đơn vị), chỉ tiêu này khác đơn vị tính.",
    );
  });

  it("compares no form whose every sheet is very hidden: nothing of it is summed", () => {
    const hidden = communes(1).map((grid) => ({ ...grid, visibility: "veryHidden" as const }));
    const result = consolidate(units([...departments(2), ...hidden], forms), { roles: new Map() });
    expect(result.forms).toEqual([{ key: "CCHC-PL-2021", units: 2 }]);
    expect(result.leftOut).toEqual([]);
    expect(total(result, "2.2").amount).toBe(14);
    expect(result.excluded.map((entry) => entry.sheet)).toEqual(["Xã 1"]);
  });

  it("keeps one form's consolidation as it was: no finding about forms, no row left out", () => {
    const alone = consolidate(units(departments(2), forms), { roles: new Map() });
    expect(alone.forms).toEqual([{ key: "CCHC-PL-2021", units: 2 }]);
    expect(alone.leftOut).toEqual([]);
    expect(alone.issues.map((entry) => entry.kind)).not.toContain("forms_mixed");
    expect(total(alone, "2.2").amount).toBe(14);
  });
});

describe("two definitions under one form id", () => {
  it("are never consolidated together: refused naming each version's hash and where its units are", () => {
    // The same form with one label changed, as a province that edited its definition without a new id has it.
    const edited = {
      ...thu,
      rows: thu.rows.map((row) =>
        row.code === "3.1" ? { ...row, label: { ...row.label, vi: "Số người được đào tạo" } } : row,
      ),
    };
    const other = loadCatalogue(edited);
    const otherHash = definitionHash(edited);
    expect(otherHash).not.toBe(hash);
    const registry = new FormRegistry([
      form2021,
      { catalogue: thu, hash },
      { catalogue: other, hash: otherHash },
    ]);
    const sheets = [
      ...communes(2),
      ...communes(1, `PL-THU-2026#${otherHash}`, other).map((grid) => ({ ...grid, name: "Xã mới" })),
    ];
    let error: unknown;
    try {
      consolidate(units(sheets, registry), { roles: new Map() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConsolidationError);
    expect((error as ConsolidationError).kind).toBe("mixed_definitions");
    expect((error as ConsolidationError).bilingual).toEqual({
      vi: `Không tổng hợp chung các phụ lục theo 2 bản định nghĩa khác nhau của cùng mẫu PL-THU-2026 (cùng mã mẫu, khác nội dung): bản #${hash} (Xã 1.xlsx 'Xã 1', Xã 2.xlsx 'Xã 2'); bản #${otherHash} (Xã mới.xlsx 'Xã mới'). Đề nghị các đơn vị lập lại phụ lục từ cùng một tệp định nghĩa.`,
      en: `Appendices of 2 different definitions of the form PL-THU-2026 (one form id, different contents) cannot be consolidated together: version #${hash} (Xã 1.xlsx 'Xã 1', Xã 2.xlsx 'Xã 2'); version #${otherHash} (Xã mới.xlsx 'Xã mới'). Ask the units to make their appendices again from one definition file.`,
    });
  });
});
