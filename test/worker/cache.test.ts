// The KV response cache: deterministic requests answered again with zero Workers AI calls.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { callsWith, fetchWithEnv, openai, post, sseData, unique, withEnv } from "./helpers.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";
const kv = (env as unknown as { CACHE: KVNamespace }).CACHE;

async function chatTwice(body: Record<string, unknown>) {
  const first = await withEnv({}, post("/v1/chat/completions", body));
  const second = await withEnv({}, post("/v1/chat/completions", body));
  return { first, second };
}

describe("deterministic chat requests", () => {
  it.each([
    ["temperature 0", { temperature: 0 }],
    ["a seed", { seed: 7, temperature: 0.9 }],
  ])("with %s: MISS, then HIT with no Workers AI call", async (_label, settings) => {
    const marker = unique();
    const { first, second } = await chatTwice({ model: MODEL, messages: [{ role: "user", content: marker }], ...settings });
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(second.headers.get("x-cache")).toBe("HIT");
    const [a, b] = [(await first.json()) as any, (await second.json()) as any];
    expect(b.choices).toEqual(a.choices);
    expect(b.usage).toEqual(a.usage);
    expect(b.id).not.toBe(a.id);
    expect(await callsWith(marker)).toHaveLength(1);
  });

  it("serves a cached answer as a stream to a streaming request (with the same limit: a stream's default is lower)", async () => {
    const marker = unique();
    const ask = { model: MODEL, temperature: 0, max_tokens: 500, messages: [{ role: "user" as const, content: marker }] };
    await withEnv({}, post("/v1/chat/completions", ask));
    const final = await openai().chat.completions.stream(ask).finalChatCompletion();
    expect(final.choices[0].message.content).toBe(`Echo: ${marker}`);
    expect(await callsWith(marker)).toHaveLength(1);
  });

  it("caches a streamed answer once it has streamed to the end", async () => {
    const marker = unique();
    const body = { model: MODEL, temperature: 0, stream: true, messages: [{ role: "user", content: `${marker} ünï 🌍` }] };
    const first = await fetchWithEnv({}, post("/v1/chat/completions", body));
    const firstText = await first.response.text();
    await first.settled();
    const second = await withEnv({}, post("/v1/chat/completions", body));
    expect(second.headers.get("x-cache")).toBe("HIT");
    const content = (text: string) => (sseData(text).slice(0, -1) as any[]).map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(content(await second.text())).toBe(content(firstText));
    expect(await callsWith(marker)).toHaveLength(1);
  });

  it("keeps tool calls in the cached answer", async () => {
    const marker = unique();
    const body = {
      model: MODEL,
      temperature: 0,
      tools: [{ type: "function", function: { name: "f", parameters: { type: "object", properties: {} } } }],
      messages: [{ role: "user", content: `${marker} [[stub:call=f {"a":1}]]` }],
    };
    const { second } = await chatTwice(body);
    expect(((await second.json()) as any).choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: { tool_calls: [{ function: { name: "f", arguments: '{"a":1}' } }] },
    });
  });

  it("keys include the model: the same request to another model is a miss", async () => {
    const marker = unique();
    await withEnv({}, post("/v1/chat/completions", { model: MODEL, temperature: 0, messages: [{ role: "user", content: marker }] }));
    const other = await withEnv(
      {},
      post("/v1/chat/completions", {
        model: "@cf/meta/llama-3.2-3b-instruct",
        temperature: 0,
        messages: [{ role: "user", content: marker }],
      }),
    );
    expect(other.headers.get("x-cache")).toBe("MISS");
  });

  it("keys include the worker version", async () => {
    const marker = unique();
    const body = { model: MODEL, temperature: 0, messages: [{ role: "user", content: marker }] };
    await withEnv({ CF_VERSION_METADATA: { id: "version-a" } }, post("/v1/chat/completions", body));
    const next = await withEnv({ CF_VERSION_METADATA: { id: "version-b" } }, post("/v1/chat/completions", body));
    expect(next.headers.get("x-cache")).toBe("MISS");
  });
});

describe("what is never cached", () => {
  it("non-deterministic requests bypass the cache and write nothing", async () => {
    const marker = unique();
    const before = (await kv.list({ prefix: "resp:" })).keys.length;
    const { first, second } = await chatTwice({ model: MODEL, messages: [{ role: "user", content: marker }] });
    expect([first.headers.get("x-cache"), second.headers.get("x-cache")]).toEqual(["BYPASS", "BYPASS"]);
    expect(await callsWith(marker)).toHaveLength(2);
    expect((await kv.list({ prefix: "resp:" })).keys.length).toBe(before);
  });

  it("errors are not cached", async () => {
    const marker = unique();
    const body = { model: MODEL, temperature: 0, messages: [{ role: "user", content: `${marker} [[stub:error=3040]]` }] };
    const first = await withEnv({}, post("/v1/chat/completions", body));
    expect(first.status).toBe(429);
    const second = await withEnv({}, post("/v1/chat/completions", body));
    expect(second.status).toBe(429);
    expect(await callsWith(marker)).toHaveLength(2);
  });

  it("a hit writes nothing", async () => {
    const marker = unique();
    const body = { model: MODEL, temperature: 0, messages: [{ role: "user", content: marker }] };
    await withEnv({}, post("/v1/chat/completions", body));
    const keys = (await kv.list({ prefix: "resp:" })).keys.length;
    await withEnv({}, post("/v1/chat/completions", body));
    expect((await kv.list({ prefix: "resp:" })).keys.length).toBe(keys);
  });

  it("CACHE_TTL_SECONDS=0 turns caching off", async () => {
    const marker = unique();
    const body = { model: MODEL, temperature: 0, messages: [{ role: "user", content: marker }] };
    const first = await withEnv({ CACHE_TTL_SECONDS: "0" }, post("/v1/chat/completions", body));
    expect(first.headers.get("x-cache")).toBe("BYPASS");
  });

  it("an abandoned stream is not cached", async () => {
    const marker = unique();
    const body = { model: MODEL, temperature: 0, stream: true, messages: [{ role: "user", content: `${marker} [[stub:words=300]]` }] };
    const first = await withEnv({}, post("/v1/chat/completions", body));
    const reader = first.body!.getReader();
    await reader.read();
    await reader.cancel();
    const second = await withEnv({}, post("/v1/chat/completions", body));
    expect(second.headers.get("x-cache")).toBe("MISS");
    await second.body?.cancel();
  });
});

describe("completions and embeddings", () => {
  it("a deterministic completion is cached", async () => {
    const marker = unique();
    const body = { model: MODEL, prompt: marker, temperature: 0 };
    await withEnv({}, post("/v1/completions", body));
    const second = await withEnv({}, post("/v1/completions", body));
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(await callsWith(marker)).toHaveLength(1);
  });

  it("embeddings are always cached", async () => {
    const marker = unique();
    const first = await withEnv({}, post("/v1/embeddings", { model: "@cf/baai/bge-small-en-v1.5", input: [marker, "b"] }));
    expect(first.headers.get("x-cache")).toBe("MISS");
    const second = await withEnv({}, post("/v1/embeddings", { model: "@cf/baai/bge-small-en-v1.5", input: [marker, "b"] }));
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(((await second.json()) as any).data[1].embedding).toEqual(((await first.json()) as any).data[1].embedding);
    expect(await callsWith(marker)).toHaveLength(1);
  });
});
