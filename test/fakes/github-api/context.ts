// What a route handler gets, and the pieces every handler shares: pagination with GitHub's Link header,
// JSON body access, and the account objects GitHub embeds (user, creator).
import type { FakeReply, RecordedRequest } from "../http-fake.js";
import { authorize, type Need } from "./auth.js";
import { ApiError } from "./errors.js";
import type { Account, GitHubState, TokenGrant } from "./state.js";

export interface Ctx {
  req: RecordedRequest;
  state: GitHubState;
  /** The fake's origin, e.g. http://127.0.0.1:41234 (API URLs in answers point here, like GHES's do). */
  origin: string;
  /** Where html_url links point, e.g. https://github.com */
  serverUrl: string;
  /** `${origin}/repos/{owner}/{repo}` */
  repoApi: string;
  /** The path after the repository prefix, e.g. /issues/7/comments */
  subpath: string;
  /** The caller; undefined for an anonymous request. */
  grant: TokenGrant | undefined;
  /** Captures of the route pattern. */
  params: string[];
  /** The endpoint's documentation_url, used in its errors. */
  doc: string;
}

export type RouteHandler = (ctx: Ctx) => FakeReply;

export interface Route {
  method: string;
  /** Matched against Ctx.subpath. */
  pattern: RegExp;
  doc: string;
  handler: RouteHandler;
}

export function need(ctx: Ctx, needs: Need): void {
  authorize(ctx.grant, needs, ctx.doc);
}

/** The JSON object body; GitHub answers 400 "Problems parsing JSON" for anything else. */
export function jsonBody(ctx: Ctx): Record<string, unknown> {
  if (ctx.req.body.length === 0) return {};
  const json = ctx.req.json ?? tryParse(ctx.req.body.toString("utf8"));
  if (json === undefined || json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new ApiError(400, "Problems parsing JSON", ctx.doc);
  }
  return json as Record<string, unknown>;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

/**
 * One page of `items` (per_page default 30, at most 100; page from 1) and GitHub's Link header when there is
 * more than one page: `<…page=N>; rel="prev", <…>; rel="next", <…>; rel="last", <…>; rel="first"`, each URL
 * in the `/repositories/{id}/…` form GitHub uses, keeping the other query parameters.
 */
export function paginate<T>(ctx: Ctx, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPageAsked = Number.parseInt(ctx.req.query.per_page ?? "", 10);
  const perPage = Number.isFinite(perPageAsked) && perPageAsked > 0 ? Math.min(perPageAsked, MAX_PER_PAGE) : DEFAULT_PER_PAGE;
  const pageAsked = Number.parseInt(ctx.req.query.page ?? "", 10);
  const page = Number.isFinite(pageAsked) && pageAsked > 0 ? pageAsked : 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (last === 1 && page === 1) return { page: slice, headers: {} };

  const base = `${ctx.origin}/repositories/${ctx.state.repoId}${ctx.subpath}`;
  const others = Object.entries(ctx.req.query).filter(([key]) => key !== "page");
  const url = (n: number) => `${base}?${new URLSearchParams([...others, ["page", String(n)]]).toString()}`;
  const links: string[] = [];
  if (page > 1) links.push(`<${url(Math.min(page - 1, last))}>; rel="prev"`);
  if (page < last) links.push(`<${url(page + 1)}>; rel="next"`, `<${url(last)}>; rel="last"`);
  if (page > 1) links.push(`<${url(1)}>; rel="first"`);
  return { page: slice, headers: { link: links.join(", ") } };
}

/** A node_id in GitHub's newer `PREFIX_kwDO…` shape (opaque to clients). */
export const nodeId = (prefix: string, id: number) => `${prefix}_kwDO${Buffer.from(`${id}`).toString("base64url")}`;

/** GitHub's simple-user object for an account. */
export function accountJson(ctx: Ctx, account: Account) {
  const api = `${ctx.origin}/users/${encodeURIComponent(account.login)}`;
  const bot = account.type === "Bot";
  return {
    login: account.login,
    id: account.id,
    node_id: bot ? `BOT_kgDO${Buffer.from(`${account.id}`).toString("base64url")}` : nodeId("U", account.id),
    avatar_url: bot ? "https://avatars.githubusercontent.com/in/15368?v=4" : `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: bot ? `${ctx.serverUrl}/apps/${account.login.replace(/\[bot\]$/, "")}` : `${ctx.serverUrl}/${account.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** Parses a numeric path segment; anything else is a 404 as on GitHub. */
export function idParam(ctx: Ctx, index: number): number {
  const value = ctx.params[index];
  if (!/^\d{1,15}$/.test(value ?? "")) throw new ApiError(404, "Not Found", ctx.doc);
  return Number(value);
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({ status, body, headers });
