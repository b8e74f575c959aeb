// What the command line's bundle holds in place of fflate's inflater (webpack.cli.config.js). src/cli/xlsx/read.ts
// makes every read inflate with node's zlib before any file is read, so the shared reader's JavaScript inflater is
// never run in the command line; bundling it made every start evaluate fflate's tables, a tenth of a one-file
// `validate` (issue 16). Reached all the same, it says so instead of reading a file some other way.

function notBundled(): never {
  throw new Error("the command line inflates with node's zlib: fflate's inflater is not in its bundle");
}

/** Stands in for fflate's inflateSync in the command line's bundle. */
export function inflateSync(): never {
  return notBundled();
}

/** Stands in for fflate's Inflate in the command line's bundle. */
export class Inflate {
  constructor() {
    notBundled();
  }
}
