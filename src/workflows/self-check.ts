import type { Bilingual } from "../domain/catalogue";
import { catalogue } from "../domain/catalogue";
import type { CellScalar, SheetGrid } from "../domain/cell";
import { columnLetter } from "../domain/cell";
import type { Finding } from "../domain/findings";
import { COLUMNS, sheetLayout } from "../domain/layout";
import type { Severity } from "../domain/values";
import { installAppendix } from "./install";
import type { Plan, PlanStep, SheetInfo, WorkbookPort } from "./port";
import { PartialPlanError } from "./port";
import { applyFix, checkWorkbook, clearMarks, fillDerived, splitAddress } from "./usecases";
import { uniqueSheetName } from "./template-spec";

// The self-check "Tự kiểm tra": the pane's own use cases, run once through the host on a scratch sheet, so that the
// province's IT person can tell from one copied text how the add-in behaves in their Excel (web, Windows, Mac), where
// nobody on the project can run it. The scratch sheet is the only one written; the workbook is left as found.

/** One request as the host bridge saw it, where the add-in can see the bridge (the preview's emulator). */
export interface WireRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
}

/** What a self-check session has counted of its own requests so far. */
export interface RequestTally {
  /** Sessions with the workbook (Excel.run): each may end with one more request, releasing what it tracked. */
  readonly runs: number;
  /** context.sync() calls the adapter made: each is one request to Excel. */
  readonly syncs: number;
  /** Every request the host bridge saw since the session began; absent where the add-in cannot see it (Excel). */
  readonly wire?: readonly WireRecord[];
}

/** Whether Excel has one requirement set, as Office.context.requirements.isSetSupported answers. */
export interface ApiSetSupport {
  readonly name: string;
  readonly version: string;
  readonly supported: boolean;
}

/** What Excel says about itself (Office.context.diagnostics); absent fields are what it did not say. */
export interface HostFacts {
  /** Office.context.diagnostics.host: "Excel". */
  readonly application?: string;
  /** Office.context.diagnostics.platform: "OfficeOnline", "PC", "Mac", "iOS"… */
  readonly platform?: string;
  /** Office.context.diagnostics.version: "16.0.19231.20156" on Windows. */
  readonly version?: string;
  readonly displayLanguage?: string;
  readonly apiSets: readonly ApiSetSupport[];
}

/** The add-in's marks on one sheet, by severity. */
export type MarkCounts = Readonly<Record<Severity, number>>;

/** One self-check's work with the workbook, each call counted into its tally. */
export interface SelfCheckSession {
  /** A use case over the workbook, as AddinHost.run runs the pane's. */
  run<T>(useCase: (port: WorkbookPort) => Promise<T>): Promise<T>;
  /** How many of the add-in's marks (its conditional formats) the sheet holds. */
  marks(sheet: string): Promise<MarkCounts>;
  /** Makes this sheet the one the user is on, leaving its selection as it was. */
  activateSheet(sheet: string): Promise<void>;
  deleteSheet(sheet: string): Promise<void>;
  /** The requests counted since the session began. */
  tally(): RequestTally;
}

/** What the self-check needs of a host beyond AddinHost: Excel's facts, and counted sessions. */
export interface SelfCheckHost {
  facts(): HostFacts;
  session(): SelfCheckSession;
}

/** The steps of a self-check, in order. */
export const SELF_CHECK_STEPS = [
  "install",
  "type",
  "validate",
  "marks",
  "fix",
  "fill",
  "clear",
  "restore",
  "delete",
  "unchanged",
] as const;

export type SelfCheckStepId = (typeof SELF_CHECK_STEPS)[number];

/** The requests one step (or the whole self-check) cost, as far as the host can tell. */
export interface RequestFigures {
  readonly runs: number;
  readonly syncs: number;
  /** Measured at the host bridge; absent: not measurable (in Excel the add-in cannot see the wire). */
  readonly wire?: {
    readonly requests: number;
    readonly largestRequestBytes: number;
    readonly largestResponseBytes: number;
  };
}

/** What became of one step: passed with what it saw, failed with why, or skipped after an earlier failure. */
export interface SelfCheckStep {
  readonly id: SelfCheckStepId;
  readonly status: "passed" | "failed" | "skipped";
  /** What the step saw (passed) or what went wrong (failed). */
  readonly detail?: Bilingual;
  /** Excel's error code, when Excel refused. */
  readonly code?: string;
  readonly requests: RequestFigures;
}

/** A whole self-check: each step, the requests, and Excel's facts. */
export interface SelfCheckResult {
  readonly passed: boolean;
  readonly startedAt: Date;
  readonly scratchSheet: string;
  readonly steps: readonly SelfCheckStep[];
  readonly requests: RequestFigures;
  readonly facts: HostFacts;
  /** Set when the scratch sheet could not be deleted: the sheet the person must delete by hand. */
  readonly leftBehind?: string;
}

/** A step's outcome not as expected: what was expected and what came, in both languages. */
export class SelfCheckFailure extends Error {
  constructor(
    readonly bilingual: Bilingual,
    /** Excel's error code behind it, if any. */
    readonly code?: string,
  ) {
    super(bilingual.en);
    this.name = "SelfCheckFailure";
  }
}

const LAYOUT = sheetLayout(catalogue);
const UNIT = "Đơn vị tự kiểm tra";

function valueCell(code: string): string {
  const row = LAYOUT.rowOf.get(code);
  if (row === undefined) throw new Error(`The catalogue has no row ${code}`);
  return `${columnLetter(COLUMNS.value)}${row}`;
}

/**
 * What the self-check types, as a person pastes it: the seed's online-service counts with a mistake of the seed's
 * kind ("1.93681" for 1.936, which the balance DV.4 = DV.4.1 + DV.4.2 corrects; not the seed's own "1.93673", which
 * only the preview's sample carries); "02" typed as text, which stays marked as info after the fix so that clearing
 * has marks to clear; and the rate 7.8.4 emptied (its formula deleted, as a person pressing Delete does), which the
 * fill puts back.
 */
export const SELF_CHECK_VALUES: readonly { readonly code: string; readonly value: CellScalar }[] = [
  { code: "DV.4", value: 5621 },
  { code: "DV.4.1", value: "1.93681" },
  { code: "DV.4.2", value: 3685 },
  { code: "1.1.1", value: "02" },
  { code: "7.8.4", value: null },
];
const MISTAKE = "DV.4.1";
const CORRECTED = 1936;
const DERIVED = "7.8.4";

/** The scratch sheet's name: ours by its words, unique by its suffix, and checked against the workbook's names. */
export function scratchSheetName(existing: readonly string[], random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
  return uniqueSheetName(`Tự kiểm tra ${suffix}`, existing);
}

/** The sheet a plan step writes. */
function sheetOf(step: PlanStep): string {
  return step.kind === "addSheet" ? step.spec.name : step.sheet;
}

/**
 * The port the self-check's use cases get: it passes on what reads or writes the scratch sheet and refuses, before
 * anything reaches Excel, whatever would write or read another sheet. The listing, which writes nothing, passes.
 */
export function scratchOnly(port: WorkbookPort, scratch: string): WorkbookPort {
  const refuse = (sheet: string): never => {
    throw new SelfCheckFailure({
      vi: `Tự kiểm tra đã chặn một thao tác trên trang tính “${sheet}”: nó chỉ được làm việc trên trang nháp “${scratch}”. Đây là lỗi của phần bổ trợ; hãy gửi báo cáo này cho người hỗ trợ.`,
      en: `The self-check stopped an operation on sheet “${sheet}”: it may only work on its scratch sheet “${scratch}”. This is a defect of the add-in; please send this report to support.`,
    });
  };
  return {
    listSheets: (options) => port.listSheets(options),
    readSheets: async (names) => {
      names.filter((name) => name !== scratch).forEach(refuse);
      return port.readSheets(names);
    },
    apply: async (plan: Plan) => {
      for (const step of plan.steps) {
        if (sheetOf(step) !== scratch || (step.kind === "addSheet" && step.replace)) refuse(sheetOf(step));
      }
      (plan.readAfter ?? []).filter((name) => name !== scratch).forEach(refuse);
      return port.apply(plan);
    },
  };
}

function figures(from: RequestTally, to: RequestTally): RequestFigures {
  const records = to.wire?.slice(from.wire?.length ?? 0);
  return {
    runs: to.runs - from.runs,
    syncs: to.syncs - from.syncs,
    ...(records
      ? {
          wire: {
            requests: records.length,
            largestRequestBytes: Math.max(0, ...records.map((record) => record.requestBytes)),
            largestResponseBytes: Math.max(0, ...records.map((record) => record.responseBytes)),
          },
        }
      : {}),
  };
}

function codeOf(error: unknown): string | undefined {
  const reason = error instanceof PartialPlanError ? error.reason : error;
  const code = (reason as { code?: unknown } | null)?.code;
  return typeof code === "string" && code ? code : undefined;
}

/** Why a step failed, in both languages: our own and the host's errors carry their words; anything else its text. */
export function reasonOf(error: unknown): Bilingual {
  for (const candidate of [error, error instanceof PartialPlanError ? error.reason : undefined]) {
    const bilingual = (candidate as { bilingual?: { vi?: unknown; en?: unknown } } | null)?.bilingual;
    if (typeof bilingual?.vi === "string" && typeof bilingual.en === "string")
      return { vi: bilingual.vi, en: bilingual.en };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { vi: `Lỗi không lường trước: ${text}`, en: `Unexpected error: ${text}` };
}

function demand(condition: boolean, failure: Bilingual): asserts condition {
  if (!condition) throw new SelfCheckFailure(failure);
}

/** The value cell of an indicator as a read grid holds it. */
function valueCellOf(grid: SheetGrid | undefined, code: string) {
  const row = LAYOUT.rowOf.get(code);
  return row === undefined ? undefined : grid?.cells[row - 1]?.[COLUMNS.value];
}

/** The sheets as a line of the report, the open one starred and hidden ones said so. */
function sheetsLine(infos: readonly SheetInfo[], lang: "vi" | "en"): string {
  const hidden = lang === "vi" ? " (ẩn)" : " (hidden)";
  return infos.map((info) => `${info.name}${info.active ? "*" : ""}${info.visible ? "" : hidden}`).join(", ");
}

function sameWorkbook(before: readonly SheetInfo[], after: readonly SheetInfo[]): boolean {
  const key = (infos: readonly SheetInfo[]) =>
    JSON.stringify(infos.map((info) => [info.name, info.visibility ?? info.visible, info.active === true]));
  return key(before) === key(after);
}

/** An English count with its noun: "1 error", "2 errors". */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Errors, warnings and info in English ("info" has no plural). */
function severities(counts: MarkCounts): string {
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info`;
}

/** Excel's facts, or none where asking for them fails: the report still goes out. */
function factsOf(host: SelfCheckHost): HostFacts {
  try {
    return host.facts();
  } catch {
    return { apiSets: [] };
  }
}

const total = (counts: MarkCounts) => counts.error + counts.warning + counts.info;

/**
 * Runs the self-check: on a scratch sheet it installs the appendix, types values with a mistake, validates and marks,
 * checks the marks are there, applies the one-click fix, fills the derived formulas and clears the marks; then, even
 * when a step failed, puts the user back on their sheet, deletes the scratch sheet and checks that the workbook's
 * sheets are those it found. A step after a failed one is skipped, except those three. Never throws.
 */
export async function runSelfCheck(
  host: SelfCheckHost,
  options: {
    readonly now?: () => Date;
    readonly random?: () => number;
    /** Told each step's outcome as soon as it is known, for the pane to show the self-check going. */
    readonly onStep?: (step: SelfCheckStep) => void;
  } = {},
): Promise<SelfCheckResult> {
  const startedAt = options.now?.() ?? new Date();
  const session = host.session();
  const start = session.tally();
  const steps: SelfCheckStep[] = [];
  let failed = false;
  let before: readonly SheetInfo[] = [];
  let scratch = "";
  let finding: Finding | undefined;

  const record = (outcome: SelfCheckStep) => {
    steps.push(outcome);
    options.onStep?.(outcome);
  };
  const step = async (id: SelfCheckStepId, work: () => Promise<Bilingual>, always = false): Promise<void> => {
    const from = session.tally();
    if (failed && !always) {
      record({ id, status: "skipped", requests: figures(from, from) });
      return;
    }
    try {
      const detail = await work();
      record({ id, status: "passed", detail, requests: figures(from, session.tally()) });
    } catch (error) {
      failed = true;
      const code = codeOf(error);
      record({
        id,
        status: "failed",
        detail: reasonOf(error),
        ...(code ? { code } : {}),
        requests: figures(from, session.tally()),
      });
    }
  };
  const onScratch = <T>(useCase: (port: WorkbookPort) => Promise<T>) =>
    session.run((port) => useCase(scratchOnly(port, scratch)));

  await step("install", async () => {
    before = await session.run((port) => port.listSheets());
    scratch = scratchSheetName(
      before.map((info) => info.name),
      options.random,
    );
    const { sheetName, listed } = await onScratch(async (port) => {
      const outcome = await installAppendix(port, {
        unit: UNIT,
        level: "so",
        period: "2021-Q3",
        sheetName: scratch,
      });
      return { sheetName: outcome.sheetName, listed: await port.listSheets() };
    });
    const made = listed.find((info) => info.name === scratch);
    demand(sheetName === scratch && made?.keyHeader === catalogue.templateVersion, {
      vi: `Sau khi cài, không thấy trang nháp “${scratch}” mang mẫu ${catalogue.templateVersion} (các trang: ${sheetsLine(listed, "vi")}).`,
      en: `After the install, no scratch sheet “${scratch}” holding template ${catalogue.templateVersion} was found (sheets: ${sheetsLine(listed, "en")}).`,
    });
    return {
      vi: `Đã cài phụ lục lên trang nháp “${scratch}” (mẫu ${catalogue.templateVersion}).`,
      en: `Installed the appendix on the scratch sheet “${scratch}” (template ${catalogue.templateVersion}).`,
    };
  });

  await step("type", async () => {
    const grid = await onScratch(async (port) => {
      const cells = SELF_CHECK_VALUES.map(({ code, value }) => ({ address: valueCell(code), value }));
      await port.apply({ steps: [{ kind: "write", sheet: scratch, cells }], readAfter: [scratch] });
      return (await port.readSheets([scratch]))[0];
    });
    const wrong = SELF_CHECK_VALUES.filter(({ code, value }) => {
      const read = valueCellOf(grid, code);
      return value === null
        ? read?.formula !== undefined || (read?.value ?? null) !== null
        : read?.value !== value;
    });
    demand(wrong.length === 0, {
      vi: `Đọc lại không thấy giá trị đã nhập ở ${wrong.map(({ code }) => `${code} (${valueCell(code)})`).join(", ")}.`,
      en: `Reading back did not show the typed values at ${wrong.map(({ code }) => `${code} (${valueCell(code)})`).join(", ")}.`,
    });
    const typed = (emptied: string) =>
      SELF_CHECK_VALUES.map(
        ({ code, value }) =>
          `${code} ${valueCell(code)} = ${value === null ? emptied : JSON.stringify(value)}`,
      ).join("; ");
    return {
      vi: `Đã nhập và đọc lại: ${typed("(xóa trống)")}.`,
      en: `Typed and read back: ${typed("(emptied)")}.`,
    };
  });

  await step("validate", async () => {
    const result = await onScratch((port) => checkWorkbook(port, { sheets: [scratch], mark: true }));
    const sheet = result.sheets.find((item) => item.sheet === scratch);
    const target = `${valueCell(MISTAKE)}`;
    finding = sheet?.findings.find(
      (item) =>
        item.suggestion && splitAddress(item.suggestion.cell).address === target && item.severity === "error",
    );
    demand(finding?.suggestion?.value === CORRECTED, {
      vi: `Kiểm tra không tìm ra lỗi ở ${MISTAKE} (${target}) với đề xuất sửa thành 1.936 (${sheet ? `${sheet.counts.error} lỗi, ${sheet.counts.warning} cảnh báo, ${sheet.counts.info} thông tin` : "không có kết quả cho trang nháp"}).`,
      en: `Validation found no error at ${MISTAKE} (${target}) suggesting 1,936 (${sheet ? `${severities(sheet.counts)}` : "no result for the scratch sheet"}).`,
    });
    return {
      vi: `Tìm ra lỗi ở ${target}: “${finding.message.vi}” (${sheet!.counts.error} lỗi, ${sheet!.counts.info} thông tin).`,
      en: `Found the error at ${target}: “${finding.message.en}” (${severities(sheet!.counts)}).`,
    };
  });

  await step("marks", async () => {
    const counts = await session.marks(scratch);
    demand(counts.error >= 1 && counts.info >= 1, {
      vi: `Không thấy đủ dấu đánh dấu trên trang nháp: ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} thông tin (cần ít nhất 1 lỗi và 1 thông tin).`,
      en: `The scratch sheet lacks the expected marks: ${severities(counts)} (at least 1 error and 1 info expected).`,
    });
    return {
      vi: `Có dấu đánh dấu: ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} thông tin.`,
      en: `Marks present: ${severities(counts)}.`,
    };
  });

  await step("fix", async () => {
    const fix = finding!;
    const { result, grid } = await onScratch(async (port) => ({
      result: await applyFix(port, fix, { mark: true }),
      grid: (await port.readSheets([scratch]))[0],
    }));
    const errors = result.sheets.find((item) => item.sheet === scratch)?.counts.error;
    const value = valueCellOf(grid, MISTAKE)?.value;
    demand(value === CORRECTED && errors === 0, {
      vi: `Sau khi sửa, ${valueCell(MISTAKE)} là ${JSON.stringify(value)} (cần 1936) và trang còn ${errors ?? "?"} lỗi.`,
      en: `After the fix, ${valueCell(MISTAKE)} holds ${JSON.stringify(value)} (1936 expected) and the sheet has ${errors === undefined ? "? errors" : plural(errors, "error")}.`,
    });
    return {
      vi: `Đã sửa ${valueCell(MISTAKE)} thành 1.936; kiểm tra lại: không còn lỗi.`,
      en: `Fixed ${valueCell(MISTAKE)} to 1,936; checked again: no error left.`,
    };
  });

  await step("fill", async () => {
    const { result, grid } = await onScratch(async (port) => ({
      result: await fillDerived(port, { sheet: scratch, mark: true }),
      grid: (await port.readSheets([scratch]))[0],
    }));
    const formulas = result.outcomes.filter((outcome) => outcome.action === "formula");
    const derived = valueCellOf(grid, DERIVED)?.formula;
    const restored = formulas.some((outcome) => outcome.code === DERIVED);
    demand(restored && typeof derived === "string" && derived.startsWith("="), {
      vi: `Sau khi điền, ô tỷ lệ ${DERIVED} (${valueCell(DERIVED)}) không có công thức (${formulas.length} công thức được ghi).`,
      en: `After the fill, the rate ${DERIVED} (${valueCell(DERIVED)}) holds no formula (${plural(formulas.length, "formula")} written).`,
    });
    return {
      vi: `Đã điền ${formulas.length} công thức tỷ lệ; ${valueCell(DERIVED)} = ${derived}.`,
      en: `Filled ${plural(formulas.length, "rate formula")}; ${valueCell(DERIVED)} = ${derived}.`,
    };
  });

  await step("clear", async () => {
    const marked = await session.marks(scratch);
    demand(total(marked) > 0, {
      vi: "Trước khi xóa dấu, trang nháp không còn dấu nào để xóa (cần còn dấu thông tin của ô “02”).",
      en: "Before clearing, the scratch sheet held no mark to clear (the info mark of the “02” cell was expected).",
    });
    await onScratch((port) => clearMarks(port, { sheets: [scratch] }));
    const left = await session.marks(scratch);
    demand(total(left) === 0, {
      vi: `Sau khi xóa dấu vẫn còn ${total(left)} dấu trên trang nháp.`,
      en: `After clearing, ${plural(total(left), "mark")} still on the scratch sheet.`,
    });
    return {
      vi: `Đã xóa ${total(marked)} dấu; trang nháp không còn dấu nào.`,
      en: `Cleared ${plural(total(marked), "mark")}; none left on the scratch sheet.`,
    };
  });

  const active = before.find((info) => info.active)?.name;
  await step(
    "restore",
    async () => {
      if (!active) {
        return {
          vi: "Excel không cho biết trang đang mở lúc bắt đầu: không có gì để mở lại.",
          en: "Excel did not tell which sheet was open at the start: nothing to go back to.",
        };
      }
      await session.activateSheet(active);
      return { vi: `Đã mở lại trang “${active}”.`, en: `Back on sheet “${active}”.` };
    },
    true,
  );

  let leftBehind: string | undefined;
  await step(
    "delete",
    async () => {
      if (!scratch) return { vi: "Chưa tạo trang nháp nào.", en: "No scratch sheet was made." };
      try {
        const listed = await session.run((port) => port.listSheets());
        if (!listed.some((info) => info.name === scratch)) {
          return {
            vi: `Không có trang nháp “${scratch}” để xóa.`,
            en: `There is no scratch sheet “${scratch}” to delete.`,
          };
        }
        await session.deleteSheet(scratch);
      } catch (error) {
        leftBehind = scratch;
        const reason = reasonOf(error);
        throw new SelfCheckFailure(
          {
            vi: `Không xóa được trang nháp: hãy tự xóa trang tính “${scratch}”. ${reason.vi}`,
            en: `The scratch sheet could not be deleted: please delete sheet “${scratch}” yourself. ${reason.en}`,
          },
          codeOf(error),
        );
      }
      return { vi: `Đã xóa trang nháp “${scratch}”.`, en: `Deleted the scratch sheet “${scratch}”.` };
    },
    true,
  );

  await step(
    "unchanged",
    async () => {
      demand(before.length > 0, {
        vi: "Không so sánh được: lúc đầu không đọc được danh sách trang tính.",
        en: "Nothing to compare with: the sheets could not be listed at the start.",
      });
      const after = await session.run((port) => port.listSheets());
      demand(sameWorkbook(before, after), {
        vi: `Các trang tính không còn như lúc đầu. Trước: ${sheetsLine(before, "vi")}. Sau: ${sheetsLine(after, "vi")}.`,
        en: `The sheets are not as they were. Before: ${sheetsLine(before, "en")}. After: ${sheetsLine(after, "en")}.`,
      });
      return {
        vi: `Các trang tính như lúc đầu (${after.length} trang, trang đang mở “${active ?? "?"}”).`,
        en: `The sheets are as they were (${plural(after.length, "sheet")}, the open one “${active ?? "?"}”).`,
      };
    },
    true,
  );

  return {
    passed: steps.every((item) => item.status === "passed"),
    startedAt,
    scratchSheet: scratch,
    steps,
    requests: figures(start, session.tally()),
    facts: factsOf(host),
    ...(leftBehind ? { leftBehind } : {}),
  };
}
