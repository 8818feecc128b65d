// The proxy follows the live catalogue: names resolve to the first active candidate, retired and paid-only models
// are clear 4xx answers naming the replacement, GET /v1/models lists only what answers, and an alias keeps
// answering when Cloudflare retires its first candidate (retired here at runtime in the stub).
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { CATALOGUE_KV_KEY, forgetCatalogue } from "../../worker/src/ai/catalogue.js";
import { RETIRED_MODELS } from "../../worker/src/ai/retired.js";
import { call, callsWith, post, stub, unique, withEnv } from "./helpers.js";

const GEMMA = "@cf/google/gemma-4-26b-a4b-it";
const ask = (content: string, extra: Record<string, unknown> = {}) => ({ messages: [{ role: "user", content }], ...extra });
const errorOf = async (res: Response) => ((await res.json()) as { error: Record<string, unknown> }).error;
const kv = (env as unknown as { CACHE: KVNamespace }).CACHE;

/** Makes the worker read the catalogue afresh (its isolate copy lasts a minute, KV's an hour). */
async function refreshCatalogue() {
  forgetCatalogue();
  await kv.delete(CATALOGUE_KV_KEY);
}

const undo: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (undo.length) await undo.pop()!();
  await refreshCatalogue();
});

describe("names resolve to active models", () => {
  it("answers the README's curl example (gpt-4o-mini) and a request with no model, with the default", async () => {
    const marker = unique();
    const res = await call("POST", "/v1/chat/completions", { model: "gpt-4o-mini", ...ask(`Hello ${marker}`) });
    expect(res.status).toBe(200);
    const none = await call("POST", "/v1/chat/completions", ask(`No model ${marker}`));
    expect(none.status).toBe(200);
    expect((await callsWith(marker)).map((c) => c.model)).toEqual([GEMMA, GEMMA]);
  });

  it('treats "constructor", "__proto__" and other object keys as unknown names: a clean 404', async () => {
    for (const model of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const res = await call("POST", "/v1/chat/completions", { model, ...ask("hi") });
      expect(res.status, model).toBe(404);
      expect(await errorOf(res)).toMatchObject({ code: "model_not_found", param: "model" });
      expect((await call("GET", `/v1/models/${model}`)).status, model).toBe(404);
    }
  });
});

describe("retired and paid-only models", () => {
  it("a retired model is a 404 saying when, naming the replacement, without calling it", async () => {
    const marker = unique();
    const res = await call("POST", "/v1/chat/completions", { model: "@cf/meta/llama-3.1-8b-instruct", ...ask(marker) });
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error).toMatchObject({ type: "invalid_request_error", code: "model_not_found", param: "model" });
    expect(error.message).toContain("was deprecated by Cloudflare on 2026-05-30");
    expect(error.message).toContain(`Use '${GEMMA}' instead`);
    expect(await callsWith(marker)).toEqual([]);
    const embedding = await call("POST", "/v1/embeddings", { model: "@cf/baai/bge-small-en-v1.5-retired-typo", input: "x" });
    expect(embedding.status).toBe(404);
  });

  it("a retired model with FALLBACK_MODELS set is served by the fallback", async () => {
    const marker = unique();
    const res = await withEnv(
      { FALLBACK_MODELS: "@cf/zai-org/glm-4.7-flash" },
      post("/v1/chat/completions", { model: "@cf/mistral/mistral-7b-instruct-v0.1", ...ask(marker) }),
    );
    expect(res.status).toBe(200);
    expect((await callsWith(marker)).map((c) => c.model)).toEqual(["@cf/zai-org/glm-4.7-flash"]);
  });

  it("a paid-only model on Workers Free is a 403 naming a Free replacement; on Workers Paid it answers", async () => {
    const res = await call("POST", "/v1/chat/completions", { model: "@cf/moonshotai/kimi-k2.6", ...ask("hi") });
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: "model_requires_paid_plan", param: "model" });
    expect(error.message).toMatch(/requires a Workers Paid plan/);
    expect(error.message).toContain(`Use '${GEMMA}' instead`);
    await stub.setWorkersPaid(true);
    undo.push(() => stub.setWorkersPaid(false));
    expect((await call("POST", "/v1/chat/completions", { model: "@cf/moonshotai/kimi-k2.6", ...ask("hi") })).status).toBe(200);
    // Kimi K2.5 is retired but Cloudflare serves it as K2.6: the proxy passes it on rather than refuse it.
    const marker = unique();
    expect((await call("POST", "/v1/chat/completions", { model: "@cf/moonshotai/kimi-k2.5", ...ask(marker) })).status).toBe(200);
    expect((await callsWith(marker)).map((c) => c.model)).toEqual(["@cf/moonshotai/kimi-k2.5"]);
  });

  it("a model the catalogue still lists that answers 5028 is a 404 with the date, never a 5xx", async () => {
    const model = "@cf/qwen/qwq-32b";
    await stub.retireModel(model, "2026-12-01");
    undo.push(() => stub.restoreModel(model));
    const res = await call("POST", "/v1/chat/completions", { model, ...ask("hi") });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toContain("deprecated by Cloudflare on 2026-12-01");
  });

  it("an alias passes over a paid-only candidate to the next one", async () => {
    const marker = unique();
    const aliases = JSON.stringify({ "team-chat": ["@cf/zai-org/glm-5.3", "@cf/zai-org/glm-4.7-flash"] });
    const res = await withEnv({ MODEL_ALIASES: aliases }, post("/v1/chat/completions", { model: "team-chat", ...ask(marker) }));
    expect(res.status).toBe(200);
    expect((await callsWith(marker)).map((c) => c.model)).toEqual(["@cf/zai-org/glm-5.3", "@cf/zai-org/glm-4.7-flash"]);
  });
});

describe("GET /v1/models", () => {
  it("lists no retired model, and the aliases that resolve with what they resolve to and their capabilities", async () => {
    const data = ((await (await call("GET", "/v1/models")).json()) as { data: Record<string, any>[] }).data;
    const ids = data.map((m) => m.id);
    for (const retired of RETIRED_MODELS.keys()) expect(ids).not.toContain(retired);
    expect(data.find((m) => m.id === "gpt-4o-mini")).toMatchObject({
      resolves_to: GEMMA,
      context_window: 256000,
      capabilities: { tools: true, function_calling: true, vision: true, reasoning: true },
    });
    expect(data.find((m) => m.id === "@cf/moonshotai/kimi-k2.6")).toMatchObject({ requires_workers_paid: true });
    // Every OpenAI name listed answers.
    for (const alias of data.filter((m) => m.resolves_to && m.task === "Text Generation")) {
      const res = await call("POST", "/v1/chat/completions", { model: alias.id, ...ask("hi") });
      expect(res.status, alias.id).toBe(200);
    }
  });

  it("GET /v1/models/{retired} says it was deprecated", async () => {
    const res = await call("GET", `/v1/models/${encodeURIComponent("@cf/meta/llama-3.1-8b-instruct")}`);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toContain("deprecated by Cloudflare on 2026-05-30");
  });
});

describe("when Cloudflare retires an alias's first candidate", () => {
  it("the alias keeps answering with the next candidate, at once and after the catalogue refreshes", async () => {
    const [first, next] = ["@cf/qwen/qwq-32b", "@cf/ibm-granite/granite-4.0-h-micro"];
    const env = { MODEL_ALIASES: JSON.stringify({ "team-model": [first, next] }) };
    const send = async (marker: string) => withEnv(env, post("/v1/chat/completions", { model: "team-model", ...ask(marker) }));
    const before = unique();
    expect((await send(before)).status).toBe(200);
    expect((await callsWith(before)).map((c) => c.model)).toEqual([first]);

    await stub.retireModel(first, "2026-12-04");
    undo.push(() => stub.restoreModel(first));
    // The worker's copy of the catalogue still lists it: the first call learns the retirement and moves on.
    const during = unique();
    const res = await send(during);
    expect(res.status).toBe(200);
    expect((await callsWith(during)).map((c) => c.model)).toEqual([first, next]);
    const learned = unique();
    expect((await send(learned)).status).toBe(200);
    expect((await callsWith(learned)).map((c) => c.model)).toEqual([next]);

    // Once the catalogue is read again (production: within the hour of the KV copy), it is the next one outright.
    await refreshCatalogue();
    const after = unique();
    expect((await send(after)).status).toBe(200);
    expect((await callsWith(after)).map((c) => c.model)).toEqual([next]);
    const listed = await withEnv(
      env,
      new Request("https://proxy.test/v1/models/team-model", { headers: { authorization: "Bearer sk-test-primary" } }),
    );
    expect(await listed.json()).toMatchObject({ id: "team-model", resolves_to: next });
  });
});

describe("capacity", () => {
  it("with somewhere to go, a busy model is asked to reject at once (rejectIfBusy) and the next one answers", async () => {
    const marker = unique();
    const res = await withEnv(
      { FALLBACK_MODELS: "@cf/zai-org/glm-4.7-flash" },
      post("/v1/chat/completions", { model: GEMMA, ...ask(`${marker} [[stub:busy=${GEMMA}]]`) }),
    );
    expect(res.status).toBe(200);
    const calls = await callsWith(marker);
    expect(calls.map((c) => c.model)).toEqual([GEMMA, "@cf/zai-org/glm-4.7-flash"]);
    expect(calls[0].options).toMatchObject({ rejectIfBusy: true });
    // The last candidate has nowhere else to go: it waits in the queue rather than fail.
    expect(calls[1].options).toBeNull();
  });
});

describe("JSON schema with stream", () => {
  it("streams a json_schema answer (Workers AI cannot: the proxy asks for it whole and replays it)", async () => {
    const schema = { type: "object", properties: { a: { type: "string" } }, required: ["a"] };
    const res = await call("POST", "/v1/chat/completions", {
      ...ask("json"),
      stream: true,
      response_format: { type: "json_schema", json_schema: { name: "x", schema } },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("[DONE]");
    expect(text).not.toContain("5023");
  });
});

describe("MODEL_ALIASES written as a JSON object in the config's vars", () => {
  it("is read as the object wrangler binds, not only as JSON text", async () => {
    const res = await withEnv(
      { MODEL_ALIASES: { "my-model": ["@cf/zai-org/glm-4.7-flash"] } },
      post("/v1/chat/completions", { model: "my-model", messages: [{ role: "user", content: "object aliases" }] }),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { model: string }).model).toBe("my-model");
    const bad = await withEnv(
      { MODEL_ALIASES: { "my-model": 42 } },
      post("/v1/chat/completions", { model: "my-model", messages: [{ role: "user", content: "x" }] }),
    );
    expect(bad.status).toBe(500);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/MODEL_ALIASES maps "my-model" to 42/);
  });
});
