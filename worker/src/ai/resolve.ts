// Which model serves a request, given its candidates and the live catalogue. Pure: run.ts and the models routes
// call it with the cached catalogue and what the isolate has learned.
import type { Candidates } from "./aliases.js";
import type { CatalogueIndex } from "./catalogue.js";

export type RetiredOn = (model: string) => string | null | undefined;

/**
 * The order in which to try `candidates`: the ones the catalogue lists first, then the ones it does not list but
 * that are not known to be retired (a model newer than the cached catalogue, or a listing that left it out),
 * keeping the configured order within each group. Known-retired ones are dropped.
 */
export function servingOrder(candidates: Candidates, catalogue: CatalogueIndex, retiredOn: RetiredOn): string[] {
  const usable = candidates.filter((m) => retiredOn(m) === undefined);
  return [...usable.filter((m) => catalogue.has(m)), ...usable.filter((m) => !catalogue.has(m))];
}

/** The model a list resolves to now: its first candidate the catalogue lists (undefined when none is listed). */
export function firstListed(candidates: Candidates, catalogue: CatalogueIndex, retiredOn: RetiredOn): string | undefined {
  return candidates.find((m) => catalogue.has(m) && retiredOn(m) === undefined);
}
