import { relationKind } from "./relation";

/**
 * Stock: dossiers resolved and pending never exceed those received (HS.2 + HS.3 ≤ HS.1); a shortfall is the rest
 * returned or withdrawn, shown as info.
 */
export const stock = relationKind("stock", (outcome) =>
  outcome.direction === "short" ? "stock_shortfall" : "stock_exceeded",
);
