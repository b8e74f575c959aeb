import { catalogue } from "../../src/domain/catalogue";
import { validationPlan } from "../../src/domain/plan";

// The plan compiles the catalogue's codes to row indexes once; every index must name the row the code names.
const plan = validationPlan(catalogue);
const codeAt = (at: number) => plan.rows[at]!.code;

describe("the validation plan", () => {
  it("is built once per catalogue", () => {
    expect(validationPlan(catalogue)).toBe(plan);
  });

  it("compiles each relation's sides to the rows its codes name", () => {
    expect(plan.relations.map((check) => check.rule)).toEqual(catalogue.relations);
    for (const { rule, relation, codes, keys } of plan.relations) {
      expect(relation.left.map(codeAt)).toEqual(rule.left);
      expect(relation.right.map(codeAt)).toEqual(rule.right);
      expect(keys.map(codeAt)).toEqual(codes);
      expect(relation).toMatchObject({ relation: rule.relation, severity: rule.severity });
    }
  });

  it("knows, row by row, the rules that read it and the first balance that can solve it", () => {
    plan.rows.forEach((row, at) => {
      const reading = catalogue.relations.filter((rule) => [...rule.left, ...rule.right].includes(row.code));
      expect(plan.relationsAt[at]!.map((index) => plan.relations[index]!.rule)).toEqual(reading);
      expect(plan.balanceAt[at]?.rule).toBe(reading.find((rule) => rule.kind === "balance"));
    });
    const hs11 = plan.indexOf.get("HS.1.1")!;
    expect(plan.balanceAt[hs11]?.rule.left).toContain("HS.1");
  });

  it("compiles every derived percentage's inputs and knows which percentages read each count", () => {
    expect(plan.derived.map((check) => check.row.code)).toEqual(catalogue.derivedRows.map((row) => row.code));
    for (const check of plan.derived) {
      const { plus, minus, denominator } = check.row.derived;
      expect(codeAt(check.at)).toBe(check.row.code);
      expect(check.inputs.plus.map(codeAt)).toEqual(plus);
      expect(check.inputs.minus.map(codeAt)).toEqual(minus);
      expect(check.inputs.denominator.map(codeAt)).toEqual(denominator);
      expect(check.formula).toMatch(/^=IF\(/);
      for (const code of check.inputCodes) expect(plan.derivedAt[plan.indexOf.get(code)!]).toContain(check);
    }
    expect(plan.derived.find((check) => check.row.code === "3.4.1")?.inputCodes).toEqual(["HS.2.1", "HS.2"]);
  });

  it("compiles each copy-paste pattern pair by pair", () => {
    for (const check of plan.patterns) {
      expect(check.pairs.map(([a, b]) => [codeAt(a), codeAt(b)])).toEqual(check.rule.pairs);
      expect(check.codes).toEqual(check.rule.pairs.flat());
    }
  });
});
