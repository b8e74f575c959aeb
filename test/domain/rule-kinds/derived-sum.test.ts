import { validateAppendix } from "../../../src/domain/engine";
import { derivedFormula, sheetLayout } from "../../../src/domain/layout";
import { locateAppendix } from "../../../src/domain/locate";
import * as derived from "../../../src/domain/rule-kinds/derived";
import { templateGrid } from "../../helpers/seed";
import { smallForm } from "../../helpers/small-form";

// A rate whose denominator is a sum of counts: (DVC.1 + DVC.2) / (DVC.3 + DVC.4), in a form that is not the 2021 one.

const form = smallForm();
const rate = form.derivedRows.find((row) => row.code === "1.1")!;

function validate(values: Record<string, number | { percent: number; format: string }>) {
  const sheet = locateAppendix(templateGrid(values, { catalogue: form, period: "Quý I/2026" }), form);
  if (!sheet) throw new Error("the small form's sheet was not found");
  return validateAppendix(sheet, form);
}

describe("a derived rate over a sum", () => {
  it("is written as a sum over a sum, in the catalogue and as a live formula that tests its sum for 0", () => {
    expect(derived.describe(rate)).toBe("1.1 = (DVC.1 + DVC.2) / (DVC.3 + DVC.4)");
    const layout = sheetLayout(form);
    const [a, b, c, d] = ["DVC.1", "DVC.2", "DVC.3", "DVC.4"].map((code) => `D${layout.rowOf.get(code)}`);
    expect(derivedFormula(layout, rate)).toBe(
      `IF(OR(${a}="",${b}="",${c}="",${d}=""),"",IFERROR(IF((${c}+${d})=0,"",(${a}+${b})/(${c}+${d})),""))`,
    );
  });

  it("accepts a stated rate its summed counts give, and finds one they do not, with the ratio of the sums", () => {
    const counts = { "DVC.1": 30, "DVC.2": 10, "DVC.3": 60, "DVC.4": 20 };
    const right = validate({ ...counts, "1.1": { percent: 0.5, format: "0.00%" } });
    expect(right.findings.filter((finding) => finding.rule === "derived:1.1")).toEqual([]);
    const wrong = validate({ ...counts, "1.1": { percent: 0.4, format: "0.00%" } });
    const mismatch = wrong.findings.filter((finding) => finding.rule === "derived:1.1");
    expect(mismatch.map((finding) => [finding.kind, finding.params])).toEqual([
      [
        "derived_mismatch",
        {
          numerator: 40,
          denominator: 80,
          stated: 40,
          recomputed: 50,
          decimals: 0,
          code: "1.1",
          truncated: false,
        },
      ],
    ]);
    expect(mismatch[0]?.codes).toEqual(["1.1", "DVC.1", "DVC.2", "DVC.3", "DVC.4"]);
  });
});
