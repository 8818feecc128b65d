// Cursor lists as OpenAI pages them: `limit` (1–100, default 20), `order`, `after`, `before`; answers carry
// `first_id`, `last_id` and an exact `has_more` (one row more is read to know it).
import { badRequest } from "../http/errors.js";
import { cursorKey } from "./ids.js";
import type { Scan } from "./tables.js";

export interface PageQuery {
  limit: number;
  order: "asc" | "desc";
  after?: string;
  before?: string;
}

export interface Page<T> {
  object: "list";
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export function parsePageQuery(url: URL, defaultOrder: "asc" | "desc" = "desc"): PageQuery {
  const params = url.searchParams;
  const rawLimit = params.get("limit");
  const limit = rawLimit === null || rawLimit === "" ? 20 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw badRequest(`'limit' must be an integer from 1 to 100, got '${rawLimit}'.`, "limit");
  const order = params.get("order") || defaultOrder;
  if (order !== "asc" && order !== "desc") throw badRequest(`'order' must be 'asc' or 'desc', got '${order}'.`, "order");
  return { limit, order, after: params.get("after") || undefined, before: params.get("before") || undefined };
}

/**
 * The scan that answers a page: `after` and `before` are positions in the list's own order. With only
 * `before`, the page is the `limit` items just before the cursor, so the scan runs backwards and is turned round.
 */
export function scanFor(query: PageQuery, tag?: string): { scan: Scan; reverse: boolean } {
  const after = cursorKey(query.after);
  const before = cursorKey(query.before);
  const asc = query.order === "asc";
  const fromCursorBackwards = before !== undefined && after === undefined;
  const scan: Scan = {
    above: asc ? after : before,
    below: asc ? before : after,
    descending: asc === fromCursorBackwards,
    limit: query.limit + 1,
    tag,
  };
  return { scan, reverse: fromCursorBackwards };
}

export function toPage<T extends { id: string }>(rows: T[], query: PageQuery, reverse: boolean): Page<T> {
  const has_more = rows.length > query.limit;
  const data = rows.slice(0, query.limit);
  if (reverse) data.reverse();
  return { object: "list", data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more };
}
