import { main } from "../../src/cli/main";
import { ValidationReportSchema } from "../../src/workflows/report";
import { useTempDir } from "../helpers/xlsx";

// Issue 10, point 6: --help on every command, in Vietnamese then English, listing each option; every error a
// message in both languages, never a stack trace.

async function run(args: string[], out?: (text: string) => void) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    out: out ?? ((text) => (stdout += text)),
    err: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  template: ["--output", "--unit", "--level", "--period", "--force", "--help"],
  validate: ["--format", "--lang", "--help"],
  consolidate: ["--output", "--expect", "--previous", "--roles", "--force", "--help"],
  import: ["--output", "--force", "--help"],
};

describe("--help", () => {
  it.each(Object.entries(OPTIONS))(
    "%s --help prints its usage and every option, Vietnamese first, then English, and exits 0",
    async (command, options) => {
      for (const flag of ["--help", "-h"]) {
        const { code, stdout, stderr } = await run([command, flag]);
        expect(code).toBe(0);
        expect(stderr).toBe("");
        const english = stdout.indexOf("Usage:");
        expect(stdout.indexOf("Cách dùng:")).toBe(0);
        expect(english).toBeGreaterThan(0);
        for (const option of options) {
          const vi = stdout.indexOf(option);
          expect(vi).toBeGreaterThan(0);
          expect(vi).toBeLessThan(english);
          expect(stdout.indexOf(option, english)).toBeGreaterThan(english);
        }
        expect(stdout).toContain(`cchc-appendix ${command} `);
      }
    },
  );

  it("wins over the other arguments, even wrong ones", async () => {
    const { code, stdout } = await run(["template", "--level", "tinh", "--bogus", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--period");
  });

  it("cchc-appendix --help and help list every command with its options, in both languages", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const { code, stdout } = await run(args);
      expect(code).toBe(0);
      const english = stdout.indexOf("Usage:");
      for (const [command, options] of Object.entries(OPTIONS)) {
        expect(stdout.indexOf(`cchc-appendix ${command} `)).toBeLessThan(english);
        expect(stdout.indexOf(`cchc-appendix ${command} `, english)).toBeGreaterThan(english);
        for (const option of options) expect(stdout).toContain(option);
      }
    }
    expect((await run(["help", "validate"])).stdout).toContain("--format text|json");
  });

  it("no command at all is a usage error on stderr, exit 2", async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Chưa chỉ định lệnh.\nNo command given.");
  });
});

describe("template --period in the notations people write", () => {
  const temp = useTempDir("cchc-period-");

  it.each([
    ["Quý III/2021", "2021-Q3"],
    ["quý 3 năm 2021", "2021-Q3"],
    ["6 tháng 2021", "2021-H1"],
    ["6 tháng đầu năm 2022", "2022-H1"],
    ["Năm 2021", "2021"],
    ["2024-q4", "2024-Q4"],
  ])("accepts %j as %s", async (typed, id) => {
    const file = temp.path(`${id}-${typed.length}.xlsx`);
    const written = await run(["template", "-o", file, "--period", typed]);
    expect(written.stderr).toBe("");
    expect(written.code).toBe(0);
    const { stdout } = await run(["validate", file, "--format", "json"]);
    expect(ValidationReportSchema.parse(JSON.parse(stdout)).files[0]!.sheets[0]!.period).toBe(id);
  });

  it.each(["Quý V/2021", "9 tháng 2021", "Q3", "2021-Q3 và Q4"])(
    "refuses %j listing the accepted forms, exit 2",
    async (typed) => {
      const { code, stderr } = await run(["template", "-o", temp.path("sai.xlsx"), "--period", typed]);
      expect(code).toBe(2);
      expect(stderr).toContain(`Kỳ báo cáo không hợp lệ: "${typed}". Dùng một trong các dạng:`);
      expect(stderr).toContain('"Quý III/2021"; 2021-H1 hoặc "6 tháng 2021"; 2021 hoặc "Năm 2021"');
      expect(stderr).toContain(`Invalid period: "${typed}". Use one of:`);
    },
  );
});

describe("an unexpected failure", () => {
  const failing = () => {
    throw new Error("lỗi nội bộ giả định");
  };
  afterEach(() => {
    delete process.env.CCHC_DEBUG;
  });

  it("is a bilingual message and exit 2, with no detail or stack unless CCHC_DEBUG=1", async () => {
    const { code, stderr } = await run(["help"], failing);
    expect(code).toBe(2);
    expect(stderr).toContain("Lỗi không mong đợi");
    expect(stderr).toContain("Unexpected error");
    expect(stderr).toContain("CCHC_DEBUG=1");
    expect(stderr).not.toContain("lỗi nội bộ giả định");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("shows its detail and stack under CCHC_DEBUG=1", async () => {
    process.env.CCHC_DEBUG = "1";
    const { code, stderr } = await run(["help"], failing);
    expect(code).toBe(2);
    expect(stderr).toContain("lỗi nội bộ giả định");
    expect(stderr).toMatch(/\n\s+at /);
  });
});

describe("wrong arguments", () => {
  it.each([
    [["template", "-o"], "Tùy chọn -o, --output cần một giá trị.", "Option -o, --output needs a value."],
    [
      ["validate", "x.xlsx", "--format"],
      "Tùy chọn --format cần một giá trị.",
      "Option --format needs a value.",
    ],
    [
      ["template", "--force=yes", "-o", "x.xlsx"],
      "Tùy chọn --force không nhận giá trị.",
      "Option --force takes no value.",
    ],
    [
      ["template", "thừa", "-o", "x.xlsx"],
      "Lệnh này không nhận tham số thừa.",
      "This command takes no argument thừa.",
    ],
    [
      ["dongbo"],
      'Lệnh không hợp lệ: "dongbo" (dùng template, validate, consolidate, import hoặc form).',
      'Unknown command: "dongbo" (use template, validate, consolidate, import or form).',
    ],
  ])("%j: a message in both languages, then the help, exit 2", async (args, vi, en) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(`${vi}\n`);
    expect(stderr).toContain(`${en}\n`);
    expect(stderr).toContain("Cách dùng:");
  });
});
