import { catalogue } from "../../src/domain/catalogue";
import { validateAppendix } from "../../src/domain/engine";
import type { Finding } from "../../src/domain/findings";
import { locateAppendix } from "../../src/domain/locate";
import { describeError } from "../../src/taskpane/errors";
import {
  findingKeys,
  fixKind,
  fixLabel,
  groupFindings,
  localAddress,
  sectionOf,
  sectionTitle,
} from "../../src/taskpane/grouping";
import { pickLanguage, STRINGS } from "../../src/taskpane/i18n";
import { loadBothStrings } from "../../src/taskpane/languages";
import { BilingualError } from "../../src/domain/messages/error";
import { splitAddress } from "../../src/workflows/usecases";
import { cellPlace } from "../../src/taskpane/open-sheet";
import { SEED_VALUES, seedWith, templateGrid } from "../helpers/seed";

// English's texts are a module of their own, loaded as the pane loads them.
beforeAll(() => loadBothStrings());

const seed = validateAppendix(locateAppendix(templateGrid(SEED_VALUES))!);
const byCode = (code: string, kind?: string) =>
  seed.findings.find(
    (finding) => (finding.suggestion?.code ?? finding.codes[0]) === code && (!kind || finding.kind === kind),
  )!;

describe("grouping the seed's findings", () => {
  it("puts errors first, then warnings, then notes, each by section in the form's order", () => {
    const groups = groupFindings(seed.findings);
    expect(groups.map((group) => [group.severity, group.count])).toEqual([
      ["error", 2],
      ["warning", 1],
      ["info", 6],
    ]);
    expect(groups[0]!.sections.map((section) => section.key)).toEqual(["HS", "DV"]);
    expect(groups[2]!.sections.map((section) => section.key)).toEqual(["general", "3", "4", "7"]);
    expect(groups.flatMap((group) => group.sections.flatMap((section) => section.findings))).toHaveLength(
      seed.findings.length,
    );
  });

  it.each([
    ["balance:HS.1", "HS"],
    ["unit", "DV"],
  ])("files %s under the section of its suspect (%s)", (rule, section) => {
    const finding = seed.findings.find((f) => f.rule === rule && f.severity === "error")!;
    expect(sectionOf(finding)).toBe(section);
  });

  it("titles sections from the catalogue's own headings, and source blocks by name, in both languages", () => {
    expect(sectionTitle("3", STRINGS.vi, "vi")).toBe(
      `Mục 3. ${catalogue.byCode.get("3")!.label.vi.replace(/[\s:.]+$/, "")}`,
    );
    expect(sectionTitle("3", STRINGS.en, "en")).toMatch(/^Section 3\. /);
    expect(sectionTitle("HS", STRINGS.vi, "vi")).toBe("Số liệu chi tiết: hồ sơ thủ tục hành chính");
    expect(sectionTitle("general", STRINGS.en, "en")).toBe("Whole appendix");
  });
});

describe("fix buttons", () => {
  it("offers the suggested value, a conversion to number, or the derived formula", () => {
    expect(fixLabel(byCode("HS.1.2", "balance_mismatch"), STRINGS.vi, "vi")).toBe("Sửa thành 44");
    expect(fixLabel(byCode("DV.4.1"), STRINGS.vi, "vi")).toBe("Sửa thành 1.936");
    expect(fixLabel(byCode("DV.4.1"), STRINGS.en, "en")).toBe("Change to 1,936");
    expect(fixLabel(byCode("3.1.1"), STRINGS.vi, "vi")).toBe("Chuyển thành số");
    const mismatch = validateAppendix(
      locateAppendix(templateGrid(seedWith({ "7.8.3": { percent: 0.5, format: "0.00%" } })))!,
    ).findings.find((finding) => finding.kind === "derived_mismatch")!;
    expect(fixKind(mismatch)).toBe("formula");
    expect(fixLabel(mismatch, STRINGS.vi, "vi")).toBe("Khôi phục công thức");
    expect(fixLabel(byCode("7.8.3"), STRINGS.vi, "vi")).toBeUndefined();
  });

  it("names the cell a fix writes when its sheet is not the open one, in both languages", () => {
    const finding = byCode("HS.1.2", "balance_mismatch");
    const { sheet, address } = splitAddress(finding.suggestion!.cell);
    expect(fixLabel(finding, STRINGS.vi, "vi", sheet)).toBe("Sửa thành 44");
    expect(fixLabel(finding, STRINGS.vi, "vi", "Tổng hợp")).toBe(`Sửa ${sheet}!${address} thành 44`);
    expect(fixLabel(finding, STRINGS.en, "en", "Tổng hợp")).toBe(`Change ${sheet}!${address} to 44`);
    expect(fixLabel(byCode("3.1.1"), STRINGS.vi, "vi", "Tổng hợp")).toMatch(
      new RegExp(`^Chuyển ${sheet}!D\\d+ thành số$`),
    );
  });
});

describe("helpers", () => {
  it("shows a qualified address as Excel's name box does", () => {
    expect(localAddress("'Sở TTTT'!D120")).toBe("D120");
    expect(localAddress(undefined)).toBe("");
  });

  it("names a cell with its sheet only beside another open sheet", () => {
    expect(cellPlace("'Sở TTTT'!D120", "Sở TTTT")).toBe("D120");
    expect(cellPlace("'Sở TTTT'!D120", "Tổng hợp")).toBe("Sở TTTT!D120");
    expect(cellPlace("'Sở TTTT'!D120", undefined)).toBe("D120");
    expect(cellPlace("D120", "Tổng hợp")).toBe("D120");
    expect(cellPlace(undefined, "Tổng hợp")).toBe("");
  });

  it("keys findings stably, apart when two are alike", () => {
    const finding = seed.findings[0]!;
    const keys = findingKeys([finding, { ...finding } as Finding]);
    expect(new Set(keys.values()).size).toBe(2);
    expect(findingKeys(seed.findings.slice(1)).get(seed.findings[1]!)).toBe(
      findingKeys(seed.findings).get(seed.findings[1]!),
    );
  });

  it.each([
    ["vi-VN", "vi"],
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["fr-FR", "vi"],
    ["", "vi"],
    [undefined, "vi"],
  ])("picks the pane's language from Office's %p", (display, lang) => {
    expect(pickLanguage(display)).toBe(lang);
  });

  it("describes errors in both languages: our own text, Office's cell-edit mode, anything else with its detail", () => {
    const refused = new BilingualError({ vi: "Không sửa được.", en: "Cannot fix." }, "fix:no_suggestion");
    expect(describeError(refused, STRINGS)).toEqual({ vi: "Không sửa được.", en: "Cannot fix." });
    expect(describeError({ code: "InvalidOperationInCellEditMode" }, STRINGS).vi).toMatch(/chế độ sửa ô/);
    expect(describeError("lạ", STRINGS)).toEqual({
      vi: "Excel không thực hiện được yêu cầu. Chi tiết: lạ",
      en: "Excel could not complete the request. Details: lạ",
    });
  });

  it("has the same texts in both languages", () => {
    const shape = (value: unknown): unknown =>
      typeof value === "object" && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
        : typeof value;
    expect(STRINGS.en).not.toBe(STRINGS.vi);
    expect(shape(STRINGS.en)).toEqual(shape(STRINGS.vi));
  });
});
