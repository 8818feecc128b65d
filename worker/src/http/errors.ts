// Every non-2xx answer is an OpenAI error body; this is the one place that makes them.

export type ErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "insufficient_quota"
  | "server_error"
  | "api_error";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: ErrorType = status >= 500 ? "server_error" : "invalid_request_error",
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string, param: string | null = null, code: string | null = null) =>
  new ApiError(400, message, "invalid_request_error", param, code);
export const notFound = (message: string, param: string | null = null, code: string | null = null) =>
  new ApiError(404, message, "invalid_request_error", param, code);

export function errorResponse(error: ApiError, extraHeaders: Record<string, string> = {}): Response {
  const body = { error: { message: error.message, type: error.type, param: error.param, code: error.code } };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { "content-type": "application/json", ...error.headers, ...extraHeaders },
  });
}

/** Anything thrown that is not an ApiError is our bug: answer 500 in OpenAI's shape, never with a stack. */
export function toApiError(error: unknown, caller?: string): ApiError {
  if (error instanceof ApiError) return error;
  // The caller is named by project and key name, never by its key.
  console.error(caller ? `unhandled error (${caller})` : "unhandled error", error);
  return new ApiError(500, "The proxy failed to handle this request.", "server_error", null, "internal_error");
}
