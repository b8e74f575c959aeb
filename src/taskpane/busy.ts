import { createContext, useContext } from "react";

/**
 * Whether the pane is working on the workbook (a check, a fix, an install, a consolidation). A context, not a prop:
 * a click's start and end render again only the controls that are disabled meanwhile, each reading it where it is,
 * and none of the memoised parts above them (the forms, the results, the help menu).
 */
export const PaneBusy = createContext(false);

/** Whether the pane is working on the workbook: a control that would start more work is disabled meanwhile. */
export function usePaneBusy(): boolean {
  return useContext(PaneBusy);
}
