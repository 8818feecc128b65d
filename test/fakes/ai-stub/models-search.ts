// `AI.models(params)`: the catalogue, filtered like GET /accounts/:id/ai/models/search.
import { MODELS, catalogueEntry } from "./catalogue";
import { plannedDeprecation, retiredOn } from "./state";
import type { StubModelInfo, StubModelsParams } from "./types";

/**
 * Only active models are listed (deprecated ones, and those retired at runtime, are not), with their properties.
 * - `task`: task name (case-insensitive, e.g. "Text Generation") or task id;
 * - `author`: the segment after `@cf/` / `@hf/` (e.g. "meta", "openai");
 * - `search`: case-insensitive substring of the name or description;
 * - `source`: 1 for `@cf/` models, 2 for `@hf/` ones;
 * - `hide_experimental`: drops models whose `beta` property is "true";
 * - `per_page` / `page` (1-based): pagination; without `per_page` every match is returned.
 */
export function searchModels(params: StubModelsParams = {}): StubModelInfo[] {
  const p = params ?? {};
  let list = MODELS.filter((m) => !m.deprecated && !retiredOn(m.name)).map((m) => catalogueEntry(m, plannedDeprecation(m.name)));
  if (p.task) {
    const t = p.task.toLowerCase();
    list = list.filter((m) => m.task.name.toLowerCase() === t || m.task.id === p.task);
  }
  if (p.author) {
    const a = p.author.toLowerCase();
    list = list.filter((m) => m.name.split("/")[1]?.toLowerCase() === a);
  }
  if (p.search) {
    const s = p.search.toLowerCase();
    list = list.filter((m) => m.name.toLowerCase().includes(s) || m.description.toLowerCase().includes(s));
  }
  if (p.source !== undefined) list = list.filter((m) => m.source === Number(p.source));
  if (p.hide_experimental) {
    list = list.filter((m) => !m.properties.some((x) => x.property_id === "beta" && x.value === "true"));
  }
  const page = Math.max(1, Math.floor(Number(p.page ?? 1)) || 1);
  if (p.per_page !== undefined) {
    const per = Math.max(1, Math.floor(Number(p.per_page)) || 1);
    return list.slice((page - 1) * per, page * per);
  }
  return page === 1 ? list : [];
}
