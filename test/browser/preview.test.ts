// The preview in headless Chromium, clicked like a user (DESIGN.md section 7): the production builds of the add-in
// (exactly what `npm run build:web` writes) and of the preview are made once with webpack's Node API, the preview is
// served by a static server on a free loopback port and driven with playwright-core and Debian's Chromium. The
// add-in's build gives the task pane's bundle figures, and is checked to hold the add-in and nothing else.
// test/browser/dev-server.test.ts drives the development build that `npm start` serves.
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { Stats } from "webpack";
import { buildWeb, initialFiles, initialPackages, kilobytes, projectRoot } from "../../scripts/bench-bundle";
import { SAMPLE_SHEET, SAMPLE_VALUES } from "../../src/preview/sample";
import { previewStrings } from "../../src/preview/strings";
import {
  BALANCE,
  CHECK,
  HS_1_1,
  HS_1_2,
  cell,
  finding,
  openPreview,
  selectionIs,
  seriousAxeViolations,
  serveInChromium,
  tabTo,
  troubleOf,
  verdictSays,
} from "./pane";
import type { ServedBuild } from "./pane";

const ROOT = projectRoot(__dirname);

let addin: string;
let addinStats: Stats;
let preview: string;
let served: ServedBuild | undefined;
let base: string;
let browser: Browser;

/** Every file under a folder, as paths relative to it with forward slashes. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(folder.length + 1)
        .replaceAll("\\", "/"),
    )
    .sort();
}

beforeAll(async () => {
  addin = await mkdtemp(join(tmpdir(), "cchc-addin-"));
  preview = await mkdtemp(join(tmpdir(), "cchc-preview-"));
  const started = Date.now();
  addinStats = await buildWeb(addin);
  await buildWeb(preview, { entries: ["preview"] });
  console.log(`production builds of the add-in and of the preview: ${Date.now() - started} ms`);
  served = await serveInChromium(preview);
  ({ base, browser } = served);
}, 300_000);

afterAll(async () => {
  await served?.close();
  for (const folder of [addin, preview]) if (folder) await rm(folder, { recursive: true, force: true });
});

function open(query = "", options: { bypassCSP?: boolean; width?: number } = {}): Promise<Page> {
  return openPreview(browser, `${base}${query}`, options);
}

describe("the task pane's bundle", () => {
  it("loads at most 140 KB of gzipped JavaScript up front, no findings' templates nor English, and never exceljs", async () => {
    const files = await initialFiles(addinStats, addin, "taskpane");
    const gzip = kilobytes(files.reduce((total, file) => total + file.gzipBytes, 0));
    // A guard against growth, not the goal: issue 16 asks for 150 (the bench's pane_initial_js_gzip_kb); 148.1 once
    // English's texts left the first load, 150.2 with the forms' catalogue of 2026-12-03, 135.8 once Fluent's styles
    // were extracted at build time and the Excel port's writing half left the first load (2026-12-04).
    expect(gzip).toBeLessThanOrEqual(140);
    // Each language's templates are a chunk of their own, fetched after the first verdict (src/taskpane/languages.ts),
    // and so are the pane's English texts (src/taskpane/i18n-en.ts).
    expect(files.filter((file) => /^(messages|strings)-/.test(file.name))).toEqual([]);
    expect((await filesUnder(addin)).filter((file) => /^messages-(vi|en)\./.test(file)).length).toBe(2);
    expect((await filesUnder(addin)).filter((file) => /^strings-en\./.test(file)).length).toBe(1);
    const packages = initialPackages(addinStats, "taskpane");
    expect(packages.has("react-dom")).toBe(true);
    expect(packages.has("exceljs")).toBe(false);
    // What the open sheet's first verdict does not show loads after it (src/taskpane/later.tsx): the forms' fields,
    // the message bars of results and errors, the progress bar, and zod.
    for (const later of [
      "@fluentui/react-field",
      "@fluentui/react-input",
      "@fluentui/react-select",
      "@fluentui/react-textarea",
      "@fluentui/react-checkbox",
      "@fluentui/react-message-bar",
      "@fluentui/react-progress",
      "zod",
    ])
      expect([later, packages.has(later)]).toEqual([later, false]);
    const html = await readFile(join(addin, "taskpane.html"), "utf8");
    expect(html).toMatch(
      /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/,
    );
  });

  it("links one stylesheet holding Fluent's rules and the pane's own, which no script inserts at run time", async () => {
    const html = await readFile(join(addin, "taskpane.html"), "utf8");
    const linked = [...html.matchAll(/<link href="?([^" >]+\.css)"? rel="?stylesheet"?/g)].map(
      (match) => match[1],
    );
    const sheets = (await filesUnder(addin)).filter((file) => file.endsWith(".css"));
    expect(linked).toEqual(sheets);
    expect(sheets).toHaveLength(1);
    const css = await readFile(join(addin, sheets[0]!), "utf8");
    // A Fluent button's rules, and one of the pane's own makeStyles (the header's bottom border, src/taskpane).
    expect(css).toContain("var(--colorNeutralForeground1)");
    expect(css).toMatch(/border-bottom[^;}]*var\(--colorNeutralStroke2\)/);
    // Extracted, they leave the scripts: no rule is left for Griffel to insert while the pane first renders.
    const rules = (css.match(/\.[\w-]+\{[^{}]+\}/g) ?? []).slice(0, 200);
    expect(rules.length).toBeGreaterThan(100);
    const scripts = (await filesUnder(addin)).filter((file) => file.endsWith(".js"));
    for (const script of scripts) {
      const code = await readFile(join(addin, script), "utf8");
      expect([script, rules.filter((rule) => code.includes(rule))]).toEqual([script, []]);
    }
  });

  it("has the page fetch and run its initial scripts alongside Office.js: async, before the script that blocks it", async () => {
    const files = await initialFiles(addinStats, addin, "taskpane");
    const html = await readFile(join(addin, "taskpane.html"), "utf8");
    const office = html.search(/<script[^>]*office\.js/);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].filter((match) => !match[0].includes("office.js"));
    expect(scripts.map((match) => [match.index < office, /\basync\b/.test(match[1]!)])).toEqual(
      files.map(() => [true, true]),
    );
    const named = scripts.map((match) => /src="?([^" >]+)/.exec(match[1]!)?.[1]);
    expect(named.sort()).toEqual(files.map((file) => file.name).sort());
    // V8 compiles their functions as they stream in, not each on its first call (webpack.config.js); a chunk fetched
    // later is compiled as it is used.
    for (const file of await filesUnder(addin)) {
      if (!file.endsWith(".js")) continue;
      const hinted = (await readFile(join(addin, file), "utf8")).startsWith("//# allFunctionsCalledOnLoad\n");
      expect([file, hinted]).toEqual([file, files.some((initial) => initial.name === file)]);
    }
  });
});

describe("the add-in's build (npm run build:web), the folder DEPLOY.md has copied to the server", () => {
  it("holds the task pane, its chunks, its stylesheet, help.html and the icons, and every file manifest.xml names", async () => {
    const files = await filesUnder(addin);
    const unexpected = files.filter(
      (file) =>
        !["taskpane.html", "help.html"].includes(file) &&
        !/^assets\/icon-\d+\.png$/.test(file) &&
        !/^[\w-]+\.[0-9a-f]{8}\.(js(\.LICENSE\.txt)?|css)$/.test(file),
    );
    expect(unexpected).toEqual([]);
    const manifest = await readFile(join(ROOT, "manifest.xml"), "utf8");
    const named = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)].map((match) => match[1]!);
    expect(named).toContain("taskpane.html");
    for (const file of new Set(named)) expect(files).toContain(file);
  });

  it("holds no preview page and no sample data, which only the preview's build carries", async () => {
    const files = await filesUnder(addin);
    expect(files).not.toContain("index.html");
    // Excel loads Office.js from Microsoft's CDN: the Excel library copied from node_modules is the preview's only.
    expect(files.filter((file) => /excel-web|native-bridge/.test(file))).toEqual([]);
    expect(files.filter((file) => /preview/i.test(file))).toEqual([]);
    // Texts only the preview and its sample hold; the preview's own build shows that they can be found.
    const needles = [previewStrings("vi-VN").title, SAMPLE_SHEET.sheetName, String(SAMPLE_VALUES["DV.4.1"])];
    const holding = async (folder: string) => {
      const texts = await Promise.all(
        (await filesUnder(folder)).map(
          async (file) => [file, await readFile(join(folder, file), "utf8")] as const,
        ),
      );
      return needles.filter((needle) =>
        texts.some(([file, text]) => !file.endsWith(".png") && text.includes(needle)),
      );
    };
    await expect(holding(addin)).resolves.toEqual([]);
    await expect(holding(preview)).resolves.toEqual(needles);
  });
});

describe("the preview's Excel", () => {
  it("is the Excel client library of node_modules, byte for byte, loaded after its host bridge and before the bundle", async () => {
    const shipped = await readFile(require.resolve("@microsoft/office-js/dist/excel-web-16.00.js"));
    const served = await readFile(join(preview, "excel-web-16.00.js"));
    expect(served.equals(shipped)).toBe(true);
    const html = await readFile(join(preview, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((match) => match[1]!);
    expect(scripts.slice(0, 2)).toEqual(["native-bridge.js", "excel-web-16.00.js"]);
    expect(scripts.slice(2).length).toBeGreaterThan(0);
    expect(scripts.slice(2).every((script) => /^preview\.|\.[0-9a-f]{8}\.js$/.test(script))).toBe(true);
  });

  it("answers Excel.run from the emulator: a batch adds a sheet, writes a cell and reads them back", async () => {
    const page = await open();
    const result = await page.evaluate(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.add("Thử Excel.run");
        sheet.getRange("B2").values = [[42]];
        const range = sheet.getRange("B2");
        range.load("values,address");
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        return { names: sheets.items.map((item) => item.name), values: range.values, address: range.address };
      }),
    );
    expect(result.names).toContain("Thử Excel.run");
    expect(result.values).toEqual([[42]]);
    expect(result.address).toBe("'Thử Excel.run'!B2");
    expect(troubleOf(page)).toEqual({ errors: [], violations: [] });
    await page.close();
  });
});

describe("the preview, by mouse", () => {
  it("checks the sample, selects the suspect, fixes both errors, and checks an edit again within a second", async () => {
    const page = await open();
    await page.getByRole("button", { name: CHECK }).click();
    await verdictSays(page, "2 lỗi, 1 cảnh báo");
    const balance = finding(page, BALANCE);
    await balance.waitFor();
    await expect(cell(page, HS_1_2).getAttribute("data-mark")).resolves.toBe("error");

    await balance.click();
    await selectionIs(page, HS_1_2);
    await expect(cell(page, HS_1_2).getAttribute("aria-selected")).resolves.toBe("true");

    await page.getByRole("button", { name: "Sửa thành 44" }).first().click();
    await verdictSays(page, "1 lỗi");
    await expect(cell(page, HS_1_2).textContent()).resolves.toBe("44");
    await page.getByRole("button", { name: "Sửa thành 1.936" }).click();
    await verdictSays(page, "Sẵn sàng nộp");
    await expect(page.getByTestId("stamp").textContent()).resolves.toMatch(/^Đã kiểm tra lúc/);

    await cell(page, HS_1_1).click();
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    // How fast the live check answers is the bench's figure (pane_click_ms_4x); here only that it answers.
    await verdictSays(page, "1 lỗi");
    await expect(page.getByTestId("stamp").textContent()).resolves.toMatch(/^Số liệu đã thay đổi/);
    // The live check marks but never moves the selection: Enter moved it one row down, and there it stays.
    await expect(page.getByTestId("name-box").textContent()).resolves.toBe(HS_1_2);
    // The grid typed into the emulator's workbook, the one the pane reads through the Excel library.
    const typed = await page.evaluate(
      ([sheetName, address]) =>
        Excel.run(async (context) => {
          const range = context.workbook.worksheets.getItem(sheetName!).getRange(address);
          range.load("values");
          await context.sync();
          return range.values;
        }),
      [SAMPLE_SHEET.sheetName, HS_1_1],
    );
    expect(typed).toEqual([[5]]);
    await page.close();
  });
});

describe("the preview's reload", () => {
  it("puts a new emulator holding the sample behind the library: an edit is gone, and the pane checks it afresh", async () => {
    const page = await open();
    await cell(page, HS_1_1).click();
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await expect(cell(page, HS_1_1).textContent()).resolves.toBe("5");
    await page.getByRole("button", { name: previewStrings("vi-VN").reload }).click();
    await page.waitForFunction(
      (address) => document.querySelector(`td[data-address="${address}"]`)?.textContent === "0",
      HS_1_1,
    );
    await page.getByRole("button", { name: CHECK }).click();
    await verdictSays(page, "2 lỗi, 1 cảnh báo");
    expect(troubleOf(page)).toEqual({ errors: [], violations: [] });
    await page.close();
  });
});

describe("the preview's grid", () => {
  // The sticky column letters (first row) and row numbers (first column) cover the cells scrolled under them.
  async function hiddenBy(page: Page, address: string) {
    return page.evaluate((wanted) => {
      const target = document.querySelector(`td[data-address="${wanted}"]`)!.getBoundingClientRect();
      const scroller = document.querySelector(".grid-scroll")!;
      const view = scroller.getBoundingClientRect();
      // The header cells are what sticks (their row does not), each at the scroller's edge.
      const header = document.querySelector(".grid .column-header")!.getBoundingClientRect();
      const rowHeader = document.querySelector(".grid .row-header")!.getBoundingClientRect();
      // The scroller's own scroll bars are not part of what is seen.
      const right = view.left + scroller.clientWidth;
      const bottom = view.top + scroller.clientHeight;
      return [
        ...(target.top < header.bottom - 0.5 ? ["column letters"] : []),
        ...(target.left < rowHeader.right - 0.5 ? ["row numbers"] : []),
        ...(target.bottom > bottom + 0.5 ? ["bottom edge"] : []),
        ...(target.right > right + 0.5 ? ["right edge"] : []),
      ];
    }, address);
  }

  it.each([
    [
      "scrolled past it, down and to the right",
      (at: { top: number; left: number }) => ({ top: at.top + 400, left: at.left + 400 }),
    ],
    [
      "scrolled so that its row is under the column letters",
      (at: { top: number; left: number }) => ({ top: at.top - 10, left: 0 }),
    ],
  ])(
    "brings a finding's cell fully into view below the sticky headers when the sheet is %s",
    async (_, scroll) => {
      // A narrow window, so that the sheet scrolls both ways (the value column, at the sheet's right, never reaches
      // the row numbers: the scroll ends first).
      const page = await open("", { width: 640 });
      await page.getByRole("button", { name: CHECK }).click();
      await verdictSays(page, "2 lỗi, 1 cảnh báo");
      const at = await cell(page, HS_1_2).evaluate((element: HTMLElement) => ({
        top: element.offsetTop,
        left: element.offsetLeft,
      }));
      await page
        .locator(".grid-scroll")
        .evaluate((element, to) => element.scrollTo(to.left, to.top), scroll(at));
      await finding(page, BALANCE).click();
      // The selection comes back through an Excel.run of the real library: wait for it, then look.
      await selectionIs(page, HS_1_2);
      await expect(cell(page, HS_1_2).getAttribute("aria-selected")).resolves.toBe("true");
      await expect(hiddenBy(page, HS_1_2)).resolves.toEqual([]);
      await page.close();
    },
  );
});

describe("the install form", () => {
  it("fits a pane 320 px wide: no field reaches past the form's edge", async () => {
    const page = await open();
    await page.addStyleTag({ content: ".preview { grid-template-columns: minmax(0, 1fr) 320px; }" });
    await page.getByRole("button", { name: "Cài đặt phụ lục" }).click();
    const form = page.getByRole("form", { name: "Cài đặt phụ lục" });
    await form.waitFor();
    const overflowing = await form.evaluate((element) => {
      const edge = element.getBoundingClientRect().right;
      const body = element.closest(".pane-body")!;
      return [
        ...Array.from(element.querySelectorAll("input, select, button"))
          .filter((control) => control.getBoundingClientRect().right > edge + 0.5)
          .map(
            (control) =>
              control.closest("[class*=fui-Field]")?.querySelector("label")?.textContent ?? control.tagName,
          ),
        ...(body.scrollWidth > body.clientWidth ? ["the pane scrolls sideways"] : []),
      ];
    });
    await form.screenshot({ path: join(preview, "install-form-320.png") });
    expect(overflowing).toEqual([]);
    await page.close();
  });
});

describe("the Content-Security-Policy", () => {
  it("is declared on both pages without 'unsafe-eval', and the pane works under it with no violation", async () => {
    for (const page of [join(preview, "index.html"), join(addin, "taskpane.html")]) {
      const html = await readFile(page, "utf8");
      // The production build drops the quotes around attribute values that need none.
      const policy = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1];
      expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(policy).not.toContain("unsafe-eval");
    }
    const page = await open();
    await page.getByRole("button", { name: CHECK }).click();
    await verdictSays(page, "2 lỗi, 1 cảnh báo");
    await page.getByRole("button", { name: "Sửa thành 1.936" }).click();
    await verdictSays(page, "1 lỗi");
    expect(troubleOf(page)).toEqual({ errors: [], violations: [] });
    await page.close();
  });
});

describe("the preview, by keyboard only", () => {
  it("goes the same path without a mouse", async () => {
    const page = await open();
    await tabTo(page, { text: CHECK });
    await page.keyboard.press("Enter");
    await verdictSays(page, "2 lỗi, 1 cảnh báo");

    await tabTo(page, { text: "(44) khác Số kỳ trước chuyển qua (0)" });
    await page.keyboard.press("Enter");
    await selectionIs(page, HS_1_2);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Sửa thành 44");
    await page.keyboard.press("Enter");
    await verdictSays(page, "1 lỗi");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe(
      "verdict",
    );

    await tabTo(page, { text: "Sửa thành 1.936" });
    await page.keyboard.press("Enter");
    await verdictSays(page, "Sẵn sàng nộp");

    // Back into the sheet: the selected cell is the grid's one tab stop; arrows move, typing edits, Enter commits.
    await tabTo(page, { selector: 'td[role="gridcell"]' }, { back: true, limit: 80 });
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-address"))).resolves.toBe(
      HS_1_2,
    );
    await page.keyboard.press("ArrowUp");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-address"))).resolves.toBe(
      HS_1_1,
    );
    await page.keyboard.type("7");
    await page.keyboard.press("Enter");
    await verdictSays(page, "1 lỗi");
    await page.close();
  });
});

describe("accessibility and screenshots", () => {
  it.each([
    ["vi", "", CHECK, "2 lỗi, 1 cảnh báo", "pane-vi.png"],
    ["en", "?lang=en", "Check before submitting", "2 errors, 1 warning", "pane-en.png"],
  ])(
    "finds no serious or critical axe violation (%s), and shoots the pane",
    async (_, query, button, verdict, file) => {
      // axe is injected as an inline script, which the pages' own policy rightly refuses.
      const page = await open(query, { bypassCSP: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole("button", { name: button }).click();
      await verdictSays(page, verdict);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1360, height: 1150 });
      // README's screenshots are rewritten only on request (`npm run docs:pictures`).
      const folder = process.env.UPDATE_DOCS ? join(ROOT, "docs/screenshots") : join(preview, "screenshots");
      await mkdir(folder, { recursive: true });
      await page.locator(".pane").screenshot({ path: join(folder, file) });
      await page.close();
    },
  );
});
