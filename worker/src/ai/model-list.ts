// GET /v1/models as the proxy shows it: the active catalogue entries and the aliases whose candidates resolve,
// with the fields clients read when present (context window, capabilities). Pure.
import type { Config } from "../config.js";
import type { CatalogueIndex, ModelFacts } from "./catalogue.js";
import { firstListed, type RetiredOn } from "./resolve.js";

export interface OpenAiModel {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
  /** The context window in tokens (`context_length` too, the name OpenRouter-style clients read). */
  context_window?: number;
  context_length?: number;
  capabilities: { tools: boolean; function_calling: boolean; vision: boolean; reasoning: boolean };
  /** Workers AI's task ("Text Generation", "Text Embeddings", …). */
  task?: string;
  /** Only on Workers Paid (Workers AI answers 5035 on Free). */
  requires_workers_paid?: true;
  /** Cloudflare's announced retirement date. */
  planned_deprecation_date?: string;
  /** Aliases: the Workers AI model serving the alias now, and the candidates it would move to. */
  resolves_to?: string;
  candidates?: readonly string[];
}

const ownerOf = (model: string) => model.split("/")[1] ?? "cloudflare";

function describe(id: string, m: ModelFacts, owner: string): OpenAiModel {
  return {
    id,
    object: "model",
    created: m.created,
    owned_by: owner,
    ...(m.contextWindow ? { context_window: m.contextWindow, context_length: m.contextWindow } : {}),
    capabilities: { tools: m.functionCalling, function_calling: m.functionCalling, vision: m.vision, reasoning: m.reasoning },
    ...(m.task ? { task: m.task } : {}),
    ...(m.paidOnly ? { requires_workers_paid: true as const } : {}),
    ...(m.plannedDeprecation ? { planned_deprecation_date: m.plannedDeprecation } : {}),
  };
}

export function toOpenAiModels(models: readonly ModelFacts[], index: CatalogueIndex, config: Config, retiredOn: RetiredOn): OpenAiModel[] {
  const list = models.filter((m) => retiredOn(m.name) === undefined).map((m) => describe(m.name, m, ownerOf(m.name)));
  const known = new Set(list.map((m) => m.id));
  for (const [alias, candidates] of config.aliases) {
    if (known.has(alias)) continue;
    const target = firstListed(candidates, index, retiredOn);
    // An alias none of whose candidates is listed would not answer: it is not offered.
    if (!target) continue;
    list.push({ ...describe(alias, index.get(target)!, ownerOf(target)), resolves_to: target, candidates });
  }
  return list;
}
