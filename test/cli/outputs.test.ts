import { link, mkdir, readdir, readFile, stat, symlink } from "node:fs/promises";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { SUMMARY_SHEETS } from "../../src/cli/xlsx/summary";
import { sheetLayout } from "../../src/domain/layout";
import { catalogue } from "../../src/domain/catalogue";
import { ValidationReportSchema } from "../../src/workflows/report";
import { SO_TU_PHAP, SO_Y_TE } from "../helpers/departments";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

// Issue 10, point 4: what the commands write never costs a file they read, a file they were not told to replace,
// or a whole file; and any text a unit typed comes out within Excel's limits, said so, and readable again.

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

async function texts(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const found: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") found.push(cell.value);
      }),
    ),
  );
  return found;
}

describe("consolidate -o never replaces one of its inputs", () => {
  const temp = useTempDir("cchc-own-input-");
  let a = "";
  let b = "";
  let bytesOfA: Buffer;
  beforeAll(async () => {
    a = await temp.write("so-tu-phap.xlsx", await filledTemplate(SO_TU_PHAP, { unit: "Sở Tư pháp" }));
    b = await temp.write("so-y-te.xlsx", await filledTemplate(SO_Y_TE, { unit: "Sở Y tế" }));
    bytesOfA = await readFile(a);
    await link(a, temp.path("hard-link.xlsx"));
    await symlink(a, temp.path("symlink.xlsx"));
    await mkdir(temp.path("sub"));
  });

  it.each([
    ["the appendix itself", () => [a, b, "-o", a]],
    ["the appendix itself, even with --force", () => [a, b, "-o", a, "--force"]],
    [
      "the appendix as ./ and .. spell it",
      () => [a, b, "-o", temp.path("sub/../so-tu-phap.xlsx"), "--force"],
    ],
    ["a hard link to the appendix", () => [a, b, "-o", temp.path("hard-link.xlsx"), "--force"]],
    ["a symlink to the appendix", () => [a, b, "-o", temp.path("symlink.xlsx"), "--force"]],
    ["the previous period's file", () => [b, "--previous", a, "-o", a, "--force"]],
  ])("refuses -o naming %s with exit 2 and leaves it untouched", async (_, args) => {
    const { code, stderr } = await run(["consolidate", ...args()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Không ghi đè (phụ lục|tệp kỳ trước) .*so-tu-phap\.xlsx/);
    expect(stderr).toMatch(/Will not overwrite the (appendix|previous period's file) /);
    expect((await readFile(a)).equals(bytesOfA)).toBe(true);
    // Refused before reading anything: no progress line.
    expect(stderr).not.toContain("[1/");
  });
});

describe("an existing output is replaced only with --force", () => {
  const temp = useTempDir("cchc-existing-");

  it("template -o refuses an existing file with exit 2 and a bilingual message, and replaces it with --force", async () => {
    const file = await temp.write("da-co.xlsx", "bảng tính của người khác");
    const refused = await run(["template", "-o", file, "--unit", "Sở Y tế"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("đã có: không ghi đè");
    expect(refused.stderr).toContain("already exists: not overwritten");
    expect(await readFile(file, "utf8")).toBe("bảng tính của người khác");

    expect((await run(["template", "-o", file, "--unit", "Sở Y tế", "--force"])).code).toBe(0);
    const { stdout } = await run(["validate", file, "--format", "json"]);
    expect(ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets[0]!.unit).toBe("Sở Y tế");
  });

  it("consolidate -o refuses an existing file with exit 2, and replaces it with --force", async () => {
    const appendix = await temp.write(
      "so-tu-phap.xlsx",
      await filledTemplate(SO_TU_PHAP, { unit: "Sở Tư pháp" }),
    );
    const summary = await temp.write("tong-hop.xlsx", "tổng hợp đã gửi");
    const refused = await run(["consolidate", appendix, "-o", summary]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("đã có: không ghi đè");
    expect(refused.stdout).toBe("");
    expect(await readFile(summary, "utf8")).toBe("tổng hợp đã gửi");

    expect((await run(["consolidate", appendix, "-o", summary, "--force"])).code).toBe(0);
    expect(await texts(summary)).toContain("Sở Tư pháp");
  });

  it("template -o DIR is refused with a message, not a stack trace, even with --force", async () => {
    await mkdir(temp.path("thu-muc"));
    const { code, stderr } = await run(["template", "-o", temp.path("thu-muc"), "--force"]);
    expect(code).toBe(2);
    expect(stderr).toContain("là một thư mục: hãy chỉ định tên tệp");
    expect(stderr).toContain("is a folder: give a file name");
    expect(stderr).not.toMatch(/\n\s+at /);
    expect((await stat(temp.path("thu-muc"))).isDirectory()).toBe(true);
  });
});

describe("a summary written over an old one", () => {
  const temp = useTempDir("cchc-two-writers-");
  let a = "";
  let b = "";
  beforeAll(async () => {
    a = await temp.write("a.xlsx", await filledTemplate(SO_TU_PHAP, { unit: "Sở Tư pháp" }));
    b = await temp.write("b.xlsx", await filledTemplate(SO_Y_TE, { unit: "Sở Y tế" }));
  });

  // Written in place, the old file is truncated first and filled chunk by chunk: a crash or a second run meanwhile
  // leaves a corrupt zip. Written beside it and renamed, the old file's bytes stay whole until the new ones replace
  // it at once: a hard link taken before the run still holds them afterwards.
  it("is replaced by a rename, never rewritten in place, and leaves no temporary file", async () => {
    const out = temp.path("tong-hop.xlsx");
    expect((await run(["consolidate", a, "-o", out])).code).toBe(0);
    const old = await readFile(out);
    await link(out, temp.path("giu-lai.xlsx"));

    expect((await run(["consolidate", a, b, "-o", out, "--force"])).code).toBe(0);
    expect((await readFile(temp.path("giu-lai.xlsx"))).equals(old)).toBe(true);
    expect(await texts(out)).toContain("Sở Y tế");
    expect((await readdir(temp.path(""))).sort()).toEqual([
      "a.xlsx",
      "b.xlsx",
      "giu-lai.xlsx",
      "tong-hop.xlsx",
    ]);
  });

  it("leaves the summary of one of the runs, whole, when several write it at once", async () => {
    const out = temp.path("cung-luc.xlsx");
    const runs = await Promise.all([
      run(["consolidate", a, "-o", out, "--force"]),
      run(["consolidate", a, b, "-o", out, "--force"]),
      run(["consolidate", b, "-o", out, "--force"]),
    ]);
    expect(runs.map((result) => result.code)).toEqual([0, 0, 0]);
    expect((await readWorkbookFile(out)).map((grid) => grid.name)).toContain(SUMMARY_SHEETS.units);
    expect((await readdir(temp.path(""))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("text beyond Excel's limits", () => {
  const temp = useTempDir("cchc-long-text-");
  const LONG_UNIT = `Sở ${"Thông tin và Truyền thông ".repeat(4_000)}`.trim();

  it("template --unit of 100.000 characters writes cells Excel opens, says so, and validates again", async () => {
    const file = temp.path("dai.xlsx");
    const { code, stderr } = await run(["template", "-o", file, "--unit", LONG_UNIT]);
    expect(code).toBe(0);
    expect(stderr).toContain("Đã cắt");
    const unitCell = `B${sheetLayout(catalogue).inputRow}`;
    expect(stderr).toContain(
      `'Sở Thông tin và Truyền thông'!${unitCell}: nội dung ô 104.002 ký tự, cắt còn 32.767`,
    );
    expect(stderr).toContain("cut to 32,767");
    for (const text of await texts(file)) expect(text.length).toBeLessThanOrEqual(32_767);
    const { stdout } = await run(["validate", file, "--format", "json"]);
    const unit = ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets[0]!.unit!;
    expect(unit).toHaveLength(32_767);
    expect(unit.endsWith("…")).toBe(true);
    expect(LONG_UNIT.startsWith(unit.slice(0, -1))).toBe(true);
  });

  it("a unit name of 1 MB typed in an appendix gives a summary the tool reads back as the previous period", async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await filledTemplate(SO_TU_PHAP, { period: "2021-Q2" });
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    const huge = `Sở ${"X".repeat(1_000_000)}`;
    workbook.worksheets[0]!.getCell(`B${sheetLayout(catalogue).inputRow}`).value = huge;
    const appendix = await temp.write("mot-mb.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const previous = temp.path("tong-hop-quy-2.xlsx");
    expect((await run(["consolidate", appendix, "-o", previous])).code).toBe(0);
    for (const text of await texts(previous)) expect(text.length).toBeLessThanOrEqual(32_767);

    const current = await temp.write("quy-3.xlsx", await filledTemplate(SO_TU_PHAP, { period: "2021-Q3" }));
    const next = await run([
      "consolidate",
      current,
      "--previous",
      previous,
      "-o",
      temp.path("tong-hop-quy-3.xlsx"),
    ]);
    expect(next.stderr).not.toContain("Tệp kỳ trước");
    expect(next.code).toBe(0);
  });
});
