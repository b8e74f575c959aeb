// The help menu's self-check in the preview, clicked like the IT person: the preview's production build served on a
// loopback port, the pane's own Excel code over the emulator through the real Excel library, in Debian's Chromium.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { buildWeb } from "../../scripts/bench-bundle";
import { SELF_CHECK_STEPS } from "../../src/workflows/self-check";
import { STEP_TITLES } from "../../src/workflows/self-check-report";
import type { ServedBuild } from "./pane";
import { openPreview, seriousAxeViolations, serveInChromium, troubleOf } from "./pane";

let preview: string;
let served: ServedBuild | undefined;
let base: string;
let browser: Browser;

beforeAll(async () => {
  preview = await mkdtemp(join(tmpdir(), "cchc-self-check-"));
  await buildWeb(preview, { entries: ["preview"] });
  served = await serveInChromium(preview);
  ({ base, browser } = served);
}, 300_000);

afterAll(async () => {
  await served?.close();
  if (preview) await rm(preview, { recursive: true, force: true });
});

/** The workbook's sheets as Excel tells them, with the one the user is on, and the grid's tabs. */
async function sheetsOf(page: Page) {
  const excel = await page.evaluate(() =>
    Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const active = sheets.getActiveWorksheet().load("name");
      await context.sync();
      return {
        sheets: sheets.items.map((sheet) => `${sheet.name} ${sheet.visibility}`),
        active: active.name,
      };
    }),
  );
  const tabs = await page.getByRole("tab").allTextContents();
  return { ...excel, tabs };
}

/** Opens the help menu, chooses "Tự kiểm tra", runs it, and waits for its verdict. */
async function runFromHelpMenu(page: Page): Promise<Locator> {
  const help = page.getByRole("button", { name: /^Trợ giúp/ });
  await help.click();
  await expect(help.getAttribute("aria-expanded")).resolves.toBe("true");
  await page.getByRole("menu", { name: "Trợ giúp" }).getByRole("menuitem", { name: "Tự kiểm tra" }).click();
  const dialog = page.getByRole("dialog", { name: "Tự kiểm tra phần bổ trợ" });
  await dialog.getByRole("button", { name: "Chạy tự kiểm tra" }).click();
  await dialog.getByTestId("self-check-verdict").waitFor({ timeout: 60_000 });
  return dialog;
}

/** Every step of the report, as its lines say them: "1. ĐẠT install: Cài phụ lục lên trang nháp." */
function stepLines(report: string): string[] {
  return report
    .split("\n")
    .filter((line) => /^\d+\. /.test(line))
    .map((line) => line.slice(0, line.indexOf(".", line.indexOf(":")) + 1));
}

const EVERY_STEP_PASSED = SELF_CHECK_STEPS.map(
  (id, index) => `${index + 1}. ĐẠT ${id}: ${STEP_TITLES[id].vi}.`,
);

describe("the self-check in the preview", () => {
  it("runs from the help menu: every step passes, the copied report lists every step, and the sheets are as they were", async () => {
    const page = await openPreview(browser, base);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    const before = await sheetsOf(page);

    const dialog = await runFromHelpMenu(page);

    const shown = await dialog
      .locator("li[data-step]")
      .evaluateAll((items) =>
        items.map((item) => `${item.getAttribute("data-step")} ${item.getAttribute("data-status")}`),
      );
    expect(shown).toEqual(SELF_CHECK_STEPS.map((id) => `${id} passed`));
    await expect(dialog.getByTestId("self-check-verdict").textContent()).resolves.toBe(
      "Tự kiểm tra đạt: mọi bước đều chạy đúng.",
    );

    await dialog.getByRole("button", { name: "Sao chép báo cáo" }).click();
    await dialog.getByText("Đã sao chép báo cáo.", { exact: false }).waitFor();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(stepLines(report)).toEqual(EVERY_STEP_PASSED);
    expect(report).toMatch(/^Kết quả: ĐẠT \(10\/10 bước đạt\)$/m);
    // The preview's emulator sees the wire, so its sizes are measured there, Vietnamese numbers and all.
    expect(report).toMatch(
      /^Kích thước lớn nhất: yêu cầu \d{1,3}(\.\d{3})* byte, phản hồi \d{1,3}(\.\d{3})* byte/m,
    );
    expect(report).toMatch(/^Bộ API có: ExcelApi 1\.1–1\.9$/m);

    await dialog.getByRole("button", { name: "Đóng" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^Trợ giúp/);
    await expect(sheetsOf(page)).resolves.toEqual(before);
    expect(troubleOf(page)).toEqual({ errors: [], violations: [] });
    await page.close();
  });

  it("shows the report in a read-only text box, selected to copy by hand, when the clipboard is refused", async () => {
    const refused = await openPreview(browser, base);
    // As in an Excel whose pane has no clipboard permission.
    await refused.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: {
          writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")),
        },
      });
    });
    await refused.reload();
    await refused.getByRole("button", { name: /Kiểm tra trước khi nộp/ }).waitFor();

    const dialog = await runFromHelpMenu(refused);
    await dialog.getByRole("button", { name: "Sao chép báo cáo" }).click();
    const box = dialog.getByRole("textbox", { name: "Báo cáo tự kiểm tra" });
    await box.waitFor();
    await expect(box.getAttribute("readonly")).resolves.not.toBeNull();
    const report = await box.inputValue();
    expect(stepLines(report)).toEqual(EVERY_STEP_PASSED);
    await refused.waitForFunction(() => {
      const area = document.activeElement as HTMLTextAreaElement | null;
      return area?.tagName === "TEXTAREA" && area.selectionEnd - area.selectionStart === area.value.length;
    });
    await expect(dialog.getByText(/Excel không cho sao chép tự động/).count()).resolves.toBe(1);
    await refused.close();
  });

  it("is reached and run by keyboard alone, with no serious axe violation in its menu or its dialog", async () => {
    const page = await openPreview(browser, base, { bypassCSP: true });
    const help = page.getByRole("button", { name: /^Trợ giúp/ });
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    await help.focus();
    await page.keyboard.press("Enter");
    await expect(focused()).resolves.toBe("Tự kiểm tra");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("menu").waitFor({ state: "detached" });
    await expect(focused()).resolves.toMatch(/^Trợ giúp/);
    await page.keyboard.press("ArrowDown");
    await expect(focused()).resolves.toBe("Tự kiểm tra");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Tự kiểm tra phần bổ trợ" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Chạy tự kiểm tra" }).focus();
    await page.keyboard.press("Enter");
    await dialog.getByTestId("self-check-verdict").waitFor({ timeout: 60_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expect(focused()).resolves.toMatch(/^Trợ giúp/);
    await page.close();
  });
});
