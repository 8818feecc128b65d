// Which Workers AI models a request means: an alias (an ordered list of candidates), a Workers AI id, or the
// API's default list. Which candidate serves is decided against the live catalogue when the model is called
// (ai/run.ts), so that a retired model gives way to the next candidate without a redeploy.
import type { Candidates } from "../ai/aliases.js";
import { isWorkersAiModel } from "../ai/aliases.js";
import type { ModelRequest } from "../ai/run.js";
import type { Config } from "../config.js";
import { notFound } from "../http/errors.js";
import { optionalString } from "../http/fields.js";

export interface ResolvedModel {
  /** The first candidate (what serves when the catalogue lists it). */
  model: string;
  /** The name the client asked for (or, with none, the default's first candidate), echoed back in `model`. */
  requested: string;
  request: ModelRequest;
}

/**
 * `fallback` names the API's default when the body has no model: `config.defaultModel` (chat),
 * `config.defaultEmbeddingModel`, or an alias such as "whisper-1". Aliases are looked up in a Map, so names such
 * as "constructor" or "__proto__" are simply unknown.
 */
export function resolveModel(body: Record<string, unknown>, config: Config, fallback: string): ResolvedModel {
  const given = optionalString(body, "model")?.trim();
  const defaults = defaultList(config, fallback);
  if (!given)
    return { model: defaults[0], requested: fallback, request: { candidates: defaults, explicit: false, replacements: defaults } };
  if (isWorkersAiModel(given))
    return { model: given, requested: given, request: { candidates: [given], explicit: true, replacements: defaults } };
  const alias = config.aliases.get(given);
  if (!alias) {
    throw notFound(
      `The model '${given}' does not exist. Use a Workers AI model id (@cf/…) or one of the aliases listed by GET /v1/models.`,
      "model",
      "model_not_found",
    );
  }
  return { model: alias[0], requested: given, request: { candidates: alias, explicit: false, replacements: defaults } };
}

function defaultList(config: Config, fallback: string): Candidates {
  if (fallback === config.defaultModel) return config.models.defaultChat;
  if (fallback === config.defaultEmbeddingModel) return config.models.defaultEmbedding;
  return config.aliases.get(fallback) ?? [fallback];
}
