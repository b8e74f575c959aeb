import { RULE_FAMILIES } from "../../src/domain/rule-kinds/families";
import { STRINGS } from "../../src/taskpane/i18n";
import { loadBothStrings } from "../../src/taskpane/languages";

// The pane's per-rule summary names each rule by its family in the shown language, never by its bare id.

describe("the pane's rule names", () => {
  beforeAll(() => loadBothStrings());

  it.each(["vi", "en"] as const)("name every rule family in words in %s", (lang) => {
    for (const family of RULE_FAMILIES) {
      const name = STRINGS[lang].rules.name(family);
      expect(name).not.toBe(family);
      expect(name.length).toBeGreaterThan(3);
    }
  });

  it("give a relation's name and what it is about, with ≤ for <=", () => {
    expect(STRINGS.vi.rules.name("order:HS.3<=HS.2")).toBe("Thứ tự: HS.3 ≤ HS.2");
    expect(STRINGS.en.rules.name("order:HS.3<=HS.2")).toBe("Order: HS.3 ≤ HS.2");
  });

  it("show a definition form's own rule id that names no family as written", () => {
    expect(STRINGS.vi.rules.name("R12")).toBe("R12");
  });
});
