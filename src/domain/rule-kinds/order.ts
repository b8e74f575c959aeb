import { relationKind } from "./relation";

/** Order: one figure never exceeds another (1.1.2 ≤ 1.1.1, HS.5 ≤ HS.1), at the rule's severity. */
export const order = relationKind("order", () => "order_violated");
