import type { HelpTexts } from "./kinds";

// The command line's help in Vietnamese (src/cli/help.ts lays it out). Apart from vi.ts: `--help` loads this and
// nothing else of the messages, so that it starts in the time node itself takes (issue 16).

const HELP_OPTION = { flags: "-h, --help", text: "in hướng dẫn này" } as const;

const FORCE_OPTION = {
  flags: "--force",
  text: "thay tệp đầu ra nếu tệp đó đã có (không bao giờ thay một tệp đầu vào)",
} as const;

const COMMANDS: HelpTexts["commands"] = {
  template: {
    summary: "tạo phụ lục trống theo mẫu",
    usage:
      'cchc-appendix template -o TỆP.xlsx [--unit "Tên đơn vị"] [--level so|huyen|xa] [--period 2021-Q3] [--form MÃ-MẪU|DINH-NGHIA.xlsx] [--force]',
    options: [
      { flags: "-o, --output TỆP.xlsx", text: "tệp phụ lục sẽ tạo (bắt buộc)" },
      {
        flags: '--unit "Tên đơn vị"',
        text: 'tên đơn vị báo cáo, cũng là tên trang tính (mặc định "Đơn vị báo cáo")',
      },
      {
        flags: "--level so|huyen|xa",
        text: "cấp của đơn vị: so (Sở, ngành), huyen (Huyện, chỉ cho các kỳ trước 01/7/2025: từ ngày đó không còn cấp huyện), xa (Xã); mặc định so",
      },
      {
        flags: "--period KỲ",
        text: 'kỳ báo cáo: 2021-Q3 hoặc "Quý III/2021", 2021-H1 hoặc "6 tháng 2021", 2021 hoặc "Năm 2021"; mặc định quý hiện tại',
      },
      {
        flags: "--form MÃ-MẪU|DINH-NGHIA.xlsx",
        text: "mẫu phụ lục: mã một mẫu có sẵn, hoặc tệp định nghĩa mẫu (kiểm tra như form check, có lỗi thì không dùng); mặc định CCHC-PL-2021",
      },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
  validate: {
    summary: "kiểm tra phụ lục đã điền",
    usage:
      "cchc-appendix validate TỆP.xlsx|.docx... [--format text|json] [--lang vi|en] [--form DINH-NGHIA.xlsx]...",
    options: [
      { flags: "--format text|json", text: "kết quả dạng văn bản (mặc định) hoặc một tài liệu JSON" },
      { flags: "--lang vi|en", text: "ngôn ngữ của kết quả dạng văn bản (mặc định vi)" },
      {
        flags: "--form DINH-NGHIA.xlsx",
        text: "tệp định nghĩa của một mẫu mà tệp phụ lục không mang theo (kiểm tra như form check; dùng được nhiều lần)",
      },
      HELP_OPTION,
    ],
  },
  consolidate: {
    summary: "tổng hợp phụ lục của các đơn vị",
    usage:
      "cchc-appendix consolidate TỆP.xlsx|.docx... -o TONG-HOP.xlsx [--expect don-vi.txt] [--previous KY-TRUOC.xlsx] [--roles vai-tro.txt] [--allow-other-periods] [--form DINH-NGHIA.xlsx]... [--force]",
    options: [
      {
        flags: "-o, --output TONG-HOP.xlsx",
        text: "tệp tổng hợp sẽ tạo (bắt buộc; không được là một tệp đầu vào)",
      },
      { flags: "--expect don-vi.txt", text: "danh sách đơn vị phải báo cáo, mỗi dòng một tên" },
      { flags: "--previous KY-TRUOC.xlsx", text: "bảng tổng hợp hoặc phụ lục kỳ trước, để so sánh" },
      {
        flags: "--roles vai-tro.txt",
        text: 'vai trò của đơn vị cấp tỉnh, mỗi dòng "Tên đơn vị<TAB hoặc ;>vpubnd|snv|stttt|none" (đơn vị không có trong tệp: vai trò theo tên)',
      },
      {
        flags: "--allow-other-periods",
        text: "cộng cả phụ lục ghi kỳ báo cáo khác (mặc định: không cộng, có dòng báo)",
      },
      {
        flags: "--form DINH-NGHIA.xlsx",
        text: "tệp định nghĩa của một mẫu mà tệp phụ lục không mang theo (kiểm tra như form check; dùng được nhiều lần)",
      },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
  import: {
    summary:
      "chuyển báo cáo Word (.docx) thành phụ lục Excel theo mẫu, số liệu lấy từ phần báo cáo có ghi chú",
    usage: "cchc-appendix import BAO-CAO.docx -o TỆP.xlsx [--force]",
    options: [
      { flags: "-o, --output TỆP.xlsx", text: "tệp phụ lục sẽ tạo (bắt buộc)" },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
  form: {
    summary:
      "ghi định nghĩa của một mẫu ra tệp Excel để sửa thành mẫu riêng, hoặc kiểm tra một tệp định nghĩa mẫu",
    usage:
      "cchc-appendix form export [--form MÃ-MẪU] -o DINH-NGHIA.xlsx [--force] | cchc-appendix form check DINH-NGHIA.xlsx",
    options: [
      {
        flags: "export",
        text: "ghi định nghĩa mẫu (các trang Mẫu, Vai trò, Chỉ tiêu, Quy tắc; cột mã và cột biểu thức định dạng Văn bản)",
      },
      {
        flags: "check",
        text: "kiểm tra tệp định nghĩa: mọi lỗi theo trang, dòng và cột (mã thoát 2), hoặc tóm tắt mẫu hợp lệ (mã thoát 0)",
      },
      { flags: "--form MÃ-MẪU", text: "mẫu có sẵn cần ghi (mặc định CCHC-PL-2021)" },
      { flags: "-o, --output DINH-NGHIA.xlsx", text: "tệp định nghĩa sẽ tạo (bắt buộc với export)" },
      FORCE_OPTION,
      HELP_OPTION,
    ],
  },
};

/** The Vietnamese help. */
export const helpVi: HelpTexts = {
  title: "cchc-appendix — phụ lục thống kê cải cách hành chính (CCHC)",
  usage: "Cách dùng",
  options: "Tùy chọn",
  oneCommand: "Xem một lệnh: cchc-appendix LỆNH --help.",
  exitCodes:
    "Mã thoát: 0 không có lỗi; 1 có lỗi trong phụ lục; 2 không làm được việc (tệp không đọc được, tham số sai, tệp đầu ra bị từ chối).",
  commands: COMMANDS,
  unknownOption: (option) => `Không có tùy chọn ${option}.`,
  optionNeedsValue: (option) => `Tùy chọn ${option} cần một giá trị.`,
  optionTakesNoValue: (option) => `Tùy chọn ${option} không nhận giá trị.`,
  unexpectedArgument: (argument) => `Lệnh này không nhận tham số ${argument}.`,
  invalidArguments: (detail) => `Tham số không hợp lệ: ${detail}`,
};
