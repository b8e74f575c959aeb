import { execFile } from "node:child_process";
import { access, mkdir, readFile } from "node:fs/promises";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { zipPartText } from "../../src/cli/xlsx/read";
import { SUMMARY_SHEETS } from "../../src/cli/xlsx/summary";
import type { Level } from "../../src/domain/catalogue";
import { catalogue } from "../../src/domain/catalogue";
import { COLUMNS, sheetLayout } from "../../src/domain/layout";
import type { TypedValue } from "../helpers/seed";
import { SEED_VALUES } from "../helpers/seed";
import { runConsolidate } from "../helpers/tools";
import { filledTemplate, useTempDir } from "../helpers/xlsx";
import { SO_TU_PHAP, SO_XAY_DUNG, SO_Y_TE } from "../helpers/departments";

async function openSummary(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function formCell(workbook: ExcelJS.Workbook, code: string, column = COLUMNS.value + 1): ExcelJS.Cell {
  const row = sheetLayout(catalogue).rowOf.get(code)!;
  return workbook.getWorksheet(SUMMARY_SHEETS.form)!.getCell(row, column);
}

function sheetTexts(workbook: ExcelJS.Workbook, name: string): string[] {
  const texts: string[] = [];
  workbook.getWorksheet(name)!.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string") texts.push(cell.value);
    }),
  );
  return texts;
}

describe("cchc-appendix consolidate on real .xlsx files", () => {
  const temp = useTempDir("cchc-consolidate-");
  const write = async (
    name: string,
    values: Readonly<Record<string, TypedValue>>,
    unit: string,
    level: Level = "so",
    period = "2021-Q3",
  ) => temp.write(name, await filledTemplate(values, { unit, level, period, sheetName: "Phụ lục" }));

  let departments: string[];
  beforeAll(async () => {
    departments = [
      await write("so-tu-phap.xlsx", SO_TU_PHAP, "Sở Tư pháp"),
      await write("so-y-te.xlsx", SO_Y_TE, "Sở Y tế"),
      await write("so-xay-dung.xlsx", SO_XAY_DUNG, "Sở Xây dựng"),
    ];
  });

  it("sums the departments' counts, leaves HS.3 blank and recomputes 3.4.1 = ΣHS.2.1 / ΣHS.2", async () => {
    const out = temp.path("tong-hop-3-so.xlsx");
    const { code, stdout, stderr } = await runConsolidate([...departments, "-o", out]);
    expect(code).toBe(0);
    expect(stderr).toContain("[1/3] so-tu-phap.xlsx\n");
    expect(stderr).toContain("[3/3] so-xay-dung.xlsx\n");
    expect(stdout).toContain("Đã tổng hợp 3 đơn vị");
    expect(stdout).toContain("Consolidated 3 units");
    const summary = await openSummary(out);
    expect(formCell(summary, "HS.2").value).toBe(110);
    expect(formCell(summary, "HS.2.1").value).toBe(95);
    expect(formCell(summary, "HS.3").value).toBeNull();
    expect(formCell(summary, "HS.3", COLUMNS.note + 1).value).toContain(
      "Thiếu số liệu của 3 đơn vị: Sở Tư pháp, Sở Y tế, Sở Xây dựng.",
    );
    expect(formCell(summary, "HS.2", COLUMNS.note + 1).value).toContain(
      "Thiếu số liệu của 1 đơn vị: Sở Xây dựng.",
    );
    const rate = formCell(summary, "3.4.1").value as number;
    expect(rate).toBeCloseTo(95 / 110, 12);
    expect(rate).not.toBeCloseTo((0.9 + 0.5) / 2, 3);
    expect(formCell(summary, "3.4.1").formula).toBeUndefined();
    const units = summary.getWorksheet(SUMMARY_SHEETS.units)!;
    expect(units.getRow(3).values).toEqual(
      expect.arrayContaining(["Sở Tư pháp", "Sở, ngành", "Quý III/2021", "Sẵn sàng", 0, 0]),
    );
    expect(units.rowCount).toBe(5);
  });

  it("names two units' files of one name by their folders, as it goes and in the summary's Tệp column", async () => {
    await mkdir(temp.path("tu-phap"));
    await mkdir(temp.path("y-te"));
    const files = [
      await write("tu-phap/phu-luc.xlsx", SO_TU_PHAP, "Sở Tư pháp"),
      await write("y-te/phu-luc.xlsx", SO_Y_TE, "Sở Y tế"),
    ];
    const out = temp.path("tong-hop-cung-ten.xlsx");
    const { code, stderr } = await runConsolidate([...files, "-o", out]);
    expect(code).toBe(0);
    expect(stderr).toContain("[1/2] tu-phap/phu-luc.xlsx\n");
    expect(stderr).toContain("[2/2] y-te/phu-luc.xlsx\n");
    const texts = sheetTexts(await openSummary(out), SUMMARY_SHEETS.units);
    expect(texts).toEqual(expect.arrayContaining(["tu-phap/phu-luc.xlsx", "y-te/phu-luc.xlsx"]));
  });

  it("keeps a district's counts out of 3.4.1 and takes a province-wide indicator from its one office", async () => {
    const district = await write(
      "huyen-cang-long.xlsx",
      { "HS.1": 1000, "HS.1.1": 0, "HS.1.2": 1000, "HS.2": 1000, "HS.2.1": 400, "HS.2.2": 600 },
      "UBND huyện Càng Long",
      "huyen",
    );
    const office = await write(
      "so-tttt.xlsx",
      { "7.8.1": 762, "7.8.2": 805, "1.1.1": 1, "1.1.2": 1 },
      "Sở Thông tin và Truyền thông",
    );
    const other = await write("so-noi-vu.xlsx", { ...SO_XAY_DUNG, "7.8.1": 5, "4.1.1": 20 }, "Sở Nội vụ");
    const roles = await temp.write(
      "vai-tro.txt",
      "# đơn vị\tvai trò\nSở Thông tin và Truyền thông\tstttt\nSở Nội vụ;snv\nVăn phòng UBND tỉnh;vpubnd\n",
    );
    const out = temp.path("tong-hop-huyen.xlsx");
    const { code } = await runConsolidate([
      ...departments,
      district,
      office,
      other,
      "-o",
      out,
      "--roles",
      roles,
    ]);
    expect(code).toBe(0);
    const summary = await openSummary(out);
    expect(formCell(summary, "3.4.1").value).toBeCloseTo(95 / 110, 12);
    expect(formCell(summary, "3.4.2").value).toBeCloseTo(400 / 1000, 12);
    expect(formCell(summary, "7.8.1").value).toBe(762);
    expect(formCell(summary, "7.8.1", COLUMNS.note + 1).value).toContain(
      "Theo số liệu của Sở Thông tin và Truyền thông.",
    );
    expect(formCell(summary, "4.1.1").value).toBe(20);
    expect(formCell(summary, "3.1.3").value).toBeNull();
    const roleColumn = sheetTexts(summary, SUMMARY_SHEETS.units);
    expect(roleColumn).toEqual(expect.arrayContaining(["Sở Thông tin và Truyền thông", "Sở Nội vụ"]));
  });

  it("consolidates a unit with errors, marks the totals that include it and writes its correction request", async () => {
    const seed = await write("so-tttt-mau.xlsx", SEED_VALUES, "Sở TTTT (bản lỗi)");
    const out = temp.path("tong-hop-loi.xlsx");
    const { code } = await runConsolidate([...departments, seed, "-o", out]);
    expect(code).toBe(1);
    const summary = await openSummary(out);
    const resolved = formCell(summary, "HS.2");
    expect(resolved.value).toBe(110 + 44);
    expect(resolved.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(JSON.stringify(resolved.note)).toContain("Sở TTTT (bản lỗi)");
    // A total the erroneous unit is not part of (nobody reported 2.1) is not marked.
    expect(formCell(summary, "2.1").fill).not.toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(formCell(summary, "2.1").note).toBeUndefined();
    const requests = summary.getWorksheet(SUMMARY_SHEETS.requests)!;
    const row = [3, 4, 5, 6]
      .map((at) => requests.getRow(at))
      .find((r) => r.getCell(1).value === "Sở TTTT (bản lỗi)")!;
    expect(row.getCell(3).value).toBe(2);
    const letter = row.getCell(5).value as string;
    expect(letter).toMatch(/^Kính gửi: Sở TTTT \(bản lỗi\)/);
    expect(letter).toContain("A. Lỗi phải sửa (2):");
    expect(letter).toMatch(/giá trị đúng có thể là 1\.936\.\n/);
    expect(letter).not.toContain("Đề xuất:");
    expect(row.getCell(6).value).toMatch(/^To: Sở TTTT \(bản lỗi\)/);
    const units = sheetTexts(summary, SUMMARY_SHEETS.units);
    expect(units).toContain("Chưa sẵn sàng");
  });

  it("warns when cumulative figures fall and when HS.1.1 differs from the previous period's HS.3", async () => {
    const q2 = [
      await write(
        "q2-tu-phap.xlsx",
        { ...SO_TU_PHAP, "HS.1": 130, "HS.1.2": 120, "HS.3": 20, "HS.3.1": 20, "HS.3.2": 0, "6.1": 5 },
        "Sở Tư pháp",
        "so",
        "2021-Q2",
      ),
      await write("q2-y-te.xlsx", SO_Y_TE, "Sở Y tế", "so", "2021-Q2"),
    ];
    const previous = temp.path("tong-hop-q2.xlsx");
    expect((await runConsolidate([...q2, "-o", previous])).code).toBe(0);
    const q3 = await write("q3-tu-phap.xlsx", { ...SO_TU_PHAP, "6.1": 4 }, "Sở Tư pháp");
    const out = temp.path("tong-hop-q3.xlsx");
    const { code } = await runConsolidate([q3, departments[1]!, "-o", out, "--previous", previous]);
    expect(code).toBe(0);
    const summary = await openSummary(out);
    const texts = sheetTexts(summary, SUMMARY_SHEETS.issues);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\(6\.1\) là số lũy kế nhưng giảm từ 5 \(kỳ trước\) xuống 4\.$/),
        "Số kỳ trước chuyển qua (HS.1.1) = 10 khác Số hồ sơ đang giải quyết (HS.3) cuối kỳ trước = 20: chênh lệch 10.",
      ]),
    );
    const letters = sheetTexts(summary, SUMMARY_SHEETS.requests).filter((text) =>
      text.startsWith("Kính gửi: Sở Tư pháp"),
    );
    expect(letters[0]).toContain("Nội dung cần kiểm tra lại (2):");
  });

  it("refuses a previous period file that holds neither a summary nor an appendix, writing nothing", async () => {
    const notes = new ExcelJS.Workbook();
    notes.addWorksheet("Ghi chú").getCell("A1").value = "Biên bản họp";
    const previous = await temp.write("bien-ban.xlsx", Buffer.from(await notes.xlsx.writeBuffer()));
    const out = temp.path("tong-hop-khong-ky-truoc.xlsx");
    const { code, stderr } = await runConsolidate([departments[0]!, "-o", out, "--previous", previous]);
    expect(code).toBe(2);
    expect(stderr).toContain(`Tệp kỳ trước ${previous} không có bảng tổng hợp hay phụ lục nào.`);
    await expect(access(out)).rejects.toThrow();
  });

  it("writes text that begins with =, +, - or @ as text, never as a formula", async () => {
    const names = ['=HYPERLINK("http://example.com","Bấm vào đây")', "+84 Sở", "-Sở Tài chính", "@SUM(A1)"];
    const files: string[] = [];
    for (const [index, name] of names.entries()) {
      // The first with a warning (2.5 above 2.4), so that its name heads a letter on the requests sheet too.
      const values = index === 0 ? { ...SO_Y_TE, "2.4": 1, "2.5": 2 } : SO_Y_TE;
      files.push(await write(`tiem-${index}.xlsx`, values, name));
    }
    const expected = await temp.write("don-vi.txt", `${names.join("\n")}\n=1+1\n`);
    const out = temp.path("tong-hop-tiem.xlsx");
    expect((await runConsolidate([...files, "-o", out, "--expect", expected])).code).toBe(0);
    const summary = await openSummary(out);
    const units = summary.getWorksheet(SUMMARY_SHEETS.units)!;
    names.forEach((name, index) => {
      const cell = units.getCell(index + 3, 1);
      expect(cell.value).toBe(name);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    });
    expect(sheetTexts(summary, SUMMARY_SHEETS.missing)).toContain("=1+1");
    expect(sheetTexts(summary, SUMMARY_SHEETS.requests)).toContain(names[0]);
    const bytes = await readFile(out);
    const parts = summary.worksheets.map((_, index) => `xl/worksheets/sheet${index + 1}.xml`);
    for (const part of parts) {
      const xml = zipPartText(bytes, part);
      expect(xml).toBeDefined();
      expect(xml).not.toMatch(/<f[ >]/);
    }
  });

  it("never sums a summary sheet again", async () => {
    const first = temp.path("tong-hop-lan-1.xlsx");
    expect((await runConsolidate([departments[0]!, departments[1]!, "-o", first])).code).toBe(0);
    const again = temp.path("tong-hop-lan-2.xlsx");
    const { code, stderr } = await runConsolidate([departments[0]!, departments[1]!, first, "-o", again]);
    expect(code).toBe(0);
    expect(stderr).toContain("tong-hop-lan-1.xlsx: bỏ qua 7 trang tổng hợp (không cộng lại lần nữa).");
    const summary = await openSummary(again);
    expect(formCell(summary, "HS.2").value).toBe(110);
    expect(summary.getWorksheet(SUMMARY_SHEETS.units)!.rowCount).toBe(4);
    expect(sheetTexts(summary, SUMMARY_SHEETS.missing)).toContain("Trang tổng hợp: không cộng lại lần nữa.");
  });

  it("refuses appendices of different template versions with a bilingual error and writes nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await filledTemplate(SO_Y_TE, { unit: "Sở Y tế" })) as unknown as ArrayBuffer);
    workbook.worksheets[0]!.getCell(1, COLUMNS.key + 1).value = "CCHC-PL-2023";
    const newer = await temp.write("so-y-te-2023.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const out = temp.path("tong-hop-tron-mau.xlsx");
    const { code, stderr } = await runConsolidate([departments[0]!, newer, "-o", out]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "Không tổng hợp chung các phụ lục khác mẫu: CCHC-PL-2021 (so-tu-phap.xlsx 'Phụ lục')",
    );
    expect(stderr).toContain("CCHC-PL-2023 (so-y-te-2023.xlsx 'Sở TTTT')");
    expect(stderr).toContain("Appendices of different template versions cannot be consolidated together");
    await expect(access(out)).rejects.toThrow();
  });

  it("lists expected units that sent nothing", async () => {
    const expected = await temp.write("phai-bao-cao.txt", "Sở Tư pháp\nSở Y tế\nSở Công Thương\n");
    const out = temp.path("tong-hop-thieu.xlsx");
    expect(
      (await runConsolidate([departments[0]!, departments[1]!, "-o", out, "--expect", expected])).code,
    ).toBe(0);
    const missing = (await openSummary(out)).getWorksheet(SUMMARY_SHEETS.missing)!;
    expect(missing.getCell(3, 1).value).toBe("Sở Công Thương");
    expect(missing.getCell(3, 3).value).toBe("Đơn vị phải báo cáo nhưng chưa có phụ lục.");
  });

  it("exits 2 with a clear bilingual message for a bad roles file, bad arguments or an unreadable file", async () => {
    const roles = await temp.write("vai-tro-sai.txt", "Sở Nội vụ\tnoi-vu\n");
    const bad = await runConsolidate([departments[0]!, "-o", temp.path("x.xlsx"), "--roles", roles]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Tệp vai trò không hợp lệ: dòng 1: vai trò "noi-vu" không hợp lệ');
    expect(bad.stderr).toContain('Invalid roles file: line 1: unknown role "noi-vu"');

    const noOutput = await runConsolidate([departments[0]!]);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain("Thiếu tên tệp tổng hợp: -o TONG-HOP.xlsx.");
    expect((await runConsolidate(["-o", temp.path("y.xlsx")])).code).toBe(2);
    const unknown = await runConsolidate([departments[0]!, "-o", temp.path("z.xlsx"), "--colour"]);
    expect(unknown.stderr).toContain("Không có tùy chọn --colour.\nUnknown option --colour.");

    const text = await temp.write("ghi-chu.xlsx", "không phải bảng tính");
    const out = temp.path("tong-hop-co-tep-hong.xlsx");
    const partial = await runConsolidate([departments[0]!, text, "-o", out]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain("ghi-chu.xlsx: Tệp không phải bảng tính Excel (.xlsx)");
    expect(sheetTexts(await openSummary(out), SUMMARY_SHEETS.missing)).toContain("ghi-chu.xlsx");
  });
});

describe("consolidate's text files (--roles, --expect)", () => {
  const temp = useTempDir("cchc-text-files-");

  it("refuses a named pipe, a device or a folder at once instead of waiting on it, exit 2", async () => {
    const appendix = await temp.write("so-y-te.xlsx", await filledTemplate(SO_Y_TE, { unit: "Sở Y tế" }));
    const fifo = temp.path("vai-tro.fifo");
    await promisify(execFile)("mkfifo", [fifo]);
    for (const [option, path] of [
      ["--roles", fifo],
      ["--expect", "/dev/zero"],
      ["--expect", temp.path("")],
    ] as const) {
      const { code, stderr } = await runConsolidate([
        appendix,
        option,
        path,
        "-o",
        temp.path("tong-hop.xlsx"),
      ]);
      expect(code).toBe(2);
      expect(stderr).toContain("không phải một tệp văn bản thường");
      expect(stderr).toContain("is not a regular text file");
    }
  });

  it("refuses a file far larger than a list of units, exit 2", async () => {
    const appendix = await temp.write("so-y-te-2.xlsx", await filledTemplate(SO_Y_TE, { unit: "Sở Y tế" }));
    const huge = await temp.write("don-vi.txt", "Sở Y tế\n".repeat(200_000));
    const { code, stderr } = await runConsolidate([
      appendix,
      "--expect",
      huge,
      "-o",
      temp.path("tong-hop-2.xlsx"),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("quá lớn");
    expect(stderr).toContain("is too large");
  });
});
