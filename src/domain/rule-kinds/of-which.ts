import { relationKind } from "./relation";

/**
 * Of which: the parts listed under "trong đó" never exceed their total (3.1.3.a + b + c ≤ 3.1.3); parts below it
 * leave a rest, a warning showing it.
 */
export const ofWhich = relationKind("ofWhich", (outcome) =>
  outcome.direction === "short" ? "ofWhich_shortfall" : "ofWhich_exceeded",
);
