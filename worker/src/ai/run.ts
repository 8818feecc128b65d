// Calling Workers AI: through AI Gateway when configured, falling back to other models on capacity errors,
// and turning every failure into an OpenAI-shaped ApiError.
import type { Config } from "../config.js";
import type { AiRunOptions, Env } from "../env.js";
import { isCapacityError, mapAiError } from "./errors.js";

export interface RunOutcome {
  /** The model that answered (a fallback model when the requested one was over capacity). */
  model: string;
  output: unknown;
}

export async function runModel(env: Env, config: Config, model: string, inputs: Record<string, unknown>, useFallbacks = true): Promise<RunOutcome> {
  const options: AiRunOptions | undefined = config.gatewayId ? { gateway: { id: config.gatewayId } } : undefined;
  const candidates = useFallbacks ? [model, ...config.fallbackModels.filter((m) => m !== model)] : [model];
  let lastError: unknown;
  for (const candidate of candidates) {
    try {
      return { model: candidate, output: await env.AI.run(candidate, inputs, options) };
    } catch (error) {
      lastError = error;
      if (!isCapacityError(error)) throw mapAiError(error, candidate);
    }
  }
  throw mapAiError(lastError, model);
}
