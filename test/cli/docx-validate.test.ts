import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { LIMITS } from "../../src/cli/xlsx/read";
import { TABLE_RULE } from "../../src/docx/findings";
import { NOT_A_REPORT } from "../../src/docx/report";
import { ValidationReportSchema } from "../../src/workflows/report";
import { blockingOf, SEED_BLOCKING } from "../helpers/seed";
import { useTempDir } from "../helpers/xlsx";
import { zip } from "../helpers/zip";
import { docx, documentXml, HEADER_ROWS, p, row, table } from "../docx/package";
import { convertHtml, convertText, seedHtml, seedText } from "../docx/seed-docx";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

async function json(file: string) {
  const { code, stdout, stderr } = await run(["validate", file, "--format", "json"]);
  return { code, stderr, report: ValidationReportSchema.parse(JSON.parse(stdout)) };
}

const SEED = readFileSync(join(__dirname, "../fixtures/seed-report-q3-2021.txt"), "utf8");

/** The seed's appendix rows as typed, every header line left out, as one table. */
function seedTable(): string {
  const rows = SEED.slice(SEED.lastIndexOf("Phụ lục"))
    .split("\n")
    .filter((line) => line.includes("\t") && !line.startsWith("STT") && !line.includes("\tĐơn vị tính\t"))
    .map((line) => {
      const [code = "", label = "", unit = "", value = "", note = ""] = line.split("\t");
      return row(code, label.replace(/<\/?i>/g, ""), unit, value, note);
    });
  return table(HEADER_ROWS + rows.join(""));
}

const ONE_STOP = [
  "- Tổng số hồ sơ yêu cầu giải quyết TTHC quý III/2021: 44",
  "- + Số kỳ trước chuyển qua: 0",
  "- + Số mới tiếp nhận: 0",
  "- Kết quả giải quyết TTHC: 44",
  "- + Trả đúng thời hạn: 44",
  "- + Trả quá hạn: 0",
  "- Số hồ sơ nộp trực tuyến: 42",
];

describe("cchc-appendix validate on Word reports", () => {
  const temp = useTempDir("cchc-docx-validate-");
  let seed: Buffer;
  beforeAll(async () => {
    seed = await convertHtml(seedHtml());
  });

  it("gives the seed's findings from the LibreOffice seed, pointed at paragraphs and table rows", async () => {
    const file = await temp.write("seed.docx", seed);
    const { code, report } = await json(file);
    expect(code).toBe(1);
    const sheet = report.files[0]!.sheets[0]!;
    expect(sheet).toMatchObject({
      sheet: "bảng phụ lục",
      // The title's capitals, written as the report's running text writes the name.
      unit: "Sở Thông tin và Truyền thông",
      level: "so",
      period: "2021-Q3",
      verdict: "not_ready",
    });
    expect(blockingOf(sheet.findings)).toEqual(SEED_BLOCKING);
    const balance = sheet.findings.find((finding) => finding.rule === "balance:HS.1")!;
    expect(balance.cells).toEqual([
      'đoạn: "+ Số mới tiếp nhận: 0"',
      'đoạn: "Tổng số hồ sơ yêu cầu giải quyết TTHC quý III/2021: 44"',
      'đoạn: "+ Số kỳ trước chuyển qua: 0"',
    ]);
    expect(balance.suggestion?.cell).toBe('đoạn: "+ Số mới tiếp nhận: 0"');
    expect(balance.message.vi).toContain(
      '— đoạn: "+ Số mới tiếp nhận: 0"; đoạn: "Tổng số hồ sơ yêu cầu giải quyết TTHC',
    );
    expect(balance.message.en).toContain('— paragraph: "+ Số mới tiếp nhận: 0"');
    const malformed = sheet.findings.find((finding) => finding.codes[0] === "DV.4.1")!;
    expect(malformed.cells[0]).toContain("5.621 hồ sơ mức 4 (1.93673 trực tiếp, 3.685 trực tuyến");
    const rate = sheet.findings.find((finding) => finding.rule === "derived:7.8.3")!;
    expect(rate.cells[0]).toBe("bảng phụ lục, dòng 7.8.3");
    expect(rate.message.en).toContain("— appendix table, row 7.8.3; paragraph: ");
    expect(sheet.summary.counts).toEqual({ error: 2, warning: 1, info: 4 });
  });

  it("says the places in the text report in the language asked", async () => {
    const file = await temp.write("seed-text.docx", seed);
    const vi = await run(["validate", file]);
    expect(vi.stdout).toContain('đề xuất 44. — đoạn: "+ Số mới tiếp nhận: 0"');
    const en = await run(["validate", file, "--lang", "en"]);
    expect(en.stdout).toContain("rounded it is 11.93%. — appendix table, row 7.8.3; paragraph:");
    expect(en.stdout).not.toContain("bảng phụ lục");
    expect(en.stdout).toMatch(/^ {2}'appendix table' — .+ · department · Q3 2021$/m);
    expect(vi.stdout).toMatch(/^ {2}'bảng phụ lục' — .+ · Sở, ngành · Quý III\/2021$/m);
  });

  it("names a Word report's table and places in the JSON in the language asked, Vietnamese by default", async () => {
    const file = await temp.write("seed-json.docx", seed);
    const sheetIn = async (lang: string) => {
      const { stdout } = await run(["validate", file, "--format", "json", "--lang", lang]);
      return ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets[0]!;
    };
    const [vi, en] = [(await json(file)).report.files[0]!.sheets[0]!, await sheetIn("en")];
    expect([vi.sheet, en.sheet]).toEqual(["bảng phụ lục", "appendix table"]);
    const rate = (sheet: typeof vi) =>
      sheet.findings.find((finding) => finding.codes[0] === "7.8.3")!.cells[0];
    expect([rate(vi), rate(en)]).toEqual(["bảng phụ lục, dòng 7.8.3", "appendix table, row 7.8.3"]);
    expect(en.findings.flatMap((finding) => finding.cells).join(" ")).not.toMatch(/bảng phụ lục|đoạn:/);
  });

  it("validates a single-table appendix typed in Word like the seed's workbook", async () => {
    const file = await temp.write(
      "mot-bang.docx",
      docx(ONE_STOP.map((line) => p(line)).join("") + seedTable()),
    );
    const { code, report } = await json(file);
    expect(code).toBe(1);
    const rules = report.files[0]!.sheets[0]!.findings.filter((f) => f.severity !== "info").map((f) => [
      f.rule,
      f.kind,
    ]);
    // A report that never names its unit does not tell its level: warned, as a sheet typed without row 4.
    expect(rules).toEqual([
      ["balance:HS.1", "balance_mismatch"],
      ["order:HS.5<=HS.1.2", "order_violated"],
      ["period", "level_unknown"],
    ]);
  });

  it("checks the body against the appendix: a rate against the body's counts, a count stated twice", async () => {
    // The on-time count stated twice under "Kết quả giải quyết TTHC", and the online count with two numbers.
    const lines = [
      ...ONE_STOP.slice(0, 6),
      "- + Trả đúng thời hạn: 40",
      "- Số hồ sơ nộp trực tuyến: 42 và 40",
    ];
    const body = lines.map((line) => p(line));
    const file = await temp.write("than-va-bang.docx", docx(body.join("") + seedTable()));
    const { report } = await json(file);
    const findings = report.files[0]!.sheets[0]!.findings;
    const twice = findings.find((finding) => finding.kind === "conflicting_rows")!;
    expect(twice.codes).toEqual(["HS.2.1"]);
    expect(twice.severity).toBe("error");
    // Said as the report shows it: the two values and their paragraphs, no row of the grid the tool built.
    expect(twice.message.vi).toBe(
      'Trả đúng thời hạn (kể cả trước hạn) (HS.2.1) được ghi hai lần với số liệu khác nhau: 44 ở đoạn: "- + Trả đúng thời hạn: 44" và 40 ở đoạn: "- + Trả đúng thời hạn: 40"; không xác định được số liệu nào đúng. Sửa để báo cáo chỉ ghi một số liệu.',
    );
    expect(twice.message.en).toMatch(
      /^.+ \(HS\.2\.1\) is stated twice with different values: 44 in paragraph: "- \+ Trả đúng thời hạn: 44" and 40 in paragraph: /,
    );
    expect(twice.cells).toEqual(['đoạn: "- + Trả đúng thời hạn: 44"', 'đoạn: "- + Trả đúng thời hạn: 40"']);
    expect(findings.find((finding) => finding.rule === "derived:3.4.1")).toBeUndefined();
    const unread = findings.find((finding) => finding.kind === "body_not_read")!;
    expect(unread).toMatchObject({
      severity: "info",
      codes: ["HS.5"],
      cells: ['đoạn: "- Số hồ sơ nộp trực tuyến: 42 và 40"'],
    });
    expect(unread.message.vi).toContain("cùng một câu nêu 2 số (42; 40)");

    const rateFile = await temp.write(
      "ty-le.docx",
      docx(
        ONE_STOP.map((line) => p(line))
          .join("")
          .replace("Trả đúng thời hạn: 44", "Trả đúng thời hạn: 40") + seedTable(),
      ),
    );
    const rate = (await json(rateFile)).report.files[0]!.sheets[0]!.findings.find(
      (finding) => finding.rule === "derived:3.4.1",
    )!;
    expect(rate.severity).toBe("error");
    expect(rate.message.vi).toContain(
      '— bảng phụ lục, dòng 3.4.1; đoạn: "- + Trả đúng thời hạn: 40"; đoạn: "- Kết quả giải quyết TTHC: 44"',
    );
  });

  it("validates a report whose figures are only in its body", async () => {
    const file = await temp.write("chi-than.docx", docx(ONE_STOP.map((line) => p(line)).join("")));
    const { code, report } = await json(file);
    expect(code).toBe(1);
    const sheet = report.files[0]!.sheets[0]!;
    expect(sheet.findings.find((finding) => finding.rule === "balance:HS.1")?.cells[0]).toBe(
      'đoạn: "- + Số mới tiếp nhận: 0"',
    );
  });

  it("says first, in both languages, that a report has no appendix table and how to send one", async () => {
    const file = await temp.write("khong-bang.docx", docx(ONE_STOP.map((line) => p(line)).join("")));
    const sheet = (await json(file)).report.files[0]!.sheets[0]!;
    expect(sheet.findings[0]).toMatchObject({
      rule: TABLE_RULE,
      severity: "warning",
      params: { fromText: 7 },
    });
    expect(sheet.findings[0]!.message.vi).toContain("Không tìm thấy bảng phụ lục trong báo cáo");
    expect(sheet.findings[0]!.message.vi).toContain("Gửi phụ lục dưới dạng bảng Word");
    expect(sheet.findings[0]!.message.en).toContain("No appendix table was found in the report");
    expect(sheet.summary.rules).toContainEqual({ rule: TABLE_RULE, passed: 0, failed: 1, notEvaluated: 0 });
    const english = await run(["validate", file, "--lang", "en"]);
    expect(english.stdout).toContain("No appendix table was found in the report: only 7 values");
  });

  it("reads an appendix typed as tab-separated text (LibreOffice's .docx of the seed's .txt) as its table", async () => {
    const file = await temp.write("seed-txt.docx", await convertText(seedText()));
    const sheet = (await json(file)).report.files[0]!.sheets[0]!;
    expect(blockingOf(sheet.findings)).toEqual(SEED_BLOCKING);
    // The blanks of the seed made from HTML tables, not every row of the form.
    const tables = (await json(await temp.write("seed-tables.docx", seed))).report.files[0]!.sheets[0]!;
    expect(sheet.summary.blankExpected).toBe(tables.summary.blankExpected);
    expect(sheet.findings.find((finding) => finding.codes[0] === "7.8.3")?.message.vi).toContain(
      "bảng phụ lục, dòng 7.8.3",
    );
  });

  it("reads no tabbed appendix whose tabs line text up rather than part columns, and says it has no table", async () => {
    // One line's value pushed a column right by a tab typed to line it up: which column holds what is lost.
    const seed = seedText();
    const aligned = seed.replace(
      "Số nhiệm vụ đề ra trong kế hoạch\tNhiệm vụ\t7",
      "Số nhiệm vụ đề ra trong kế hoạch\t\tNhiệm vụ\t7",
    );
    expect(aligned).not.toBe(seed);
    const file = await temp.write("tab-lech.docx", await convertText(aligned));
    const sheet = (await json(file)).report.files[0]!.sheets[0]!;
    expect(sheet.findings[0]?.rule).toBe(TABLE_RULE);
  });

  it("refuses what is not a CCHC report, an old .doc and a PDF with what to send instead", async () => {
    const letter = await temp.write(
      "cong-van.docx",
      docx(
        p("Kính gửi: Sở Nội vụ") +
          p("Đề nghị cử 02 cán bộ dự họp ngày 15/9/2021.") +
          table(row("1", "Nơi nhận", "", "")),
      ),
    );
    const doc = await temp.write("bao-cao.doc", await convertHtml(seedHtml(), "doc"));
    const pdf = await temp.write("bao-cao.pdf", await convertHtml(seedHtml(), "pdf"));
    const notReport = await run(["validate", letter]);
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toContain(NOT_A_REPORT.vi);
    expect(notReport.stderr).toContain(NOT_A_REPORT.en);
    const old = await run(["validate", doc]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain(
      "Word 97–2003 (.doc) cũ: mở tệp bằng Word và chọn Lưu thành (Save As) định dạng Tài liệu Word (.docx)",
    );
    expect(old.stderr).toContain("Save As a Word Document (.docx)");
    const printed = await run(["validate", pdf]);
    expect(printed.code).toBe(2);
    expect(printed.stderr).toContain("công cụ đọc tệp Word (.docx) và Excel (.xlsx)");
    expect(printed.stderr).toContain("the tool reads Word (.docx) and Excel (.xlsx) files");
  });

  it("tells a file named .docx that holds no document that it is no valid Word document, not no workbook", async () => {
    const text = await temp.write("bao-cao-gia.docx", "Báo cáo gõ bằng Notepad, lưu tên .docx");
    const empty = await temp.write("rong.docx", "");
    for (const file of [text, empty]) {
      const { code, stderr } = await run(["validate", file]);
      expect(code).toBe(2);
      expect(stderr).toContain("Tệp mang tên .docx nhưng không phải tài liệu Word hợp lệ");
      expect(stderr).toContain("The file is named .docx but is not a valid Word document");
      expect(stderr).not.toContain("Excel");
    }
    const imported = await run(["import", text, "-o", temp.path("gia.xlsx")]);
    expect([imported.code, imported.stderr]).toEqual([
      2,
      expect.stringContaining("không phải tài liệu Word hợp lệ"),
    ]);
  });

  it("refuses hostile documents within bounds: a zip bomb, a table past the row limit, a DOCTYPE", async () => {
    // A document part that says it unpacks to more than the whole archive may: refused before it is inflated.
    const bomb = await temp.write(
      "bom.docx",
      zip(
        new Map([
          [
            "word/document.xml",
            { data: Buffer.from(documentXml(p("x"))), declaredSize: LIMITS.unpackedBytes + 1 },
          ],
        ]),
      ),
    );
    const huge = await temp.write(
      "bang-lon.docx",
      docx(table(row("1.1.1.", "Số nhiệm vụ", "Nhiệm vụ", "7").repeat(LIMITS.rows + 1))),
    );
    const doctype = await temp.write(
      "doctype.docx",
      docx("", {
        extra: {
          "word/document.xml": Buffer.from(
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>',
          ),
        },
      }),
    );
    const bombRun = await run(["validate", bomb]);
    expect(bombRun.code).toBe(2);
    expect(bombRun.stderr).toContain("bom nén");
    const hugeRun = await run(["validate", huge]);
    expect(hugeRun.code).toBe(2);
    expect(hugeRun.stderr).toContain("Tài liệu quá lớn để là một báo cáo CCHC (more than 10000 table rows)");
    const doctypeRun = await run(["validate", doctype]);
    expect(doctypeRun.code).toBe(2);
    expect(doctypeRun.stderr).toContain("DOCTYPE, thứ mà Word không bao giờ ghi");
  });
});
