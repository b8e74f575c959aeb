import type { Bilingual } from "../catalogue";
import type { FindingParam } from "../findings";

/**
 * The one error users read: what went wrong and what to do, in Vietnamese and English (`bilingual`, which every
 * host shows), with a `code` and `params` for machines and tests. A subclass exists only where code catches it by
 * type.
 */
export class BilingualError extends Error {
  constructor(
    /** What went wrong and what to do, in Vietnamese and English. */
    readonly bilingual: Bilingual,
    /** What went wrong, for machines: "install:sheet_missing", an Office error code. */
    readonly code?: string,
    readonly params?: Readonly<Record<string, FindingParam>>,
    options?: { cause?: unknown },
  ) {
    super(`${bilingual.vi} / ${bilingual.en}`, options);
    this.name = "BilingualError";
  }
}
