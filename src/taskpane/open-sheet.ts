import { createContext, useContext } from "react";
import { splitAddress } from "../workflows/usecases";
import type { PaneState, SheetResult } from "./usePane";

/**
 * The sheet the user is on, as the pane last learnt it: the results say so when they are another sheet's, and name
 * that sheet in every cell and fix they show. A context, so the findings' rows read it where they render.
 */
export const OpenSheet = createContext<string | undefined>(undefined);

/** The sheet the user is on; undefined while the pane does not know it. */
export function useOpenSheet(): string | undefined {
  return useContext(OpenSheet);
}

/**
 * What the header shows of the open sheet: its last check, else its description, and never a result of another
 * sheet (the description is of the sheet the pane described, which the user may have left since).
 */
export function openSheetResult(
  state: Pick<PaneState, "active" | "results" | "described">,
): SheetResult | undefined {
  if (state.active === undefined) return undefined;
  const described = state.described?.validation.sheet === state.active ? state.described : undefined;
  return state.results.get(state.active) ?? described;
}

/** True when a qualified cell is on another sheet than the open one; with the open sheet unknown, as if on it. */
export function isElsewhere(qualified: string, openSheet: string | undefined): boolean {
  return openSheet !== undefined && qualified.includes("!") && splitAddress(qualified).sheet !== openSheet;
}

/**
 * A cell as the pane names it beside the open sheet: its local address on that sheet ("D120"), and with its sheet
 * on any other ("Sở TTTT!D120"), so that a finding of a sheet the user is not on never reads as one of theirs.
 */
export function cellPlace(qualified: string | undefined, openSheet: string | undefined): string {
  if (!qualified?.includes("!")) return qualified ?? "";
  const { sheet, address } = splitAddress(qualified);
  return isElsewhere(qualified, openSheet) ? `${sheet}!${address}` : address;
}
