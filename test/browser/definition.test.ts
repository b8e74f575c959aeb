// A province's own form in the preview, in headless Chromium, clicked like a user (issue #14 point 5): the test form
// PL-THU-2026 as LibreOffice turned the hand-typed table into .xlsx, picked from disk in "Cài đặt phụ lục", a few
// figures typed into the new sheet's grid, then Validate: the findings that form's rules imply, and the definition
// the workbook now carries on its very hidden sheet. The production build of the preview, made with webpack's Node API.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildWeb } from "../../scripts/bench-bundle";
import { thuFormXlsx } from "../helpers/thu-form";
import { CHECK, cell, openPreview, serveInChromium, verdictSays } from "./pane";
import type { ServedBuild } from "./pane";

const UNIT = "UBND xã Long Hòa";

let preview: string;
let served: ServedBuild | undefined;
let base: string;
let browser: Browser;
let definition: string;

beforeAll(async () => {
  preview = await mkdtemp(join(tmpdir(), "cchc-preview-forms-"));
  [definition] = await Promise.all([thuFormXlsx(), buildWeb(preview, { entries: ["preview"] })]);
  served = await serveInChromium(preview);
  ({ base, browser } = served);
}, 300_000);

afterAll(async () => {
  await served?.close();
  if (preview) await rm(preview, { recursive: true, force: true });
});

/** Types a figure into a cell of the open sheet's grid, as a person does. */
async function type(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    ([at, wanted]) => document.querySelector(`td[data-address="${at}"]`)?.textContent === wanted,
    [address, text] as const,
  );
}

describe("a form from a definition file, in the preview", () => {
  it("installs PL-THU-2026 from its .xlsx, and Validate gives the findings of that form's rules", async () => {
    const page = await openPreview(browser, base);
    await page.getByRole("button", { name: "Cài đặt phụ lục" }).click();
    const form = page.getByRole("form", { name: "Cài đặt phụ lục" });
    await form.getByRole("combobox", { name: "Mẫu" }).selectOption("file");
    await form.getByLabel("Chọn tệp định nghĩa…").setInputFiles(definition);
    await form
      .getByText("Mẫu PL-THU-2026: PHỤ LỤC THỬ NGHIỆM THỐNG KÊ KẾT QUẢ CẢI CÁCH HÀNH CHÍNH")
      .waitFor();
    await form.getByRole("textbox", { name: /Tên đơn vị báo cáo/ }).fill(UNIT);
    await form.getByRole("combobox", { name: "Kỳ báo cáo" }).selectOption("Q1");
    await form.getByRole("textbox", { name: "Năm" }).fill("2026");
    const levels = await form.getByRole("combobox", { name: "Cấp" }).locator("option").allTextContents();
    expect(levels).toEqual(["Sở, ngành", "Xã"]);
    await form.getByRole("combobox", { name: "Cấp" }).selectOption("xa");
    await form.getByRole("button", { name: "Thêm trang phụ lục" }).click();
    await page.getByText(`Đã thêm trang phụ lục “${UNIT}”.`).waitFor();

    // 1.2 (tasks done) above 1.1 (tasks planned): the order rule TT.1; HS.1 is not HS.1.1 + HS.1.2: the balance CD.HS1.
    await type(page, "D8", "10");
    await type(page, "D9", "12");
    await type(page, "D25", "50");
    await type(page, "D26", "20");
    await type(page, "D27", "20");

    await page.getByRole("button", { name: CHECK }).click();
    // Two appendix sheets, the sample's and the new one: the pane asks which is the user's, proposing the open one.
    await page.getByRole("button", { name: "Đây là trang của tôi" }).click();
    // The rate 1.3 is the template's live formula, 1.2 / 1.1: 120 %, out of its range.
    await verdictSays(page, "3 lỗi, 0 cảnh báo");
    await expect(page.getByTestId("verdict").textContent()).resolves.toBe(
      "3 lỗi, 0 cảnh báoCòn 5 chỉ tiêu chưa nhập.",
    );
    await expect(page.locator("main li").allTextContents()).resolves.toEqual([
      "Lỗi1.3 · ô D10Tỷ lệ nhiệm vụ hoàn thành (1.3): 120,00% nằm ngoài khoảng 0–100%.",
      "Lỗi1.2 · ô D9Số nhiệm vụ đã hoàn thành (12) lớn hơn Số nhiệm vụ đề ra trong kế hoạch (10): vượt 2. Không xác định được chỉ tiêu nào sai; có thể là một trong các chỉ tiêu: Số nhiệm vụ đã hoàn thành (1.2); Số nhiệm vụ đề ra trong kế hoạch (1.1).",
      "LỗiHS.1 · ô D25Tổng số hồ sơ tiếp nhận (50) khác Số hồ sơ nộp trực tuyến (20) + Số hồ sơ nộp trực tiếp (20): chênh lệch 10. Chỉ tiêu có khả năng sai: Tổng số hồ sơ tiếp nhận (HS.1); đề xuất 40.Sửa thành 40",
      "Lưu ý1.4 · ô D11Còn 5 chỉ tiêu chưa nhập: 1.4, 2.2, 3.1, 3.2, 3.4.",
    ]);

    // The workbook carries the definition, very hidden; F1 of the sheet names it by its id and hash.
    const carried = await page.evaluate(
      (sheet) =>
        Excel.run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/name,items/visibility");
          const key = sheets.getItem(sheet).getRange("F1").load("values");
          await context.sync();
          return {
            sheets: sheets.items.map((item) => `${item.name}:${item.visibility}`),
            key: key.values[0]![0] as unknown,
          };
        }),
      UNIT,
    );
    expect(carried.sheets).toContain("_cchc_mau:VeryHidden");
    expect(String(carried.key)).toMatch(/^PL-THU-2026#[0-9a-f]{8}$/);
    await page.close();
  });
});
