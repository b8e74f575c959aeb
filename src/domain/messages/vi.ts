import type { Level } from "../catalogue";
import { REFORM_PERIOD } from "../catalogue/constants";
import { RULE_KIND_WORD } from "../forms/kind-words";
import { periodStartText } from "../meta";
import { formatCount } from "../format";
import { vietnameseWords } from "../number-words";
import { PERCENT_SCALE } from "../values";
import type {
  ConsolidationFindingParams,
  ConsolidationTextParams,
  DefinitionPlace,
  DefinitionProblemParams,
  DomainFindingParams,
  ErrorParams,
  ExpectedToken,
  ExpressionProblem,
  ExpressionTemplates,
  FileRole,
  FindingParamsByKind,
  LanguageTemplates,
  MessageContext,
  Templates,
  RowMismatch,
} from "./kinds";
import { viLabels } from "./labels-vi";
import {
  alternatives,
  characterAt,
  conflictShown,
  derivedFigures,
  implausibleFigures,
  readingShown,
  relationSides,
  mismatchGroups,
} from "./shared";
import {
  amountOfValue,
  amountText,
  legendText,
  nameList,
  nameOfCode,
  periodName,
  quotedValue,
  rawShown,
  roleNameIn,
} from "./words";

const VI_LEVELS: Readonly<Record<Level, string>> = { so: "Sở, ngành", huyen: "Huyện", xa: "Xã" };

// Every message in Vietnamese, as a department's clerk reads it.

const LEVEL: Readonly<Record<"so" | "huyen" | "xa", string>> = { so: "sở, ngành", huyen: "huyện", xa: "xã" };

/** The whole number a not-whole count most likely meant: ungrouped (the dot was the mistake) and in words. */
function meantNumber(amount: number): string {
  const words = vietnameseWords(amount);
  return words ? `${amount} (${words})` : String(amount);
}

function relation(
  kind: string,
  params: DomainFindingParams["balance_mismatch"],
  context: MessageContext,
): string {
  const { left, right, fmt, difference } = relationSides(params, context, "vi");
  const total = (side: readonly string[], sum: number) => (side.length > 1 ? ` = ${fmt(sum)}` : "");
  let text: string;
  switch (kind) {
    case "balance_mismatch":
      text = `${left} khác ${right}: chênh lệch ${difference}.`;
      break;
    case "ofWhich_shortfall":
      text = `Tổng các chỉ tiêu "trong đó" ${left} = ${fmt(params.left)} nhỏ hơn ${right}: còn ${difference} chưa phân loại.`;
      break;
    case "stock_shortfall":
      text = `${left} = ${fmt(params.left)} nhỏ hơn ${right}: còn ${difference} hồ sơ (bị trả lại hoặc đã rút?).`;
      break;
    default:
      text = `${left}${total(params.leftCodes, params.left)} lớn hơn ${right}${total(params.rightCodes, params.right)}: vượt ${difference}.`;
  }
  if (params.suspect !== undefined && params.suggested !== undefined) {
    text += ` Chỉ tiêu có khả năng sai: ${nameOfCode(context, params.suspect, "vi")}; đề xuất ${amountText(context, params.suspect, params.suggested, "vi")}.`;
  } else if (params.candidates?.length) {
    const names = params.candidates.map((code) => nameOfCode(context, code, "vi")).join("; ");
    text += ` Không xác định được chỉ tiêu nào sai; có thể là một trong các chỉ tiêu: ${names}.`;
  }
  return text;
}

function implausible(params: DomainFindingParams["implausible_high"], context: MessageContext): string {
  const { figure, limit, lowBound } = implausibleFigures(params, context, "vi");
  const lead = `${params.province ? "Toàn tỉnh: " : ""}${nameOfCode(context, params.code, "vi")}`;
  const what = params.computed ? `tính từ số liệu chi tiết được ${figure}` : `ghi ${figure}`;
  if (params.bound === "min") {
    const why =
      lowBound === -100 * PERCENT_SCALE && context.rows.get(params.code)?.mayBeNegative
        ? ": số hiện nay hơn gấp đôi năm 2015 (có thể do sáp nhập); kiểm tra lại số liệu."
        : ": kiểm tra lại số liệu.";
    return `${lead}: ${what}, thấp hơn mức hợp lý ${limit}${why}`;
  }
  const at = params.level ? ` của một đơn vị cấp ${LEVEL[params.level]}` : "";
  return `${lead}: ${what}, vượt mức hợp lý ${limit}${at}: có thể gõ nhầm (dấu phân cách hàng nghìn, số của chỉ tiêu khác); kiểm tra lại.`;
}

/** The Vietnamese templates of a consolidation's own findings. */
const viConsolidation: Templates<ConsolidationFindingParams> = {
  mixed_periods: (p) => {
    const list = p.periods.map(
      (id, at) => `${periodName(id, "vi")}: ${formatCount(p.counts[at] ?? 0, "vi")}`,
    );
    return `Các phụ lục ghi kỳ báo cáo khác nhau (${list.join("; ")}); tổng hợp theo kỳ ${periodName(p.period, "vi")}.`;
  },
  duplicate_unit: (p) =>
    `Có hai phụ lục khác nhau cùng tên đơn vị "${p.unit}" (${p.first} và ${p.second}): cả hai đều được cộng. Nếu là bản gửi lại, hãy bỏ bản cũ; nếu là hai đơn vị, hãy ghi tên đầy đủ để phân biệt.`,
  duplicate_appendix: (p) =>
    `Phụ lục của "${p.unit}" có hai lần với cùng số liệu (${p.first} và ${p.second}): chỉ tính một lần.`,
  unit_unnamed: () => "Phụ lục chưa ghi tên đơn vị báo cáo (dòng 4): không xác định được đơn vị.",
  unit_without_level: (p) =>
    `Phụ lục chưa ghi cấp của đơn vị (${p.levels.map((level) => VI_LEVELS[level]).join("; ")}): số liệu chưa được cộng vào các chỉ tiêu tính theo cấp.`,
  district_left_out: (p) =>
    `Phụ lục ghi cấp ${VI_LEVELS[p.level]} cho kỳ ${periodName(p.period, "vi")}, nhưng từ ${periodStartText(REFORM_PERIOD).vi} không còn cấp huyện: số liệu không được cộng vào các chỉ tiêu tính theo cấp.`,
  other_period: (p) =>
    `Phụ lục ghi kỳ ${periodName(p.period, "vi")}, khác kỳ tổng hợp ${periodName(p.expected, "vi")}.`,
  role_twice: (p, c) =>
    `Nhiều đơn vị cùng vai trò ${roleNameIn(c, p.role, "vi")} (${nameList(p.units, "vi")}): lấy số liệu của ${p.units[0] ?? ""}. Sửa tệp vai trò.`,
  roles_missing: (_p, c) =>
    `Chưa có tệp vai trò (--roles): các chỉ tiêu do một cơ quan báo cáo cho toàn tỉnh (${nameList(c.codes, "vi", 8, "indicators")}) để trống.`,
  role_missing: (p, c) =>
    `Không có phụ lục của ${roleNameIn(c, p.role, "vi")} (vai trò ${p.role}): các chỉ tiêu ${nameList(c.codes, "vi", 8, "indicators")} để trống.`,
  unexpected_unit: (p) =>
    `Đơn vị "${p.unit}" không có trong danh sách đơn vị phải báo cáo: kiểm tra lại tên đơn vị ở dòng 4.`,
  expected_district_after_reform: (p) =>
    `Danh sách đơn vị phải báo cáo còn ${p.units.length} đơn vị cấp huyện (${nameList(p.units, "vi")}): từ ${periodStartText(REFORM_PERIOD).vi} không còn cấp huyện, kỳ ${periodName(p.period, "vi")} không chờ phụ lục của các đơn vị này; hãy bỏ khỏi danh sách.`,
  previous_not_earlier: (p) =>
    `Tệp kỳ trước là kỳ ${periodName(p.previous, "vi")}, không trước kỳ ${periodName(p.period, "vi")}: không so sánh giữa hai kỳ.`,
  previous_not_adjacent: (p, c) =>
    `Kỳ trước (${periodName(p.previous, "vi")}) không liền kề kỳ ${periodName(p.period, "vi")}: không so sánh ${nameOfCode(c, c.codes[0] ?? "", "vi")} với ${nameOfCode(c, c.codes[1] ?? "", "vi")} của kỳ trước.`,
  cumulative_decreased: (p, c) =>
    `${p.province ? "Toàn tỉnh: " : ""}${nameOfCode(c, p.code, "vi")} là số lũy kế nhưng giảm từ ${formatCount(p.previous, "vi")} (kỳ trước) xuống ${formatCount(p.now, "vi")}.`,
  carried_over_mismatch: (p, c) => {
    const [carried, pending] = [c.codes[0] ?? "", c.codes[1] ?? ""];
    return `${p.province ? "Toàn tỉnh: " : ""}${nameOfCode(c, carried, "vi")} = ${formatCount(p.now, "vi")} khác ${nameOfCode(c, pending, "vi")} cuối kỳ trước = ${formatCount(p.previous, "vi")}: chênh lệch ${formatCount(p.difference, "vi")}.`;
  },
  hidden_sheet: (p) => {
    const where =
      p.file === undefined ? `trang tính '${p.sheet}'` : `trang tính '${p.sheet}' của tệp ${p.file}`;
    return `Phụ lục của "${p.unit}" nằm trên ${where} đang bị ẩn: số liệu vẫn được cộng. Hiện trang tính (Unhide) để kiểm tra.`;
  },
  forms_mixed: (p) => {
    const left = mismatchGroups(p.differs, p.reasons).map(
      ([reason, codes]) => `${MISMATCH_VI[reason]}: ${codes.join(", ")}`,
    );
    if (p.absent.length)
      left.push(`${p.absent.length} chỉ tiêu không có trong mẫu ${p.form}: ${p.absent.join(", ")}`);
    if (p.extra.length)
      left.push(`${p.extra.length} chỉ tiêu chỉ có trong mẫu ${p.form}: ${p.extra.join(", ")}`);
    const summed = p.common.length
      ? `chỉ được cộng ở ${p.common.length} chỉ tiêu hai mẫu ghi giống nhau (cùng mã, loại, đơn vị tính, cách tổng hợp): ${p.common.join(", ")}`
      : "không được cộng ở chỉ tiêu nào: hai mẫu không có chỉ tiêu nào ghi giống nhau";
    return `Bảng tổng hợp theo mẫu ${p.lead} (${p.leadUnits} đơn vị); phụ lục của ${p.units} đơn vị theo mẫu ${p.form} ${summed}. Không tổng hợp: ${left.join("; ")}.`;
  },
};

/** Why a row is not consolidated across two forms, as a list of left-out rows heads it. */
const MISMATCH_VI: Readonly<Record<Exclude<RowMismatch, "absent">, string>> = {
  kind: "khác loại (số đếm, tỷ lệ hay mã)",
  unit: "khác đơn vị tính",
  legend: "khác giá trị cho phép",
  aggregation: "khác cách tổng hợp",
  role: "khác cơ quan báo cáo",
  scope: "khác cấp hoặc kỳ phải báo cáo",
  formula: "khác công thức tính",
  inputs: "tính từ chỉ tiêu không tổng hợp được",
};

/** The Vietnamese templates of every finding: an appendix's validation and a consolidation. */
const findings: Templates<FindingParamsByKind> = {
  ...viConsolidation,
  text_number: (p, c) =>
    `${nameOfCode(c, p.code, "vi")}: "${p.raw}" là số được lưu dạng văn bản; đọc là ${readingShown(p, c, "vi")}. Nên chuyển thành số.`,
  not_whole_number: (p, c) => {
    const row = c.rows.get(p.code);
    const meant = p.value === undefined ? undefined : meantNumber(amountOfValue(row, p.value));
    return `${nameOfCode(c, p.code, "vi")}: ${quotedValue(p, "vi")} không phải số nguyên (có thể đã gõ dấu phân cách hàng nghìn thành dấu thập phân)${meant ? `; có phải ${meant}?` : "."}`;
  },
  malformed_number: (p, c) => {
    const shown = readingShown(p, c, "vi");
    return `${nameOfCode(c, p.code, "vi")}: "${p.raw}" không phải một số hợp lệ${shown ? `; theo số liệu cân đối, giá trị đúng có thể là ${shown}` : ""}.`;
  },
  not_a_count: (p, c) =>
    `${nameOfCode(c, p.code, "vi")}: ${quotedValue(p, "vi")} không phải số đếm (số nguyên không âm).`,
  not_a_percent: (p, c) => `${nameOfCode(c, p.code, "vi")}: "${p.raw}" không phải tỷ lệ phần trăm.`,
  ambiguous_percent: (p, c) => {
    const typed = p.stored ?? Number(p.raw.replace(",", "."));
    return `${nameOfCode(c, p.code, "vi")}: ${quotedValue(p, "vi")} không có định dạng %: là ${formatCount(typed, "vi")}% hay ${formatCount(typed * 100, "vi")}%? Hãy nhập rõ, ví dụ 100%.`;
  },
  percent_out_of_range: (p, c) =>
    `${nameOfCode(c, p.code, "vi")}: ${quotedValue(p, "vi")} nằm ngoài khoảng 0–100%${c.rows.get(p.code)?.mayBeNegative ? " (tỷ lệ cắt giảm không quá 100%)" : ""}.`,
  negative_reduction: (p, c) =>
    `${nameOfCode(c, p.code, "vi")}: ghi ${readingShown(p, c, "vi")}, tức là số hiện nay lớn hơn năm 2015. Kiểm tra lại nếu không đúng thực tế.`,
  not_in_legend: (p, c) =>
    `${nameOfCode(c, p.code, "vi")}: ${quotedValue(p, "vi")} không thuộc các giá trị cho phép (${legendText(c.rows.get(p.code)?.codes, "vi")}).`,
  not_a_value: (p, c) =>
    `${nameOfCode(c, p.code, "vi")}: ô chứa ${rawShown(p.raw, "vi")}, không phải giá trị của chỉ tiêu này.`,
  unsafe_formula: (p, c) =>
    `${nameOfCode(c, p.code, "vi")}: ô chứa công thức lấy dữ liệu từ bên ngoài (${p.raw}); hãy nhập trực tiếp giá trị số.`,
  heading_has_value: (p, c) =>
    `${nameOfCode(c, p.code, "vi")} là dòng tiêu đề, không nhập số liệu (đang có ${quotedValue(p, "vi")}).`,
  conflicting_rows: (p, c) => {
    const [first, second] = conflictShown(p, c, "vi", "trống");
    return `${nameOfCode(c, p.code, "vi")} được ghi ở hai dòng với số liệu khác nhau: dòng ${p.rows[0]} (${first}) và dòng ${p.rows[1]} (${second}); không xác định được số liệu nào đúng. Giữ một dòng, xóa dòng kia hoặc sửa lại mã của nó.`;
  },
  derived_truncated: (p, c) => {
    const { typed, computed, from } = derivedFigures(p, "vi");
    return `${nameOfCode(c, p.code, "vi")}: ${typed} khớp với ${from} khi cắt bớt chữ số thập phân; làm tròn đúng là ${computed}.`;
  },
  derived_mismatch: (p, c) => {
    const { typed, computed, from } = derivedFigures(p, "vi");
    return `${nameOfCode(c, p.code, "vi")}: ghi ${typed} nhưng tính từ số liệu chi tiết ${from} được ${computed}.`;
  },
  balance_mismatch: (p, c) => relation("balance_mismatch", p, c),
  order_violated: (p, c) => relation("order_violated", p, c),
  ofWhich_exceeded: (p, c) => relation("ofWhich_exceeded", p, c),
  ofWhich_shortfall: (p, c) => relation("ofWhich_shortfall", p, c),
  stock_exceeded: (p, c) => relation("stock_exceeded", p, c),
  stock_shortfall: (p, c) => relation("stock_shortfall", p, c),
  pattern_copy: (p, c) => {
    const [a, b] = p.blocks.map((code) => nameOfCode(c, code, "vi"));
    return `Số liệu mục ${a} trùng khớp từng chỉ tiêu với mục ${b}: có thể đã sao chép nhầm.`;
  },
  empty_appendix: () => "Phụ lục chưa có số liệu nào.",
  incomplete: (p, c) => `Còn ${p.blank} chỉ tiêu chưa nhập: ${c.codes.join(", ")}.`,
  implausible_high: (p, c) => implausible(p, c),
  implausible_low: (p, c) => implausible(p, c),
  district_after_reform: (p) =>
    `Phụ lục là của cấp huyện (${p.unit === undefined ? "ghi cấp Huyện" : `đơn vị “${p.unit}”`}) nhưng báo cáo kỳ ${periodName(p.period, "vi")}: từ ${periodStartText(REFORM_PERIOD).vi} không còn cấp huyện (chính quyền địa phương hai cấp). Kiểm tra lại tên đơn vị, cấp và kỳ báo cáo ở dòng 4.`,
  row_not_applicable: (p, c) =>
    `${nameOfCode(c, p.code, "vi")} không áp dụng từ ${periodStartText(p.from).vi}: kỳ ${periodName(p.period, "vi")} không cần nhập chỉ tiêu này; số liệu đã nhập không được tổng hợp.`,
  level_unknown: (p) => {
    const levels = alternatives(
      p.levels.map((level) => `“${VI_LEVELS[level]}”`),
      "vi",
    );
    const stated =
      p.typed === undefined
        ? `Phụ lục không có dòng 4 (“Đơn vị báo cáo:” ở cột A) nên chưa ghi cấp của đơn vị: thêm dòng này, ghi cấp ở cột D (${levels}).`
        : p.typed === ""
          ? `Dòng 4 chưa ghi cấp của đơn vị: hãy ghi ${levels}.`
          : `Cấp của đơn vị ở dòng 4 ghi “${p.typed}”, không phải cấp nào của mẫu: hãy ghi ${levels}.`;
    return `${stated} Chưa rõ cấp thì không kiểm tra được các chỉ tiêu theo cấp, và khi tổng hợp số liệu không được cộng vào các chỉ tiêu tính theo cấp.`;
  },
  period_unknown: (p) => {
    const forms = "“Quý III/2021”, “6 tháng/2021” hoặc “Năm 2021” (quý I–IV, năm 2000–2099)";
    const stated =
      p.typed === undefined
        ? `Phụ lục không có dòng 4 (“Đơn vị báo cáo:” ở cột A) nên chưa ghi kỳ báo cáo: thêm dòng này, ghi kỳ ở cột E theo dạng ${forms}.`
        : p.typed === ""
          ? `Dòng 4 chưa ghi kỳ báo cáo: hãy ghi theo dạng ${forms}.`
          : `Kỳ báo cáo ở dòng 4 ghi “${p.typed}”, không đọc được là kỳ nào: hãy ghi theo dạng ${forms}.`;
    return `${stated} Chưa rõ kỳ thì không kiểm tra được các chỉ tiêu theo kỳ (không còn cấp huyện từ ${periodStartText(REFORM_PERIOD).vi}), và khi tổng hợp không biết số liệu thuộc kỳ nào.`;
  },
};

/** The Vietnamese texts of a consolidation that are not findings. */
const texts: Templates<ConsolidationTextParams> = {
  remark_missing: (p) => `Thiếu số liệu của ${p.units.length} đơn vị: ${nameList(p.units, "vi")}.`,
  remark_unreadable: (p) => `Không đọc được số liệu của: ${nameList(p.units, "vi")}.`,
  remark_ignored: (p) =>
    `Không tính số liệu của đơn vị không thuộc phạm vi chỉ tiêu: ${nameList(p.units, "vi")}.`,
  flag_with_errors: (p) =>
    `Số liệu gồm ${p.units.length} đơn vị có phụ lục còn lỗi: ${nameList(p.units, "vi")}.`,
  listed_rate_without_counts: () =>
    "Tỷ lệ ghi không kèm số liệu chi tiết: không tính vào tỷ lệ chung (không lấy trung bình các tỷ lệ).",
  listed_coded: () => "Chỉ tiêu dạng mã: liệt kê theo đơn vị, bảng tổng hợp ghi mức thấp nhất.",
  listed_rate: () => "Tỷ lệ không có số liệu chi tiết để tính lại: không cộng được, không lấy trung bình.",
  lead_recomputed: (p) => {
    // "cấp Sở, ngành và cấp Huyện": a level's own name holds a comma, so levels are joined by "và".
    const levels = p.levels.map((level) => `cấp ${VI_LEVELS[level]}`).join(" và ");
    if (p.numerator === undefined || p.denominator === undefined)
      return `Tính lại ${p.formula}: mẫu số bằng 0 (${p.units} đơn vị ${levels}).`;
    return `Tính lại ${p.formula} = ${formatCount(p.numerator, "vi")}/${formatCount(p.denominator, "vi")} từ ${p.units} đơn vị ${levels}.`;
  },
  lead_province: (p, c) =>
    p.holder === undefined
      ? `Chỉ tiêu do ${roleNameIn(c, p.role, "vi")} báo cáo cho toàn tỉnh: chưa có phụ lục của đơn vị này.`
      : `Theo số liệu của ${p.holder}.`,
  lead_not_applicable: (p) =>
    `Không áp dụng từ ${periodStartText(p.from).vi}: kỳ ${periodName(p.period, "vi")} không tổng hợp chỉ tiêu này.`,
  lead_not_aggregable: (p) =>
    `Không cộng được: ${p.units} đơn vị báo cáo tỷ lệ riêng, xem trang "Không cộng được".`,
  excluded_other_period: (p) => {
    const advice = {
      cli: "Đề nghị đơn vị gửi phụ lục đúng kỳ, hoặc tổng hợp lại với --allow-other-periods để cộng cả phụ lục khác kỳ.",
      pane: "Đề nghị đơn vị gửi phụ lục đúng kỳ; nếu kỳ bị ghi nhầm, sửa kỳ ghi trong phụ lục đó rồi bấm “Tổng hợp lại”.",
      sheet: "Đề nghị đơn vị gửi phụ lục đúng kỳ.",
    }[p.where];
    return `Phụ lục của "${p.unit}" ghi kỳ ${periodName(p.period, "vi")}, khác kỳ tổng hợp ${periodName(p.expected, "vi")}: không cộng vào bảng tổng hợp. ${advice}`;
  },
  excluded_very_hidden: (p) =>
    `Trang tính bị ẩn sâu (very hidden, Excel không cho ai thấy) chứa phụ lục của "${p.unit}": không cộng vào bảng tổng hợp. Nếu đó là phụ lục thật, đề nghị đơn vị gửi lại trên một trang tính hiện.`,
  lead_lowest: (p, c) => {
    const label = c.rows.get(p.code)?.codes?.find((option) => option.value === p.amount)?.label.vi;
    return `Mức thấp nhất trong ${p.units} đơn vị: ${p.amount}${label ? ` (${label})` : ""}; chi tiết ở trang "Không cộng được".`;
  },
  letter_to: (p) => `Kính gửi: ${p.unit}`,
  letter_opening: (p) => {
    const where = p.report
      ? `bảng phụ lục của báo cáo${p.file === undefined ? "" : ` ${p.file}`}`
      : `${p.file === undefined ? "" : `tệp ${p.file}, `}trang tính '${p.sheet}'`;
    const ask = p.review
      ? "Qua kiểm tra, phụ lục không có lỗi; đề nghị đơn vị xem lại các nội dung dưới đây và chỉ gửi lại phụ lục nếu có điều chỉnh:"
      : "Qua kiểm tra, đề nghị đơn vị rà soát, chỉnh sửa các nội dung dưới đây và gửi lại phụ lục đã sửa:";
    return `Sở Nội vụ đã nhận phụ lục thống kê số liệu về kết quả thực hiện công tác cải cách hành chính ${periodName(p.period, "vi")} của đơn vị (${where}). ${ask}`;
  },
  letter_section: (p) =>
    `${p.head}. ${{ error: "Lỗi phải sửa", warning: "Nội dung cần kiểm tra lại", info: "Lưu ý" }[p.severity]} (${p.count}):`,
  letter_cell: (p) => `Ô ${p.cell}: `,
  letter_closing: () => "Trân trọng./.",
  error_unknown_version: (p) => `Mẫu phụ lục "${p.version}" không được hỗ trợ, không tổng hợp được.`,
  error_no_units: () => "Không có phụ lục nào để tổng hợp.",
  error_no_previous: (p) => `Tệp kỳ trước ${p.file} không có bảng tổng hợp hay phụ lục nào.`,
  form_missing: (p) =>
    `Trang tính '${p.sheet}' theo mẫu "${p.id}" mà công cụ chưa có định nghĩa (hoặc đã có bản khác): chọn tệp định nghĩa của mẫu này để kiểm tra.`,
  outcome_left_out: (p) =>
    `Các phụ lục theo ${p.forms} mẫu khác nhau: ${formatCount(p.indicators, "vi")} chỉ tiêu không tổng hợp (xem trang "Cảnh báo tổng hợp").`,
  lead_left_out: (p) => {
    const said = p.forms.map((form, at) => {
      const reason = p.reasons[at] ?? "absent";
      const units = `${p.units[at] ?? 0} đơn vị`;
      return reason === "absent"
        ? `mẫu ${form} (${units}) không có chỉ tiêu này`
        : `ở mẫu ${form} (${units}), chỉ tiêu này ${MISMATCH_VI[reason]}`;
    });
    return `Không tổng hợp: ${said.join("; ")}.`;
  },
  form_missing_option: (p) =>
    `Trang tính '${p.sheet}' theo mẫu "${p.id}" nhưng tệp không mang theo định nghĩa của mẫu này và chưa được cung cấp: thêm ${p.option} DINH-NGHIA.xlsx (tệp định nghĩa của mẫu) để kiểm tra.`,
  carried_changed: (p) =>
    `Định nghĩa mẫu "${p.id || "?"}" mà tệp mang theo (trang ẩn '${p.sheet}', dòng ${p.row}) đã bị sửa sau khi ghi, nên không được dùng.`,
  carried_unreadable: (p) =>
    `Định nghĩa mẫu "${p.id || "?"}" mà tệp mang theo (trang ẩn '${p.sheet}', dòng ${p.row}) bị hỏng, không đọc được, nên không được dùng.`,
};

/** How a definition's place is written before its problem: 'Trang "Chỉ tiêu", dòng 12, cột "mã" (A): '. */
function place(at: DefinitionPlace): string {
  const row = at.row === undefined ? "" : `, dòng ${at.row}`;
  const column = at.header === undefined ? "" : `, cột "${at.header}"${at.column ? ` (${at.column})` : ""}`;
  return `Trang "${at.sheet}"${row}${column}: `;
}

const quotedList = (words: readonly string[]) => words.map((word) => `"${word}"`).join(", ");

/** The Vietnamese templates of a form definition's problems, read after their place. */
const definitions: Templates<DefinitionProblemParams> = {
  sheet_missing: (p) =>
    `tệp định nghĩa không có trang tính này (tệp có: ${p.sheets.length ? quotedList(p.sheets) : "không trang nào"}).`,
  header_missing: (p) => `thiếu cột "${p.header}" (tiêu đề các cột ở dòng 1).`,
  header_unknown: (p) => `"${p.header}" không phải cột của trang này (các cột: ${quotedList(p.known)}).`,
  header_twice: (p) => `cột "${p.header}" có hai lần (lần đầu ở cột ${p.first}).`,
  key_missing: (p) => `thiếu dòng có khóa "${p.key}".`,
  key_unknown: (p) => `"${p.key}" không phải khóa của trang này (các khóa: ${quotedList(p.known)}).`,
  key_twice: (p) => `khóa "${p.key}" có hai lần (lần đầu ở dòng ${p.first}).`,
  value_missing: () => "ô này phải có giá trị.",
  number_not_text: (p) =>
    `ô chứa số ${p.shown}, không phải văn bản: mã hoặc biểu thức gõ thành số có thể mất chữ số 0 ở cuối ("3.10" thành 3.1). Định dạng ô là Văn bản (Text) rồi gõ lại.`,
  formula_not_text: (p) =>
    `ô chứa công thức =${p.formula}, không phải văn bản: Excel tính công thức thay vì giữ biểu thức. Định dạng ô là Văn bản (Text) rồi gõ lại, không có dấu "=" ở đầu.`,
  not_text: (p) => `ô chứa ${rawShown(p.raw, "vi")}, không phải văn bản.`,
  word_unknown: (p) => `"${p.word}" không phải giá trị của cột này (dùng ${quotedList(p.allowed)}).`,
  code_invalid: (p) =>
    `"${p.text}" không phải mã chỉ tiêu: mã gồm các nhóm chữ số cách nhau bởi dấu chấm, có thể kết thúc bằng một chữ cái a–z (3.1.3.a), hoặc 2–4 chữ in hoa rồi các nhóm chữ số (HS.2.1).`,
  period_invalid: (p) =>
    `"${p.text}" không phải kỳ báo cáo (ví dụ 2021-Q1, 2021-H1, 2021, "Quý I/2021", "6 tháng 2021", "Năm 2021").`,
  period_order: (p) =>
    `kỳ áp dụng đến (${periodName(p.to, "vi")}) kết thúc trước kỳ áp dụng từ (${periodName(p.from, "vi")}).`,
  legend_invalid: (p) =>
    `không đọc được giá trị cho phép "${p.entry}" trong "${p.text}": mỗi giá trị ghi "số = nhãn tiếng Việt / nhãn tiếng Anh", các giá trị cách nhau bởi dấu ";" (ví dụ 0 = Không / No; 1 = Có / Yes).`,
  limit_invalid: (p) =>
    `không đọc được giới hạn "${p.entry}" trong "${p.text}": ghi cấp rồi số tối đa, cách nhau bởi dấu ";" (ví dụ so 2000; xa 300), và "tối thiểu -100" cho mức thấp nhất.`,
  list_empty: () => "danh sách không có giá trị nào.",
  id_reserved: (p) =>
    `mã mẫu "${p.id}" là mã của một mẫu có sẵn trong công cụ: đặt mã khác cho mẫu của mình (ví dụ thêm tên tỉnh và năm).`,
  code_twice: (p) => `mã ${p.code} đã có ở dòng ${p.first}: mỗi chỉ tiêu một mã riêng.`,
  code_unknown: (p) => `mã ${p.code} không có trong trang "Chỉ tiêu".`,
  parent_cycle: (p) =>
    `mã cha của ${p.code} tạo thành vòng lặp: theo các mã cha, chỉ tiêu lại là cha của chính nó.`,
  unit_missing: (p) => `chỉ tiêu ${p.code} có số liệu nhưng chưa có đơn vị tính.`,
  legend_missing: (p) => `chỉ tiêu ${p.code} thuộc loại "mã" nhưng chưa có giá trị cho phép.`,
  legend_not_coded: (p) => `chỉ tiêu ${p.code} có giá trị cho phép nhưng không thuộc loại "mã".`,
  percent_unit: (p) => `chỉ tiêu ${p.code} thuộc loại "tỷ lệ" nên đơn vị tính phải là "%".`,
  count_unit_percent: (p) =>
    `chỉ tiêu ${p.code} thuộc loại "số đếm" nhưng đơn vị tính là "%": nếu là tỷ lệ, ghi loại "tỷ lệ".`,
  limit_not_figure: (p) => `chỉ tiêu ${p.code} có giới hạn nhưng không phải số đếm hay tỷ lệ.`,
  limit_order: (p) => `giới hạn tối đa của chỉ tiêu ${p.code} nhỏ hơn mức tối thiểu.`,
  derived_not_percent: (p) => `chỉ tiêu ${p.code} có công thức nhưng không thuộc loại "tỷ lệ".`,
  derived_reads_non_count: (p) =>
    `công thức của chỉ tiêu ${p.code} dùng ${p.input}, không phải chỉ tiêu số đếm.`,
  rule_twice: (p) => `mã quy tắc ${p.id} đã có ở dòng ${p.first}.`,
  rule_one_sided: (p) => `quy tắc ${p.id} thiếu vế phải.`,
  carried_not_count: (p) =>
    `chỉ tiêu ${p.code} chuyển từ ${p.from} của kỳ trước: cả hai phải là chỉ tiêu số đếm.`,
  level_not_on_form: (p) =>
    `chỉ tiêu ${p.code} ghi cấp báo cáo ${p.level}, nhưng cấp này không có trong "cấp" của trang "Mẫu".`,
  wording_without_parent: (p) =>
    `chỉ tiêu ${p.code} có cách ghi bắt đầu bằng "+ " (chỉ tính dưới dòng của chỉ tiêu cha) nhưng không có mã cha.`,
  role_id_invalid: (p) =>
    `"${p.text}" không phải mã vai trò: dùng chữ thường không dấu, chữ số và dấu "_", bắt đầu bằng một chữ (ví dụ vpubnd).`,
  role_unknown: (p) =>
    `chỉ tiêu ${p.code} ghi vai trò "${p.role}", không có trong trang "Vai trò"${p.known.length ? ` (các vai trò: ${quotedList(p.known)})` : ""}.`,
  role_order: (p) => `vai trò ${p.role} có kỳ áp dụng đến trước kỳ áp dụng từ.`,
  role_twice: (p) =>
    `vai trò ${p.role} đã được khai ở dòng ${p.first} cho cùng kỳ: một vai trò khai lại chỉ cho các kỳ nối tiếp (áp dụng đến, rồi áp dụng từ).`,
  integrity: (p) => `định nghĩa chưa nhất quán (${p.detail}).`,
  level_twice: (p) => `cấp ${p.level} được ghi hai lần.`,
};

/** How a Vietnamese message names a file a command reads. */
const FILE_ROLE: Readonly<Record<FileRole, string>> = {
  appendix: "phụ lục",
  previous: "tệp kỳ trước",
  expected: "danh sách đơn vị",
  roles: "tệp vai trò",
  report: "báo cáo",
};

/** A level as a Vietnamese message offers it, with the id the command line takes. */
const LEVEL_CHOICE: Readonly<Record<Level, string>> = {
  so: "Sở, ngành (so)",
  huyen: "cấp huyện",
  xa: "Xã (xa)",
};

const PERIOD_FORMS =
  '2021-Q3 hoặc "Quý III/2021"; 2021-H1 hoặc "6 tháng 2021"; 2021 hoặc "Năm 2021" (năm 2000–2099)';

const SAVE_AS_XLSX = "mở tệp bằng Excel và chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx)";

function capitalised(text: string): string {
  return `${text.charAt(0).toLocaleUpperCase("vi")}${text.slice(1)}`;
}

/** One bad line of a roles file, as the roles error lists it. */
function rolesProblem(p: ErrorParams["roles_invalid"], at: number): string {
  const text = p.texts[at] ?? "";
  switch (p.problems[at]) {
    case "role":
      return `dòng ${p.lines[at]}: vai trò "${text}" không hợp lệ (dùng vpubnd, snv, stttt hoặc none)`;
    case "twice":
      return `dòng ${p.lines[at]}: "${text}" đã được gán vai trò ${p.earlier[at] ?? "none"}`;
    default:
      return `dòng ${p.lines[at]}: cần "Tên đơn vị<TAB hoặc ;>vai trò", nhận được "${text}"`;
  }
}

/** The Vietnamese texts of the errors users read. */
const errors: Templates<ErrorParams> = {
  fill_no_sheet: () =>
    "Không xác định được trang tính đang mở. Hãy mở trang phụ lục cần điền tỷ lệ rồi bấm lại.",
  fill_not_appendix: (p) =>
    `Trang tính "${p.sheet}" không phải trang phụ lục theo mẫu nên không điền tỷ lệ tự động được. Hãy mở trang phụ lục cần điền rồi bấm lại.`,
  fix_no_suggestion: () => "Phát hiện này không có đề xuất sửa tự động.",
  install_sheet_missing: (p) => `Không tìm thấy trang tính "${p.sheet}" để cài lại phụ lục.`,
  install_rename_on_replace: (p) =>
    `Cài lại phụ lục giữ nguyên tên trang tính "${p.sheet}": không đổi tên được cùng lúc.`,
  install_not_appendix: (p) =>
    `Trang tính "${p.sheet}" không chứa phụ lục thống kê CCHC nên không cài lại được; hãy thêm một trang phụ lục mới.`,
  install_unknown_version: (p) =>
    `Trang tính "${p.sheet}" dùng mẫu phụ lục ${p.version}, mới hơn phiên bản này của công cụ: không cài mẫu cũ hơn đè lên.`,
  install_level_not_in_form: (p) =>
    `Mẫu ${p.id} không có ${LEVEL_CHOICE[p.level]}: các cấp báo cáo theo mẫu này là ${p.levels.map((level) => LEVEL_CHOICE[level]).join(", ")}.`,
  invalid_level: (p) => `Cấp "${p.input}" không hợp lệ: dùng so (Sở, ngành), huyen (Huyện) hoặc xa (Xã).`,
  invalid_period: (p) =>
    `Kỳ báo cáo "${p.input}" không hợp lệ: dùng dạng 2021-Q3 (Quý III/2021), 2021-H1 (6 tháng/2021) hoặc 2021 (Năm 2021).`,
  level_gone: (p) =>
    `Kỳ ${periodName(p.period, "vi")}: từ ${periodStartText(p.from).vi} không còn ${LEVEL_CHOICE[p.level]} (chính quyền địa phương hai cấp). Chọn ${p.levels.map((level) => LEVEL_CHOICE[level]).join(" hoặc ")}.`,
  invalid_sheet_name: (p) =>
    `Tên trang tính "${p.sheetName}" không hợp lệ: cần từ 1 đến ${p.max} ký tự, không chứa [ ] : * ? / \\ ' và không được là "History".`,
  roles_invalid: (p) =>
    `Tệp vai trò không hợp lệ: ${p.lines.map((_line, at) => rolesProblem(p, at)).join("; ")}.`,
  mixed_versions: (p) => {
    let from = 0;
    const list = p.versions.map((version, at) => {
      const count = p.counts[at] ?? 0;
      const where = p.places.slice(from, (from += count));
      return `${version} (${nameList(where, "vi", 3)})`;
    });
    return `Không tổng hợp chung các phụ lục khác mẫu: ${list.join("; ")}. Đề nghị các đơn vị dùng cùng một mẫu phụ lục.`;
  },
  usage_no_command: () => "Chưa chỉ định lệnh.",
  usage_unknown_command: (p) =>
    `Lệnh không hợp lệ: "${p.command}" (dùng template, validate, consolidate, import hoặc form).`,
  usage_no_output: () => "Thiếu tên tệp đầu ra: -o TỆP.xlsx.",
  usage_no_summary: () => "Thiếu tên tệp tổng hợp: -o TONG-HOP.xlsx.",
  usage_no_files: () => "Chưa chỉ định tệp cần tổng hợp.",
  usage_no_files_to_validate: () => "Chưa chỉ định tệp cần kiểm tra.",
  usage_invalid_format: (p) => `Định dạng không hợp lệ: "${p.input}" (dùng text hoặc json).`,
  usage_invalid_lang: (p) => `Ngôn ngữ không hợp lệ: "${p.input}" (dùng vi hoặc en).`,
  usage_form_no_action: () => "Thiếu việc cần làm: export hoặc check.",
  usage_form_unknown_action: (p) => `Việc không hợp lệ: "${p.action}" (dùng export hoặc check).`,
  usage_form_check_one_file: () => "Cần đúng một tệp định nghĩa: cchc-appendix form check TỆP.xlsx.",
  form_unknown: (p) => `Không có mẫu có sẵn "${p.id}" (các mẫu có sẵn: ${p.known.join(", ")}).`,
  template_form_unknown: (p) =>
    `Không có mẫu có sẵn "${p.form}": dùng mã một mẫu có sẵn (${p.known.join(", ")}) hoặc tệp định nghĩa mẫu .xlsx.`,
  import_one_report: () => "Chỉ định đúng một báo cáo Word (.docx) cần chuyển.",
  import_already_workbook: () =>
    "Tệp này đã là bảng tính Excel: dùng validate để kiểm tra; import chỉ chuyển báo cáo Word (.docx).",
  previous_unreadable: (p) => `Tệp kỳ trước ${p.path}: ${p.reason}`,
  read_unknown: (p) => `Không đọc được tệp: ${p.detail}`,
  summary_set_aside: () => "Trang tổng hợp: không cộng lại lần nữa.",
  summaries_skipped: (p) => `bỏ qua ${formatCount(p.count, "vi")} trang tổng hợp (không cộng lại lần nữa).`,
  no_appendix_in_file: (p) =>
    `Tệp không có trang tính nào chứa phụ lục thống kê CCHC (đã xem: ${p.sheets.join(", ") || "không có trang nào"}).`,
  usage_invalid_level: (p) => `Cấp không hợp lệ: "${p.input}" (dùng so, huyen hoặc xa).`,
  usage_invalid_period: (p) =>
    `Kỳ báo cáo không hợp lệ: "${p.input}". Dùng một trong các dạng: ${PERIOD_FORMS}.`,
  unexpected: (p) =>
    `Lỗi không mong đợi: công cụ không làm được việc này. Chạy lại với ${p.variable}=1 để xem chi tiết lỗi, rồi gửi cho người bảo trì.`,
  text_file_not_regular: (p) =>
    `${capitalised(FILE_ROLE[p.role])} ${p.path} không phải một tệp văn bản thường.`,
  text_file_unreadable: (p) => `Không đọc được ${FILE_ROLE[p.role]} ${p.path} (${p.code}).`,
  text_file_too_large: (p) =>
    `${capitalised(FILE_ROLE[p.role])} ${p.path} quá lớn (${formatCount(p.size, "vi")} byte; tối đa ${formatCount(p.max, "vi")} byte).`,
  output_unchecked: (p) => `Không kiểm tra được tệp đầu ra ${p.path} (${p.code}).`,
  output_is_folder: (p) => `${p.path} là một thư mục: hãy chỉ định tên tệp, ví dụ -o ${p.example}.`,
  output_is_input: (p) =>
    `Không ghi đè ${FILE_ROLE[p.role]} ${p.input}: tệp đầu ra -o ${p.path} chính là tệp đó. Hãy chọn tên khác cho tệp đầu ra.`,
  output_exists: (p) => `Tệp ${p.path} đã có: không ghi đè. Chọn tên khác, hoặc thêm --force để thay tệp đó.`,
  output_unwritten: (p) => `Không ghi được tệp ${p.path} (${p.code}); không tệp nào bị thay đổi.`,
  output_appeared: (p) =>
    `Tệp ${p.path} vừa được một chương trình khác tạo ra: không ghi đè. Thêm --force để thay tệp đó.`,
  read_not_found: (p) => `Không tìm thấy tệp ${p.path}.`,
  read_failed: (p) =>
    `Không đọc được tệp ${p.path} (${p.code ?? "lỗi không rõ"}): kiểm tra quyền truy cập và đường dẫn.`,
  xlsx_password: () =>
    "Tệp được bảo vệ bằng mật khẩu nên không đọc được: mở tệp bằng Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại.",
  xlsx_old_xls: () => `Tệp ở định dạng Excel 97–2003 (.xls) cũ: ${SAVE_AS_XLSX}.`,
  xlsx_password_or_xls: () =>
    `Tệp được bảo vệ bằng mật khẩu hoặc ở định dạng Excel 97–2003 (.xls): ${SAVE_AS_XLSX}, không đặt mật khẩu.`,
  xlsx_zip_bomb: () =>
    'Tệp nén giải ra dung lượng bất thường (nghi là "bom nén"), không đọc để bảo vệ máy: hãy xin đơn vị gửi lại tệp .xlsx lưu từ Excel.',
  xlsx_damaged: (p) =>
    `Tệp .xlsx bị hỏng (${p.compression ? "nén theo cách Excel không dùng" : p.detail}; có thể tải về hoặc sao chép chưa hết): mở thử bằng Excel để sửa, hoặc xin gửi lại tệp.`,
  xlsx_zip64: () =>
    "Tệp dùng dạng nén ZIP64, chỉ cần cho tệp trên 4 GB, không thể là phụ lục thống kê: kiểm tra lại tệp gửi đến.",
  xlsx_encrypted_part: () => `Tệp có phần bị mã hóa nên không đọc được: ${SAVE_AS_XLSX}, không đặt mật khẩu.`,
  xlsx_macros: () =>
    "Tệp có chứa macro (VBA, thường là .xlsm) nên không được đọc, vì an toàn: mở bằng Excel, chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.",
  xlsx_too_large: (p) =>
    `Tệp quá lớn (${formatCount(p.megabytes, "vi")} MB, tối đa ${formatCount(p.max, "vi")} MB) để là phụ lục thống kê: kiểm tra lại tệp gửi đến.`,
  xlsx_doctype: (p) =>
    `Phần ${p.part} của tệp có khai báo DOCTYPE, thứ mà tệp Excel không bao giờ có (có thể là tệp độc hại), nên tệp không được đọc: xin đơn vị gửi lại tệp .xlsx lưu từ Excel.`,
  xlsx_no_worksheet: () => `Tệp nén không chứa bảng tính Excel nào: ${SAVE_AS_XLSX}.`,
  xlsx_not_workbook: (p) =>
    `Tệp không phải bảng tính Excel (.xlsx)${p.empty ? " (tệp rỗng)" : ""}: ${SAVE_AS_XLSX}.`,
  docx_not_word: (p) =>
    `Tệp mang tên .docx nhưng không phải tài liệu Word hợp lệ${p.empty ? " (tệp rỗng)" : ""}: mở tệp bằng Word và chọn Lưu thành (Save As) định dạng Tài liệu Word (.docx), hoặc xin đơn vị gửi lại báo cáo dạng .docx lưu từ Word.`,
  docx_old_doc: () =>
    "Tệp ở định dạng Word 97–2003 (.doc) cũ: mở tệp bằng Word và chọn Lưu thành (Save As) định dạng Tài liệu Word (.docx), rồi kiểm tra tệp .docx đó.",
  docx_pdf: () =>
    "Tệp là PDF: công cụ đọc tệp Word (.docx) và Excel (.xlsx). Xin đơn vị gửi báo cáo dạng .docx hoặc phụ lục dạng .xlsx.",
  docx_damaged: (p) =>
    `Tệp .docx bị hỏng (${p.detail}): mở tệp bằng Word để sửa, hoặc xin đơn vị gửi lại tệp .docx.`,
  docx_encrypted_part: () =>
    "Tệp Word có phần bị mã hóa nên không đọc được: lưu lại bằng Word, không đặt mật khẩu.",
  docx_zip64: () =>
    "Tệp dùng dạng nén ZIP64, chỉ cần cho tệp trên 4 GB, không thể là một báo cáo: kiểm tra lại tệp gửi đến.",
  docx_too_large: (p) => `Tài liệu quá lớn để là một báo cáo CCHC (${p.detail}): kiểm tra lại tệp gửi đến.`,
  docx_macros: () =>
    "Tài liệu có chứa macro (VBA, thường là .docm) nên không được đọc, vì an toàn: mở bằng Word, chọn Lưu thành (Save As) định dạng Tài liệu Word (.docx) rồi gửi lại.",
  docx_no_document: () =>
    "Tệp nén không chứa tài liệu Word nào (thiếu word/document.xml): xin đơn vị gửi lại báo cáo dạng .docx lưu từ Word.",
  docx_doctype: (p) =>
    `Phần ${p.part} của tài liệu có khai báo DOCTYPE, thứ mà Word không bao giờ ghi (có thể là tệp độc hại), nên tệp không được đọc: xin đơn vị gửi lại tệp .docx lưu từ Word.`,
  docx_not_report: () =>
    "Tài liệu Word này không phải báo cáo CCHC có phụ lục: không có bảng nào mang cột STT và các mã chỉ tiêu của phụ lục (1.1.1, 3.4.1 …), và phần báo cáo không nêu số liệu nào của mẫu (Tổng số hồ sơ yêu cầu giải quyết TTHC, Số mới tiếp nhận …). Hãy kiểm tra đúng tệp báo cáo, hoặc gửi phụ lục dạng .xlsx.",
  read_not_regular: (p) =>
    `Không đọc được ${p.path}: đây không phải một tệp thông thường (mà là thư mục, ống dẫn hay thiết bị); hãy chỉ đến tệp .xlsx.`,
  mixed_definitions: (p) => {
    let from = 0;
    const list = p.hashes.map((hash, at) => {
      const count = p.counts[at] ?? 0;
      const where = p.places.slice(from, (from += count));
      const version = hash ? `bản #${hash}` : "bản không ghi mã định nghĩa ở ô F1";
      return `${version} (${nameList(where, "vi", 3)})`;
    });
    return `Không tổng hợp chung các phụ lục theo ${p.hashes.length} bản định nghĩa khác nhau của cùng mẫu ${p.id} (cùng mã mẫu, khác nội dung): ${list.join("; ")}. Đề nghị các đơn vị lập lại phụ lục từ cùng một tệp định nghĩa.`;
  },
  usage_form_not_definition: (p) =>
    `--form cần một tệp định nghĩa mẫu .xlsx, không phải "${p.input}" (các mẫu có sẵn luôn được dùng, không cần chỉ ra).`,
};

/** What the reader of an expression expected, as the message names it. */
const EXPECTED_VI: Readonly<Record<ExpectedToken, string>> = {
  code: "một mã chỉ tiêu",
  percent: "một tỷ lệ như 100%",
  open: "«(»",
  close: "«)»",
  plus: "«+»",
  minus: "«-»",
  divide: "«/»",
  relation: "một dấu so sánh (=, <=, >=)",
  tilde: "«~»",
  semicolon: "«;»",
  end: "hết biểu thức",
};

/** "Biểu thức «…» không đọc được ở ký tự N: <detail>." */
function unreadable(problem: ExpressionProblem, detail: string): string {
  const at = characterAt(problem);
  const where = at === undefined ? "ở cuối" : `ở ký tự ${at}`;
  return `Biểu thức «${problem.params.text}» không đọc được ${where}: ${detail}.`;
}

/** The Vietnamese templates of an expression refused (a rule's `biểu thức`, a rate's `công thức`). */
const expressions: ExpressionTemplates = {
  expression_empty: () => "Biểu thức trống: ô chưa có biểu thức, hoặc chỉ có dấu «=».",
  expression_unexpected: (p) => {
    const expected = alternatives(
      p.params.expected.map((token) => EXPECTED_VI[token]),
      "vi",
    );
    const found = p.params.found === "" ? "nhưng biểu thức đã hết" : `gặp «${p.params.found}»`;
    return unreadable(p, `cần ${expected}, ${found}`);
  },
  expression_bad_character: (p) =>
    unreadable(
      p,
      `ký tự «${p.params.found}» không dùng trong biểu thức (chỉ dùng mã chỉ tiêu, tỷ lệ như 100% và các dấu + - / ( ) = <= >= ~ ;)`,
    ),
  expression_not_code: (p) =>
    unreadable(
      p,
      `«${p.params.found}» không phải mã chỉ tiêu (mã là các số cách nhau bởi dấu chấm, có thể thêm một chữ thường a–z ở cuối như 3.1.3.a, hoặc 2–4 chữ in hoa rồi các số như HS.2.1)${p.params.suggestion === undefined ? "" : `; viết đúng là ${p.params.suggestion}`}`,
    ),
  expression_cell_reference: (p) =>
    unreadable(
      p,
      `«${p.params.found}» là địa chỉ ô, không phải mã chỉ tiêu; biểu thức ghi theo mã chỉ tiêu (như HS.2.1 / HS.2), không theo ô`,
    ),
  expression_function: (p) =>
    unreadable(
      p,
      `không dùng hàm «${p.params.found}»; biểu thức chỉ gồm mã chỉ tiêu, phép cộng, phép trừ và một phép chia`,
    ),
  expression_product: (p) =>
    unreadable(p, `không dùng phép nhân «${p.params.found}» (ô tỷ lệ đã định dạng %, không cần nhân 100)`),
  expression_division_in_rule: (p) =>
    unreadable(
      p,
      `quy tắc không dùng phép chia «${p.params.found}»; tỷ lệ là một chỉ tiêu có công thức riêng`,
    ),
  expression_minus_in_rule: (p) =>
    unreadable(p, `quy tắc chỉ cộng các mã, không trừ «${p.params.found}»; chuyển mã đó sang vế bên kia`),
  expression_strict_relation: (p) =>
    unreadable(p, `không dùng so sánh ngặt «${p.params.found}»; dùng «<=», «>=» hoặc «=»`),
  expression_relation_kind: (p) => {
    const needs = p.params.kind === "balance" ? "dấu «=»" : "dấu «<=» hoặc «>=»";
    return unreadable(
      p,
      `quy tắc loại «${RULE_KIND_WORD[p.params.kind]}» cần ${needs}, gặp «${p.params.found}»`,
    );
  },
  expression_percent_misplaced: (p) =>
    unreadable(
      p,
      `tỷ lệ «${p.params.found}» phải đứng một mình ở vế lớn hơn, đối diện các mã (ví dụ 7.6.2.a + 7.6.2.b <= 100%)`,
    ),
  expression_bad_percent: (p) =>
    unreadable(p, `«${p.params.found}» không phải một tỷ lệ phần trăm (ví dụ 100%, 99,5%)`),
  expression_constant: (p) =>
    unreadable(
      p,
      `công thức tỷ lệ không dùng hằng số «${p.params.found}»; tử số và mẫu số chỉ gồm mã chỉ tiêu`,
    ),
  expression_parentheses_needed: (p) =>
    unreadable(
      p,
      p.params.part === "numerator"
        ? "tử số có nhiều mã phải đặt trong ngoặc, ví dụ (BC.1 - 4.2.1) / BC.1"
        : "mẫu số có nhiều mã phải đặt trong ngoặc, ví dụ HS.2.1 / (HS.2 + HS.3)",
    ),
  expression_nested_division: (p) =>
    unreadable(
      p,
      `chỉ được một phép chia «${p.params.found}» (tử số / mẫu số, mỗi vế là một mã hoặc một tổng trong ngoặc)`,
    ),
  expression_not_ratio: (p) =>
    `Công thức «${p.params.text}» không phải một tỷ lệ: cần tử số / mẫu số, ví dụ HS.2.1 / HS.2 hoặc (BC.1 - 4.2.1) / BC.1.`,
  expression_minus_in_denominator: (p) =>
    unreadable(p, `mẫu số là một mã hoặc tổng các mã, không trừ «${p.params.found}»`),
  expression_unclosed: (p) => unreadable(p, "dấu ngoặc «(» này chưa được đóng bằng «)»"),
};

/** The Vietnamese templates, as hosts register them (index.ts, registerLanguage). */
export const vi: LanguageTemplates = {
  lang: "vi",
  findings,
  texts,
  errors,
  expressions,
  definitions,
  place,
  labels: viLabels,
};
