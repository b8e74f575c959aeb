import type { Bilingual } from "../../src/domain/catalogue";
import { catalogue } from "../../src/domain/catalogue";
import { validateAppendix } from "../../src/domain/engine";
import type {
  ConsolidationTextParams,
  DefinitionProblemKind,
  DefinitionSheetProblem,
  ErrorKind,
  ErrorParams,
  ExpressionProblem,
  ExpressionProblemKind,
  FindingKind,
  FindingParamsByKind,
  LabelKind,
  LabelParams,
  TextKind,
} from "../../src/domain/messages";
import {
  renderDefinitionProblem,
  BilingualError,
  renderExpressionProblem,
  renderFinding,
  renderText,
} from "../../src/domain/messages";
import { labelIn, labelText } from "../../src/domain/messages/labels";
import { en } from "../../src/domain/messages/en";
import { vi } from "../../src/domain/messages/vi";
import { locateAppendix } from "../../src/domain/locate";
import { SEED_VALUES, templateGrid } from "../helpers/seed";

// Every message is rendered from a finding's kind and parameters through the Vietnamese and English modules: one
// finding of every kind, rendered in both languages, exactly.

const ROLES = new Map([["snv", { vi: "Sở Nội vụ", en: "Department of Home Affairs" }]]);
const NAMES = { rows: catalogue.byCode, roles: ROLES };

type Sample<K extends FindingKind> = {
  readonly params: FindingParamsByKind[K];
  readonly codes: readonly string[];
};

/** One finding of every kind; TypeScript refuses the table when a kind is missing. */
const SAMPLES: { readonly [K in FindingKind]: Sample<K> } = {
  text_number: { params: { code: "3.1.1", raw: "02", value: 2 }, codes: ["3.1.1"] },
  not_whole_number: {
    params: { code: "4.2.1", raw: "64.073", stored: 64.073, value: 64073 },
    codes: ["4.2.1"],
  },
  malformed_number: {
    params: { code: "DV.4.1", raw: "1.93673", value: 1936, solvedFrom: "balance:DV.4" },
    codes: ["DV.4.1"],
  },
  not_a_count: { params: { code: "3.1.1", raw: "-3", stored: -3 }, codes: ["3.1.1"] },
  not_a_percent: { params: { code: "7.4", raw: "abc" }, codes: ["7.4"] },
  ambiguous_percent: { params: { code: "7.4", raw: "0.5", stored: 0.5, value: 0.005 }, codes: ["7.4"] },
  percent_out_of_range: {
    params: { code: "4.2.5", raw: "1.5", stored: 1.5, shownScaled: 150, shownDecimals: 0 },
    codes: ["4.2.5"],
  },
  negative_reduction: { params: { code: "4.2.5", raw: "-0.125", value: -0.125 }, codes: ["4.2.5"] },
  not_in_legend: { params: { code: "7.1", raw: "7", stored: 7 }, codes: ["7.1"] },
  not_a_value: { params: { code: "3.1.1", raw: "#DIV/0!" }, codes: ["3.1.1"] },
  unsafe_formula: { params: { code: "3.1.1", raw: "=[Sổ khác.xlsx]A!D1" }, codes: ["3.1.1"] },
  heading_has_value: { params: { code: "3.1", raw: "5", stored: 5 }, codes: ["3.1"] },
  conflicting_rows: {
    params: { code: "3.1.1", rows: [21, 40], firstAmount: 2, secondText: "hai" },
    codes: ["3.1.1"],
  },
  derived_truncated: {
    params: {
      code: "7.8.3",
      numerator: 758,
      denominator: 6356,
      stated: 11.92,
      recomputed: 11.93,
      decimals: 2,
      truncated: true,
    },
    codes: ["7.8.3", "DV.3.2", "DV.3"],
  },
  derived_mismatch: {
    params: {
      code: "7.8.3",
      numerator: 758,
      denominator: 6356,
      stated: 12.5,
      recomputed: 11.9,
      decimals: 1,
      truncated: false,
    },
    codes: ["7.8.3", "DV.3.2", "DV.3"],
  },
  balance_mismatch: {
    params: {
      left: 44,
      right: 0,
      difference: 44,
      leftCodes: ["HS.1"],
      leftAmounts: [44],
      rightCodes: ["HS.1.1", "HS.1.2"],
      rightAmounts: [0, 0],
      suspect: "HS.1.2",
      suggested: 44,
    },
    codes: ["HS.1", "HS.1.1", "HS.1.2"],
  },
  order_violated: {
    params: {
      left: 9,
      right: 7,
      difference: 2,
      leftCodes: ["1.1.2"],
      leftAmounts: [9],
      rightCodes: ["1.1.1"],
      rightAmounts: [7],
      candidates: ["1.1.2", "1.1.1"],
    },
    codes: ["1.1.2", "1.1.1"],
  },
  ofWhich_exceeded: {
    params: {
      left: 12,
      right: 10,
      difference: 2,
      leftCodes: ["3.1.3.a", "3.1.3.b", "3.1.3.c"],
      leftAmounts: [5, 4, 3],
      rightCodes: ["3.1.3"],
      rightAmounts: [10],
    },
    codes: ["3.1.3.a", "3.1.3.b", "3.1.3.c", "3.1.3"],
  },
  ofWhich_shortfall: {
    params: {
      left: 8,
      right: 10,
      difference: 2,
      leftCodes: ["3.1.3.a", "3.1.3.b", "3.1.3.c"],
      leftAmounts: [4, 3, 1],
      rightCodes: ["3.1.3"],
      rightAmounts: [10],
    },
    codes: ["3.1.3.a", "3.1.3.b", "3.1.3.c", "3.1.3"],
  },
  stock_exceeded: {
    params: {
      left: 1200,
      right: 1000,
      difference: 200,
      leftCodes: ["HS.2", "HS.3"],
      leftAmounts: [900, 300],
      rightCodes: ["HS.1"],
      rightAmounts: [1000],
    },
    codes: ["HS.2", "HS.3", "HS.1"],
  },
  stock_shortfall: {
    params: {
      left: 990,
      right: 1000,
      difference: 10,
      leftCodes: ["HS.2", "HS.3"],
      leftAmounts: [900, 90],
      rightCodes: ["HS.1"],
      rightAmounts: [1000],
    },
    codes: ["HS.2", "HS.3", "HS.1"],
  },
  pattern_copy: {
    params: { pairs: ["4.3.1=4.2.1", "4.3.2=4.2.2"], blocks: ["4.3", "4.2"] },
    codes: ["4.3.1", "4.2.1", "4.3.2", "4.2.2"],
  },
  empty_appendix: { params: {}, codes: [] },
  incomplete: { params: { blank: 2 }, codes: ["2.1", "2.2"] },
  implausible_high: {
    params: { code: "4.2.1", value: 64073, limit: 2000, bound: "max", computed: false, level: "so" },
    codes: ["4.2.1"],
  },
  implausible_low: {
    params: { code: "4.2.5", value: -344.1237, limit: -1, bound: "min", computed: true, province: true },
    codes: ["4.2.5", "4.2.1", "4.2.4"],
  },
  mixed_periods: {
    params: { periods: ["2021-Q3", "2021-Q2"], counts: [12, 1], period: "2021-Q3" },
    codes: [],
  },
  duplicate_unit: {
    params: { unit: "Sở Y tế", first: "a.xlsx 'Sở Y tế'", second: "b.xlsx 'Sở Y tế'" },
    codes: [],
  },
  duplicate_appendix: {
    params: { unit: "Sở Y tế", first: "a.xlsx 'Sở Y tế'", second: "b.xlsx 'Sở Y tế'" },
    codes: [],
  },
  unit_unnamed: { params: {}, codes: [] },
  unit_without_level: { params: { levels: ["so", "huyen", "xa"] }, codes: [] },
  district_left_out: { params: { period: "2026-Q1", level: "huyen" }, codes: [] },
  other_period: { params: { period: "2021-Q2", expected: "2021-Q3" }, codes: [] },
  role_twice: { params: { role: "snv", units: ["Sở Nội vụ", "SNV tỉnh"] }, codes: [] },
  roles_missing: {
    params: {},
    codes: ["1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5"],
  },
  role_missing: { params: { role: "snv" }, codes: ["1.1.1", "1.1.2"] },
  unexpected_unit: { params: { unit: "Sở Du lịch" }, codes: [] },
  expected_district_after_reform: {
    params: { units: ["UBND huyện Càng Long", "Thị xã Duyên Hải"], period: "2026-Q1" },
    codes: [],
  },
  previous_not_earlier: { params: { previous: "2021-Q3", period: "2021-Q3" }, codes: [] },
  previous_not_adjacent: { params: { previous: "2021-Q1", period: "2021-Q3" }, codes: ["HS.1.1", "HS.3"] },
  cumulative_decreased: { params: { code: "3.1.1", now: 2, previous: 5, province: true }, codes: ["3.1.1"] },
  carried_over_mismatch: {
    params: { now: 10, previous: 12, difference: 2, province: false },
    codes: ["HS.1.1", "HS.3"],
  },
  hidden_sheet: { params: { unit: "Sở Y tế", sheet: "Sở Y tế", file: "y-te.xlsx" }, codes: [] },
  district_after_reform: { params: { period: "2026-Q1", unit: "UBND huyện Càng Long" }, codes: [] },
  row_not_applicable: { params: { code: "3.4.2", from: "2025-Q3", period: "2026-Q1" }, codes: ["3.4.2"] },
  level_unknown: { params: { typed: "Cấp tỉnh", levels: ["so", "huyen", "xa"] }, codes: [] },
  period_unknown: { params: { typed: "Quý 5/2021" }, codes: [] },
  forms_mixed: {
    params: {
      lead: "CCHC-PL-2021",
      leadUnits: 3,
      form: "PL-THU-2026",
      units: 1,
      common: ["HS.1", "HS.1.1"],
      absent: ["1.1.1", "3.4.1"],
      differs: ["1.2", "2.2", "2.3"],
      reasons: ["kind", "unit", "kind"],
      extra: ["1.3"],
    },
    codes: ["1.2", "2.2", "2.3"],
  },
};

/** Each kind's message exactly, in Vietnamese and English, as the samples above render it. */
const EXPECTED: { readonly [K in FindingKind]: readonly [vi: string, en: string] } = {
  text_number: [
    'Số TTHC công bố mới (3.1.1): "02" là số được lưu dạng văn bản; đọc là 2. Nên chuyển thành số.',
    'Procedures newly published (3.1.1): "02" is a number stored as text; read as 2. Convert it to a number.',
  ],
  not_whole_number: [
    "Tổng số biên chế được giao trong năm (4.2.1): 64,073 không phải số nguyên (có thể đã gõ dấu phân cách hàng nghìn thành dấu thập phân); có phải 64073 (sáu mươi tư nghìn không trăm bảy mươi ba)?",
    "Civil servant posts assigned this year (4.2.1): 64.073 is not a whole number (a thousands separator typed as a decimal point?); did you mean 64,073?",
  ],
  malformed_number: [
    'Mức độ 4: tiếp nhận trực tiếp (DV.4.1): "1.93673" không phải một số hợp lệ; theo số liệu cân đối, giá trị đúng có thể là 1.936.',
    'Level 4: received in person (DV.4.1): "1.93673" is not a valid number; from its balance the value is likely 1,936.',
  ],
  not_a_count: [
    "Số TTHC công bố mới (3.1.1): -3 không phải số đếm (số nguyên không âm).",
    "Procedures newly published (3.1.1): -3 is not a count (a whole number of at least 0).",
  ],
  not_a_percent: [
    'Tỷ lệ cơ quan chuyên môn cấp tỉnh, UBND cấp huyện, UBND cấp xã được cấp chứng thư số (7.4): "abc" không phải tỷ lệ phần trăm.',
    'Share of provincial agencies, district and commune People\'s Committees with digital certificates (7.4): "abc" is not a percentage.',
  ],
  ambiguous_percent: [
    "Tỷ lệ cơ quan chuyên môn cấp tỉnh, UBND cấp huyện, UBND cấp xã được cấp chứng thư số (7.4): 0,5 không có định dạng %: là 0,5% hay 50%? Hãy nhập rõ, ví dụ 100%.",
    "Share of provincial agencies, district and commune People's Committees with digital certificates (7.4): 0.5 has no % format: is it 0.5% or 50%? Type it explicitly, e.g. 100%.",
  ],
  percent_out_of_range: [
    "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015 (4.2.5): 150% nằm ngoài khoảng 0–100% (tỷ lệ cắt giảm không quá 100%).",
    "Reduction of civil servant posts since 2015 (4.2.5): 150% is outside 0–100% (a reduction cannot exceed 100%).",
  ],
  negative_reduction: [
    "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015 (4.2.5): ghi -12,5%, tức là số hiện nay lớn hơn năm 2015. Kiểm tra lại nếu không đúng thực tế.",
    "Reduction of civil servant posts since 2015 (4.2.5): stated -12.5%, that is more now than in 2015. Check it if that is not the case.",
  ],
  not_in_legend: [
    "Cập nhật Kiến trúc chính quyền điện tử phiên bản 2.0 (7.1): 7 không thuộc các giá trị cho phép (0 = Chưa; 1 = Hoàn thành).",
    "E-government architecture version 2.0 updated (7.1): 7 is not one of the allowed values (0 = Not yet; 1 = Completed).",
  ],
  not_a_value: [
    "Số TTHC công bố mới (3.1.1): ô chứa #DIV/0!, không phải giá trị của chỉ tiêu này.",
    "Procedures newly published (3.1.1): the cell holds #DIV/0!, not a value of this indicator.",
  ],
  unsafe_formula: [
    "Số TTHC công bố mới (3.1.1): ô chứa công thức lấy dữ liệu từ bên ngoài (=[Sổ khác.xlsx]A!D1); hãy nhập trực tiếp giá trị số.",
    "Procedures newly published (3.1.1): the cell holds a formula that takes data from outside (=[Sổ khác.xlsx]A!D1); type the value itself.",
  ],
  heading_has_value: [
    "Thống kê TTHC (3.1) là dòng tiêu đề, không nhập số liệu (đang có 5).",
    "Administrative procedure statistics (3.1) is a heading row and holds no value (it has 5).",
  ],
  conflicting_rows: [
    'Số TTHC công bố mới (3.1.1) được ghi ở hai dòng với số liệu khác nhau: dòng 21 (2) và dòng 40 ("hai"); không xác định được số liệu nào đúng. Giữ một dòng, xóa dòng kia hoặc sửa lại mã của nó.',
    'Procedures newly published (3.1.1) is on two rows with different values: row 21 (2) and row 40 ("hai"); it cannot be told which one is right. Keep one row, and delete the other or correct its code.',
  ],
  derived_truncated: [
    "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3 (7.8.3): 11,92% khớp với 758/6.356 khi cắt bớt chữ số thập phân; làm tròn đúng là 11,93%.",
    "Share of level 3 dossiers handled online (7.8.3): 11.92% agrees with 758/6,356 by truncation; rounded it is 11.93%.",
  ],
  derived_mismatch: [
    "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3 (7.8.3): ghi 12,5% nhưng tính từ số liệu chi tiết 758/6.356 được 11,9%.",
    "Share of level 3 dossiers handled online (7.8.3): stated 12.5% but the counts give 758/6,356 = 11.9%.",
  ],
  balance_mismatch: [
    "Tổng số hồ sơ yêu cầu giải quyết TTHC trong kỳ (44) khác Số kỳ trước chuyển qua (0) + Số mới tiếp nhận (0): chênh lệch 44. Chỉ tiêu có khả năng sai: Số mới tiếp nhận (HS.1.2); đề xuất 44.",
    "Dossiers to resolve in the period (44) differs from Carried over from the previous period (0) + Newly received (0): a difference of 44. Most likely wrong: Newly received (HS.1.2); suggested 44.",
  ],
  order_violated: [
    "Số nhiệm vụ đã hoàn thành (9) lớn hơn Số nhiệm vụ đề ra trong kế hoạch (7): vượt 2. Không xác định được chỉ tiêu nào sai; có thể là một trong các chỉ tiêu: Số nhiệm vụ đã hoàn thành (1.1.2); Số nhiệm vụ đề ra trong kế hoạch (1.1.1).",
    "Tasks completed (9) exceeds Tasks set in the plan (7) by 2. It cannot be told which indicator is wrong; it may be any of: Tasks completed (1.1.2); Tasks set in the plan (1.1.1).",
  ],
  ofWhich_exceeded: [
    "Số TTHC cấp tỉnh (5) + Số TTHC cấp huyện (4) + Số TTHC cấp xã (3) = 12 lớn hơn Tổng số TTHC đang có hiệu lực (10): vượt 2.",
    "Provincial-level procedures (5) + District-level procedures (4) + Commune-level procedures (3) = 12 exceeds Procedures in force (10) by 2.",
  ],
  ofWhich_shortfall: [
    'Tổng các chỉ tiêu "trong đó" Số TTHC cấp tỉnh (4) + Số TTHC cấp huyện (3) + Số TTHC cấp xã (1) = 8 nhỏ hơn Tổng số TTHC đang có hiệu lực (10): còn 2 chưa phân loại.',
    'The "of which" indicators Provincial-level procedures (4) + District-level procedures (3) + Commune-level procedures (1) = 8 are below Procedures in force (10): 2 unaccounted for.',
  ],
  stock_exceeded: [
    "Số hồ sơ đã giải quyết (900) + Số hồ sơ đang giải quyết (300) = 1.200 lớn hơn Tổng số hồ sơ yêu cầu giải quyết TTHC trong kỳ (1.000): vượt 200.",
    "Dossiers resolved (900) + Dossiers being resolved (300) = 1,200 exceeds Dossiers to resolve in the period (1,000) by 200.",
  ],
  stock_shortfall: [
    "Số hồ sơ đã giải quyết (900) + Số hồ sơ đang giải quyết (90) = 990 nhỏ hơn Tổng số hồ sơ yêu cầu giải quyết TTHC trong kỳ (1.000): còn 10 hồ sơ (bị trả lại hoặc đã rút?).",
    "Dossiers resolved (900) + Dossiers being resolved (90) = 990 is below Dossiers to resolve in the period (1,000): 10 dossiers left (returned or withdrawn?).",
  ],
  pattern_copy: [
    "Số liệu mục Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập (4.3) trùng khớp từng chỉ tiêu với mục Số liệu về biên chế công chức (4.2): có thể đã sao chép nhầm.",
    "Block State-paid staff of public service units (4.3) equals block Civil servant staffing (4.2) indicator by indicator: possibly copied by mistake.",
  ],
  empty_appendix: ["Phụ lục chưa có số liệu nào.", "The appendix holds no value at all."],
  incomplete: ["Còn 2 chỉ tiêu chưa nhập: 2.1, 2.2.", "2 expected indicators are still blank: 2.1, 2.2."],
  implausible_high: [
    "Tổng số biên chế được giao trong năm (4.2.1): ghi 64.073, vượt mức hợp lý 2.000 của một đơn vị cấp sở, ngành: có thể gõ nhầm (dấu phân cách hàng nghìn, số của chỉ tiêu khác); kiểm tra lại.",
    "Civil servant posts assigned this year (4.2.1): stated 64,073, above the plausible 2,000 for a department: possibly mistyped (a thousands separator, another row's figure); check it.",
  ],
  implausible_low: [
    "Toàn tỉnh: Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015 (4.2.5): tính từ số liệu chi tiết được -34.412,37%, thấp hơn mức hợp lý -100%: số hiện nay hơn gấp đôi năm 2015 (có thể do sáp nhập); kiểm tra lại số liệu.",
    "Province: Reduction of civil servant posts since 2015 (4.2.5): the counts give -34,412.37%, below the plausible -100%: more than twice the 2015 figure (a merger?); check the counts.",
  ],
  mixed_periods: [
    "Các phụ lục ghi kỳ báo cáo khác nhau (Quý III/2021: 12; Quý II/2021: 1); tổng hợp theo kỳ Quý III/2021.",
    "The appendices state different periods (2021-Q3: 12; 2021-Q2: 1); consolidated as 2021-Q3.",
  ],
  duplicate_unit: [
    "Có hai phụ lục khác nhau cùng tên đơn vị \"Sở Y tế\" (a.xlsx 'Sở Y tế' và b.xlsx 'Sở Y tế'): cả hai đều được cộng. Nếu là bản gửi lại, hãy bỏ bản cũ; nếu là hai đơn vị, hãy ghi tên đầy đủ để phân biệt.",
    "Two different appendices carry the unit name \"Sở Y tế\" (a.xlsx 'Sở Y tế' and b.xlsx 'Sở Y tế'): both are summed. If one is a resubmission, drop the old one; if they are two units, give each its full name.",
  ],
  duplicate_appendix: [
    "Phụ lục của \"Sở Y tế\" có hai lần với cùng số liệu (a.xlsx 'Sở Y tế' và b.xlsx 'Sở Y tế'): chỉ tính một lần.",
    "The appendix of \"Sở Y tế\" appears twice with the same figures (a.xlsx 'Sở Y tế' and b.xlsx 'Sở Y tế'): counted once.",
  ],
  unit_unnamed: [
    "Phụ lục chưa ghi tên đơn vị báo cáo (dòng 4): không xác định được đơn vị.",
    "The appendix does not name its reporting unit (row 4): the unit cannot be identified.",
  ],
  unit_without_level: [
    "Phụ lục chưa ghi cấp của đơn vị (Sở, ngành; Huyện; Xã): số liệu chưa được cộng vào các chỉ tiêu tính theo cấp.",
    "The appendix does not state the unit's level (department, district, commune): its figures are left out of the level-based totals.",
  ],
  other_period: [
    "Phụ lục ghi kỳ Quý II/2021, khác kỳ tổng hợp Quý III/2021.",
    "The appendix states 2021-Q2, not the consolidated period 2021-Q3.",
  ],
  role_twice: [
    "Nhiều đơn vị cùng vai trò Sở Nội vụ (Sở Nội vụ, SNV tỉnh): lấy số liệu của Sở Nội vụ. Sửa tệp vai trò.",
    "Several units hold the role of the Department of Home Affairs (Sở Nội vụ, SNV tỉnh): taking Sở Nội vụ. Fix the roles file.",
  ],
  roles_missing: [
    "Chưa có tệp vai trò (--roles): các chỉ tiêu do một cơ quan báo cáo cho toàn tỉnh (1.1.1, 1.1.2, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3 và 2 chỉ tiêu khác) để trống.",
    "No roles file (--roles): the indicators one office reports for the whole province (1.1.1, 1.1.2, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3 and 2 more) stay blank.",
  ],
  role_missing: [
    "Không có phụ lục của Sở Nội vụ (vai trò snv): các chỉ tiêu 1.1.1, 1.1.2 để trống.",
    "No appendix from the Department of Home Affairs (role snv): the indicators 1.1.1, 1.1.2 stay blank.",
  ],
  unexpected_unit: [
    'Đơn vị "Sở Du lịch" không có trong danh sách đơn vị phải báo cáo: kiểm tra lại tên đơn vị ở dòng 4.',
    '"Sở Du lịch" is not on the list of units expected to report: check the unit name in row 4.',
  ],
  expected_district_after_reform: [
    "Danh sách đơn vị phải báo cáo còn 2 đơn vị cấp huyện (UBND huyện Càng Long, Thị xã Duyên Hải): từ 01/7/2025 không còn cấp huyện, kỳ Quý I/2026 không chờ phụ lục của các đơn vị này; hãy bỏ khỏi danh sách.",
    "The list of units expected to report still names 2 districts (UBND huyện Càng Long, Thị xã Duyên Hải): there are no districts from 1 July 2025, so none is awaited for 2026-Q1; take them off the list.",
  ],
  previous_not_earlier: [
    "Tệp kỳ trước là kỳ Quý III/2021, không trước kỳ Quý III/2021: không so sánh giữa hai kỳ.",
    "The previous file is for 2021-Q3, not before 2021-Q3: no cross-period check.",
  ],
  previous_not_adjacent: [
    "Kỳ trước (Quý I/2021) không liền kề kỳ Quý III/2021: không so sánh Số kỳ trước chuyển qua (HS.1.1) với Số hồ sơ đang giải quyết (HS.3) của kỳ trước.",
    "The previous period (2021-Q1) does not immediately precede 2021-Q3: Carried over from the previous period (HS.1.1) is not compared with Dossiers being resolved (HS.3) at the end of the previous period.",
  ],
  cumulative_decreased: [
    "Toàn tỉnh: Số TTHC công bố mới (3.1.1) là số lũy kế nhưng giảm từ 5 (kỳ trước) xuống 2.",
    "Province: Procedures newly published (3.1.1) is cumulative but fell from 5 (previous period) to 2.",
  ],
  carried_over_mismatch: [
    "Số kỳ trước chuyển qua (HS.1.1) = 10 khác Số hồ sơ đang giải quyết (HS.3) cuối kỳ trước = 12: chênh lệch 2.",
    "Carried over from the previous period (HS.1.1) = 10 differs from Dossiers being resolved (HS.3) at the end of the previous period = 12: a difference of 2.",
  ],
  hidden_sheet: [
    "Phụ lục của \"Sở Y tế\" nằm trên trang tính 'Sở Y tế' của tệp y-te.xlsx đang bị ẩn: số liệu vẫn được cộng. Hiện trang tính (Unhide) để kiểm tra.",
    "The appendix of \"Sở Y tế\" is on sheet 'Sở Y tế' of y-te.xlsx, which is hidden: its figures are summed. Unhide the sheet to check it.",
  ],
  district_left_out: [
    "Phụ lục ghi cấp Huyện cho kỳ Quý I/2026, nhưng từ 01/7/2025 không còn cấp huyện: số liệu không được cộng vào các chỉ tiêu tính theo cấp.",
    "The appendix states the district level for 2026-Q1, but there are no districts from 1 July 2025: its figures are left out of the level-based totals.",
  ],
  district_after_reform: [
    "Phụ lục là của cấp huyện (đơn vị “UBND huyện Càng Long”) nhưng báo cáo kỳ Quý I/2026: từ 01/7/2025 không còn cấp huyện (chính quyền địa phương hai cấp). Kiểm tra lại tên đơn vị, cấp và kỳ báo cáo ở dòng 4.",
    "The appendix is a district's (the unit is “UBND huyện Càng Long”) but reports for 2026-Q1: there are no districts from 1 July 2025 (two-level local government). Check the unit's name, level and period in row 4.",
  ],
  row_not_applicable: [
    "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn (3.4.2) không áp dụng từ 01/7/2025: kỳ Quý I/2026 không cần nhập chỉ tiêu này; số liệu đã nhập không được tổng hợp.",
    "Share of dossiers received by district People's Committees resolved on time (3.4.2) does not apply from 1 July 2025: 2026-Q1 does not ask for it, and the figure typed is left out of the consolidation.",
  ],
  level_unknown: [
    "Cấp của đơn vị ở dòng 4 ghi “Cấp tỉnh”, không phải cấp nào của mẫu: hãy ghi “Sở, ngành”, “Huyện” hoặc “Xã”. Chưa rõ cấp thì không kiểm tra được các chỉ tiêu theo cấp, và khi tổng hợp số liệu không được cộng vào các chỉ tiêu tính theo cấp.",
    "The unit's level in row 4 reads “Cấp tỉnh”, which is no level of the form: write “Sở, ngành” (department), “Huyện” (district) or “Xã” (commune). Without its level the indicators by level are not checked, and a consolidation leaves its figures out of the level-based totals.",
  ],
  period_unknown: [
    "Kỳ báo cáo ở dòng 4 ghi “Quý 5/2021”, không đọc được là kỳ nào: hãy ghi theo dạng “Quý III/2021”, “6 tháng/2021” hoặc “Năm 2021” (quý I–IV, năm 2000–2099). Chưa rõ kỳ thì không kiểm tra được các chỉ tiêu theo kỳ (không còn cấp huyện từ 01/7/2025), và khi tổng hợp không biết số liệu thuộc kỳ nào.",
    "The period in row 4 reads “Quý 5/2021”, which is no period: write it as “Quý III/2021”, “6 tháng/2021” or “Năm 2021” (quarters I–IV, years 2000–2099). Without its period the indicators that depend on it (no districts from 1 July 2025) are not checked, and a consolidation cannot tell which period its figures are for.",
  ],
  forms_mixed: [
    "Bảng tổng hợp theo mẫu CCHC-PL-2021 (3 đơn vị); phụ lục của 1 đơn vị theo mẫu PL-THU-2026 chỉ được cộng ở 2 chỉ tiêu hai mẫu ghi giống nhau (cùng mã, loại, đơn vị tính, cách tổng hợp): HS.1, HS.1.1. Không tổng hợp: khác loại (số đếm, tỷ lệ hay mã): 1.2, 2.3; khác đơn vị tính: 2.2; 2 chỉ tiêu không có trong mẫu PL-THU-2026: 1.1.1, 3.4.1; 1 chỉ tiêu chỉ có trong mẫu PL-THU-2026: 1.3.",
    "The summary follows the form CCHC-PL-2021 (3 units); the appendices of 1 unit on the form PL-THU-2026 are summed only on the 2 indicators both forms declare alike (same code, kind, unit and aggregation): HS.1, HS.1.1. Not consolidated: another kind (count, rate or coded): 1.2, 2.3; another unit: 2.2; 2 indicators not in the form PL-THU-2026: 1.1.1, 3.4.1; 1 indicator only in the form PL-THU-2026: 1.3.",
  ],
};

/** One text of every kind a consolidation says besides its findings. */
const TEXT_SAMPLES: { readonly [K in TextKind]: ConsolidationTextParams[K] } = {
  remark_missing: { units: ["Sở Y tế", "UBND xã A"] },
  remark_unreadable: { units: ["Sở Y tế"] },
  remark_ignored: { units: ["UBND xã A"] },
  flag_with_errors: { units: ["Sở Y tế", "UBND xã A", "UBND xã B", "UBND xã C", "UBND xã D", "UBND xã E"] },
  listed_rate_without_counts: {},
  listed_coded: {},
  listed_rate: {},
  lead_recomputed: {
    formula: "ΣDV.3.2 / ΣDV.3",
    units: 12,
    levels: ["so", "huyen"],
    numerator: 7580,
    denominator: 63560,
  },
  lead_province: { role: "snv" },
  lead_not_aggregable: { units: 3 },
  lead_not_applicable: { from: "2025-Q3", period: "2026-Q1" },
  excluded_other_period: { unit: "Sở Y tế", period: "2021-Q2", expected: "2021-Q3", where: "cli" },
  excluded_very_hidden: { unit: "Sở Y tế" },
  lead_lowest: { code: "1.2", amount: 0, units: 14 },
  letter_to: { unit: "UBND xã Long Đức" },
  letter_opening: { period: "2021-Q3", report: false, file: "xa-long-duc.xlsx", sheet: "Phụ lục" },
  letter_section: { head: "B", severity: "warning", count: 2 },
  letter_cell: { cell: "D15" },
  letter_closing: {},
  error_unknown_version: { version: "CCHC-PL-2030" },
  error_no_units: {},
  error_no_previous: { file: "ky-truoc.xlsx" },
  form_missing: { sheet: "Xã A", id: "PL-THU-2026" },
  outcome_left_out: { forms: 2, indicators: 1234 },
  lead_left_out: {
    forms: ["PL-THU-2026", "PL-HUE-2026"],
    reasons: ["absent", "unit"],
    units: [2, 1],
  },
  form_missing_option: { sheet: "Xã A", id: "PL-THU-2026", option: "--form" },
  carried_changed: { id: "PL-THU-2026", sheet: "_cchc_mau", row: 1 },
  carried_unreadable: { id: "PL-THU-2026", sheet: "_cchc_mau", row: 72 },
};

/** Each text exactly, in Vietnamese and English, as the samples above render it. */
const TEXTS_EXPECTED: { readonly [K in TextKind]: readonly [vi: string, en: string] } = {
  remark_missing: [
    "Thiếu số liệu của 2 đơn vị: Sở Y tế, UBND xã A.",
    "Missing from 2 units: Sở Y tế, UBND xã A.",
  ],
  remark_unreadable: ["Không đọc được số liệu của: Sở Y tế.", "Unreadable values from: Sở Y tế."],
  remark_ignored: [
    "Không tính số liệu của đơn vị không thuộc phạm vi chỉ tiêu: UBND xã A.",
    "Not counted, as not theirs to report: UBND xã A.",
  ],
  flag_with_errors: [
    "Số liệu gồm 6 đơn vị có phụ lục còn lỗi: Sở Y tế, UBND xã A, UBND xã B, UBND xã C, UBND xã D và 1 đơn vị khác.",
    "Includes 6 units whose appendix still has errors: Sở Y tế, UBND xã A, UBND xã B, UBND xã C, UBND xã D and 1 more.",
  ],
  listed_rate_without_counts: [
    "Tỷ lệ ghi không kèm số liệu chi tiết: không tính vào tỷ lệ chung (không lấy trung bình các tỷ lệ).",
    "A rate stated without its counts: left out of the recomputed rate (rates are never averaged).",
  ],
  listed_coded: [
    "Chỉ tiêu dạng mã: liệt kê theo đơn vị, bảng tổng hợp ghi mức thấp nhất.",
    "A coded status: listed per unit; the summary shows the lowest.",
  ],
  listed_rate: [
    "Tỷ lệ không có số liệu chi tiết để tính lại: không cộng được, không lấy trung bình.",
    "A rate without counts to recompute it from: not aggregable, never averaged.",
  ],
  lead_recomputed: [
    "Tính lại ΣDV.3.2 / ΣDV.3 = 7.580/63.560 từ 12 đơn vị cấp Sở, ngành và cấp Huyện.",
    "Recomputed ΣDV.3.2 / ΣDV.3 = 7,580/63,560 from 12 department and district units.",
  ],
  lead_province: [
    "Chỉ tiêu do Sở Nội vụ báo cáo cho toàn tỉnh: chưa có phụ lục của đơn vị này.",
    "Reported for the whole province by the Department of Home Affairs: no appendix from that office.",
  ],
  lead_not_applicable: [
    "Không áp dụng từ 01/7/2025: kỳ Quý I/2026 không tổng hợp chỉ tiêu này.",
    "Not applicable from 1 July 2025: not consolidated for 2026-Q1.",
  ],
  lead_not_aggregable: [
    'Không cộng được: 3 đơn vị báo cáo tỷ lệ riêng, xem trang "Không cộng được".',
    'Not aggregable: 3 units report their own rate; see the "Không cộng được" sheet.',
  ],
  excluded_other_period: [
    'Phụ lục của "Sở Y tế" ghi kỳ Quý II/2021, khác kỳ tổng hợp Quý III/2021: không cộng vào bảng tổng hợp. Đề nghị đơn vị gửi phụ lục đúng kỳ, hoặc tổng hợp lại với --allow-other-periods để cộng cả phụ lục khác kỳ.',
    'The appendix of "Sở Y tế" states 2021-Q2, not the consolidated period 2021-Q3: not summed. Ask the unit for the appendix of this period, or consolidate again with --allow-other-periods to sum appendices of other periods too.',
  ],
  excluded_very_hidden: [
    'Trang tính bị ẩn sâu (very hidden, Excel không cho ai thấy) chứa phụ lục của "Sở Y tế": không cộng vào bảng tổng hợp. Nếu đó là phụ lục thật, đề nghị đơn vị gửi lại trên một trang tính hiện.',
    'A very hidden sheet (one Excel shows to no one) holds the appendix of "Sở Y tế": not summed. If it is a real appendix, ask the unit to send it again on a visible sheet.',
  ],
  lead_lowest: [
    'Mức thấp nhất trong 14 đơn vị: 0 (Không); chi tiết ở trang "Không cộng được".',
    'Lowest of 14 units: 0 (No); details on the "Không cộng được" sheet.',
  ],
  letter_to: ["Kính gửi: UBND xã Long Đức", "To: UBND xã Long Đức"],
  letter_opening: [
    "Sở Nội vụ đã nhận phụ lục thống kê số liệu về kết quả thực hiện công tác cải cách hành chính Quý III/2021 của đơn vị (tệp xa-long-duc.xlsx, trang tính 'Phụ lục'). Qua kiểm tra, đề nghị đơn vị rà soát, chỉnh sửa các nội dung dưới đây và gửi lại phụ lục đã sửa:",
    "The Department of Home Affairs has received your administrative reform statistical appendix for 2021-Q3 (file xa-long-duc.xlsx, sheet 'Phụ lục'). Please review and correct the points below and send the corrected appendix back:",
  ],
  letter_section: ["B. Nội dung cần kiểm tra lại (2):", "B. Points to check (2):"],
  letter_cell: ["Ô D15: ", "Cell D15: "],
  letter_closing: ["Trân trọng./.", "Kind regards."],
  error_unknown_version: [
    'Mẫu phụ lục "CCHC-PL-2030" không được hỗ trợ, không tổng hợp được.',
    'Template version "CCHC-PL-2030" is not supported and cannot be consolidated.',
  ],
  error_no_units: ["Không có phụ lục nào để tổng hợp.", "There is no appendix to consolidate."],
  error_no_previous: [
    "Tệp kỳ trước ky-truoc.xlsx không có bảng tổng hợp hay phụ lục nào.",
    "The previous period file ky-truoc.xlsx holds no summary and no appendix.",
  ],
  form_missing: [
    "Trang tính 'Xã A' theo mẫu \"PL-THU-2026\" mà công cụ chưa có định nghĩa (hoặc đã có bản khác): chọn tệp định nghĩa của mẫu này để kiểm tra.",
    "Sheet 'Xã A' follows the form \"PL-THU-2026\", whose definition this tool does not have (or has in another version): give this form's definition file to check it.",
  ],
  outcome_left_out: [
    'Các phụ lục theo 2 mẫu khác nhau: 1.234 chỉ tiêu không tổng hợp (xem trang "Cảnh báo tổng hợp").',
    'The appendices follow 2 different forms: 1,234 indicators not consolidated (see the "Cảnh báo tổng hợp" sheet).',
  ],
  lead_left_out: [
    "Không tổng hợp: mẫu PL-THU-2026 (2 đơn vị) không có chỉ tiêu này; ở mẫu PL-HUE-2026 (1 đơn vị), chỉ tiêu này khác đơn vị tính.",
    "Not consolidated: the form PL-THU-2026 (2 units) lacks this indicator; in the form PL-HUE-2026 (1 unit) this indicator has another unit.",
  ],
  form_missing_option: [
    "Trang tính 'Xã A' theo mẫu \"PL-THU-2026\" nhưng tệp không mang theo định nghĩa của mẫu này và chưa được cung cấp: thêm --form DINH-NGHIA.xlsx (tệp định nghĩa của mẫu) để kiểm tra.",
    "Sheet 'Xã A' follows the form \"PL-THU-2026\", whose definition the file does not carry and was not given: add --form DEFINITION.xlsx (the form's definition file) to check it.",
  ],
  carried_changed: [
    "Định nghĩa mẫu \"PL-THU-2026\" mà tệp mang theo (trang ẩn '_cchc_mau', dòng 1) đã bị sửa sau khi ghi, nên không được dùng.",
    "The definition of the form \"PL-THU-2026\" the file carries (hidden sheet '_cchc_mau', row 1) was changed after it was written, so it is not used.",
  ],
  carried_unreadable: [
    "Định nghĩa mẫu \"PL-THU-2026\" mà tệp mang theo (trang ẩn '_cchc_mau', dòng 72) bị hỏng, không đọc được, nên không được dùng.",
    "The definition of the form \"PL-THU-2026\" the file carries (hidden sheet '_cchc_mau', row 72) is damaged and cannot be read, so it is not used.",
  ],
};

/** One error of every kind users read; TypeScript refuses the table when a kind is missing. */
const ERROR_SAMPLES: { readonly [K in ErrorKind]: ErrorParams[K] } = {
  fill_no_sheet: {},
  fill_not_appendix: { sheet: "Bảng 1" },
  fix_no_suggestion: {},
  install_sheet_missing: { sheet: "Sở Y tế" },
  install_rename_on_replace: { sheet: "Sở Y tế" },
  install_not_appendix: { sheet: "Ghi chú" },
  install_unknown_version: { sheet: "Sở Y tế", version: "CCHC-PL-2030" },
  install_level_not_in_form: { id: "PL-THU-2026", level: "huyen", levels: ["so", "xa"] },
  invalid_level: { input: "tinh" },
  invalid_period: { input: "2021-Q5" },
  level_gone: { level: "huyen", period: "2026-Q1", from: "2025-Q3", levels: ["so", "xa"] },
  invalid_sheet_name: { sheetName: "Sở/Ngành", max: 31 },
  roles_invalid: {
    lines: [1, 3, 4],
    problems: ["role", "format", "twice"],
    texts: ["noi-vu", "Sở Nội vụ", "SNV tỉnh"],
    earlier: ["", "", "snv"],
  },
  mixed_versions: {
    versions: ["CCHC-PL-2021", "CCHC-PL-2030"],
    counts: [4, 1],
    places: [
      "a.xlsx 'Sở Y tế'",
      "b.xlsx 'Phụ lục'",
      "c.xlsx 'Phụ lục'",
      "d.xlsx 'Phụ lục'",
      "e.xlsx 'Sở Tư pháp'",
    ],
  },
  usage_no_command: {},
  usage_unknown_command: { command: "kiemtra" },
  usage_no_output: {},
  usage_no_summary: {},
  usage_no_files: {},
  usage_no_files_to_validate: {},
  usage_invalid_format: { input: "xml" },
  usage_invalid_lang: { input: "fr" },
  usage_form_no_action: {},
  usage_form_unknown_action: { action: "xoa" },
  usage_form_check_one_file: {},
  form_unknown: { id: "PL-HN-2026", known: ["CCHC-PL-2021"] },
  template_form_unknown: { form: "PL-HN-2026", known: ["CCHC-PL-2021"] },
  usage_invalid_level: { input: "tinh" },
  usage_invalid_period: { input: "Quý V/2021" },
  import_one_report: {},
  import_already_workbook: {},
  unexpected: { variable: "CCHC_DEBUG" },
  text_file_not_regular: { role: "roles", path: "vai-tro" },
  text_file_unreadable: { role: "expected", path: "don-vi.txt", code: "EACCES" },
  text_file_too_large: { role: "roles", path: "vai-tro.txt", size: 2097152, max: 1048576 },
  previous_unreadable: {
    path: "q2.xlsx",
    reason: "Không tìm thấy tệp q2.xlsx.",
    reasonEn: "File q2.xlsx not found.",
  },
  read_unknown: { detail: "EIO" },
  summary_set_aside: {},
  summaries_skipped: { count: 2 },
  no_appendix_in_file: { sheets: ["Sheet1", "Ghi chú"] },
  output_unchecked: { path: "tong-hop.xlsx", code: "EACCES" },
  output_is_folder: { path: "ket-qua", example: "ket-qua/phu-luc.xlsx", exampleEn: "ket-qua/appendix.xlsx" },
  output_is_input: { role: "previous", input: "q2.xlsx", path: "q2.xlsx" },
  output_exists: { path: "tong-hop.xlsx" },
  output_unwritten: { path: "tong-hop.xlsx", code: "ENOSPC" },
  output_appeared: { path: "tong-hop.xlsx" },
  read_not_found: { path: "phu-luc.xlsx" },
  read_failed: { path: "phu-luc.xlsx", code: "EACCES" },
  read_not_regular: { path: "/dev/zero" },
  xlsx_password: {},
  xlsx_old_xls: {},
  xlsx_password_or_xls: {},
  xlsx_zip_bomb: {},
  xlsx_damaged: { detail: "member xl/workbook.xml truncated" },
  xlsx_zip64: {},
  xlsx_encrypted_part: {},
  xlsx_macros: {},
  xlsx_too_large: { megabytes: 120, max: 50 },
  xlsx_doctype: { part: "xl/workbook.xml" },
  xlsx_no_worksheet: {},
  xlsx_not_workbook: { empty: true },
  docx_not_word: { empty: false },
  docx_old_doc: {},
  docx_pdf: {},
  docx_damaged: { detail: "member word/document.xml fails its CRC-32 check" },
  docx_encrypted_part: {},
  docx_zip64: {},
  docx_too_large: { detail: "120 MB" },
  docx_macros: {},
  docx_no_document: {},
  docx_doctype: { part: "word/document.xml" },
  docx_not_report: {},
  mixed_definitions: {
    id: "PL-THU-2026",
    hashes: ["3f9a1c2e", "0b7d44e1"],
    counts: [4, 1],
    places: ["a.xlsx 'Xã A'", "b.xlsx 'Xã B'", "c.xlsx 'Xã C'", "d.xlsx 'Xã D'", "e.xlsx 'Xã E'"],
  },
  usage_form_not_definition: { input: "CCHC-PL-2021" },
};

/** Each error exactly, in Vietnamese and English, as the samples above render it. */
const ERRORS_EXPECTED: { readonly [K in ErrorKind]: readonly [vi: string, en: string] } = {
  fill_no_sheet: [
    "Không xác định được trang tính đang mở. Hãy mở trang phụ lục cần điền tỷ lệ rồi bấm lại.",
    "The open sheet could not be told. Open the appendix sheet whose rates to fill, then try again.",
  ],
  fill_not_appendix: [
    'Trang tính "Bảng 1" không phải trang phụ lục theo mẫu nên không điền tỷ lệ tự động được. Hãy mở trang phụ lục cần điền rồi bấm lại.',
    'Sheet "Bảng 1" is not an appendix sheet of the template, so its rates cannot be filled. Open the appendix sheet to fill, then try again.',
  ],
  fix_no_suggestion: ["Phát hiện này không có đề xuất sửa tự động.", "This finding has no automatic fix."],
  install_sheet_missing: [
    'Không tìm thấy trang tính "Sở Y tế" để cài lại phụ lục.',
    'Sheet "Sở Y tế" to re-install the appendix on was not found.',
  ],
  install_rename_on_replace: [
    'Cài lại phụ lục giữ nguyên tên trang tính "Sở Y tế": không đổi tên được cùng lúc.',
    'Re-installing keeps the sheet name "Sở Y tế": it cannot be renamed at the same time.',
  ],
  install_not_appendix: [
    'Trang tính "Ghi chú" không chứa phụ lục thống kê CCHC nên không cài lại được; hãy thêm một trang phụ lục mới.',
    'Sheet "Ghi chú" holds no CCHC appendix, so it cannot be re-installed; add a new appendix sheet instead.',
  ],
  install_unknown_version: [
    'Trang tính "Sở Y tế" dùng mẫu phụ lục CCHC-PL-2030, mới hơn phiên bản này của công cụ: không cài mẫu cũ hơn đè lên.',
    'Sheet "Sở Y tế" uses appendix template CCHC-PL-2030, newer than this version of the tool: an older template is not installed over it.',
  ],
  install_level_not_in_form: [
    "Mẫu PL-THU-2026 không có cấp huyện: các cấp báo cáo theo mẫu này là Sở, ngành (so), Xã (xa).",
    "The form PL-THU-2026 has no district level: the levels that report on it are department (so), commune (xa).",
  ],
  invalid_level: [
    'Cấp "tinh" không hợp lệ: dùng so (Sở, ngành), huyen (Huyện) hoặc xa (Xã).',
    'Invalid level "tinh": use so (department), huyen (district) or xa (commune).',
  ],
  invalid_period: [
    'Kỳ báo cáo "2021-Q5" không hợp lệ: dùng dạng 2021-Q3 (Quý III/2021), 2021-H1 (6 tháng/2021) hoặc 2021 (Năm 2021).',
    'Invalid period "2021-Q5": use 2021-Q3 (third quarter), 2021-H1 (first half) or 2021 (full year).',
  ],
  level_gone: [
    "Kỳ Quý I/2026: từ 01/7/2025 không còn cấp huyện (chính quyền địa phương hai cấp). Chọn Sở, ngành (so) hoặc Xã (xa).",
    "2026-Q1: there is no district level from 1 July 2025 (two-level local government). Choose department (so) or commune (xa).",
  ],
  invalid_sheet_name: [
    'Tên trang tính "Sở/Ngành" không hợp lệ: cần từ 1 đến 31 ký tự, không chứa [ ] : * ? / \\ \' và không được là "History".',
    'Invalid sheet name "Sở/Ngành": 1 to 31 characters, none of [ ] : * ? / \\ \' and not "History".',
  ],
  roles_invalid: [
    'Tệp vai trò không hợp lệ: dòng 1: vai trò "noi-vu" không hợp lệ (dùng vpubnd, snv, stttt hoặc none); dòng 3: cần "Tên đơn vị<TAB hoặc ;>vai trò", nhận được "Sở Nội vụ"; dòng 4: "SNV tỉnh" đã được gán vai trò snv.',
    'Invalid roles file: line 1: unknown role "noi-vu" (use vpubnd, snv, stttt or none); line 3: expected "Unit name<TAB or ;>role", got "Sở Nội vụ"; line 4: "SNV tỉnh" already has the role snv.',
  ],
  mixed_versions: [
    "Không tổng hợp chung các phụ lục khác mẫu: CCHC-PL-2021 (a.xlsx 'Sở Y tế', b.xlsx 'Phụ lục', c.xlsx 'Phụ lục' và 1 đơn vị khác); CCHC-PL-2030 (e.xlsx 'Sở Tư pháp'). Đề nghị các đơn vị dùng cùng một mẫu phụ lục.",
    "Appendices of different template versions cannot be consolidated together: CCHC-PL-2021 (a.xlsx 'Sở Y tế', b.xlsx 'Phụ lục', c.xlsx 'Phụ lục' and 1 more); CCHC-PL-2030 (e.xlsx 'Sở Tư pháp'). Ask the units to use one template.",
  ],
  usage_no_command: ["Chưa chỉ định lệnh.", "No command given."],
  usage_unknown_command: [
    'Lệnh không hợp lệ: "kiemtra" (dùng template, validate, consolidate, import hoặc form).',
    'Unknown command: "kiemtra" (use template, validate, consolidate, import or form).',
  ],
  usage_no_output: ["Thiếu tên tệp đầu ra: -o TỆP.xlsx.", "Missing the output file: -o FILE.xlsx."],
  usage_no_summary: [
    "Thiếu tên tệp tổng hợp: -o TONG-HOP.xlsx.",
    "Missing the summary file: -o SUMMARY.xlsx.",
  ],
  usage_no_files: ["Chưa chỉ định tệp cần tổng hợp.", "No file to consolidate."],
  usage_no_files_to_validate: ["Chưa chỉ định tệp cần kiểm tra.", "No file to validate."],
  usage_invalid_format: [
    'Định dạng không hợp lệ: "xml" (dùng text hoặc json).',
    'Invalid format: "xml" (use text or json).',
  ],
  usage_form_no_action: ["Thiếu việc cần làm: export hoặc check.", "Missing what to do: export or check."],
  usage_form_unknown_action: [
    'Việc không hợp lệ: "xoa" (dùng export hoặc check).',
    'Unknown action: "xoa" (use export or check).',
  ],
  usage_form_check_one_file: [
    "Cần đúng một tệp định nghĩa: cchc-appendix form check TỆP.xlsx.",
    "Give exactly one definition file: cchc-appendix form check FILE.xlsx.",
  ],
  form_unknown: [
    'Không có mẫu có sẵn "PL-HN-2026" (các mẫu có sẵn: CCHC-PL-2021).',
    'No built-in form "PL-HN-2026" (the built-in forms: CCHC-PL-2021).',
  ],
  template_form_unknown: [
    'Không có mẫu có sẵn "PL-HN-2026": dùng mã một mẫu có sẵn (CCHC-PL-2021) hoặc tệp định nghĩa mẫu .xlsx.',
    'No built-in form "PL-HN-2026": give a built-in form\'s id (CCHC-PL-2021) or a form definition .xlsx file.',
  ],
  usage_invalid_lang: [
    'Ngôn ngữ không hợp lệ: "fr" (dùng vi hoặc en).',
    'Invalid language: "fr" (use vi or en).',
  ],
  usage_invalid_level: [
    'Cấp không hợp lệ: "tinh" (dùng so, huyen hoặc xa).',
    'Invalid level: "tinh" (use so, huyen or xa).',
  ],
  usage_invalid_period: [
    'Kỳ báo cáo không hợp lệ: "Quý V/2021". Dùng một trong các dạng: 2021-Q3 hoặc "Quý III/2021"; 2021-H1 hoặc "6 tháng 2021"; 2021 hoặc "Năm 2021" (năm 2000–2099).',
    'Invalid period: "Quý V/2021". Use one of: 2021-Q3 or "Quý III/2021"; 2021-H1 or "6 tháng 2021"; 2021 or "Năm 2021" (years 2000–2099).',
  ],
  import_one_report: [
    "Chỉ định đúng một báo cáo Word (.docx) cần chuyển.",
    "Name exactly one Word report (.docx) to import.",
  ],
  import_already_workbook: [
    "Tệp này đã là bảng tính Excel: dùng validate để kiểm tra; import chỉ chuyển báo cáo Word (.docx).",
    "This file is already an Excel workbook: check it with validate; import only brings Word reports (.docx) in.",
  ],
  unexpected: [
    "Lỗi không mong đợi: công cụ không làm được việc này. Chạy lại với CCHC_DEBUG=1 để xem chi tiết lỗi, rồi gửi cho người bảo trì.",
    "Unexpected error: the tool could not do this. Run again with CCHC_DEBUG=1 to see the detail, and send it to the maintainers.",
  ],
  text_file_not_regular: [
    "Tệp vai trò vai-tro không phải một tệp văn bản thường.",
    "The roles file vai-tro is not a regular text file.",
  ],
  text_file_unreadable: [
    "Không đọc được danh sách đơn vị don-vi.txt (EACCES).",
    "Cannot read the list of units don-vi.txt (EACCES).",
  ],
  text_file_too_large: [
    "Tệp vai trò vai-tro.txt quá lớn (2.097.152 byte; tối đa 1.048.576 byte).",
    "The roles file vai-tro.txt is too large (2,097,152 bytes; at most 1,048,576).",
  ],
  previous_unreadable: [
    "Tệp kỳ trước q2.xlsx: Không tìm thấy tệp q2.xlsx.",
    "Previous period file q2.xlsx: File q2.xlsx not found.",
  ],
  read_unknown: ["Không đọc được tệp: EIO", "Cannot read the file: EIO"],
  summary_set_aside: ["Trang tổng hợp: không cộng lại lần nữa.", "A summary sheet: never summed again."],
  summaries_skipped: [
    "bỏ qua 2 trang tổng hợp (không cộng lại lần nữa).",
    "skipped 2 summary sheets (never summed again).",
  ],
  no_appendix_in_file: [
    "Tệp không có trang tính nào chứa phụ lục thống kê CCHC (đã xem: Sheet1, Ghi chú).",
    "No sheet of this file holds a CCHC appendix (looked at: Sheet1, Ghi chú).",
  ],
  output_unchecked: [
    "Không kiểm tra được tệp đầu ra tong-hop.xlsx (EACCES).",
    "Cannot check the output file tong-hop.xlsx (EACCES).",
  ],
  output_is_folder: [
    "ket-qua là một thư mục: hãy chỉ định tên tệp, ví dụ -o ket-qua/phu-luc.xlsx.",
    "ket-qua is a folder: give a file name, e.g. -o ket-qua/appendix.xlsx.",
  ],
  output_is_input: [
    "Không ghi đè tệp kỳ trước q2.xlsx: tệp đầu ra -o q2.xlsx chính là tệp đó. Hãy chọn tên khác cho tệp đầu ra.",
    "Will not overwrite the previous period's file q2.xlsx: the output -o q2.xlsx is that very file. Choose another name for the output.",
  ],
  output_exists: [
    "Tệp tong-hop.xlsx đã có: không ghi đè. Chọn tên khác, hoặc thêm --force để thay tệp đó.",
    "tong-hop.xlsx already exists: not overwritten. Choose another name, or add --force to replace it.",
  ],
  output_unwritten: [
    "Không ghi được tệp tong-hop.xlsx (ENOSPC); không tệp nào bị thay đổi.",
    "Cannot write tong-hop.xlsx (ENOSPC); no file was changed.",
  ],
  output_appeared: [
    "Tệp tong-hop.xlsx vừa được một chương trình khác tạo ra: không ghi đè. Thêm --force để thay tệp đó.",
    "tong-hop.xlsx was just created by another program: not overwritten. Add --force to replace it.",
  ],
  read_not_found: ["Không tìm thấy tệp phu-luc.xlsx.", "File phu-luc.xlsx not found."],
  read_failed: [
    "Không đọc được tệp phu-luc.xlsx (EACCES): kiểm tra quyền truy cập và đường dẫn.",
    "Cannot read file phu-luc.xlsx (EACCES): check the path and permissions.",
  ],
  read_not_regular: [
    "Không đọc được /dev/zero: đây không phải một tệp thông thường (mà là thư mục, ống dẫn hay thiết bị); hãy chỉ đến tệp .xlsx.",
    "Cannot read /dev/zero: it is not a regular file (but a directory, pipe or device); name an .xlsx file.",
  ],
  xlsx_password: [
    "Tệp được bảo vệ bằng mật khẩu nên không đọc được: mở tệp bằng Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại.",
    "The file is password-protected and cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) and save it again.",
  ],
  xlsx_old_xls: [
    "Tệp ở định dạng Excel 97–2003 (.xls) cũ: mở tệp bằng Excel và chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx).",
    "The file is in the old Excel 97–2003 format (.xls): open it in Excel and Save As an Excel Workbook (.xlsx).",
  ],
  xlsx_password_or_xls: [
    "Tệp được bảo vệ bằng mật khẩu hoặc ở định dạng Excel 97–2003 (.xls): mở tệp bằng Excel và chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx), không đặt mật khẩu.",
    "The file is password-protected or in the old Excel 97–2003 format (.xls): open it in Excel and Save As an Excel Workbook (.xlsx), without a password.",
  ],
  xlsx_zip_bomb: [
    'Tệp nén giải ra dung lượng bất thường (nghi là "bom nén"), không đọc để bảo vệ máy: hãy xin đơn vị gửi lại tệp .xlsx lưu từ Excel.',
    "The archive unpacks to an abnormal size (a suspected zip bomb) and is not read, to protect this computer: ask the unit to send an .xlsx saved from Excel again.",
  ],
  xlsx_damaged: [
    "Tệp .xlsx bị hỏng (member xl/workbook.xml truncated; có thể tải về hoặc sao chép chưa hết): mở thử bằng Excel để sửa, hoặc xin gửi lại tệp.",
    "The .xlsx file is damaged (member xl/workbook.xml truncated; perhaps not fully downloaded or copied): try opening it in Excel to repair it, or ask for the file again.",
  ],
  xlsx_zip64: [
    "Tệp dùng dạng nén ZIP64, chỉ cần cho tệp trên 4 GB, không thể là phụ lục thống kê: kiểm tra lại tệp gửi đến.",
    "The file uses ZIP64, needed only for files over 4 GB, so it cannot be a statistical appendix: check the file received.",
  ],
  xlsx_encrypted_part: [
    "Tệp có phần bị mã hóa nên không đọc được: mở tệp bằng Excel và chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx), không đặt mật khẩu.",
    "Part of the file is encrypted and cannot be read: open it in Excel and Save As an Excel Workbook (.xlsx), without a password.",
  ],
  xlsx_macros: [
    "Tệp có chứa macro (VBA, thường là .xlsm) nên không được đọc, vì an toàn: mở bằng Excel, chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.",
    "The file contains macros (VBA, usually .xlsm) and is not read, for safety: open it in Excel, Save As an Excel Workbook (.xlsx) and send it again.",
  ],
  xlsx_too_large: [
    "Tệp quá lớn (120 MB, tối đa 50 MB) để là phụ lục thống kê: kiểm tra lại tệp gửi đến.",
    "The file is too large (120 MB, at most 50 MB) to be a statistical appendix: check the file received.",
  ],
  xlsx_doctype: [
    "Phần xl/workbook.xml của tệp có khai báo DOCTYPE, thứ mà tệp Excel không bao giờ có (có thể là tệp độc hại), nên tệp không được đọc: xin đơn vị gửi lại tệp .xlsx lưu từ Excel.",
    "Part xl/workbook.xml of the file has a DOCTYPE, which Excel never writes (the file may be hostile), so it is not read: ask the unit to send an .xlsx saved from Excel again.",
  ],
  xlsx_no_worksheet: [
    "Tệp nén không chứa bảng tính Excel nào: mở tệp bằng Excel và chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx).",
    "The archive holds no Excel worksheet: open it in Excel and Save As an Excel Workbook (.xlsx).",
  ],
  docx_not_word: [
    "Tệp mang tên .docx nhưng không phải tài liệu Word hợp lệ: mở tệp bằng Word và chọn Lưu thành (Save As) định dạng Tài liệu Word (.docx), hoặc xin đơn vị gửi lại báo cáo dạng .docx lưu từ Word.",
    "The file is named .docx but is not a valid Word document: open it in Word and Save As a Word Document (.docx), or ask the unit for its report as a .docx saved from Word.",
  ],
  xlsx_not_workbook: [
    "Tệp không phải bảng tính Excel (.xlsx) (tệp rỗng): mở tệp bằng Excel và chọn Lưu thành (Save As) định dạng Sổ làm việc Excel (.xlsx).",
    "The file is not an Excel workbook (.xlsx) (it is empty): open it in Excel and Save As an Excel Workbook (.xlsx).",
  ],
  docx_old_doc: [
    "Tệp ở định dạng Word 97–2003 (.doc) cũ: mở tệp bằng Word và chọn Lưu thành (Save As) định dạng Tài liệu Word (.docx), rồi kiểm tra tệp .docx đó.",
    "The file is in the old Word 97–2003 format (.doc): open it in Word and Save As a Word Document (.docx), then check that .docx file.",
  ],
  docx_pdf: [
    "Tệp là PDF: công cụ đọc tệp Word (.docx) và Excel (.xlsx). Xin đơn vị gửi báo cáo dạng .docx hoặc phụ lục dạng .xlsx.",
    "The file is a PDF: the tool reads Word (.docx) and Excel (.xlsx) files. Ask the unit for its report as .docx or its appendix as .xlsx.",
  ],
  docx_damaged: [
    "Tệp .docx bị hỏng (member word/document.xml fails its CRC-32 check): mở tệp bằng Word để sửa, hoặc xin đơn vị gửi lại tệp .docx.",
    "The .docx file is damaged (member word/document.xml fails its CRC-32 check): open it in Word to repair it, or ask the unit to send the .docx again.",
  ],
  docx_encrypted_part: [
    "Tệp Word có phần bị mã hóa nên không đọc được: lưu lại bằng Word, không đặt mật khẩu.",
    "Part of the Word file is encrypted and cannot be read: save it again in Word, without a password.",
  ],
  docx_zip64: [
    "Tệp dùng dạng nén ZIP64, chỉ cần cho tệp trên 4 GB, không thể là một báo cáo: kiểm tra lại tệp gửi đến.",
    "The file uses ZIP64, needed only for files over 4 GB, so it cannot be a report: check the file received.",
  ],
  docx_too_large: [
    "Tài liệu quá lớn để là một báo cáo CCHC (120 MB): kiểm tra lại tệp gửi đến.",
    "The document is too large to be a CCHC report (120 MB): check the file received.",
  ],
  docx_macros: [
    "Tài liệu có chứa macro (VBA, thường là .docm) nên không được đọc, vì an toàn: mở bằng Word, chọn Lưu thành (Save As) định dạng Tài liệu Word (.docx) rồi gửi lại.",
    "The document contains macros (VBA, usually .docm) and is not read, for safety: open it in Word, Save As a Word Document (.docx) and send it again.",
  ],
  docx_no_document: [
    "Tệp nén không chứa tài liệu Word nào (thiếu word/document.xml): xin đơn vị gửi lại báo cáo dạng .docx lưu từ Word.",
    "The archive holds no Word document (word/document.xml is missing): ask the unit for its report as a .docx saved from Word.",
  ],
  docx_doctype: [
    "Phần word/document.xml của tài liệu có khai báo DOCTYPE, thứ mà Word không bao giờ ghi (có thể là tệp độc hại), nên tệp không được đọc: xin đơn vị gửi lại tệp .docx lưu từ Word.",
    "Part word/document.xml of the document has a DOCTYPE, which Word never writes (the file may be hostile), so it is not read: ask the unit to send a .docx saved from Word again.",
  ],
  docx_not_report: [
    "Tài liệu Word này không phải báo cáo CCHC có phụ lục: không có bảng nào mang cột STT và các mã chỉ tiêu của phụ lục (1.1.1, 3.4.1 …), và phần báo cáo không nêu số liệu nào của mẫu (Tổng số hồ sơ yêu cầu giải quyết TTHC, Số mới tiếp nhận …). Hãy kiểm tra đúng tệp báo cáo, hoặc gửi phụ lục dạng .xlsx.",
    "This Word document is no CCHC report with an appendix: no table has an STT column with the appendix's codes (1.1.1, 3.4.1 …), and its text states none of the form's figures (total dossiers to resolve, newly received …). Check that this is the report, or send the appendix as .xlsx.",
  ],
  mixed_definitions: [
    "Không tổng hợp chung các phụ lục theo 2 bản định nghĩa khác nhau của cùng mẫu PL-THU-2026 (cùng mã mẫu, khác nội dung): bản #3f9a1c2e (a.xlsx 'Xã A', b.xlsx 'Xã B', c.xlsx 'Xã C' và 1 đơn vị khác); bản #0b7d44e1 (e.xlsx 'Xã E'). Đề nghị các đơn vị lập lại phụ lục từ cùng một tệp định nghĩa.",
    "Appendices of 2 different definitions of the form PL-THU-2026 (one form id, different contents) cannot be consolidated together: version #3f9a1c2e (a.xlsx 'Xã A', b.xlsx 'Xã B', c.xlsx 'Xã C' and 1 more); version #0b7d44e1 (e.xlsx 'Xã E'). Ask the units to make their appendices again from one definition file.",
  ],
  usage_form_not_definition: [
    '--form cần một tệp định nghĩa mẫu .xlsx, không phải "CCHC-PL-2021" (các mẫu có sẵn luôn được dùng, không cần chỉ ra).',
    '--form takes a form definition file (.xlsx), not "CCHC-PL-2021" (the built-in forms are always used, without naming them).',
  ],
};

/** One problem of every kind an expression of a form definition is refused for, as its reader makes it. */
const EXPRESSION_SAMPLES: { readonly [K in ExpressionProblemKind]: ExpressionProblem<K> } = {
  expression_empty: { kind: "expression_empty", offset: 0, length: 1, params: { text: "=" } },
  expression_unexpected: {
    kind: "expression_unexpected",
    offset: 5,
    length: 1,
    params: { text: "HS.1 ) HS.2", found: ")", expected: ["plus", "relation"] },
  },
  expression_bad_character: {
    kind: "expression_bad_character",
    offset: 4,
    length: 1,
    params: { text: "HS.1&HS.2", found: "&" },
  },
  expression_not_code: {
    kind: "expression_not_code",
    offset: 7,
    length: 6,
    params: { text: "HS.1 = Hs.1.1 + HS.1.2", found: "Hs.1.1", suggestion: "HS.1.1" },
  },
  expression_cell_reference: {
    kind: "expression_cell_reference",
    offset: 9,
    length: 3,
    params: { text: "HS.2.1 / D20", found: "D20" },
  },
  expression_function: {
    kind: "expression_function",
    offset: 1,
    length: 3,
    params: { text: "=SUM(HS.1.1:HS.1.2)", found: "SUM" },
  },
  expression_product: {
    kind: "expression_product",
    offset: 14,
    length: 1,
    params: { text: "DV.3.2 / DV.3 * 100", found: "*" },
  },
  expression_division_in_rule: {
    kind: "expression_division_in_rule",
    offset: 5,
    length: 1,
    params: { text: "HS.4 / HS.2 <= 100%", found: "/" },
  },
  expression_minus_in_rule: {
    kind: "expression_minus_in_rule",
    offset: 5,
    length: 1,
    params: { text: "HS.1 - HS.3 >= HS.2", found: "-" },
  },
  expression_strict_relation: {
    kind: "expression_strict_relation",
    offset: 4,
    length: 1,
    params: { text: "HS.4>HS.2", found: ">" },
  },
  expression_relation_kind: {
    kind: "expression_relation_kind",
    offset: 5,
    length: 2,
    params: { text: "HS.1 <= HS.1.1 + HS.1.2", found: "<=", kind: "balance" },
  },
  expression_percent_misplaced: {
    kind: "expression_percent_misplaced",
    offset: 9,
    length: 4,
    params: { text: "7.6.2 >= 100%", found: "100%" },
  },
  expression_bad_percent: {
    kind: "expression_bad_percent",
    offset: 11,
    length: 5,
    params: { text: "7.6.2.a <= HS.1%", found: "HS.1%" },
  },
  expression_constant: {
    kind: "expression_constant",
    offset: 9,
    length: 4,
    params: { text: "HS.2.1 / 100%", found: "100%" },
  },
  expression_parentheses_needed: {
    kind: "expression_parentheses_needed",
    offset: 0,
    length: 12,
    params: { text: "BC.3 - 4.1.4 / BC.3", part: "numerator" },
  },
  expression_nested_division: {
    kind: "expression_nested_division",
    offset: 11,
    length: 1,
    params: { text: "VB.1 / 7.6 / 2", found: "/" },
  },
  expression_not_ratio: { kind: "expression_not_ratio", offset: 0, length: 6, params: { text: "HS.2.1" } },
  expression_minus_in_denominator: {
    kind: "expression_minus_in_denominator",
    offset: 12,
    length: 1,
    params: { text: "VB.1 / (7.6 - VB.2)", found: "-" },
  },
  expression_unclosed: {
    kind: "expression_unclosed",
    offset: 0,
    length: 1,
    params: { text: "(HS.2.1 + HS.3.1" },
  },
};

/** Each expression problem's message exactly, in Vietnamese and English. */
const EXPRESSION_EXPECTED: { readonly [K in ExpressionProblemKind]: readonly [vi: string, en: string] } = {
  expression_empty: [
    "Biểu thức trống: ô chưa có biểu thức, hoặc chỉ có dấu «=».",
    'The expression is empty: the cell holds none, or only "=".',
  ],
  expression_unexpected: [
    "Biểu thức «HS.1 ) HS.2» không đọc được ở ký tự 6: cần «+» hoặc một dấu so sánh (=, <=, >=), gặp «)».",
    'The expression "HS.1 ) HS.2" cannot be read at character 6: expected "+" or a comparison (=, <=, >=), found ")".',
  ],
  expression_bad_character: [
    "Biểu thức «HS.1&HS.2» không đọc được ở ký tự 5: ký tự «&» không dùng trong biểu thức (chỉ dùng mã chỉ tiêu, tỷ lệ như 100% và các dấu + - / ( ) = <= >= ~ ;).",
    'The expression "HS.1&HS.2" cannot be read at character 5: the character "&" has no place in an expression (only indicator codes, a percentage such as 100% and + - / ( ) = <= >= ~ ;).',
  ],
  expression_not_code: [
    "Biểu thức «HS.1 = Hs.1.1 + HS.1.2» không đọc được ở ký tự 8: «Hs.1.1» không phải mã chỉ tiêu (mã là các số cách nhau bởi dấu chấm, có thể thêm một chữ thường a–z ở cuối như 3.1.3.a, hoặc 2–4 chữ in hoa rồi các số như HS.2.1); viết đúng là HS.1.1.",
    'The expression "HS.1 = Hs.1.1 + HS.1.2" cannot be read at character 8: "Hs.1.1" is not an indicator code (digits separated by dots, optionally ending in one lower-case letter a–z as 3.1.3.a, or 2–4 capital letters then digits as HS.2.1); write HS.1.1.',
  ],
  expression_cell_reference: [
    "Biểu thức «HS.2.1 / D20» không đọc được ở ký tự 10: «D20» là địa chỉ ô, không phải mã chỉ tiêu; biểu thức ghi theo mã chỉ tiêu (như HS.2.1 / HS.2), không theo ô.",
    'The expression "HS.2.1 / D20" cannot be read at character 10: "D20" is a cell\'s address, not an indicator code; an expression names codes (such as HS.2.1 / HS.2), never cells.',
  ],
  expression_function: [
    "Biểu thức «=SUM(HS.1.1:HS.1.2)» không đọc được ở ký tự 2: không dùng hàm «SUM»; biểu thức chỉ gồm mã chỉ tiêu, phép cộng, phép trừ và một phép chia.",
    'The expression "=SUM(HS.1.1:HS.1.2)" cannot be read at character 2: no function such as "SUM"; an expression holds only indicator codes, additions, subtractions and one division.',
  ],
  expression_product: [
    "Biểu thức «DV.3.2 / DV.3 * 100» không đọc được ở ký tự 15: không dùng phép nhân «*» (ô tỷ lệ đã định dạng %, không cần nhân 100).",
    'The expression "DV.3.2 / DV.3 * 100" cannot be read at character 15: no multiplication "*" (a rate\'s cell is formatted as %, nothing is multiplied by 100).',
  ],
  expression_division_in_rule: [
    "Biểu thức «HS.4 / HS.2 <= 100%» không đọc được ở ký tự 6: quy tắc không dùng phép chia «/»; tỷ lệ là một chỉ tiêu có công thức riêng.",
    'The expression "HS.4 / HS.2 <= 100%" cannot be read at character 6: a rule has no division "/"; a rate is an indicator with its own formula.',
  ],
  expression_minus_in_rule: [
    "Biểu thức «HS.1 - HS.3 >= HS.2» không đọc được ở ký tự 6: quy tắc chỉ cộng các mã, không trừ «-»; chuyển mã đó sang vế bên kia.",
    'The expression "HS.1 - HS.3 >= HS.2" cannot be read at character 6: a rule only adds codes, never subtracts "-"; move that code to the other side.',
  ],
  expression_strict_relation: [
    "Biểu thức «HS.4>HS.2» không đọc được ở ký tự 5: không dùng so sánh ngặt «>»; dùng «<=», «>=» hoặc «=».",
    'The expression "HS.4>HS.2" cannot be read at character 5: no strict comparison ">"; use "<=", ">=" or "=".',
  ],
  expression_relation_kind: [
    "Biểu thức «HS.1 <= HS.1.1 + HS.1.2» không đọc được ở ký tự 6: quy tắc loại «cân đối» cần dấu «=», gặp «<=».",
    'The expression "HS.1 <= HS.1.1 + HS.1.2" cannot be read at character 6: a balance rule needs "=", found "<=".',
  ],
  expression_percent_misplaced: [
    "Biểu thức «7.6.2 >= 100%» không đọc được ở ký tự 10: tỷ lệ «100%» phải đứng một mình ở vế lớn hơn, đối diện các mã (ví dụ 7.6.2.a + 7.6.2.b <= 100%).",
    'The expression "7.6.2 >= 100%" cannot be read at character 10: the percentage "100%" must stand alone on the larger side, facing codes (e.g. 7.6.2.a + 7.6.2.b <= 100%).',
  ],
  expression_bad_percent: [
    "Biểu thức «7.6.2.a <= HS.1%» không đọc được ở ký tự 12: «HS.1%» không phải một tỷ lệ phần trăm (ví dụ 100%, 99,5%).",
    'The expression "7.6.2.a <= HS.1%" cannot be read at character 12: "HS.1%" is not a percentage (such as 100%, 99.5%).',
  ],
  expression_constant: [
    "Biểu thức «HS.2.1 / 100%» không đọc được ở ký tự 10: công thức tỷ lệ không dùng hằng số «100%»; tử số và mẫu số chỉ gồm mã chỉ tiêu.",
    'The expression "HS.2.1 / 100%" cannot be read at character 10: a rate\'s formula has no constant "100%"; its numerator and denominator hold indicator codes only.',
  ],
  expression_parentheses_needed: [
    "Biểu thức «BC.3 - 4.1.4 / BC.3» không đọc được ở ký tự 1: tử số có nhiều mã phải đặt trong ngoặc, ví dụ (BC.1 - 4.2.1) / BC.1.",
    'The expression "BC.3 - 4.1.4 / BC.3" cannot be read at character 1: a numerator of several codes goes in parentheses, e.g. (BC.1 - 4.2.1) / BC.1.',
  ],
  expression_nested_division: [
    "Biểu thức «VB.1 / 7.6 / 2» không đọc được ở ký tự 12: chỉ được một phép chia «/» (tử số / mẫu số, mỗi vế là một mã hoặc một tổng trong ngoặc).",
    'The expression "VB.1 / 7.6 / 2" cannot be read at character 12: only one division "/" (numerator / denominator, each a code or a sum in parentheses).',
  ],
  expression_not_ratio: [
    "Công thức «HS.2.1» không phải một tỷ lệ: cần tử số / mẫu số, ví dụ HS.2.1 / HS.2 hoặc (BC.1 - 4.2.1) / BC.1.",
    'The formula "HS.2.1" is not a rate: write numerator / denominator, e.g. HS.2.1 / HS.2 or (BC.1 - 4.2.1) / BC.1.',
  ],
  expression_minus_in_denominator: [
    "Biểu thức «VB.1 / (7.6 - VB.2)» không đọc được ở ký tự 13: mẫu số là một mã hoặc tổng các mã, không trừ «-».",
    'The expression "VB.1 / (7.6 - VB.2)" cannot be read at character 13: the denominator is a code or a sum of codes, never a difference "-".',
  ],
  expression_unclosed: [
    "Biểu thức «(HS.2.1 + HS.3.1» không đọc được ở ký tự 1: dấu ngoặc «(» này chưa được đóng bằng «)».",
    'The expression "(HS.2.1 + HS.3.1" cannot be read at character 1: this "(" is never closed by ")".',
  ],
};

const EXPRESSION_KINDS = Object.keys(EXPRESSION_SAMPLES) as ExpressionProblemKind[];

const KINDS = Object.keys(SAMPLES) as FindingKind[];

function renderSample<K extends FindingKind>(kind: K): [string, string] {
  const sample: Sample<K> = SAMPLES[kind];
  const finding = { kind, params: sample.params, codes: sample.codes };
  return [renderFinding(finding, "vi", NAMES), renderFinding(finding, "en", NAMES)];
}

function renderTextSample<K extends TextKind>(kind: K) {
  const params: ConsolidationTextParams[K] = TEXT_SAMPLES[kind];
  return renderText(kind, params, NAMES);
}
const TEXT_KINDS = Object.keys(TEXT_SAMPLES) as TextKind[];

function errorSample<K extends ErrorKind>(kind: K): BilingualError {
  const params: ErrorParams[K] = ERROR_SAMPLES[kind];
  return BilingualError.fromKind(kind, params);
}

describe("messages rendered from kind and parameters", () => {
  it("has a template for every kind in both languages and no other", () => {
    expect(Object.keys(vi.findings).sort()).toEqual([...KINDS].sort());
    expect(Object.keys(en.findings).sort()).toEqual([...KINDS].sort());
  });

  it.each(KINDS)("renders %s in Vietnamese and English", (kind) => {
    expect(renderSample(kind)).toEqual(EXPECTED[kind]);
  });

  it("gives a finding of the engine the message renderFinding makes of its kind and parameters", () => {
    const sheet = locateAppendix(templateGrid(SEED_VALUES, { level: "so" }));
    if (!sheet) throw new Error("the grid holds no appendix");
    const findings = validateAppendix(sheet).findings;
    expect(findings.length).toBeGreaterThan(5);
    for (const finding of findings) {
      expect(finding.message.vi).toBe(renderFinding(finding, "vi"));
      expect(finding.message.en).toBe(renderFinding(finding, "en"));
    }
  });

  it.each(TEXT_KINDS)("renders the consolidation's text %s in Vietnamese and English", (kind) => {
    const text = renderTextSample(kind);
    expect([text.vi, text.en]).toEqual(TEXTS_EXPECTED[kind]);
  });

  it.each(Object.keys(ERROR_SAMPLES) as ErrorKind[])(
    "renders the error %s in Vietnamese and English",
    (kind) => {
      const error = errorSample(kind);
      expect([error.bilingual.vi, error.bilingual.en]).toEqual(ERRORS_EXPECTED[kind]);
    },
  );

  it("has an error text for every kind in both languages and no other", () => {
    const kinds = Object.keys(ERROR_SAMPLES).sort();
    expect(Object.keys(vi.errors).sort()).toEqual(kinds);
    expect(Object.keys(en.errors).sort()).toEqual(kinds);
  });

  it("gives an error of a kind its code, its parameters and both texts as its message", () => {
    const error = BilingualError.fromKind("install_sheet_missing", { sheet: "Sở Y tế" });
    expect(error).toBeInstanceOf(Error);
    expect([error.code, error.params]).toEqual(["install:sheet_missing", { sheet: "Sở Y tế" }]);
    expect(error.message).toBe(
      'Không tìm thấy trang tính "Sở Y tế" để cài lại phụ lục. / Sheet "Sở Y tế" to re-install the appendix on was not found.',
    );
  });

  it("has a template for every kind of expression problem in both languages and no other", () => {
    expect(Object.keys(vi.expressions).sort()).toEqual([...EXPRESSION_KINDS].sort());
    expect(Object.keys(en.expressions).sort()).toEqual([...EXPRESSION_KINDS].sort());
  });

  it.each(EXPRESSION_KINDS)("renders the expression problem %s in Vietnamese and English", (kind) => {
    const problem = EXPRESSION_SAMPLES[kind];
    expect([renderExpressionProblem(problem, "vi"), renderExpressionProblem(problem, "en")]).toEqual(
      EXPRESSION_EXPECTED[kind],
    );
  });

  it("names an office by its role id when no name is given for it", () => {
    const finding = { kind: "role_missing" as const, params: SAMPLES.role_missing.params, codes: ["1.1.1"] };
    expect(renderFinding(finding, "vi", { rows: catalogue.byCode })).toBe(
      "Không có phụ lục của snv (vai trò snv): các chỉ tiêu 1.1.1 để trống.",
    );
  });
});

/** One problem of every kind a form definition workbook can have, at a place of its sheet, row and column. */
const DEFINITION_SAMPLES: { readonly [K in DefinitionProblemKind]: DefinitionSheetProblem<K> } = {
  sheet_missing: {
    kind: "sheet_missing",
    place: { sheet: "Quy tắc" },
    params: { sheets: ["Mẫu", "Chỉ tiêu"] },
  },
  header_missing: {
    kind: "header_missing",
    place: { sheet: "Chỉ tiêu", row: 1 },
    params: { header: "loại" },
  },
  header_unknown: {
    kind: "header_unknown",
    place: { sheet: "Quy tắc", row: 1, header: "ghi chú", column: "F" },
    params: { header: "ghi chú", known: ["mã quy tắc", "loại", "biểu thức", "mức độ", "khi thiếu hụt"] },
  },
  header_twice: {
    kind: "header_twice",
    place: { sheet: "Chỉ tiêu", row: 1, header: "mã", column: "D" },
    params: { header: "mã", first: "A" },
  },
  key_missing: { kind: "key_missing", place: { sheet: "Mẫu" }, params: { key: "tên tiếng Anh" } },
  key_unknown: {
    kind: "key_unknown",
    place: { sheet: "Mẫu", row: 7, header: "khóa", column: "A" },
    params: { key: "năm", known: ["mã mẫu", "tên"] },
  },
  key_twice: {
    kind: "key_twice",
    place: { sheet: "Mẫu", row: 5, header: "khóa", column: "A" },
    params: { key: "tên", first: 3 },
  },
  value_missing: {
    kind: "value_missing",
    place: { sheet: "Chỉ tiêu", row: 9, header: "chỉ tiêu", column: "E" },
    params: {},
  },
  number_not_text: {
    kind: "number_not_text",
    place: { sheet: "Chỉ tiêu", row: 15, header: "mã", column: "A" },
    params: { shown: "3.1" },
  },
  formula_not_text: {
    kind: "formula_not_text",
    place: { sheet: "Quy tắc", row: 2, header: "biểu thức", column: "C" },
    params: { formula: "HS.1=HS.1.1+HS.1.2" },
  },
  not_text: {
    kind: "not_text",
    place: { sheet: "Chỉ tiêu", row: 4, header: "chỉ tiêu", column: "E" },
    params: { raw: "TRUE" },
  },
  word_unknown: {
    kind: "word_unknown",
    place: { sheet: "Chỉ tiêu", row: 4, header: "khối", column: "D" },
    params: { word: "bảng", allowed: ["phụ lục", "nguồn"] },
  },
  code_invalid: {
    kind: "code_invalid",
    place: { sheet: "Chỉ tiêu", row: 6, header: "mã cha", column: "C" },
    params: { text: "3,1" },
  },
  period_invalid: {
    kind: "period_invalid",
    place: { sheet: "Mẫu", row: 5, header: "giá trị", column: "B" },
    params: { text: "2026-Q5" },
  },
  period_order: {
    kind: "period_order",
    place: { sheet: "Mẫu", row: 6, header: "giá trị", column: "B" },
    params: { from: "2026-Q1", to: "2025" },
  },
  legend_invalid: {
    kind: "legend_invalid",
    place: { sheet: "Chỉ tiêu", row: 8, header: "giá trị cho phép", column: "J" },
    params: { text: "0 = Không; 1 = Có / Yes", entry: "0 = Không" },
  },
  limit_invalid: {
    kind: "limit_invalid",
    place: { sheet: "Chỉ tiêu", row: 8, header: "giới hạn", column: "Q" },
    params: { text: "so 2000; tinh 5", entry: "tinh 5" },
  },
  list_empty: {
    kind: "list_empty",
    place: { sheet: "Mẫu", row: 7, header: "giá trị", column: "B" },
    params: {},
  },
  id_reserved: {
    kind: "id_reserved",
    place: { sheet: "Mẫu", row: 2, header: "giá trị", column: "B" },
    params: { id: "CCHC-PL-2021" },
  },
  code_twice: {
    kind: "code_twice",
    place: { sheet: "Chỉ tiêu", row: 12, header: "mã", column: "A" },
    params: { code: "3.4", first: 10 },
  },
  code_unknown: {
    kind: "code_unknown",
    place: { sheet: "Quy tắc", row: 3, header: "biểu thức", column: "C" },
    params: { code: "HS.1.9" },
  },
  parent_cycle: {
    kind: "parent_cycle",
    place: { sheet: "Chỉ tiêu", row: 2, header: "mã cha", column: "C" },
    params: { code: "1" },
  },
  unit_missing: {
    kind: "unit_missing",
    place: { sheet: "Chỉ tiêu", row: 4, header: "đơn vị tính", column: "G" },
    params: { code: "1.1.1" },
  },
  legend_missing: {
    kind: "legend_missing",
    place: { sheet: "Chỉ tiêu", row: 7, header: "giá trị cho phép", column: "J" },
    params: { code: "1.2" },
  },
  legend_not_coded: {
    kind: "legend_not_coded",
    place: { sheet: "Chỉ tiêu", row: 5, header: "giá trị cho phép", column: "J" },
    params: { code: "1.1.2" },
  },
  percent_unit: {
    kind: "percent_unit",
    place: { sheet: "Chỉ tiêu", row: 30, header: "đơn vị tính", column: "G" },
    params: { code: "3.4.1" },
  },
  count_unit_percent: {
    kind: "count_unit_percent",
    place: { sheet: "Chỉ tiêu", row: 4, header: "đơn vị tính", column: "G" },
    params: { code: "1.1.1" },
  },
  limit_not_figure: {
    kind: "limit_not_figure",
    place: { sheet: "Chỉ tiêu", row: 7, header: "giới hạn", column: "Q" },
    params: { code: "1.2" },
  },
  limit_order: {
    kind: "limit_order",
    place: { sheet: "Chỉ tiêu", row: 4, header: "giới hạn", column: "Q" },
    params: { code: "1.1.1" },
  },
  derived_not_percent: {
    kind: "derived_not_percent",
    place: { sheet: "Chỉ tiêu", row: 30, header: "công thức", column: "N" },
    params: { code: "3.4.1" },
  },
  derived_reads_non_count: {
    kind: "derived_reads_non_count",
    place: { sheet: "Chỉ tiêu", row: 30, header: "công thức", column: "N" },
    params: { code: "3.4.1", input: "3.4" },
  },
  rule_twice: {
    kind: "rule_twice",
    place: { sheet: "Quy tắc", row: 9, header: "mã quy tắc", column: "A" },
    params: { id: "r1", first: 2 },
  },
  rule_one_sided: {
    kind: "rule_one_sided",
    place: { sheet: "Quy tắc", row: 4, header: "biểu thức", column: "C" },
    params: { id: "r3" },
  },
  carried_not_count: {
    kind: "carried_not_count",
    place: { sheet: "Chỉ tiêu", row: 120, header: "chuyển từ kỳ trước", column: "T" },
    params: { code: "HS.1.1", from: "HS.3" },
  },
  level_not_on_form: {
    kind: "level_not_on_form",
    place: { sheet: "Chỉ tiêu", row: 4, header: "cấp báo cáo", column: "K" },
    params: { code: "1.1.1", level: "huyen" },
  },
  wording_without_parent: {
    kind: "wording_without_parent",
    place: { sheet: "Chỉ tiêu", row: 119, header: "cách ghi trong báo cáo", column: "S" },
    params: { code: "HS.1" },
  },
  role_id_invalid: {
    kind: "role_id_invalid",
    place: { sheet: "Vai trò", row: 2, header: "mã vai trò", column: "A" },
    params: { text: "Sở NV" },
  },
  role_unknown: {
    kind: "role_unknown",
    place: { sheet: "Chỉ tiêu", row: 40, header: "vai trò", column: "L" },
    params: { code: "4.2.1", role: "sonv", known: ["vpubnd", "snv"] },
  },
  role_order: {
    kind: "role_order",
    place: { sheet: "Vai trò", row: 4, header: "áp dụng đến", column: "F" },
    params: { role: "stttt" },
  },
  role_twice: {
    kind: "role_twice",
    place: { sheet: "Vai trò", row: 5, header: "mã vai trò", column: "A" },
    params: { role: "stttt", first: 4 },
  },
  integrity: {
    kind: "integrity",
    place: { sheet: "Chỉ tiêu" },
    params: { detail: "rows.3.label.en: Too small" },
  },
  level_twice: {
    kind: "level_twice",
    place: { sheet: "Mẫu", row: 7, header: "giá trị", column: "B" },
    params: { level: "xa" },
  },
};

/** Each definition problem exactly, after its place, in Vietnamese and English. */
const DEFINITION_EXPECTED: { readonly [K in DefinitionProblemKind]: readonly [vi: string, en: string] } = {
  sheet_missing: [
    'Trang "Quy tắc": tệp định nghĩa không có trang tính này (tệp có: "Mẫu", "Chỉ tiêu").',
    'Sheet "Quy tắc": the definition file has no such sheet (it has: "Mẫu", "Chỉ tiêu").',
  ],
  header_missing: [
    'Trang "Chỉ tiêu", dòng 1: thiếu cột "loại" (tiêu đề các cột ở dòng 1).',
    'Sheet "Chỉ tiêu", row 1: the column "loại" is missing (the columns\' headers are in row 1).',
  ],
  header_unknown: [
    'Trang "Quy tắc", dòng 1, cột "ghi chú" (F): "ghi chú" không phải cột của trang này (các cột: "mã quy tắc", "loại", "biểu thức", "mức độ", "khi thiếu hụt").',
    'Sheet "Quy tắc", row 1, column "ghi chú" (F): "ghi chú" is not a column of this sheet (its columns: "mã quy tắc", "loại", "biểu thức", "mức độ", "khi thiếu hụt").',
  ],
  header_twice: [
    'Trang "Chỉ tiêu", dòng 1, cột "mã" (D): cột "mã" có hai lần (lần đầu ở cột A).',
    'Sheet "Chỉ tiêu", row 1, column "mã" (D): the column "mã" appears twice (first in column A).',
  ],
  key_missing: [
    'Trang "Mẫu": thiếu dòng có khóa "tên tiếng Anh".',
    'Sheet "Mẫu": the row with the key "tên tiếng Anh" is missing.',
  ],
  key_unknown: [
    'Trang "Mẫu", dòng 7, cột "khóa" (A): "năm" không phải khóa của trang này (các khóa: "mã mẫu", "tên").',
    'Sheet "Mẫu", row 7, column "khóa" (A): "năm" is not a key of this sheet (its keys: "mã mẫu", "tên").',
  ],
  key_twice: [
    'Trang "Mẫu", dòng 5, cột "khóa" (A): khóa "tên" có hai lần (lần đầu ở dòng 3).',
    'Sheet "Mẫu", row 5, column "khóa" (A): the key "tên" appears twice (first in row 3).',
  ],
  value_missing: [
    'Trang "Chỉ tiêu", dòng 9, cột "chỉ tiêu" (E): ô này phải có giá trị.',
    'Sheet "Chỉ tiêu", row 9, column "chỉ tiêu" (E): this cell needs a value.',
  ],
  number_not_text: [
    'Trang "Chỉ tiêu", dòng 15, cột "mã" (A): ô chứa số 3.1, không phải văn bản: mã hoặc biểu thức gõ thành số có thể mất chữ số 0 ở cuối ("3.10" thành 3.1). Định dạng ô là Văn bản (Text) rồi gõ lại.',
    'Sheet "Chỉ tiêu", row 15, column "mã" (A): the cell holds the number 3.1, not text: a code or an expression typed as a number can lose its trailing zero ("3.10" becomes 3.1). Format the cell as Text and type it again.',
  ],
  formula_not_text: [
    'Trang "Quy tắc", dòng 2, cột "biểu thức" (C): ô chứa công thức =HS.1=HS.1.1+HS.1.2, không phải văn bản: Excel tính công thức thay vì giữ biểu thức. Định dạng ô là Văn bản (Text) rồi gõ lại, không có dấu "=" ở đầu.',
    'Sheet "Quy tắc", row 2, column "biểu thức" (C): the cell holds the formula =HS.1=HS.1.1+HS.1.2, not text: Excel computes a formula instead of keeping the expression. Format the cell as Text and type it again, without a leading "=".',
  ],
  not_text: [
    'Trang "Chỉ tiêu", dòng 4, cột "chỉ tiêu" (E): ô chứa TRUE, không phải văn bản.',
    'Sheet "Chỉ tiêu", row 4, column "chỉ tiêu" (E): the cell holds TRUE, not text.',
  ],
  word_unknown: [
    'Trang "Chỉ tiêu", dòng 4, cột "khối" (D): "bảng" không phải giá trị của cột này (dùng "phụ lục", "nguồn").',
    'Sheet "Chỉ tiêu", row 4, column "khối" (D): "bảng" is not a value of this column (use "phụ lục", "nguồn").',
  ],
  code_invalid: [
    'Trang "Chỉ tiêu", dòng 6, cột "mã cha" (C): "3,1" không phải mã chỉ tiêu: mã gồm các nhóm chữ số cách nhau bởi dấu chấm, có thể kết thúc bằng một chữ cái a–z (3.1.3.a), hoặc 2–4 chữ in hoa rồi các nhóm chữ số (HS.2.1).',
    'Sheet "Chỉ tiêu", row 6, column "mã cha" (C): "3,1" is not an indicator code: a code is digit groups separated by dots, optionally ending in one letter a–z (3.1.3.a), or 2–4 capital letters then digit groups (HS.2.1).',
  ],
  period_invalid: [
    'Trang "Mẫu", dòng 5, cột "giá trị" (B): "2026-Q5" không phải kỳ báo cáo (ví dụ 2021-Q1, 2021-H1, 2021, "Quý I/2021", "6 tháng 2021", "Năm 2021").',
    'Sheet "Mẫu", row 5, column "giá trị" (B): "2026-Q5" is not a reporting period (for example 2021-Q1, 2021-H1, 2021, "Quý I/2021", "6 tháng 2021", "Năm 2021").',
  ],
  period_order: [
    'Trang "Mẫu", dòng 6, cột "giá trị" (B): kỳ áp dụng đến (Năm 2025) kết thúc trước kỳ áp dụng từ (Quý I/2026).',
    'Sheet "Mẫu", row 6, column "giá trị" (B): the last period it applies to (2025) ends before the first (2026-Q1).',
  ],
  legend_invalid: [
    'Trang "Chỉ tiêu", dòng 8, cột "giá trị cho phép" (J): không đọc được giá trị cho phép "0 = Không" trong "0 = Không; 1 = Có / Yes": mỗi giá trị ghi "số = nhãn tiếng Việt / nhãn tiếng Anh", các giá trị cách nhau bởi dấu ";" (ví dụ 0 = Không / No; 1 = Có / Yes).',
    'Sheet "Chỉ tiêu", row 8, column "giá trị cho phép" (J): the allowed value "0 = Không" in "0 = Không; 1 = Có / Yes" cannot be read: write each as "number = Vietnamese label / English label", separated by ";" (for example 0 = Không / No; 1 = Có / Yes).',
  ],
  limit_invalid: [
    'Trang "Chỉ tiêu", dòng 8, cột "giới hạn" (Q): không đọc được giới hạn "tinh 5" trong "so 2000; tinh 5": ghi cấp rồi số tối đa, cách nhau bởi dấu ";" (ví dụ so 2000; xa 300), và "tối thiểu -100" cho mức thấp nhất.',
    'Sheet "Chỉ tiêu", row 8, column "giới hạn" (Q): the limit "tinh 5" in "so 2000; tinh 5" cannot be read: write a level then its maximum, separated by ";" (for example so 2000; xa 300), and "tối thiểu -100" for a minimum.',
  ],
  list_empty: [
    'Trang "Mẫu", dòng 7, cột "giá trị" (B): danh sách không có giá trị nào.',
    'Sheet "Mẫu", row 7, column "giá trị" (B): the list holds no value.',
  ],
  id_reserved: [
    'Trang "Mẫu", dòng 2, cột "giá trị" (B): mã mẫu "CCHC-PL-2021" là mã của một mẫu có sẵn trong công cụ: đặt mã khác cho mẫu của mình (ví dụ thêm tên tỉnh và năm).',
    'Sheet "Mẫu", row 2, column "giá trị" (B): the form id "CCHC-PL-2021" is the id of a form built into the tool: give your form another id (adding the province and the year, say).',
  ],
  code_twice: [
    'Trang "Chỉ tiêu", dòng 12, cột "mã" (A): mã 3.4 đã có ở dòng 10: mỗi chỉ tiêu một mã riêng.',
    'Sheet "Chỉ tiêu", row 12, column "mã" (A): the code 3.4 is already in row 10: each indicator has its own code.',
  ],
  code_unknown: [
    'Trang "Quy tắc", dòng 3, cột "biểu thức" (C): mã HS.1.9 không có trong trang "Chỉ tiêu".',
    'Sheet "Quy tắc", row 3, column "biểu thức" (C): the code HS.1.9 is not on the "Chỉ tiêu" sheet.',
  ],
  parent_cycle: [
    'Trang "Chỉ tiêu", dòng 2, cột "mã cha" (C): mã cha của 1 tạo thành vòng lặp: theo các mã cha, chỉ tiêu lại là cha của chính nó.',
    'Sheet "Chỉ tiêu", row 2, column "mã cha" (C): the parents of 1 go round in a cycle: through them the indicator is its own parent.',
  ],
  unit_missing: [
    'Trang "Chỉ tiêu", dòng 4, cột "đơn vị tính" (G): chỉ tiêu 1.1.1 có số liệu nhưng chưa có đơn vị tính.',
    'Sheet "Chỉ tiêu", row 4, column "đơn vị tính" (G): the indicator 1.1.1 holds a value but has no unit of measure.',
  ],
  legend_missing: [
    'Trang "Chỉ tiêu", dòng 7, cột "giá trị cho phép" (J): chỉ tiêu 1.2 thuộc loại "mã" nhưng chưa có giá trị cho phép.',
    'Sheet "Chỉ tiêu", row 7, column "giá trị cho phép" (J): the indicator 1.2 is of kind "mã" (coded) but has no allowed values.',
  ],
  legend_not_coded: [
    'Trang "Chỉ tiêu", dòng 5, cột "giá trị cho phép" (J): chỉ tiêu 1.1.2 có giá trị cho phép nhưng không thuộc loại "mã".',
    'Sheet "Chỉ tiêu", row 5, column "giá trị cho phép" (J): the indicator 1.1.2 has allowed values but is not of kind "mã" (coded).',
  ],
  percent_unit: [
    'Trang "Chỉ tiêu", dòng 30, cột "đơn vị tính" (G): chỉ tiêu 3.4.1 thuộc loại "tỷ lệ" nên đơn vị tính phải là "%".',
    'Sheet "Chỉ tiêu", row 30, column "đơn vị tính" (G): the indicator 3.4.1 is of kind "tỷ lệ" (rate), so its unit must be "%".',
  ],
  count_unit_percent: [
    'Trang "Chỉ tiêu", dòng 4, cột "đơn vị tính" (G): chỉ tiêu 1.1.1 thuộc loại "số đếm" nhưng đơn vị tính là "%": nếu là tỷ lệ, ghi loại "tỷ lệ".',
    'Sheet "Chỉ tiêu", row 4, column "đơn vị tính" (G): the indicator 1.1.1 is of kind "số đếm" (count) but measured in "%": if it is a rate, give the kind "tỷ lệ".',
  ],
  limit_not_figure: [
    'Trang "Chỉ tiêu", dòng 7, cột "giới hạn" (Q): chỉ tiêu 1.2 có giới hạn nhưng không phải số đếm hay tỷ lệ.',
    'Sheet "Chỉ tiêu", row 7, column "giới hạn" (Q): the indicator 1.2 has a limit but holds no count or rate.',
  ],
  limit_order: [
    'Trang "Chỉ tiêu", dòng 4, cột "giới hạn" (Q): giới hạn tối đa của chỉ tiêu 1.1.1 nhỏ hơn mức tối thiểu.',
    'Sheet "Chỉ tiêu", row 4, column "giới hạn" (Q): the maximum of the indicator 1.1.1 is below its minimum.',
  ],
  derived_not_percent: [
    'Trang "Chỉ tiêu", dòng 30, cột "công thức" (N): chỉ tiêu 3.4.1 có công thức nhưng không thuộc loại "tỷ lệ".',
    'Sheet "Chỉ tiêu", row 30, column "công thức" (N): the indicator 3.4.1 has a formula but is not of kind "tỷ lệ" (rate).',
  ],
  derived_reads_non_count: [
    'Trang "Chỉ tiêu", dòng 30, cột "công thức" (N): công thức của chỉ tiêu 3.4.1 dùng 3.4, không phải chỉ tiêu số đếm.',
    'Sheet "Chỉ tiêu", row 30, column "công thức" (N): the formula of the indicator 3.4.1 reads 3.4, which is not a count.',
  ],
  rule_twice: [
    'Trang "Quy tắc", dòng 9, cột "mã quy tắc" (A): mã quy tắc r1 đã có ở dòng 2.',
    'Sheet "Quy tắc", row 9, column "mã quy tắc" (A): the rule id r1 is already in row 2.',
  ],
  rule_one_sided: [
    'Trang "Quy tắc", dòng 4, cột "biểu thức" (C): quy tắc r3 thiếu vế phải.',
    'Sheet "Quy tắc", row 4, column "biểu thức" (C): the rule r3 has no right side.',
  ],
  carried_not_count: [
    'Trang "Chỉ tiêu", dòng 120, cột "chuyển từ kỳ trước" (T): chỉ tiêu HS.1.1 chuyển từ HS.3 của kỳ trước: cả hai phải là chỉ tiêu số đếm.',
    'Sheet "Chỉ tiêu", row 120, column "chuyển từ kỳ trước" (T): the indicator HS.1.1 is carried from the previous period\'s HS.3: both must be counts.',
  ],
  level_not_on_form: [
    'Trang "Chỉ tiêu", dòng 4, cột "cấp báo cáo" (K): chỉ tiêu 1.1.1 ghi cấp báo cáo huyen, nhưng cấp này không có trong "cấp" của trang "Mẫu".',
    'Sheet "Chỉ tiêu", row 4, column "cấp báo cáo" (K): the indicator 1.1.1 is filled at the level huyen, which is not among the "cấp" of the "Mẫu" sheet.',
  ],
  wording_without_parent: [
    'Trang "Chỉ tiêu", dòng 119, cột "cách ghi trong báo cáo" (S): chỉ tiêu HS.1 có cách ghi bắt đầu bằng "+ " (chỉ tính dưới dòng của chỉ tiêu cha) nhưng không có mã cha.',
    'Sheet "Chỉ tiêu", row 119, column "cách ghi trong báo cáo" (S): the indicator HS.1 has a wording starting with "+ " (counted only under its parent\'s line) but no parent.',
  ],
  role_id_invalid: [
    'Trang "Vai trò", dòng 2, cột "mã vai trò" (A): "Sở NV" không phải mã vai trò: dùng chữ thường không dấu, chữ số và dấu "_", bắt đầu bằng một chữ (ví dụ vpubnd).',
    'Sheet "Vai trò", row 2, column "mã vai trò" (A): "Sở NV" is not a role id: use lower-case letters without diacritics, digits and "_", starting with a letter (vpubnd, say).',
  ],
  role_unknown: [
    'Trang "Chỉ tiêu", dòng 40, cột "vai trò" (L): chỉ tiêu 4.2.1 ghi vai trò "sonv", không có trong trang "Vai trò" (các vai trò: "vpubnd", "snv").',
    'Sheet "Chỉ tiêu", row 40, column "vai trò" (L): the indicator 4.2.1 names the role "sonv", which is not on the "Vai trò" sheet (its roles: "vpubnd", "snv").',
  ],
  role_order: [
    'Trang "Vai trò", dòng 4, cột "áp dụng đến" (F): vai trò stttt có kỳ áp dụng đến trước kỳ áp dụng từ.',
    'Sheet "Vai trò", row 4, column "áp dụng đến" (F): the role stttt stops applying before it starts.',
  ],
  role_twice: [
    'Trang "Vai trò", dòng 5, cột "mã vai trò" (A): vai trò stttt đã được khai ở dòng 4 cho cùng kỳ: một vai trò khai lại chỉ cho các kỳ nối tiếp (áp dụng đến, rồi áp dụng từ).',
    'Sheet "Vai trò", row 5, column "mã vai trò" (A): the role stttt is already declared in row 4 for the same periods: a role is declared again only for the periods that follow (until, then from).',
  ],
  integrity: [
    'Trang "Chỉ tiêu": định nghĩa chưa nhất quán (rows.3.label.en: Too small).',
    'Sheet "Chỉ tiêu": the definition is not consistent (rows.3.label.en: Too small).',
  ],
  level_twice: [
    'Trang "Mẫu", dòng 7, cột "giá trị" (B): cấp xa được ghi hai lần.',
    'Sheet "Mẫu", row 7, column "giá trị" (B): the level xa is listed twice.',
  ],
};

const DEFINITION_KINDS = Object.keys(DEFINITION_SAMPLES) as DefinitionProblemKind[];

describe("a form definition's problems rendered from kind, parameters and place", () => {
  it("has a template for every kind in both languages and no other", () => {
    expect(Object.keys(vi.definitions).sort()).toEqual([...DEFINITION_KINDS].sort());
    expect(Object.keys(en.definitions).sort()).toEqual([...DEFINITION_KINDS].sort());
  });

  it.each(DEFINITION_KINDS)("renders %s in Vietnamese and English", (kind) => {
    const problem = DEFINITION_SAMPLES[kind];
    expect([renderDefinitionProblem(problem, "vi"), renderDefinitionProblem(problem, "en")]).toEqual(
      DEFINITION_EXPECTED[kind],
    );
  });
});

// ---- The texts around the findings (the summary's, the self-check's, the command line's), one sample each. ----

/** One text of every kind around the findings; TypeScript refuses the table when a kind is missing. */
const LABEL_SAMPLES: { readonly [K in LabelKind]: LabelParams[K] } = {
  summary_form_title: {
    title: "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
    titleEn: "STATISTICS OF THE RESULTS OF ADMINISTRATIVE REFORM",
  },
  summary_form_source: { units: 1936, withErrors: 2 },
  summary_province: {},
  summary_province_units: { units: 1 },
  summary_title: { table: "missing" },
  summary_header: { column: "reason_en" },
  summary_verdict: { verdict: "not_ready" },
  summary_counted: { counted: false },
  summary_missing_unit: {},
  severity: { severity: "info" },
  selfcheck_pane: { text: "copy_refused" },
  selfcheck_status: { status: "skipped" },
  selfcheck_left_behind: { sheet: "Tự kiểm tra 0a1b2c" },
  selfcheck_step: { step: "restore" },
  selfcheck_scratch_sheet: { suffix: "0a1b2c" },
  selfcheck_unit: {},
  selfcheck_report_word: { word: "not_measurable" },
  selfcheck_platform: { platform: "PC" },
  selfcheck_steps_passed: { passed: 9, all: 10 },
  selfcheck_request_count: { syncs: 1234, runs: 1 },
  selfcheck_sizes: { request: 20480, response: 1, requests: 12 },
  selfcheck_step_requests: { syncs: 3, runs: 1, request: 1500, response: 200 },
  selfcheck_report_left_behind: { sheet: "Tự kiểm tra 0a1b2c" },
  selfcheck_blocked: { sheet: "Sở Y tế", scratch: "Tự kiểm tra 0a1b2c" },
  selfcheck_unexpected: { detail: "boom" },
  selfcheck_install_missing: {
    scratch: "Tự kiểm tra 0a1b2c",
    version: "CCHC-PL-2021",
    sheets: ["Sở Y tế", "Ẩn"],
    open: "Sở Y tế",
    hidden: ["Ẩn"],
  },
  selfcheck_installed: { scratch: "Tự kiểm tra 0a1b2c", version: "CCHC-PL-2021" },
  selfcheck_type_missing: { cells: ["DV.4 (D45)", "1.1.1 (D8)"] },
  selfcheck_typed: { cells: ["DV.4 D45", "7.8.4 D60"], values: ["5621", ""] },
  selfcheck_validate_missing: { code: "DV.4.1", cell: "D46", value: 1936 },
  selfcheck_validated: {
    cell: "D46",
    message: "Số sai",
    messageEn: "Wrong figure",
    errors: 1,
    warnings: 0,
    info: 2,
  },
  selfcheck_marks_missing: { errors: 0, warnings: 1, info: 1 },
  selfcheck_marks: { errors: 1, warnings: 2, info: 1 },
  selfcheck_fix_failed: { cell: "D46", found: '"1.93681"', value: 1936 },
  selfcheck_fixed: { cell: "D46", value: 1936 },
  selfcheck_fill_failed: { code: "7.8.4", cell: "D60", formulas: 1 },
  selfcheck_filled: { formulas: 12, cell: "D60", formula: '=IF(D59=0,"",D58/D59)' },
  selfcheck_clear_nothing: {},
  selfcheck_clear_left: { marks: 1 },
  selfcheck_cleared: { marks: 3 },
  selfcheck_restore_unknown: {},
  selfcheck_restored: { sheet: "Sở Y tế" },
  selfcheck_delete_none: {},
  selfcheck_delete_absent: { sheet: "Tự kiểm tra 0a1b2c" },
  selfcheck_delete_failed: {
    sheet: "Tự kiểm tra 0a1b2c",
    reason: "Excel từ chối.",
    reasonEn: "Excel refused.",
  },
  selfcheck_deleted: { sheet: "Tự kiểm tra 0a1b2c" },
  selfcheck_unchanged_unknown: {},
  selfcheck_changed: {
    before: ["A", "B"],
    beforeOpen: "A",
    beforeHidden: [],
    after: ["A", "B"],
    afterOpen: "B",
    afterHidden: ["A"],
  },
  selfcheck_unchanged: { sheets: 2 },
  cli_consolidated: {
    path: "tong-hop.xlsx",
    units: 1936,
    withErrors: 1,
    requests: 1,
    reviews: 2,
    missing: 0,
    warnings: 2,
  },
  cli_form_exported: { id: "CCHC-PL-2021", path: "dinh-nghia.xlsx" },
  cli_form_sound: { id: "MAU-TINH-2026", indicators: 15, sources: 1, rules: 1 },
  cli_form_problems: { path: "dinh-nghia.xlsx", count: 1 },
  cli_template_written: { path: "phu-luc.xlsx", unit: "Sở Y tế", level: "so", period: "2021-Q3" },
  cli_sheet_line: { sheet: "bảng phụ lục", unit: "Sở Y tế", level: "so", periodText: "Quý V/2021" },
  cli_default_unit: {},
  cli_form_level_missing: { id: "MAU-TINH-2026", level: "huyen", levels: ["so", "xa"] },
  cli_imported: { path: "phu-luc.xlsx", source: "bao-cao.docx", fromTable: 1, fromText: 1234 },
  cli_verdict: { ready: false, errors: 1, warnings: 0, info: 1234, blank: 3 },
  cli_severity: { severity: "warning" },
  cli_unsupported_versions: { sheets: ["'Sở Y tế' (CCHC-PL-2030)"] },
  cli_text_cuts: {
    count: 7,
    places: ["'Phụ lục'!B3", "'Phụ lục'"],
    what: ["cell", "sheetName"],
    lengths: [100003, 40],
    limits: [32767, 31],
  },
  docx_twice: {
    indicator: "Tổng số hồ sơ (HS.2)",
    indicatorEn: "Total applications (HS.2)",
    first: "44",
    firstAt: "bảng phụ lục, dòng HS.2",
    firstAtEn: "appendix table, row HS.2",
    secondAt: 'đoạn: "…tiếp nhận 45 hồ sơ…"',
    secondAtEn: 'paragraph: "…tiếp nhận 45 hồ sơ…"',
  },
  docx_numbers_unclear: {
    labels: ["Số mới tiếp nhận (HS.1.2)"],
    labelsEn: ["Newly received (HS.1.2)"],
    count: 2,
    numbers: "12; 14",
    place: 'đoạn: "…12 và 14…"',
    placeEn: 'paragraph: "…12 và 14…"',
  },
  docx_owner_unclear: {
    labels: ["Số mới tiếp nhận (HS.1.2)", "Số đã giải quyết (HS.3)"],
    labelsEn: ["Newly received (HS.1.2)", "Settled (HS.3)"],
    numbers: "12",
    place: 'đoạn: "…12…"',
    placeEn: 'paragraph: "…12…"',
  },
  docx_no_table: { fromText: 17 },
};

/** Every text around the findings rendered, reviewed once as a clerk and a reader of English read them. */
const LABELS_EXPECTED: { readonly [K in LabelKind]: readonly [string, string] } = {
  summary_form_title: [
    "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN TỈNH (TỔNG HỢP)",
    "STATISTICS OF THE RESULTS OF ADMINISTRATIVE REFORM IN THE PROVINCE (CONSOLIDATED)",
  ],
  summary_form_source: [
    "(Tổng hợp từ phụ lục của 1.936 đơn vị báo cáo; 2 đơn vị còn lỗi: các số liệu tô màu có gồm số liệu của các đơn vị này)",
    "(Consolidated from the appendices of 1,936 reporting units; 2 with errors: the shaded figures include theirs)",
  ],
  summary_province: ["Toàn tỉnh", "Whole province"],
  summary_province_units: ["Toàn tỉnh (tổng hợp 1 đơn vị)", "Whole province (1 unit consolidated)"],
  summary_title: [
    "ĐƠN VỊ CHƯA CÓ PHỤ LỤC VÀ TỆP KHÔNG TỔNG HỢP ĐƯỢC",
    "Units without an appendix, files not consolidated",
  ],
  summary_header: ["Lý do (tiếng Anh)", "Reason"],
  summary_verdict: ["Chưa sẵn sàng", "Not ready"],
  summary_counted: ["Không (trùng số liệu với phụ lục khác)", "No (the same figures as another appendix)"],
  summary_missing_unit: [
    "Đơn vị phải báo cáo nhưng chưa có phụ lục.",
    "Expected to report, but no appendix was received.",
  ],
  severity: ["Thông tin", "Info"],
  selfcheck_pane: [
    "Excel không cho sao chép tự động. Hãy chọn toàn bộ báo cáo dưới đây (Ctrl+A) rồi sao chép (Ctrl+C).",
    "Excel does not allow copying from here. Select the whole report below (Ctrl+A), then copy it (Ctrl+C).",
  ],
  selfcheck_status: ["Bỏ qua", "Skipped"],
  selfcheck_left_behind: [
    "Hãy tự xóa trang tính “Tự kiểm tra 0a1b2c”: tự kiểm tra không xóa được trang nháp này.",
    "Please delete sheet “Tự kiểm tra 0a1b2c” yourself: the self-check could not delete this scratch sheet.",
  ],
  selfcheck_step: ["Mở lại trang đang làm việc", "Go back to the sheet in use"],
  selfcheck_scratch_sheet: ["Tự kiểm tra 0a1b2c", "Self-check 0a1b2c"],
  selfcheck_unit: ["Đơn vị tự kiểm tra", "Self-check unit"],
  selfcheck_report_word: [
    "không đo được (phần bổ trợ không thấy được dữ liệu gửi tới Excel)",
    "not measurable (the add-in cannot see what is sent to Excel)",
  ],
  selfcheck_platform: ["Excel trên Windows", "Excel on Windows"],
  selfcheck_steps_passed: ["9/10 bước đạt", "9/10 steps passed"],
  selfcheck_request_count: [
    "1.234 lần đồng bộ trong 1 phiên làm việc với Excel (mỗi phiên có thể gửi thêm 1 yêu cầu giải phóng, không đếm được)",
    "1,234 syncs in 1 Excel session (each session may send 1 more request releasing what it tracked, not counted)",
  ],
  selfcheck_sizes: [
    "yêu cầu 20.480 byte, phản hồi 1 byte (đo tại cầu nối tới Excel: 12 yêu cầu)",
    "request 20,480 bytes, response 1 byte (measured at the bridge to Excel: 12 requests)",
  ],
  selfcheck_step_requests: ["3 sync/1 run, lớn nhất 1.500/200 byte", "3 sync/1 run, largest 1,500/200 bytes"],
  selfcheck_report_left_behind: [
    "CẦN LÀM: hãy tự xóa trang tính “Tự kiểm tra 0a1b2c” khỏi sổ làm việc.",
    "TO DO: please delete sheet “Tự kiểm tra 0a1b2c” from the workbook yourself.",
  ],
  selfcheck_blocked: [
    "Tự kiểm tra đã chặn một thao tác trên trang tính “Sở Y tế”: nó chỉ được làm việc trên trang nháp “Tự kiểm tra 0a1b2c”. Đây là lỗi của phần bổ trợ; hãy gửi báo cáo này cho người hỗ trợ.",
    "The self-check stopped an operation on sheet “Sở Y tế”: it may only work on its scratch sheet “Tự kiểm tra 0a1b2c”. This is a defect of the add-in; please send this report to support.",
  ],
  selfcheck_unexpected: ["Lỗi không lường trước: boom", "Unexpected error: boom"],
  selfcheck_install_missing: [
    "Sau khi cài, không thấy trang nháp “Tự kiểm tra 0a1b2c” theo mẫu CCHC-PL-2021 (các trang: Sở Y tế*, Ẩn (ẩn)).",
    "After the install, no scratch sheet “Tự kiểm tra 0a1b2c” holding template CCHC-PL-2021 was found (sheets: Sở Y tế*, Ẩn (hidden)).",
  ],
  selfcheck_installed: [
    "Đã cài phụ lục lên trang nháp “Tự kiểm tra 0a1b2c” (mẫu CCHC-PL-2021).",
    "Installed the appendix on the scratch sheet “Tự kiểm tra 0a1b2c” (template CCHC-PL-2021).",
  ],
  selfcheck_type_missing: [
    "Đọc lại không thấy giá trị đã nhập ở DV.4 (D45), 1.1.1 (D8).",
    "Reading back did not show the typed values at DV.4 (D45), 1.1.1 (D8).",
  ],
  selfcheck_typed: [
    "Đã nhập và đọc lại: DV.4 D45 = 5621; 7.8.4 D60 = (xóa trống).",
    "Typed and read back: DV.4 D45 = 5621; 7.8.4 D60 = (emptied).",
  ],
  selfcheck_validate_missing: [
    "Kiểm tra không tìm ra lỗi ở DV.4.1 (D46) với đề xuất sửa thành 1.936 (không có kết quả cho trang nháp).",
    "Validation found no error at DV.4.1 (D46) suggesting 1,936 (no result for the scratch sheet).",
  ],
  selfcheck_validated: [
    "Tìm ra lỗi ở D46: “Số sai” (1 lỗi, 0 cảnh báo, 2 thông tin).",
    "Found the error at D46: “Wrong figure” (1 error, 0 warnings, 2 info).",
  ],
  selfcheck_marks_missing: [
    "Không thấy đủ dấu đánh dấu trên trang nháp: 0 lỗi, 1 cảnh báo, 1 thông tin (cần ít nhất 1 lỗi và 1 thông tin).",
    "The scratch sheet lacks the expected marks: 0 errors, 1 warning, 1 info (at least 1 error and 1 info expected).",
  ],
  selfcheck_marks: [
    "Có dấu đánh dấu: 1 lỗi, 2 cảnh báo, 1 thông tin.",
    "Marks present: 1 error, 2 warnings, 1 info.",
  ],
  selfcheck_fix_failed: [
    'Sau khi sửa, D46 là "1.93681" (cần 1.936) và trang còn ? lỗi.',
    'After the fix, D46 holds "1.93681" (1,936 expected) and the sheet has ? errors.',
  ],
  selfcheck_fixed: [
    "Đã sửa D46 thành 1.936; kiểm tra lại: không còn lỗi.",
    "Fixed D46 to 1,936; checked again: no error left.",
  ],
  selfcheck_fill_failed: [
    "Sau khi điền, ô tỷ lệ 7.8.4 (D60) không có công thức (1 công thức được ghi).",
    "After the fill, the rate 7.8.4 (D60) holds no formula (1 formula written).",
  ],
  selfcheck_filled: [
    'Đã điền 12 công thức tỷ lệ; D60 = =IF(D59=0,"",D58/D59).',
    'Filled 12 rate formulas; D60 = =IF(D59=0,"",D58/D59).',
  ],
  selfcheck_clear_nothing: [
    "Trước khi xóa dấu, trang nháp không còn dấu nào để xóa (cần còn dấu thông tin của ô “02”).",
    "Before clearing, the scratch sheet held no mark to clear (the info mark of the “02” cell was expected).",
  ],
  selfcheck_clear_left: [
    "Sau khi xóa dấu vẫn còn 1 dấu trên trang nháp.",
    "After clearing, 1 mark still on the scratch sheet.",
  ],
  selfcheck_cleared: [
    "Đã xóa 3 dấu; trang nháp không còn dấu nào.",
    "Cleared 3 marks; none left on the scratch sheet.",
  ],
  selfcheck_restore_unknown: [
    "Excel không cho biết trang đang mở lúc bắt đầu: không có gì để mở lại.",
    "Excel did not tell which sheet was open at the start: nothing to go back to.",
  ],
  selfcheck_restored: ["Đã mở lại trang “Sở Y tế”.", "Back on sheet “Sở Y tế”."],
  selfcheck_delete_none: ["Chưa tạo trang nháp nào.", "No scratch sheet was made."],
  selfcheck_delete_absent: [
    "Không có trang nháp “Tự kiểm tra 0a1b2c” để xóa.",
    "There is no scratch sheet “Tự kiểm tra 0a1b2c” to delete.",
  ],
  selfcheck_delete_failed: [
    "Không xóa được trang nháp: hãy tự xóa trang tính “Tự kiểm tra 0a1b2c”. Excel từ chối.",
    "The scratch sheet could not be deleted: please delete sheet “Tự kiểm tra 0a1b2c” yourself. Excel refused.",
  ],
  selfcheck_deleted: [
    "Đã xóa trang nháp “Tự kiểm tra 0a1b2c”.",
    "Deleted the scratch sheet “Tự kiểm tra 0a1b2c”.",
  ],
  selfcheck_unchanged_unknown: [
    "Không so sánh được: lúc đầu không đọc được danh sách trang tính.",
    "Nothing to compare with: the sheets could not be listed at the start.",
  ],
  selfcheck_changed: [
    "Các trang tính không còn như lúc đầu. Trước: A*, B. Sau: A (ẩn), B*.",
    "The sheets are not as they were. Before: A*, B. After: A (hidden), B*.",
  ],
  selfcheck_unchanged: [
    "Các trang tính như lúc đầu (2 trang, trang đang mở “?”).",
    "The sheets are as they were (2 sheets, the open one “?”).",
  ],
  cli_consolidated: [
    "Đã tổng hợp 1.936 đơn vị vào tong-hop.xlsx: 1 đơn vị còn lỗi, 1 yêu cầu sửa, 2 đề nghị xem lại, 0 đơn vị chưa có phụ lục, 2 cảnh báo khi tổng hợp.",
    "Consolidated 1,936 units into tong-hop.xlsx: 1 with errors, 1 correction request, 2 requests to look again, 0 expected units missing, 2 consolidation warnings.",
  ],
  cli_form_exported: [
    "Đã ghi định nghĩa mẫu CCHC-PL-2021 vào dinh-nghia.xlsx: đổi mã mẫu trước khi dùng làm mẫu riêng.",
    "Wrote the definition of the form CCHC-PL-2021 to dinh-nghia.xlsx: change its id before using it as your own form.",
  ],
  cli_form_sound: [
    "Định nghĩa mẫu MAU-TINH-2026 hợp lệ: 15 chỉ tiêu, 1 dòng số liệu nguồn, 1 quy tắc.",
    "The form definition MAU-TINH-2026 is sound: 15 indicators, 1 source row, 1 rule.",
  ],
  cli_form_problems: [
    "dinh-nghia.xlsx: 1 lỗi, định nghĩa này không được dùng cho đến khi sửa hết.",
    "dinh-nghia.xlsx: 1 problem; the definition is not used until all are fixed.",
  ],
  cli_template_written: [
    "Đã tạo phụ lục phu-luc.xlsx (Sở Y tế; cấp Sở, ngành; Quý III/2021).",
    "Wrote the appendix phu-luc.xlsx (Sở Y tế, department, Q3 2021).",
  ],
  cli_sheet_line: [
    "'bảng phụ lục' — Sở Y tế · Sở, ngành · Quý V/2021",
    "'bảng phụ lục' — Sở Y tế · department · Quý V/2021",
  ],
  cli_default_unit: ["Đơn vị báo cáo", "Đơn vị báo cáo"],
  cli_form_level_missing: [
    "Mẫu MAU-TINH-2026 không có cấp huyen (các cấp báo cáo theo mẫu: so, xa).",
    "The form MAU-TINH-2026 has no level huyen (the levels that report on it: so, xa).",
  ],
  cli_imported: [
    "Đã tạo phụ lục phu-luc.xlsx từ báo cáo bao-cao.docx: 1 số liệu từ bảng phụ lục, 1.234 số liệu từ phần báo cáo (có ghi chú trích đoạn).",
    "Wrote the appendix phu-luc.xlsx from the report bao-cao.docx: 1 value from the appendix table, 1,234 values from the report's text (each with a note quoting it).",
  ],
  cli_verdict: [
    "CHƯA SẴN SÀNG: 1 lỗi, 0 cảnh báo, 1.234 thông tin; còn 3 chỉ tiêu chưa nhập",
    "NOT READY: 1 error, 0 warnings, 1,234 notes; 3 expected indicators blank",
  ],
  cli_severity: ["CẢNH BÁO", "WARNING"],
  cli_unsupported_versions: [
    "Mẫu phụ lục không được hỗ trợ: 'Sở Y tế' (CCHC-PL-2030).",
    "Unsupported template version: 'Sở Y tế' (CCHC-PL-2030).",
  ],
  cli_text_cuts: [
    "Đã cắt 7 văn bản dài quá giới hạn của Excel (kết thúc bằng \"…\"): 'Phụ lục'!B3: nội dung ô 100.003 ký tự, cắt còn 32.767; 'Phụ lục': tên trang tính 40 ký tự, cắt còn 31; và 5 chỗ khác.",
    "Cut 7 texts longer than Excel allows (ending in \"…\"): 'Phụ lục'!B3: cell text of 100,003 characters, cut to 32,767; 'Phụ lục': sheet name of 40 characters, cut to 31; and 5 more.",
  ],
  docx_twice: [
    'Tổng số hồ sơ (HS.2) được ghi hai lần với số liệu khác nhau: 44 ở bảng phụ lục, dòng HS.2 và trống ở đoạn: "…tiếp nhận 45 hồ sơ…"; không xác định được số liệu nào đúng. Sửa để báo cáo chỉ ghi một số liệu.',
    'Total applications (HS.2) is stated twice with different values: 44 in appendix table, row HS.2 and blank in paragraph: "…tiếp nhận 45 hồ sơ…"; which one is right cannot be told. Correct the report to state one value.',
  ],
  docx_numbers_unclear: [
    'Không lấy số liệu của chỉ tiêu Số mới tiếp nhận (HS.1.2) từ phần báo cáo: cùng một câu nêu 2 số (12; 14), không rõ số nào là của chỉ tiêu này — đoạn: "…12 và 14…"',
    "Newly received (HS.1.2) not taken from the report's text: one clause states 2 numbers (12; 14) and which one is this row's is not clear — paragraph: \"…12 và 14…\"",
  ],
  docx_owner_unclear: [
    'Không lấy số liệu từ phần báo cáo: số 12 đứng cùng câu với các chỉ tiêu Số mới tiếp nhận (HS.1.2) và Số đã giải quyết (HS.3), không rõ là của chỉ tiêu nào — đoạn: "…12…"',
    'No figure taken from the report\'s text: 12 stands in one clause with Newly received (HS.1.2) and Settled (HS.3), and whose it is is not clear — paragraph: "…12…"',
  ],
  docx_no_table: [
    "Không tìm thấy bảng phụ lục trong báo cáo: chỉ đọc được 17 số liệu nêu trong phần báo cáo, các chỉ tiêu khác coi như chưa nhập. Gửi phụ lục dưới dạng bảng Word (mỗi chỉ tiêu một dòng: STT, chỉ tiêu, đơn vị tính, số liệu, ghi chú) hoặc gửi tệp Excel phụ lục.",
    "No appendix table was found in the report: only 17 values stated in the report's text could be read, and every other indicator counts as blank. Send the appendix as a Word table (one row per indicator: STT, indicator, unit, value, note) or send the Excel appendix file.",
  ],
};

const LABEL_KINDS = Object.keys(LABEL_SAMPLES) as LabelKind[];

function renderLabelSample<K extends LabelKind>(kind: K): Bilingual {
  const params: LabelParams[K] = LABEL_SAMPLES[kind];
  return labelText(kind, params);
}

describe("the texts around the findings rendered from kind and parameters", () => {
  it("has a template for every kind in both languages and no other", () => {
    expect(Object.keys(vi.labels).sort()).toEqual([...LABEL_KINDS].sort());
    expect(Object.keys(en.labels).sort()).toEqual([...LABEL_KINDS].sort());
  });

  it.each(LABEL_KINDS)("renders %s in Vietnamese and English", (kind) => {
    const text = renderLabelSample(kind);
    expect([text.vi, text.en]).toEqual(LABELS_EXPECTED[kind]);
  });

  it("gives both texts as own fields, so that a text compares equal to the literal it reads as", () => {
    expect(labelText("summary_verdict", { verdict: "ready" })).toEqual({ vi: "Sẵn sàng", en: "Ready" });
    expect(labelIn("selfcheck_status", { status: "passed" }, "en")).toBe("Passed");
  });

  it("counts in English with the noun's plural and in Vietnamese without, thousands grouped as each writes them", () => {
    const one = labelText("cli_consolidated", {
      path: "a.xlsx",
      units: 1,
      withErrors: 0,
      requests: 0,
      reviews: 1,
      missing: 1,
      warnings: 1,
    });
    expect(one.en).toBe(
      "Consolidated 1 unit into a.xlsx: 0 with errors, 0 correction requests, 1 request to look again, 1 expected unit missing, 1 consolidation warning.",
    );
    expect(one.vi).toBe(
      "Đã tổng hợp 1 đơn vị vào a.xlsx: 0 đơn vị còn lỗi, 0 yêu cầu sửa, 1 đề nghị xem lại, 1 đơn vị chưa có phụ lục, 1 cảnh báo khi tổng hợp.",
    );
  });
});
