import { validateAppendix } from "../../src/domain/engine";
import { locateAppendix } from "../../src/domain/locate";
import type { PaneState } from "../../src/taskpane/usePane";
import { INITIAL_PANE, paneReducer } from "../../src/taskpane/usePane";
import type { CheckResult } from "../../src/workflows/stamp";
import { missingForm } from "../../src/workflows/validate";
import { SEED_VALUES, seedWith, templateGrid } from "../helpers/seed";

function result(...sheets: [string, Record<string, never> | typeof SEED_VALUES][]): CheckResult {
  return {
    sheets: sheets.map(([name, values]) => validateAppendix(locateAppendix(templateGrid(values, { name }))!)),
    skipped: [],
    unknownVersions: [],
    missingForms: [],
    stamps: new Map(),
    stamped: [],
  };
}

const FIXED = seedWith({ "HS.1.2": 44, "DV.4.1": 1936 });

describe("the pane's state", () => {
  it("replaces what it knew with a check over the workbook, in workbook order, focused on the active sheet", () => {
    const state = paneReducer(INITIAL_PANE, {
      type: "checked",
      result: result(["A", SEED_VALUES], ["B", FIXED]),
      names: ["A", "B"],
      active: "B",
    });
    expect(state.order).toEqual(["A", "B"]);
    expect(state.focus).toBe("B");
    expect(state.checked).toBe(true);
    const again = paneReducer(state, {
      type: "checked",
      result: result(["B", FIXED]),
      names: ["B"],
      active: "B",
    });
    expect(again.order).toEqual(["B"]);
  });

  it("keeps a sheet a newer live check holds when a slower full check left it out", () => {
    const live: PaneState = paneReducer(INITIAL_PANE, {
      type: "checked",
      result: result(["A", FIXED]),
      live: true,
    });
    const full = paneReducer(live, {
      type: "checked",
      result: result(["B", SEED_VALUES]),
      names: ["A", "B"],
    });
    expect(full.order).toEqual(["A", "B"]);
    expect(full.results.get("A")!.validation.verdict).toBe("ready");
  });

  it("merges a live check into what it knew, keeping the sheet in focus", () => {
    const state = paneReducer(INITIAL_PANE, {
      type: "checked",
      result: result(["A", SEED_VALUES], ["B", SEED_VALUES]),
      names: ["A", "B"],
      active: "A",
    });
    const focused = paneReducer(state, { type: "focus", sheet: "B" });
    const live = paneReducer(focused, {
      type: "checked",
      result: result(["A", FIXED]),
      live: true,
      active: "A",
    });
    expect(live.focus).toBe("B");
    expect(live.results.get("A")!.validation.verdict).toBe("ready");
    expect(live.results.get("B")!.validation.verdict).toBe("not_ready");
  });

  it("clears the last error and notices when an action starts", () => {
    const failed = paneReducer(INITIAL_PANE, { type: "failed", error: { vi: "lỗi", en: "error" } });
    expect(failed.error).toEqual({ vi: "lỗi", en: "error" });
    const started = paneReducer(failed, { type: "start", busy: "check" });
    expect(started.error).toBeUndefined();
    expect(started.busy).toBe("check");
    const note = { tone: "warning" as const, text: { vi: "a", en: "a" } };
    const done = paneReducer(started, { type: "done", stampNote: note });
    expect(done.stampNote).toBe(note);
    expect(paneReducer(done, { type: "start", busy: "fix" }).stampNote).toBeUndefined();
  });

  it("keeps the sheets a check over the workbook could not check beside its results, until one is checked", () => {
    const copied = missingForm("C", { id: "PL-THU-2026", hash: "0123abcd" });
    const full = paneReducer(INITIAL_PANE, {
      type: "checked",
      result: { ...result(["A", FIXED]), missingForms: [copied] },
      names: ["A"],
      active: "A",
    });
    expect(full.order).toEqual(["A"]);
    expect(full.results.notChecked).toEqual([copied]);
    // A live check of another sheet leaves it not checked; the check once its definition is embedded does not.
    const live = paneReducer(full, { type: "checked", result: result(["A", SEED_VALUES]), live: true });
    expect(live.results.notChecked).toEqual([copied]);
    const embedded = paneReducer(live, { type: "checked", result: result(["C", FIXED]) });
    expect(embedded.order).toEqual(["A", "C"]);
    expect(embedded.results.notChecked).toBeUndefined();
  });
});
