// A fake Cloudflare v4 API on 127.0.0.1 for wrangler (CLOUDFLARE_API_BASE_URL=apiBase) and the `cloudflare`
// SDK (baseURL: apiBase): envelope, auth, pagination, error codes and state as the real API keeps them.
//
//   const cf = await startFakeCloudflare({ kvNamespaces: 2500 });
//   const sdk = new Cloudflare({ apiToken: cf.token, baseURL: cf.apiBase });
//   cf.inject({ method: "POST", path: "/accounts/" + cf.accountId + "/storage/kv/namespaces", status: 429, headers: { "retry-after": "0" }, times: 2 });
//   ...; expect(cf.state.namespaces().length).toBe(2501); await cf.close();
import { HttpFake, type Fault, type FakeReply, type RecordedRequest } from "../http-fake.js";
import { registerAccountRoutes } from "./accounts.js";
import { createAiCatalogue, registerAiRoutes, type FakeAiCatalogue } from "./ai.js";
import { checkAuth } from "./auth.js";
import { ApiFailure, apiError, failureReply, faultBody } from "./envelope.js";
import { addNamespace, registerKvRoutes } from "./kv.js";
import { Router, type Ctx } from "./router.js";
import { createState, hex32, newAccount, type FakeCloudflareState } from "./state.js";
import { registerPreviewRoutes } from "./workers-previews.js";
import { registerScriptRoutes } from "./workers-scripts.js";
import { registerSecretRoutes } from "./workers-secrets.js";
import { registerVersionRoutes } from "./workers-versions.js";

export const API_PREFIX = "/client/v4";
export const DEFAULT_TOKEN = "fAkEcLoUdFlArEaPiToKeN0123456789abcdefXY";
export const DEFAULT_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

export interface FakeCloudflareOptions {
  /** The one API token the fake accepts (default DEFAULT_TOKEN, 40 characters like real tokens). */
  token?: string;
  /** 32 hex characters (default DEFAULT_ACCOUNT_ID). */
  accountId?: string;
  accountName?: string;
  email?: string;
  /** The account's workers.dev subdomain (default "fake-account"); null: none registered. */
  workersSubdomain?: string | null;
  /** KV namespaces that exist before the test: a count (titles preexisting-00001…) or titles / {title, id}. */
  kvNamespaces?: number | (string | { title: string; id?: string })[];
  /** Largest per_page the KV namespace list honours (default 1000; larger requests are clamped). */
  maxPerPage?: number;
  /** More accounts the token can use (they appear in /memberships and /accounts). */
  extraAccounts?: { id?: string; name: string; workersSubdomain?: string | null }[];
  port?: number;
}

export interface Exchange {
  request: RecordedRequest;
  reply: FakeReply;
}

export interface FakeCloudflare {
  origin: string;
  /** origin + /client/v4: CLOUDFLARE_API_BASE_URL for wrangler, baseURL for the SDK. */
  apiBase: string;
  accountId: string;
  token: string;
  state: FakeCloudflareState;
  /** The Workers AI catalogue the model search answers from (ai.ts). */
  ai: FakeAiCatalogue;
  requests: RecordedRequest[];
  /** Every routed request with the fake's answer (injected faults excluded), for checking answers against the OpenAPI subset. */
  exchanges: Exchange[];
  /** Paths may be given below /client/v4 (e.g. /accounts/…/storage/kv/namespaces) or in full. */
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Requests by method and path; a string may omit /client/v4, a RegExp is tested against the path below /client/v4. */
  find(method: string, path: string | RegExp): RecordedRequest[];
  close(): Promise<void>;
}

const apiPathOf = (path: string) => (path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : undefined);

async function dispatch(router: Router, state: FakeCloudflareState, req: RecordedRequest): Promise<FakeReply> {
  const apiPath = apiPathOf(req.path);
  if (apiPath === undefined) return failureReply(apiError(404, 7000, "No route for that URI"));
  const denied = checkAuth(req, state, apiPath);
  if (denied) return failureReply(denied);
  const routed = router.match(req.method, apiPath);
  if (routed.kind === "none") {
    return failureReply(
      new ApiFailure(400, [
        { code: 7003, message: `Could not route to ${req.path}, perhaps your object identifier is invalid?` },
        { code: 7000, message: "No route for that URI" },
      ]),
    );
  }
  if (routed.kind === "method-not-allowed") {
    return failureReply(apiError(405, 10000, `${req.method} method not allowed for the api_token authentication scheme`));
  }
  const accountId = routed.params.account;
  const account = accountId === undefined ? state.account() : state.accounts.get(accountId);
  if (!account) {
    return failureReply(
      new ApiFailure(404, [
        { code: 7003, message: `Could not route to ${req.path}, perhaps your object identifier is invalid?` },
        { code: 7000, message: "No route for that URI" },
      ]),
    );
  }
  const ctx: Ctx = {
    req,
    path: apiPath,
    params: routed.params,
    query: req.query,
    state,
    account,
    source: /^wrangler\//i.test(req.headers["user-agent"] ?? "") ? "wrangler" : "api",
  };
  try {
    return await routed.handler(ctx);
  } catch (error) {
    if (error instanceof ApiFailure) return failureReply(error);
    throw error;
  }
}

export async function startFakeCloudflare(options: FakeCloudflareOptions = {}): Promise<FakeCloudflare> {
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const state = createState({
    token: options.token ?? DEFAULT_TOKEN,
    email: options.email ?? "ci@example.com",
    accountId,
    accountName: options.accountName ?? "Fake Account",
    workersSubdomain: options.workersSubdomain === undefined ? "fake-account" : options.workersSubdomain,
  });
  for (const extra of options.extraAccounts ?? []) {
    const id = extra.id ?? hex32();
    state.accounts.set(id, newAccount(id, extra.name, extra.workersSubdomain ?? null, state.now()));
  }
  const seed = options.kvNamespaces ?? [];
  const titles: (string | { title: string; id?: string })[] =
    typeof seed === "number" ? Array.from({ length: seed }, (_, i) => `preexisting-${String(i + 1).padStart(5, "0")}`) : seed;
  for (const entry of titles) {
    const { title, id } = typeof entry === "string" ? { title: entry, id: undefined } : entry;
    addNamespace(state.account(), title, state.now(), id);
  }

  const router = new Router();
  registerAccountRoutes(router);
  registerKvRoutes(router, { maxPerPage: options.maxPerPage ?? 1000 });
  registerScriptRoutes(router);
  registerPreviewRoutes(router);
  registerVersionRoutes(router);
  registerSecretRoutes(router);
  const ai = createAiCatalogue();
  registerAiRoutes(router, ai);

  const exchanges: Exchange[] = [];
  const fake = new HttpFake(async (req) => {
    const reply = await dispatch(router, state, req);
    exchanges.push({ request: req, reply });
    return reply;
  }, faultBody);
  const origin = await fake.start(options.port);
  const full = (path: string) => (path.startsWith(`${API_PREFIX}/`) ? path : `${API_PREFIX}${path}`);
  return {
    origin,
    apiBase: `${origin}${API_PREFIX}`,
    accountId,
    token: state.token,
    state,
    ai,
    requests: fake.requests,
    exchanges,
    inject: (fault) => fake.inject(typeof fault.path === "string" ? { ...fault, path: full(fault.path) } : fault),
    clearFaults: () => fake.clearFaults(),
    find: (method, path) =>
      typeof path === "string"
        ? fake.find(method, full(path))
        : fake.requests.filter((r) => r.method === method && path.test(apiPathOf(r.path) ?? r.path)),
    close: () => fake.close(),
  };
}
