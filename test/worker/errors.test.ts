// Every failure a client can meet is an OpenAI error body with the right status and headers.
import { describe, expect, it } from "vitest";
import { BASE, call, callsWith, openai, post, proxyFetch, unique, withEnv } from "./helpers.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";
const chat = (content: string, extra: Record<string, unknown> = {}) => ({ model: MODEL, messages: [{ role: "user", content }], ...extra });

async function errorOf(res: Response) {
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as { error: Record<string, unknown> };
  expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
  return body.error;
}

describe("Workers AI failures", () => {
  it("3040 (capacity) is a 429 with retry-after", async () => {
    const res = await call("POST", "/v1/chat/completions", chat("[[stub:error=3040]]"));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await errorOf(res)).toMatchObject({ type: "rate_limit_error", code: "capacity_exceeded" });
  });

  it.each(["3036", "4006"])("%s (daily allocation used up) is a 429 the SDK must not retry", async (code) => {
    const res = await call("POST", "/v1/chat/completions", chat(`[[stub:error=${code}]]`));
    expect(res.status).toBe(429);
    expect(res.headers.get("x-should-retry")).toBe("false");
    expect(await errorOf(res)).toMatchObject({ code: "insufficient_quota" });
  });

  it("the SDK surfaces a 429 as RateLimitError", async () => {
    await expect(openai().chat.completions.create(chat("[[stub:error=4006]]") as any)).rejects.toMatchObject({
      status: 429,
      code: "insufficient_quota",
    });
  });

  it("an unknown Workers AI model is a 404 model_not_found", async () => {
    const res = await call("POST", "/v1/chat/completions", chat("x", { model: "@cf/acme/no-such-model" }));
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: "model_not_found", param: "model" });
  });

  it("a name that is neither an alias nor a Workers AI id is a 404 without any upstream call", async () => {
    const marker = unique();
    const res = await call("POST", "/v1/chat/completions", chat(marker, { model: "gpt-17-ultra" }));
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: "model_not_found" });
    expect(await callsWith(marker)).toEqual([]);
  });

  it("input Workers AI rejects (5006) is a 400", async () => {
    const res = await call("POST", "/v1/chat/completions", {
      model: MODEL,
      messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "data:image/png;base64,AA==" } }] }],
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "invalid_model_input" });
  });

  it("any other upstream failure is a 502, never a bare 500", async () => {
    const res = await call("POST", "/v1/chat/completions", chat("[[stub:error=9999]]"));
    expect(res.status).toBe(502);
    expect(await errorOf(res)).toMatchObject({ type: "server_error", code: "upstream_error" });
  });

  it("FALLBACK_MODELS answer when the model is over capacity", async () => {
    const marker = unique();
    const res = await withEnv(
      { FALLBACK_MODELS: "@cf/meta/llama-3.2-3b-instruct, @cf/qwen/qwen3-30b-a3b-fp8" },
      post("/v1/chat/completions", chat(`${marker} [[stub:error=3040@${MODEL}]] [[stub:error=3040@@cf/meta/llama-3.2-3b-instruct]]`)),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).choices[0].message.content).toBe(`Echo: ${marker}`);
    expect((await callsWith(marker)).map((c) => c.model)).toEqual([MODEL, "@cf/meta/llama-3.2-3b-instruct", "@cf/qwen/qwen3-30b-a3b-fp8"]);
  });

  it("AI_GATEWAY_ID routes calls through AI Gateway", async () => {
    const marker = unique();
    await withEnv({ AI_GATEWAY_ID: "my-gateway" }, post("/v1/chat/completions", chat(marker)));
    expect((await callsWith(marker))[0].options).toEqual({ gateway: { id: "my-gateway" } });
  });
});

describe("request errors", () => {
  it("malformed JSON is a 400", async () => {
    const res = await call("POST", "/v1/chat/completions", "{not json");
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain("not valid JSON");
  });

  it.each([
    [{ messages: [{ role: "wizard", content: "x" }] }, "messages[0].role"],
    [{ messages: [{ role: "user", content: 42 }] }, "messages[0].content"],
    [{ messages: [] }, "messages"],
    [{ messages: [{ role: "user", content: "x" }], temperature: "hot" }, "temperature"],
    [{ messages: [{ role: "user", content: "x" }], max_tokens: 0 }, "max_tokens"],
    [{ messages: [{ role: "tool", content: "x" }] }, "messages[0].tool_call_id"],
    [{ messages: [{ role: "user", content: "x" }], response_format: { type: "yaml" } }, "response_format.type"],
  ])("%j → 400 naming %s", async (body, param) => {
    const res = await call("POST", "/v1/chat/completions", body);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ param, type: "invalid_request_error" });
  });

  it("an unknown route is a 404", async () => {
    const res = await call("GET", "/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: "unknown_route" });
  });

  it("a wrong method is a 405 with Allow", async () => {
    const res = await call("GET", "/v1/chat/completions");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    await errorOf(res);
  });

  it("a body over 4 MiB is a 413", async () => {
    const res = await call("POST", "/v1/chat/completions", chat("x".repeat(4 * 1024 * 1024 + 10)));
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: "request_too_large" });
  });
});

describe("authentication", () => {
  it("accepts every configured key", async () => {
    for (const key of ["sk-test-primary", "sk-test-secondary"])
      expect((await call("GET", "/v1/models", undefined, { authorization: `Bearer ${key}` })).status).toBe(200);
  });

  it.each([
    ["no header", {}, "missing_api_key"],
    ["a wrong key", { authorization: "Bearer sk-nope" }, "invalid_api_key"],
    ["a prefix of a key", { authorization: "Bearer sk-test-prim" }, "invalid_api_key"],
    ["a key with more after it", { authorization: "Bearer sk-test-primary2" }, "invalid_api_key"],
    ["a key longer than any configured", { authorization: `Bearer sk-test-primary${"x".repeat(300)}` }, "invalid_api_key"],
    ["Basic auth", { authorization: "Basic c2stdGVzdA==" }, "missing_api_key"],
  ])("refuses %s with 401", async (_label, headers, code) => {
    const res = await proxyFetch(`${BASE}/v1/models`, { headers });
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ type: "authentication_error", code });
  });

  it("with no API_KEYS secret every /v1 request is refused, saying the secret is missing", async () => {
    const res = await withEnv({ API_KEYS: undefined }, new Request(`${BASE}/v1/models`, { headers: { authorization: "Bearer anything" } }));
    expect(res.status).toBe(401);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: "no_api_keys_configured" });
    expect(error.message).toContain("API_KEYS");
  });

  it("keys may be separated by new lines", async () => {
    const res = await withEnv(
      { API_KEYS: "sk-a\nsk-b\n" },
      new Request(`${BASE}/v1/models`, { headers: { authorization: "Bearer sk-b" } }),
    );
    expect(res.status).toBe(200);
  });
});

describe("CORS", () => {
  it("answers a preflight without a key", async () => {
    const res = await proxyFetch(`${BASE}/v1/chat/completions`, {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
  });

  it("adds the headers to answers and errors", async () => {
    const res = await call("GET", "/v1/models", undefined, { origin: "https://app.example", authorization: "Bearer wrong" });
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("CORS_ORIGINS limits the origins", async () => {
    const ask = (origin: string) =>
      withEnv({ CORS_ORIGINS: "https://good.example" }, new Request(`${BASE}/v1/models`, { method: "OPTIONS", headers: { origin } }));
    expect((await ask("https://good.example")).headers.get("access-control-allow-origin")).toBe("https://good.example");
    expect((await ask("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("configuration errors name the variable", () => {
  it.each([
    [{ MODEL_ALIASES: "{not json" }, "MODEL_ALIASES"],
    [{ MODEL_ALIASES: '{"gpt-4o": "llama"}' }, "MODEL_ALIASES"],
    [{ DEFAULT_AI_MODEL: "llama" }, "DEFAULT_AI_MODEL"],
    [{ CACHE_TTL_SECONDS: "10" }, "CACHE_TTL_SECONDS"],
    [{ FALLBACK_MODELS: "nope" }, "FALLBACK_MODELS"],
    [{ STREAM_FLUSH_MS: "fast" }, "STREAM_FLUSH_MS"],
    [{ STREAM_FLUSH_MS: "-1" }, "STREAM_FLUSH_MS"],
    [{ STREAM_FLUSH_MS: "5000" }, "STREAM_FLUSH_MS"],
    [{ STREAM_MAX_TOKENS: "many" }, "STREAM_MAX_TOKENS"],
    [{ STREAM_MAX_TOKENS: "0" }, "STREAM_MAX_TOKENS"],
    [{ STREAM_MAX_TOKENS: "1.5" }, "STREAM_MAX_TOKENS"],
  ])("%j", async (env, variable) => {
    const res = await withEnv(env, post("/v1/chat/completions", chat("x")));
    expect(res.status).toBe(500);
    const error = await errorOf(res);
    expect(error.code).toBe("proxy_misconfigured");
    expect(error.message).toContain(variable);
  });

  it("MODEL_ALIASES adds aliases", async () => {
    const marker = unique();
    const res = await withEnv(
      { MODEL_ALIASES: '{"my-model": "@cf/qwen/qwen3-30b-a3b-fp8"}' },
      post("/v1/chat/completions", chat(marker, { model: "my-model" })),
    );
    expect(res.status).toBe(200);
    expect((await callsWith(marker))[0].model).toBe("@cf/qwen/qwen3-30b-a3b-fp8");
  });
});
