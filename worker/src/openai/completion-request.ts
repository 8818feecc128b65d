// POST /v1/completions (legacy): validate and translate.
import type { Config } from "../config.js";
import { badRequest } from "../http/errors.js";
import { optionalBoolean, optionalNumber, optionalObject } from "../http/fields.js";
import type { ModelRequest } from "../ai/run.js";
import { resolveModel } from "./model.js";
import { parseSampling, type Sampling } from "./sampling.js";

/** OpenAI's documented default for the legacy endpoint. */
const LEGACY_DEFAULT_MAX_TOKENS = 16;

export interface CompletionRequest {
  model: string;
  modelRequest: ModelRequest;
  requestedModel: string;
  prompt: string;
  inputs: Record<string, unknown>;
  echo: boolean;
  stream: boolean;
  includeUsage: boolean;
  sampling: Sampling;
}

export function parseCompletionRequest(body: Record<string, unknown>, config: Config): CompletionRequest {
  const { model, requested, request: modelRequest } = resolveModel(body, config, config.defaultModel);
  const prompt = parsePrompt(body.prompt);
  for (const field of ["n", "best_of"]) {
    const value = optionalNumber(body, field, { min: 1, max: 128, integer: true });
    if (value !== undefined && value > 1)
      throw badRequest(
        `'${field}' greater than 1 is not supported by this proxy: Workers AI returns one completion per request.`,
        field,
        "unsupported_parameter",
      );
  }
  if (typeof body.suffix === "string" && body.suffix)
    throw badRequest("'suffix' (insertion) is not supported by Workers AI models.", "suffix", "unsupported_parameter");
  const sampling = parseSampling(body, ["max_tokens"], LEGACY_DEFAULT_MAX_TOKENS);
  const streamOptions = optionalObject(body, "stream_options");
  return {
    model,
    modelRequest,
    requestedModel: requested,
    prompt,
    inputs: { prompt, ...sampling.inputs },
    echo: optionalBoolean(body, "echo") ?? false,
    stream: optionalBoolean(body, "stream") ?? false,
    includeUsage: streamOptions ? (optionalBoolean(streamOptions, "include_usage", "stream_options.include_usage") ?? false) : false,
    sampling,
  };
}

function parsePrompt(value: unknown): string {
  if (value === undefined || value === null) throw badRequest("'prompt' is required.", "prompt");
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === "string") return value[0];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    throw badRequest(
      "'prompt' with several prompts is not supported by this proxy; send one request per prompt.",
      "prompt",
      "unsupported_parameter",
    );
  }
  throw badRequest("'prompt' must be a string: token arrays cannot be sent to Workers AI models.", "prompt");
}
