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

/** The wordings of one source row in report bodies. */
export interface ReportWording {
  readonly code: string;
  readonly anywhere: readonly string[];
  readonly underParent?: readonly string[];
}

/** Report wordings of the source block of CCHC-PL-2021, beside its catalogue. */
export const CCHC_PL_2021_WORDINGS: readonly ReportWording[] = [
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
