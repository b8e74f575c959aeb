import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogue, normaliseCode } from "../../../src/domain/catalogue";

// The seed report's appendix is tab-separated text: STT, label, unit of measure, value, note. Comparing the
// catalogue with it row by row proves the transcription, including the seed's own printing slips.
const seed = readFileSync(join(__dirname, "../../fixtures/seed-report-q3-2021.txt"), "utf8");
const appendixLines = seed
  .slice(seed.lastIndexOf("Phụ lục"))
  .split("\n")
  .filter((line) => line.includes("\t") && !line.startsWith("STT\t") && !line.startsWith("\t\tĐơn vị tính"))
  .map((line) => line.split("\t"));

describe("the catalogue against the seed's appendix", () => {
  it("has one row per printed row", () => {
    expect(appendixLines).toHaveLength(catalogue.appendixRows.length);
  });

  it.each(catalogue.appendixRows.map((row, index) => [row.code, index] as const))(
    "row %s keeps the seed's label and unit of measure",
    (code, index) => {
      const row = catalogue.appendixRows[index]!;
      const [printed = "", label = "", unit = ""] = appendixLines[index]!;
      expect(row.label.vi).toBe(label.trim());
      // 7.4 is the one row the seed prints without a unit of measure; it is a percentage.
      expect(row.unit?.vi ?? "").toBe(code === "7.4" ? "%" : unit.trim());
      const seedCode = normaliseCode(printed);
      if (code === "3.4.5") expect(seedCode).toBe("3.4");
      else if (seedCode) expect(seedCode).toBe(code);
      else expect(row.printed).toBe(printed.trim());
    },
  );
});
