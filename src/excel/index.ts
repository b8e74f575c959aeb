// What the task pane's entry point needs from the Office.js adapter; nothing else imports src/excel.
export { createExcelHost, supportedApis } from "./host";
export type { ExcelBatch, ExcelHostDeps, RequirementChecker, SupportedApis } from "./host";
export { OfficeHostError, OFFICE_ERROR_MESSAGES, SheetWriteError } from "./errors";
export { ExcelWorkbookPort, MARK_COLOURS, MARK_SENTINEL, markFormula } from "./excel-port";
export type { ExcelPortOptions } from "./excel-port";
