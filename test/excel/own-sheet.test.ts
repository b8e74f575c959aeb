/** @jest-environment ./test/helpers/excel-environment.js */
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { markFormula } from "../../src/excel/excel-port";
import { LIVE_CHECK_DELAY_MS } from "../../src/taskpane/usePane";
import type { KeyValueStorage } from "../../src/workflows/own-sheet";
import { WORKBOOK_ID_SETTING } from "../../src/workflows/own-sheet";
import { stampRows } from "../../src/workflows/stamp";
import { SEED_VALUES, seedWith } from "../helpers/seed";
import { MountedPane, READY_VALUES } from "./pane-scenarios";
import { EmulatedExcel, seedAppendix } from "./setup";

// One's own sheet in the province's shared workbook (issue 12), through the real Excel client library: three
// departments' sheets, each typed by its own clerk; a clerk's pane checks, marks and stamps the clerk's sheet and
// writes nothing on the other two, and the reviewer's "Kiểm tra tất cả" writes nothing at all.

const layout = sheetLayout(catalogue);
const valueCell = (code: string) => `D${layout.rowOf.get(code)!}`;
const stampCell = `B${stampRows(layout)[0]!}`;

const MINE = "Sở TTTT";
const TU_PHAP = "Sở Tư pháp";
const Y_TE = "Sở Y tế";

/** A person's browser storage (localStorage): one per user, kept across pane reloads. */
class BrowserStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/**
 * The province's workbook: mine ready to stamp, Sở Tư pháp ready too (a Validate of every sheet would stamp it),
 * Sở Y tế with the seed's errors (one would mark it) and a conditional format its clerk made, open on Sở Y tế.
 */
function provinceWorkbook(): EmulatedExcel {
  const excel = new EmulatedExcel();
  seedAppendix(excel, READY_VALUES, { name: MINE });
  seedAppendix(excel, READY_VALUES, { name: TU_PHAP });
  const yTe = seedAppendix(excel, SEED_VALUES, { name: Y_TE });
  yTe.conditionalFormats.push({
    id: "person-1",
    type: "Custom",
    areas: [valueCell("1.1.1")],
    formula: "=D8>10",
    fill: "#FFFF00",
  });
  excel.data.activeSheetId = yTe.id;
  return excel;
}

/** Everything a sheet holds: cells, formats, conditional formats, protection, layout. */
const snapshot = (excel: EmulatedExcel, name: string): string => JSON.stringify(excel.sheet(name));

const marksOn = (excel: EmulatedExcel, name: string) =>
  excel.sheet(name).conditionalFormats.filter((format) => format.formula?.includes("cchc-mark"));

async function mounted(excel: EmulatedExcel, storage: KeyValueStorage): Promise<MountedPane> {
  return new MountedPane(excel, { storage }).mount();
}

/** A pane whose user has said, once, that MINE is theirs. */
async function minePane(excel: EmulatedExcel, storage = new BrowserStorage()): Promise<MountedPane> {
  const pane = await mounted(excel, storage);
  await pane.press((actions) => actions.check());
  await pane.press((actions) => actions.chooseOwn(MINE));
  return pane;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the user's own sheet in a shared workbook", () => {
  it("is asked for once, at the first Validate, with the open appendix sheet proposed, and nothing is written before the answer", async () => {
    const excel = provinceWorkbook();
    const before = [MINE, TU_PHAP, Y_TE].map((name) => snapshot(excel, name));
    const pane = await mounted(excel, new BrowserStorage());
    expect(pane.state.appendices).toEqual([MINE, TU_PHAP, Y_TE]);
    expect(pane.state.own).toBeUndefined();
    const asked = await pane.press((actions) => actions.check());
    expect(asked).toHaveLength(0);
    expect(pane.state.choosing).toEqual({ then: "check", proposed: Y_TE });
    expect([MINE, TU_PHAP, Y_TE].map((name) => snapshot(excel, name))).toEqual(before);
    expect(excel.data.settings?.[WORKBOOK_ID_SETTING]).toBeUndefined();
    pane.unmount();
  });

  it("once answered, checks, marks and stamps that sheet only: the other two keep every cell and format", async () => {
    const excel = provinceWorkbook();
    const others = () => [TU_PHAP, Y_TE].map((name) => snapshot(excel, name));
    const before = others();
    const pane = await mounted(excel, new BrowserStorage());
    await pane.press((actions) => actions.check());
    await pane.press((actions) => actions.chooseOwn(MINE));
    expect(pane.state.choosing).toBeUndefined();
    expect(pane.state.own).toBe(MINE);
    expect(excel.cell(MINE, stampCell).value).toMatch(/^DẤU KIỂM TRA/);
    expect([...pane.state.results.keys()]).toEqual([MINE]);
    expect(others()).toEqual(before);
    expect(excel.cell(TU_PHAP, stampCell).value).not.toMatch(/DẤU KIỂM TRA/);
    expect(marksOn(excel, Y_TE)).toEqual([]);
    pane.unmount();
  });

  it("costs what pane.test.ts allows: 4 requests from a colleague's sheet, 3 from one's own", async () => {
    const excel = provinceWorkbook();
    const pane = await minePane(excel);
    const before = [TU_PHAP, Y_TE].map((name) => snapshot(excel, name));
    // On Sở Y tế: the listing (which reads the open sheet), the read of mine, the write, the release.
    expect(await pane.press((actions) => actions.check())).toHaveLength(4);
    excel.data.activeSheetId = excel.sheet(MINE).id;
    expect(await pane.press((actions) => actions.check())).toHaveLength(3);
    expect([TU_PHAP, Y_TE].map((name) => snapshot(excel, name))).toEqual(before);
    pane.unmount();
  });

  it("is remembered for that user across a pane reload, and asked again of another user of the same workbook", async () => {
    const excel = provinceWorkbook();
    const lan = new BrowserStorage();
    (await minePane(excel, lan)).unmount();
    // One identity stored in the workbook, shared by every co-author; the choice in Lan's storage only.
    const id = excel.data.settings?.[WORKBOOK_ID_SETTING];
    expect(typeof id).toBe("string");
    expect([...lan.items.values()]).toEqual([MINE]);

    const reloaded = await mounted(excel, lan);
    expect(reloaded.state.own).toBe(MINE);
    const requests = await reloaded.press((actions) => actions.check());
    expect(requests).toHaveLength(4);
    expect(reloaded.state.choosing).toBeUndefined();
    expect([...reloaded.state.results.keys()]).toEqual([MINE]);
    reloaded.unmount();

    const colleague = await mounted(excel, new BrowserStorage());
    expect(colleague.state.own).toBeUndefined();
    await colleague.press((actions) => actions.check());
    expect(colleague.state.choosing?.proposed).toBe(Y_TE);
    colleague.unmount();
    expect(excel.data.settings?.[WORKBOOK_ID_SETTING]).toBe(id);
  });

  it("can be changed later, and Validate then checks the new choice", async () => {
    const excel = provinceWorkbook();
    const storage = new BrowserStorage();
    const pane = await minePane(excel, storage);
    pane.pane.actions.changeOwn();
    expect(pane.state.choosing).toEqual({ proposed: Y_TE });
    await pane.press((actions) => actions.chooseOwn(Y_TE));
    // Changing the choice writes nothing on any sheet: it only says which one Validate checks.
    expect(marksOn(excel, Y_TE)).toEqual([]);
    await pane.press((actions) => actions.check());
    expect(marksOn(excel, Y_TE).length).toBeGreaterThan(0);
    expect([...storage.items.values()]).toEqual([Y_TE]);
    pane.unmount();
  });

  it("is asked for again when the remembered sheet is gone, and no sheet is written meanwhile", async () => {
    const excel = provinceWorkbook();
    const storage = new BrowserStorage();
    (await minePane(excel, storage)).unmount();
    excel.sheet(MINE).name = "Sở TT-TT";
    const before = [TU_PHAP, Y_TE].map((name) => snapshot(excel, name));
    const pane = await mounted(excel, storage);
    const requests = await pane.press((actions) => actions.check());
    // The listing tells the sheet is gone: no read, no write, the release.
    expect(requests).toHaveLength(2);
    expect(pane.state.choosing).toEqual({ then: "check", missing: MINE, proposed: Y_TE });
    expect([TU_PHAP, Y_TE].map((name) => snapshot(excel, name))).toEqual(before);
    pane.unmount();
  });
});

describe("live checks in a shared workbook", () => {
  it("mark the user's own sheet when a co-author edits it, and leave a colleague's sheet alone when it is edited", async () => {
    const excel = provinceWorkbook();
    const pane = await minePane(excel);
    expect(marksOn(excel, MINE).flatMap((format) => format.areas)).not.toContain(valueCell("HS.1.2"));

    // A co-author breaks my HS.1 balance: my pane marks it, though I did not type it.
    excel.type(MINE, valueCell("HS.1.2"), 0);
    await excel.emitChange({ sheet: MINE, address: valueCell("HS.1.2"), source: "Remote" });
    await pause(LIVE_CHECK_DELAY_MS);
    await excel.settle();
    const errors = marksOn(excel, MINE).find((format) => format.formula === markFormula("error"));
    expect(errors?.areas).toContain(valueCell("HS.1.2"));
    expect(pane.state.results.get(MINE)?.validation.counts.error).toBeGreaterThan(0);

    // Sở Tư pháp's clerk breaks theirs: my pane sends nothing and writes nothing there.
    excel.type(TU_PHAP, valueCell("HS.1.2"), 0);
    const before = snapshot(excel, TU_PHAP);
    const requests = excel.requests;
    await excel.emitChange({ sheet: TU_PHAP, address: valueCell("HS.1.2"), source: "Remote" });
    await pause(LIVE_CHECK_DELAY_MS);
    await excel.settle();
    expect(excel.requests).toBe(requests);
    expect(snapshot(excel, TU_PHAP)).toBe(before);
    pane.unmount();
  });

  it("mark nothing before the user has said which sheet is theirs", async () => {
    const excel = provinceWorkbook();
    const pane = await mounted(excel, new BrowserStorage());
    const before = snapshot(excel, TU_PHAP);
    excel.type(TU_PHAP, valueCell("HS.1.2"), 0);
    const typed = snapshot(excel, TU_PHAP);
    expect(typed).not.toBe(before);
    await excel.emitChange({ sheet: TU_PHAP, address: valueCell("HS.1.2"), source: "Local" });
    await pause(LIVE_CHECK_DELAY_MS);
    await excel.settle();
    expect(snapshot(excel, TU_PHAP)).toBe(typed);
    pane.unmount();
  });
});

describe("the reviewer's “Kiểm tra tất cả”", () => {
  it("lists every sheet's findings and writes nothing: no stamp, no mark, in 3 requests", async () => {
    const excel = provinceWorkbook();
    const before = [MINE, TU_PHAP, Y_TE].map((name) => snapshot(excel, name));
    const pane = await mounted(excel, new BrowserStorage());
    const requests = await pane.press((actions) => actions.checkAll());
    // The listing with the open sheet, one read of the two others, the release: no write.
    expect(requests).toHaveLength(3);
    expect(pane.state.order).toEqual([MINE, TU_PHAP, Y_TE]);
    expect(pane.state.results.get(MINE)?.validation.verdict).toBe("ready");
    expect(pane.state.results.get(Y_TE)?.validation.counts.error).toBe(2);
    expect(pane.state.notice?.text).toEqual({
      vi: "Đã kiểm tra 3 trang phụ lục; không đánh dấu, không ghi dấu kiểm tra lên trang nào.",
      en: "Checked 3 appendix sheets; marked and stamped none of them.",
    });
    expect([MINE, TU_PHAP, Y_TE].map((name) => snapshot(excel, name))).toEqual(before);
    pane.unmount();
  });

  it("costs 3 requests for 50 sheets as for 3", async () => {
    const excel = new EmulatedExcel();
    for (let i = 1; i <= 50; i++) seedAppendix(excel, READY_VALUES, { name: `Đơn vị ${i}` });
    const pane = await mounted(excel, new BrowserStorage());
    expect(await pane.press((actions) => actions.checkAll())).toHaveLength(3);
    expect(pane.state.order).toHaveLength(50);
    for (const sheet of excel.data.sheets) expect(excel.cell(sheet.name, stampCell).value).toBe("");
    pane.unmount();
  });
});

describe("a fix on a sheet that is not the user's", () => {
  it("writes the clicked value only, and asks before stamping the sheet it made ready", async () => {
    const excel = provinceWorkbook();
    const yTe = excel.sheet(Y_TE);
    // Sở Y tế with one error left: the fix of DV.4.1 makes it ready.
    excel.type(Y_TE, valueCell("HS.1.2"), 44);
    const pane = await minePane(excel);
    await pane.press((actions) => actions.checkAll());
    const formatsBefore = JSON.stringify(yTe.conditionalFormats);
    await pane.press((actions) => actions.fix(pane.fixable("DV.4.1")));
    expect(excel.cell(Y_TE, valueCell("DV.4.1")).value).toBe(1936);
    expect(JSON.stringify(yTe.conditionalFormats)).toBe(formatsBefore);
    expect(excel.cell(Y_TE, stampCell).value).not.toMatch(/DẤU KIỂM TRA/);
    expect(pane.state.stampOffer).toBe(Y_TE);

    await pane.press((actions) => actions.answerStampOffer(false));
    expect(pane.state.stampOffer).toBeUndefined();
    expect(excel.cell(Y_TE, stampCell).value).not.toMatch(/DẤU KIỂM TRA/);
    pane.unmount();
  });

  it("stamps that sheet when the user says yes, and no other", async () => {
    const excel = provinceWorkbook();
    excel.type(Y_TE, valueCell("HS.1.2"), 44);
    const pane = await minePane(excel);
    await pane.press((actions) => actions.checkAll());
    await pane.press((actions) => actions.fix(pane.fixable("DV.4.1")));
    const tuPhap = snapshot(excel, TU_PHAP);
    await pane.press((actions) => actions.answerStampOffer(true));
    expect(excel.cell(Y_TE, stampCell).value).toMatch(/^DẤU KIỂM TRA/);
    expect(pane.state.stampNote?.tone).toBe("success");
    expect(snapshot(excel, TU_PHAP)).toBe(tuPhap);
    pane.unmount();
  });

  it("of the user's own sheet marks and stamps it as before, with no question", async () => {
    const excel = new EmulatedExcel();
    seedAppendix(excel, seedWith({ "HS.1.2": 44 }), { name: MINE });
    seedAppendix(excel, READY_VALUES, { name: TU_PHAP });
    const pane = await minePane(excel);
    await pane.press((actions) => actions.fix(pane.fixable("DV.4.1")));
    expect(excel.cell(MINE, stampCell).value).toMatch(/^DẤU KIỂM TRA/);
    expect(pane.state.stampOffer).toBeUndefined();
    expect(excel.cell(TU_PHAP, stampCell).value).not.toMatch(/DẤU KIỂM TRA/);
    pane.unmount();
  });
});

describe("an Excel that refuses to store the workbook's identity", () => {
  it("still checks the chosen sheet, and says the choice will be asked again", async () => {
    const excel = provinceWorkbook();
    const pane = await mounted(excel, new BrowserStorage());
    await pane.press((actions) => actions.check());
    // The identity's read, the first request of the choice, is refused.
    excel.failRequest(1);
    await pane.press((actions) => actions.chooseOwn(MINE));
    expect(excel.data.settings?.[WORKBOOK_ID_SETTING]).toBeUndefined();
    expect(excel.cell(MINE, stampCell).value).toMatch(/^DẤU KIỂM TRA/);
    expect(pane.state.notice).toEqual({
      tone: "warning",
      text: {
        vi: "Không lưu được lựa chọn trang của bạn; lần sau mở ngăn tác vụ sẽ hỏi lại.",
        en: "Your choice of sheet could not be saved; the pane will ask again next time.",
      },
    });
    expect(pane.state.stampNote?.tone).toBe("success");
    pane.unmount();
  });
});

describe("fill and clear in a shared workbook", () => {
  it("fill on a colleague's open sheet writes its formulas only: no marks, no stamp, the stamp offered", async () => {
    const excel = provinceWorkbook();
    excel.data.activeSheetId = excel.sheet(TU_PHAP).id;
    const pane = await minePane(excel);
    const formats = JSON.stringify(excel.sheet(TU_PHAP).conditionalFormats);
    await pane.press((actions) => actions.fill());
    expect(excel.cell(TU_PHAP, valueCell("4.1.4.d")).formula).toMatch(/^=/);
    expect(JSON.stringify(excel.sheet(TU_PHAP).conditionalFormats)).toBe(formats);
    expect(excel.cell(TU_PHAP, stampCell).value).not.toMatch(/DẤU KIỂM TRA/);
    expect(pane.state.stampOffer).toBe(TU_PHAP);
    pane.unmount();
  });

  it("“Xóa đánh dấu” asks first which sheet is the user's, and clears that one only", async () => {
    const excel = provinceWorkbook();
    const colleague = await mounted(excel, new BrowserStorage());
    await colleague.press((actions) => actions.check());
    await colleague.press((actions) => actions.chooseOwn(Y_TE));
    colleague.unmount();
    const theirs = marksOn(excel, Y_TE);
    expect(theirs.length).toBeGreaterThan(0);
    const pane = await mounted(excel, new BrowserStorage());
    expect(await pane.press((actions) => actions.clear())).toHaveLength(0);
    expect(pane.state.choosing).toEqual({ then: "clear", proposed: Y_TE });
    await pane.press((actions) => actions.chooseOwn(MINE));
    expect(pane.state.notice?.text.vi).toBe("Đã xóa đánh dấu trên 1 trang tính.");
    expect(marksOn(excel, Y_TE)).toEqual(theirs);
    pane.unmount();
  });

  it("“Xóa đánh dấu” clears the user's own sheet's marks, never a colleague's", async () => {
    const excel = provinceWorkbook();
    const pane = await minePane(excel);
    // Sở Y tế's clerk validated their own sheet: their marks are theirs.
    const colleague = await mounted(excel, new BrowserStorage());
    await colleague.press((actions) => actions.check());
    await colleague.press((actions) => actions.chooseOwn(Y_TE));
    colleague.unmount();
    const theirs = marksOn(excel, Y_TE);
    expect(theirs.length).toBeGreaterThan(0);
    excel.type(MINE, valueCell("HS.1.2"), 0);
    await pane.press((actions) => actions.check());
    expect(marksOn(excel, MINE).length).toBeGreaterThan(0);
    await pane.press((actions) => actions.clear());
    expect(marksOn(excel, MINE)).toEqual([]);
    expect(marksOn(excel, Y_TE)).toEqual(theirs);
    expect(pane.state.notice?.text.vi).toBe("Đã xóa đánh dấu trên 1 trang tính.");
    pane.unmount();
  });
});
