import type { CatalogueInput, LoadedCatalogue } from "../../src/domain/catalogue";
import { loadCatalogue } from "../../src/domain/catalogue/load";

/**
 * A small form that is not the 2021 one, for the tests of what a form may declare: a rate over a sum of counts
 * ((DVC.1 + DVC.2) / (DVC.3 + DVC.4)), source codes of three letters, a letter segment past "d", a count carried
 * over from the previous period's other row (HSO.2 from HSO.1), a province-wide row of an office the form declares.
 */
export const SMALL_FORM: CatalogueInput = {
  templateVersion: "PL-THU-2026",
  title: { vi: "Phụ lục thử", en: "Test appendix" },
  levels: ["so", "xa"],
  appliesFrom: "2026-Q1",
  roles: [
    { id: "stc", name: { vi: "Sở Tài chính", en: "Department of Finance" }, patterns: ["sở tài chính"] },
  ],
  rows: [
    {
      code: "1",
      printed: "1.",
      block: "appendix",
      label: { vi: "Dịch vụ công", en: "Public services" },
      kind: "none",
      scope: [],
      aggregation: "none",
    },
    {
      code: "1.1",
      printed: "1.1.",
      parent: "1",
      block: "appendix",
      label: { vi: "Tỷ lệ hồ sơ trực tuyến", en: "Share of dossiers filed online" },
      unit: { vi: "%", en: "%" },
      kind: "percent",
      scope: ["so", "xa"],
      aggregation: "recompute",
      derived: { plus: ["DVC.1", "DVC.2"], denominator: ["DVC.3", "DVC.4"] },
    },
    {
      code: "1.2",
      printed: "1.2.",
      parent: "1",
      block: "appendix",
      label: { vi: "Số thủ tục", en: "Procedures" },
      unit: { vi: "Thủ tục", en: "Procedures" },
      kind: "count",
      scope: ["so", "xa"],
      aggregation: "sum",
    },
    {
      code: "1.2.e",
      printed: "Trong đó",
      parent: "1.2",
      block: "appendix",
      label: { vi: "Thủ tục liên thông", en: "Joint procedures" },
      unit: { vi: "Thủ tục", en: "Procedures" },
      kind: "count",
      scope: ["so", "xa"],
      aggregation: "sum",
    },
    {
      code: "1.3",
      printed: "1.3.",
      parent: "1",
      block: "appendix",
      label: { vi: "Số dịch vụ thanh toán trực tuyến", en: "Services paid online" },
      unit: { vi: "Dịch vụ", en: "Services" },
      kind: "count",
      scope: [],
      role: "stc",
      aggregation: "province",
    },
    ...(["Toàn trình", "Một phần", "Trực tiếp toàn trình", "Trực tiếp một phần"] as const).map(
      (label, at) => ({
        code: `DVC.${at + 1}`,
        printed: `DVC.${at + 1}`,
        block: "source" as const,
        label: { vi: `Hồ sơ ${label.toLowerCase()}`, en: `Dossiers ${at + 1}` },
        unit: { vi: "Hồ sơ", en: "Dossiers" },
        kind: "count" as const,
        scope: ["so" as const, "xa" as const],
        aggregation: "sum" as const,
      }),
    ),
    {
      code: "HSO.1",
      printed: "HSO.1",
      block: "source",
      label: { vi: "Hồ sơ còn tồn cuối kỳ", en: "Dossiers pending at the end of the period" },
      reportWordings: { anywhere: ["Số hồ sơ tồn cuối kỳ"] },
      unit: { vi: "Hồ sơ", en: "Dossiers" },
      kind: "count",
      scope: ["so", "xa"],
      aggregation: "sum",
    },
    {
      code: "HSO.2",
      printed: "HSO.2",
      block: "source",
      label: { vi: "Hồ sơ kỳ trước chuyển sang", en: "Dossiers carried over" },
      unit: { vi: "Hồ sơ", en: "Dossiers" },
      kind: "count",
      scope: ["so", "xa"],
      aggregation: "sum",
      carriedFrom: "HSO.1",
    },
  ],
  relations: [],
  patterns: [],
};

/** The small form, parsed and checked as a definition read at run time would be. */
export function smallForm(): LoadedCatalogue {
  return loadCatalogue(SMALL_FORM);
}
