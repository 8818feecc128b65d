// The Workers AI stub as the platform of December 2026 (test/fakes/workers-ai-models.json): retired and paid-only
// models, runtime retirements, rejectIfBusy, JSON schema with streams, each chat family's shape and stream, thinking
// switches and efforts, and prompt caching by x-session-affinity.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { rebuild, sseOf } from "../fakes/ai-stub/test-helpers";
import type { AiStubRpc } from "../fakes/ai-stub/types";

const ai = (env as unknown as { AI: AiStubRpc }).AI;
const run = async (model: string, inputs: unknown, options?: Record<string, unknown>): Promise<any> => await ai.run(model, inputs, options);
const failure = async (model: string, inputs: unknown, options?: Record<string, unknown>): Promise<string> =>
  await run(model, inputs, options).then(
    () => "no error",
    (e: Error) => e.message,
  );
const user = (content: string) => ({ messages: [{ role: "user", content }] });
const names = async () => (await ai.models()).map((m) => m.name);

// Tests here change the platform: put back what they changed, without clearing other files' call logs.
const undo: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (undo.length) await undo.pop()!();
});
const onPaidPlan = async () => {
  await ai.setWorkersPaid(true);
  undo.push(() => ai.setWorkersPaid(false));
};

describe("the catalogue of December 2026", () => {
  it("retired models throw 5028 with their date and are not listed", async () => {
    expect(await failure("@cf/meta/llama-3.1-8b-instruct", user("hi"))).toBe(
      "5028: This model was deprecated on 2026-05-30. Please use an alternative model",
    );
    expect(await failure("@cf/tiiuae/falcon-7b-instruct", { prompt: "hi" })).toMatch(/^5028: This model was deprecated on 2025-10-01\./);
    expect(await failure("@cf/deepseek-ai/deepseek-math-7b-base", { prompt: "hi" })).toBe(
      "5028: This model was deprecated. Please use an alternative model",
    );
    const listed = await names();
    expect(listed).not.toContain("@cf/meta/llama-3.1-8b-instruct");
    expect(listed).toContain("@cf/meta/llama-3.1-8b-instruct-fast");
  });

  it("paid-only models throw 5035 on Workers Free and answer on Workers Paid", async () => {
    for (const model of ["@cf/moonshotai/kimi-k2.6", "@cf/zai-org/glm-5.3", "@cf/deepseek-ai/deepseek-v4-pro-0813"]) {
      expect(await failure(model, user("hi"))).toBe("5035: This model requires a Workers Paid plan. See pricing for details.");
    }
    await onPaidPlan();
    const out = await run("@cf/zai-org/glm-5.3", user("hi"));
    expect(out.choices[0].message.content).toBe("Echo: hi");
  });

  it("serves Kimi K2.5 as K2.6 (paid-only, thinking in `reasoning`)", async () => {
    expect(await failure("@cf/moonshotai/kimi-k2.5", user("hi"))).toMatch(/^5035: /);
    await onPaidPlan();
    const out = await run("@cf/moonshotai/kimi-k2.5", user("hi"));
    expect(out.model).toBe("@cf/moonshotai/kimi-k2.6");
    expect(out.choices[0].message).toMatchObject({ content: "Echo: hi", reasoning: "Thinking about: hi" });
    const off = await run("@cf/moonshotai/kimi-k2.6", { ...user("hi"), chat_template_kwargs: { thinking: false } });
    expect(off.choices[0].message.reasoning).toBeNull();
  });

  it("retires a model at runtime, and sets planned deprecation dates", async () => {
    const model = "@cf/qwen/qwq-32b";
    undo.push(() => ai.restoreModel(model));
    await ai.planDeprecation(model, "2027-01-15");
    const entry = (await ai.models()).find((m) => m.name === model)!;
    expect(entry.properties).toContainEqual({ property_id: "planned_deprecation_date", value: "2027-01-15" });
    await ai.retireModel(model, "2027-01-15");
    expect(await names()).not.toContain(model);
    expect(await failure(model, user("hi"))).toBe("5028: This model was deprecated on 2027-01-15. Please use an alternative model");
    await ai.restoreModel(model);
    expect((await run(model, user("hi"))).response).toBe("Echo: hi");
    await expect((async () => await ai.retireModel(model, "soon"))()).rejects.toThrow(/YYYY-MM-DD/);
    await expect((async () => await ai.retireModel("@cf/nope/none", "2027-01-01"))()).rejects.toThrow(/no model/);
  });

  it("lists but does not play models of other tasks", async () => {
    expect(await names()).toContain("@cf/meta/m2m100-1.2b");
    expect(await failure("@cf/meta/m2m100-1.2b", { text: "hi" })).toMatch(/^5006: .*not simulated/);
  });
});

describe("capacity and rejectIfBusy", () => {
  it("a busy model queues a request, or rejects it at once with 3040 when asked to", async () => {
    const started = Date.now();
    expect((await run("@cf/zai-org/glm-4.7-flash", user("[[stub:busy]] hi"))).choices[0].message.content).toBe("Echo: hi");
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(await failure("@cf/zai-org/glm-4.7-flash", user("[[stub:busy]] hi"), { rejectIfBusy: true })).toBe(
      "3040: Capacity temporarily exceeded, please try again.",
    );
    // busy=<model>: only that model is busy.
    const other = await run("@cf/qwen/qwen3-30b-a3b-fp8", user("[[stub:busy=@cf/zai-org/glm-4.7-flash]] hi"), { rejectIfBusy: true });
    expect(other.choices[0].message.content).toBe("Echo: hi");
  });

  it("rejectIfBusy belongs in the options, not the inputs", async () => {
    expect(await failure("@cf/zai-org/glm-4.7-flash", { ...user("hi"), rejectIfBusy: true })).toMatch(/^5006: .*rejectIfBusy/);
  });
});

describe("JSON schema and streams", () => {
  const schema = {
    type: "json_schema",
    json_schema: { name: "x", schema: { type: "object", properties: { a: { type: "string" } }, required: ["a"] } },
  };

  it("json_schema with stream: true throws 5023; json_object streams", async () => {
    expect(await failure("@cf/zai-org/glm-4.7-flash", { ...user("hi"), response_format: schema, stream: true })).toBe(
      "5023: JSON Schema mode is not supported with stream mode.",
    );
    expect(await failure("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { ...user("hi"), guided_json: {}, stream: true })).toMatch(/^5023: /);
    const events = await sseOf(
      await run("@cf/zai-org/glm-4.7-flash", { ...user("hi"), response_format: { type: "json_object" }, stream: true }),
    );
    expect(JSON.parse(rebuild(events).text)).toEqual({ echo: "hi" });
  });
});

describe("chat families", () => {
  it("the chat-completion family: refusal, annotations, system_fingerprint, cached and reasoning tokens", async () => {
    const out = await run("@cf/zai-org/glm-4.7-flash", user("two words"));
    expect(out).toMatchObject({ object: "chat.completion", model: "@cf/zai-org/glm-4.7-flash", system_fingerprint: null });
    expect(out.choices[0].message).toEqual({
      role: "assistant",
      content: "Echo: two words",
      refusal: null,
      annotations: [],
      audio: null,
      reasoning_content: "Thinking about: two words",
      tool_calls: [],
    });
    expect(out.usage).toEqual({
      prompt_tokens: 2,
      completion_tokens: 7,
      total_tokens: 9,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 4 },
    });
  });

  it("qwen3-30b and sea-lion take native inputs and answer OpenAI-shaped with plain usage", async () => {
    for (const model of ["@cf/qwen/qwen3-30b-a3b-fp8", "@cf/aisingapore/gemma-sea-lion-v4-27b-it"]) {
      const out = await run(model, user("hi"));
      expect(out.object).toBe("chat.completion");
      expect(out.choices[0]).toHaveProperty("stop_reason", null);
      expect(Object.keys(out.usage).sort()).toEqual(["completion_tokens", "prompt_tokens", "total_tokens"]);
    }
    expect((await run("@cf/qwen/qwen3-30b-a3b-fp8", user("hi"))).choices[0].message.reasoning_content).toBe("Thinking about: hi");
  });

  it("thinking switches: on by default for glm, qwen3, qwen3.8 and nemotron; off by default for gemma-4", async () => {
    const reasoningOf = async (model: string, extra: Record<string, unknown> = {}) => {
      const m = (await run(model, { ...user("q"), ...extra })).choices[0].message;
      return m.reasoning_content ?? m.reasoning ?? null;
    };
    for (const model of [
      "@cf/zai-org/glm-4.7-flash",
      "@cf/qwen/qwen3-30b-a3b-fp8",
      "@cf/qwen/qwen3.8-27b",
      "@cf/nvidia/nemotron-3-120b-a12b",
    ]) {
      expect(await reasoningOf(model)).toBe("Thinking about: q");
      expect(await reasoningOf(model, { chat_template_kwargs: { enable_thinking: false } })).toBeNull();
    }
    expect(await reasoningOf("@cf/google/gemma-4-26b-a4b-it")).toBeNull();
    expect(await reasoningOf("@cf/google/gemma-4-26b-a4b-it", { chat_template_kwargs: { enable_thinking: true } })).toBe(
      "Thinking about: q",
    );
  });

  it("efforts: gpt-oss takes low|medium|high and cannot stop thinking; deepseek-v4-flash takes none", async () => {
    const gpt = async (effort?: string) =>
      (await run("@cf/openai/gpt-oss-120b", { ...user("q"), ...(effort ? { reasoning_effort: effort } : {}) })).choices[0].message;
    expect((await gpt()).reasoning_content).toBe("Thinking about: q");
    expect((await gpt("high")).reasoning_content).toBe("Thinking (high effort) about: q");
    expect((await gpt("medium")).reasoning_content).toBe("Thinking about: q");
    expect(await failure("@cf/openai/gpt-oss-20b", { ...user("q"), reasoning_effort: "none" })).toMatch(/^5006: .*low, medium, high/);
    const responses = await run("@cf/openai/gpt-oss-120b", { input: "q", reasoning: { effort: "low" } });
    expect(responses.output[0].content[0].text).toBe("Thinking (low effort) about: q");
    await onPaidPlan();
    const none = await run("@cf/deepseek-ai/deepseek-v4-flash-0731", { ...user("q"), reasoning_effort: "none" });
    expect(none.choices[0].message.reasoning_content).toBeNull();
    expect(none.usage.completion_tokens_details.reasoning_tokens).toBe(0);
    // glm-5.3-flash turns "none" into its default, max: it cannot stop thinking.
    const flash = await run("@cf/zai-org/glm-5.3-flash", { ...user("q"), reasoning_effort: "none" });
    expect(flash.choices[0].message.reasoning_content).toBe("Thinking about: q");
  });

  it("streams of every family rebuild to their non-stream answer", async () => {
    const models = [
      "@cf/zai-org/glm-4.7-flash",
      "@cf/google/gemma-4-26b-a4b-it",
      "@cf/nvidia/nemotron-3-120b-a12b",
      "@cf/qwen/qwen3.8-27b",
      "@cf/qwen/qwen3-30b-a3b-fp8",
      "@cf/aisingapore/gemma-sea-lion-v4-27b-it",
      "@cf/openai/gpt-oss-20b",
      "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
      "@cf/meta/llama-4-scout-17b-16e-instruct",
      "@cf/ibm-granite/granite-4.0-h-micro",
    ];
    for (const model of models) {
      const inputs = user("stream me ünïcode");
      const whole = await run(model, inputs);
      const r = rebuild(await sseOf(await run(model, { ...inputs, stream: true })));
      if (whole.choices) {
        const m = whole.choices[0].message;
        expect(r, model).toMatchObject({
          text: m.content,
          reasoning: m.reasoning_content ?? m.reasoning ?? "",
          usage: whole.usage,
          done: true,
        });
      } else expect(r, model).toMatchObject({ text: whole.response, usage: whole.usage, done: true });
    }
  });
});

describe("prompt caching (x-session-affinity)", () => {
  it("reports the prefix a session's previous prompt shared as cached tokens", async () => {
    const session = { extraHeaders: { "x-session-affinity": `ses-${crypto.randomUUID()}` } };
    const system = { role: "system", content: "You are a careful assistant with a long shared preamble" };
    const ask = (q: string) => ({ messages: [system, { role: "user", content: q }] });
    const first = await run("@cf/zai-org/glm-4.7-flash", ask("first question"), session);
    expect(first.usage.prompt_tokens_details.cached_tokens).toBe(0);
    const second = await run("@cf/zai-org/glm-4.7-flash", ask("second question"), session);
    expect(second.usage.prompt_tokens_details.cached_tokens).toBe(10);
    const elsewhere = await run("@cf/zai-org/glm-4.7-flash", ask("second question"));
    expect(elsewhere.usage.prompt_tokens_details.cached_tokens).toBe(0);
    const responses = await run("@cf/openai/gpt-oss-120b", { input: "You are a careful assistant with more" }, session);
    expect(responses.usage.input_tokens_details.cached_tokens).toBe(6);
  });
});
