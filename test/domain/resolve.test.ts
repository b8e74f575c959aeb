import type { SheetGrid } from "../../src/domain/cell";
import type { LoadedCatalogue } from "../../src/domain/catalogue";
import {
  BUILT_IN_FORMS,
  catalogue,
  FormRegistry,
  parseFormKey,
  shapeCatalogue,
} from "../../src/domain/catalogue";
import { cellInput } from "../../src/domain/cell";
import { CARRIED_SHEET } from "../../src/domain/forms/carried-sheet";
import { carriedRows } from "../../src/domain/forms/carried-rows";
import { COLUMNS } from "../../src/domain/layout";
import { resolveAppendix } from "../../src/domain/resolve";
import { templateGrid } from "../helpers/seed";
import { thuFormCatalogue } from "../helpers/thu-form";

// One lookup from a sheet's F1 to its form: an id alone for a built-in form, an id and a hash for a definition (the
// test form PL-THU-2026 as LibreOffice wrote its definition file, given under a hash of our choosing).

let small: LoadedCatalogue;
let forms: FormRegistry;

beforeAll(async () => {
  small = shapeCatalogue(await thuFormCatalogue());
  forms = new FormRegistry([catalogue, { catalogue: small, hash: "3f9a1c2e" }]);
}, 120_000);

/** A sheet of `form` (the test form by default) laid out by the template, its F1 replaced by `f1`. */
function sheetWithKey(f1: string, form?: LoadedCatalogue): SheetGrid {
  const grid = templateGrid({ "1.2": 4 }, { catalogue: form ?? small, period: "Quý I/2026" });
  const cells = grid.cells.map((row) => [...row]);
  cells[0]![COLUMNS.key] = { value: f1 };
  return { ...grid, cells };
}

describe("a sheet's F1", () => {
  it.each([
    ["CCHC-PL-2021", { id: "CCHC-PL-2021" }],
    [" PL-THU-2026#3F9A1C2E ", { id: "PL-THU-2026", hash: "3f9a1c2e" }],
    ["", undefined],
    ["PL-THU-2026#not-a-hash", undefined],
  ])("%j reads as %j", (text, key) => {
    expect(parseFormKey(text)).toEqual(key);
  });
});

describe("resolveAppendix", () => {
  it("reads a definition's sheet by the form its id and hash name", () => {
    const resolved = resolveAppendix(sheetWithKey("PL-THU-2026#3f9a1c2e"), forms);
    expect(resolved?.kind).toBe("appendix");
    if (resolved?.kind !== "appendix") return;
    expect(resolved.catalogue).toBe(small);
    expect(resolved.appendix.cells.get("1.2")?.cell?.value).toBe(4);
  });

  it("says a definition is missing when no form has its hash, even one of the same id", () => {
    expect(resolveAppendix(sheetWithKey("PL-THU-2026#00ff00ff"), forms)).toEqual({
      kind: "missing",
      key: { id: "PL-THU-2026", hash: "00ff00ff" },
      version: "PL-THU-2026#00ff00ff",
    });
    expect(resolveAppendix(sheetWithKey("PL-THU-2026#3f9a1c2e"), BUILT_IN_FORMS)?.kind).toBe("missing");
  });

  it("reads a built-in form's sheet by its id alone, and calls an id no form has unknown", () => {
    const builtIn = resolveAppendix(templateGrid({}), forms);
    expect(builtIn?.kind === "appendix" && builtIn.catalogue).toBe(catalogue);
    expect(resolveAppendix(sheetWithKey("CCHC-PL-2030", catalogue), forms)).toEqual({
      kind: "unknown",
      key: { id: "CCHC-PL-2030" },
      version: "CCHC-PL-2030",
    });
  });

  it("never takes the sheet of carried definitions for an appendix, though its rows hold the form's codes", () => {
    const rows = carriedRows([catalogue]).map((row) =>
      row.map((text) => (text ? cellInput(text) : undefined)),
    );
    expect(resolveAppendix({ name: CARRIED_SHEET, cells: rows }, BUILT_IN_FORMS)).toBeUndefined();
    // The same rows on a sheet of another name read as an appendix typed by hand: the name is what tells them apart.
    expect(resolveAppendix({ name: "Bản sao", cells: rows }, BUILT_IN_FORMS)?.kind).toBe("appendix");
  });

  it("takes no sheet for an appendix that neither F1 nor its rows make one", () => {
    expect(resolveAppendix({ name: "Ghi chú", cells: [[{ value: "Ghi chú" }]] }, forms)).toBeUndefined();
  });
});
