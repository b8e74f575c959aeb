import type { CSSProperties, KeyboardEvent, ReactNode } from "react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Severity } from "../domain/values";
import { columnLetter } from "../domain/cell";
import type { CellPosition, CellRange } from "./address";
import { formatAddress, parseAddress, rangeHolds } from "./address";
import { displayValue, editText } from "./locale";
import type { PreviewStrings } from "./strings";
import type { EmulatedWorkbook, GridCell } from "./emulated-workbook";

/** The fills and font colours of the add-in's marks, as the Excel adapter writes them as conditional formats. */
export const MARK_STYLE: Readonly<Record<Severity, { readonly fill: string; readonly font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};

// Excel's column width unit is one character of the default font; 7 px each plus padding matches it on screen.
const PIXELS_PER_CHARACTER = 7;
const SELECTION = "#217346";

/** Subscribes a component to every change of the workbook. */
export function useWorkbookVersion(workbook: EmulatedWorkbook): number {
  return useSyncExternalStore(workbook.subscribe, () => workbook.version);
}

function cellContent(cell: GridCell | undefined, shown: string): ReactNode {
  if (cell?.richText) {
    return cell.richText.map((run, index) => (
      <span
        key={index}
        style={{ fontWeight: run.bold ? 700 : undefined, fontStyle: run.italic ? "italic" : undefined }}
      >
        {run.text}
      </span>
    ));
  }
  return shown;
}

function cellStyle(cell: GridCell | undefined, value: unknown, mark: Severity | undefined): CSSProperties {
  const style = cell?.style;
  const numeric = typeof value === "number";
  return {
    fontWeight: style?.bold ? 700 : undefined,
    fontStyle: style?.italic ? "italic" : undefined,
    fontSize: style?.size ? `${(style.size * 14) / 12}px` : undefined,
    textAlign: style?.horizontal ?? (numeric ? "right" : "left"),
    verticalAlign: style?.vertical === "top" ? "top" : style?.vertical === "bottom" ? "bottom" : "middle",
    whiteSpace: style?.wrap === false ? "nowrap" : "pre-wrap",
    border: style?.border ? "1px solid #404040" : undefined,
    // A mark shows over the cell's own fill, as a conditional format does in Excel.
    backgroundColor: mark ? MARK_STYLE[mark].fill : style?.fill,
    color: mark ? MARK_STYLE[mark].font : style?.color,
  };
}

/**
 * The active sheet drawn as an editable grid: merged titles, the add-in's marks as coloured fills, the selection
 * outlined as Excel does. Arrow keys move, typing or F2 or Enter edits, Enter commits, Escape cancels, Delete clears;
 * a locked cell says so instead of changing.
 */
export function Grid({
  workbook,
  strings,
  onStatus,
}: {
  workbook: EmulatedWorkbook;
  strings: PreviewStrings;
  onStatus: (message: string) => void;
}) {
  useWorkbookVersion(workbook);
  const sheetName = workbook.activeSheet;
  const sheet = sheetName ? workbook.sheet(sheetName) : undefined;
  const selection = workbook.selection?.sheet === sheet?.name ? workbook.selection?.address : undefined;
  const [editing, setEditing] = useState<{ address: string; text: string } | undefined>();
  const table = useRef<HTMLTableElement>(null);
  // The editor unmounts on Enter and Escape; a browser that then reports a blur must not commit a second time.
  const open = useRef(false);

  // The selection may move from the pane (a finding clicked): bring it into view without taking the focus away,
  // and fully: the sticky column letters and row numbers cover the scroller's top and left edges, so the cell's
  // scroll margins keep it below and beside them.
  useEffect(() => {
    if (!selection) return;
    const cell = table.current?.querySelector<HTMLElement>(`[data-address="${selection}"]`);
    if (!cell) return;
    cell.style.scrollMarginTop = `${table.current?.tHead?.offsetHeight ?? 0}px`;
    cell.style.scrollMarginLeft = `${table.current?.querySelector<HTMLElement>(".row-header")?.offsetWidth ?? 0}px`;
    cell.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    if (table.current?.contains(document.activeElement)) cell.focus();
  }, [selection, sheetName]);

  if (!sheet) return <p>{strings.noSheet}</p>;

  const positions = [...sheet.cells.keys()].map(parseAddress);
  const lastRow = Math.max(1, ...positions.map((p) => p.row)) + 2;
  const columns = sheet.columns
    .map((column, index) => ({ ...column, index }))
    .filter((column) => !column.hidden);
  const visible = new Set(columns.map((column) => column.index));
  const mergeAt = (position: CellPosition): CellRange | undefined =>
    sheet.merges.find((merge) => rangeHolds(merge, position));

  const anchorOf = (address: string): string => {
    const position = parseAddress(address);
    const merge = mergeAt(position);
    return merge ? formatAddress({ row: merge.top, column: merge.left }) : address;
  };

  const move = (from: string, rows: number, cols: number) => {
    const position = parseAddress(from);
    const merge = mergeAt(position);
    let row = rows > 0 && merge ? merge.bottom : position.row;
    let column = cols > 0 && merge ? merge.right : position.column;
    do column += cols;
    while (cols !== 0 && column >= 0 && !visible.has(column) && column <= (columns.at(-1)?.index ?? 0));
    row += rows;
    row = Math.min(Math.max(row, 1), lastRow);
    column = Math.min(Math.max(column, columns[0]?.index ?? 0), columns.at(-1)?.index ?? 0);
    workbook.select(sheet.name, anchorOf(formatAddress({ row, column })));
  };

  const commit = (address: string, text: string, then?: () => void) => {
    if (!open.current) return;
    open.current = false;
    setEditing(undefined);
    const outcome = workbook.edit(sheet.name, address, text);
    if (!outcome.ok) onStatus(strings.locked(address));
    then?.();
    table.current?.querySelector<HTMLElement>(`[data-address="${address}"]`)?.focus();
  };

  const startEditing = (address: string, text?: string) => {
    const cell = sheet.cells.get(address);
    if (sheet.protected && cell?.locked !== false) {
      onStatus(strings.locked(address));
      return;
    }
    onStatus("");
    open.current = true;
    setEditing({
      address,
      text: text ?? editText(workbook.valueAt(sheet.name, address), cell?.numberFormat, cell?.formula),
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, address: string) => {
    if (editing) return;
    const steps: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = steps[event.key];
    if (step) {
      event.preventDefault();
      move(address, step[0], step[1]);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startEditing(address);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      if (event.key === "Backspace") {
        startEditing(address, "");
      } else {
        const outcome = workbook.edit(sheet.name, address, "");
        if (!outcome.ok) onStatus(strings.locked(address));
      }
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEditing(address, event.key);
    }
  };

  const rows: ReactNode[] = [];
  for (let row = 1; row <= lastRow; row++) {
    const cells: ReactNode[] = [];
    for (const column of columns) {
      const position = { row, column: column.index };
      const merge = mergeAt(position);
      if (merge && (merge.top !== row || merge.left !== column.index)) continue;
      const address = formatAddress(position);
      const cell = sheet.cells.get(address);
      const value = workbook.valueAt(sheet.name, address);
      const mark = sheet.marks.get(address);
      const shown = displayValue(value, cell?.numberFormat);
      const selected = selection === address;
      const span = merge
        ? {
            colSpan: columns.filter((c) => c.index >= merge.left && c.index <= merge.right).length,
            rowSpan: merge.bottom - merge.top + 1,
          }
        : {};
      cells.push(
        <td
          key={address}
          role="gridcell"
          data-address={address}
          data-mark={mark}
          aria-selected={selected}
          aria-readonly={sheet.protected && cell?.locked !== false ? true : undefined}
          aria-description={mark ? strings.mark[mark] : cell?.note}
          title={cell?.note}
          tabIndex={selected || (!selection && address === "A1") ? 0 : -1}
          {...span}
          className={`cell${selected ? " selected" : ""}`}
          style={{
            ...cellStyle(cell, value, mark),
            ...(selected ? { outline: `2px solid ${SELECTION}` } : {}),
          }}
          onClick={() => workbook.select(sheet.name, address)}
          onDoubleClick={() => startEditing(address)}
          onKeyDown={(event) => onKeyDown(event, address)}
        >
          {editing?.address === address ? (
            <input
              className="cell-editor"
              aria-label={strings.editCell(address)}
              autoFocus
              value={editing.text}
              onChange={(event) => setEditing({ address, text: event.target.value })}
              onBlur={() => commit(address, editing.text)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  commit(address, editing.text, () => move(address, 1, 0));
                } else if (event.key === "Escape") {
                  event.preventDefault();
                  open.current = false;
                  setEditing(undefined);
                  table.current?.querySelector<HTMLElement>(`[data-address="${address}"]`)?.focus();
                }
              }}
            />
          ) : (
            cellContent(cell, shown)
          )}
        </td>,
      );
    }
    rows.push(
      <tr
        key={row}
        role="row"
        style={{ height: sheet.rowHeights[row] ? `${sheet.rowHeights[row]! * 1.1}px` : undefined }}
      >
        <th role="rowheader" scope="row" className="row-header">
          {row}
        </th>
        {cells}
      </tr>,
    );
  }

  return (
    <table
      ref={table}
      role="grid"
      className="grid"
      aria-label={strings.gridLabel(sheet.name)}
      aria-rowcount={lastRow + 1}
      aria-colcount={columns.length + 1}
      style={{ fontFamily: `"${sheet.font?.name ?? "Times New Roman"}", "Liberation Serif", serif` }}
    >
      <colgroup>
        <col style={{ width: "40px" }} />
        {columns.map((column) => (
          <col key={column.index} style={{ width: `${column.width * PIXELS_PER_CHARACTER + 5}px` }} />
        ))}
      </colgroup>
      <thead>
        <tr role="row">
          <th role="columnheader" className="corner">
            <span className="visually-hidden">{strings.corner}</span>
          </th>
          {columns.map((column) => (
            <th key={column.index} role="columnheader" scope="col" className="column-header">
              {columnLetter(column.index)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}
