/** @jest-environment ./test/helpers/excel-environment.js */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SelfCheckResult } from "../../src/workflows/self-check";
import {
  SELF_CHECK_STEPS,
  runSelfCheck,
  scratchOnly,
  scratchSheetName,
} from "../../src/workflows/self-check";
import { STEP_TITLES, selfCheckReport } from "../../src/workflows/self-check-report";
import type { EmulatedExcel } from "../excel/setup";
import { hostOver, seededWorkbook } from "../excel/setup";
import { checkWorkbook } from "../../src/workflows/usecases";
import { TestWorkbook } from "../helpers/workbook";

// The self-check as the help menu runs it: the real Excel client library over the emulator, through the add-in's
// own host (src/excel/host.ts), whose sync counter and the emulator's own request records are compared.

/** Everything of every sheet but the scratch one: cells, formats, protection, visibility, order. */
function workbookState(excel: EmulatedExcel, except?: string): string {
  return JSON.stringify({
    sheets: excel.data.sheets.filter((sheet) => sheet.name !== except),
    active: excel.data.activeSheetId,
  });
}

async function selfCheckOver(excel: EmulatedExcel) {
  const host = hostOver(excel, { wire: () => excel.emulator.requests });
  return runSelfCheck(await host.selfCheck!(), { now: () => new Date("2026-12-02T03:04:05.678Z") });
}

function statuses(result: SelfCheckResult) {
  return Object.fromEntries(result.steps.map((step) => [step.id, step.status]));
}

describe("the self-check over the real Excel library", () => {
  it("passes every step on a workbook of the user's, and leaves it exactly as it found it", async () => {
    const excel = seededWorkbook(2);
    // The user's own marks, from a check of their sheets, must outlive the self-check's clearing of its own.
    await hostOver(excel).run((port) => checkWorkbook(port, { mark: true }));
    expect(excel.sheet("Đơn vị 1").conditionalFormats.length).toBeGreaterThan(0);
    const other = excel.createSheet("Ghi chú của tôi");
    excel.data.activeSheetId = other.id;
    const before = workbookState(excel);
    const requestsBefore = excel.requests;

    const result = await selfCheckOver(excel);

    expect(result.steps.map((step) => step.id)).toEqual([...SELF_CHECK_STEPS]);
    expect(result.steps.filter((step) => step.status !== "passed")).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.scratchSheet).toMatch(/^Tự kiểm tra [0-9a-z]{6}$/);
    expect(workbookState(excel)).toBe(before);
    expect(excel.data.sheets.map((sheet) => sheet.name)).toEqual(["Đơn vị 1", "Đơn vị 2", "Ghi chú của tôi"]);
    // The counter saw every request the adapter sent; the emulator saw those and the runs' releases.
    const sent = excel.requests - requestsBefore;
    expect(result.requests.wire?.requests).toBe(sent);
    expect(result.requests.syncs).toBeGreaterThan(0);
    expect(sent).toBeGreaterThanOrEqual(result.requests.syncs);
    expect(sent).toBeLessThanOrEqual(result.requests.syncs + result.requests.runs);
    const records = excel.emulator.requests.slice(requestsBefore);
    expect(result.requests.wire?.largestRequestBytes).toBe(Math.max(...records.map((r) => r.requestBytes)));
    expect(result.requests.wire?.largestResponseBytes).toBe(Math.max(...records.map((r) => r.responseBytes)));
  });
});

/** The self-check's host over `excel`, with `before(call)` run just before each counted call of the session. */
async function faultyHost(excel: EmulatedExcel, before: (call: string, index: number) => void) {
  const host = await hostOver(excel, { wire: () => excel.emulator.requests }).selfCheck!();
  const calls = new Map<string, number>();
  const hook = (call: string) => {
    const index = (calls.get(call) ?? 0) + 1;
    calls.set(call, index);
    before(call, index);
  };
  return {
    facts: () => host.facts(),
    session() {
      const session = host.session();
      return {
        run: <T>(useCase: Parameters<typeof session.run<T>>[0]) => (hook("run"), session.run(useCase)),
        marks: (sheet: string) => (hook("marks"), session.marks(sheet)),
        activateSheet: (sheet: string) => (hook("activate"), session.activateSheet(sheet)),
        deleteSheet: (sheet: string) => (hook("delete"), session.deleteSheet(sheet)),
        tally: () => session.tally(),
      };
    },
  };
}

describe("a self-check step that Excel fails", () => {
  it("is reported failed with Excel's words and code, the steps after it skipped, and the scratch sheet still deleted", async () => {
    const excel = seededWorkbook(1);
    const before = workbookState(excel);
    // The fifth run of the session is the fix (listing, install, typing, validation, fix).
    const host = await faultyHost(excel, (call, index) => {
      if (call === "run" && index === 5) excel.failRequest(1, "AccessDenied");
    });

    const result = await runSelfCheck(host);

    expect(statuses(result)).toEqual({
      install: "passed",
      type: "passed",
      validate: "passed",
      marks: "passed",
      fix: "failed",
      fill: "skipped",
      clear: "skipped",
      restore: "passed",
      delete: "passed",
      unchanged: "passed",
    });
    expect(result.passed).toBe(false);
    const fix = result.steps.find((step) => step.id === "fix")!;
    expect(fix.code).toBe("AccessDenied");
    expect(fix.detail?.vi).toMatch(/^Excel không cho phép thay đổi này/);
    expect(result.leftBehind).toBeUndefined();
    expect(workbookState(excel)).toBe(before);

    const report = selfCheckReport(result, "vi");
    expect(report).toMatch(/^Kết quả: KHÔNG ĐẠT \(7\/10 bước đạt\)$/m);
    expect(report).toMatch(
      /^5\. KHÔNG ĐẠT fix: Sửa bằng một lần bấm\. Excel không cho phép .*\(mã lỗi AccessDenied\)/m,
    );
    expect(report).toMatch(/^6\. BỎ QUA fill: Điền công thức tỷ lệ\.$/m);
  });

  it("at the install, whose staging sheet the adapter removes, finds no sheet left to delete and the workbook as it was", async () => {
    const excel = seededWorkbook(1);
    const before = workbookState(excel);
    // The install lists the sheets, then writes its plan in a request that fails at its tenth action: Excel keeps
    // what came before, the adapter's very hidden staging sheet, which the adapter's cleanup then deletes.
    const host = await faultyHost(excel, (call, index) => {
      if (call === "run" && index === 2) excel.failAction(2, 10);
    });

    const result = await runSelfCheck(host);

    expect(statuses(result)).toMatchObject({
      install: "failed",
      type: "skipped",
      delete: "passed",
      unchanged: "passed",
    });
    expect(result.steps.find((step) => step.id === "delete")!.detail?.en).toBe(
      `There is no scratch sheet “${result.scratchSheet}” to delete.`,
    );
    expect(excel.data.sheets.map((sheet) => sheet.name)).toEqual(["Sở TTTT"]);
    expect(workbookState(excel)).toBe(before);
  });

  it("at the deletion says which sheet to delete by hand, and that the workbook is not as it was", async () => {
    const excel = seededWorkbook(1);
    const host = await faultyHost(excel, (call) => {
      if (call === "delete") excel.failRequest(1, "AccessDenied");
    });

    const result = await runSelfCheck(host);

    expect(statuses(result)).toMatchObject({ clear: "passed", delete: "failed", unchanged: "failed" });
    expect(result.leftBehind).toBe(result.scratchSheet);
    expect(excel.data.sheets.map((sheet) => sheet.name)).toEqual(["Sở TTTT", result.scratchSheet]);
    const report = selfCheckReport(result, "vi");
    expect(report).toContain(`CẦN LÀM: hãy tự xóa trang tính “${result.scratchSheet}” khỏi sổ làm việc.`);
    expect(report).toContain(`Không xóa được trang nháp: hãy tự xóa trang tính “${result.scratchSheet}”.`);
    expect(selfCheckReport(result, "en")).toContain(`TO DO: please delete sheet “${result.scratchSheet}”`);
  });
});

describe("the self-check's report", () => {
  it("lists every step in both languages, and says the sizes cannot be measured where the wire is not seen", async () => {
    const excel = seededWorkbook(1);
    const result = await runSelfCheck(await hostOver(excel).selfCheck!());
    expect(result.requests.wire).toBeUndefined();
    for (const lang of ["vi", "en"] as const) {
      const report = selfCheckReport(result, lang);
      const steps = report.split("\n").filter((line) => /^\d+\. /.test(line));
      expect(steps.map((line) => line.split(":")[0])).toEqual(
        SELF_CHECK_STEPS.map((id, index) => `${index + 1}. ${lang === "vi" ? "ĐẠT" : "PASSED"} ${id}`),
      );
      for (const id of SELF_CHECK_STEPS) expect(report).toContain(STEP_TITLES[id][lang]);
    }
    expect(selfCheckReport(result, "vi")).toContain(
      "Kích thước lớn nhất: không đo được (phần bổ trợ không thấy được dữ liệu gửi tới Excel)",
    );
    expect(selfCheckReport(result, "en")).toContain("Largest sizes: not measurable");
    expect(selfCheckReport(result, "vi")).toMatch(
      new RegExp(
        `^Yêu cầu tới Excel: ${result.requests.syncs} lần đồng bộ trong ${result.requests.runs} phiên làm việc với Excel`,
        "m",
      ),
    );
  });
});

describe("the scratch sheet", () => {
  it("gets a name of the self-check's own that no sheet has, whatever its case", () => {
    expect(scratchSheetName([], () => 0.5)).toBe("Tự kiểm tra i00000");
    expect(scratchSheetName(["TỰ KIỂM TRA I00000"], () => 0.5)).toBe("Tự kiểm tra i00000 (2)");
  });

  it("is the only sheet the self-check's port lets a use case read or write", async () => {
    const book = new TestWorkbook([
      { name: "Sở TTTT", cells: [[{ value: "x" }]] },
      { name: "Tự kiểm tra abcdef", cells: [] },
    ]);
    await book.run(async (port) => {
      const guarded = scratchOnly(port, "Tự kiểm tra abcdef");
      const write = (sheet: string) => ({
        kind: "write" as const,
        sheet,
        cells: [{ address: "A1", value: 1 }],
      });
      await expect(guarded.apply({ steps: [write("Tự kiểm tra abcdef"), write("Sở TTTT")] })).rejects.toThrow(
        /may only work on its scratch sheet/,
      );
      await expect(guarded.readSheets(["Sở TTTT"])).rejects.toThrow(/“Sở TTTT”/);
      await expect(
        guarded.apply({ steps: [write("Tự kiểm tra abcdef")], readAfter: ["Sở TTTT"] }),
      ).rejects.toThrow(/“Sở TTTT”/);
      expect(book.calls).toEqual({ listSheets: 0, readSheets: 0, apply: 0 });
      await guarded.apply({ steps: [write("Tự kiểm tra abcdef")] });
      await expect(guarded.listSheets()).resolves.toHaveLength(2);
      expect(book.calls).toEqual({ listSheets: 1, readSheets: 0, apply: 1 });
    });
  });
});

describe("DEPLOY.md's example of a good report", () => {
  it("is what a passing self-check on Excel on the web prints, line for line up to each elided value", async () => {
    const deploy = readFileSync(join(__dirname, "../../DEPLOY.md"), "utf8");
    const examples = [...deploy.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples).toHaveLength(2);
    const excel = seededWorkbook(1);
    const selfCheck = await hostOver(excel).selfCheck!();
    const result = await runSelfCheck({
      ...selfCheck,
      facts: () => ({
        ...selfCheck.facts(),
        application: "Excel",
        platform: "OfficeOnline",
        version: "16.0.1",
      }),
    });
    const lines = selfCheckReport(result, "vi").split("\n");
    for (const example of examples) {
      const fixed = example
        .trimEnd()
        .split("\n")
        .map((line) => line.split("…")[0]!)
        .filter((prefix) => prefix !== "");
      for (const prefix of fixed) expect(lines.filter((line) => line.startsWith(prefix))).not.toEqual([]);
    }
  });
});
