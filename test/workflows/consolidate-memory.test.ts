import type { UnitAppendix } from "../../src/workflows/consolidate";
import { Consolidator, readUnits } from "../../src/workflows/consolidate";
import { SEED_VALUES, templateGrid } from "../helpers/seed";

// What a consolidation keeps of each unit is its numbers and plain texts: a finding's message is rendered only
// when first read, and until then holds the whole validation of its sheet (its cells included), which kept for
// each of 10,000 units is gigabytes.

function seedUnit(index: number): UnitAppendix {
  const grid = templateGrid(SEED_VALUES, { name: `Đơn vị ${index}`, unit: `Sở số ${index}` });
  const [unit] = readUnits([grid], `don-vi-${index}.xlsx`).units;
  if (!unit) throw new Error("the seed grid holds no appendix");
  return unit;
}

describe("a consolidation's correction items", () => {
  it("hold their messages and suggestions as plain texts, not as renderings still to come", () => {
    const consolidator = new Consolidator({ roles: new Map() });
    consolidator.add(seedUnit(1));
    const [request] = consolidator.result().requests;
    const items = request?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    const texts = items.flatMap((item) => [item.message, ...(item.suggestion ? [item.suggestion] : [])]);
    expect(texts.some((text) => text !== items[0]?.message)).toBe(true);
    for (const text of texts) {
      expect(Object.getOwnPropertyDescriptor(text, "vi")?.value).toEqual(expect.any(String));
      expect(Object.getOwnPropertyDescriptor(text, "en")?.value).toEqual(expect.any(String));
    }
  });
});
