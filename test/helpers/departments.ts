import type { SampleValue } from "../../src/preview/sample";

// Three departments for the consolidation tests: two with their one-stop counts (rates that differ, so that the
// province's 3.4.1 recomputed from summed counts is not the average of their rates), and one that leaves HS.* blank.

/** Sở Tư pháp: 90 of 100 dossiers on time. */
export const SO_TU_PHAP: Readonly<Record<string, SampleValue>> = {
  "1.1.1": 5,
  "1.1.2": 4,
  "HS.1": 110,
  "HS.1.1": 10,
  "HS.1.2": 100,
  "HS.2": 100,
  "HS.2.1": 90,
  "HS.2.2": 10,
};

/** Sở Y tế: 5 of 10 dossiers on time. */
export const SO_Y_TE: Readonly<Record<string, SampleValue>> = {
  "1.1.1": 3,
  "1.1.2": 3,
  "HS.1": 10,
  "HS.1.1": 0,
  "HS.1.2": 10,
  "HS.2": 10,
  "HS.2.1": 5,
  "HS.2.2": 5,
};

/** Sở Xây dựng: no one-stop counts at all. */
export const SO_XAY_DUNG: Readonly<Record<string, SampleValue>> = { "1.1.1": 2, "1.1.2": 1 };
