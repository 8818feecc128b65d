// The one place that turns a Workers AI failure (an Error whose message starts with a code) into an HTTP answer.
import { ApiError } from "../http/errors.js";

export function aiErrorCode(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^\s*(?:AiError:\s*)?(\d{4})\s*:/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Capacity errors: worth trying a fallback model or again a moment later. */
export const isCapacityError = (error: unknown) => aiErrorCode(error) === 3040;

export function mapAiError(error: unknown, model: string): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = aiErrorCode(error);
  switch (code) {
    case 3040:
      return new ApiError(429, `Workers AI is over capacity for ${model}; retry shortly. (${message})`, "rate_limit_error", null, "capacity_exceeded", { "retry-after": "2" });
    case 3036:
    case 4006:
      return new ApiError(429, `The Workers AI daily allocation is used up; it resets at 00:00 UTC. (${message})`, "insufficient_quota", null, "insufficient_quota", { "x-should-retry": "false" });
    case 5007:
      return new ApiError(404, `The model '${model}' does not exist on Workers AI.`, "invalid_request_error", "model", "model_not_found");
    case 5006:
      return new ApiError(400, `Workers AI rejected the input for ${model}: ${message}`, "invalid_request_error", null, "invalid_model_input");
    case 3006:
      return new ApiError(413, `The request is too large for ${model}. (${message})`, "invalid_request_error", null, "request_too_large");
    case 3007:
    case 3008:
      return new ApiError(504, `Workers AI timed out running ${model}. (${message})`, "server_error", null, "upstream_timeout");
    default:
      return new ApiError(502, `Workers AI failed running ${model}: ${message}`, "server_error", null, "upstream_error");
  }
}
