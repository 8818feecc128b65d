// Generation settings shared by every text API (chat, completions, responses, assistants runs), passed to
// Workers AI with their real meaning: no rescaling, and a real max_tokens instead of the models' 256 default.
import { badRequest } from "../http/errors.js";
import { optionalNumber } from "../http/fields.js";

/** Sent when the client sets no limit: Workers AI models otherwise stop at 256 tokens, silently. */
export const DEFAULT_MAX_TOKENS = 2048;
/**
 * Sent instead when the answer is streamed and the client sets no limit (STREAM_MAX_TOKENS overrides it). A
 * stream's CPU grows with its length, and Workers Free stops a request at 10 ms of it, mid-stream (error 1102):
 * bench/worker measured, at 50 tokens a second, 6.2–7.8 ms for a 1,000-token `responses` stream (10.1–10.8 ms at
 * 2,048 tokens in two full runs, 7.3 ms in a third after writes were spread out further: one run, so the limit
 * stays), a rendered chat stream with a stop sequence 3.4–5.8 ms, and a passed-through one 4.4–4.5 ms at 1,000
 * tokens and 4.3–6.1 ms at 2,048. An answer cut here ends as a model's own limit
 * does (finish_reason "length", an incomplete response or run), which clients handle; one cut by the platform
 * ends without a last event. Workers Paid allows 30 s of CPU: set STREAM_MAX_TOKENS there.
 */
export const DEFAULT_STREAM_MAX_TOKENS = 1024;

export interface Sampling {
  maxTokens: number;
  /** Stop sequences, applied by the proxy as well (native models ignore them). */
  stop: string[];
  /** temperature 0 or a seed: the same request gets the same answer, so it may be cached. */
  deterministic: boolean;
  /** The Workers AI inputs these settings become. */
  inputs: Record<string, unknown>;
}

/** Upper bounds of the numeric options (README, limits): no model answers more tokens; Workers AI's own seed range. */
export const MAX_OUTPUT_TOKENS = 1_000_000;
export const MAX_SEED = 9_999_999_999;

export function parseSampling(
  body: Record<string, unknown>,
  maxTokenFields: string[] = ["max_completion_tokens", "max_tokens"],
  defaultMaxTokens = DEFAULT_MAX_TOKENS,
): Sampling {
  let maxTokens: number | undefined;
  for (const field of maxTokenFields) maxTokens ??= optionalNumber(body, field, { min: 1, max: MAX_OUTPUT_TOKENS, integer: true });
  const temperature = optionalNumber(body, "temperature", { min: 0, max: 2 });
  const topP = optionalNumber(body, "top_p", { min: 0, max: 1 });
  const seed = optionalNumber(body, "seed", { integer: true, min: 0, max: MAX_SEED });
  const frequency = optionalNumber(body, "frequency_penalty", { min: -2, max: 2 });
  const presence = optionalNumber(body, "presence_penalty", { min: -2, max: 2 });
  const stop = parseStop(body.stop);
  const inputs: Record<string, unknown> = { max_tokens: maxTokens ?? defaultMaxTokens };
  if (temperature !== undefined) inputs.temperature = temperature;
  if (topP !== undefined) inputs.top_p = topP;
  if (seed !== undefined) inputs.seed = seed;
  if (frequency !== undefined) inputs.frequency_penalty = frequency;
  if (presence !== undefined) inputs.presence_penalty = presence;
  if (stop.length) inputs.stop = stop;
  return { maxTokens: maxTokens ?? defaultMaxTokens, stop, deterministic: temperature === 0 || seed !== undefined, inputs };
}

function parseStop(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length > 4 || list.some((s) => typeof s !== "string" || s === "")) {
    throw badRequest("'stop' must be a non-empty string or an array of up to 4 non-empty strings.", "stop");
  }
  return list as string[];
}
