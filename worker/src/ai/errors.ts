// The one place that turns a Workers AI failure (an Error whose message starts with a code) into an HTTP answer.
import { ApiError } from "../http/errors.js";

export function aiErrorCode(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^\s*(?:AiError:\s*)?(\d{4})\s*:/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** The date in "5028: This model was deprecated on 2026-05-30. …", or null. */
export function deprecationDate(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return /deprecated on (\d{4}-\d{2}-\d{2})/.exec(message)?.[1] ?? null;
}

const instead = (replacement: string | undefined) =>
  replacement
    ? ` Use '${replacement}' instead (what this proxy serves for requests that name no model), or see GET /v1/models.`
    : " See GET /v1/models.";

/** A retired model: a 404 naming the date and the replacement, never a 5xx. */
export function modelRetired(model: string, date: string | null, replacement: string | undefined): ApiError {
  const when = date ? ` on ${date}` : "";
  return new ApiError(
    404,
    `The model '${model}' was deprecated by Cloudflare${when} and no longer runs on Workers AI.${instead(replacement)}`,
    "invalid_request_error",
    "model",
    "model_not_found",
  );
}

/** A paid-only model on a Workers Free account (Workers AI 5035). */
export function modelNeedsPaidPlan(model: string, replacement: string | undefined): ApiError {
  return new ApiError(
    403,
    `The model '${model}' requires a Workers Paid plan (Workers AI error 5035); this account is on Workers Free.${instead(replacement)}`,
    "invalid_request_error",
    "model",
    "model_requires_paid_plan",
  );
}

/** `replacement`: the model the proxy would serve instead, named in 404/403 answers about the model itself. */
export function mapAiError(error: unknown, model: string, replacement?: string): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = aiErrorCode(error);
  switch (code) {
    case 3040:
      return new ApiError(
        429,
        `Workers AI is over capacity for ${model}; retry shortly. (${message})`,
        "rate_limit_error",
        null,
        "capacity_exceeded",
        { "retry-after": "2" },
      );
    case 3036:
    case 4006:
      return new ApiError(
        429,
        `The Workers AI daily allocation is used up; it resets at 00:00 UTC. (${message})`,
        "insufficient_quota",
        null,
        "insufficient_quota",
        { "x-should-retry": "false" },
      );
    case 5007:
      return new ApiError(
        404,
        `The model '${model}' does not exist on Workers AI.${instead(replacement)}`,
        "invalid_request_error",
        "model",
        "model_not_found",
      );
    case 5028:
      return modelRetired(model, deprecationDate(error), replacement);
    case 5035:
      return modelNeedsPaidPlan(model, replacement);
    case 5006:
      return new ApiError(
        400,
        `Workers AI rejected the input for ${model}: ${message}`,
        "invalid_request_error",
        null,
        "invalid_model_input",
      );
    case 3006:
      return new ApiError(413, `The request is too large for ${model}. (${message})`, "invalid_request_error", null, "request_too_large");
    case 3007:
    case 3008:
      return new ApiError(504, `Workers AI timed out running ${model}. (${message})`, "server_error", null, "upstream_timeout");
    default:
      return new ApiError(502, `Workers AI failed running ${model}: ${message}`, "server_error", null, "upstream_error");
  }
}
