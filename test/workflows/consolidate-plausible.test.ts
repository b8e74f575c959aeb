import { validateAppendix } from "../../src/domain/engine";
import { locateAppendix } from "../../src/domain/locate";
import type { UnitAppendix } from "../../src/workflows/consolidate";
import { consolidate } from "../../src/workflows/consolidate";
import type { TypedValue } from "../helpers/seed";
import { seedWith, templateGrid } from "../helpers/seed";

// The catalogue's plausible bounds in the province's summary: the units' figures are judged on their sheets, the
// province's recomputed rates here.

function unit(name: string, values: Readonly<Record<string, TypedValue>>): UnitAppendix {
  const appendix = locateAppendix(templateGrid(values, { unit: name, name }))!;
  return { appendix, validation: validateAppendix(appendix), file: `${name}.xlsx` };
}

describe("plausibility in the province's summary", () => {
  // One department typed 64,073 for 64 posts; the other reports sensibly. 4.2.5 is recomputed from their counts.
  const consolidation = consolidate(
    [
      unit("Sở A", seedWith({ "4.2.1": 64073, "BC.1": 62, "4.2.5": undefined })),
      unit("Sở B", seedWith({ "4.2.1": 30, "BC.1": 124, "4.2.5": undefined })),
    ],
    { roles: new Map() },
  );
  const total = consolidation.totals.find((entry) => entry.code === "4.2.5")!;

  it("warns on a recomputed reduction rate below −100%, showing it, in the issues and the row's remark", () => {
    // (62 + 124 − 64,073 − 30) / (62 + 124) = −34.363,98%
    expect(total.ratio).toEqual({ numerator: 62 + 124 - 64073 - 30, denominator: 186 });
    const issue = consolidation.issues.find((entry) => entry.kind === "implausible_low")!;
    expect(issue).toMatchObject({ severity: "warning", codes: ["4.2.5"] });
    expect(issue.message.vi).toContain(
      "Toàn tỉnh: Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015 (4.2.5)",
    );
    expect(issue.message.vi).toContain("-34.363,98%, thấp hơn mức hợp lý -100%");
    expect(issue.message.en).toContain("-34,363.98%, below the plausible -100%");
    expect(total.remark.vi).toContain("-34.363,98%");
  });

  it("asks the unit that typed the figure about it in its correction request, from its sheet's findings", () => {
    const request = consolidation.requests.find((entry) => entry.unit === "Sở A")!;
    expect(request.text.vi).toContain("ghi 64.073, vượt mức hợp lý 2.000 của một đơn vị cấp sở, ngành");
    expect(request.text.vi).toContain("tính từ số liệu chi tiết được -103.243,55%");
    expect(consolidation.requests.find((entry) => entry.unit === "Sở B")?.text.vi ?? "").not.toContain(
      "mức hợp lý",
    );
  });

  it("leaves a plausible province's rate without a warning", () => {
    const sensible = consolidate([unit("Sở B", seedWith({ "4.2.1": 30, "BC.1": 124, "4.2.5": undefined }))], {
      roles: new Map(),
    });
    expect(sensible.issues.filter((entry) => entry.kind.startsWith("implausible"))).toEqual([]);
  });
});
