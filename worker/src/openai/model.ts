// Which Workers AI model a request means: an alias, a Workers AI id, or the configured default.
import { isWorkersAiModel } from "../ai/aliases.js";
import type { Config } from "../config.js";
import { notFound } from "../http/errors.js";
import { optionalString } from "../http/fields.js";

export function resolveModel(body: Record<string, unknown>, config: Config, fallback: string): { model: string; requested: string } {
  const requested = optionalString(body, "model")?.trim() || fallback;
  const model = config.aliases.get(requested)?.[0] ?? requested;
  if (!isWorkersAiModel(model)) {
    throw notFound(`The model '${requested}' does not exist. Use a Workers AI model id (@cf/…) or one of the aliases listed by GET /v1/models.`, "model", "model_not_found");
  }
  return { model, requested };
}
