import { periodInEnglish } from "../../src/domain/period-en";

describe("a period named in English", () => {
  it.each([
    ["2021-Q3", "Q3 2021"],
    ["2026-Q1", "Q1 2026"],
    ["2021-H1", "First half of 2021"],
    ["2021", "Year 2021"],
    ["Quý 5/2021", "Quý 5/2021"],
  ])("names %s as %s", (id, name) => {
    expect(periodInEnglish(id)).toBe(name);
  });
});
