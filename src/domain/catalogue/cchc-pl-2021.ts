import type { Bilingual, CatalogueInput, CodeOption, Level, ProvinceRole, RoleDef } from "./schema";

// The appendix of the 2021 form, transcribed row by row from the Q3/2021 report of Sở Thông tin và Truyền thông
// Trà Vinh (../shared/seed). Vietnamese labels are exactly as printed there, `<i>` marking the italic runs.

/** Template version id of the 2021 form, written in F1 of every appendix sheet. */
export const CCHC_PL_2021_VERSION = "CCHC-PL-2021";

type RowInput = CatalogueInput["rows"][number];

const ALL: Level[] = ["so", "huyen", "xa"];
const SO: Level[] = ["so"];
const SO_HUYEN: Level[] = ["so", "huyen"];

const U = {
  task: { vi: "Nhiệm vụ", en: "Tasks" },
  doc: { vi: "Văn bản", en: "Documents" },
  procedure: { vi: "Thủ tục", en: "Procedures" },
  agency: { vi: "Cơ quan, đơn vị", en: "Agencies, units" },
  person: { vi: "Người", en: "Persons" },
  percent: { vi: "%", en: "%" },
  tthc: { vi: "TTHC", en: "Procedures" },
  dossier: { vi: "Hồ sơ", en: "Dossiers" },
} satisfies Record<string, Bilingual>;

function legend(...options: [number, string, string][]): CodeOption[] {
  return options.map(([value, vi, en]) => ({ value, label: { vi, en } }));
}

const NO_YES = legend([0, "Không", "No"], [1, "Có", "Yes"]);
const NOT_DONE = legend([0, "Chưa thực hiện", "Not done"], [1, "Đã thực hiện", "Done"]);
const NOT_COMPLETE = legend([0, "Chưa", "Not yet"], [1, "Hoàn thành", "Completed"]);
const PROGRESS = legend(
  [0, "Chưa", "Not yet"],
  [1, "Đang làm", "In progress"],
  [2, "Hoàn thành", "Completed"],
);
const LEVELS_LINKED = legend([0, "Chưa có", "None"], [1, "2 cấp", "2 levels"], [2, "3 cấp", "3 levels"]);

// From 1 July 2025 there are no districts (DESIGN.md section 12): the rows about them are not expected from then on.
const NO_DISTRICTS_FROM = "2025-Q3";

/** A row that presupposes districts: not expected for a period after the 2025 reform. */
function aboutDistricts(row: RowInput): RowInput {
  return { ...row, notApplicableFrom: NO_DISTRICTS_FROM };
}

function parentOf(code: string): string | undefined {
  const cut = code.lastIndexOf(".");
  return cut < 0 ? undefined : code.slice(0, cut);
}

/** A section (1.) or group (1.1.) heading: holds no value. */
function heading(code: string, vi: string, en: string, printed = `${code}.`): RowInput {
  return {
    code,
    printed,
    parent: parentOf(code),
    block: "appendix",
    label: { vi, en },
    kind: "none",
    scope: [],
    aggregation: "none",
  };
}

interface Extra {
  printed?: string;
  parent?: string;
  role?: ProvinceRole;
  derived?: RowInput["derived"];
  mayBeNegative?: boolean;
  cumulative?: boolean;
  formNote?: string;
  aggregation?: RowInput["aggregation"];
}

function count(
  code: string,
  vi: string,
  en: string,
  unit: Bilingual,
  scope: Level[],
  extra: Extra = {},
): RowInput {
  return {
    code,
    printed: extra.printed ?? `${code}.`,
    parent: extra.parent ?? parentOf(code),
    block: "appendix",
    label: { vi, en },
    unit,
    kind: "count",
    scope: extra.role ? [] : scope,
    role: extra.role,
    aggregation: extra.aggregation ?? (extra.role ? "province" : "sum"),
    cumulative: extra.cumulative ?? false,
    formNote: extra.formNote,
  };
}

function percent(code: string, vi: string, en: string, scope: Level[], extra: Extra = {}): RowInput {
  return {
    code,
    printed: extra.printed ?? `${code}.`,
    parent: extra.parent ?? parentOf(code),
    block: "appendix",
    label: { vi, en },
    unit: U.percent,
    kind: "percent",
    scope: extra.role ? [] : scope,
    role: extra.role,
    aggregation: extra.aggregation ?? (extra.role ? "province" : extra.derived ? "recompute" : "list"),
    derived: extra.derived,
    mayBeNegative: extra.mayBeNegative ?? false,
  };
}

function coded(
  code: string,
  vi: string,
  en: string,
  codes: CodeOption[],
  scope: Level[],
  role?: ProvinceRole,
): RowInput {
  const unitText = (lang: "vi" | "en") =>
    codes.map((option) => `${option.label[lang]} = ${option.value}`).join(" ");
  return {
    code,
    printed: `${code}.`,
    parent: parentOf(code),
    block: "appendix",
    label: { vi, en },
    unit: { vi: unitText("vi"), en: unitText("en") },
    kind: "coded",
    codes,
    scope: role ? [] : scope,
    role,
    aggregation: role ? "province" : "lowest",
  };
}

function source(
  code: string,
  vi: string,
  en: string,
  unit: Bilingual,
  scope: Level[],
  role?: ProvinceRole,
): RowInput {
  return {
    code,
    printed: code,
    parent: code.split(".").length > 2 ? parentOf(code) : undefined,
    block: "source",
    label: { vi, en },
    unit,
    kind: "count",
    scope: role ? [] : scope,
    role,
    aggregation: role ? "province" : "sum",
  };
}

const rows: RowInput[] = [
  heading("1", "Công tác chỉ đạo điều hành CCHC", "Direction and management of administrative reform"),
  heading("1.1", "Kế hoạch CCHC", "Administrative reform plan"),
  count("1.1.1", "Số nhiệm vụ đề ra trong kế hoạch", "Tasks set in the plan", U.task, ALL),
  count("1.1.2", "Số nhiệm vụ đã hoàn thành", "Tasks completed", U.task, ALL),
  count("1.1.3", "Số văn bản chỉ đạo CCHC đã ban hành", "Reform directives issued", U.doc, ALL),
  coded(
    "1.2",
    "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp",
    "Leaders held a dialogue with citizens and businesses",
    NO_YES,
    ALL,
  ),

  heading("2", "Cải cách thể chế", "Institutional reform"),
  count("2.1", "Số VBQPPL đã ban hành/tham mưu ban hành", "Legal documents issued or drafted", U.doc, ALL),
  count(
    "2.2",
    "Số VBQPPL đã kiểm tra theo thẩm quyền",
    "Legal documents checked within competence",
    U.doc,
    ALL,
  ),
  count("2.3", "Số VBQPPL đã rà soát", "Legal documents reviewed", U.doc, ALL),
  count(
    "2.4",
    "Số VBQPPL đã kiến nghị xử lý sau kiểm tra, rà soát",
    "Legal documents proposed for handling after checks and reviews",
    U.doc,
    ALL,
  ),
  count(
    "2.5",
    "Số VBQPPL có kiến nghị xử lý đã được xử lý xong",
    "Legal documents proposed for handling that were handled",
    U.doc,
    ALL,
  ),

  heading("3", "Cải cách thủ tục hành chính", "Administrative procedure reform"),
  heading("3.1", "Thống kê TTHC", "Administrative procedure statistics"),
  count("3.1.1", "Số TTHC công bố mới", "Procedures newly published", U.procedure, SO),
  count("3.1.2", "Số TTHC bãi bỏ, thay thế", "Procedures abolished or replaced", U.procedure, SO),
  count("3.1.3", "Tổng số TTHC đang có hiệu lực", "Procedures in force", U.procedure, [], { role: "vpubnd" }),
  count("3.1.3.a", "Số TTHC cấp tỉnh:", "Provincial-level procedures:", U.procedure, [], {
    printed: "Trong đó",
    role: "vpubnd",
    formNote: "Số liệu này do Văn phòng UBND tỉnh cung cấp",
  }),
  count("3.1.3.b", "Số TTHC cấp huyện:", "District-level procedures:", U.procedure, [], {
    printed: "",
    role: "vpubnd",
  }),
  count("3.1.3.c", "Số TTHC cấp xã:", "Commune-level procedures:", U.procedure, [], {
    printed: "",
    role: "vpubnd",
  }),
  heading("3.2", "Vận hành Cổng dịch vụ công", "Operating the public service portal"),
  count(
    "3.2.1",
    "Số TTHC đã cập nhật, công khai trên Cổng DVC quốc gia",
    "Procedures updated and published on the national public service portal",
    U.procedure,
    SO,
  ),
  count(
    "3.2.2",
    "Số TTHC mức độ 3 và 4 đã tích hợp lên Cổng DVC quốc gia",
    "Level 3 and 4 procedures integrated into the national public service portal",
    U.procedure,
    SO,
  ),
  heading(
    "3.3",
    "Thực hiện cơ chế một cửa, một cửa liên thông",
    "One-stop and inter-agency one-stop mechanism",
  ),
  count("3.3.1", "Số TTHC liên thông cùng cấp", "Procedures linked at the same level", U.procedure, ALL),
  count(
    "3.3.2",
    "Số TTHC liên thông giữa các cấp chính quyền",
    "Procedures linked across levels of government",
    U.procedure,
    ALL,
  ),
  percent(
    "3.3.3",
    "Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ",
    "Share of procedures with an approved internal process",
    ALL,
    { derived: { plus: ["QT.2"], denominator: ["QT.1"] } },
  ),
  percent(
    "3.3.4",
    "Tỷ lệ quy trình nội bộ giải quyết TTHC đã được điện tử hóa",
    "Share of internal processes that are digitised",
    ALL,
    { derived: { plus: ["QT.3"], denominator: ["QT.2"] } },
  ),
  heading("3.4", "Kết quả giải quyết TTHC", "Results of handling procedures"),
  percent(
    "3.4.1",
    "Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn",
    "Share of dossiers received by departments resolved on time",
    SO,
    { derived: { plus: ["HS.2.1"], denominator: ["HS.2"] } },
  ),
  aboutDistricts(
    percent(
      "3.4.2",
      "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn",
      "Share of dossiers received by district People's Committees resolved on time",
      ["huyen"],
      { derived: { plus: ["HS.2.1"], denominator: ["HS.2"] } },
    ),
  ),
  percent(
    "3.4.3",
    "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn",
    "Share of dossiers received by commune People's Committees resolved on time",
    ["xa"],
    { derived: { plus: ["HS.2.1"], denominator: ["HS.2"] } },
  ),
  percent(
    "3.4.4",
    "Tỷ lệ hồ sơ TTHC về lĩnh vực đất đai được giải quyết đúng hạn (ở cả 3 cấp).",
    "Share of land dossiers resolved on time (all 3 levels)",
    [],
  ),
  percent(
    "3.4.5",
    "Tỷ lệ hồ sơ TTHC về lĩnh vực xây dựng được giải quyết đúng hạn (ở cả 3 cấp).",
    "Share of construction dossiers resolved on time (all 3 levels)",
    [],
  ),
  heading("3.5", "Vận hành Cổng dịch vụ công", "Operating the public service portal"),
  count(
    "3.5.1",
    "Số TTHC được tích hợp lên Cổng DVC",
    "Procedures integrated into the portal",
    U.procedure,
    SO_HUYEN,
  ),
  count(
    "3.5.2",
    "Số TTHC cung cấp mức độ 3, 4 trên Cổng DVC",
    "Procedures offered at level 3 or 4 on the portal",
    U.procedure,
    SO_HUYEN,
  ),
  count(
    "3.5.3",
    "Số TTHC đã tích hợp dịch vụ thanh toán trực tuyến",
    "Procedures with online payment integrated",
    U.procedure,
    SO_HUYEN,
  ),

  heading("4", "Cải cách tổ chức bộ máy hành chính nhà nước", "Reform of the state administrative apparatus"),
  heading("4.1", "Cơ cấu tổ chức bộ máy", "Organisational structure"),
  count("4.1.1", "Số cơ quan chuyên môn cấp tỉnh", "Provincial specialised agencies", U.agency, [], {
    role: "snv",
  }),
  count(
    "4.1.2",
    "Số ban quản lý trực thuộc UBND cấp tỉnh",
    "Management boards under the provincial People's Committee",
    U.agency,
    [],
    { role: "snv" },
  ),
  count(
    "4.1.3",
    "Số tổ chức liên ngành do cấp tỉnh thành lập",
    "Inter-agency bodies set up by the province",
    U.agency,
    [],
    { role: "snv" },
  ),
  count(
    "4.1.4",
    "Tổng số đơn vị sự nghiệp công lập trên địa bàn tỉnh",
    "Public service units in the province",
    U.agency,
    [],
    { role: "snv" },
  ),
  count(
    "4.1.4.a",
    "<i>Số ĐVSNCL thuộc UBND tỉnh</i>",
    "Public service units under the provincial People's Committee",
    U.agency,
    [],
    { printed: "Trong đó", role: "snv" },
  ),
  count(
    "4.1.4.b",
    "<i>Số ĐVSNCL thuộc sở, ngành và tương đương</i>",
    "Public service units under departments and equivalents",
    U.agency,
    [],
    { printed: "", role: "snv" },
  ),
  aboutDistricts(
    count(
      "4.1.4.c",
      "<i>Số ĐVSNCL thuộc UBND cấp huyện</i>",
      "Public service units under district People's Committees",
      U.agency,
      [],
      { printed: "", role: "snv" },
    ),
  ),
  percent(
    "4.1.4.d",
    "<i>Tỷ lệ ĐVSNCL đã cắt giảm so với năm 2015</i>",
    "Reduction of public service units since 2015",
    [],
    {
      printed: "",
      role: "snv",
      mayBeNegative: true,
      derived: { plus: ["BC.3"], minus: ["4.1.4"], denominator: ["BC.3"] },
    },
  ),
  heading("4.2", "Số liệu về biên chế công chức", "Civil servant staffing"),
  count(
    "4.2.1",
    "Tổng số biên chế được giao trong năm",
    "Civil servant posts assigned this year",
    U.person,
    SO_HUYEN,
  ),
  count(
    "4.2.2",
    "Tổng số biên chế có mặt tại thời điểm báo cáo",
    "Civil servants in post at the reporting date",
    U.person,
    SO_HUYEN,
  ),
  count(
    "4.2.3",
    "Số hợp đồng lao động làm việc tại cơ quan hành chính nhà nước",
    "Labour contracts in state administrative agencies",
    U.person,
    SO_HUYEN,
  ),
  count("4.2.4", "Số biên chế đã tinh giản trong kỳ báo cáo", "Posts cut in the period", U.person, SO_HUYEN),
  percent(
    "4.2.5",
    "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015",
    "Reduction of civil servant posts since 2015",
    SO_HUYEN,
    { mayBeNegative: true, derived: { plus: ["BC.1"], minus: ["4.2.1"], denominator: ["BC.1"] } },
  ),
  heading(
    "4.3",
    "Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập",
    "State-paid staff of public service units",
  ),
  count("4.3.1", "Tổng số người làm việc được giao", "Staff positions assigned", U.person, SO_HUYEN),
  count("4.3.2", "Tổng số người làm việc có mặt", "Staff in post", U.person, SO_HUYEN),
  count("4.3.3", "Số người đã tinh giản trong kỳ báo cáo", "Staff cut in the period", U.person, SO_HUYEN),
  percent("4.3.4", "Tỷ lệ % đã tinh giản so với năm 2015", "Reduction of staff since 2015", SO_HUYEN, {
    mayBeNegative: true,
    derived: { plus: ["BC.2"], minus: ["4.3.1"], denominator: ["BC.2"] },
  }),

  heading("5", "Cải cách chế độ công vụ", "Civil service reform"),
  heading(
    "5.1",
    "Vị trí việc làm của công chức, viên chức",
    "Job positions of civil servants and public employees",
  ),
  count(
    "5.1.1",
    "Số cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm theo quy định",
    "Administrative agencies with approved job positions",
    U.agency,
    SO_HUYEN,
  ),
  count(
    "5.1.2",
    "Số đơn vị sự nghiệp đã được phê duyệt vị trí việc làm theo quy định",
    "Public service units with approved job positions",
    U.agency,
    SO_HUYEN,
  ),
  count(
    "5.1.3",
    "Số cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra",
    "Agencies found by inspection to breach job position rules",
    U.agency,
    SO_HUYEN,
  ),
  heading("5.2", "Tuyển dụng công chức, viên chức", "Recruitment of civil servants and public employees"),
  count(
    "5.2.1",
    "Số công chức được tuyển dụng (thi tuyển, xét tuyển)",
    "Civil servants recruited (by exam or selection)",
    U.person,
    SO_HUYEN,
  ),
  count(
    "5.2.2",
    "Số công chức được tuyển dụng theo trường hợp đặc biệt.",
    "Civil servants recruited as special cases",
    U.person,
    SO_HUYEN,
  ),
  count(
    "5.2.3",
    "Số cán bộ, công chức cấp xã được xét chuyển thành công chức cấp huyện trở lên.",
    "Commune officials moved to district-level civil service or above",
    U.person,
    [],
    { role: "snv" },
  ),
  count(
    "5.2.4",
    "Số viên chức được tuyển dụng (thi tuyển, xét tuyển).",
    "Public employees recruited (by exam or selection)",
    U.person,
    SO_HUYEN,
  ),
  count(
    "5.2.5",
    "Số viên chức được tuyển dụng theo trường hợp đặc biệt.",
    "Public employees recruited as special cases",
    U.person,
    SO_HUYEN,
  ),
  heading("5.3", "Số liệu về bổ nhiệm công chức lãnh đạo", "Appointment of leaders"),
  coded(
    "5.3.1",
    "Thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển",
    "Leaders selected and appointed by competitive exam",
    NOT_DONE.slice().reverse(),
    SO_HUYEN,
  ),
  count(
    "5.3.2",
    "Số lãnh đạo cấp sở, ngành được bổ nhiệm mới",
    "Department leaders newly appointed",
    U.person,
    SO,
  ),
  count(
    "5.3.3",
    "Số lãnh đạo cấp phòng thuộc sở, ngành được bổ nhiệm mới",
    "Division heads in departments newly appointed",
    U.person,
    SO,
  ),
  aboutDistricts(
    count(
      "5.3.4",
      "Số lãnh đạo cấp phòng thuộc UBND huyện được bổ nhiệm mới",
      "Division heads in district People's Committees newly appointed",
      U.person,
      ["huyen"],
    ),
  ),
  heading(
    "5.4",
    "Số liệu về xử lý kỷ luật cán bộ, công chức (cả về Đảng và chính quyền).",
    "Disciplinary measures against officials (Party and government)",
  ),
  count("5.4.1", "Số lãnh đạo cấp tỉnh bị kỷ luật.", "Provincial leaders disciplined", U.person, [], {
    role: "snv",
  }),
  count(
    "5.4.2",
    "Số lãnh đạo cấp sở, ngành và UBND cấp huyện bị kỷ luật.",
    "Department and district leaders disciplined",
    U.person,
    SO_HUYEN,
  ),
  count(
    "5.4.3",
    "Số lãnh đạo cấp phòng thuộc sở, ngành và UBND cấp huyện bị kỷ luật.",
    "Division heads of departments and districts disciplined",
    U.person,
    SO_HUYEN,
  ),
  count(
    "5.4.4",
    "Số người làm việc hưởng lương từ NSNN tại các đơn vị SNCL bị kỷ luật.",
    "State-paid staff of public service units disciplined",
    U.person,
    SO_HUYEN,
  ),

  heading("6", "Cải cách tài chính công", "Public finance reform"),
  count(
    "6.1",
    "Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên và chi đầu tư (lũy kế đến thời điểm báo cáo)",
    "Public service units fully self-financing recurrent and investment spending (cumulative)",
    U.agency,
    SO_HUYEN,
    { cumulative: true },
  ),
  count(
    "6.2",
    "Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên (lũy kế đến thời điểm báo cáo)",
    "Public service units fully self-financing recurrent spending (cumulative)",
    U.agency,
    SO_HUYEN,
    { cumulative: true },
  ),
  count(
    "6.3",
    "Số đơn vị SNCL đã thực hiện tự chủ một phần chi thường xuyên (lũy kế đến thời điểm báo cáo)",
    "Public service units partly self-financing recurrent spending (cumulative)",
    U.agency,
    SO_HUYEN,
    { cumulative: true },
  ),
  count(
    "6.4",
    "Số đơn vị SNCL do nhà nước đảm bảo 100% chi thường xuyên (lũy kế đến thời điểm báo cáo)",
    "Public service units fully state-funded (cumulative)",
    U.agency,
    SO_HUYEN,
    { cumulative: true },
  ),
  count(
    "6.5",
    "Số lượng đơn vị SNCL đã chuyển đổi thành công ty cổ phần (lũy kế đến thời điểm báo cáo)",
    "Public service units turned into joint-stock companies (cumulative)",
    U.agency,
    SO_HUYEN,
    { cumulative: true },
  ),

  heading(
    "7",
    "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
    "E-government and digital government",
  ),
  coded(
    "7.1",
    "Cập nhật Kiến trúc chính quyền điện tử phiên bản 2.0",
    "E-government architecture version 2.0 updated",
    NOT_COMPLETE,
    [],
    "stttt",
  ),
  aboutDistricts(
    coded(
      "7.2",
      "Xây dựng và vận hành Hệ thống hợp trực tuyến Liên thông 2 cấp: Từ UBND tỉnh đến 100% UBND các huyện. Liên thông 3 cấp: Từ UBND tỉnh đến 100% UBND cấp huyện, cấp xã.",
      "Online meeting system: 2 levels links the province to every district; 3 levels also every commune",
      LEVELS_LINKED,
      [],
      "stttt",
    ),
  ),
  coded(
    "7.3",
    "Hệ thống thông tin báo cáo và kết nối với Hệ thống thông tin báo cáo quốc gia",
    "Reporting information system connected to the national reporting system",
    PROGRESS,
    [],
    "stttt",
  ),
  percent(
    "7.4",
    "Tỷ lệ cơ quan chuyên môn cấp tỉnh, UBND cấp huyện, UBND cấp xã được cấp chứng thư số.",
    "Share of provincial agencies, district and commune People's Committees with digital certificates",
    [],
    { role: "stttt" },
  ),
  coded(
    "7.5",
    "Triển khai xây dựng nền tảng chia sẻ, tích hợp dùng chung (LGSP).",
    "Shared integration platform (LGSP) deployed",
    PROGRESS,
    [],
    "stttt",
  ),
  heading("7.6", "Số liệu về trao đổi văn bản điện tử", "Electronic document exchange"),
  heading(
    "7.6.1",
    "Thực hiện kết nối, liên thông các Hệ thống quản lý văn bản điều hành từ cấp tỉnh đến cấp xã",
    "Document management systems linked from province to commune",
  ),
  percent(
    "7.6.1.a",
    "Tỷ lệ sở, ngành đã kết nối, liên thông với UBND tỉnh",
    "Share of departments linked with the provincial People's Committee",
    [],
    { printed: "Trong đó", role: "stttt" },
  ),
  aboutDistricts(
    percent(
      "7.6.1.b",
      "Tỷ lệ UBND cấp huyện đã kết nối, liên thông với UBND tỉnh",
      "Share of district People's Committees linked with the province",
      [],
      { printed: "", role: "stttt" },
    ),
  ),
  percent(
    "7.6.1.c",
    "Tỷ lệ UBND cấp xã đã kết nối, liên thông với UBND huyện.",
    "Share of commune People's Committees linked with their district",
    [],
    { printed: "", role: "stttt" },
  ),
  count(
    "7.6.2",
    "Tổng số VĂN BẢN ĐI giữa các cơ quan nhà nước trên địa bàn tỉnh",
    "Outgoing documents between state agencies in the province",
    U.doc,
    [],
    { role: "stttt" },
  ),
  percent(
    "7.6.2.a",
    "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử <i>(Sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử).</i>",
    "Share of documents sent fully electronically (digitally signed and sent online)",
    [],
    { printed: "Trong đó", role: "stttt", derived: { plus: ["VB.1"], denominator: ["7.6.2"] } },
  ),
  percent(
    "7.6.2.b",
    "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy",
    "Share of documents sent electronically alongside paper",
    [],
    { printed: "", role: "stttt", derived: { plus: ["VB.2"], denominator: ["7.6.2"] } },
  ),
  heading(
    "7.7",
    "Vận hành Hệ thống thông tin một cửa điện tử tập trung của tỉnh",
    "Operating the province's central one-stop information system",
  ),
  percent(
    "7.7.1",
    "Tỷ lệ sở, ngành đã kết nối liên thông với Hệ thống",
    "Share of departments connected",
    [],
    {
      role: "stttt",
    },
  ),
  aboutDistricts(
    percent(
      "7.7.2",
      "Tỷ lệ đơn vị cấp huyện đã kết nối liên thông với Hệ thống",
      "Share of district units connected",
      [],
      { role: "stttt" },
    ),
  ),
  percent(
    "7.7.3",
    "Tỷ lệ đơn vị cấp xã đã kết nối liên thông với Hệ thống",
    "Share of commune units connected",
    [],
    {
      role: "stttt",
    },
  ),
  heading("7.8", "Dịch vụ công trực tuyến", "Online public services"),
  count(
    "7.8.1",
    "Tổng số TTHC cung cấp trực tuyến mức độ 3",
    "Procedures offered online at level 3",
    U.tthc,
    [],
    {
      role: "stttt",
    },
  ),
  count(
    "7.8.2",
    "Tổng số TTHC cung cấp trực tuyến mức độ 4",
    "Procedures offered online at level 4",
    U.tthc,
    [],
    {
      role: "stttt",
    },
  ),
  percent("7.8.3", "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3", "Share of level 3 dossiers handled online", [], {
    role: "stttt",
    derived: { plus: ["DV.3.2"], denominator: ["DV.3"] },
  }),
  percent("7.8.4", "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4", "Share of level 4 dossiers handled online", [], {
    role: "stttt",
    derived: { plus: ["DV.4.2"], denominator: ["DV.4"] },
  }),

  source(
    "HS.1",
    "Tổng số hồ sơ yêu cầu giải quyết TTHC trong kỳ",
    "Dossiers to resolve in the period",
    U.dossier,
    ALL,
  ),
  // What is carried over now is what was still in progress at the end of the previous period.
  {
    ...source("HS.1.1", "Số kỳ trước chuyển qua", "Carried over from the previous period", U.dossier, ALL),
    carriedFrom: "HS.3",
  },
  source("HS.1.2", "Số mới tiếp nhận", "Newly received", U.dossier, ALL),
  source("HS.2", "Số hồ sơ đã giải quyết", "Dossiers resolved", U.dossier, ALL),
  source("HS.2.1", "Trả đúng thời hạn (kể cả trước hạn)", "Returned on time (or early)", U.dossier, ALL),
  source("HS.2.2", "Trả quá hạn", "Returned late", U.dossier, ALL),
  source("HS.3", "Số hồ sơ đang giải quyết", "Dossiers being resolved", U.dossier, ALL),
  source("HS.3.1", "Chưa đến hạn", "Not yet due", U.dossier, ALL),
  source("HS.3.2", "Quá hạn", "Overdue", U.dossier, ALL),
  source(
    "HS.4",
    "Số hồ sơ trả qua dịch vụ bưu chính công ích",
    "Dossiers returned by public postal service",
    U.dossier,
    ALL,
  ),
  source("HS.5", "Số hồ sơ nộp trực tuyến", "Dossiers submitted online", U.dossier, ALL),
  source(
    "DV.3",
    "Số hồ sơ dịch vụ công trực tuyến mức độ 3",
    "Level 3 online service dossiers",
    U.dossier,
    [],
    "stttt",
  ),
  source("DV.3.1", "Mức độ 3: tiếp nhận trực tiếp", "Level 3: received in person", U.dossier, [], "stttt"),
  source("DV.3.2", "Mức độ 3: tiếp nhận trực tuyến", "Level 3: received online", U.dossier, [], "stttt"),
  source(
    "DV.4",
    "Số hồ sơ dịch vụ công trực tuyến mức độ 4",
    "Level 4 online service dossiers",
    U.dossier,
    [],
    "stttt",
  ),
  source("DV.4.1", "Mức độ 4: tiếp nhận trực tiếp", "Level 4: received in person", U.dossier, [], "stttt"),
  source("DV.4.2", "Mức độ 4: tiếp nhận trực tuyến", "Level 4: received online", U.dossier, [], "stttt"),
  source("QT.1", "Số TTHC thuộc thẩm quyền giải quyết", "Procedures within competence", U.procedure, ALL),
  source(
    "QT.2",
    "Số TTHC đã được phê duyệt quy trình nội bộ",
    "Procedures with an approved internal process",
    U.procedure,
    ALL,
  ),
  source("QT.3", "Số quy trình nội bộ đã được điện tử hóa", "Internal processes digitised", U.procedure, ALL),
  source(
    "VB.1",
    "Số văn bản đi gửi hoàn toàn dưới dạng điện tử",
    "Outgoing documents sent fully electronically",
    U.doc,
    [],
    "stttt",
  ),
  source(
    "VB.2",
    "Số văn bản đi điện tử song song với văn bản giấy",
    "Outgoing documents sent electronically alongside paper",
    U.doc,
    [],
    "stttt",
  ),
  source(
    "BC.1",
    "Biên chế công chức được giao năm 2015",
    "Civil servant posts assigned in 2015",
    U.person,
    SO_HUYEN,
  ),
  source(
    "BC.2",
    "Số người làm việc được giao năm 2015",
    "Staff positions assigned in 2015",
    U.person,
    SO_HUYEN,
  ),
  source(
    "BC.3",
    "Số đơn vị sự nghiệp công lập năm 2015",
    "Public service units in 2015",
    U.agency,
    [],
    "snv",
  ),
];

type PlausibleInput = NonNullable<RowInput["plausible"]>;

/** The same plausible maximum at every level a row is filled at, or the department's alone. */
const upTo = (so: number, huyen = so, xa = huyen): PlausibleInput => ({ max: { so, huyen, xa } });

// Plausible bounds (the definition's `giới hạn`): above them a figure is most likely mistyped (64,073 staff for 64,
// a date or an id pasted into a count), so it gets a warning that shows it; nothing here is an error. Each bound is
// set well above the largest real figure we know of, per reporting period (a year at most), so that a true figure
// never warns:
// - Civil servant posts (4.2.x, BC.1): the largest departments, with their sub-departments (market surveillance,
//   forest rangers), have some hundreds to about 1,500; a district's divisions a few hundred; a commune after the
//   2025 merger some tens. Tens of thousands at a department is a thousands separator, never a department.
// - Staff of public service units (4.3.x, BC.2): health and education departments of the largest provinces run
//   hospitals and upper-secondary schools with tens of thousands of staff; districts run schools (some thousands);
//   communes, since 2025, their schools too.
// - Public service units (5.1.2, 6.x, 4.1.4, BC.3): an education department has some hundreds of schools, a
//   province some thousands of units in all; agencies (5.1.1, 4.1.1, 4.1.2) are counted in tens.
// - Procedures (3.x, QT.x, 7.8.1–2): a province publishes about 2,000 in all, a district some hundreds, a commune
//   about 100–150.
// - Dossiers (HS.x, DV.x): the busiest departments (driving licences, business registration in the largest cities)
//   handle up to about a million a year; districts and communes far fewer.
// - Outgoing documents between a province's agencies (7.6.2, VB.x): some millions a year.
// - Reduction rates since 2015 (4.1.4.d, 4.2.5, 4.3.4) below −100% mean more than twice the 2015 figure: possible
//   after a merger, most likely a wrong count.
const STAFF = upTo(2_000, 1_000, 300);
const PUBLIC_STAFF = upTo(60_000, 20_000, 5_000);
const PUBLIC_UNITS = upTo(1_000, 500, 100);
const PROCEDURES = upTo(3_000, 1_000, 500);
const DOSSIERS = upTo(5_000_000, 2_000_000, 1_000_000);
const REDUCTION: PlausibleInput = { min: -100 };
const PLAUSIBLE: Readonly<Record<string, PlausibleInput>> = {
  "1.1.1": upTo(1_000),
  "1.1.2": upTo(1_000),
  "1.1.3": upTo(1_000),
  ...Object.fromEntries(
    [
      "3.1.1",
      "3.1.2",
      "3.2.1",
      "3.2.2",
      "3.3.1",
      "3.3.2",
      "3.5.1",
      "3.5.2",
      "3.5.3",
      "QT.1",
      "QT.2",
      "QT.3",
    ].map((code) => [code, PROCEDURES]),
  ),
  ...Object.fromEntries(
    ["3.1.3", "3.1.3.a", "3.1.3.b", "3.1.3.c", "7.8.1", "7.8.2"].map((code) => [code, upTo(5_000)]),
  ),
  "4.1.1": upTo(40),
  "4.1.2": upTo(20),
  ...Object.fromEntries(
    ["4.1.4", "4.1.4.a", "4.1.4.b", "4.1.4.c", "BC.3"].map((code) => [code, upTo(10_000)]),
  ),
  ...Object.fromEntries(["4.2.1", "4.2.2", "4.2.3", "4.2.4", "BC.1"].map((code) => [code, STAFF])),
  ...Object.fromEntries(["4.3.1", "4.3.2", "4.3.3", "BC.2"].map((code) => [code, PUBLIC_STAFF])),
  "4.1.4.d": REDUCTION,
  "4.2.5": REDUCTION,
  "4.3.4": REDUCTION,
  "5.1.1": upTo(100, 100, 20),
  ...Object.fromEntries(["5.1.2", "6.1", "6.2", "6.3", "6.4", "6.5"].map((code) => [code, PUBLIC_UNITS])),
  ...Object.fromEntries(["7.6.2", "VB.1", "VB.2"].map((code) => [code, upTo(20_000_000)])),
  ...Object.fromEntries(
    ["HS.1", "HS.1.1", "HS.1.2", "HS.2", "HS.2.1", "HS.2.2", "HS.3", "HS.3.1", "HS.3.2", "HS.4", "HS.5"].map(
      (code) => [code, DOSSIERS],
    ),
  ),
  ...Object.fromEntries(
    ["DV.3", "DV.3.1", "DV.3.2", "DV.4", "DV.4.1", "DV.4.2"].map((code) => [code, DOSSIERS]),
  ),
};

function sumRule(id: string, total: string, parts: string[]): CatalogueInput["relations"][number] {
  return { id, kind: "balance", left: [total], right: parts, relation: "eq", severity: "error" };
}

function orderRule(smaller: string[], larger: string[], severity: "error" | "warning") {
  return {
    id: `order:${smaller.join("+")}<=${larger.join("+")}`,
    kind: "order" as const,
    left: smaller,
    right: larger,
    relation: "le" as const,
    severity,
  };
}

/** The 2021 appendix form (CCHC-PL-2021): every row, the source block and every cross-cell rule. */
// How report bodies word the source block's figures (DESIGN.md section 11, `cách ghi trong báo cáo`; section 13):
// the one-stop counts as list lines ("- Tổng số hồ sơ yêu cầu giải quyết TTHC quý III/2021: 44", "- + Số kỳ trước
// chuyển qua: 0"), the online-service counts in running text ("6.356 hồ sơ mức 3 (5.598 trực tiếp, 758 trực tuyến
// …)"). Wordings are data so that a province can add its own without a developer, as the form itself is data.
//
// `anywhere` wordings name their row wherever they stand. `underParent` wordings are too short to name a row alone
// ("Quá hạn" is late among resolved dossiers and overdue among those in progress; "trực tiếp" is in person for any
// count): they count only in a sub-item ("+ …" under the parent's list line) or in the parenthesis that follows the
// parent's own figure. Neither holds words that other figures share: "tiếp nhận" alone is not "Số mới tiếp nhận"
// (the seed's "Trong quý hệ thống đã tiếp nhận 14.950 hồ sơ" is the province's iGate total).

const WORDINGS: readonly ({ code: string } & NonNullable<RowInput["reportWordings"]>)[] = [
  {
    code: "HS.1",
    anywhere: [
      "Tổng số hồ sơ yêu cầu giải quyết TTHC",
      "Tổng số hồ sơ yêu cầu giải quyết thủ tục hành chính",
      "Tổng số hồ sơ TTHC yêu cầu giải quyết",
      "Tổng số hồ sơ tiếp nhận giải quyết",
    ],
  },
  {
    code: "HS.1.1",
    anywhere: ["Số kỳ trước chuyển qua", "Số hồ sơ kỳ trước chuyển qua", "Số hồ sơ kỳ trước chuyển sang"],
    underParent: ["Kỳ trước chuyển qua", "Kỳ trước chuyển sang", "Tồn kỳ trước"],
  },
  {
    code: "HS.1.2",
    anywhere: ["Số mới tiếp nhận", "Số hồ sơ mới tiếp nhận", "Số hồ sơ tiếp nhận mới"],
    underParent: ["Mới tiếp nhận", "Tiếp nhận mới", "Tiếp nhận trong kỳ"],
  },
  {
    code: "HS.2",
    anywhere: [
      "Kết quả giải quyết TTHC",
      "Kết quả giải quyết thủ tục hành chính",
      "Số hồ sơ đã giải quyết",
      "Số hồ sơ TTHC đã giải quyết",
    ],
  },
  {
    code: "HS.2.1",
    anywhere: ["Số hồ sơ trả đúng thời hạn", "Số hồ sơ giải quyết đúng hạn"],
    underParent: ["Trả đúng thời hạn", "Trả đúng hạn", "Đúng hạn", "Đúng thời hạn", "Trước hạn và đúng hạn"],
  },
  {
    code: "HS.2.2",
    anywhere: ["Số hồ sơ trả quá hạn", "Số hồ sơ giải quyết quá hạn"],
    underParent: ["Trả quá hạn", "Quá hạn", "Trễ hạn"],
  },
  { code: "HS.3", anywhere: ["Số hồ sơ đang giải quyết", "Số hồ sơ TTHC đang giải quyết"] },
  { code: "HS.3.1", anywhere: [], underParent: ["Chưa đến hạn", "Trong hạn"] },
  { code: "HS.3.2", anywhere: [], underParent: ["Quá hạn", "Đã quá hạn"] },
  {
    code: "HS.4",
    anywhere: [
      "Số hồ sơ trả qua dịch vụ bưu chính công ích",
      "Số hồ sơ trả kết quả qua dịch vụ bưu chính công ích",
    ],
  },
  { code: "HS.5", anywhere: ["Số hồ sơ nộp trực tuyến", "Số hồ sơ tiếp nhận trực tuyến"] },
  {
    code: "DV.3",
    anywhere: ["hồ sơ mức 3", "hồ sơ mức độ 3", "hồ sơ dịch vụ công trực tuyến mức độ 3"],
  },
  { code: "DV.3.1", anywhere: [], underParent: ["trực tiếp", "tiếp nhận trực tiếp"] },
  { code: "DV.3.2", anywhere: [], underParent: ["trực tuyến", "tiếp nhận trực tuyến"] },
  {
    code: "DV.4",
    anywhere: ["hồ sơ mức 4", "hồ sơ mức độ 4", "hồ sơ dịch vụ công trực tuyến mức độ 4"],
  },
  { code: "DV.4.1", anywhere: [], underParent: ["trực tiếp", "tiếp nhận trực tiếp"] },
  { code: "DV.4.2", anywhere: [], underParent: ["trực tuyến", "tiếp nhận trực tuyến"] },
  { code: "QT.1", anywhere: ["Số TTHC thuộc thẩm quyền giải quyết"] },
  { code: "QT.2", anywhere: ["Số TTHC đã được phê duyệt quy trình nội bộ"] },
  {
    code: "QT.3",
    anywhere: ["Số quy trình nội bộ đã được điện tử hóa", "Số quy trình nội bộ đã được điện tử hoá"],
  },
  { code: "VB.1", anywhere: ["Số văn bản đi gửi hoàn toàn dưới dạng điện tử"] },
  { code: "VB.2", anywhere: ["Số văn bản đi điện tử song song với văn bản giấy"] },
  { code: "BC.1", anywhere: ["Biên chế công chức được giao năm 2015"] },
  { code: "BC.2", anywhere: ["Số người làm việc được giao năm 2015"] },
  { code: "BC.3", anywhere: ["Số đơn vị sự nghiệp công lập năm 2015"] },
];

/** The row with its report wordings, when it has some. */
function worded(row: RowInput): RowInput {
  const found = WORDINGS.find((wording) => wording.code === row.code);
  if (!found) return row;
  const { anywhere, underParent } = found;
  return { ...row, reportWordings: { anywhere: anywhere ?? [], underParent: underParent ?? [] } };
}

/**
 * The offices that report the province-wide rows. "UBND huyện …" alone is a district, not the People's Committee
 * Office, hence the "văn phòng". The digital-government rows (stttt) came from Sở Thông tin và Truyền thông until it
 * was merged into Sở Khoa học và Công nghệ on 1 March 2025: a period ending after that is reported by the latter.
 */
const ROLES: RoleDef[] = [
  {
    id: "vpubnd",
    name: { vi: "Văn phòng UBND tỉnh", en: "Provincial People's Committee Office" },
    patterns: ["văn phòng ubnd", "vp ubnd", "văn phòng ủy ban nhân dân", "vpubnd"],
  },
  {
    id: "snv",
    name: { vi: "Sở Nội vụ", en: "Department of Home Affairs" },
    patterns: ["sở nội vụ", "snv"],
  },
  {
    id: "stttt",
    name: { vi: "Sở Thông tin và Truyền thông", en: "Department of Information and Communications" },
    patterns: ["sở thông tin và truyền thông", "sở tt&tt", "sở tttt", "sở tt và tt", "stttt"],
    until: "2024-Q4",
  },
  {
    id: "stttt",
    name: { vi: "Sở Khoa học và Công nghệ", en: "Department of Science and Technology" },
    patterns: ["sở khoa học và công nghệ", "sở kh&cn", "sở khcn", "sở kh và cn", "skhcn"],
    from: "2025-Q1",
  },
];

export const CCHC_PL_2021: CatalogueInput = {
  templateVersion: CCHC_PL_2021_VERSION,
  title: {
    vi: "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
    en: "STATISTICS ON THE RESULTS OF ADMINISTRATIVE REFORM",
  },
  levels: ["so", "huyen", "xa"],
  appliesFrom: "2021-Q1",
  roles: ROLES,
  rows: rows.map((row) =>
    worded({
      ...row,
      ...(PLAUSIBLE[row.code] ? { plausible: PLAUSIBLE[row.code] } : {}),
    }),
  ),
  relations: [
    sumRule("balance:HS.1", "HS.1", ["HS.1.1", "HS.1.2"]),
    sumRule("balance:HS.2", "HS.2", ["HS.2.1", "HS.2.2"]),
    sumRule("balance:HS.3", "HS.3", ["HS.3.1", "HS.3.2"]),
    sumRule("balance:DV.3", "DV.3", ["DV.3.1", "DV.3.2"]),
    sumRule("balance:DV.4", "DV.4", ["DV.4.1", "DV.4.2"]),
    {
      id: "ofWhich:3.1.3",
      kind: "ofWhich",
      left: ["3.1.3.a", "3.1.3.b", "3.1.3.c"],
      right: ["3.1.3"],
      relation: "le",
      severity: "error",
      shortfall: "warning",
    },
    {
      id: "ofWhich:4.1.4",
      kind: "ofWhich",
      left: ["4.1.4.a", "4.1.4.b", "4.1.4.c"],
      right: ["4.1.4"],
      relation: "le",
      severity: "error",
      shortfall: "warning",
    },
    {
      id: "stock:HS.1",
      kind: "stock",
      left: ["HS.2", "HS.3"],
      right: ["HS.1"],
      relation: "le",
      severity: "error",
      shortfall: "info",
    },
    orderRule(["1.1.2"], ["1.1.1"], "error"),
    orderRule(["3.5.3"], ["3.5.1"], "error"),
    orderRule(["HS.4"], ["HS.2"], "error"),
    orderRule(["HS.5"], ["HS.1"], "error"),
    orderRule(["2.5"], ["2.4"], "warning"),
    orderRule(["2.4"], ["2.2", "2.3"], "warning"),
    orderRule(["3.2.2"], ["3.2.1"], "warning"),
    orderRule(["3.5.2"], ["3.5.1"], "warning"),
    orderRule(["4.2.2"], ["4.2.1"], "warning"),
    orderRule(["4.3.2"], ["4.3.1"], "warning"),
    orderRule(["HS.5"], ["HS.1.2"], "warning"),
    {
      id: "order:7.6.2.a+7.6.2.b<=100%",
      kind: "order",
      left: ["7.6.2.a", "7.6.2.b"],
      rightPercent: 100,
      relation: "le",
      severity: "warning",
    },
  ],
  patterns: [
    {
      id: "pattern:4.3=4.2",
      kind: "pattern",
      pairs: [
        ["4.3.1", "4.2.1"],
        ["4.3.2", "4.2.2"],
        ["4.3.3", "4.2.4"],
        ["4.3.4", "4.2.5"],
      ],
    },
  ],
};
