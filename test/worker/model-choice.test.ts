// The pure parts of choosing a model: the serving order of candidates against a catalogue, and reasoning efforts
// in each model's terms. And: a catalogue that cannot be read does not fail a request.
import { describe, expect, it } from "vitest";
import type { CatalogueIndex, ModelFacts } from "../../worker/src/ai/catalogue.js";
import { modelInputs } from "../../worker/src/ai/reasoning.js";
import { firstListed, servingOrder } from "../../worker/src/ai/resolve.js";
import { post, unique, withEnv, callsWith, testEnv } from "./helpers.js";

const facts = (name: string): ModelFacts => ({
  name,
  task: "Text Generation",
  created: 0,
  functionCalling: true,
  reasoning: false,
  vision: false,
  paidOnly: false,
});
const catalogue = (...names: string[]): CatalogueIndex => new Map(names.map((n) => [n, facts(n)]));
const retired = new Map<string, string | null>([["@cf/x/gone", "2026-05-30"]]);
const retiredOn = (m: string) => retired.get(m);

describe("servingOrder", () => {
  it("puts listed candidates first, keeps unlisted ones not known retired after them, drops retired ones", () => {
    const order = servingOrder(["@cf/x/new", "@cf/x/gone", "@cf/x/b", "@cf/x/a"], catalogue("@cf/x/a", "@cf/x/b"), retiredOn);
    expect(order).toEqual(["@cf/x/b", "@cf/x/a", "@cf/x/new"]);
    expect(firstListed(["@cf/x/gone", "@cf/x/new", "@cf/x/a"], catalogue("@cf/x/a", "@cf/x/gone"), retiredOn)).toBe("@cf/x/a");
    expect(servingOrder(["@cf/x/gone"], catalogue(), retiredOn)).toEqual([]);
  });
});

describe("modelInputs", () => {
  const base = { messages: [] };
  it.each([
    ["@cf/zai-org/glm-4.7-flash", "none", { chat_template_kwargs: { enable_thinking: false } }],
    ["@cf/zai-org/glm-4.7-flash", "low", { chat_template_kwargs: { enable_thinking: true } }],
    ["@cf/moonshotai/kimi-k2.6", "minimal", { chat_template_kwargs: { thinking: false } }],
    ["@cf/openai/gpt-oss-120b", "minimal", { reasoning_effort: "low" }],
    ["@cf/openai/gpt-oss-120b", "xhigh", { reasoning_effort: "high" }],
    ["@cf/deepseek-ai/deepseek-v4-flash-0731", "none", { reasoning_effort: "none" }],
    ["@cf/deepseek-ai/deepseek-v4-flash-0731", "xhigh", { reasoning_effort: "max" }],
    ["@cf/deepseek-ai/deepseek-v4-flash-0731", "medium", { reasoning_effort: "high" }],
    ["@cf/zai-org/glm-5.3-flash", "none", { reasoning_effort: "low" }],
    ["@cf/meta/llama-3.3-70b-instruct-fp8-fast", "high", {}],
  ])("%s, effort %s", (model, effort, expected) => {
    expect(modelInputs(model, { ...base, reasoning_effort: effort }).inputs).toEqual({ ...base, ...expected });
  });

  it("keeps the client's other chat_template_kwargs, and moves the cache key out of the inputs", () => {
    const out = modelInputs("@cf/zai-org/glm-4.7-flash", {
      ...base,
      chat_template_kwargs: { clear_thinking: true },
      reasoning_effort: "none",
      "x-session-affinity": "k1",
    });
    expect(out).toEqual({ inputs: { ...base, chat_template_kwargs: { clear_thinking: true, enable_thinking: false } }, session: "k1" });
    expect(modelInputs("@cf/x/y", base).inputs).toBe(base);
  });
});

describe("a catalogue that cannot be read", () => {
  it("does not fail a chat request: the candidates are tried in their configured order", async () => {
    const { forgetCatalogue } = await import("../../worker/src/ai/catalogue.js");
    forgetCatalogue();
    const failingModels = {
      run: async (model: string, inputs: Record<string, unknown>, options?: Record<string, unknown>) =>
        await testEnv.AI.run(model, inputs, options),
      models: async () => Promise.reject(new Error("listing down")),
    };
    const marker = unique();
    const res = await withEnv(
      { AI: failingModels, CACHE: undefined },
      post("/v1/chat/completions", { messages: [{ role: "user", content: marker }] }),
    );
    forgetCatalogue();
    expect(res.status).toBe(200);
    expect((await callsWith(marker)).map((c) => c.model)).toEqual(["@cf/google/gemma-4-26b-a4b-it"]);
  });

  it("is not asked for again on every request: the isolate waits before it retries", async () => {
    const { forgetCatalogue } = await import("../../worker/src/ai/catalogue.js");
    forgetCatalogue();
    let listings = 0;
    const failingModels = {
      run: async (model: string, inputs: Record<string, unknown>, options?: Record<string, unknown>) =>
        await testEnv.AI.run(model, inputs, options),
      models: async () => {
        listings++;
        throw new Error("listing down");
      },
    };
    for (let i = 0; i < 3; i++) {
      const res = await withEnv(
        { AI: failingModels, CACHE: undefined },
        post("/v1/chat/completions", { messages: [{ role: "user", content: unique() }] }),
      );
      expect(res.status).toBe(200);
    }
    forgetCatalogue();
    expect(listings).toBe(1);
  });
});
