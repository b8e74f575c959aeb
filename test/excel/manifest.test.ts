import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// The manifest Excel loads the add-in from: what it asks for, and that every icon it names is there at its size.
// `npm run validate:manifest` checks it against Microsoft's schemas; this test does too where xmllint is installed.

const ROOT = join(__dirname, "..", "..");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("asks for ExcelApi 1.9 and read-write access to the document, nothing more", () => {
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="Kiểm tra phụ lục CCHC">/);
    expect(manifest).toMatch(/<bt:String id="TaskpaneButton.Label" DefaultValue="Kiểm tra phụ lục">/);
  });

  it("names icons that exist in assets/ at the size it says", () => {
    const icons = [...manifest.matchAll(/\/assets\/icon-(\d+)\.png/g)];
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const [, size] of icons) {
      const file = join(ROOT, "assets", `icon-${size}.png`);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: Number(size), height: Number(size) });
    }
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(join(ROOT, "assets", `icon-${size}.png`)).width).toBe(size);
    }
  });

  it("loads every page over HTTPS", () => {
    const urls = [...manifest.matchAll(/DefaultValue="(\w+:\/\/[^"]+)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  const xmllint = (() => {
    try {
      execFileSync("xmllint", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  (xmllint ? it : it.skip)("validates against the Office add-in manifest schemas", () => {
    const schema = join(ROOT, "test", "fixtures", "manifest-xsd", "OfficeAppManifestV1_1.xsd");
    expect(() =>
      execFileSync("xmllint", ["--noout", "--schema", schema, join(ROOT, "manifest.xml")], { stdio: "pipe" }),
    ).not.toThrow();
  });
});
