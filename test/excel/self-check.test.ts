/** @jest-environment ./test/helpers/excel-environment.js */
import { versionAtLeast } from "../../src/emulator";
import { API_SETS_CHECKED, hostFacts } from "../../src/excel/self-check";
import { selfCheckReport } from "../../src/workflows/self-check-report";
import { runSelfCheck } from "../../src/workflows/self-check";
import { countRequests, hostOver, seededWorkbook } from "./setup";

describe("what Excel says about itself", () => {
  it("is Office.context.diagnostics and every requirement set checked, as the report prints them", async () => {
    const facts = hostFacts({
      diagnostics: { host: "Excel", platform: "PC", version: "16.0.19231.20156" },
      displayLanguage: "vi-VN",
      requirements: {
        isSetSupported: (name, version) =>
          (name === "ExcelApi" && versionAtLeast("1.17", version)) || name === "ExcelApiDesktop",
      },
    });
    expect(facts).toMatchObject({ application: "Excel", platform: "PC", version: "16.0.19231.20156" });
    expect(facts.apiSets.map((set) => `${set.name} ${set.version}`)).toEqual(
      API_SETS_CHECKED.map((set) => `${set.name} ${set.version}`),
    );
    expect(API_SETS_CHECKED).toHaveLength(22);

    const excel = seededWorkbook(1);
    const result = await runSelfCheck({ ...(await hostOver(excel).selfCheck!()), facts: () => facts });
    const report = selfCheckReport(result, "vi");
    expect(report).toContain(
      "Excel: ứng dụng Excel; nền tảng PC (Excel trên Windows); phiên bản 16.0.19231.20156; ngôn ngữ vi-VN",
    );
    expect(report).toContain("Bộ API có: ExcelApi 1.1–1.17, ExcelApiDesktop 1.1");
    expect(report).toContain("Bộ API không có: ExcelApi 1.18–1.20, ExcelApiOnline 1.1");
  });

  it("leaves out what Office does not say, and takes a set Office cannot answer for as absent", () => {
    const facts = hostFacts({
      requirements: {
        isSetSupported: (name) => {
          if (name !== "ExcelApi") throw new Error("unknown set");
          return true;
        },
      },
    });
    expect(facts).not.toHaveProperty("platform");
    expect(facts.apiSets.filter((set) => !set.supported).map((set) => set.name)).toEqual([
      "ExcelApiOnline",
      "ExcelApiDesktop",
    ]);
  });
});

describe("the host's count of a self-check session's requests", () => {
  it("counts each context.sync the adapter makes, a run refused in cell-edit mode and its retry included", async () => {
    const excel = seededWorkbook(1);
    const session = (await hostOver(excel).selfCheck!()).session();
    excel.failRequest(1, "InvalidOperationInCellEditMode");
    const { requests } = await countRequests(excel, () => session.run((port) => port.listSheets()));
    expect(session.tally()).toEqual({ runs: 2, syncs: 2 });
    // The refused listing, the listing again, and Excel.run's release of the ranges it tracked, which no sync makes.
    expect(requests).toBe(3);
    await session.marks("Sở TTTT");
    expect(session.tally()).toEqual({ runs: 3, syncs: 3 });
  });

  it("does not count the runs of the pane going on beside it", async () => {
    const excel = seededWorkbook(1);
    const host = hostOver(excel);
    const session = (await host.selfCheck!()).session();
    await host.run((port) => port.listSheets());
    expect(session.tally()).toEqual({ runs: 0, syncs: 0 });
  });
});
