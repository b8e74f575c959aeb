// The summary workbook's sheet names: part of its contract (the pane finds and replaces its sheets by them, the
// README and the letters name them), one name in every language, as a workbook's sheets have.

/** Names of the summary's sheets, in the order they are written. */
export const SUMMARY_SHEETS = {
  form: "Tổng hợp",
  units: "Đơn vị",
  missing: "Thiếu",
  requests: "Yêu cầu sửa",
  nonAggregable: "Không cộng được",
  issues: "Cảnh báo tổng hợp",
  figures: "Số liệu đơn vị",
} as const;
