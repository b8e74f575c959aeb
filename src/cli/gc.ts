import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// V8 lets the heap grow to about twice what survived its last full collection before it collects again. A national
// summary builds each sheet's spec (up to 700,000 cells) beside 10,000 units' figures: left to that rule, the
// previous sheet's garbage and the next one's cells together double the peak (issue 16: 710 MB instead of 450 MB).
// Between sheets, when the last one's cells are all garbage, one full collection costs a tenth of a second.

let collector: (() => void) | undefined;

/**
 * Runs a full garbage collection now. node is started without --expose-gc, so the function is obtained as jest's
 * leak detector does: the flag set at run time, `gc` taken from a new context.
 */
export function collectGarbage(): void {
  if (!collector) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collector = exposed;
    else {
      setFlagsFromString("--expose-gc");
      collector = runInNewContext("gc") as () => void;
    }
  }
  collector();
}
