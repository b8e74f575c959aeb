import { relationKind } from "./relation";

/** Balance: a total equals the sum of its parts (HS.1 = HS.1.1 + HS.1.2); any difference is an error. */
export const balance = relationKind("balance", () => "balance_mismatch");
