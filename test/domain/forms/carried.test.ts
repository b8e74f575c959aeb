import type { Catalogue } from "../../../src/domain/catalogue";
import { CCHC_PL_2021 } from "../../../src/domain/catalogue/cchc-pl-2021";
import { CatalogueSchema } from "../../../src/domain/catalogue/load";
import type { SheetGrid } from "../../../src/domain/cell";
import { cellInput } from "../../../src/domain/cell";
import { CARRIED_SHEET, carriedRows, definitionHash, readCarried } from "../../../src/domain/forms/carried";
import { readDefinition } from "../../../src/domain/forms/definition";
import { exportDefinition } from "../../../src/domain/forms/definition-export";
import { thuFormCatalogue, thuFormSheets } from "../../helpers/thu-form";

// The definition a workbook carries in its very hidden `_cchc_mau` sheet (DESIGN.md section 11): written as rows,
// read back by the one definition reader into the same catalogue, known by a hash of its content; a block someone
// changed or damaged is not used (its form is missing), and the other blocks still are.

const BUILT_IN = CatalogueSchema.parse(CCHC_PL_2021);
let thu: Catalogue;

beforeAll(async () => {
  thu = await thuFormCatalogue();
}, 120_000);

/** The rows as the sheet holds them: text cells, "" blank. */
function sheetOf(rows: readonly (readonly string[])[], name = CARRIED_SHEET): SheetGrid {
  return {
    name,
    cells: rows.map((row) => row.map((text) => (text === "" ? undefined : cellInput(text)))),
  };
}

/** The indexes (0-based) of the rows whose first cell is `first`. */
function rowsStarting(rows: readonly (readonly string[])[], first: string): number[] {
  return rows.flatMap((row, index) => (row[0] === first ? [index] : []));
}

describe("carriedRows and readCarried", () => {
  it("read back the built-in 2021 form as its catalogue, with the hash of its content", () => {
    const read = readCarried(sheetOf(carriedRows([BUILT_IN])));
    expect(read.problems).toEqual([]);
    expect(read.forms).toEqual([{ catalogue: BUILT_IN, hash: definitionHash(BUILT_IN) }]);
  });

  it("read back the form typed in LibreOffice as the catalogue its file declares", () => {
    const read = readCarried(sheetOf(carriedRows([thu])));
    expect(read).toEqual({ forms: [{ catalogue: thu, hash: definitionHash(thu) }], problems: [] });
  });

  it("hold one block per form, each opened by its id and hash, each sheet by its name", () => {
    const rows = carriedRows([thu, BUILT_IN]);
    expect(rows.filter((row) => row[0] === "#mẫu")).toEqual([
      ["#mẫu", "PL-THU-2026", definitionHash(thu)],
      ["#mẫu", "CCHC-PL-2021", definitionHash(BUILT_IN)],
    ]);
    const firstBlock = rows.slice(0, rowsStarting(rows, "#mẫu")[1]);
    expect(firstBlock.filter((row) => row[0] === "#trang")).toEqual([
      ["#trang", "Mẫu"],
      ["#trang", "Vai trò"],
      ["#trang", "Chỉ tiêu"],
      ["#trang", "Quy tắc"],
    ]);
    expect(firstBlock[2]).toEqual(["khóa", "giá trị"]);
    expect(firstBlock[3]).toEqual(["mã mẫu", "PL-THU-2026"]);
    const read = readCarried(sheetOf(rows));
    expect(read.forms.map((form) => form.catalogue.templateVersion)).toEqual(["PL-THU-2026", "CCHC-PL-2021"]);
    expect(read.problems).toEqual([]);
  });

  it("give nothing for a sheet that holds no block", () => {
    expect(readCarried(sheetOf([["ghi chú"], []]))).toEqual({ forms: [], problems: [] });
  });
});

describe("definitionHash", () => {
  it("is 8 lower-case hex digits", () => {
    expect(definitionHash(thu)).toMatch(/^[0-9a-f]{8}$/);
  });

  it("is the same for the same definition typed again in another column order", async () => {
    const sheets = await thuFormSheets();
    // The `Chỉ tiêu` sheet with its columns in reverse order: the same definition, typed another way.
    const reordered = sheets.map((sheet) =>
      sheet.name === "Chỉ tiêu"
        ? { ...sheet, cells: sheet.cells.map((row) => [...Array(30).keys()].map((at) => row[29 - at])) }
        : sheet,
    );
    const read = readDefinition(reordered);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(definitionHash(read.catalogue)).toBe(definitionHash(thu));
  });

  it("is the same for the built-in form and its export read back, another for another form", () => {
    const grids = exportDefinition(BUILT_IN).map((sheet) =>
      sheetOf([sheet.headers, ...sheet.rows], sheet.name),
    );
    const read = readDefinition(grids);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(definitionHash(read.catalogue)).toBe(definitionHash(BUILT_IN));
    expect(definitionHash(BUILT_IN)).not.toBe(definitionHash(thu));
  });

  it("changes when one cell of the definition changes", () => {
    const relabelled: Catalogue = {
      ...thu,
      rows: thu.rows.map((row, at) =>
        at === 3 ? { ...row, label: { ...row.label, vi: `${row.label.vi}.` } } : row,
      ),
    };
    expect(definitionHash(relabelled)).not.toBe(definitionHash(thu));
    const rule = thu.relations[0]!;
    const lenient: Catalogue = {
      ...thu,
      relations: [
        { ...rule, severity: rule.severity === "error" ? "warning" : "error" },
        ...thu.relations.slice(1),
      ],
    };
    expect(definitionHash(lenient)).not.toBe(definitionHash(thu));
  });
});

describe("readCarried refuses a block it cannot trust, and still reads the others", () => {
  it("a block whose cell was edited after it was written: changed, its form missing", () => {
    const rows = carriedRows([thu, BUILT_IN]);
    const [thuMarker] = rowsStarting(rows, "#mẫu");
    const label = rows.findIndex((row, at) => at > thuMarker! && row[0] === "1.1");
    rows[label] = rows[label]!.map((text, column) => (column === 4 ? `${text} (đã sửa)` : text));
    const read = readCarried(sheetOf(rows));
    expect(read.forms.map((form) => form.catalogue.templateVersion)).toEqual(["CCHC-PL-2021"]);
    expect(read.problems).toEqual([
      {
        kind: "carried_changed",
        row: thuMarker! + 1,
        id: "PL-THU-2026",
        hash: definitionHash(thu),
        actual: expect.not.stringMatching(definitionHash(thu)),
      },
    ]);
  });

  it("a block whose definition no longer reads: unreadable, with the reader's problems", () => {
    const rows = carriedRows([BUILT_IN, thu]);
    const [, thuMarker] = rowsStarting(rows, "#mẫu");
    const rules = rows.findIndex((row, at) => at > thuMarker! && row[0] === "#trang" && row[1] === "Quy tắc");
    rows[rules + 2] = rows[rules + 2]!.map((text, column) => (column === 2 ? "HS.1 = HS.9" : text));
    const read = readCarried(sheetOf(rows));
    expect(read.forms.map((form) => form.catalogue.templateVersion)).toEqual(["CCHC-PL-2021"]);
    expect(read.problems).toEqual([
      {
        kind: "carried_unreadable",
        row: thuMarker! + 1,
        id: "PL-THU-2026",
        hash: definitionHash(thu),
        problems: [
          expect.objectContaining({ kind: "code_unknown", place: expect.objectContaining({ row: 2 }) }),
        ],
      },
    ]);
  });

  it("a marker without a hash: unreadable, nothing guessed", () => {
    const rows = carriedRows([thu, BUILT_IN]);
    rows[0] = ["#mẫu", "PL-THU-2026", "không rõ"];
    const read = readCarried(sheetOf(rows));
    expect(read.forms.map((form) => form.catalogue.templateVersion)).toEqual(["CCHC-PL-2021"]);
    expect(read.problems).toEqual([
      { kind: "carried_unreadable", row: 1, id: "PL-THU-2026", hash: "không rõ", problems: [] },
    ]);
  });

  it("a marker whose id is not the form's its rows declare: changed", () => {
    const rows = carriedRows([thu]);
    rows[0] = ["#mẫu", "PL-KHAC-2026", definitionHash(thu)];
    expect(readCarried(sheetOf(rows))).toEqual({
      forms: [],
      problems: [
        {
          kind: "carried_changed",
          row: 1,
          id: "PL-KHAC-2026",
          hash: definitionHash(thu),
          actual: definitionHash(thu),
        },
      ],
    });
  });

  it("a block whose figures a host stored as numbers reads as the text it shows, its hash deciding", () => {
    const grid = sheetOf(carriedRows([thu]));
    const digits = (text: unknown) => typeof text === "string" && /^\d+$/.test(text);
    expect(grid.cells.flat().filter((cell) => digits(cell?.value)).length).toBeGreaterThan(3);
    const numeric: SheetGrid = {
      ...grid,
      cells: grid.cells.map((row) =>
        row.map((cell) => (digits(cell?.value) ? cellInput(Number(cell?.value)) : cell)),
      ),
    };
    expect(readCarried(numeric)).toEqual({
      forms: [{ catalogue: thu, hash: definitionHash(thu) }],
      problems: [],
    });
  });
});
