import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Bilingual } from "../domain/catalogue";
import type { Consolidation, ProvinceFigures, RoleMap } from "../workflows/consolidate";
import {
  ConsolidationError,
  Consolidator,
  parseExpected,
  parseRoles,
  previousPeriodOf,
  readUnits,
} from "../workflows/consolidate";
import { readWorkbookFile, WorkbookReadError } from "./xlsx/read";
import { writeSummaryFile } from "./xlsx/summary";

/** Exit codes as `validate` has them: 2 (could not do the job for a file) wins over 1 (a unit has errors). */
const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** Where the command writes: results on out, progress and problems on err. */
export interface ConsolidateOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The usage lines of the consolidate command, for the CLI's help. */
export const CONSOLIDATE_USAGE =
  "  cchc-appendix consolidate FILE.xlsx... -o TONG-HOP.xlsx [--expect don-vi.txt] [--previous KY-TRUOC.xlsx] [--roles vai-tro.txt]\n";

const HELP = `Cách dùng / Usage:
${CONSOLIDATE_USAGE}
  --expect    danh sách đơn vị phải báo cáo, mỗi dòng một tên / units expected to report, one name per line
  --previous  bảng tổng hợp hoặc phụ lục kỳ trước / the previous period's summary or appendices
  --roles     "Tên đơn vị<TAB hoặc ;>vpubnd|snv|stttt" mỗi dòng / one "Unit name<TAB or ;>role" per line

Mã thoát / Exit codes: 0 không có lỗi / no error; 1 có đơn vị còn lỗi / some unit has errors; 2 không đọc được tệp hoặc tham số sai / a file could not be read or bad arguments.
`;

class Failure extends Error {
  constructor(
    readonly bilingual: Bilingual,
    readonly usage = false,
  ) {
    super(bilingual.en);
  }
}

function say(output: ConsolidateOutput, text: Bilingual, prefix = ""): void {
  output.err(`${prefix}${text.vi}\n${prefix}${text.en}\n`);
}

async function readText(path: string, what: Bilingual): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "?";
    throw new Failure({
      vi: `Không đọc được ${what.vi} ${path} (${code}).`,
      en: `Cannot read the ${what.en} ${path} (${code}).`,
    });
  }
}

function readError(error: unknown): Bilingual {
  if (error instanceof WorkbookReadError) return error.bilingual;
  const detail = error instanceof Error ? error.message : String(error);
  return { vi: `Không đọc được tệp: ${detail}`, en: `Cannot read the file: ${detail}` };
}

async function previousOf(path: string): Promise<ProvinceFigures> {
  try {
    return previousPeriodOf(await readWorkbookFile(path), path);
  } catch (error) {
    if (error instanceof ConsolidationError) throw new Failure(error.bilingual);
    const reason = readError(error);
    throw new Failure({
      vi: `Tệp kỳ trước ${path}: ${reason.vi}`,
      en: `Previous period file ${path}: ${reason.en}`,
    });
  }
}

function outcomeText(consolidation: Consolidation, path: string): Bilingual {
  const units = consolidation.units.filter((unit) => unit.included);
  const withErrors = units.filter((unit) => unit.counts.error > 0).length;
  const warnings = consolidation.issues.filter((issue) => issue.severity !== "info").length;
  return {
    vi:
      `Đã tổng hợp ${units.length} đơn vị vào ${path}: ${withErrors} đơn vị còn lỗi, ` +
      `${consolidation.requests.length} yêu cầu sửa, ${consolidation.missingUnits.length} đơn vị chưa có phụ lục, ` +
      `${warnings} cảnh báo khi tổng hợp.`,
    en:
      `Consolidated ${units.length} units into ${path}: ${withErrors} with errors, ` +
      `${consolidation.requests.length} correction requests, ${consolidation.missingUnits.length} expected units missing, ` +
      `${warnings} consolidation warnings.`,
  };
}

/**
 * `cchc-appendix consolidate FILE... -o SUMMARY.xlsx [--expect units.txt] [--previous LAST.xlsx] [--roles
 * roles.txt]`: reads the files one at a time (progress "[i/n] file" on stderr), keeps only each unit's numbers,
 * and writes the province's summary. Returns 0, 1 when a unit has errors, 2 when a file or an argument is unusable.
 */
export async function consolidateCommand(
  args: readonly string[],
  output: ConsolidateOutput,
): Promise<number> {
  try {
    return await run(args, output);
  } catch (error) {
    if (error instanceof Failure) {
      say(output, error.bilingual);
      if (error.usage) output.err(`\n${HELP}`);
      return EXIT.failure;
    }
    if (error instanceof ConsolidationError) {
      say(output, error.bilingual);
      return EXIT.failure;
    }
    throw error;
  }
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" },
        expect: { type: "string" },
        previous: { type: "string" },
        roles: { type: "string" },
      },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Failure({ vi: `Tham số không hợp lệ: ${detail}`, en: `Invalid arguments: ${detail}` }, true);
  }
}

async function run(args: readonly string[], output: ConsolidateOutput): Promise<number> {
  const { values, positionals: files } = parse(args);
  if (!values.output) {
    throw new Failure(
      { vi: "Thiếu tên tệp tổng hợp: -o TONG-HOP.xlsx.", en: "Missing the summary file: -o SUMMARY.xlsx." },
      true,
    );
  }
  if (!files.length) {
    throw new Failure({ vi: "Chưa chỉ định tệp cần tổng hợp.", en: "No file to consolidate." }, true);
  }
  const roles: RoleMap = values.roles
    ? parseRoles(await readText(values.roles, { vi: "tệp vai trò", en: "roles file" }))
    : new Map();
  const expected = values.expect
    ? parseExpected(await readText(values.expect, { vi: "danh sách đơn vị", en: "list of units" }))
    : undefined;
  const previous = values.previous ? await previousOf(values.previous) : undefined;

  const consolidator = new Consolidator({
    roles,
    ...(expected ? { expected } : {}),
    ...(previous ? { previous } : {}),
  });
  let failed = false;
  for (const [index, path] of files.entries()) {
    const file = basename(path);
    output.err(`[${index + 1}/${files.length}] ${file}\n`);
    let grids;
    try {
      grids = await readWorkbookFile(path);
    } catch (error) {
      failed = true;
      const reason = readError(error);
      say(output, reason, `${file}: `);
      consolidator.addExcluded({ file, reason });
      continue;
    }
    const found = readUnits(grids, file);
    for (const sheet of found.summaries) {
      const reason = {
        vi: "Trang tổng hợp: không cộng lại lần nữa.",
        en: "A summary sheet: never summed again.",
      };
      consolidator.addExcluded({ file, sheet, reason });
    }
    if (found.summaries.length) {
      say(
        output,
        {
          vi: `bỏ qua ${found.summaries.length} trang tổng hợp (không cộng lại lần nữa).`,
          en: `skipped ${found.summaries.length} summary sheets (never summed again).`,
        },
        `${file}: `,
      );
    }
    for (const { sheet, version } of found.unknownVersions) {
      consolidator.addUnknownVersion(version, file, sheet);
    }
    for (const unit of found.units) consolidator.add(unit);
    if (!found.units.length && !found.summaries.length && !found.unknownVersions.length) {
      failed = true;
      const reason = {
        vi: `Tệp không có trang tính nào chứa phụ lục thống kê CCHC (đã xem: ${found.skipped.join(", ") || "không có trang nào"}).`,
        en: `No sheet of this file holds a CCHC appendix (looked at: ${found.skipped.join(", ") || "no sheet"}).`,
      };
      say(output, reason, `${file}: `);
      consolidator.addExcluded({ file, reason });
    }
  }
  // Throws for appendices of different template versions, or when nothing could be read: no summary is written.
  const consolidation = consolidator.result();
  try {
    await writeSummaryFile(consolidation, values.output);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause instanceof Error ? cause.message : "?");
    throw new Failure({
      vi: `Không ghi được tệp tổng hợp ${values.output} (${code}).`,
      en: `Cannot write the summary file ${values.output} (${code}).`,
    });
  }
  const outcome = outcomeText(consolidation, values.output);
  output.out(`${outcome.vi}\n${outcome.en}\n`);
  if (failed) return EXIT.failure;
  return consolidation.hasErrors ? EXIT.findings : EXIT.ok;
}
