import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { locateAppendix } from "../../src/domain/locate";
import { validateSheets } from "../../src/workflows/validate";
import { handTypedWorkbook } from "../helpers/hand-typed";

describe("an appendix typed by hand, not by our writer", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cchc-hand-"));
    file = join(dir, "so-tttt-tay.xlsx");
    await writeFile(file, new Uint8Array(await handTypedWorkbook().xlsx.writeBuffer()));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("finds every indicator row despite repeated headers, dotless codes and 'Trong đó' rows", async () => {
    const [grid] = await readWorkbookFile(file);
    const sheet = locateAppendix(grid!)!;
    expect(sheet.foundBy).toBe("codes");
    expect(sheet.unit).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    const rowOf = (code: string) => sheet.cells.get(code)?.row;
    for (const code of [
      "1.1.1",
      "3.3.1",
      "3.1.3.a",
      "3.1.3.b",
      "3.1.3.c",
      "4.1.4.d",
      "7.6.1.c",
      "7.6.2.b",
      "7.8.4",
    ]) {
      expect(rowOf(code)).toBeDefined();
    }
    expect(rowOf("3.4.5")).toBe(rowOf("3.4.4")! + 3); // the two-row header repeated at a page break between them
    expect(rowOf("7.6.1.c")).toBe(rowOf("7.6.1.b")! + 3);
    expect(sheet.cells.get("3.4.5")?.cell).toBeUndefined();
    expect(sheet.cells.get("7.6.2.b")?.cell?.value).toBe("0,02%");
  });

  it("judges it right: text percentages read with an info each, the copied block noted, no error", async () => {
    const result = validateSheets(await readWorkbookFile(file));
    expect(result.sheets).toHaveLength(1);
    const sheet = result.sheets[0]!;
    // The printed form has no row 4: its level and period are unknown, which is warned about, not an error.
    expect(
      sheet.findings
        .filter((finding) => finding.severity !== "info")
        .map((finding) => [finding.severity, finding.kind, finding.cells]),
    ).toEqual([
      ["warning", "level_unknown", []],
      ["warning", "period_unknown", []],
    ]);
    const textNumbers = sheet.findings
      .filter((finding) => finding.kind === "text_number")
      .map((f) => f.codes[0]);
    expect(textNumbers).toEqual(
      expect.arrayContaining(["3.1.1", "3.1.2", "3.3.3", "4.2.5", "7.6.2.b", "7.8.3", "7.8.4"]),
    );
    expect(sheet.findings.some((finding) => finding.kind === "pattern_copy")).toBe(true);
    expect(sheet.verdict).toBe("ready");
  });
});
