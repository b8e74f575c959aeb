/** @jest-environment ./test/helpers/excel-environment.js */
import { OFFICE_ERROR_MESSAGES, OfficeHostError, explainOfficeError } from "../../src/excel/errors";
import { supportedApis } from "../../src/excel/host";
import type { CellsChanged } from "../../src/workflows/host";
import { BilingualError } from "../../src/domain/messages/error";
import { installAppendix } from "../../src/workflows/install";
import { checkWorkbook, clearMarks, fillDerived } from "../../src/workflows/usecases";
import { countRequests, hostOver, seededWorkbook, typedCells } from "./setup";

/** An error as the library throws it (OfficeExtension.Error, named "RichApi.Error"). */
function officeError(code: string): Error {
  return Object.assign(new Error(code), { name: "RichApi.Error", code });
}

describe("Excel refusing because a cell is being edited", () => {
  it("is retried once, and the retry does the whole use case", async () => {
    const excel = seededWorkbook(1);
    const typed = typedCells(excel);
    excel.failRequest(1, "InvalidOperationInCellEditMode");
    const { requests, result } = await countRequests(excel, () =>
      hostOver(excel).run((port) => checkWorkbook(port, { mark: true })),
    );
    expect(requests).toBe(1 + 2 + 1);
    expect(result.sheets).toHaveLength(1);
    expect(excel.sheet("Sở TTTT").conditionalFormats.length).toBeGreaterThan(0);
    expect(typedCells(excel)).toEqual(typed);
  });

  it("is retried once when it happens at the write, which then lands once", async () => {
    const excel = seededWorkbook(1);
    excel.failRequest(2, "InvalidOperationInCellEditMode");
    const { outcomes } = await hostOver(excel).run((port) => fillDerived(port));
    const filled = outcomes.filter((outcome) => outcome.action === "formula");
    expect(filled.length).toBeGreaterThan(0);
    for (const outcome of filled) expect(excel.cell("Sở TTTT", outcome.address).formula).toMatch(/^=/);
  });

  it("surfaces a second refusal in a row as an OfficeHostError that says in Vietnamese what to do", async () => {
    const excel = seededWorkbook(1);
    excel.failRequest(1, "InvalidOperationInCellEditMode");
    excel.failRequest(2, "InvalidOperationInCellEditMode");
    const attempt = hostOver(excel).run((port) => clearMarks(port));
    await expect(attempt).rejects.toBeInstanceOf(OfficeHostError);
    const error = (await attempt.catch((e: unknown) => e)) as OfficeHostError;
    expect(error.code).toBe("InvalidOperationInCellEditMode");
    expect(error.bilingual.vi).toMatch(/chế độ sửa ô.*Enter/);
    expect(error.bilingual.en).toMatch(/editing a cell/);
    expect(excel.requests).toBe(2);
  });

  it("waits before the retry, for the person to finish typing", async () => {
    const excel = seededWorkbook(1);
    excel.failRequest(1, "InvalidOperationInCellEditMode");
    const started = Date.now();
    await hostOver(excel, { retryDelayMs: 50 }).run((port) => port.listSheets());
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});

describe("Office errors", () => {
  it.each(["AccessDenied", "ItemNotFound", "ItemAlreadyExists", "GeneralException"])(
    "%s is not retried and reads in Vietnamese and English",
    async (code) => {
      const excel = seededWorkbook(1);
      excel.failRequest(1, code);
      const attempt = hostOver(excel).run((port) => port.listSheets());
      await expect(attempt).rejects.toMatchObject({ code, bilingual: OFFICE_ERROR_MESSAGES[code] });
      expect(excel.requests).toBe(1);
    },
  );

  it("an unknown code still reads as a sentence with its code", () => {
    const error = explainOfficeError(officeError("SomethingNew")) as OfficeHostError;
    expect(error.bilingual.vi).toContain("mã SomethingNew");
    expect(error.message).toContain(error.bilingual.vi);
  });

  it("ApiNotFound reads as the missing requirement set, and an Excel below ExcelApi 1.9 is refused up front", async () => {
    expect((explainOfficeError(officeError("ApiNotFound")) as OfficeHostError).bilingual).toEqual(
      OFFICE_ERROR_MESSAGES.ApiNotAvailable,
    );
    const excel = seededWorkbook(1);
    const old = hostOver(excel, {
      apis: { ...supportedApis(), pageLayout: false, insertWorksheetsFromBase64: false, richText: false },
    });
    await expect(old.run((port) => port.listSheets())).rejects.toMatchObject({ code: "ApiNotAvailable" });
    expect(excel.requests).toBe(0);
  });

  it("errors of the use cases themselves pass through unchanged, with their own messages", async () => {
    const excel = seededWorkbook(1);
    const refusal = new BilingualError({ vi: "x", en: "y" }, "install:sheet_missing");
    await expect(
      hostOver(excel).run(async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(explainOfficeError(new RangeError("r"))).toBeInstanceOf(RangeError);
  });
});

describe("cell changes", () => {
  it("reaches the listener with its sheet and source, a co-author's as remote", async () => {
    const excel = seededWorkbook(2);
    const host = hostOver(excel);
    const changes: CellsChanged[] = [];
    const unsubscribe = host.onCellsChanged((change) => changes.push(change));
    await excel.settle();
    await host.run((port) => port.listSheets());
    await excel.emitChange({ sheet: "Đơn vị 2", address: "D15", source: "Remote" });
    await excel.emitChange({ sheet: "Đơn vị 1", address: "D16:D17", source: "Local" });
    expect(changes).toEqual([
      { sheet: "Đơn vị 2", address: "D15", source: "remote" },
      { sheet: "Đơn vị 1", address: "D16:D17", source: "local" },
    ]);
    unsubscribe();
  });

  it("names the sheet of a change even before any listing, with one small run", async () => {
    const excel = seededWorkbook(1);
    const host = hostOver(excel);
    const changes: CellsChanged[] = [];
    host.onCellsChanged((change) => changes.push(change));
    await excel.settle();
    await excel.emitChange({ sheet: "Sở TTTT", address: "D9", source: "Remote" });
    expect(changes).toEqual([{ sheet: "Sở TTTT", address: "D9", source: "remote" }]);
  });

  it("leaves out the add-in's own writes: the use case that made them returns the refreshed result", async () => {
    const excel = seededWorkbook(1);
    const host = hostOver(excel);
    const changes: CellsChanged[] = [];
    host.onCellsChanged((change) => changes.push(change));
    await excel.settle();
    await host.run((port) => fillDerived(port));
    await excel.settle();
    expect(changes).toEqual([]);
  });

  it("stops after unsubscribing, and the handler is removed from Excel", async () => {
    const excel = seededWorkbook(1);
    const host = hostOver(excel);
    const changes: CellsChanged[] = [];
    const unsubscribe = host.onCellsChanged((change) => changes.push(change));
    await excel.settle();
    expect(excel.emulator.changeEvents).toBe(true);
    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await excel.settle();
    expect(excel.emulator.changeEvents).toBe(false);
    await excel.emitChange({ sheet: "Sở TTTT", address: "D9", source: "Remote" });
    expect(changes).toEqual([]);
  });
});

describe("sheets opened", () => {
  it("reach the listener by name, whoever opened them, and stop after unsubscribing", async () => {
    const excel = seededWorkbook(3);
    const host = hostOver(excel);
    const opened: string[] = [];
    const unsubscribe = host.onSheetActivated((sheet) => opened.push(sheet));
    await excel.settle();
    excel.emulator.activate("Đơn vị 3");
    await excel.settle();
    // The add-in's own activation is told as well: Excel does not tell them apart.
    await host.run((port) => port.apply({ steps: [{ kind: "select", sheet: "Đơn vị 2", address: "D15" }] }));
    await excel.settle();
    expect(opened).toEqual(["Đơn vị 3", "Đơn vị 2"]);
    unsubscribe();
    await excel.settle();
    expect(excel.emulator.activationEvents).toBe(false);
    excel.emulator.activate("Đơn vị 1");
    await excel.settle();
    expect(opened).toHaveLength(2);
  });

  it("name a sheet a use case has just added once that use case has answered, with no run of their own", async () => {
    // An install opens the sheet it adds; the pane's description then lists the workbook in the same run.
    const install = async (subscribed: boolean) => {
      const excel = seededWorkbook(1);
      const host = hostOver(excel);
      const opened: string[] = [];
      if (subscribed) host.onSheetActivated((sheet) => opened.push(sheet));
      await excel.settle();
      const before = excel.requests;
      const installed = await host.run(async (port) => {
        const { sheetName } = await installAppendix(port, {
          unit: "Sở Nội vụ",
          level: "so",
          period: "2021-Q3",
        });
        await port.listSheets();
        return sheetName;
      });
      await excel.settle();
      return { installed, opened, requests: excel.requests - before };
    };
    const unheard = await install(false);
    const heard = await install(true);
    expect(heard.opened).toEqual([heard.installed]);
    expect(heard.requests).toBe(unheard.requests);
  });

  it("are subscribed in a run of their own: an Excel that refuses them (AccessDenied) still tells changes", async () => {
    const excel = seededWorkbook(1);
    const host = hostOver(excel);
    const changes: CellsChanged[] = [];
    host.onCellsChanged((change) => changes.push(change));
    excel.failRequest(2, "AccessDenied");
    host.onSheetActivated(() => undefined);
    await excel.settle();
    expect(excel.emulator.activationEvents).toBe(false);
    await excel.emitChange({ sheet: "Sở TTTT", address: "D9", source: "Remote" });
    expect(changes).toEqual([{ sheet: "Sở TTTT", address: "D9", source: "remote" }]);
  });
});

describe("the host", () => {
  it("tells the active sheet and the display language", async () => {
    const excel = seededWorkbook(3);
    const host = hostOver(excel, { displayLanguage: "en-US" });
    expect(await host.activeSheet()).toBe("Đơn vị 1");
    expect(host.displayLanguage).toBe("en-US");
  });

  it("detects API sets at run time", () => {
    const asked: string[] = [];
    const apis = supportedApis({
      isSetSupported: (name, version) => {
        asked.push(`${name} ${version}`);
        return name === "ExcelApi" && Number(version?.split(".")[1]) <= 12;
      },
    });
    expect(apis).toEqual({
      conditionalFormats: true,
      dataValidation: true,
      pageLayout: true,
      insertWorksheetsFromBase64: false,
      richText: false,
      notes: false,
    });
    expect(asked).toContain("ExcelApi 1.13");
  });
});
