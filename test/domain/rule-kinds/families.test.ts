import { locateAppendix } from "../../../src/domain/locate";
import { validateAppendix } from "../../../src/domain/engine";
import { familyOfRule, RULE_FAMILIES } from "../../../src/domain/rule-kinds/families";
import { SEED_VALUES, templateGrid } from "../../helpers/seed";

// Whatever names rules for people is typed over RULE_FAMILIES: a rule family the engine summarises that is missing
// there would reach the pane's summary as its bare id ("plausible", as it once did).

describe("the rule families", () => {
  // The seed's period, and one after the 2025 reform, which the period's rules judge.
  const families = new Set(
    [undefined, "Quý III/2026"].flatMap((period) =>
      validateAppendix(locateAppendix(templateGrid(SEED_VALUES, { period }))!).rules.map((summary) =>
        familyOfRule(summary.rule),
      ),
    ),
  );

  it("hold every family a validation of the standard appendix summarises", () => {
    expect([...families].filter((family) => !(RULE_FAMILIES as readonly string[]).includes(family))).toEqual(
      [],
    );
  });

  it("are each summarised by the standard appendix's validation, so that none is listed for nothing", () => {
    expect(RULE_FAMILIES.filter((family) => !families.has(family))).toEqual([]);
  });

  it("read a rule id's family before its first colon, and an id without one as its own family", () => {
    expect(familyOfRule("balance:HS.1=HS.1.1+HS.1.2")).toBe("balance");
    expect(familyOfRule("order:a<=b:c")).toBe("order");
    expect(familyOfRule("plausible")).toBe("plausible");
  });
});
