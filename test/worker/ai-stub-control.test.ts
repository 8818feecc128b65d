// The Workers AI stub: the catalogue (`models()`) and the test helpers `calls()`, `reset()`, `failNext()`.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { AiStubRpc } from "../fakes/ai-stub/types";

const ai = (env as unknown as { AI: AiStubRpc }).AI;
const run = async (model: string, inputs: unknown, options?: Record<string, unknown>): Promise<any> => await ai.run(model, inputs, options);
const models = async (params?: Parameters<AiStubRpc["models"]>[0]) => await ai.models(params);
const LLAMA = "@cf/meta/llama-3.1-8b-instruct-fp8";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("models()", () => {
  it("lists every active model of the snapshot with the AiModelsSearchObject shape and real task names", async () => {
    const all = await models();
    expect(all).toHaveLength(74);
    for (const m of all) {
      expect(m.id).toMatch(UUID);
      expect(m.task.id).toMatch(UUID);
      expect(typeof m.description).toBe("string");
      expect(Array.isArray(m.tags)).toBe(true);
      for (const p of m.properties) expect(typeof p.value).toBe(p.property_id === "price" ? "object" : "string");
    }
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    expect(new Set(all.map((m) => m.task.name))).toContain("Text Generation");
    expect(all.some((m) => m.name === "@cf/meta/llama-3.1-8b-instruct")).toBe(false);
    expect(all.find((m) => m.name === "@cf/zai-org/glm-4.7-flash")).toMatchObject({
      id: "86b3e51a-4b05-43fa-a403-0f27821919d2",
      source: 1,
      task: { id: "c329a1f9-323d-4e91-b2aa-582dd4188d34", name: "Text Generation" },
      properties: expect.arrayContaining([
        { property_id: "context_window", value: "131072" },
        { property_id: "function_calling", value: "true" },
        { property_id: "reasoning", value: "true" },
        {
          property_id: "price",
          value: [
            { unit: "per M input tokens", price: 0.0605, currency: "USD" },
            { unit: "per M output tokens", price: 0.4, currency: "USD" },
          ],
        },
      ]),
    });
    const kimi = all.find((m) => m.name === "@cf/moonshotai/kimi-k2.6")!;
    expect(kimi.properties).toContainEqual({ property_id: "require_workers_paid", value: "true" });
  });

  it("lists exactly the models run() accepts", async () => {
    for (const m of await models()) {
      const err = await run(m.name, {}).catch((e: Error) => e);
      expect(err instanceof Error ? err.message : "").not.toMatch(/^5007/);
    }
  });

  it("filters by task, author and search", async () => {
    const tti = await models({ task: "Text-to-Image" });
    expect(tti).toHaveLength(11);
    expect(tti.map((m) => m.name)).toContain("@cf/black-forest-labs/flux-1-schnell");
    expect((await models({ task: "automatic speech recognition" })).map((m) => m.name)).toContain("@cf/openai/whisper-large-v3-turbo");
    expect((await models({ task: "Text Embeddings" })).every((m) => m.task.name === "Text Embeddings")).toBe(true);
    expect((await models({ author: "openai" })).map((m) => m.name).sort()).toEqual([
      "@cf/openai/gpt-oss-120b",
      "@cf/openai/gpt-oss-20b",
      "@cf/openai/whisper",
      "@cf/openai/whisper-large-v3-turbo",
      "@cf/openai/whisper-tiny-en",
    ]);
    expect((await models({ search: "LLAMA-4" })).map((m) => m.name)).toEqual(["@cf/meta/llama-4-scout-17b-16e-instruct"]);
    expect((await models({ search: "llama-3.1" })).map((m) => m.name).sort()).toEqual([
      "@cf/meta/llama-3.1-8b-instruct-fast",
      "@cf/meta/llama-3.1-8b-instruct-fp8",
    ]);
    expect((await models({ search: "1024-dimensional" })).map((m) => m.name)).toEqual(["@cf/baai/bge-large-en-v1.5"]);
    expect(await models({ task: "Text Generation", author: "deepgram" })).toEqual([]);
  });

  it("pages with per_page and page, and hides experimental models", async () => {
    const all = await models({ task: "Text Generation" });
    const p1 = await models({ task: "Text Generation", per_page: 5 });
    const p2 = await models({ task: "Text Generation", per_page: 5, page: 2 });
    expect(p1).toEqual(all.slice(0, 5));
    expect(p2).toEqual(all.slice(5, 10));
    expect(await models({ per_page: 5, page: 100 })).toEqual([]);
    const shown = await models({ hide_experimental: true });
    expect(shown.some((m) => m.name === "@cf/meta/llama-3.1-8b-instruct-fast")).toBe(false);
    expect(shown.some((m) => m.name === "@cf/meta/llama-3.3-70b-instruct-fp8-fast")).toBe(true);
    // Every @hf/ model of the snapshot is deprecated.
    expect(await models({ source: 2 })).toEqual([]);
  });
});

describe("calls(), reset(), failNext()", () => {
  beforeEach(async () => {
    await ai.reset();
  });

  it("records each run with JSON-safe inputs and options, failed ones included", async () => {
    const before = Date.now();
    await run(
      LLAMA,
      { messages: [{ role: "user", content: "hi" }], max_tokens: 9 },
      { gateway: { id: "gw", skipCache: true, cacheTtl: 60 } },
    );
    await run("@cf/openai/whisper", { audio: Array(1000).fill(65) });
    await run("@cf/nope/none", {}).catch(() => {});
    const log = await ai.calls();
    expect(log).toHaveLength(3);
    expect(log[0]).toEqual({
      seq: 1,
      model: LLAMA,
      inputs: { messages: [{ role: "user", content: "hi" }], max_tokens: 9 },
      options: { gateway: { id: "gw", skipCache: true, cacheTtl: 60 } },
      at: expect.any(Number),
    });
    expect(log[0].at).toBeGreaterThanOrEqual(before - 1000);
    expect(log[1]).toMatchObject({ seq: 2, inputs: { audio: { $binary: "number[]", length: 1000 } }, options: null });
    expect(log[2].model).toBe("@cf/nope/none");
    expect(JSON.parse(JSON.stringify(log))).toEqual(log);
  });

  it("reset() clears the log and forced failures", async () => {
    await run(LLAMA, { prompt: "x" });
    await ai.failNext({ code: 3040, times: 5 });
    await ai.reset();
    expect(await ai.calls()).toEqual([]);
    expect((await run(LLAMA, { prompt: "x" })).response).toBe("Echo: x");
  });

  it("failNext() fails the next calls with Workers AI's message, `times` times", async () => {
    await ai.failNext({ code: 3040, times: 2 });
    await expect(run(LLAMA, { prompt: "x" })).rejects.toThrow("3040: Capacity temporarily exceeded, please try again.");
    await expect(run("@cf/baai/bge-small-en-v1.5", { text: "x" })).rejects.toThrow(/^3040: /);
    expect((await run(LLAMA, { prompt: "x" })).response).toBe("Echo: x");
    expect((await ai.calls()).map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it("failNext({model}) fails only that model", async () => {
    await ai.failNext({ model: LLAMA, code: 4006 });
    expect((await run("@cf/meta/llama-3.2-3b-instruct", { prompt: "x" })).response).toBe("Echo: x");
    await expect(run(LLAMA, { prompt: "x" })).rejects.toThrow(/^4006: you have used up your daily free allocation of 10,000 neurons/);
    expect((await run(LLAMA, { prompt: "x" })).response).toBe("Echo: x");
  });

  it("failNext() rejects a bad spec", async () => {
    await expect((async () => await ai.failNext({ code: 1.5 }))()).rejects.toThrow(/integer code/);
    await expect((async () => await ai.failNext({ code: 3040, times: 0 }))()).rejects.toThrow(/positive integer/);
  });
});

describe("returnRawResponse", () => {
  it("wraps the answer in a Response", async () => {
    const res = (await ai.run(LLAMA, { prompt: "raw" }, { returnRawResponse: true })) as Response;
    expect(await res.json()).toMatchObject({ response: "Echo: raw" });
    const audio = (await ai.run("@cf/deepgram/aura-1", { text: "hi" }, { returnRawResponse: true })) as Response;
    expect(audio.headers.get("content-type")).toBe("audio/mpeg");
    expect(new Uint8Array(await audio.arrayBuffer()).slice(0, 3)).toEqual(new TextEncoder().encode("ID3"));
  });
});
