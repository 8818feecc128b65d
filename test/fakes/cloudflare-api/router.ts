// A small method + path-pattern router for the API paths below /client/v4.
import type { FakeReply, RecordedRequest } from "../http-fake.js";
import type { AccountState, FakeCloudflareState } from "./state.js";

export interface Ctx {
  req: RecordedRequest;
  /** Path below /client/v4, e.g. /accounts/abc/storage/kv/namespaces */
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  state: FakeCloudflareState;
  /** Set when the route has an :account parameter (the server resolves it before the handler runs). */
  account: AccountState;
  /** `wrangler` when the client is wrangler (User-Agent), else `api`: what the API records as a version's source. */
  source: string;
}

export type RouteHandler = (ctx: Ctx) => FakeReply | Promise<FakeReply>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

export type RouteMatch =
  | { kind: "found"; handler: RouteHandler; params: Record<string, string> }
  | { kind: "method-not-allowed" }
  | { kind: "none" };

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { kind: "found", handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? { kind: "method-not-allowed" } : { kind: "none" };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith(":")) {
      try {
        params[p.slice(1)] = decodeURIComponent(parts[i]!);
      } catch {
        params[p.slice(1)] = parts[i]!;
      }
    } else if (p !== parts[i]) return undefined;
  }
  return params;
}
