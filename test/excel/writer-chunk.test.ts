/** @jest-environment ./test/helpers/excel-environment.js */
import type * as Errors from "../../src/excel/errors";
import type * as UseCases from "../../src/workflows/usecases";
import type * as Scenarios from "./pane-scenarios";
import type * as Setup from "./setup";
import type { EmulatedExcel } from "./setup";

// The Excel port's writing half (src/excel/plan-writer.ts) is a chunk the pane fetches after its first verdict. When
// that fetch fails (the network gone, the add-in deployed again and its old chunk no longer served), a button that
// writes says so in both languages, has written nothing, and the next press fetches the chunk again.

let served = true;
let fetches = 0;
jest.mock("../../src/excel/plan-writer", () => {
  fetches++;
  // The module factory is asked again after it throws, as webpack fetches a chunk again after a failed load.
  if (!served) throw new Error("Loading chunk plan-writer failed.");
  return jest.requireActual<object>("../../src/excel/plan-writer");
});

interface Modules {
  readonly errors: typeof Errors;
  readonly usecases: typeof UseCases;
  readonly scenarios: typeof Scenarios;
  readonly setup: typeof Setup;
}

/**
 * The add-in's modules as a pane that has not fetched the writer yet holds them: the port keeps a writer it loaded,
 * and jest a module it mocked, until the registry is reset.
 */
async function freshPane(): Promise<Modules> {
  jest.resetModules();
  // The findings' texts are registered in the new registry, as the test setup does for the file's first one.
  await import("../helpers/languages");
  return {
    errors: await import("../../src/excel/errors"),
    usecases: await import("../../src/workflows/usecases"),
    scenarios: await import("./pane-scenarios"),
    setup: await import("./setup"),
  };
}

beforeEach(() => {
  served = true;
  fetches = 0;
});

/** Everything a write could change: the cells, the marks and the sheets. */
function workbookState(contents: typeof Setup.contents, excel: EmulatedExcel) {
  return {
    cells: contents(excel),
    marks: excel.data.sheets.map((sheet) => sheet.conditionalFormats.length),
    sheets: excel.data.sheets.map((sheet) => sheet.name),
  };
}

describe("the writing half of the Excel port out of reach", () => {
  it("fails a write with a bilingual message, writes nothing, and the next write fetches it again", async () => {
    const { errors, usecases, scenarios, setup } = await freshPane();
    const excel = scenarios.templateWorkbook(1);
    const host = setup.hostOver(excel);
    const before = workbookState(setup.contents, excel);
    served = false;
    const failure = await host
      .run((port) => usecases.fillDerived(port, { mark: true, stamp: true }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(errors.WriterUnavailableError);
    const { bilingual } = failure as Errors.WriterUnavailableError;
    expect(bilingual.vi).toBe(
      "Không tải được một phần của phần bổ trợ từ máy chủ (mất kết nối mạng, hoặc phần bổ trợ vừa được cập nhật). Sổ làm việc chưa bị thay đổi gì. Hãy kiểm tra kết nối mạng rồi bấm lại nút.",
    );
    expect(bilingual.en).toBe(
      "Part of the add-in could not be loaded from the server (the network is down, or the add-in was just updated). Nothing in the workbook was changed. Check the connection and press the button again.",
    );
    expect(workbookState(setup.contents, excel)).toEqual(before);

    served = true;
    const { outcomes } = await host.run((port) => usecases.fillDerived(port, { mark: true, stamp: true }));
    expect(outcomes.some((outcome) => outcome.action === "formula")).toBe(true);
    expect(fetches).toBe(2);
    expect(excel.data.sheets[0]!.conditionalFormats.length).toBeGreaterThan(0);
  });

  it("leaves a check's marks and stamp unwritten, and a check that writes nothing does not need it", async () => {
    const { errors, usecases, scenarios, setup } = await freshPane();
    const excel = scenarios.templateWorkbook(1);
    const host = setup.hostOver(excel);
    const before = workbookState(setup.contents, excel);
    served = false;
    await expect(
      host.run((port) => usecases.checkWorkbook(port, { mark: true, stamp: true })),
    ).rejects.toBeInstanceOf(errors.WriterUnavailableError);
    expect(workbookState(setup.contents, excel)).toEqual(before);
    const read = await host.run((port) => usecases.checkWorkbook(port));
    expect(read.sheets.map((sheet) => sheet.verdict)).toEqual(["ready"]);
  });
});

describe("the pane when the writing half is out of reach", () => {
  it("says what happened and what to do, and the same button works once the chunk is served", async () => {
    const { scenarios, setup } = await freshPane();
    const pane = await new scenarios.MountedPane(scenarios.templateWorkbook(1)).mount();
    const before = workbookState(setup.contents, pane.excel);
    served = false;
    await pane.press((actions) => actions.fill());
    expect(pane.state.error).toEqual({
      vi: expect.stringMatching(/^Không tải được một phần của phần bổ trợ từ máy chủ/),
      en: expect.stringMatching(/^Part of the add-in could not be loaded from the server/),
    });
    expect(pane.state.busy).toBeUndefined();
    expect(workbookState(setup.contents, pane.excel)).toEqual(before);

    served = true;
    await pane.press((actions) => actions.fill());
    expect(pane.state.error).toBeUndefined();
    expect(pane.state.notice?.text.vi).toMatch(/^Đã điền công thức cho 1 tỷ lệ/);
    pane.unmount();
  });
});
