/** @jest-environment ./test/helpers/excel-environment.js */
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { stampRows } from "../../src/workflows/stamp";
import { seedWith } from "../helpers/seed";
import { FOLLOW_DELAY_MS } from "../../src/taskpane/usePane";
import { MountedPane, PANE_SCENARIOS, READY_VALUES, templateWorkbook } from "./pane-scenarios";
import { EmulatedExcel, contents, seedAppendix } from "./setup";

// The requests the real Excel client library sends for the buttons users press, the release included, on the pane's
// own code path (createPane, which usePane runs), over the emulated Excel. `npm run bench` prints the same scenarios.

const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)!}`;
const scenario = (figure: string) => PANE_SCENARIOS.find((candidate) => candidate.figure === figure)!;

describe("the requests of the pane's buttons", () => {
  it("Validate of the open sheet: one read (sheet, used range, formats), one write of marks and stamp, the release", async () => {
    const { requests, pane } = await scenario("requests_validate_active").run();
    expect(requests).toHaveLength(3);
    expect(requests.at(-1)!.methods).toContain("_RemoveReference");
    const sheet = pane.excel.sheet("Sở TTTT");
    expect(sheet.conditionalFormats.length).toBeGreaterThan(0);
    expect(pane.excel.cell("Sở TTTT", `B${stampRows(layout)[0]}`).value).toMatch(/^DẤU KIỂM TRA/);
    expect(pane.state.stampNote?.tone).toBe("success");
    expect(pane.state.active).toBe("Sở TTTT");
    expect(pane.state.focus).toBe("Sở TTTT");
  });

  it("Validate among 50 sheets: the listing with the open sheet, the read of one's own, its write, the release", async () => {
    const { requests, pane } = await scenario("requests_validate_50").run();
    expect(requests).toHaveLength(4);
    expect(pane.state.order).toEqual(["Đơn vị 50"]);
    // Only the user's own sheet is marked and stamped (issue 12): the 49 others are their colleagues'.
    for (const sheet of pane.excel.data.sheets) {
      const mine = sheet.name === "Đơn vị 50";
      expect(sheet.conditionalFormats.length > 0).toBe(mine);
      expect(
        /^DẤU KIỂM TRA/.test(String(pane.excel.cell(sheet.name, `B${stampRows(layout)[0]}`).value)),
      ).toBe(mine);
    }
  });

  it("a one-click fix: the write read back, the marks and stamp, the release", async () => {
    const { requests, pane } = await scenario("requests_fix").run();
    expect(requests).toHaveLength(3);
    expect(pane.excel.cell("Sở TTTT", valueCell("DV.4.1")).value).toBe(1936);
    expect(pane.state.results.get("Sở TTTT")?.validation.verdict).toBe("ready");
    expect(pane.state.stampNote?.tone).toBe("success");
  });

  it("fill derived: the listing with the open sheet, the formulas read back, the marks, the release", async () => {
    const { requests, pane } = await scenario("requests_fill").run();
    expect(requests).toHaveLength(4);
    // Of the seed's empty rates only 4.1.4.d is a department's: 3.4.2 and 3.4.3 are the districts' and communes'.
    expect(pane.state.notice?.text.vi).toMatch(/^Đã điền công thức cho 1 tỷ lệ/);
    expect(pane.excel.cell("Sở TTTT", valueCell("4.1.4.d")).formula).toMatch(/^=/);
    expect(pane.excel.cell("Sở TTTT", valueCell("3.4.2")).formula).toBeUndefined();
  });

  it("install: the listing, the sheet written, the new sheet described, the release", async () => {
    const { requests, pane } = await scenario("requests_install").run();
    expect(requests).toHaveLength(4);
    expect(pane.state.active).toBe("Sở Thông tin và Truyền thông");
    expect(pane.state.described?.validation.unit).toBe("Sở Thông tin và Truyền thông");
  });

  it.each([1, 50])("costs the same for a fix and a fill in a workbook of %i sheet(s)", async (count) => {
    const excel = templateWorkbook(count, seedWith({ "HS.1.2": 44 }));
    const pane = await new MountedPane(excel).mount();
    if (count > 1) await pane.chooseOwn("Đơn vị 1");
    await pane.press((actions) => actions.check());
    const fixed = await pane.press((actions) => actions.fix(pane.fixable("DV.4.1")));
    expect(fixed).toHaveLength(3);
    const filled = await pane.press((actions) => actions.fill());
    expect(filled).toHaveLength(4);
    pane.unmount();
  });
});

describe("the pane's fill", () => {
  it("fills and counts the open sheet only, and says how many", async () => {
    const excel = templateWorkbook(3, seedWith({ "7.8.3": undefined }));
    excel.data.activeSheetId = excel.sheet("Đơn vị 2").id;
    const pane = await new MountedPane(excel).mount();
    await pane.press((actions) => actions.fill());
    // Of the sheet's 12 rates, 3.4.2, 3.4.3 and 4.1.4.d are empty in the seed, and 7.8.3 here; a department's sheet
    // gets no formula in the districts' 3.4.2 and the communes' 3.4.3.
    expect(catalogue.derivedRows).toHaveLength(12);
    expect(pane.state.notice?.text).toEqual({
      vi: "Đã điền công thức cho 2 tỷ lệ; giữ nguyên 8 tỷ lệ đã nhập tay.",
      en: "Filled the formula of 2 rates; kept 8 rates typed by hand.",
    });
    expect(excel.cell("Đơn vị 2", valueCell("7.8.3")).formula).toMatch(/^=/);
    for (const other of ["Đơn vị 1", "Đơn vị 3"])
      expect(excel.cell(other, valueCell("7.8.3")).formula).toBeUndefined();
    expect([...pane.state.results.keys()]).toEqual(["Đơn vị 2"]);
    pane.unmount();
  });

  it("says in Vietnamese and English that the open sheet is not an appendix, and writes nothing", async () => {
    const excel = templateWorkbook(1);
    excel.data.activeSheetId = excel.addSheet("Ghi chú").id;
    const pane = await new MountedPane(excel).mount();
    const before = contents(excel);
    await pane.press((actions) => actions.fill());
    expect(pane.state.error?.vi).toMatch(/^Trang tính "Ghi chú" không phải trang phụ lục/);
    expect(pane.state.error?.en).toMatch(/^Sheet "Ghi chú" is not an appendix sheet/);
    expect(contents(excel)).toEqual(before);
    pane.unmount();
  });
});

describe("a stamp Excel refuses", () => {
  it("never goes over a signer's lines typed in its place: they stay, and the pane says why there is no stamp", async () => {
    const excel = templateWorkbook(1);
    const sheet = excel.sheet("Sở TTTT");
    const [first] = stampRows(layout);
    excel.type("Sở TTTT", `B${first!}`, "Người lập biểu");
    excel.type("Sở TTTT", `B${first! + 1}`, "Nguyễn Văn A");
    const pane = await new MountedPane(excel).mount();
    const requests = await pane.press((actions) => actions.check());
    expect(requests).toHaveLength(3);
    expect(pane.state.results.get("Sở TTTT")?.validation.verdict).toBe("ready");
    expect(sheet.conditionalFormats.length).toBeGreaterThan(0);
    expect([
      excel.cell("Sở TTTT", `B${first!}`).value,
      excel.cell("Sở TTTT", `B${first! + 1}`).value,
    ]).toEqual(["Người lập biểu", "Nguyễn Văn A"]);
    expect(pane.state.stampNote?.tone).toBe("warning");
    expect(pane.state.stampNote?.text.vi).toMatch(
      new RegExp(
        `^Không ghi được dấu kiểm tra: ô B${first!}:B${first! + 3}, chỗ dành cho dấu kiểm tra, đang có nội dung khác`,
      ),
    );
    expect(pane.state.stampNote?.text.en).toMatch(
      /^Could not write the validation stamp: B\d+:B\d+, the place kept/,
    );
    pane.unmount();
  });

  it("leaves the marks written in the same request, says why, and costs no request more", async () => {
    const excel = templateWorkbook(1);
    // A sheet protected with its stamp cells locked: an older template, or a person's own protection.
    const sheet = excel.sheet("Sở TTTT");
    for (const row of stampRows(layout)) excel.setCell(sheet, row - 1, 1, { locked: true });
    const pane = await new MountedPane(excel).mount();
    const requests = await pane.press((actions) => actions.check());
    expect(requests).toHaveLength(3);
    expect(sheet.conditionalFormats.length).toBeGreaterThan(0);
    expect(pane.state.stampNote?.tone).toBe("warning");
    expect(pane.state.stampNote?.text.vi).toMatch(/^Không ghi được dấu kiểm tra: .*bảo vệ/);
    expect(pane.state.results.get("Sở TTTT")?.stamp?.stamp).toBeUndefined();
    expect(excel.cell("Sở TTTT", `B${stampRows(layout)[0]}`).value).not.toMatch(/DẤU KIỂM TRA/);
    pane.unmount();
  });
});

describe("the pane on the sheet the user opens", () => {
  /** Three departments' sheets, each of its own unit, the first one open. */
  function departments(): EmulatedExcel {
    const excel = new EmulatedExcel();
    for (const i of [1, 2, 3]) seedAppendix(excel, READY_VALUES, { name: `Đơn vị ${i}`, unit: `Sở số ${i}` });
    return excel;
  }

  /** Waits out the pane's wait after an activation, and what it then sends. */
  async function followed(excel: EmulatedExcel): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_DELAY_MS * 2));
    await excel.settle();
  }

  it("describes the sheet opened on its tab: the listing with that sheet, the release", async () => {
    const excel = departments();
    const pane = await new MountedPane(excel).mount();
    const before = excel.requests;
    excel.emulator.activate("Đơn vị 2");
    await followed(excel);
    expect(excel.requests - before).toBe(2);
    expect(pane.state.active).toBe("Đơn vị 2");
    expect(pane.state.described?.validation.unit).toBe("Sở số 2");
    pane.unmount();
  });

  it("describes once, the sheet stopped on, when tabs are gone through quickly", async () => {
    const excel = departments();
    const pane = await new MountedPane(excel).mount();
    const before = excel.requests;
    excel.emulator.activate("Đơn vị 2");
    excel.emulator.activate("Đơn vị 3");
    await followed(excel);
    expect(excel.requests - before).toBe(2);
    expect(pane.state.described?.validation.unit).toBe("Sở số 3");
    pane.unmount();
  });

  it("opens a finding's sheet when it is selected, and describes nothing more: the pane knows that sheet", async () => {
    const excel = departments();
    seedAppendix(excel, seedWith({ "HS.1.2": 44 }), { name: "Đơn vị 4", unit: "Sở số 4" });
    const pane = await new MountedPane(excel).mount();
    await pane.press((actions) => actions.checkAll());
    const finding = pane.fixable("DV.4.1");
    const selected = await pane.press((actions) => actions.select(finding));
    const before = excel.requests;
    await followed(excel);
    expect(excel.requests).toBe(before);
    expect(selected.length).toBeGreaterThan(0);
    expect(excel.findSheet(excel.data.activeSheetId!)?.name).toBe("Đơn vị 4");
    expect(pane.state.active).toBe("Đơn vị 4");
    expect(pane.state.focus).toBe("Đơn vị 4");
    pane.unmount();
  });

  it("never lets a description of the sheet left, answering late, replace the newer one's", async () => {
    const excel = departments();
    let release: () => void = () => undefined;
    let held: Promise<void> | undefined;
    const pane = await new MountedPane(excel, {
      // Excel.run answering as usual, except the one run a test holds back once the library has its answer.
      run: (batch) =>
        excel.run(batch).then(async (value) => {
          const hold = held;
          held = undefined;
          await hold;
          return value;
        }),
    }).mount();
    held = new Promise((resolve) => (release = resolve));
    const late = pane.pane.actions.refresh();
    await excel.settle();
    excel.emulator.activate("Đơn vị 2");
    await followed(excel);
    expect(pane.state.described?.validation.unit).toBe("Sở số 2");
    release();
    await late;
    expect(pane.state.active).toBe("Đơn vị 2");
    expect(pane.state.described?.validation.unit).toBe("Sở số 2");
    pane.unmount();
  });
});
