import type { Catalogue } from "../catalogue";
import type { CellInput, SheetGrid } from "../cell";
import type { DefinitionProblem } from "../messages";
import type { DefinitionOptions } from "./definition";
import { readDefinition } from "./definition";
import { definitionHash } from "./carried-rows";
import { FORM_MARKER, SHEET_MARKER } from "./carried-sheet";

// The definitions a workbook carries (DESIGN.md section 11), read back: each block of the `_cchc_mau` sheet rebuilt
// into the definition's sheets and read by the one definition reader, then checked against its hash, so that a block
// someone edited is never used and its form is then "missing" rather than guessed. The writing side, and the hash,
// are in carried-rows.ts and carried-sheet.ts, which load neither the reader nor its schema.

export * from "./carried-sheet";
export * from "./carried-rows";

/**
 * Why a block of the `_cchc_mau` sheet was not used, at its marker row (1-based): its definition does not read
 * (`problems`, as the reader gives them; none when the marker itself is damaged), or what it declares no longer
 * matches the hash it was written with (`actual`), or its id is not the one its marker names.
 */
export type CarriedProblem =
  | {
      readonly kind: "carried_unreadable";
      readonly row: number;
      readonly id: string;
      readonly hash: string;
      readonly problems: readonly DefinitionProblem[];
    }
  | {
      readonly kind: "carried_changed";
      readonly row: number;
      readonly id: string;
      readonly hash: string;
      readonly actual: string;
    };

/** A form a workbook carries: its catalogue, checked, and the hash F1 of its sheets names it by. */
export interface CarriedForm {
  readonly catalogue: Catalogue;
  readonly hash: string;
}

/** What the `_cchc_mau` sheet gives: the forms it holds, and why any block of it was not used. */
export interface CarriedRead {
  readonly forms: readonly CarriedForm[];
  readonly problems: readonly CarriedProblem[];
}

/** A cell's text as the block was written; a number a host stored for a text is taken as it reads back. */
function cellText(cell: CellInput | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/**
 * A block's rows as text cells for the definition reader. A value of another kind (an error, a date, a boolean) is
 * kept as it is, so that the reader refuses it where it matters; a number becomes its text, since the hash then
 * says whether it still is what was written.
 */
function asTextCell(cell: CellInput | undefined): CellInput | undefined {
  if (!cell || cell.value === null) return undefined;
  const value = typeof cell.value === "number" ? String(cell.value) : cell.value;
  return { value };
}

const HASH_TEXT = /^[0-9a-f]{8}$/;

interface Block {
  readonly row: number;
  readonly id: string;
  readonly hash: string;
  readonly grids: SheetGrid[];
}

/** The sheet's rows cut into blocks at their marker rows; rows before the first marker belong to none. */
function blocksOf(grid: SheetGrid): Block[] {
  const blocks: Block[] = [];
  let block: Block | undefined;
  let sheet: { name: string; cells: (CellInput | undefined)[][] } | undefined;
  grid.cells.forEach((cells, index) => {
    const first = cellText(cells[0]).normalize("NFC").trim();
    if (first === FORM_MARKER) {
      block = {
        row: index + 1,
        id: cellText(cells[1]).trim(),
        hash: cellText(cells[2]).trim().toLowerCase(),
        grids: [],
      };
      sheet = undefined;
      blocks.push(block);
    } else if (first === SHEET_MARKER && block) {
      sheet = { name: cellText(cells[1]).trim(), cells: [] };
      block.grids.push(sheet);
    } else if (sheet) {
      sheet.cells.push(cells.map(asTextCell));
    }
  });
  return blocks;
}

/** One block read: its form, or why it is not used. */
function readBlock(block: Block, options: DefinitionOptions): CarriedForm | CarriedProblem {
  const { row, id, hash } = block;
  if (!id || !HASH_TEXT.test(hash)) return { kind: "carried_unreadable", row, id, hash, problems: [] };
  const read = readDefinition(block.grids, options);
  if (!read.ok) return { kind: "carried_unreadable", row, id, hash, problems: read.problems };
  const actual = definitionHash(read.catalogue);
  if (actual !== hash || read.catalogue.templateVersion !== id) {
    return { kind: "carried_changed", row, id, hash, actual };
  }
  return { catalogue: read.catalogue, hash };
}

/**
 * The forms a `_cchc_mau` sheet holds, each with its hash, and the problems of each block that cannot be used (a
 * damaged block, a definition that does not read, content that no longer matches its hash): such a form is then
 * missing, never guessed, and the other blocks are still read.
 */
export function readCarried(grid: SheetGrid, options: DefinitionOptions = {}): CarriedRead {
  const forms: CarriedForm[] = [];
  const problems: CarriedProblem[] = [];
  for (const block of blocksOf(grid)) {
    const read = readBlock(block, options);
    if ("kind" in read) problems.push(read);
    else forms.push(read);
  }
  return { forms, problems };
}
