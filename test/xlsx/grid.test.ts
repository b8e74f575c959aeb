import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { readWorkbookBuffer } from "../../src/cli/xlsx/read";
import { checkPackage, LIMITS, readWorkbookBytes, WorkbookReadError } from "../../src/xlsx/grid";
import { zipDirectory } from "../../src/xlsx/zip";
import { SEED_VALUES } from "../helpers/seed";
import { filledTemplate } from "../helpers/xlsx";
import { zip } from "../helpers/zip";

// The shared reader as the task pane uses it: plain bytes (a File's ArrayBuffer), no Buffer. The CLI's reader
// delegates to it, so test/cli/xlsx/read.test.ts and test/cli/hostile.test.ts cover its refusals through Buffers.

/** A copy of the bytes in a fresh ArrayBuffer, as File.arrayBuffer() gives them. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

describe("readWorkbookBytes", () => {
  it("reads an ArrayBuffer exactly as the CLI reads the same file from a Buffer", async () => {
    const bytes = await filledTemplate(SEED_VALUES, { unit: "Sở Y tế" });
    const fromPane = await readWorkbookBytes(arrayBufferOf(bytes));
    expect(fromPane).toEqual(await readWorkbookBuffer(Buffer.from(bytes)));
    expect(fromPane[0]?.cells[3]?.[1]?.value).toBe("Sở Y tế");
  });

  it("reads a view that starts inside a larger buffer", async () => {
    const bytes = await filledTemplate({}, {});
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 7);
    const grids = await readWorkbookBytes(padded.subarray(7, 7 + bytes.length));
    expect(grids.map((grid) => grid.name)).toEqual(["Sở TTTT"]);
  });

  it.each([
    ["a text file", new TextEncoder().encode("STT;Chỉ tiêu;Số liệu"), "not_xlsx"],
    ["an empty file", new Uint8Array(0), "not_xlsx"],
    [
      "a password-protected workbook",
      Uint8Array.from([
        ...[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
        ...new Uint8Array(64),
        ...Array.from("EncryptedPackage").flatMap((letter) => [letter.charCodeAt(0), 0]),
      ]),
      "encrypted",
    ],
    [
      "an Excel 97–2003 workbook",
      Uint8Array.from([
        ...[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
        ...Array.from("Workbook").flatMap((letter) => [letter.charCodeAt(0), 0]),
      ]),
      "not_xlsx",
    ],
  ])("refuses %s with a bilingual reason", async (_, bytes, reason) => {
    const failure = readWorkbookBytes(arrayBufferOf(bytes));
    await expect(failure).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(failure).rejects.toMatchObject({ reason, bilingual: { vi: expect.any(String) } });
  });

  it("refuses macros and zip bombs before anything is inflated", () => {
    const macros = zip(new Map([["xl/vbaProject.bin", Buffer.from("VBA")]]));
    expect(() => checkPackage(new Uint8Array(arrayBufferOf(macros)))).toThrow(
      expect.objectContaining({ reason: "macros" }),
    );
    const bomb = zip(
      new Map([["xl/worksheets/sheet1.xml", { data: Buffer.alloc(10), declaredSize: 600 * 2 ** 20 }]]),
    );
    expect(() => checkPackage(new Uint8Array(arrayBufferOf(bomb)))).toThrow(
      expect.objectContaining({ reason: "zip_bomb" }),
    );
  });
});

describe("zipDirectory over plain bytes", () => {
  it("lists the members of an archive, names in UTF-8", () => {
    const archive = zip(
      new Map([
        ["xl/workbook.xml", Buffer.from("<workbook/>")],
        ["tệp/ghi chú.txt", Buffer.from("Hạn nộp")],
      ]),
    );
    const entries = zipDirectory(new Uint8Array(arrayBufferOf(archive)), LIMITS);
    expect([...entries.keys()]).toEqual(["xl/workbook.xml", "tệp/ghi chú.txt"]);
    expect(entries.get("tệp/ghi chú.txt")).toMatchObject({ method: 8, size: Buffer.byteLength("Hạn nộp") });
  });
});

describe("the pane's reading path", () => {
  /** Every module the reader's entry reaches by value imports (types are erased), with the packages they import. */
  function reachable(): { files: Set<string>; packages: Set<string> } {
    const files = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const source = readFileSync(file, "utf8");
      for (const [, target] of source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gm)) {
        if (!target!.startsWith(".")) packages.add(target!.split("/")[0]!);
        else visit(resolve(dirname(file), `${target}.ts`));
      }
    };
    visit(resolve(__dirname, "../../src/xlsx/grid.ts"));
    return { files, packages };
  }

  it("reads with fflate alone: no exceljs, nothing of Node", () => {
    const { files, packages } = reachable();
    expect([...files].map((file) => file.replace(/^.*\/src\//, "")).sort()).toEqual([
      "domain/cell.ts",
      "domain/messages/error.ts",
      "domain/messages/registry.ts",
      "xlsx/grid.ts",
      "xlsx/parts.ts",
      "xlsx/xml.ts",
      "xlsx/zip.ts",
    ]);
    expect([...packages].sort()).toEqual(["fflate"]);
  });
});
