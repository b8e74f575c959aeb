import { readFile } from "node:fs/promises";
import type { SheetGrid } from "../../domain/cell";
import { readWorkbookBytes, WorkbookReadError } from "../../xlsx/grid";

// The CLI's reader: a file from disk handed to the shared, Node-free reader in src/xlsx/grid.ts, which the task
// pane loads for the files a user picks. What it checks and how it explains a refusal live there.

export { checkPackage, LIMITS, WorkbookReadError, zipBombError } from "../../xlsx/grid";
export type { WorkbookReadReason } from "../../xlsx/grid";

/**
 * Reads every worksheet of an .xlsx held in memory as a SheetGrid. Throws WorkbookReadError when the bytes are not
 * an .xlsx (an old .xls, a text file), are a damaged zip, or are password-protected.
 */
export async function readWorkbookBuffer(buffer: Buffer): Promise<SheetGrid[]> {
  return readWorkbookBytes(buffer);
}

/** Reads every worksheet of an .xlsx file as a SheetGrid; WorkbookReadError "unreadable" when the file cannot be read. */
export async function readWorkbookFile(path: string): Promise<SheetGrid[]> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const missing = code === "ENOENT";
    throw new WorkbookReadError(
      "unreadable",
      missing
        ? { vi: `Không tìm thấy tệp ${path}.`, en: `File ${path} not found.` }
        : {
            vi: `Không đọc được tệp ${path} (${code ?? "lỗi không rõ"}): kiểm tra quyền truy cập và đường dẫn.`,
            en: `Cannot read file ${path} (${code ?? "unknown error"}): check the path and permissions.`,
          },
      { cause },
    );
  }
  return readWorkbookBuffer(buffer);
}
