import ExcelJS from "exceljs";
import { readWorkbookBuffer } from "../../src/cli/xlsx/read";
import { summaryWorkbook } from "../../src/cli/xlsx/summary";
import type { Level } from "../../src/domain/catalogue";
import type { Consolidation, RoleMap, RowTotal, UnitAppendix } from "../../src/workflows/consolidate";
import {
  consolidate,
  ConsolidationError,
  Consolidator,
  parseExpected,
  parseRoles,
  previousFigures,
  readUnits,
  unitKey,
} from "../../src/workflows/consolidate";
import type { TypedValue } from "../helpers/seed";
import { SEED_VALUES } from "../helpers/seed";
import { filledTemplate } from "../helpers/xlsx";
import { SO_TU_PHAP, SO_XAY_DUNG, SO_Y_TE } from "../helpers/departments";

// Every unit here is a real .xlsx written by our template and read back as the CLI reads it.

interface UnitOptions {
  readonly unit: string;
  readonly level?: Level;
  readonly period?: string;
}

async function unitFile(values: Readonly<Record<string, TypedValue>>, options: UnitOptions) {
  return Buffer.from(
    await filledTemplate(values, {
      unit: options.unit,
      level: options.level ?? "so",
      period: options.period ?? "2021-Q3",
      sheetName: "Phụ lục",
    }),
  );
}

async function unit(
  values: Readonly<Record<string, TypedValue>>,
  options: UnitOptions,
): Promise<UnitAppendix> {
  const found = readUnits(await readWorkbookBuffer(await unitFile(values, options)), `${options.unit}.xlsx`);
  expect(found.units).toHaveLength(1);
  return found.units[0]!;
}

function total(consolidation: Consolidation, code: string): RowTotal {
  const found = consolidation.totals.find((entry) => entry.code === code);
  if (!found) throw new Error(`no total for ${code}`);
  return found;
}

const NO_ROLES: RoleMap = new Map();

describe("consolidating units' appendices", () => {
  let three: UnitAppendix[];
  beforeAll(async () => {
    three = [
      await unit(SO_TU_PHAP, { unit: "Sở Tư pháp" }),
      await unit(SO_Y_TE, { unit: "Sở Y tế" }),
      await unit(SO_XAY_DUNG, { unit: "Sở Xây dựng" }),
    ];
  });

  it("sums counts over the departments that report them, leaves an all-blank row blank and reports who is missing", () => {
    const result = consolidate(three, { roles: NO_ROLES });
    expect(total(result, "HS.2").amount).toBe(110);
    expect(total(result, "HS.2.1").amount).toBe(95);
    expect(total(result, "HS.2").missing).toEqual(["Sở Xây dựng"]);
    expect(total(result, "HS.2").remark.vi).toContain("Thiếu số liệu của 1 đơn vị: Sở Xây dựng");
    const pending = total(result, "HS.3");
    expect(pending.amount).toBeUndefined();
    expect(pending.missing).toEqual(["Sở Tư pháp", "Sở Y tế", "Sở Xây dựng"]);
    expect(total(result, "1.1.1").amount).toBe(10);
    expect(result.hasErrors).toBe(false);
  });

  it("recomputes 3.4.1 as ΣHS.2.1 / ΣHS.2, not as the average of the departments' rates", () => {
    const rate = total(consolidate(three, { roles: NO_ROLES }), "3.4.1");
    expect(rate.ratio).toEqual({ numerator: 95, denominator: 110 });
    expect(rate.amount).toBe(863636); // 86,3636% in ten-thousandths of a percent
    expect(rate.amount).not.toBe(700000); // (90% + 50%) / 2
    expect(rate.contributors).toEqual(["Sở Tư pháp", "Sở Y tế"]);
    expect(rate.missing).toEqual(["Sở Xây dựng"]);
    expect(rate.remark.vi).toContain("95/110");
  });

  it("keeps a district's dossier counts out of 3.4.1 and puts them into 3.4.2", async () => {
    const district = await unit(
      { "HS.1": 1000, "HS.1.1": 0, "HS.1.2": 1000, "HS.2": 1000, "HS.2.1": 1000, "HS.2.2": 0 },
      { unit: "UBND huyện Càng Long", level: "huyen" },
    );
    const result = consolidate([...three, district], { roles: NO_ROLES });
    expect(total(result, "3.4.1").ratio).toEqual({ numerator: 95, denominator: 110 });
    expect(total(result, "3.4.2").ratio).toEqual({ numerator: 1000, denominator: 1000 });
    expect(total(result, "3.4.3").amount).toBeUndefined();
    // HS.2 itself is filled at every level: the province's count includes the district.
    expect(total(result, "HS.2").amount).toBe(1110);
  });

  it("takes a province-wide indicator from its one office, never summing what others typed", async () => {
    const office = await unit(
      { "7.8.1": 762, "7.1": 1, "DV.3": 6356, "DV.3.1": 5598, "DV.3.2": 758 },
      {
        unit: "Sở Thông tin và Truyền thông",
      },
    );
    const other = await unit({ ...SO_Y_TE, "7.8.1": 5 }, { unit: "Sở Y tế" });
    const roles = parseRoles("Sở Thông tin và Truyền thông\tstttt\nVăn phòng UBND tỉnh;vpubnd\n");
    const result = consolidate([office, other], { roles });
    const online = total(result, "7.8.1");
    expect(online.amount).toBe(762);
    expect(online.source).toBe("Sở Thông tin và Truyền thông");
    expect(online.ignored).toEqual(["Sở Y tế"]);
    // Its rate, left to the template's formula, is the office's own counts: 758 / 6356.
    expect(total(result, "7.8.3").amount).toBe(119257);
    // No appendix from the office that holds the vpubnd role: its indicators stay blank, and it is said.
    expect(total(result, "3.1.3").amount).toBeUndefined();
    const missingRoles = result.issues.filter((issue) => issue.kind === "role_missing");
    expect(missingRoles.map((issue) => issue.params.role)).toEqual(["vpubnd", "snv"]);
    expect(missingRoles[0]!.message.vi).toContain(
      "Không có phụ lục của Văn phòng UBND tỉnh (vai trò vpubnd)",
    );
  });

  it("asks only a unit with errors to correct and send again; a ready one with a warning to look again, counted apart", async () => {
    const seed = await unit(SEED_VALUES, { unit: "Sở TTTT (mẫu)" });
    const warned = await unit({ ...SO_Y_TE, "2.4": 1, "2.5": 2 }, { unit: "Sở Công Thương" });
    const result = consolidate([...three, seed, warned], { roles: NO_ROLES });
    // Sở Tư pháp, Sở Y tế and Sở Xây dựng are ready with notes alone (blank indicators): no letter.
    expect(result.units.filter((entry) => entry.verdict === "ready").map((entry) => entry.unit)).toEqual([
      "Sở Tư pháp",
      "Sở Y tế",
      "Sở Xây dựng",
      "Sở Công Thương",
    ]);
    expect(result.requests.map((request) => request.unit)).toEqual(["Sở TTTT (mẫu)"]);
    expect(result.reviews.map((request) => [request.unit, request.review])).toEqual([
      ["Sở Công Thương", true],
    ]);
    const [review] = result.reviews;
    expect(review!.text.vi).toContain(
      "Qua kiểm tra, phụ lục không có lỗi; đề nghị đơn vị xem lại các nội dung dưới đây và chỉ gửi lại phụ lục nếu có điều chỉnh:",
    );
    expect(review!.text.vi).not.toContain("chỉnh sửa");
    expect(review!.text.vi).toContain("A. Nội dung cần kiểm tra lại (1):");
    expect(review!.text.en).toContain("It has no error; please look again at the points below");
    expect(result.requests[0]!.text.vi).toContain("rà soát, chỉnh sửa các nội dung dưới đây và gửi lại");
  });

  it("consolidates a unit whose appendix has errors, marks the totals it is in and asks it to correct them", async () => {
    const seed = await unit(SEED_VALUES, { unit: "Sở TTTT (mẫu)" });
    const result = consolidate([...three, seed], { roles: NO_ROLES });
    expect(result.hasErrors).toBe(true);
    const resolved = total(result, "HS.2");
    expect(resolved.amount).toBe(110 + 44);
    expect(resolved.withErrors).toEqual(["Sở TTTT (mẫu)"]);
    expect(resolved.flag?.vi).toContain("Sở TTTT (mẫu)");
    expect(total(result, "1.1.1").flag).toBeDefined();
    expect(total(result, "HS.2").flag).toBeDefined();
    const request = result.requests.find((entry) => entry.unit === "Sở TTTT (mẫu)")!;
    expect(request.items.filter((item) => item.severity === "error")).toHaveLength(2);
    expect(request.text.vi).toMatch(/^Kính gửi: Sở TTTT \(mẫu\)\n/);
    expect(request.text.vi).toContain("A. Lỗi phải sửa (2):");
    // Each item gives its suggested value once, in its message: "đề xuất 44. Đề xuất: 44." no more.
    expect(request.text.vi).toMatch(/Ô D\d+: .*giá trị đúng có thể là 1\.936\.\n/);
    expect(request.text.vi).toMatch(/Ô D\d+: .*Tổng số hồ sơ.*; đề xuất 44\.\n/);
    expect(request.text.vi).not.toContain("Đề xuất:");
    expect(request.text.en).toContain("A. Errors to correct (2):");
    const entry = result.units.find((candidate) => candidate.unit === "Sở TTTT (mẫu)")!;
    expect(entry).toMatchObject({ verdict: "not_ready", counts: { error: 2, warning: 1 } });
    expect(entry.failedRules).toEqual(expect.arrayContaining(["unit", "balance:HS.1"]));
  });

  it("lists rates without counts and coded statuses per unit, showing the lowest status", async () => {
    const a = await unit(
      { ...SO_TU_PHAP, "1.2": 1, "3.4.4": { percent: 0.8, format: "0%" } },
      { unit: "Sở Tư pháp" },
    );
    const b = await unit(
      { ...SO_Y_TE, "1.2": 0, "3.4.4": { percent: 0.6, format: "0%" } },
      { unit: "Sở Y tế" },
    );
    const result = consolidate([a, b], { roles: NO_ROLES });
    expect(total(result, "3.4.4").amount).toBeUndefined();
    expect(total(result, "1.2").amount).toBe(0);
    const listed = result.nonAggregable.map((entry) => [entry.unit, entry.code, entry.display.vi]);
    expect(listed).toEqual(
      expect.arrayContaining([
        ["Sở Tư pháp", "3.4.4", "80%"],
        ["Sở Y tế", "3.4.4", "60%"],
        ["Sở Tư pháp", "1.2", "1 (Có)"],
        ["Sở Y tế", "1.2", "0 (Không)"],
      ]),
    );
  });

  it("gathers notes with their unit's name", async () => {
    const bytes = await unitFile(SO_Y_TE, { unit: "Sở Y tế" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const row = readUnits(await readWorkbookBuffer(bytes)).units[0]!.appendix.cells.get("HS.2")!.row;
    sheet.getCell(row, 5).value = "Gồm 2 hồ sơ liên thông";
    const grids = await readWorkbookBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = consolidate(readUnits(grids).units, { roles: NO_ROLES });
    expect(total(result, "HS.2").notes).toEqual([{ unit: "Sở Y tế", text: "Gồm 2 hồ sơ liên thông" }]);
    expect(total(result, "HS.2").remark.vi).toContain("Sở Y tế: Gồm 2 hồ sơ liên thông");
  });

  it("lists the expected units that sent nothing", () => {
    const expected = parseExpected("# đơn vị phải báo cáo\nSở Tư pháp\n\nsở  y tế\nSở Công Thương\n");
    const result = consolidate(three, { roles: NO_ROLES, expected });
    expect(result.missingUnits).toEqual(["Sở Công Thương"]);
    expect(result.issues.filter((issue) => issue.kind === "unexpected_unit").map((i) => i.unit)).toEqual([
      "Sở Xây dựng",
    ]);
  });

  it("sets aside the summary sheets of a workbook, never summing them again", async () => {
    const first = consolidate(three, { roles: NO_ROLES });
    const summary = await readWorkbookBuffer(Buffer.from(await summaryWorkbook(first).xlsx.writeBuffer()));
    const units = await Promise.all(
      [SO_TU_PHAP, SO_Y_TE].map(async (values, index) =>
        readWorkbookBuffer(await unitFile(values, { unit: ["Sở Tư pháp", "Sở Y tế"][index]! })),
      ),
    );
    // One shared workbook: the units' sheets and, beside them, last run's summary.
    const found = readUnits([...units.flat(), ...summary]);
    expect(found.summaries).toEqual([
      "Tổng hợp",
      "Đơn vị",
      "Thiếu",
      "Yêu cầu sửa",
      "Không cộng được",
      "Cảnh báo tổng hợp",
      "Số liệu đơn vị",
    ]);
    expect(found.units).toHaveLength(2);
    expect(total(consolidate(found.units, { roles: NO_ROLES }), "HS.2").amount).toBe(110);
  });

  it("counts the same appendix sent twice once, and says so", () => {
    const result = consolidate([...three, three[0]!], { roles: NO_ROLES });
    expect(total(result, "HS.2").amount).toBe(110);
    expect(result.issues.map((issue) => issue.kind)).toContain("duplicate_appendix");
    expect(result.units.filter((entry) => !entry.included)).toHaveLength(1);
  });

  it("refuses appendices of a template version it cannot read beside others, with a bilingual error", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await unitFile(SO_Y_TE, { unit: "Sở Y tế" })) as unknown as ArrayBuffer);
    workbook.worksheets[0]!.getCell("F1").value = "CCHC-PL-2023";
    const found = readUnits(
      await readWorkbookBuffer(Buffer.from(await workbook.xlsx.writeBuffer())),
      "y-te.xlsx",
    );
    expect(found.unknownVersions).toEqual([{ sheet: "Phụ lục", version: "CCHC-PL-2023" }]);
    const consolidator = new Consolidator({ roles: NO_ROLES });
    consolidator.add(three[0]!);
    consolidator.addUnknownVersion("CCHC-PL-2023", "y-te.xlsx", "Phụ lục");
    let error: unknown;
    try {
      consolidator.result();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConsolidationError);
    const { bilingual, kind } = error as ConsolidationError;
    expect(kind).toBe("mixed_versions");
    expect(bilingual).toEqual({
      vi: "Không tổng hợp chung các phụ lục khác mẫu: CCHC-PL-2021 (Sở Tư pháp.xlsx 'Phụ lục'); CCHC-PL-2023 (y-te.xlsx 'Phụ lục'). Đề nghị các đơn vị dùng cùng một mẫu phụ lục.",
      en: "Appendices of different template versions cannot be consolidated together: CCHC-PL-2021 (Sở Tư pháp.xlsx 'Phụ lục'); CCHC-PL-2023 (y-te.xlsx 'Phụ lục'). Ask the units to use one template.",
    });
  });
});

describe("roles file", () => {
  it("reads tab- and semicolon-separated lines, ignoring comments and blank lines", () => {
    const roles = parseRoles("\uFEFF# vai trò\nVăn phòng UBND tỉnh\tvpubnd\r\n\nSở Nội vụ ; SNV\n");
    expect([...roles]).toEqual([
      [unitKey("Văn phòng UBND tỉnh"), "vpubnd"],
      [unitKey("Sở Nội vụ"), "snv"],
    ]);
  });

  it("names every bad line, Vietnamese first", () => {
    expect(() => parseRoles("Sở Nội vụ\tnoivu\nSở Tài chính\n")).toThrow(ConsolidationError);
    try {
      parseRoles("Sở Nội vụ\tnoivu\nSở Tài chính\n");
    } catch (error) {
      const { bilingual } = error as ConsolidationError;
      expect(bilingual.vi).toContain(
        'dòng 1: vai trò "noivu" không hợp lệ (dùng vpubnd, snv, stttt hoặc none)',
      );
      expect(bilingual.vi).toContain("dòng 2");
      expect(bilingual.en).toContain('line 1: unknown role "noivu"');
    }
  });
});

describe("unit names compared as people read them", () => {
  const invisible: readonly (readonly [string, string])[] = [
    ["a zero-width space", "Sở Y\u200b tế"],
    ["a no-break space", "Sở\u00a0Y tế"],
    ["a soft hyphen", "Sở Y t\u00adế"],
    ["a byte-order mark", "\ufeffSở Y tế"],
    ["a word joiner", "Sở Y\u2060 tế"],
    ["decomposed letters (NFD)", "Sở Y tế".normalize("NFD")],
    ["doubled spaces", "Sở  Y   tế "],
  ];
  let soYTe: UnitAppendix;
  beforeAll(async () => {
    soYTe = await unit(SO_Y_TE, { unit: "Sở Y tế" });
  });

  it.each(invisible)(
    "takes a name with %s for the same unit: its appendix sent twice is counted once",
    async (_, name) => {
      const again = await unit(SO_Y_TE, { unit: name });
      const result = consolidate([soYTe, again], { roles: NO_ROLES });
      expect(result.units.filter((entry) => entry.included).map((entry) => entry.unit)).toEqual(["Sở Y tế"]);
      expect(result.units.map((entry) => entry.unit)).toEqual(["Sở Y tế", "Sở Y tế"]);
      expect(total(result, "HS.2").amount).toBe(10);
      expect(result.issues.map((issue) => issue.kind)).toContain("duplicate_appendix");
    },
  );

  it("matches the expected-units list, the roles file and the previous period by the same normalised name", async () => {
    const office = await unit({ "7.8.1": 762 }, { unit: "Sở Thông tin và\u200b Truyền thông" });
    const expected = parseExpected("Sở\u00a0Y tế\nSở Thông tin và Truyền thông\u00ad\n");
    const roles = parseRoles(`${"Sở Thông tin và Truyền thông".normalize("NFD")};stttt\n`);
    const previous = {
      period: "2021-Q2",
      province: new Map<string, number>(),
      units: new Map([[unitKey("sở  y\ufeff tế"), new Map([["HS.3", 9]])]]),
    };
    const result = consolidate([soYTe, office], { roles, expected, previous });
    expect(result.missingUnits).toEqual([]);
    expect(result.issues.filter((issue) => issue.kind === "unexpected_unit")).toEqual([]);
    expect(total(result, "7.8.1").source).toBe("Sở Thông tin và Truyền thông");
    expect(result.issues.find((issue) => issue.kind === "carried_over_mismatch")?.unit).toBe("Sở Y tế");
  });
});

describe("appendices of another period", () => {
  let q3: UnitAppendix[];
  let q2: UnitAppendix;
  beforeAll(async () => {
    q3 = [await unit(SO_TU_PHAP, { unit: "Sở Tư pháp" }), await unit(SO_XAY_DUNG, { unit: "Sở Xây dựng" })];
    q2 = await unit(SO_Y_TE, { unit: "Sở Y tế", period: "2021-Q2" });
  });

  it("are kept out of the summary, each with a line saying why, and their unit counts as missing", () => {
    const expected = ["Sở Tư pháp", "Sở Xây dựng", "Sở Y tế"];
    const result = consolidate([...q3, q2], { roles: NO_ROLES, expected });
    expect(result.period).toBe("2021-Q3");
    expect(total(result, "HS.2").amount).toBe(100);
    expect(result.units.map((entry) => entry.unit)).toEqual(["Sở Tư pháp", "Sở Xây dựng"]);
    expect(result.missingUnits).toEqual(["Sở Y tế"]);
    expect(result.excluded).toEqual([
      {
        file: "Sở Y tế.xlsx",
        sheet: "Phụ lục",
        reason: {
          vi: 'Phụ lục của "Sở Y tế" ghi kỳ Quý II/2021, khác kỳ tổng hợp Quý III/2021: không cộng vào bảng tổng hợp. Đề nghị đơn vị gửi phụ lục đúng kỳ, hoặc tổng hợp lại với --allow-other-periods để cộng cả phụ lục khác kỳ.',
          en: 'The appendix of "Sở Y tế" states 2021-Q2, not the consolidated period 2021-Q3: not summed. Ask the unit for the appendix of this period, or consolidate again with --allow-other-periods to sum appendices of other periods too.',
        },
        inSummary: {
          vi: 'Phụ lục của "Sở Y tế" ghi kỳ Quý II/2021, khác kỳ tổng hợp Quý III/2021: không cộng vào bảng tổng hợp. Đề nghị đơn vị gửi phụ lục đúng kỳ.',
          en: 'The appendix of "Sở Y tế" states 2021-Q2, not the consolidated period 2021-Q3: not summed. Ask the unit for the appendix of this period.',
        },
      },
    ]);
  });

  it("are said with the advice the pane can follow when the pane consolidates: it has no option for them", () => {
    const result = consolidate([...q3, q2], { roles: NO_ROLES, host: "pane" });
    const [excluded] = result.excluded;
    expect(excluded?.reason).toEqual({
      vi: 'Phụ lục của "Sở Y tế" ghi kỳ Quý II/2021, khác kỳ tổng hợp Quý III/2021: không cộng vào bảng tổng hợp. Đề nghị đơn vị gửi phụ lục đúng kỳ; nếu kỳ bị ghi nhầm, sửa kỳ ghi trong phụ lục đó rồi bấm “Tổng hợp lại”.',
      en: 'The appendix of "Sở Y tế" states 2021-Q2, not the consolidated period 2021-Q3: not summed. Ask the unit for the appendix of this period; if its period was mistyped, correct it in the appendix and press “Consolidate again”.',
    });
    expect(excluded?.inSummary?.vi).not.toMatch(/--|Tổng hợp lại/);
  });

  it("take the later period on a tie, so that an old appendix sent again is the one kept out", () => {
    const result = consolidate([q2, q3[0]!], { roles: NO_ROLES });
    expect(result.period).toBe("2021-Q3");
    expect(result.units.map((entry) => entry.unit)).toEqual(["Sở Tư pháp"]);
  });

  it("are summed with a warning when asked", () => {
    const result = consolidate([...q3, q2], { roles: NO_ROLES, allowOtherPeriods: true });
    expect(total(result, "HS.2").amount).toBe(110);
    expect(result.excluded).toEqual([]);
    expect(result.issues.filter((issue) => issue.kind === "other_period").map((i) => i.unit)).toEqual([
      "Sở Y tế",
    ]);
  });
});

describe("hidden sheets", () => {
  it("sum a hidden sheet's appendix with a warning naming it, and keep a very hidden one out with a line", async () => {
    const grids = await Promise.all(
      [SO_TU_PHAP, SO_Y_TE].map(async (values, index) =>
        readWorkbookBuffer(await unitFile(values, { unit: ["Sở Tư pháp", "Sở Y tế"][index]! })),
      ),
    );
    const [hidden, veryHidden] = [grids[0]![0]!, grids[1]![0]!];
    const found = readUnits(
      [
        { ...hidden, name: "Tư pháp", visibility: "hidden" },
        { ...veryHidden, name: "Y tế", visibility: "veryHidden" },
      ],
      "chung.xlsx",
    );
    expect(found.units.map((entry) => entry.visibility)).toEqual(["hidden", "veryHidden"]);
    const result = consolidate(found.units, { roles: NO_ROLES });
    expect(total(result, "HS.2").amount).toBe(100);
    expect(result.units.map((entry) => entry.unit)).toEqual(["Sở Tư pháp"]);
    const warning = result.issues.find((issue) => issue.kind === "hidden_sheet")!;
    expect(warning).toMatchObject({ severity: "warning", unit: "Sở Tư pháp" });
    expect(warning.message.vi).toBe(
      "Phụ lục của \"Sở Tư pháp\" nằm trên trang tính 'Tư pháp' của tệp chung.xlsx đang bị ẩn: số liệu vẫn được cộng. Hiện trang tính (Unhide) để kiểm tra.",
    );
    expect(result.excluded).toEqual([expect.objectContaining({ file: "chung.xlsx", sheet: "Y tế" })]);
    expect(result.excluded[0]!.reason.vi).toContain("ẩn sâu");
    expect(result.excluded[0]!.reason.en).toContain(
      'very hidden sheet (one Excel shows to no one) holds the appendix of "Sở Y tế": not summed',
    );
  });
});

describe("roles by default", () => {
  it("takes a province-wide indicator from the office its name names when no roles file says otherwise", async () => {
    const office = await unit({ "7.8.1": 762 }, { unit: "Sở TT&TT tỉnh Trà Vinh" });
    const other = await unit({ ...SO_Y_TE, "7.8.1": 5 }, { unit: "Sở Y tế" });
    expect(total(consolidate([office, other], { roles: NO_ROLES }), "7.8.1").amount).toBe(762);
    // A roles file that says the office holds no role leaves the indicator blank, as the file says.
    const none = parseRoles("Sở TT&TT tỉnh Trà Vinh;none\n");
    expect(total(consolidate([office, other], { roles: none }), "7.8.1").amount).toBeUndefined();
  });
});

describe("cross-period checks", () => {
  // Q2: Sở Tư pháp had 20 dossiers pending and 5 self-financing units (cumulative).
  const Q2 = { ...SO_TU_PHAP, "HS.3": 20, "HS.3.1": 20, "HS.3.2": 0, "HS.1": 130, "HS.1.2": 120, "6.1": 5 };
  // Q3: it carries over 10 (not 20) and reports 4 self-financing units.
  const Q3 = { ...SO_TU_PHAP, "6.1": 4 };
  let soYTe: UnitAppendix;
  beforeAll(async () => {
    soYTe = await unit(SO_Y_TE, { unit: "Sở Y tế" });
  });

  it("warns per unit when the previous file holds the units' figures", async () => {
    const previousUnit = await unit(Q2, { unit: "Sở Tư pháp", period: "2021-Q2" });
    const previous = consolidate(
      [previousUnit, await unit(SO_Y_TE, { unit: "Sở Y tế", period: "2021-Q2" })],
      {
        roles: NO_ROLES,
      },
    );
    // The previous summary as this tool writes it, read back the way --previous reads it.
    const written = Buffer.from(await summaryWorkbook(previous).xlsx.writeBuffer());
    const figures = previousFigures(await readWorkbookBuffer(written))!;
    expect(figures.period).toBe("2021-Q2");
    expect(figures.units?.get(unitKey("Sở Tư pháp"))?.get("HS.3")).toBe(20);

    const now = await unit(Q3, { unit: "Sở Tư pháp" });
    const result = consolidate([now, soYTe], { roles: NO_ROLES, previous: figures });
    const warnings = result.issues.filter((issue) => issue.severity === "warning");
    expect(warnings.map((issue) => [issue.kind, issue.unit, issue.codes[0]])).toEqual(
      expect.arrayContaining([
        ["cumulative_decreased", "Sở Tư pháp", "6.1"],
        ["carried_over_mismatch", "Sở Tư pháp", "HS.1.1"],
      ]),
    );
    const carried = warnings.find((issue) => issue.kind === "carried_over_mismatch")!;
    expect(carried.message.vi).toBe(
      "Số kỳ trước chuyển qua (HS.1.1) = 10 khác Số hồ sơ đang giải quyết (HS.3) cuối kỳ trước = 20: chênh lệch 10.",
    );
    expect(carried.cell).toMatch(/^'Phụ lục'!D\d+$/);
    // Ready, with the consolidation's warnings: asked to look again, not to correct.
    const request = result.reviews.find((entry) => entry.unit === "Sở Tư pháp")!;
    expect(request.text.vi).toContain("A. Nội dung cần kiểm tra lại (2):");
  });

  it("warns at province level when the previous file has only the province's figures", async () => {
    const now = await unit(Q3, { unit: "Sở Tư pháp" });
    const previous = {
      period: "2021-Q2",
      province: new Map([
        ["HS.3", 25],
        ["6.1", 9],
      ]),
    };
    const result = consolidate([now], { roles: NO_ROLES, previous });
    const kinds = result.issues.filter((issue) => issue.severity === "warning");
    expect(kinds.map((issue) => [issue.kind, issue.unit])).toEqual(
      expect.arrayContaining([
        ["cumulative_decreased", undefined],
        ["carried_over_mismatch", undefined],
      ]),
    );
    expect(kinds.find((issue) => issue.kind === "carried_over_mismatch")!.message.vi).toMatch(/^Toàn tỉnh: /);
  });

  it("does not compare HS.1.1 with a period that does not immediately precede", async () => {
    const now = await unit(Q3, { unit: "Sở Tư pháp" });
    const previous = { period: "2021-Q1", province: new Map([["HS.3", 25]]) };
    const result = consolidate([now], { roles: NO_ROLES, previous });
    const kinds = result.issues.map((issue) => issue.kind).filter((kind) => kind !== "roles_missing");
    expect(kinds).toEqual(["previous_not_adjacent"]);
  });
});
