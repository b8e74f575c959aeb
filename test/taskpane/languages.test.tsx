/** @jest-environment ./test/helpers/excel-jsdom-environment.js */
import type * as Messages from "../../src/domain/messages";
import type * as AppModule from "../../src/taskpane/App";
import type * as I18n from "../../src/taskpane/i18n";
import type * as Workbook from "../helpers/workbook";
import type * as React from "react";
import type * as ReactClient from "react-dom/client";

// The pane's first load carries no findings' templates (src/taskpane/languages.ts): here, unlike every other test
// (whose set-up registers both languages as the CLI does, test/helpers/languages.ts), the pane runs over a module
// registry of its own, whose messages registry is empty at start, and must fetch each language itself before it
// renders in it. Testing Library registers jest hooks as it loads, which an isolated registry cannot: the pane is
// rendered with React's own act and driven by DOM clicks.

interface Loaded {
  readonly messages: typeof Messages;
  readonly i18n: typeof I18n;
  readonly App: typeof AppModule.App;
  readonly react: typeof React;
  readonly client: typeof ReactClient;
  readonly sampleWorkbook: typeof Workbook.sampleWorkbook;
}

const FINDING = { kind: "empty_appendix", params: {}, codes: [] } as const;

beforeEach(() => localStorage.clear());

describe("the pane's languages, loaded on demand", () => {
  it("shows Vietnamese findings, then English ones after a switch, each from the module it fetched", async () => {
    Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
    await jest.isolateModulesAsync(async () => {
      await switchInIsolation(await loadIsolated());
    });
  });

  it("opens in English for an English Office once English's texts, not in the first load, are fetched", async () => {
    Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
    await jest.isolateModulesAsync(async () => {
      await englishFirstInIsolation(await loadIsolated());
    });
  });

  it("says so when a language's module did not come, and fetches it again on Thử lại", async () => {
    Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
    await jest.isolateModulesAsync(async () => {
      const network = { up: false };
      // Every fetch fails as a chunk the network dropped until the network is back.
      jest.doMock("../../src/domain/messages/vi", () => {
        if (!network.up) throw new Error("ChunkLoadError: Loading chunk messages-vi failed.");
        return jest.requireActual<object>("../../src/domain/messages/vi");
      });
      await retryInIsolation(await loadIsolated(), network);
    });
  });
});

// The pane and what drives it, loaded inside the test's own module registry (its messages registry empty at start).
async function loadIsolated(): Promise<Loaded> {
  return {
    messages: await import("../../src/domain/messages"),
    i18n: await import("../../src/taskpane/i18n"),
    App: (await import("../../src/taskpane/App")).App,
    react: await import("react"),
    client: await import("react-dom/client"),
    sampleWorkbook: (await import("../helpers/workbook")).sampleWorkbook,
  };
}

async function englishFirstInIsolation({ i18n, App, react, client, sampleWorkbook }: Loaded): Promise<void> {
  expect(i18n.hasStrings("vi")).toBe(true);
  expect(i18n.hasStrings("en")).toBe(false);
  const book = await sampleWorkbook(undefined, { displayLanguage: "en-US" });
  const container = document.createElement("div");
  document.body.append(container);
  // What React recovered from by rendering again from scratch: a render suspended on English's texts and replayed
  // once they came must call the same hooks (use() included) as the one that suspended.
  const recovered: unknown[] = [];
  const root = client.createRoot(container, { onRecoverableError: (error) => recovered.push(error) });
  try {
    // As a transition, so that React replays the render suspended on English's texts once they come.
    await react.act(async () =>
      react.startTransition(() => root.render(react.createElement(App, { host: book.host }))),
    );
    await react.act(() => book.excel.settle());
    const until = untilIn(container, react);
    const check = await until(() =>
      buttons(container).find((item) => item.textContent === "Check before submitting"),
    );
    expect(recovered).toEqual([]);
    expect(i18n.hasStrings("en")).toBe(true);
    // English itself, not Vietnamese standing in for texts not yet fetched.
    expect(container.textContent).not.toContain("Kiểm tra trước khi nộp");
    await react.act(async () => check.click());
    await until(() => (container.textContent?.includes("Errors (2)") ? true : undefined));
  } finally {
    await react.act(async () => root.unmount());
    container.remove();
  }
}

async function retryInIsolation(
  { messages, App, react, client, sampleWorkbook }: Loaded,
  network: { up: boolean },
): Promise<void> {
  const book = await sampleWorkbook();
  const container = document.createElement("div");
  document.body.append(container);
  const root = client.createRoot(container);
  const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    await react.act(async () => root.render(react.createElement(App, { host: book.host })));
    await react.act(() => book.excel.settle());
    const until = untilIn(container, react);
    const button = (name: string) =>
      until(() => buttons(container).find((item) => item.textContent?.includes(name)));
    const click = async (element: HTMLElement) => react.act(async () => element.click());

    await click(await button("Kiểm tra trước khi nộp"));
    const alert = await until(() => container.querySelector<HTMLElement>("[role=alert]") ?? undefined);
    expect(alert.textContent).toContain("Không tải được phần này: kiểm tra kết nối mạng rồi thử lại.");
    expect(messages.isLanguageRegistered("vi")).toBe(false);
    // The rest of the pane still works: its buttons are there.
    expect(buttons(container).some((item) => item.textContent?.includes("Kiểm tra trước khi nộp"))).toBe(
      true,
    );

    network.up = true;
    await click(await button("Thử lại"));
    await until(() => (container.textContent?.includes("Lỗi (2)") ? true : undefined));
    expect(messages.isLanguageRegistered("vi")).toBe(true);
    expect(container.textContent).toMatch(/\(44\) khác Số kỳ trước chuyển qua \(0\)/);
    expect(container.textContent).not.toContain("Không tải được phần này");
  } finally {
    quiet.mockRestore();
    await react.act(async () => root.unmount());
    container.remove();
  }
}

// Polls, letting React and the emulated Excel run, until `find` finds.
function untilIn(container: HTMLElement, react: typeof React) {
  return async function until<T>(find: () => T | undefined): Promise<T> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const found = find();
      if (found !== undefined) return found;
      await react.act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    }
    throw new Error(`Not found in: ${container.textContent}`);
  };
}

async function switchInIsolation({ messages, App, react, client, sampleWorkbook }: Loaded): Promise<void> {
  expect(messages.isLanguageRegistered("vi")).toBe(false);
  expect(messages.isLanguageRegistered("en")).toBe(false);
  expect(() => messages.renderFinding(FINDING, "en")).toThrow("The English messages are not loaded");

  const book = await sampleWorkbook();
  const container = document.createElement("div");
  document.body.append(container);
  const root = client.createRoot(container);
  try {
    await react.act(async () => root.render(react.createElement(App, { host: book.host })));
    await react.act(() => book.excel.settle());
    const button = (name: string) =>
      until(() => buttons(container).find((item) => item.textContent?.includes(name)));
    const click = async (element: HTMLElement) => react.act(async () => element.click());
    // Polls, letting React and the emulated Excel run, until `find` finds.
    async function until<T>(find: () => T | undefined): Promise<T> {
      for (let attempt = 0; attempt < 200; attempt++) {
        const found = find();
        if (found !== undefined) return found;
        await react.act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      }
      throw new Error(`Not found in: ${container.textContent}`);
    }

    await click(await button("Kiểm tra trước khi nộp"));
    await until(() => (container.textContent?.includes("Lỗi (2)") ? true : undefined));
    expect(container.textContent).toMatch(/\(44\) khác Số kỳ trước chuyển qua \(0\)/);
    // Only the language shown was fetched.
    expect(messages.isLanguageRegistered("vi")).toBe(true);
    expect(messages.isLanguageRegistered("en")).toBe(false);

    await click(await button("English"));
    await until(() => (container.textContent?.includes("Errors (2)") ? true : undefined));
    expect(messages.isLanguageRegistered("en")).toBe(true);
    expect(container.textContent).toMatch(/\(44\) differs from .*: a difference of 44\./);
    expect(container.textContent).toContain("2 errors, 1 warning");
    expect(container.textContent).not.toMatch(/khác Số kỳ trước/);
  } finally {
    await react.act(async () => root.unmount());
    container.remove();
  }
}

function buttons(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>("button"));
}
