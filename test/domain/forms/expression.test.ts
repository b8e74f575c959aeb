import { parseDerived, parseRule } from "../../../src/domain/forms/expression";

// The expressions of a form definition read into the catalogue's rule fields, and every refusal as data whose
// message is rendered in both languages.

describe("parseRule reads a rule's expression into the catalogue's fields", () => {
  it("reads a balance as written: the total left, its parts right", () => {
    expect(parseRule("HS.1 = HS.1.1 + HS.1.2", "balance")).toEqual({
      ok: true,
      value: { kind: "balance", left: ["HS.1"], right: ["HS.1.1", "HS.1.2"], relation: "eq" },
    });
  });

  it("holds an of-which written total first as its parts ≤ the total, as the catalogue does", () => {
    expect(parseRule("3.1.3 >= 3.1.3.a + 3.1.3.b + 3.1.3.c", "ofWhich")).toEqual({
      ok: true,
      value: { kind: "ofWhich", left: ["3.1.3.a", "3.1.3.b", "3.1.3.c"], right: ["3.1.3"], relation: "le" },
    });
  });

  it("reads a constant percentage as the right side's bound", () => {
    expect(parseRule("7.6.2.a + 7.6.2.b <= 100%", "order")).toEqual({
      ok: true,
      value: { kind: "order", left: ["7.6.2.a", "7.6.2.b"], right: [], rightPercent: 100, relation: "le" },
    });
  });

  it("reads a pattern's pairs in order", () => {
    expect(parseRule("4.3.1 ~ 4.2.1; 4.3.2 ~ 4.2.2", "pattern")).toEqual({
      ok: true,
      value: {
        kind: "pattern",
        pairs: [
          ["4.3.1", "4.2.1"],
          ["4.3.2", "4.2.2"],
        ],
      },
    });
  });
});

describe("parseDerived reads a rate's formula", () => {
  it("reads a difference over a code and a sum over a sum", () => {
    expect(parseDerived("(BC.1 - 4.2.1) / BC.1")).toEqual({
      ok: true,
      value: { plus: ["BC.1"], minus: ["4.2.1"], denominator: ["BC.1"] },
    });
    expect(parseDerived("(HS.2.1 + HS.3.1) / (HS.2 + HS.3)")).toEqual({
      ok: true,
      value: { plus: ["HS.2.1", "HS.3.1"], minus: [], denominator: ["HS.2", "HS.3"] },
    });
  });
});
