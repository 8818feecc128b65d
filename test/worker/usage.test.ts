// Usage accounting, the Usage API and budgets, against the stub: what the ledger says is what the stub did.
import { env } from "cloudflare:workers";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { API_KEY, BASE, callsWith, fetchWithEnv, post, proxyFetch, unique, withEnv } from "./helpers.js";
import { priceOf, neuronsFor } from "../../worker/src/usage/prices.js";
import type { AiModelInfo } from "../../worker/src/env.js";

const CHAT_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
const EMBEDDING_MODEL = "@cf/baai/bge-base-en-v1.5";
const ADMIN_KEY = "sk-admin-usage-test";
const todayStart = () => Math.floor(Date.now() / 86_400_000) * 86_400;

interface Result {
  num_model_requests: number;
  input_tokens?: number;
  output_tokens?: number;
  neurons: number;
  cache_hits: number;
  neurons_saved: number;
  errors: number;
  model: string | null;
  project_id: string | null;
  api_key_id: string | null;
}

function get(path: string, key = API_KEY, overrides: Record<string, unknown> = {}) {
  return withEnv({ ADMIN_KEYS: ADMIN_KEY, ...overrides }, new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${key}` } }));
}

/** Today's results for `kind`, grouped by model. */
async function today(kind = "completions", key = API_KEY, group = "model"): Promise<Map<string, Result>> {
  const res = await get(`/v1/organization/usage/${kind}?start_time=${todayStart()}&group_by=${group}`, key);
  expect(res.status).toBe(200);
  const page = (await res.json()) as { data: { results: Result[] }[] };
  const key_ = (r: Result) => (group === "model" ? r.model : group === "project_id" ? r.project_id : r.api_key_id) ?? "";
  return new Map(page.data.flatMap((b) => b.results).map((r) => [key_(r), r]));
}

const delta = (after: Result | undefined, before: Result | undefined, field: keyof Result) =>
  Number(after?.[field] ?? 0) - Number(before?.[field] ?? 0);

async function priceFor(model: string) {
  const models = (await (env as unknown as { AI: { models(): Promise<AiModelInfo[]> } }).AI.models()) as AiModelInfo[];
  return priceOf(models.find((m) => m.name === model));
}

describe("accounting", () => {
  it("records chat (plain and streamed) and embeddings with the tokens the stub reported", async () => {
    const marker = unique("usage");
    const before = await today();
    const beforeEmb = await today("embeddings");
    const plain = await withEnv(
      {},
      post("/v1/chat/completions", { model: CHAT_MODEL, messages: [{ role: "user", content: `${marker} hello` }] }),
    );
    const plainUsage = ((await plain.json()) as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
    const streamed = await fetchWithEnv(
      {},
      post("/v1/chat/completions", {
        model: CHAT_MODEL,
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: "user", content: `${marker} again` }],
      }),
    );
    const text = await streamed.response.text();
    await streamed.settled();
    const streamUsage = JSON.parse(
      text
        .split("\n\n")
        .filter((b) => b.includes('"usage":{'))
        .at(-1)!
        .slice(6),
    ).usage;
    const emb = await withEnv({}, post("/v1/embeddings", { model: EMBEDDING_MODEL, input: [`${marker} one`, `${marker} two`] }));
    const embUsage = ((await emb.json()) as { usage: { prompt_tokens: number } }).usage;

    expect(await callsWith(marker)).toHaveLength(3);
    const after = await today();
    const r = after.get(CHAT_MODEL);
    expect(delta(r, before.get(CHAT_MODEL), "num_model_requests")).toBe(2);
    expect(delta(r, before.get(CHAT_MODEL), "input_tokens")).toBe(plainUsage.prompt_tokens + streamUsage.prompt_tokens);
    expect(delta(r, before.get(CHAT_MODEL), "output_tokens")).toBe(plainUsage.completion_tokens + streamUsage.completion_tokens);
    const price = await priceFor(CHAT_MODEL);
    const expected = neuronsFor(price, {
      inputTokens: plainUsage.prompt_tokens + streamUsage.prompt_tokens,
      outputTokens: plainUsage.completion_tokens + streamUsage.completion_tokens,
    });
    expect(delta(r, before.get(CHAT_MODEL), "neurons")).toBeCloseTo(expected, 1);
    const e = (await today("embeddings")).get(EMBEDDING_MODEL);
    expect(delta(e, beforeEmb.get(EMBEDDING_MODEL), "num_model_requests")).toBe(1);
    expect(delta(e, beforeEmb.get(EMBEDDING_MODEL), "input_tokens")).toBe(embUsage.prompt_tokens);
  });

  it("counts a stream passed through unparsed (an OpenAI-shaped model) with the usage it carried", async () => {
    const model = "@cf/zai-org/glm-4.7-flash";
    const before = (await today()).get(model);
    const { response, settled } = await fetchWithEnv(
      {},
      post("/v1/chat/completions", {
        model,
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: "user", content: unique("passthrough") }],
      }),
    );
    expect(response.headers.get("x-stream-path")).toBe("passthrough");
    const text = await response.text();
    await settled();
    const usage = JSON.parse(
      text
        .split("\n\n")
        .filter((b) => b.includes('"usage":{'))
        .at(-1)!
        .slice(6),
    ).usage;
    const after = (await today()).get(model);
    expect(delta(after, before, "num_model_requests")).toBe(1);
    expect(delta(after, before, "input_tokens")).toBe(usage.prompt_tokens);
    expect(delta(after, before, "output_tokens")).toBe(usage.completion_tokens);
    expect(delta(after, before, "neurons")).toBeGreaterThan(0);
  });

  it("counts a cache hit with the neurons it saved, and no neurons spent", async () => {
    const body = { model: CHAT_MODEL, temperature: 0, messages: [{ role: "user", content: unique("cached") }] };
    await withEnv({}, post("/v1/chat/completions", body));
    const before = (await today()).get(CHAT_MODEL);
    const hit = await withEnv({}, post("/v1/chat/completions", body));
    expect(hit.headers.get("x-cache")).toBe("HIT");
    const after = (await today()).get(CHAT_MODEL);
    expect(delta(after, before, "cache_hits")).toBe(1);
    expect(delta(after, before, "num_model_requests")).toBe(1);
    expect(delta(after, before, "neurons")).toBeCloseTo(0, 5);
    if (await priceFor(CHAT_MODEL)) expect(delta(after, before, "neurons_saved")).toBeGreaterThan(0);
  });

  it("counts a stream the client abandoned as a request", async () => {
    const before = (await today()).get(CHAT_MODEL);
    const { response, settled } = await fetchWithEnv(
      {},
      post("/v1/chat/completions", {
        model: CHAT_MODEL,
        stream: true,
        messages: [{ role: "user", content: `${unique("gone")} [[stub:words=300]] [[stub:chunk=event]] [[stub:pace=5]]` }],
      }),
    );
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await settled();
    const after = (await today()).get(CHAT_MODEL);
    expect(delta(after, before, "num_model_requests")).toBe(1);
  });

  it("counts errors by status without losing the request", async () => {
    const before = await today("completions", API_KEY, "project_id");
    const bad = await withEnv(
      {},
      post("/v1/chat/completions", { model: "@cf/nobody/no-such-model", messages: [{ role: "user", content: "x" }] }),
    );
    expect(bad.status).toBeGreaterThanOrEqual(400);
    const after = await today("completions", API_KEY, "project_id");
    const [b, a] = [before.get("default"), after.get("default")];
    expect(delta(a, b, "errors")).toBe(1);
    expect(delta(a, b, "num_model_requests")).toBe(1);
  });

  it("records a non-stream Assistants run that finishes after the request was answered", async () => {
    const before = (await today()).get(CHAT_MODEL);
    const run = await withEnv(
      {},
      post(
        "/v1/threads/runs",
        { assistant_id: await assistant(), model: CHAT_MODEL, thread: { messages: [{ role: "user", content: unique("run") }] } },
        { "openai-beta": "assistants=v2" },
      ),
    );
    expect(run.status).toBe(200);
    const after = (await today()).get(CHAT_MODEL);
    expect(delta(after, before, "num_model_requests")).toBe(1);
    expect(delta(after, before, "output_tokens")).toBeGreaterThan(0);
  });
});

async function assistant(): Promise<string> {
  const res = await withEnv({}, post("/v1/assistants", { model: CHAT_MODEL, name: "usage" }, { "openai-beta": "assistants=v2" }));
  return ((await res.json()) as { id: string }).id;
}

describe("the Usage API", () => {
  it("answers in OpenAI's page-of-buckets shape, readable by the official SDK's admin client", async () => {
    await withEnv({}, post("/v1/chat/completions", { model: CHAT_MODEL, messages: [{ role: "user", content: unique("sdk") }] }));
    const admin = new OpenAI({
      adminAPIKey: ADMIN_KEY,
      apiKey: "unused",
      baseURL: `${BASE}/v1`,
      maxRetries: 0,
      fetch: ((input: RequestInfo, init?: RequestInit) => withEnv({ ADMIN_KEYS: ADMIN_KEY }, new Request(input, init))) as typeof fetch,
    });
    const page = await admin.admin.organization.usage.completions({
      start_time: todayStart() - 3 * 86_400,
      bucket_width: "1d",
      group_by: ["model", "project_id"],
      limit: 2,
    });
    expect(page.object).toBe("page");
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    expect(page.next_page).toMatch(/^page_/);
    const next = await admin.admin.organization.usage.completions({
      start_time: todayStart() - 3 * 86_400,
      group_by: ["model", "project_id"],
      limit: 2,
      page: page.next_page!,
    });
    expect(next.has_more).toBe(false);
    const results = next.data.at(-1)!.results as unknown as Result[];
    const mine = results.find((r) => r.model === CHAT_MODEL && r.project_id === "default");
    expect(mine?.num_model_requests).toBeGreaterThan(0);
    expect(next.data.at(-1)!.start_time).toBe(todayStart());
  });

  it.each([
    ["no start_time", "", 400],
    ["an hourly bucket", `start_time=${todayStart()}&bucket_width=1h`, 400],
    ["limit 0", `start_time=${todayStart()}&limit=0`, 400],
    ["an unknown group", `start_time=${todayStart()}&group_by=user_id`, 400],
    ["a foreign cursor", `start_time=${todayStart()}&page=abc`, 400],
  ])("refuses %s with a clear 400", async (_label, query, status) => {
    const res = await get(`/v1/organization/usage/completions?${query}`);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { message: string; param: string | null } };
    expect(body.error.message.length).toBeGreaterThan(10);
  });

  it("an unknown usage endpoint is a 404 and an admin key opens nothing else", async () => {
    expect((await get(`/v1/organization/usage/vector_stores?start_time=${todayStart()}`)).status).toBe(404);
    const chat = await withEnv(
      { ADMIN_KEYS: ADMIN_KEY },
      post(
        "/v1/chat/completions",
        { model: CHAT_MODEL, messages: [{ role: "user", content: "x" }] },
        { authorization: `Bearer ${ADMIN_KEY}` },
      ),
    );
    expect(chat.status).toBe(401);
  });
});

describe("budgets", () => {
  it("refuses a project over its daily request budget with 429 insufficient_quota and x-ratelimit headers", async () => {
    const status = (await (await get("/v1/organization/budgets")).json()) as { projects: { used: { requests: number } }[] };
    const used = status.projects[0].used.requests;
    const budgets = JSON.stringify({ projects: { "*": { requests: used + 2 } } });
    const ask = () =>
      withEnv(
        { BUDGETS: budgets },
        post("/v1/chat/completions", { model: CHAT_MODEL, messages: [{ role: "user", content: unique("budget") }] }),
      );
    const first = await ask();
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit-requests")).toBe(String(used + 2));
    expect(first.headers.get("x-ratelimit-remaining-requests")).toBe("1");
    expect(first.headers.get("x-ratelimit-reset-requests")).toMatch(/^(\d+h)?(\d+m)?\d+s$/);
    expect((await ask()).status).toBe(200);
    const refused = await ask();
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { type: string; code: string } };
    expect(body.error).toMatchObject({ type: "insufficient_quota", code: "insufficient_quota" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(86_400);
    expect(refused.headers.get("x-ratelimit-remaining-requests")).toBe("0");
  });

  it("admits exactly the request budget when requests arrive at once", async () => {
    const status = (await (await get("/v1/organization/budgets")).json()) as { projects: { used: { requests: number } }[] };
    const budgets = JSON.stringify({ projects: { "*": { requests: status.projects[0].used.requests + 5 } } });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        withEnv(
          { BUDGETS: budgets },
          post("/v1/chat/completions", { model: CHAT_MODEL, messages: [{ role: "user", content: unique("burst") }] }),
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(7);
  });

  it("token budgets can be overshot by the requests already running, and no further", async () => {
    const status = (await (await get("/v1/organization/budgets")).json()) as { projects: { used: { tokens: number } }[] };
    // One token left: every request that starts before an answer is recorded gets in.
    const budgets = JSON.stringify({ projects: { "*": { tokens: status.projects[0].used.tokens + 1 } } });
    const ask = () =>
      withEnv(
        { BUDGETS: budgets },
        post("/v1/chat/completions", { model: CHAT_MODEL, messages: [{ role: "user", content: unique("tokens") }] }),
      );
    const burst = await Promise.all(Array.from({ length: 6 }, ask));
    const admitted = burst.filter((a) => a.status === 200).length;
    expect(admitted).toBeGreaterThanOrEqual(1);
    expect(admitted).toBeLessThanOrEqual(6);
    const after = (await (await get("/v1/organization/budgets", API_KEY, { BUDGETS: budgets })).json()) as {
      projects: { used: { tokens: number }; remaining: { tokens: number } }[];
    };
    expect(after.projects[0].remaining.tokens).toBe(0);
    // Once the answers are recorded, the next request is refused.
    expect((await ask()).status).toBe(429);
  });

  it("a project over its budget is refused while another project keeps working", async () => {
    const alpha = `sk-${unique("alpha")}`;
    const beta = `sk-${unique("beta")}`;
    const project = unique("p").replace(/[^a-z0-9-]/g, "");
    const keys = `${project}-a:app:${alpha},${project}-b:app:${beta}`;
    const budgets = JSON.stringify({ projects: { [`${project}-a`]: { requests: 1 } } });
    const ask = (key: string) =>
      withEnv(
        { API_KEYS: keys, BUDGETS: budgets },
        post(
          "/v1/chat/completions",
          { model: CHAT_MODEL, messages: [{ role: "user", content: unique("split") }] },
          { authorization: `Bearer ${key}` },
        ),
      );
    expect((await ask(alpha)).status).toBe(200);
    const refused = await ask(alpha);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-limit-requests")).toBe("1");
    for (let i = 0; i < 3; i++) {
      const other = await ask(beta);
      expect(other.status).toBe(200);
      expect(other.headers.get("x-ratelimit-limit-requests")).toBeNull();
    }
    const byProject = async (key: string) => {
      const res = await withEnv(
        { API_KEYS: keys },
        new Request(`${BASE}/v1/organization/usage/completions?start_time=${todayStart()}&group_by=project_id&group_by=api_key_id`, {
          headers: { authorization: `Bearer ${key}` },
        }),
      );
      return ((await res.json()) as { data: { results: Result[] }[] }).data.flatMap((b) => b.results);
    };
    // Each project sees its own usage only, under its key's name; the refused request is not counted.
    expect((await byProject(alpha)).map((r) => [r.project_id, r.api_key_id, r.num_model_requests])).toEqual([[`${project}-a`, "app", 1]]);
    expect((await byProject(beta)).map((r) => [r.project_id, r.api_key_id, r.num_model_requests])).toEqual([[`${project}-b`, "app", 3]]);
  });

  it("the account-wide guard stops every project once today's neurons reach it", async () => {
    const budgets = JSON.stringify({ account: { neurons: 0 } });
    const res = await withEnv(
      { BUDGETS: budgets },
      post("/v1/chat/completions", { model: CHAT_MODEL, messages: [{ role: "user", content: "x" }] }),
    );
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/account's daily budget/);
  });

  it("a malformed BUDGETS is a 500 naming it", async () => {
    const res = await withEnv(
      { BUDGETS: '{"projects": {"a": {"neurons": "lots"}}}' },
      post("/v1/chat/completions", { model: CHAT_MODEL, messages: [{ role: "user", content: "x" }] }),
    );
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/BUDGETS projects\.a\.neurons/);
  });
});

describe("the dashboard page", () => {
  it("is served without any key, with a strict content security policy and no external reference", async () => {
    const page = await proxyFetch(`${BASE}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const script = await proxyFetch(`${BASE}/dashboard.js`);
    expect(script.headers.get("content-type")).toContain("javascript");
    const js = await script.text();
    expect(js).not.toMatch(/innerHTML|https?:\/\/(?!www\.w3\.org)/);
  });
});
