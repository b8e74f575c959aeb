import { CatalogueIntegrityError, catalogueProblems } from "./integrity";
import type { CatalogueInput } from "./schema";
import { CatalogueSchema } from "./schema";
import type { LoadedCatalogue } from "./index";
import { shapeCatalogue } from "./index";

// Reading a form definition that comes from outside the code (a file, a sheet): checked by its zod schema here, the
// one place that loads zod, so that tools using only the built-in catalogue start without it.

export * from "./schema";

/** Parses a catalogue with its zod schema, checks its integrity, and builds its lookups. */
export function loadCatalogue(input: CatalogueInput): LoadedCatalogue {
  const checked = CatalogueSchema.parse(input);
  const problems = catalogueProblems(checked);
  if (problems.length) throw new CatalogueIntegrityError(problems);
  return shapeCatalogue(checked);
}
