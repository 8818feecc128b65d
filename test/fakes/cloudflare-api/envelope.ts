// Cloudflare's v4 answer envelope, its error shape and its page-based pagination.
// Every JSON answer of the fake goes through here, so the shape stays the same everywhere:
//   { success, errors: [{ code, message, error_chain? }], messages: [], result, result_info? }
import type { FakeReply } from "../http-fake.js";

export interface ApiMessage {
  code: number;
  message: string;
  error_chain?: ApiMessage[];
  type?: string | null;
}

export interface ResultInfo {
  page: number;
  per_page: number;
  count: number;
  total_count: number;
  total_pages: number;
}

/** Thrown by handlers; the server turns it into an error envelope with this HTTP status. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiMessage[],
    readonly headers?: Record<string, string>,
  ) {
    super(errors.map((e) => `${e.message} [code: ${e.code}]`).join("; "));
  }
}

/** Shortcut: `throw apiError(404, 10007, "workers.api.error.script_not_found")`. */
export function apiError(status: number, code: number, message: string, chain?: ApiMessage[]): ApiFailure {
  return new ApiFailure(status, [chain ? { code, message, error_chain: chain } : { code, message }]);
}

export function ok(result: unknown, extra: { result_info?: unknown; messages?: ApiMessage[]; status?: number } = {}): FakeReply {
  const body: Record<string, unknown> = { success: true, errors: [], messages: extra.messages ?? [], result };
  if (extra.result_info !== undefined) body.result_info = extra.result_info;
  return { status: extra.status ?? 200, body };
}

export function failureReply(failure: ApiFailure): FakeReply {
  return { status: failure.status, headers: failure.headers, body: { success: false, errors: failure.errors, messages: [], result: null } };
}

/** Default code and message of an injected fault when the test gives none (what Cloudflare sends for these statuses). */
export function faultBody(status: number, code: number | undefined, message: string | undefined): unknown {
  const defaults: Record<number, [number, string]> = {
    400: [10001, "Bad request"],
    401: [10000, "Authentication error"],
    403: [10000, "Authentication error"],
    404: [7003, "Could not route to the requested resource, perhaps your object identifier is invalid?"],
    409: [10010, "Conflict"],
    429: [971, "Please wait and consider throttling your request speed"],
  };
  const [defaultCode, defaultMessage] = defaults[status] ?? [10002, status >= 500 ? "Internal server error" : `HTTP ${status}`];
  return { success: false, errors: [{ code: code ?? defaultCode, message: message ?? defaultMessage }], messages: [], result: null };
}

export interface PageLimits {
  defaultPerPage: number;
  maxPerPage: number;
  minPerPage?: number;
}

/**
 * Page-based pagination as the v4 list endpoints do it: `page` from 1, `per_page` clamped to the
 * endpoint's limits; a page past the end is an empty `result` with the same totals (so clients that
 * stop on an empty page, like the SDK, and clients that compare page * per_page with total_count,
 * like wrangler's fetchPagedListResult, both terminate).
 */
export function paginate<T>(
  items: readonly T[],
  query: Record<string, string>,
  limits: PageLimits,
): { result: T[]; result_info: ResultInfo } {
  const asInt = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined);
  const page = Math.max(1, asInt(query.page) ?? 1);
  const requested = asInt(query.per_page) ?? limits.defaultPerPage;
  const perPage = Math.min(limits.maxPerPage, Math.max(limits.minPerPage ?? 1, requested));
  const start = (page - 1) * perPage;
  const result = items.slice(start, start + perPage);
  return {
    result,
    result_info: {
      page,
      per_page: perPage,
      count: result.length,
      total_count: items.length,
      total_pages: Math.ceil(items.length / perPage),
    },
  };
}

/** Sorts by a field when `order` names an allowed one; `direction=desc` reverses. Without `order` the stored order stays. */
export function sortBy<T>(items: readonly T[], query: Record<string, string>, allowed: readonly (keyof T & string)[]): T[] {
  const sorted = [...items];
  const field = allowed.find((f) => f === query.order);
  if (field) sorted.sort((a, b) => String(a[field]).localeCompare(String(b[field]), "en"));
  if (query.direction === "desc") sorted.reverse();
  return sorted;
}

/** The request body as JSON, whatever content-type the client declared (wrangler omits it on some calls). */
export function jsonBody(request: { json?: unknown; body: Buffer }): unknown {
  if (request.json !== undefined) return request.json;
  if (!request.body.length) return undefined;
  try {
    return JSON.parse(request.body.toString("utf8"));
  } catch {
    throw apiError(400, 6007, "Malformed JSON in request body");
  }
}
