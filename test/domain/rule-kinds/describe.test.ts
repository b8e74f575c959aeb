import type { RelationRule } from "../../../src/domain/catalogue";
import { catalogue } from "../../../src/domain/catalogue";
import { validationPlan } from "../../../src/domain/plan";
import { balance } from "../../../src/domain/rule-kinds/balance";
import * as derived from "../../../src/domain/rule-kinds/derived";
import { ofWhich } from "../../../src/domain/rule-kinds/of-which";
import { order } from "../../../src/domain/rule-kinds/order";
import * as pattern from "../../../src/domain/rule-kinds/pattern";
import { stock } from "../../../src/domain/rule-kinds/stock";

// Each rule kind is a module: it compiles the catalogue's rules of its kind and writes each as a person would.

function relation<K extends RelationRule["kind"]>(id: string, kind: K): RelationRule & { readonly kind: K } {
  const rule = catalogue.relations.find((one) => one.id === id);
  if (rule?.kind !== kind) throw new Error(`no ${kind} rule ${id}`);
  return rule as RelationRule & { readonly kind: K };
}

describe("the rule kinds' modules", () => {
  it("write each relation as its sides and comparison", () => {
    expect(balance.describe(relation("balance:HS.1", "balance"))).toBe("HS.1 = HS.1.1 + HS.1.2");
    expect(ofWhich.describe(relation("ofWhich:3.1.3", "ofWhich"))).toBe(
      "3.1.3.a + 3.1.3.b + 3.1.3.c ≤ 3.1.3",
    );
    expect(stock.describe(relation("stock:HS.1", "stock"))).toBe("HS.2 + HS.3 ≤ HS.1");
    expect(order.describe(relation("order:HS.5<=HS.1.2", "order"))).toBe("HS.5 ≤ HS.1.2");
    expect(order.describe(relation("order:7.6.2.a+7.6.2.b<=100%", "order"))).toBe("7.6.2.a + 7.6.2.b ≤ 100%");
  });

  it("write a derived rate and a copy-paste pattern", () => {
    const rate = catalogue.derivedRows.find((row) => row.code === "3.4.1")!;
    expect(derived.describe(rate)).toBe("3.4.1 = (HS.2.1) / HS.2");
    expect(pattern.describe(catalogue.patterns[0]!)).toBe(
      "4.3.1 = 4.2.1, 4.3.2 = 4.2.2, 4.3.3 = 4.2.4, 4.3.4 = 4.2.5",
    );
  });

  it("compile every rule of the catalogue, in the order rules run and report", () => {
    const plan = validationPlan(catalogue);
    expect(plan.rules.map((rule) => rule.id)).toEqual([
      ...catalogue.derivedRows.map((row) => `derived:${row.code}`),
      ...catalogue.relations.map((rule) => rule.id),
      "plausible",
      ...catalogue.patterns.map((rule) => rule.id),
      "complete",
    ]);
    plan.relations.forEach((check, index) => expect(check.index).toBe(index));
  });
});
