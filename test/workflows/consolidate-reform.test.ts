import ExcelJS from "exceljs";
import { readWorkbookBuffer } from "../../src/cli/xlsx/read";
import type { Level } from "../../src/domain/catalogue";
import { periodLabel } from "../../src/domain/meta";
import type { Consolidation, RowTotal, UnitAppendix } from "../../src/workflows/consolidate";
import { consolidate, parseRoles, readUnits } from "../../src/workflows/consolidate";
import type { TypedValue } from "../helpers/seed";
import { filledTemplate } from "../helpers/xlsx";
import { SO_TU_PHAP } from "../helpers/departments";

// Consolidation for a period after the 2025 reform (DESIGN.md section 12): departments and communes only, the rows
// about districts not expected. Every unit is a real .xlsx written by our template and read back as the CLI does.

/** A unit's appendix written for `written` and, when `stated` differs, with row 4's period retyped to it. */
async function unit(
  values: Readonly<Record<string, TypedValue>>,
  name: string,
  level: Level,
  written: string,
  stated = written,
): Promise<UnitAppendix> {
  let file = await filledTemplate(values, { unit: name, level, period: written, sheetName: "Phụ lục" });
  if (stated !== written) {
    // A district's template cannot be made for a later period any more: a sheet of 2025-Q2 retyped, as happens.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    workbook.worksheets[0]!.getCell("E4").value = periodLabel(stated);
    file = new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const found = readUnits(await readWorkbookBuffer(Buffer.from(file)), `${name}.xlsx`);
  expect(found.units).toHaveLength(1);
  return found.units[0]!;
}

function total(consolidation: Consolidation, code: string): RowTotal {
  const found = consolidation.totals.find((entry) => entry.code === code);
  if (!found) throw new Error(`no total for ${code}`);
  return found;
}

const COMMUNE = { "HS.1": 40, "HS.1.1": 0, "HS.1.2": 40, "HS.2": 40, "HS.2.1": 30, "HS.2.2": 10 };
const DISTRICT = {
  "HS.1": 1000,
  "HS.1.1": 0,
  "HS.1.2": 1000,
  "HS.2": 1000,
  "HS.2.1": 1000,
  "HS.2.2": 0,
  "5.3.4": 2,
};
const OFFICE = { "7.1": 1, "7.2": 2, "7.7.2": { percent: 1, format: "0%" } };
const ROLES = parseRoles("Sở Thông tin và Truyền thông\tstttt\nSở Nội vụ;snv\n");

/** The same four units for one period: a department, a commune, a district and the stttt office. */
async function units(period: string): Promise<UnitAppendix[]> {
  return [
    await unit(SO_TU_PHAP, "Sở Tư pháp", "so", period),
    await unit(COMMUNE, "UBND xã Long Đức", "xa", period),
    await unit(DISTRICT, "UBND huyện Càng Long", "huyen", "2025-Q2", period),
    await unit(OFFICE, "Sở Thông tin và Truyền thông", "so", period),
  ];
}

describe("consolidating a period after the 2025 reform", () => {
  let later: Consolidation;
  let earlier: Consolidation;
  beforeAll(async () => {
    later = consolidate(await units("2026-Q1"), { roles: ROLES });
    earlier = consolidate(await units("2025-Q2"), { roles: ROLES });
  });

  it("sums departments and communes only, warning that a district's appendix is left out, naming the reform", () => {
    expect(total(later, "HS.2").amount).toBe(140);
    expect(total(later, "3.4.3").ratio).toEqual({ numerator: 30, denominator: 40 });
    const warnings = later.issues.filter((issue) => issue.kind === "district_left_out");
    expect(warnings.map((issue) => [issue.severity, issue.unit])).toEqual([
      ["warning", "UBND huyện Càng Long"],
    ]);
    expect(warnings[0]!.message.vi).toBe(
      "Phụ lục ghi cấp Huyện cho kỳ Quý I/2026, nhưng từ 01/7/2025 không còn cấp huyện: số liệu không được cộng vào các chỉ tiêu tính theo cấp.",
    );
    expect(warnings[0]!.message.en).toBe(
      "The appendix states the district level for 2026-Q1, but there are no districts from 1 July 2025: its figures are left out of the level-based totals.",
    );
    // The district's letter says so too, besides its own validation's warning.
    const letter = later.reviews.find((request) => request.unit === "UBND huyện Càng Long")!;
    expect(letter.text.vi).toContain("từ 01/7/2025 không còn cấp huyện");
  });

  it("expects no one to fill the rows about districts: no figure, nobody missing, a typed figure left out", () => {
    for (const code of ["3.4.2", "5.3.4", "4.1.4.c", "7.6.1.b"]) {
      const row = total(later, code);
      expect([code, row.amount, row.missing, row.contributors]).toEqual([code, undefined, [], []]);
      expect(row.remark.vi).toContain(
        "Không áp dụng từ 01/7/2025: kỳ Quý I/2026 không tổng hợp chỉ tiêu này.",
      );
      expect(row.remark.en).toContain("Not applicable from 1 July 2025: not consolidated for 2026-Q1.");
    }
    expect(total(later, "7.2").ignored).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(total(later, "7.2").amount).toBeUndefined();
    expect(later.nonAggregable.filter((entry) => entry.code === "7.2")).toEqual([]);
    // The office's other province-wide rows are its own, as before.
    expect(total(later, "7.1").amount).toBe(1);
  });

  it("asks no office for the rows about districts when it is missing", () => {
    const snv = later.issues.find((issue) => issue.kind === "role_missing" && issue.params.role === "snv")!;
    expect(snv.codes).not.toContain("4.1.4.c");
    expect(snv.codes).toContain("4.1.4.a");
    const before = earlier.issues.find(
      (issue) => issue.kind === "role_missing" && issue.params.role === "snv",
    )!;
    expect(snv.codes).toEqual(before.codes.filter((code) => code !== "4.1.4.c"));
  });

  it("keeps an earlier period as it was: the district summed and its rows expected", () => {
    expect(total(earlier, "HS.2").amount).toBe(1140);
    expect(total(earlier, "3.4.2").ratio).toEqual({ numerator: 1000, denominator: 1000 });
    expect(total(earlier, "5.3.4").amount).toBe(2);
    expect(total(earlier, "7.2").amount).toBe(2);
    expect(earlier.issues.some((issue) => issue.kind === "district_left_out")).toBe(false);
    expect(total(earlier, "3.4.2").remark.vi).not.toContain("Không áp dụng");
  });
});

describe("the digital-government office after the 2025 mergers", () => {
  const office = "Sở Khoa học và Công nghệ tỉnh Trà Vinh";

  it("is Sở Khoa học và Công nghệ for a period after them, by its name alone, and is named so in messages", async () => {
    const later = consolidate([await unit(OFFICE, office, "so", "2025-Q3")], { roles: new Map() });
    expect(later.units.map((entry) => [entry.unit, entry.role])).toEqual([[office, "stttt"]]);
    expect(total(later, "7.1").amount).toBe(1);
    expect(total(later, "7.1").source).toBe(office);
    const missing = later.issues.flatMap((issue) =>
      issue.kind === "role_missing" ? [issue.params.role] : [],
    );
    expect(missing).not.toContain("stttt");
    // Without its appendix, the message asking for it names the office of the period.
    const withoutIt = consolidate([await unit(SO_TU_PHAP, "Sở Nội vụ", "so", "2025-Q3")], {
      roles: new Map(),
    });
    const message = withoutIt.issues.find(
      (issue) => issue.kind === "role_missing" && issue.params.role === "stttt",
    )?.message;
    expect(message?.vi).toMatch(/^Không có phụ lục của Sở Khoa học và Công nghệ \(vai trò stttt\)/);
    expect(message?.en).toMatch(/^No appendix from the Department of Science and Technology \(role stttt\)/);
  });

  it("was Sở Thông tin và Truyền thông before: the same name then holds no role", async () => {
    const earlier = consolidate([await unit(OFFICE, office, "so", "2024-Q4")], { roles: new Map() });
    expect(earlier.units.map((entry) => [entry.unit, entry.role])).toEqual([[office, undefined]]);
    expect(total(earlier, "7.1").amount).toBeUndefined();
  });
});
