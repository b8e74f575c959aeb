import ExcelJS from "exceljs";
import fc from "fast-check";
import { applySheetSpec } from "../../src/cli/xlsx/template";
import { readWorkbookBuffer } from "../../src/cli/xlsx/read";
import { catalogue, filledAt } from "../../src/domain/catalogue";
import type { RowDef } from "../../src/domain/catalogue";
import { derivedFormula, sheetLayout } from "../../src/domain/layout";
import { BilingualError } from "../../src/domain/messages/error";
import { InvalidMetaError } from "../../src/domain/meta";
import type { CellWrite, SheetSpec, SpecCell } from "../../src/workflows/port";
import {
  SheetNameError,
  defaultSheetName,
  isValidSheetName,
  templateSpec,
  uniqueSheetName,
} from "../../src/workflows/template-spec";

const layout = sheetLayout(catalogue);
const OPTIONS = {
  sheetName: "Sở TTTT",
  unit: "Sở Thông tin và Truyền thông",
  level: "so",
  period: "2021-Q3",
} as const;
const spec = templateSpec(OPTIONS);
const byAddress = new Map(spec.cells.map((cell) => [cell.address, cell]));

function at(address: string): SpecCell | undefined {
  return byAddress.get(address);
}

function rowOf(code: string): number {
  const row = layout.rowOf.get(code);
  if (row === undefined) throw new Error(`no row for ${code}`);
  return row;
}

function text(cell: SpecCell | undefined): string | number | undefined {
  return cell?.richText ? cell.richText.map((run) => run.text).join("") : cell?.value;
}

describe("templateSpec", () => {
  it("is plain data that any host can take, one entry per cell", () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(byAddress.size).toBe(spec.cells.length);
    for (const cell of spec.cells) {
      expect(cell.address).toMatch(/^[A-G]\d+$/);
      // One kind of content per cell: a host never has to choose.
      expect(
        [cell.value, cell.richText, cell.formula].filter((part) => part !== undefined).length,
      ).toBeLessThan(2);
    }
    expect(spec.name).toBe("Sở TTTT");
    expect(spec.font).toEqual({ name: "Times New Roman", size: 12 });
  });

  it("writes the title with the unit, and the row 4 inputs the tools read back", () => {
    expect([1, 2, 3].map((row) => text(at(`A${row}`)))).toEqual([
      "PHỤ LỤC",
      "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      "(Ban hành kèm theo Báo cáo số …/… ngày … của Sở Thông tin và Truyền thông)",
    ]);
    expect(at("A1")?.style).toMatchObject({ bold: true, size: 13, horizontal: "center" });
    expect(at("A3")?.style).toMatchObject({ italic: true });
    expect(["A4", "B4", "C4", "D4", "E4"].map((address) => text(at(address)))).toEqual([
      "Đơn vị báo cáo:",
      "Sở Thông tin và Truyền thông",
      "Cấp:",
      "Sở, ngành",
      "Quý III/2021",
    ]);
    expect(["B4", "D4", "E4"].map((address) => at(address)?.locked)).toEqual([false, false, false]);
    expect(["A4", "C4"].map((address) => at(address)?.locked)).toEqual([undefined, undefined]);
    expect(at("D4")?.validation).toMatchObject({ type: "list", list: "=$G$1:$G$3" });
    expect(["G1", "G2", "G3"].map((address) => text(at(address)))).toEqual(["Sở, ngành", "Huyện", "Xã"]);
  });

  it("leaves placeholders for a unit not yet named", () => {
    const blank = templateSpec({ ...OPTIONS, unit: "  " });
    const cells = new Map(blank.cells.map((cell) => [cell.address, cell]));
    expect(text(cells.get("A2"))).toBe(
      "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI …",
    );
    expect(cells.get("B4")).toEqual({ address: "B4", style: expect.any(Object), locked: false });
  });

  it("writes the two-row header, merged as in the seed, with its italic parenthesis", () => {
    expect(at("B5")?.richText).toEqual([
      { text: "Chỉ tiêu thống kê ", bold: true },
      { text: "(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)", italic: true },
    ]);
    expect(["A5", "C5", "C6", "D6", "E5"].map((address) => text(at(address)))).toEqual([
      "STT",
      "Kết quả thống kê",
      "Đơn vị tính",
      "Số liệu",
      "Ghi chú",
    ]);
    for (const row of [5, 6]) {
      for (const column of "ABCDE") {
        expect(at(`${column}${row}`)?.style).toMatchObject({ bold: true, border: true, wrap: true });
      }
    }
    expect(spec.merges).toEqual(
      expect.arrayContaining(["A1:E1", "A2:E2", "A3:E3", "A5:A6", "B5:B6", "C5:D5", "E5:E6"]),
    );
  });

  it("puts every catalogue row in its layout row: code, label, unit, note and key", () => {
    expect(layout.firstIndicatorRow).toBe(7);
    for (const row of catalogue.rows) {
      const line = rowOf(row.code);
      expect([row.code, text(at(`A${line}`)) ?? "", text(at(`B${line}`)), text(at(`C${line}`))]).toEqual([
        row.code,
        row.printed,
        row.label.vi.replace(/<\/?i>/g, ""),
        row.unit?.vi,
      ]);
      expect(text(at(`F${line}`))).toBe(row.code);
      if (row.block === "appendix") expect(text(at(`E${line}`))).toBe(row.formNote);
    }
    expect(text(at(`A${rowOf("3.4.5")}`))).toBe("3.4.5.");
    expect(text(at(`A${rowOf("3.1.3.a")}`))).toBe("Trong đó");
    expect(text(at(`A${layout.sourceTitleRow}`))).toBe("SỐ LIỆU CHI TIẾT ĐỂ TÍNH TỶ LỆ (không in)");
    expect(spec.cells.filter((cell) => cell.address.endsWith(`${layout.lastIndicatorRow + 1}`))).toEqual([]);
  });

  it("turns <i> runs of labels into italic rich text and makes headings bold", () => {
    expect(at(`B${rowOf("7.6.2.a")}`)?.richText).toEqual([
      { text: "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử " },
      { text: "(Sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử).", italic: true },
    ]);
    expect(at(`B${rowOf("3")}`)).toMatchObject({
      value: "Cải cách thủ tục hành chính",
      style: { bold: true },
    });
    expect(at(`B${rowOf("3.1.1")}`)?.style?.bold).toBeUndefined();
  });

  it.each(["so", "huyen", "xa"] as const)(
    "writes derivedFormula() in every derived cell a %s fills, as a percentage, unlocked, and none in another level's",
    (level) => {
      const sheet = templateSpec({ ...OPTIONS, level });
      const cells = new Map(sheet.cells.map((cell) => [cell.address, cell]));
      const filled = catalogue.derivedRows.filter((row) => filledAt(row, level));
      const formulas = sheet.cells.filter((cell) => cell.formula !== undefined);
      expect(formulas.map((cell) => cell.address)).toEqual(filled.map((row) => `D${rowOf(row.code)}`));
      for (const row of catalogue.derivedRows) {
        expect(cells.get(`D${rowOf(row.code)}`)).toMatchObject({ numberFormat: "0.00%", locked: false });
        if (filled.includes(row)) {
          expect(cells.get(`D${rowOf(row.code)}`)?.formula).toBe(`=${derivedFormula(layout, row)}`);
        }
      }
    },
  );

  it("gives a department's sheet its own on-time rate in 3.4.1 only, not in the district and commune rates", () => {
    expect(at(`D${rowOf("3.4.1")}`)?.formula).toBeDefined();
    expect(at(`D${rowOf("3.4.2")}`)?.formula).toBeUndefined();
    expect(at(`D${rowOf("3.4.3")}`)?.formula).toBeUndefined();
    const commune = new Map(
      templateSpec({ ...OPTIONS, level: "xa" }).cells.map((cell) => [cell.address, cell]),
    );
    expect(commune.get(`D${rowOf("3.4.3")}`)?.formula).toBeDefined();
    expect(commune.get(`D${rowOf("3.4.1")}`)?.formula).toBeUndefined();
    // Province-wide rates belong to a provincial office, never to a commune.
    expect(commune.get(`D${rowOf("7.8.3")}`)?.formula).toBeUndefined();
  });

  it("formats and validates every value cell by its kind, with Vietnamese messages within Excel's limits", () => {
    const formats: Record<Exclude<RowDef["kind"], "none">, string> = {
      count: "#,##0",
      percent: "0.00%",
      coded: "0",
    };
    const validated = spec.cells.filter((cell) => cell.validation);
    expect(validated.length).toBe(catalogue.valueRows.length + 1);
    for (const cell of validated) {
      const { prompt, error } = cell.validation!;
      expect([cell.address, prompt.title.length <= 32, error.title.length <= 32]).toEqual([
        cell.address,
        true,
        true,
      ]);
      expect([cell.address, prompt.message.length <= 255, error.message.length <= 255]).toEqual([
        cell.address,
        true,
        true,
      ]);
      // Vietnamese: every message carries Vietnamese letters.
      expect(`${prompt.message} ${error.message}`).toMatch(
        /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
      );
    }
    for (const row of catalogue.rows) {
      const cell = at(`D${rowOf(row.code)}`);
      if (row.kind === "none") {
        expect([row.code, cell?.validation, cell?.numberFormat]).toEqual([row.code, undefined, undefined]);
        continue;
      }
      expect([row.code, cell?.numberFormat]).toEqual([row.code, formats[row.kind]]);
      const validation = cell?.validation;
      if (row.kind === "count") {
        expect(validation).toMatchObject({ type: "whole", min: 0 });
        expect(validation?.max).toBeUndefined();
        expect(validation?.error.message).toContain("số nguyên");
      } else if (row.kind === "percent") {
        // A reduction rate may fall below −100% after a merger: only its upper bound is Excel's to enforce.
        expect(validation).toMatchObject({ type: "decimal", max: 1 });
        expect(validation?.min).toBe(row.mayBeNegative ? undefined : 0);
        expect(validation?.error.message).toMatch(row.mayBeNegative ? /không quá 100%/ : /Tỷ lệ phải từ/);
      } else {
        const codes = (row.codes ?? []).map((option) => option.value).join(",");
        expect(validation).toMatchObject({ type: "list", list: codes });
        expect(validation?.error.message).toContain(row.codes?.[0]?.label.vi);
      }
    }
    expect(at(`D${rowOf("4.2.5")}`)?.validation?.prompt.message).toContain("có thể gõ đè");
  });

  it("unlocks value and note cells of value rows, the unit's name and the stamp; everything else stays locked", () => {
    for (const row of catalogue.rows) {
      const line = rowOf(row.code);
      const editable = row.kind !== "none";
      const unlocked = (column: string) => at(`${column}${line}`)?.locked === false;
      expect([row.code, unlocked("D"), unlocked("E")]).toEqual([row.code, editable, editable]);
      expect([row.code, unlocked("A"), unlocked("B"), unlocked("C"), unlocked("F")]).toEqual([
        row.code,
        false,
        false,
        false,
        false,
      ]);
    }
    const unlocked = spec.cells.filter((cell) => cell.locked === false).map((cell) => cell.address);
    // B4 is the unit's name; the four B cells below the source block hold the validation stamp.
    const stampRows = [layout.lastRow + 2, layout.lastRow + 3, layout.lastRow + 4, layout.lastRow + 5];
    expect(unlocked.filter((address) => !/^[DE]\d+$/.test(address))).toEqual([
      "B4",
      ...stampRows.map((row) => `B${row}`),
    ]);
    expect(spec.protection).toEqual({ allowFormatting: true });
  });

  it("hides the key column F, holding the template version in F1, and the level list in G", () => {
    expect(text(at("F1"))).toBe("CCHC-PL-2021");
    expect(spec.columns.map((column) => column.width)).toEqual([8, 60, 14, 12, 22, 14, 12]);
    expect(spec.columns.map((column) => column.hidden ?? false)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it("prints rows 1 to the last indicator on A4 portrait, one page wide, repeating the header", () => {
    expect(spec.print).toEqual({
      area: `A1:E${layout.lastIndicatorRow}`,
      titleRows: "5:6",
      orientation: "portrait",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  it("sets a height for every written row, enough for its wrapped label", () => {
    const heights = spec.rowHeights;
    for (let row = 1; row <= layout.lastRow; row++) {
      if (row === layout.lastIndicatorRow + 1) continue;
      expect([row, (heights[row] ?? 0) >= 15]).toEqual([row, true]);
    }
    const long = catalogue.appendixRows.reduce((a, b) => (b.label.vi.length > a.label.vi.length ? b : a));
    expect(heights[rowOf(long.code)]).toBeGreaterThan(2 * 15.75);
  });

  it("rejects a bad sheet name with a bilingual SheetNameError, a bad level or period with InvalidMetaError", () => {
    for (const sheetName of ["", "  ", "a/b", "Sở [TTTT]", "O'Neil", "x".repeat(32), "History", "history"]) {
      expect(() => templateSpec({ ...OPTIONS, sheetName })).toThrow(SheetNameError);
    }
    try {
      templateSpec({ ...OPTIONS, sheetName: "a:b" });
      throw new Error("accepted a:b");
    } catch (error) {
      expect(error).toBeInstanceOf(BilingualError);
      expect((error as SheetNameError).bilingual.vi).toContain("Tên trang tính");
      expect((error as SheetNameError).bilingual.en).toContain("Invalid sheet name");
    }
    expect(() => templateSpec({ ...OPTIONS, period: "2021-Q5" })).toThrow(InvalidMetaError);
    expect(() => templateSpec({ ...OPTIONS, level: "tinh" as "so" })).toThrow(InvalidMetaError);
  });
});

describe("templateSpec for a period after the 2025 reform", () => {
  const ABOUT_DISTRICTS = ["3.4.2", "4.1.4.c", "5.3.4", "7.2", "7.6.1.b", "7.7.2"];
  const later = templateSpec({ ...OPTIONS, period: "2026-Q1" });
  const cells = new Map(later.cells.map((cell) => [cell.address, cell]));

  it("offers only the department and the commune in row 4's level list", () => {
    expect(cells.get("D4")?.validation).toMatchObject({
      type: "list",
      list: "=$G$1:$G$2",
      prompt: { message: "Chọn cấp của đơn vị báo cáo: Sở, ngành; Xã." },
      error: { message: "Chỉ chọn một trong: Sở, ngành; Xã." },
    });
    expect(["G1", "G2"].map((address) => text(cells.get(address)))).toEqual(["Sở, ngành", "Xã"]);
    expect(cells.has("G3")).toBe(false);
    expect(text(cells.get("E4"))).toBe("Quý I/2026");
  });

  it("refuses a district's sheet, saying there are no districts from 01/7/2025", () => {
    expect(() => templateSpec({ ...OPTIONS, level: "huyen", period: "2026-Q1" })).toThrow(
      "từ 01/7/2025 không còn cấp huyện",
    );
    expect(() => templateSpec({ ...OPTIONS, level: "huyen", period: "2025" })).toThrow(InvalidMetaError);
    expect(() => templateSpec({ ...OPTIONS, level: "huyen", period: "2025-H1" })).not.toThrow();
  });

  it("greys and locks the rows about districts, with the date they stopped applying as their note", () => {
    for (const code of ABOUT_DISTRICTS) {
      const row = rowOf(code);
      const value = cells.get(`D${row}`)!;
      const note = cells.get(`E${row}`)!;
      expect([code, value.locked, value.validation, value.formula, note.locked]).toEqual([
        code,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect([code, text(note)]).toEqual([code, "Không áp dụng từ 01/7/2025"]);
      for (const column of ["A", "B", "C", "D", "E"]) {
        expect([code, column, cells.get(`${column}${row}`)?.style?.fill]).toEqual([code, column, "#D9D9D9"]);
      }
    }
  });

  it("leaves every other row as an earlier period's sheet has it", () => {
    const others = later.cells.filter((cell) => {
      const row = Number(cell.address.slice(1));
      return !ABOUT_DISTRICTS.some((code) => rowOf(code) === row) && row > layout.inputRow;
    });
    const earlier = spec.cells.filter((cell) => {
      const row = Number(cell.address.slice(1));
      return !ABOUT_DISTRICTS.some((code) => rowOf(code) === row) && row > layout.inputRow;
    });
    expect(others).toEqual(earlier);
  });

  it("keeps the rows about districts as input cells for 2025-H1, the last period before the reform", () => {
    const halfYear = templateSpec({ ...OPTIONS, level: "huyen", period: "2025-H1" });
    const before = new Map(halfYear.cells.map((cell) => [cell.address, cell]));
    for (const code of ABOUT_DISTRICTS) {
      expect([code, before.get(`D${rowOf(code)}`)?.locked]).toEqual([code, false]);
      expect(before.get(`D${rowOf(code)}`)?.style?.fill).toBeUndefined();
    }
    expect(before.get(`D${rowOf("3.4.2")}`)?.formula).toBe(
      `=${derivedFormula(layout, catalogue.byCode.get("3.4.2")!)}`,
    );
    expect(before.get("D4")?.validation).toMatchObject({ list: "=$G$1:$G$3" });
  });
});

describe("sheet names", () => {
  it.each([
    ["Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"],
    ["Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"],
    ["UBND xã Long Đức: 2021/Q3", "UBND xã Long Đức 2021 Q3"],
    ["Sở LĐ-TB&XH", "Sở LĐ-TB&XH"],
    ["   ", "Phụ lục"],
    ["History", "Phụ lục"],
  ])("names the sheet of %j %j", (unit, name) => {
    expect(defaultSheetName(unit)).toBe(name);
  });

  it("composes decomposed Vietnamese so that the name stays short", () => {
    expect(defaultSheetName("Sở Tư pháp".normalize("NFD"))).toBe("Sở Tư pháp");
  });

  it.each([
    ["Sở TTTT", ["Sở TTTT"], "Sở TTTT (2)"],
    ["Sở TTTT", ["sở tttt", "Sở TTTT (2)"], "Sở TTTT (3)"],
    ["Sở TTTT", ["Tổng hợp"], "Sở TTTT"],
    ["x".repeat(31), ["x".repeat(31)], `${"x".repeat(27)} (2)`],
    ["Sở Lao động - Thương binh và", ["Sở Lao động - Thương binh và"], "Sở LĐ-TB (2)"],
  ])("makes %j unique among %j: %j", (wanted, existing, name) => {
    expect(uniqueSheetName(wanted, existing)).toBe(name);
  });

  it("refuses to make an invalid name unique", () => {
    expect(() => uniqueSheetName("a/b", [])).toThrow(SheetNameError);
  });

  it("always gives a valid name no other sheet has, ignoring case", () => {
    const name = fc
      .string({
        unit: fc.constantFrom("a", "A", "ở", "Ở", " ", "x", "1", "(", ")"),
        minLength: 1,
        maxLength: 31,
      })
      .filter(isValidSheetName);
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 12 }), (wanted, others) => {
        const existing = [...others, wanted, `${wanted} (2)`.slice(0, 31)];
        const unique = uniqueSheetName(wanted, existing);
        expect(isValidSheetName(unique)).toBe(true);
        const taken = existing.map((other) => other.toLocaleLowerCase("vi"));
        expect(taken).not.toContain(unique.toLocaleLowerCase("vi"));
      }),
    );
  });
});

// The exceljs host against the spec: what applySheetSpec writes, read back from a real .xlsx, is the spec.
describe("applySheetSpec writes exactly the spec (exceljs, a real .xlsx read back)", () => {
  const VALUES: CellWrite[] = [
    { address: `D${rowOf("1.1.1")}`, value: 7 },
    { address: `D${rowOf("4.2.5")}`, value: 0.125, numberFormat: "0.0%" },
    { address: `E${rowOf("1.1.1")}`, value: "Ghi chú gõ tay" },
  ];
  let bytes: Buffer;
  let reread: ExcelJS.Worksheet;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    applySheetSpec(workbook, spec);
    applySheetSpec(workbook, { ...spec, name: "Có số liệu" } satisfies SheetSpec, VALUES);
    bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    reread = loaded.getWorksheet(spec.name)!;
  });

  it("gives, cell for cell, the spec's values, formulas and number formats through readWorkbookBuffer", async () => {
    const [grid] = await readWorkbookBuffer(bytes);
    const found = new Map<string, { value: unknown; formula?: string; numberFormat?: string }>();
    grid!.cells.forEach((line, row) =>
      line.forEach((cell, column) => {
        if (cell) found.set(`${String.fromCharCode(65 + column)}${row + 1}`, cell);
      }),
    );
    const expected = new Map<string, { value: unknown; formula?: string; numberFormat?: string }>();
    for (const cell of spec.cells) {
      const content = text(cell);
      if (content === undefined && cell.formula === undefined) continue;
      expected.set(cell.address, {
        value: content ?? null,
        ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}),
        ...(cell.formula ? { formula: cell.formula.slice(1) } : {}),
      });
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(expected));
  });

  it("keeps the number format of empty cells", () => {
    for (const cell of spec.cells) {
      expect([cell.address, reread.getCell(cell.address).numFmt]).toEqual([cell.address, cell.numberFormat]);
    }
  });

  it("writes each cell's style, rich text runs, lock and validation", () => {
    for (const cell of spec.cells) {
      const written = reread.getCell(cell.address);
      const style = cell.style;
      const where = cell.address;
      if (style) {
        expect([where, written.font]).toEqual([
          where,
          {
            name: "Times New Roman",
            size: style.size ?? 12,
            ...(style.bold ? { bold: true } : {}),
            ...(style.italic ? { italic: true } : {}),
          },
        ]);
        expect([where, written.alignment]).toEqual([
          where,
          {
            ...(style.vertical ? { vertical: style.vertical } : {}),
            ...(style.horizontal ? { horizontal: style.horizontal } : {}),
            ...(style.wrap ? { wrapText: true } : {}),
          },
        ]);
        const box = { style: "thin" };
        expect([where, written.border ?? {}]).toEqual([
          where,
          style.border ? { top: box, left: box, bottom: box, right: box } : {},
        ]);
      }
      if (cell.richText) {
        const runs = (written.value as ExcelJS.CellRichTextValue).richText;
        expect(runs.map((run) => [run.text, Boolean(run.font?.bold), Boolean(run.font?.italic)])).toEqual(
          cell.richText.map((run) => [run.text, Boolean(run.bold), Boolean(run.italic)]),
        );
      }
      expect([where, written.protection?.locked !== false]).toEqual([where, cell.locked !== false]);
      const validation = cell.validation;
      if (!validation) {
        expect([where, written.dataValidation]).toEqual([where, undefined]);
        continue;
      }
      expect([where, written.dataValidation]).toEqual([
        where,
        expect.objectContaining({
          type: validation.type,
          allowBlank: true,
          showInputMessage: true,
          showErrorMessage: true,
          promptTitle: validation.prompt.title,
          prompt: validation.prompt.message,
          errorTitle: validation.error.title,
          error: validation.error.message,
        }),
      ]);
      const formulae = written.dataValidation.formulae;
      if (validation.type === "list") {
        const list = validation.list ?? "";
        expect(formulae).toEqual([list.startsWith("=") ? list.slice(1) : `"${list}"`]);
      } else {
        expect(formulae).toEqual([validation.min, validation.max].filter((bound) => bound !== undefined));
      }
    }
  });

  it("writes merges, columns, row heights, print set-up and protection", () => {
    const merges = (reread.model as unknown as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual([...spec.merges].sort());
    spec.columns.forEach((column, index) => {
      const written = reread.getColumn(index + 1);
      expect([index, written.width, written.hidden]).toEqual([index, column.width, column.hidden ?? false]);
    });
    for (const [row, height] of Object.entries(spec.rowHeights)) {
      expect([row, reread.getRow(Number(row)).height]).toEqual([row, height]);
    }
    expect(reread.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: spec.print.orientation,
      fitToPage: true,
      fitToWidth: spec.print.fitToWidth,
      fitToHeight: spec.print.fitToHeight,
      printArea: spec.print.area,
      printTitlesRow: spec.print.titleRows,
    });
    expect((reread as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({
      sheet: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
    });
  });

  it("writes the values over the spec: a typed rate replaces the derived formula, with its own format", async () => {
    const grids = await readWorkbookBuffer(bytes);
    const filled = grids.find((grid) => grid.name === "Có số liệu")!;
    const cell = (address: string) => {
      const row = Number(address.slice(1));
      return filled.cells[row - 1]?.[address.charCodeAt(0) - 65];
    };
    expect(cell(`D${rowOf("1.1.1")}`)).toEqual({ value: 7, numberFormat: "#,##0" });
    expect(cell(`D${rowOf("4.2.5")}`)).toEqual({ value: 0.125, numberFormat: "0.0%" });
    expect(cell(`E${rowOf("1.1.1")}`)).toEqual({ value: "Ghi chú gõ tay" });
    expect(cell(`D${rowOf("4.3.4")}`)?.formula).toBe(derivedFormula(layout, catalogue.byCode.get("4.3.4")!));
  });
});
