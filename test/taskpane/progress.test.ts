import type { PaneAction } from "../../src/taskpane/usePane";
import { INITIAL_PANE, PROGRESS_DELAY_MS, paneReducer, withLateProgress } from "../../src/taskpane/usePane";

const READING: PaneAction = { type: "progress", progress: { phase: "reading", sheets: 1 } };
const CHECKING: PaneAction = { type: "progress", progress: { phase: "checking", done: 0, sheets: 1 } };
const WRITING: PaneAction = { type: "progress", progress: { phase: "writing", sheets: 1 } };

function dispatcher() {
  const sent: PaneAction[] = [];
  return { sent, dispatch: withLateProgress((action) => sent.push(action)) };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("an action's progress, as the pane tells React of it", () => {
  it("is never told for an action over before PROGRESS_DELAY_MS: its start and its end, one render each", () => {
    const { sent, dispatch } = dispatcher();
    dispatch({ type: "start", busy: "check" });
    dispatch(READING);
    dispatch(CHECKING);
    jest.advanceTimersByTime(PROGRESS_DELAY_MS - 1);
    dispatch({ type: "done" });
    jest.advanceTimersByTime(10 * PROGRESS_DELAY_MS);
    expect(sent.map((action) => action.type)).toEqual(["start", "done"]);
  });

  it("shows once the action has lasted PROGRESS_DELAY_MS, with its latest phase, then each phase at once", () => {
    const { sent, dispatch } = dispatcher();
    dispatch({ type: "start", busy: "check" });
    dispatch(READING);
    dispatch(CHECKING);
    jest.advanceTimersByTime(PROGRESS_DELAY_MS);
    expect(sent).toEqual([{ type: "start", busy: "check" }, { type: "lasting" }, CHECKING]);
    dispatch(WRITING);
    expect(sent.at(-1)).toBe(WRITING);
    dispatch({ type: "done" });
    const state = sent.reduce(paneReducer, INITIAL_PANE);
    expect(state.lasting).toBe(false);
    expect(state.busy).toBeUndefined();
  });

  it("starts again with every action: a failed one's progress is not the next one's", () => {
    const { sent, dispatch } = dispatcher();
    dispatch({ type: "start", busy: "fill" });
    jest.advanceTimersByTime(PROGRESS_DELAY_MS);
    dispatch({ type: "failed", error: { vi: "lỗi", en: "error" } });
    dispatch({ type: "start", busy: "check" });
    dispatch(READING);
    dispatch({ type: "done" });
    jest.advanceTimersByTime(10 * PROGRESS_DELAY_MS);
    expect(sent.map((action) => action.type)).toEqual(["start", "lasting", "failed", "start", "done"]);
  });

  it("lasts in the pane's state only while an action runs", () => {
    const running = paneReducer(INITIAL_PANE, { type: "start", busy: "check" });
    expect(paneReducer(running, { type: "lasting" }).lasting).toBe(true);
    expect(paneReducer(INITIAL_PANE, { type: "lasting" }).lasting).toBeFalsy();
  });
});
