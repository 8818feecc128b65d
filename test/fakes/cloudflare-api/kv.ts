// Workers KV: namespaces (list/create/get/rename/delete) and enough of keys and values for wrangler and tests.
import { parseMultipart } from "../http-fake.js";
import { apiError, jsonBody, ok, paginate, sortBy } from "./envelope.js";
import type { Ctx, Router } from "./router.js";
import { hex32, type AccountState, type KvNamespace, type KvValue } from "./state.js";

export const KV_DUPLICATE_TITLE = { code: 10014, message: "a namespace with this account ID and title already exists" } as const;
export const KV_NAMESPACE_NOT_FOUND = { code: 10013, message: "namespace not found" } as const;

export const namespaceResource = (ns: KvNamespace) => ({ id: ns.id, title: ns.title, supports_url_encoding: ns.supports_url_encoding });

export function addNamespace(account: AccountState, title: string, created_on: string, id = hex32()): KvNamespace {
  const ns: KvNamespace = { id, title, supports_url_encoding: true, created_on, values: new Map() };
  account.namespaces.set(id, ns);
  return ns;
}

function namespaceOf(ctx: Ctx): KvNamespace {
  const ns = ctx.account.namespaces.get(ctx.params.namespace!);
  if (!ns) throw apiError(404, KV_NAMESPACE_NOT_FOUND.code, KV_NAMESPACE_NOT_FOUND.message);
  return ns;
}

function titleFrom(ctx: Ctx, except?: string): string {
  const body = jsonBody(ctx.req) as { title?: unknown } | undefined;
  const title = body?.title;
  if (typeof title !== "string" || title.trim() === "") throw apiError(400, 10019, "title is required");
  if (title.length > 512) throw apiError(400, 10019, "title must be at most 512 characters");
  for (const ns of ctx.account.namespaces.values()) {
    if (ns.title === title && ns.id !== except) throw apiError(400, KV_DUPLICATE_TITLE.code, KV_DUPLICATE_TITLE.message);
  }
  return title;
}

const live = (value: KvValue | undefined): value is KvValue =>
  !!value && (value.expiration === undefined || value.expiration * 1000 > Date.now());

function expirationFrom(expiration: unknown, ttl: unknown): number | undefined {
  if (ttl !== undefined && ttl !== "") return Math.floor(Date.now() / 1000) + Number(ttl);
  if (expiration !== undefined && expiration !== "") return Number(expiration);
  return undefined;
}

interface BulkPair {
  key: string;
  value: string;
  base64?: boolean;
  expiration?: number;
  expiration_ttl?: number;
  metadata?: unknown;
}

export function registerKvRoutes(router: Router, limits: { maxPerPage: number }): void {
  const base = "/accounts/:account/storage/kv/namespaces";
  router
    .on("GET", base, ({ account, query }) => {
      const sorted = sortBy([...account.namespaces.values()].map(namespaceResource), query, ["id", "title"]);
      const { result, result_info } = paginate(sorted, query, { defaultPerPage: 20, maxPerPage: limits.maxPerPage, minPerPage: 5 });
      return ok(result, { result_info });
    })
    .on("POST", base, (ctx) => ok(namespaceResource(addNamespace(ctx.account, titleFrom(ctx), ctx.state.now()))))
    .on("GET", `${base}/:namespace`, (ctx) => ok(namespaceResource(namespaceOf(ctx))))
    .on("PUT", `${base}/:namespace`, (ctx) => {
      const ns = namespaceOf(ctx);
      ns.title = titleFrom(ctx, ns.id);
      return ok(namespaceResource(ns));
    })
    .on("DELETE", `${base}/:namespace`, (ctx) => {
      ctx.account.namespaces.delete(namespaceOf(ctx).id);
      return ok({});
    })
    .on("GET", `${base}/:namespace/keys`, (ctx) => {
      const ns = namespaceOf(ctx);
      const limit = Math.min(1000, Math.max(10, Number(ctx.query.limit ?? 1000) || 1000));
      const start = ctx.query.cursor ? Number(Buffer.from(ctx.query.cursor, "base64url").toString("utf8")) || 0 : 0;
      const names = [...ns.values.entries()]
        .filter(([name, value]) => live(value) && name.startsWith(ctx.query.prefix ?? ""))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const page = names.slice(start, start + limit).map(([name, value]) => ({
        name,
        ...(value.expiration !== undefined && { expiration: value.expiration }),
        ...(value.metadata !== undefined && { metadata: value.metadata }),
      }));
      const next = start + limit < names.length ? Buffer.from(String(start + limit)).toString("base64url") : "";
      return ok(page, { result_info: { count: page.length, cursor: next } });
    })
    .on("GET", `${base}/:namespace/values/:key`, (ctx) => {
      const value = namespaceOf(ctx).values.get(ctx.params.key!);
      if (!live(value)) throw apiError(404, 10009, "get: 'key not found'");
      const headers: Record<string, string> = { "content-type": "application/octet-stream" };
      if (value.expiration !== undefined) headers.expiration = String(value.expiration);
      return { status: 200, headers, body: value.value };
    })
    .on("GET", `${base}/:namespace/metadata/:key`, (ctx) => {
      const value = namespaceOf(ctx).values.get(ctx.params.key!);
      if (!live(value)) throw apiError(404, 10009, "get: 'key not found'");
      return ok(value.metadata ?? null);
    })
    .on("PUT", `${base}/:namespace/values/:key`, (ctx) => {
      const ns = namespaceOf(ctx);
      const contentType = ctx.req.headers["content-type"] ?? "";
      let value = ctx.req.body;
      let metadata: unknown;
      if (contentType.startsWith("multipart/form-data")) {
        const parts = parseMultipart(ctx.req.body, contentType);
        value = parts.find((p) => p.name === "value")?.data ?? Buffer.alloc(0);
        const meta = parts.find((p) => p.name === "metadata")?.data.toString("utf8");
        metadata = meta ? JSON.parse(meta) : undefined;
      }
      ns.values.set(ctx.params.key!, {
        value: Buffer.from(value),
        metadata,
        expiration: expirationFrom(ctx.query.expiration, ctx.query.expiration_ttl),
      });
      return ok({});
    })
    .on("DELETE", `${base}/:namespace/values/:key`, (ctx) => {
      namespaceOf(ctx).values.delete(ctx.params.key!);
      return ok({});
    })
    .on("PUT", `${base}/:namespace/bulk`, (ctx) => {
      const ns = namespaceOf(ctx);
      const pairs = jsonBody(ctx.req);
      if (!Array.isArray(pairs)) throw apiError(400, 10026, "request body must be an array of key-value pairs");
      if (pairs.length > 10_000) throw apiError(413, 10026, "at most 10000 key-value pairs per request");
      for (const pair of pairs as BulkPair[]) {
        const value = pair.base64 ? Buffer.from(pair.value, "base64") : Buffer.from(String(pair.value), "utf8");
        ns.values.set(String(pair.key), {
          value,
          metadata: pair.metadata,
          expiration: expirationFrom(pair.expiration, pair.expiration_ttl),
        });
      }
      return ok({ successful_key_count: pairs.length, unsuccessful_keys: [] });
    });
  const bulkDelete = (ctx: Ctx) => {
    const ns = namespaceOf(ctx);
    const keys = jsonBody(ctx.req);
    if (!Array.isArray(keys)) throw apiError(400, 10026, "request body must be an array of keys");
    for (const key of keys) ns.values.delete(String(key));
    return ok({ successful_key_count: keys.length, unsuccessful_keys: [] });
  };
  router
    .on("DELETE", `${base}/:namespace/bulk`, bulkDelete)
    .on("POST", `${base}/:namespace/bulk/delete`, bulkDelete)
    .on("POST", `${base}/:namespace/bulk/get`, (ctx) => {
      const ns = namespaceOf(ctx);
      const body = jsonBody(ctx.req) as { keys?: unknown; type?: string; withMetadata?: boolean } | undefined;
      if (!Array.isArray(body?.keys)) throw apiError(400, 10026, "keys is required");
      const values: Record<string, unknown> = {};
      for (const key of body.keys.map(String)) {
        const stored = ns.values.get(key);
        if (!live(stored)) {
          values[key] = null;
          continue;
        }
        const text = stored.value.toString("utf8");
        const value = body.type === "json" ? JSON.parse(text) : text;
        values[key] = body.withMetadata
          ? { value, metadata: stored.metadata ?? null, ...(stored.expiration !== undefined && { expiration: stored.expiration }) }
          : value;
      }
      return ok({ values });
    });
}
