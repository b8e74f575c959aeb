/** @jest-environment ./test/helpers/excel-environment.js */
/// <reference types="office-js" />
import type { RequestRecord, SheetData } from "../../src/emulator";
import { ActionType } from "../../src/emulator/protocol";
import { catalogue } from "../../src/domain/catalogue";
import { sheetLayout } from "../../src/domain/layout";
import { parseCell } from "../../src/excel/cells";
import { isStagingName } from "../../src/excel/excel-port";
import { consolidateWorkbook } from "../../src/workflows/consolidate-workbook";
import { installAppendix } from "../../src/workflows/install";
import type { CellWrite, Plan, SheetSpec, WorkbookPort } from "../../src/workflows/port";
import { PartialPlanError } from "../../src/workflows/port";
import { SUMMARY_SHEETS } from "../../src/workflows/summary-spec";
import { templateSpec } from "../../src/workflows/template-spec";
import { EmulatedExcel, hostOver, seedAppendix, typedCells } from "./setup";

// Fault injection through the real Excel client library: Excel fails one action of a request and keeps every
// action before it (no rollback, DESIGN.md section 10). A sheet-writing request is failed at every action of a small
// scenario, and at the first, the last and the actions around every stage of each request of the full-size ones
// (install, re-install, a summary of 40 units and its rewrite in place). After each failure: no typed value changed,
// no staging sheet left or listed, every sheet of the plan either as it was or complete, formulas on other sheets
// still showing the indicator's value, an error in both languages that names what to delete, if anything.
//
// Trace actions are not failed: a trace is the library's own bookkeeping, answered by the host without touching the
// workbook, and it is how the adapter tells how far a failed request got.

const layout = sheetLayout(catalogue);
const UNIT = { unit: "Sở Thông tin và Truyền thông", level: "so", period: "2021-Q3" } as const;
const SMALL_ROWS = 12;
// Each test runs its use case once per failure: tens of runs. A bound on a hung run, not a timed assertion.
const RUNS_TIMEOUT_MS = 10 * 60_000;

/** The template cut to its first rows: the same kinds of cells, merges, locks and validation, a few of each. */
function cutSpec(spec: SheetSpec, lastRow: number): SheetSpec {
  const rowOf = (address: string) => parseCell(address).row + 1;
  return {
    ...spec,
    cells: spec.cells.filter((cell) => rowOf(cell.address) <= lastRow),
    merges: spec.merges.filter((merge) => merge.split(":").every((address) => rowOf(address) <= lastRow)),
    rowHeights: Object.fromEntries(Object.entries(spec.rowHeights).filter(([row]) => Number(row) <= lastRow)),
    ...(spec.print ? { print: { ...spec.print, area: `A1:E${lastRow}` } } : {}),
  };
}

/** A sheet as a comparison needs it: everything but ids, which a rerun gives anew. */
function content(sheet: SheetData | undefined): unknown {
  if (!sheet) return undefined;
  const { id: _id, conditionalFormats, ...rest } = structuredClone(sheet);
  return { ...rest, conditionalFormats: conditionalFormats.map(({ id: _cf, ...format }) => format) };
}

/** What a re-installed sheet keeps when the failure came before its paste. */
function cellsOf(sheet: SheetData | undefined): unknown {
  return sheet && { cells: sheet.cells, merges: sheet.merges, protection: sheet.protection };
}

/** A scenario: a workbook, the use case run over it, and which of its requests write (1-based, in the run). */
interface Scenario {
  readonly name: string;
  setup(): Promise<EmulatedExcel>;
  run(port: WorkbookPort): Promise<unknown>;
  /** Sheets the run writes, new or rewritten. */
  readonly targets: readonly string[];
  /** Targets rewritten in place (their earlier content stands until the paste). */
  readonly replaced: readonly string[];
  /** The targets hold only what the add-in wrote (a summary): what changes there is no one's typing. */
  readonly ours?: boolean;
  /** Cells on another sheet whose formula refers to a target, with what they show. */
  readonly references?: readonly { sheet: string; address: string; shows: readonly unknown[] }[];
}

interface Reference {
  readonly writes: { readonly request: number; readonly record: RequestRecord }[];
  readonly done: Map<string, unknown>;
}

/** A copy of a prepared workbook behind a new emulated Excel: each failure starts from the same workbook. */
function copyOf(prepared: EmulatedExcel): EmulatedExcel {
  const excel = new EmulatedExcel();
  excel.data = structuredClone(prepared.data);
  return excel;
}

async function reference(scenario: Scenario, prepared: EmulatedExcel): Promise<Reference> {
  const excel = copyOf(prepared);
  const start = excel.requests;
  await hostOver(excel).run((port) => scenario.run(port));
  const sent = excel.emulator.requests.slice(start);
  const writes = sent
    .map((record, index) => ({ request: index + 1, record }))
    // Listings and reads set nothing; the release calls a method only.
    .filter(({ record }) =>
      (record.body.Actions ?? []).some((action) => action.ActionType === ActionType.SetProperty),
    );
  const done = new Map(scenario.targets.map((name) => [name, content(excel.findSheet(name))]));
  return { writes, done };
}

/** Indices of the actions of a request that are not traces. */
function workIndices(record: RequestRecord): number[] {
  return (record.body.Actions ?? []).flatMap((action, index) =>
    action.ActionType === ActionType.Trace ? [] : [index],
  );
}

/** The first and last actions of a request, and those on either side of each of its traces (each stage). */
function boundaries(record: RequestRecord): number[] {
  const actions = record.body.Actions ?? [];
  const work = workIndices(record);
  const picked = new Set([work[0]!, work[work.length - 1]!]);
  actions.forEach((action, index) => {
    if (action.ActionType !== ActionType.Trace) return;
    const before = work.filter((i) => i < index).pop();
    const after = work.find((i) => i > index);
    if (before !== undefined) picked.add(before);
    if (after !== undefined) picked.add(after);
  });
  return [...picked].sort((a, b) => a - b);
}

async function failAt(
  scenario: Scenario,
  prepared: EmulatedExcel,
  done: Reference["done"],
  request: number,
  action: number,
): Promise<void> {
  const excel = copyOf(prepared);
  const typed = typedCells(excel);
  if (scenario.ours)
    for (const cell of typed.keys())
      if (scenario.targets.some((name) => cell.startsWith(`${name}!`))) typed.delete(cell);
  const before = new Map(scenario.targets.map((name) => [name, cellsOf(excel.findSheet(name))]));
  const host = hostOver(excel);
  excel.failAction(request, action, "GeneralException");
  const error = await host
    .run((port) => scenario.run(port))
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  const where = `${scenario.name}, request ${request}, action ${action}`;
  expect([where, error]).not.toEqual([where, undefined]);

  // The cleanup ran: no staging sheet is left, and the listing shows none.
  expect([where, excel.data.sheets.filter((sheet) => isStagingName(sheet.name)).map((s) => s.name)]).toEqual([
    where,
    [],
  ]);
  const listed = await host.run((port) => port.listSheets());
  expect(listed.some((info) => isStagingName(info.name))).toBe(false);

  // No value a person typed changed.
  const after = typedCells(excel);
  for (const [cell, value] of typed) expect([where, cell, after.get(cell)]).toEqual([where, cell, value]);

  // Every sheet of the plan is as it was or complete.
  const complete: string[] = [];
  for (const name of scenario.targets) {
    const sheet = excel.findSheet(name);
    const now = content(sheet);
    if (now !== undefined && JSON.stringify(now) === JSON.stringify(done.get(name))) {
      complete.push(name);
      continue;
    }
    if (scenario.replaced.includes(name))
      expect([where, name, cellsOf(sheet)]).toEqual([where, name, before.get(name)]);
    else expect([where, name, now]).toEqual([where, name, undefined]);
  }
  for (const { sheet, address, shows } of scenario.references ?? [])
    expect([where, shows]).toEqual([
      where,
      expect.arrayContaining([excel.shown(excel.sheet(sheet), excel.cell(sheet, address)).value]),
    ]);

  // The error says it in both languages, and names the new sheets to delete when the set is incomplete.
  const told = (
    error instanceof PartialPlanError ? error.bilingual : (error as { bilingual?: unknown }).bilingual
  ) as { vi: string; en: string } | undefined;
  expect([where, typeof told?.vi, typeof told?.en]).toEqual([where, "string", "string"]);
  const reason = error instanceof PartialPlanError ? error.reason : error;
  const toDelete = (reason as { sheetsToDelete?: readonly string[] }).sheetsToDelete ?? [];
  const newOnes = scenario.targets.filter((name) => !scenario.replaced.includes(name));
  const incomplete = complete.length < scenario.targets.length;
  expect([where, [...toDelete].sort()]).toEqual([
    where,
    incomplete ? complete.filter((name) => newOnes.includes(name)).sort() : [],
  ]);
  for (const name of toDelete) {
    expect(told!.vi).toContain(`“${name}”`);
    expect(told!.en).toContain(`“${name}”`);
  }
  const unchanged = scenario.targets.every(
    (name) =>
      !complete.includes(name) &&
      JSON.stringify(cellsOf(excel.findSheet(name))) === JSON.stringify(before.get(name)),
  );
  if (unchanged) expect([where, told!.en]).toEqual([where, expect.stringMatching(/No sheet was changed/)]);
  if (!unchanged && !complete.length) throw new Error(`${where}: a sheet changed but is not complete`);
}

// --- the small scenario: the template cut to its first rows --------------------------------------------------------

const small = cutSpec(templateSpec({ sheetName: "Sở nhỏ", ...UNIT }), SMALL_ROWS);
const smallPlan = (replace: boolean, values: readonly CellWrite[]): Plan => ({
  steps: [
    {
      kind: "addSheet",
      spec: small,
      ...(values.length ? { values } : {}),
      ...(replace ? { replace: true } : {}),
    },
    { kind: "select", sheet: small.name, address: "D7" },
  ],
});
const TYPED = [
  { address: "D9", value: 5 },
  { address: "D10", value: 3 },
  { address: "E9", value: "theo Kế hoạch 12" },
];

const smallNew: Scenario = {
  name: "a new sheet of the small template",
  setup: () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    return Promise.resolve(excel);
  },
  run: async (port) => {
    await port.listSheets();
    await port.apply(smallPlan(false, []));
  },
  targets: [small.name],
  replaced: [],
};

const smallReplace: Scenario = {
  name: "the small template re-installed in place",
  setup: async () => {
    const excel = new EmulatedExcel();
    excel.addSheet("Sheet1");
    await hostOver(excel).run((port) => port.apply(smallPlan(false, [])));
    for (const { address, value } of TYPED) excel.type(small.name, address, value);
    const other = excel.addSheet("Tham chiếu");
    excel.setCell(other, 0, 0, { formula: `='${small.name}'!D9` });
    return excel;
  },
  run: async (port) => {
    await port.listSheets();
    await port.apply(smallPlan(true, TYPED));
  },
  targets: [small.name],
  replaced: [small.name],
  references: [{ sheet: "Tham chiếu", address: "A1", shows: [5] }],
};

describe.each([smallNew, smallReplace])("$name, failed at every action", (scenario) => {
  it(
    "leaves no typed value changed, no staging sheet, the sheet as it was or complete, and says so",
    async () => {
      const prepared = await scenario.setup();
      const ref = await reference(scenario, prepared);
      expect(ref.writes).toHaveLength(1);
      const [{ request, record }] = ref.writes as [Reference["writes"][number]];
      const indices = workIndices(record);
      expect(indices.length).toBeGreaterThan(50);
      for (const action of indices) await failAt(scenario, prepared, ref.done, request, action);
    },
    RUNS_TIMEOUT_MS,
  );
});

// --- the full-size scenarios -----------------------------------------------------------------------------------------

const HS = { "HS.1": 10, "HS.1.1": 0, "HS.1.2": 10, "HS.2": 10, "HS.2.1": 5, "HS.2.2": 5 };
const valueCell = (code: string) => `D${layout.rowOf.get(code)!}`;

function departments(count: number): EmulatedExcel {
  const excel = new EmulatedExcel();
  for (let i = 1; i <= count; i++) seedAppendix(excel, HS, { name: `Sở ${i}`, unit: `Sở số ${i}` });
  return excel;
}

const install: Scenario = {
  name: "install",
  setup: () => Promise.resolve(departments(1)),
  run: (port) => installAppendix(port, UNIT),
  targets: [UNIT.unit],
  replaced: [],
};

const reinstall: Scenario = {
  name: "re-install",
  setup: async () => {
    const excel = departments(1);
    await hostOver(excel).run((port) => installAppendix(port, UNIT));
    excel.type(UNIT.unit, valueCell("1.1.1"), 7);
    excel.type(UNIT.unit, `E${layout.rowOf.get("1.1.1")!}`, "theo Kế hoạch 12");
    const other = excel.addSheet("Báo cáo");
    excel.setCell(other, 0, 0, { formula: `='${UNIT.unit}'!${valueCell("1.1.1")}` });
    return excel;
  },
  run: (port) => installAppendix(port, { replace: UNIT.unit }),
  targets: [UNIT.unit],
  replaced: [UNIT.unit],
  references: [{ sheet: "Báo cáo", address: "A1", shows: [7] }],
};

const SUMMARY = Object.values(SUMMARY_SHEETS);

const summary: Scenario = {
  name: "a summary of 40 units",
  setup: () => Promise.resolve(departments(40)),
  run: (port) => consolidateWorkbook(port),
  targets: SUMMARY,
  replaced: [],
};

const summaryRewrite: Scenario = {
  name: "a summary of 40 units rewritten in place",
  setup: async () => {
    const excel = departments(40);
    await hostOver(excel).run((port) => consolidateWorkbook(port));
    excel.type("Sở 2", valueCell("HS.2"), 12);
    const other = excel.addSheet("Báo cáo");
    excel.setCell(other, 0, 0, { formula: `='${SUMMARY_SHEETS.form}'!${valueCell("HS.2")}` });
    return excel;
  },
  run: (port) => consolidateWorkbook(port, { replaceSummary: true }),
  targets: SUMMARY,
  replaced: SUMMARY,
  ours: true,
  // The earlier total or the new one, never #REF!.
  references: [{ sheet: "Báo cáo", address: "A1", shows: [400, 402] }],
};

describe.each([install, reinstall, summary, summaryRewrite])(
  "$name, failed at each request's edges and stages",
  (scenario) => {
    it(
      "leaves no typed value changed, no staging sheet, every sheet as it was or complete, and says so",
      async () => {
        const prepared = await scenario.setup();
        const ref = await reference(scenario, prepared);
        expect(ref.writes.length).toBeGreaterThan(0);
        for (const { request, record } of ref.writes)
          for (const action of boundaries(record))
            await failAt(scenario, prepared, ref.done, request, action);
      },
      RUNS_TIMEOUT_MS,
    );
  },
);
