/// <reference types="office-js" />
import type { RequestRecord } from "../../src/emulator";
import type { ExcelHostDeps } from "../../src/excel/host";
import type { Finding } from "../../src/domain/findings";
import type { Pane, PaneActions, PaneState } from "../../src/taskpane/usePane";
import { INITIAL_PANE, createPane, paneReducer } from "../../src/taskpane/usePane";
import { consolidateWorkbook } from "../../src/workflows/consolidate-workbook";
import { SUMMARY_SHEETS } from "../../src/workflows/summary-spec";
import { seedWith } from "../helpers/seed";
import { EmulatedExcel, hostOver, seedAppendix } from "./setup";

// The buttons users press, as the task pane runs them (createPane: the actions usePane gives the pane), over the
// real Excel client library and the emulated Excel, on workbooks of the template. test/excel/pane.test.ts asserts
// their requests, and `npm run bench` prints them: one definition of what is measured.

/**
 * A pane mounted over an emulated Excel, as usePane mounts it: the open sheet described, edits watched, the sheets
 * the user opens followed.
 */
export class MountedPane {
  state: PaneState = INITIAL_PANE;
  readonly pane: Pane;
  private stop?: () => void;

  /** `overrides`: the host's, such as the user's storage where their own sheet is remembered. */
  constructor(
    readonly excel: EmulatedExcel,
    overrides: Partial<ExcelHostDeps> = {},
  ) {
    this.pane = createPane(hostOver(excel, overrides), (action) => {
      this.state = paneReducer(this.state, action);
    });
  }

  async mount(): Promise<this> {
    await this.pane.describe();
    const unwatch = this.pane.watch();
    const unfollow = this.pane.follow();
    this.stop = () => {
      unwatch();
      unfollow();
    };
    await this.excel.settle();
    return this;
  }

  unmount(): void {
    this.stop?.();
  }

  /** The user says which sheet is theirs, as through "Trang tính của tôi: … Đổi", which checks nothing. */
  async chooseOwn(sheet: string): Promise<void> {
    this.pane.actions.changeOwn();
    await this.pane.actions.chooseOwn(sheet);
    await this.excel.settle();
  }

  /** What one press sent, the release included. */
  async press(action: (actions: PaneActions) => Promise<unknown>): Promise<readonly RequestRecord[]> {
    this.excel.attach();
    const before = this.excel.emulator.requests.length;
    await action(this.pane.actions);
    return this.excel.emulator.requests.slice(before);
  }

  /** A finding of the checked sheets whose fix writes a value, on the given code. */
  fixable(code: string): Finding {
    for (const result of this.state.results.values()) {
      const finding = result.validation.findings.find(
        (candidate) => candidate.suggestion?.code === code && candidate.suggestion.value !== undefined,
      );
      if (finding) return finding;
    }
    throw new Error(`No finding with a fix of ${code}`);
  }
}

/** The seed with its two errors fixed: ready, so that a check writes its stamp besides its marks. */
export const READY_VALUES = seedWith({ "HS.1.2": 44, "DV.4.1": 1936 });

/** A workbook of `count` appendix sheets of the template, the first one open. */
export function templateWorkbook(count: number, values = READY_VALUES): EmulatedExcel {
  const excel = new EmulatedExcel();
  for (let i = 1; i <= count; i++)
    seedAppendix(excel, values, { name: count === 1 ? "Sở TTTT" : `Đơn vị ${i}` });
  return excel;
}

/** A scenario: a workbook, a pane mounted over it, and the press whose requests count. */
export interface PaneScenario {
  /** The figure's name in `npm run bench`. */
  readonly figure: string;
  readonly describe: string;
  run(): Promise<{ requests: readonly RequestRecord[]; pane: MountedPane }>;
}

async function pressOn(
  excel: EmulatedExcel,
  press: (pane: MountedPane) => Promise<readonly RequestRecord[]>,
): Promise<{ requests: readonly RequestRecord[]; pane: MountedPane }> {
  const pane = await new MountedPane(excel).mount();
  try {
    return { requests: await press(pane), pane };
  } finally {
    pane.unmount();
  }
}

/** Validate, fix, fill and install as a user presses them, each on its workbook. */
export const PANE_SCENARIOS: readonly PaneScenario[] = [
  {
    figure: "requests_validate_active",
    describe: "Validate of the open appendix sheet, with its marks and its stamp",
    run: () => pressOn(templateWorkbook(1), (pane) => pane.press((actions) => actions.check())),
  },
  {
    figure: "requests_validate_50",
    describe:
      "Validate in a workbook of 50 appendix sheets: the user's own, not the open one, marked and stamped",
    run: () =>
      pressOn(templateWorkbook(50), async (pane) => {
        await pane.chooseOwn("Đơn vị 50");
        return pane.press((actions) => actions.check());
      }),
  },
  {
    figure: "requests_fix",
    describe: "a one-click fix (1.936) that makes the sheet ready: its marks and stamp written again",
    run: () =>
      pressOn(templateWorkbook(1, seedWith({ "HS.1.2": 44 })), async (pane) => {
        await pane.press((actions) => actions.check());
        const finding = pane.fixable("DV.4.1");
        return pane.press((actions) => actions.fix(finding));
      }),
  },
  {
    figure: "requests_fill",
    describe: "fill derived rates of the open sheet, then its marks",
    run: () => pressOn(templateWorkbook(1), (pane) => pane.press((actions) => actions.fill())),
  },
  {
    figure: "requests_install",
    describe: "install an appendix sheet into a new workbook, and describe it",
    run: () => {
      const excel = new EmulatedExcel();
      excel.addSheet("Sheet1");
      return pressOn(excel, (pane) =>
        pane.press((actions) =>
          actions.install({ unit: "Sở Thông tin và Truyền thông", level: "so", period: "2021-Q3" }),
        ),
      );
    },
  },
];

/** A workbook a province really has, on which every button is pressed: what `max_request_mb` is measured over. */
export interface LimitScenario {
  readonly describe: string;
  /** Every request the presses sent, the releases included. */
  run(): Promise<readonly RequestRecord[]>;
}

// The seed as typed, every indicator it fills, with its errors: sheets and summaries as large as a real quarter's.
const SEED_AS_TYPED = seedWith({});

/** Presses every button of the pane with `own` as the user's sheet; returns what they sent. */
async function pressEverything(excel: EmulatedExcel, own: string): Promise<RequestRecord[]> {
  const pane = await new MountedPane(excel).mount();
  const sent: RequestRecord[] = [];
  try {
    await pane.chooseOwn(own);
    sent.push(...(await pane.press((actions) => actions.check())));
    sent.push(...(await pane.press((actions) => actions.fix(pane.fixable("HS.1.2")))));
    sent.push(...(await pane.press((actions) => actions.fill())));
    sent.push(...(await pane.press((actions) => actions.clear())));
    sent.push(...(await pane.press((actions) => actions.checkAll())));
    if (pane.state.results.size < excel.data.sheets.length / 2)
      throw new Error("Kiểm tra tất cả read too few sheets");
    sent.push(
      ...(await pane.press((actions) =>
        actions.install({ unit: "Sở Nội vụ", level: "so", period: "2021-Q3" }).then(() => undefined),
      )),
    );
    return sent;
  } finally {
    pane.unmount();
  }
}

/** "Tổng hợp" of the workbook's own sheets, as the pane runs it; returns what it sent. */
async function consolidateSheets(excel: EmulatedExcel, replaceSummary = false): Promise<RequestRecord[]> {
  excel.attach();
  const before = excel.emulator.requests.length;
  await hostOver(excel).run((port) => consolidateWorkbook(port, { replaceSummary }));
  return excel.emulator.requests.slice(before);
}

export const LIMIT_SCENARIOS: readonly LimitScenario[] = [
  {
    describe: "every button in a workbook of 150 departments' sheets",
    run: () => pressEverything(templateWorkbook(150, SEED_AS_TYPED), "Đơn vị 75"),
  },
  {
    describe:
      "every button, and Tổng hợp again, in a workbook holding a 1,000-unit summary beside the units' sheets",
    run: async () => {
      const excel = new EmulatedExcel();
      for (let i = 1; i <= 1000; i++)
        seedAppendix(excel, SEED_AS_TYPED, { name: `Sở ${i}`, unit: `Sở số ${i}` });
      const sent = await consolidateSheets(excel);
      if (!excel.findSheet(SUMMARY_SHEETS.form)) throw new Error("no summary was written");
      sent.push(...(await pressEverything(excel, "Sở 500")));
      sent.push(...(await consolidateSheets(excel, true)));
      return sent;
    },
  },
];
