import { columnLetter } from "../domain/cell";

/** A cell position: 1-based row, 0-based column (as the domain's grids index columns). */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** A rectangle of cells, corners included. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const A1 = /^\$?([A-Z]{1,3})\$?(\d+)$/;

/** Parses a local A1 address ("D15", "$D$15"); throws RangeError for anything else. */
export function parseAddress(address: string): CellPosition {
  const match = A1.exec(address.trim().toUpperCase());
  if (!match) throw new RangeError(`"${address}" is not an A1 address`);
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column: column - 1 };
}

/** Parses "A1:E1" or a single address as a one-cell range. */
export function parseRange(range: string): CellRange {
  const [first, second = first] = range.split(":");
  const a = parseAddress(first!);
  const b = parseAddress(second!);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** The A1 address of a position. */
export function formatAddress(position: CellPosition): string {
  return `${columnLetter(position.column)}${position.row}`;
}

/** True when a range holds a position. */
export function rangeHolds(range: CellRange, position: CellPosition): boolean {
  return (
    position.row >= range.top &&
    position.row <= range.bottom &&
    position.column >= range.left &&
    position.column <= range.right
  );
}
