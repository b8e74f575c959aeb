// Consolidation (issue 5): the province's summary from the appendices of its reporting units. How each indicator is
// aggregated is declared in the catalogue (`aggregation`, `scope`, `role`), never guessed here. Units are reduced to
// their numbers as they are added, so that a thousand files cost a thousand small records, not a thousand grids.
//
// The parts, in ./consolidate/: names (units, offices, roles and expected-units files), units (finding the units'
// appendices on sheets), model (the result's types), consolidator (units in, one consolidation out), aggregator
// (each indicator, the cross-period checks, the correction letters), previous (an earlier period read back).

/** The summary's marker, kept apart so that the pane's checks need not load the consolidation. */
export { isSummarySheet, SUMMARY_MARKER, SUMMARY_VERSION_ROW } from "./summary-marker";
export type { ConsolidationErrorKind, RoleMap } from "./consolidate/names";
export {
  cleanName,
  ConsolidationError,
  defaultRole,
  levelName,
  parseExpected,
  parseRoles,
  periodName,
  roleName,
  unitKey,
} from "./consolidate/names";
export type { ReadGrid, UnitAppendix, WorkbookUnits } from "./consolidate/units";
export { readUnits, summaryVersion } from "./consolidate/units";
export type {
  Consolidation,
  ConsolidateOptions,
  ConsolidationIssue,
  CorrectionItem,
  CorrectionRequest,
  Excluded,
  NonAggregable,
  ProvinceFigures,
  RowTotal,
  UnitSummary,
} from "./consolidate/model";
export { consolidate, Consolidator, mixedVersionsError } from "./consolidate/consolidator";
export { previousFigures, previousPeriodOf, UNIT_FIGURES_HEADER } from "./consolidate/previous";
