/** @jest-environment ./test/helpers/excel-environment.js */
/// <reference types="office-js" />
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { ExcelWorkbookPort, MARK_COLOURS, markFormula } from "../../src/excel/excel-port";
import { OfficeHostError } from "../../src/excel/host";
import { installAppendix } from "../../src/workflows/install";
import type { WorkbookPort } from "../../src/workflows/port";
import { templateSpec } from "../../src/workflows/template-spec";
import {
  applyFix,
  checkWorkbook,
  clearMarks,
  fillDerived,
  selectFinding,
  splitAddress,
} from "../../src/workflows/usecases";
import { EmulatedExcel, contents, countRequests, hostOver, seededWorkbook, typedCells } from "./setup";

// The adapter through the host, the real Excel client library and the emulated Excel: round trips per use case (DESIGN.md section 2: they do not
// grow with sheets), marks that are ours alone, sheets never unprotected, and nothing half-written when a sync fails.
// The pane's own actions, and their request counts, are in pane.test.ts.

describe("round trips per use case", () => {
  it.each([
    [1, 3],
    [50, 4],
  ])("a check with marks of %i sheet(s) takes %i requests, the release included", async (count, expected) => {
    const excel = seededWorkbook(count);
    const { requests, result } = await countRequests(excel, () =>
      hostOver(excel).run((port) => checkWorkbook(port, { mark: true })),
    );
    expect(result.sheets).toHaveLength(count);
    expect(requests).toBe(expected);
    for (const sheet of excel.data.sheets) expect(sheet.conditionalFormats.length).toBeGreaterThan(0);
  });

  it("clears marks in 4 requests, on every appendix sheet", async () => {
    const excel = seededWorkbook(50);
    const host = hostOver(excel);
    await host.run((port) => checkWorkbook(port, { mark: true }));
    const { requests, result } = await countRequests(excel, () => host.run((port) => clearMarks(port)));
    expect(result).toBe(50);
    expect(requests).toBe(4);
    for (const sheet of excel.data.sheets) expect(sheet.conditionalFormats).toEqual([]);
  });

  it("fills derived percentages in 3 requests, as live formulas, never over a typed value", async () => {
    const excel = seededWorkbook(1);
    const before = contents(excel);
    const { requests, result } = await countRequests(excel, () =>
      hostOver(excel).run((port) => fillDerived(port)),
    );
    expect(requests).toBe(3);
    const filled = result.outcomes.filter((outcome) => outcome.action === "formula");
    expect(filled.length).toBeGreaterThan(0);
    for (const outcome of filled) {
      expect(excel.cell("Sở TTTT", outcome.address).formula).toMatch(/^=/);
      expect(before.has(`Sở TTTT!${outcome.address}`)).toBe(false);
    }
    const after = contents(excel);
    for (const [cell, content] of before) expect(after.get(cell)).toEqual(content);
  });

  it("applies a suggested fix and reads its sheet back in 1 request, re-marks it in 1 more and the release", async () => {
    const excel = seededWorkbook(2);
    const host = hostOver(excel);
    const validation = await host.run((port) => checkWorkbook(port, { mark: true }));
    const finding = validation.sheets[1]!.findings.find(
      (candidate) => candidate.suggestion?.value !== undefined,
    );
    expect(finding).toBeDefined();
    const { sheet, address } = splitAddress(finding!.suggestion!.cell);
    const { requests, result } = await countRequests(excel, () =>
      host.run((port) => applyFix(port, finding!, { mark: true })),
    );
    expect(requests).toBe(3);
    expect(result.sheets.map((checked) => checked.sheet)).toEqual([sheet]);
    expect(excel.cell(sheet, address).value).toBe(finding!.suggestion!.value);
    expect(excel.sheet(sheet).protection.protected).toBe(true);
  });

  it("selects a finding's suspect cell in 1 request and the release, on its sheet", async () => {
    const excel = seededWorkbook(3);
    const host = hostOver(excel);
    const validation = await host.run((port) => checkWorkbook(port));
    const finding = validation.sheets[2]!.findings.find((candidate) => candidate.cells.length > 0)!;
    const { requests } = await countRequests(excel, () => host.run((port) => selectFinding(port, finding)));
    expect(requests).toBe(2);
    const { sheet, address } = splitAddress(finding.cells[0]!);
    expect(excel.data.activeSheetId).toBe(excel.sheet(sheet).id);
    expect(excel.data.selection).toEqual({ sheetId: excel.sheet(sheet).id, address });
  });

  it.each([0, 49])(
    "installs a new sheet in 3 requests beside %i others, touching none of them",
    async (count) => {
      const excel = seededWorkbook(count);
      if (!count) excel.addSheet("Sheet1");
      const before = contents(excel);
      const { requests, result } = await countRequests(excel, () =>
        hostOver(excel).run((port) =>
          installAppendix(port, { unit: "Sở Thông tin và Truyền thông", level: "so", period: "2021-Q3" }),
        ),
      );
      expect(requests).toBe(3);
      const sheet = excel.sheet(result.sheetName);
      expect(sheet.protection).toEqual({
        protected: true,
        options: { allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true },
      });
      const after = contents(excel);
      for (const [cell, content] of before) expect(after.get(cell)).toEqual(content);
      expect(excel.data.activeSheetId).toBe(sheet.id);
    },
  );

  it("re-installs over a protected sheet in 4 requests, keeping what a person typed and the sheet's place", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Tổng hợp");
    const host = hostOver(excel);
    const options = { unit: "Sở Thông tin và Truyền thông", level: "so", period: "2021-Q3" } as const;
    const { sheetName } = await host.run((port) => installAppendix(port, options));
    excel.addSheet("Ghi chú");
    const row = (code: string) => sheetLayout(catalogue).rowOf.get(code)!;
    excel.type(sheetName, `D${row("1.1.1")}`, 7);
    excel.type(sheetName, `E${row("1.1.1")}`, "theo Kế hoạch 12");
    excel.type(sheetName, `D${row("3.1.1")}`, "'02");
    const position = excel.data.sheets.findIndex((sheet) => sheet.name === sheetName);
    const { requests, result } = await countRequests(excel, () =>
      host.run((port) => installAppendix(port, { replace: sheetName })),
    );
    expect(requests).toBe(4);
    expect(result.carried).toBe(3);
    expect(excel.data.sheets.findIndex((sheet) => sheet.name === sheetName)).toBe(position);
    expect(excel.cell(sheetName, `D${row("1.1.1")}`)).toMatchObject({ value: 7, valueType: "Double" });
    expect(excel.cell(sheetName, `E${row("1.1.1")}`)).toMatchObject({
      value: "theo Kế hoạch 12",
      valueType: "String",
    });
    expect(excel.cell(sheetName, `D${row("3.1.1")}`)).toMatchObject({ value: "02", valueType: "String" });
    expect(excel.data.sheets.map((sheet) => sheet.name)).toEqual(["Tổng hợp", sheetName, "Ghi chú"]);
    expect(excel.sheet(sheetName).protection.protected).toBe(true);
  });
});

// Whether Excel's conditional-format ids are positions that shift (as documented) or stable ids is not known:
// the adapter must work under both.
describe.each(["positions", "stable"] as const)(
  "marks, with conditional-format ids as %s",
  (conditionalFormatIds) => {
    it("are custom conditional formats with the severity's colours, one per severity", async () => {
      const excel = seededWorkbook(1, { conditionalFormatIds });
      const validation = await hostOver(excel).run((port) => checkWorkbook(port, { mark: true }));
      const formats = excel.sheet("Sở TTTT").conditionalFormats;
      const severities = new Set(validation.sheets[0]!.findings.map((finding) => finding.severity));
      expect(formats.length).toBeLessThanOrEqual(severities.size);
      for (const format of formats) {
        const severity = (["error", "warning", "info"] as const).find(
          (s) => format.formula === markFormula(s),
        )!;
        expect(format).toMatchObject({ type: "Custom", fill: MARK_COLOURS[severity].fill });
      }
      const error = formats.find((format) => format.formula === markFormula("error"))!;
      const errorCells = validation.sheets[0]!.findings.filter((finding) => finding.severity === "error").map(
        (finding) => splitAddress(finding.cells[0]!).address,
      );
      expect(error.areas.sort()).toEqual([...new Set(errorCells)].sort());
    });

    it("replace only the add-in's own conditional formats, and clearing leaves a person's", async () => {
      const excel = seededWorkbook(1, { conditionalFormatIds });
      const sheet = excel.sheet("Sở TTTT");
      sheet.conditionalFormats.push(
        { id: "mine-1", type: "Custom", areas: ["D7:D120"], formula: "=D7>100", fill: "#00FF00" },
        { id: "mine-2", type: "CellValue", areas: ["D7"] },
      );
      const host = hostOver(excel);
      await host.run((port) => checkWorkbook(port, { mark: true }));
      const marksOnce = sheet.conditionalFormats.length;
      await host.run((port) => checkWorkbook(port, { mark: true }));
      expect(excel.sheet("Sở TTTT").conditionalFormats).toHaveLength(marksOnce);
      await host.run((port) => clearMarks(port));
      expect(excel.sheet("Sở TTTT").conditionalFormats.map((format) => format.id)).toEqual([
        "mine-1",
        "mine-2",
      ]);
    });

    it("are told from a person's own formats by their whole rule, not by a formula that merely mentions the sentinel", async () => {
      const excel = seededWorkbook(1, { conditionalFormatIds });
      const sheet = excel.sheet("Sở TTTT");
      const lookalikes = [
        {
          id: "mine-1",
          type: "Custom",
          areas: ["D7:D20"],
          formula: '=D7="cchc-mark:error"',
          fill: "#00FF00",
        },
        {
          id: "mine-2",
          type: "Custom",
          areas: ["D7"],
          formula: '=ISTEXT("cchc-mark:mine")',
          fill: "#0000FF",
        },
        {
          id: "mine-3",
          type: "Custom",
          areas: ["E7"],
          formula: markFormula("error").replace("=", "=NOT(") + ")",
        },
      ];
      sheet.conditionalFormats.push(...lookalikes);
      const host = hostOver(excel);
      await host.run((port) => checkWorkbook(port, { mark: true }));
      await host.run((port) => checkWorkbook(port, { mark: true }));
      await host.run((port) => clearMarks(port));
      expect(excel.sheet("Sở TTTT").conditionalFormats).toEqual(lookalikes);
    });

    it("leave a sheet whose rules Excel cannot read (a person duplicated one) as it is, with one extra request and the check still answered", async () => {
      const duplicated = { type: "Custom", areas: ["D7:D20"], formula: "=D7>100", fill: "#00FF00" };
      const plain = seededWorkbook(1, { conditionalFormatIds });
      const host = hostOver(plain);
      const baseline = await countRequests(plain, () =>
        host.run((port) => checkWorkbook(port, { mark: true })),
      );
      const excel = seededWorkbook(1, { conditionalFormatIds, duplicatedRules: "unreadable" });
      const formats = [
        { id: "mine-1", ...duplicated },
        { id: "mine-2", ...duplicated },
      ];
      excel.sheet("Sở TTTT").conditionalFormats.push(...formats);
      const { requests, result } = await countRequests(excel, () =>
        hostOver(excel).run((port) => checkWorkbook(port, { mark: true })),
      );
      expect(requests).toBeLessThanOrEqual(baseline.requests + 1);
      expect(result.sheets[0]!.findings).toEqual(baseline.result.sheets[0]!.findings);
      expect(excel.sheet("Sở TTTT").conditionalFormats).toEqual(formats);
    });

    it("are left as they are, with no request more, on a sheet not read in the run whose rules Excel cannot read", async () => {
      const excel = seededWorkbook(1, { conditionalFormatIds, duplicatedRules: "unreadable" });
      const host = hostOver(excel);
      await host.run((port) => checkWorkbook(port, { mark: true }));
      const duplicated = { type: "Custom", areas: ["D7:D20"], formula: "=D7>100" };
      excel
        .sheet("Sở TTTT")
        .conditionalFormats.push({ id: "mine-1", ...duplicated }, { id: "mine-2", ...duplicated });
      const formats = [...excel.sheet("Sở TTTT").conditionalFormats];
      const { requests } = await countRequests(excel, () =>
        host.run((port) => port.apply({ steps: [{ kind: "mark", sheet: "Sở TTTT", marks: [] }] })),
      );
      expect(requests).toBe(3);
      expect(excel.sheet("Sở TTTT").conditionalFormats).toEqual(formats);
    });

    it("are replaced with one extra request when the run has not listed the sheet", async () => {
      const excel = seededWorkbook(1, { conditionalFormatIds });
      const host = hostOver(excel);
      await host.run((port) => checkWorkbook(port, { mark: true }));
      const { requests } = await countRequests(excel, () =>
        host.run((port) => port.apply({ steps: [{ kind: "mark", sheet: "Sở TTTT", marks: [] }] })),
      );
      expect(requests).toBe(3);
      expect(excel.sheet("Sở TTTT").conditionalFormats).toEqual([]);
    });

    it('on a sheet where Excel refuses conditional formats despite "format cells", fail as AccessDenied with the sheet untouched', async () => {
      const excel = seededWorkbook(1, { conditionalFormatIds, protectedSheetFormats: "refused" });
      const before = contents(excel);
      const attempt = hostOver(excel).run((port) => checkWorkbook(port, { mark: true }));
      await expect(attempt).rejects.toMatchObject({ code: "AccessDenied", name: "OfficeHostError" });
      expect(excel.sheet("Sở TTTT").conditionalFormats).toEqual([]);
      expect(contents(excel)).toEqual(before);
    });
  },
);

/** The Select lists of the requests' queries that read cells' contents, not just F1's values. */
function cellReads(excel: EmulatedExcel, from: number): number {
  return excel.emulator.requests
    .slice(from)
    .flatMap((request) => request.body.Actions ?? [])
    .filter((action) => action.QueryInfo?.Select?.includes("formulas")).length;
}

describe("reading", () => {
  it("lists the sheets in one request that reads F1 of each and no used range, with the active sheet when asked", async () => {
    const excel = seededWorkbook(50);
    excel.addSheet("Trống");
    excel.data.activeSheetId = excel.sheet("Đơn vị 2").id;
    await excel.run(async (context) => {
      const port = new ExcelWorkbookPort(context);
      const before = excel.requests;
      const listed = await countRequests(excel, () => port.listSheets());
      expect(listed.requests).toBe(1);
      expect(cellReads(excel, before)).toBe(0);
      expect(listed.result).toHaveLength(51);
      expect(listed.result.filter((info) => info.keyHeader === "CCHC-PL-2021")).toHaveLength(50);
      expect(listed.result.filter((info) => info.active).map((info) => info.name)).toEqual(["Đơn vị 2"]);
      expect(listed.result.filter((info) => info.empty).map((info) => info.name)).toEqual(["Trống"]);

      const withActive = await countRequests(excel, () => port.listSheets({ readActive: true }));
      expect(withActive.requests).toBe(1);
      expect(cellReads(excel, before)).toBe(1);
      expect((await countRequests(excel, () => port.readSheets(["Đơn vị 2"]))).requests).toBe(0);
      const read = await countRequests(excel, () => port.readSheets(["Đơn vị 3", "Đơn vị 1"]));
      expect(read.requests).toBe(1);
      expect(read.result.map((grid) => grid.name)).toEqual(["Đơn vị 3", "Đơn vị 1"]);
    });
  });

  it.each([
    [50, 1],
    [300, 5],
  ])("reads %i sheets in %i request(s), none answering over 4 MB on the web", async (count, reads) => {
    const excel = seededWorkbook(count);
    const { requests, result } = await countRequests(excel, () =>
      hostOver(excel).run(async (port) => {
        const names = (await port.listSheets()).map((info) => info.name);
        const before = excel.requests;
        const grids = await port.readSheets(names);
        return { grids, requests: excel.requests - before };
      }),
    );
    expect(result.requests).toBe(reads);
    expect(result.grids).toHaveLength(count);
    expect(result.grids[count - 1]!.name).toBe(`Đơn vị ${count}`);
    const sent = excel.emulator.requests.slice(-requests);
    expect(Math.max(...sent.map((request) => request.responseBytes))).toBeLessThanOrEqual(4 * 2 ** 20);
    expect(sent.filter((request) => request.error)).toEqual([]);
  });

  it("reads sheets longer than their estimate in halves when Excel refuses the answer as too large", async () => {
    const excel = seededWorkbook(60);
    const note = "Ghi chú dài của đơn vị. ".repeat(800);
    for (let i = 1; i <= 60; i++)
      for (const row of [9, 10, 11, 12, 13])
        excel.setCell(excel.sheet(`Đơn vị ${i}`), row, 4, { value: note, valueType: "String" });
    const names = excel.data.sheets.map((sheet) => sheet.name);
    const before = excel.requests;
    const grids = await hostOver(excel).run((port) => port.readSheets(names));
    const sent = excel.emulator.requests.slice(before);
    expect(sent.map((request) => request.error).filter(Boolean)).toContain(
      "ResponsePayloadSizeLimitExceeded",
    );
    expect(grids.map((grid) => grid.name)).toEqual(names);
    expect(grids.every((grid) => grid.cells[11]?.[4]?.value === note)).toBe(true);
  });

  it("reads a sheet that answers over Excel's limit on its own in bands of rows, every cell read", async () => {
    const excel = seededWorkbook(2);
    const note = "Ghi chú rất dài của đơn vị. ".repeat(900);
    const sheet = excel.sheet("Đơn vị 2");
    for (let row = 6; row < 130; row++)
      excel.setCell(sheet, row, 4, { value: `${row}: ${note}`, valueType: "String" });
    const before = excel.requests;
    const grids = await hostOver(excel).run((port) => port.readSheets(["Đơn vị 1", "Đơn vị 2"]));
    const sent = excel.emulator.requests.slice(before);
    expect(sent.filter((request) => request.error).map((request) => request.error)).toContain(
      "ResponsePayloadSizeLimitExceeded",
    );
    const answered = sent.filter((request) => !request.error);
    expect(Math.max(...answered.map((request) => request.responseBytes))).toBeLessThanOrEqual(5 * 2 ** 20);
    const read = grids[1]!;
    for (let row = 6; row < 130; row++) expect(read.cells[row]?.[4]?.value).toBe(`${row}: ${note}`);
    expect(read.cells[0]?.[5]).toEqual({ value: "CCHC-PL-2021" });
    // The same grids as the desktop reads in one request, having no limit.
    const desktop = new EmulatedExcel({ profile: "desktop" });
    desktop.data = structuredClone(excel.data);
    const whole = await hostOver(desktop).run((port) => port.readSheets(["Đơn vị 1", "Đơn vị 2"]));
    expect(grids).toEqual(whole);
  });

  it("lists each sheet's visibility as Excel states it: visible, hidden, or very hidden", async () => {
    const excel = seededWorkbook(3);
    excel.sheet("Đơn vị 2").visibility = "Hidden";
    excel.sheet("Đơn vị 3").visibility = "VeryHidden";
    const listed = await excel.run((context) => new ExcelWorkbookPort(context).listSheets());
    expect(listed.map((info) => [info.name, info.visible, info.visibility])).toEqual([
      ["Đơn vị 1", true, "visible"],
      ["Đơn vị 2", false, "hidden"],
      ["Đơn vị 3", false, "veryHidden"],
    ]);
  });

  it("lists a workbook longer than its walk in one more request, and the next listing of it in one", async () => {
    const excel = seededWorkbook(70);
    const host = hostOver(excel);
    const first = await countRequests(excel, () => host.run((port) => port.listSheets()));
    expect(first.requests).toBe(2 + 1);
    expect(first.result.filter((info) => info.keyHeader === "CCHC-PL-2021")).toHaveLength(70);
    const next = await countRequests(excel, () => host.run((port) => port.listSheets()));
    expect(next.requests).toBe(1 + 1);
    expect(next.result.map((info) => info.name)).toEqual(first.result.map((info) => info.name));
  });

  it("reads values, text that looks like a number, error values, formulas and formats as the domain expects", async () => {
    const excel = seededWorkbook(1);
    const sheet = excel.sheet("Sở TTTT");
    excel.setCell(sheet, 40, 3, { value: "#DIV/0!", valueType: "Error", formula: "=1/0" });
    const [grid] = await excel.run((context) => new ExcelWorkbookPort(context).readSheets(["Sở TTTT"]));
    const row = (code: string) => grid!.cells.find((cells) => cells[5]?.value === code)!;
    expect(row("3.1.1")[3]).toEqual({ value: "02" });
    expect(row("7.8.3")[3]).toEqual({ value: 0.1192, numberFormat: "0.00%" });
    expect(row("HS.1")[3]).toEqual({ value: 44 });
    expect(grid!.cells[40]![3]).toEqual({ value: { error: "#DIV/0!" }, formula: "=1/0" });
    expect(grid!.cells[0]![5]).toEqual({ value: "CCHC-PL-2021" });
  });

  it("gives a grid from A1 when the used range starts lower and to the right, and an empty one for an empty sheet", async () => {
    const excel = new EmulatedExcel();
    const sheet = excel.addSheet("Lệch");
    excel.setCell(sheet, 2, 1, { value: "x", valueType: "String" });
    excel.addSheet("Trống");
    const grids = await excel.run((context) => new ExcelWorkbookPort(context).readSheets(["Lệch", "Trống"]));
    expect(grids[0]!.cells[2]![1]).toEqual({ value: "x" });
    expect(grids[0]!.cells[0]).toEqual([]);
    expect(grids[1]).toEqual({ name: "Trống", cells: [] });
  });
});

describe("protection", () => {
  it("is never lifted: the adapter has no call that unprotects", async () => {
    const excel = seededWorkbook(1);
    const host = hostOver(excel);
    await host.run((port) => checkWorkbook(port, { mark: true }));
    await host.run((port) => fillDerived(port));
    await host.run((port) => clearMarks(port));
    expect(excel.sheet("Sở TTTT").protection.protected).toBe(true);
  });

  it("turns a write into a locked cell into an AccessDenied OfficeHostError; the write before it stands, as Excel rolls nothing back", async () => {
    const excel = seededWorkbook(1);
    const before = contents(excel);
    const attempt = hostOver(excel).run((port) =>
      port.apply({
        steps: [
          {
            kind: "write",
            sheet: "Sở TTTT",
            cells: [
              { address: "D8", value: 1 },
              { address: "B8", value: "x" },
            ],
          },
        ],
      }),
    );
    await expect(attempt).rejects.toMatchObject({ code: "AccessDenied", name: "OfficeHostError" });
    const after = contents(excel);
    expect(after.get("Sở TTTT!7,3")).toEqual({ value: 1, type: "Double", formula: undefined });
    after.delete("Sở TTTT!7,3");
    expect(after).toEqual(before);
  });
});

describe("a failing sync", () => {
  // Each use case with the syncs of its batch (the release after them is not part of the use case).
  const useCases: [string, number, (port: WorkbookPort) => Promise<unknown>][] = [
    ["a check with marks and stamps", 3, (port) => checkWorkbook(port, { mark: true, stamp: true })],
    ["fill derived", 3, (port) => fillDerived(port, { mark: true, stamp: true })],
    ["clear marks", 3, (port) => clearMarks(port)],
    ["re-install", 3, (port) => installAppendix(port, { replace: "Đơn vị 1" })],
    ["install", 2, (port) => installAppendix(port, { unit: "Sở Tư pháp", level: "so", period: "2021-Q3" })],
  ];
  const cases = useCases.flatMap(([name, syncs, useCase]) =>
    Array.from({ length: syncs }, (_, index) => [name, index + 1, useCase] as const),
  );

  describe.each(cases)("in %s", (_name, n, useCase) => {
    it(`at sync ${n} leaves every typed value as it was, and a retry completes`, async () => {
      const excel = seededWorkbook(2);
      const host = hostOver(excel);
      await host.run((port) => checkWorkbook(port, { mark: true }));
      const typed = typedCells(excel);
      const marks = excel.data.sheets.map((sheet) => sheet.conditionalFormats.length);
      excel.failRequest(n, "GeneralException");
      const failed = host.run(useCase);
      await expect(failed).rejects.toBeInstanceOf(OfficeHostError);
      await expect(failed).rejects.toMatchObject({ code: "GeneralException" });
      const afterFailure = typedCells(excel);
      for (const [cell, content] of typed) expect(afterFailure.get(cell)).toEqual(content);
      // What a failure leaves behind beyond them is a fill's formula written by an earlier sync of the batch.
      for (const [cell, content] of afterFailure)
        if (!typed.has(cell)) expect(content).toMatchObject({ formula: expect.stringMatching(/^=/) });
      expect(excel.data.sheets.map((sheet) => sheet.conditionalFormats.length)).toEqual(marks);
      await host.run(useCase);
      const after = typedCells(excel);
      for (const [cell, content] of typed) expect(after.get(cell)).toEqual(content);
    });
  });
});

describe("a failing sync while applying a fix", () => {
  const balanceFinding = async (host: ReturnType<typeof hostOver>) => {
    const validation = await host.run((port) => checkWorkbook(port));
    return validation.sheets[0]!.findings.find((finding) => finding.rule === "balance:HS.1")!;
  };

  // The fix writes and reads its sheet back in its first sync, then writes the marks and stamp in a second.
  it.each([1, 2])(
    "at sync %i changes no typed value but the one clicked, and a retry completes",
    async (n) => {
      const excel = seededWorkbook(2);
      const host = hostOver(excel);
      const finding = await balanceFinding(host);
      const target = splitAddress(finding.suggestion!.cell);
      // typedCells keys cells by 0-based "row,column", the fake's own positions.
      const clicked = `${target.sheet}!${Number(target.address.slice(1)) - 1},3`;
      const typed = typedCells(excel);
      excel.failRequest(n, "GeneralException");
      const fix = (port: WorkbookPort) => applyFix(port, finding, { mark: true, stamp: true });
      await expect(host.run(fix)).rejects.toBeInstanceOf(OfficeHostError);
      const afterFailure = typedCells(excel);
      for (const [cell, content] of typed) {
        if (cell !== clicked) expect(afterFailure.get(cell)).toEqual(content);
      }
      await host.run(fix);
      const after = typedCells(excel);
      for (const [cell, content] of typed) {
        if (cell !== clicked) expect(after.get(cell)).toEqual(content);
      }
      expect(after.get(clicked)).toMatchObject({ value: 44 });
      const revalidated = await host.run((port) => checkWorkbook(port, { sheets: [target.sheet] }));
      expect(revalidated.sheets[0]!.findings.some((f) => f.rule === "balance:HS.1")).toBe(false);
    },
  );
});

describe("installing through the port", () => {
  it("writes every cell, lock and validation of the spec, and the print set-up", async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    const spec = templateSpec({
      sheetName: "Sở TTTT",
      unit: "Sở Thông tin và Truyền thông",
      level: "so",
      period: "2021-Q3",
    });
    await excel.run((context) =>
      new ExcelWorkbookPort(context).apply({ steps: [{ kind: "addSheet", spec }] }),
    );
    const sheet = excel.sheet("Sở TTTT");
    for (const cell of spec.cells) {
      const written = excel.cell("Sở TTTT", cell.address);
      if (cell.formula) expect(written.formula).toBe(cell.formula);
      else if (cell.richText) expect(written.value).toBe(cell.richText.map((run) => run.text).join(""));
      else if (cell.value !== undefined) expect(written.value).toBe(cell.value);
      expect(written.locked).toBe(cell.locked !== false);
      if (cell.numberFormat) expect(written.numberFormat).toBe(cell.numberFormat);
      if (cell.validation) expect(written.validation?.prompt?.title).toBe(cell.validation.prompt.title);
    }
    expect(sheet.columns[5]?.hidden).toBe(true);
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: spec.print.area,
      printTitleRows: "$5:$6",
    });
    expect(sheet.merges).toEqual(spec.merges);
  });
});
