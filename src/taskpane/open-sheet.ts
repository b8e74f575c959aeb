import type { PaneState, SheetResult } from "./usePane";

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
