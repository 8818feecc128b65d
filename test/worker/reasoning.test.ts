// Reasoning models through the proxy: the thinking reaches clients where they look (reasoning_content, a Responses
// reasoning item), reasoning_effort / reasoning.effort become each model's own switch, and prompt_cache_key
// becomes Workers AI's x-session-affinity prompt caching, with cached tokens reported in usage.
import { afterEach, describe, expect, it } from "vitest";
import { call, callsWith, openai, sseData, stub, unique } from "./helpers.js";

const GLM = "@cf/zai-org/glm-4.7-flash";
const ask = (content: string, extra: Record<string, unknown> = {}) => ({ messages: [{ role: "user", content }], ...extra });
const json = async (res: Response): Promise<any> => await res.json();

const undo: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (undo.length) await undo.pop()!();
});

describe("chat completions", () => {
  it("puts the thinking in reasoning_content and counts its tokens", async () => {
    const c = await json(await call("POST", "/v1/chat/completions", { model: GLM, ...ask("why blue") }));
    expect(c.choices[0].message).toMatchObject({ content: "Echo: why blue", reasoning_content: "Thinking about: why blue" });
    expect(c.usage).toMatchObject({ completion_tokens_details: { reasoning_tokens: 4 }, prompt_tokens_details: { cached_tokens: 0 } });
  });

  it("streams the thinking as reasoning_content deltas before the content", async () => {
    const res = await call("POST", "/v1/chat/completions", {
      model: GLM,
      stream: true,
      stream_options: { include_usage: true },
      ...ask("why blue"),
    });
    const chunks = sseData(await res.text()).filter((d): d is any => typeof d === "object");
    const deltas = chunks.flatMap((c) => c.choices.map((ch: any) => ch.delta));
    const reasoning = deltas.map((d) => d.reasoning_content ?? "").join("");
    expect(reasoning).toBe("Thinking about: why blue");
    const firstContent = deltas.findIndex((d) => d.content);
    expect(deltas.findIndex((d) => d.reasoning_content)).toBeLessThan(firstContent);
    expect(chunks.at(-1).usage.completion_tokens_details).toEqual({ reasoning_tokens: 4 });
  });

  it.each([
    ["none", GLM, { chat_template_kwargs: { enable_thinking: false } }],
    ["minimal", "@cf/qwen/qwen3-30b-a3b-fp8", { chat_template_kwargs: { enable_thinking: false } }],
    ["high", "@cf/google/gemma-4-26b-a4b-it", { chat_template_kwargs: { enable_thinking: true } }],
    ["none", "@cf/openai/gpt-oss-120b", { reasoning_effort: "low" }],
    ["xhigh", "@cf/openai/gpt-oss-20b", { reasoning_effort: "high" }],
    ["medium", "@cf/openai/gpt-oss-20b", { reasoning_effort: "medium" }],
  ])("reasoning_effort %s reaches %s as its own control", async (effort, model, expected) => {
    const marker = unique();
    const res = await call("POST", "/v1/chat/completions", { model, reasoning_effort: effort, ...ask(marker) });
    expect(res.status).toBe(200);
    const inputs = (await callsWith(marker))[0].inputs as Record<string, unknown>;
    expect(inputs).toMatchObject(expected);
    if (!("reasoning_effort" in expected)) expect(inputs).not.toHaveProperty("reasoning_effort");
  });

  it("asking for no reasoning turns it off where the model allows, saving its tokens", async () => {
    const c = await json(await call("POST", "/v1/chat/completions", { model: GLM, reasoning_effort: "none", ...ask("why blue") }));
    expect(c.choices[0].message).not.toHaveProperty("reasoning_content");
    expect(c.usage.completion_tokens_details).toEqual({ reasoning_tokens: 0 });
  });

  it("Kimi's switch is chat_template_kwargs.thinking", async () => {
    await stub.setWorkersPaid(true);
    undo.push(() => stub.setWorkersPaid(false));
    const marker = unique();
    const c = await json(
      await call("POST", "/v1/chat/completions", { model: "@cf/moonshotai/kimi-k2.6", reasoning_effort: "none", ...ask(marker) }),
    );
    expect(c.choices[0].message.content).toBe(`Echo: ${marker}`);
    expect((await callsWith(marker))[0].inputs).toMatchObject({ chat_template_kwargs: { thinking: false } });
  });

  it("models without a reasoning control get no reasoning setting; an unknown effort is a 400", async () => {
    const marker = unique();
    expect(
      (await call("POST", "/v1/chat/completions", { model: "@cf/meta/llama-3.1-8b-instruct-fp8", reasoning_effort: "low", ...ask(marker) }))
        .status,
    ).toBe(200);
    const inputs = (await callsWith(marker))[0].inputs as Record<string, unknown>;
    expect(inputs).not.toHaveProperty("reasoning_effort");
    expect(inputs).not.toHaveProperty("chat_template_kwargs");
    const bad = await call("POST", "/v1/chat/completions", { model: GLM, reasoning_effort: "turbo", ...ask("x") });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.param).toBe("reasoning_effort");
  });
});

describe("prompt caching", () => {
  it("prompt_cache_key becomes x-session-affinity, and repeated prefixes are reported as cached tokens", async () => {
    const key = unique("session");
    const system = { role: "system", content: "A long shared system prompt of exactly ten words here" };
    const send = async (q: string) =>
      json(
        await call("POST", "/v1/chat/completions", { model: GLM, prompt_cache_key: key, messages: [system, { role: "user", content: q }] }),
      );
    const marker = unique();
    const first = await send(`${marker} one`);
    const second = await send(`${marker} two`);
    expect(first.usage.prompt_tokens_details.cached_tokens).toBe(0);
    expect(second.usage.prompt_tokens_details.cached_tokens).toBe(11);
    const calls = await callsWith(marker);
    expect(calls[0].options).toEqual({ extraHeaders: { "x-session-affinity": key } });
    expect(calls[0].inputs).not.toHaveProperty("x-session-affinity");
  });
});

describe("Responses", () => {
  it("answers with a reasoning item before the message, stores it, and echoes reasoning.effort", async () => {
    const r = await openai().responses.create({ model: GLM, input: "why blue", reasoning: { effort: "low" } });
    expect(r.output.map((item) => item.type)).toEqual(["reasoning", "message"]);
    expect(r.output[0]).toMatchObject({ type: "reasoning", content: [{ type: "reasoning_text", text: "Thinking about: why blue" }] });
    expect(r.reasoning).toEqual({ effort: "low", summary: null });
    expect(r.usage?.output_tokens_details.reasoning_tokens).toBe(4);
    const stored = await openai().responses.retrieve(r.id);
    expect(stored.output[0]).toMatchObject({ id: r.output[0].id, type: "reasoning" });
  });

  it("reasoning.effort none: no reasoning item", async () => {
    const r = await openai().responses.create({ model: GLM, input: "why blue", reasoning: { effort: "none" } });
    expect(r.output.map((item) => item.type)).toEqual(["message"]);
  });

  it("streams the reasoning item (added, reasoning_text deltas, done) and the SDK accumulates it", async () => {
    const stream = openai().responses.stream({ model: GLM, input: "why blue", prompt_cache_key: unique("s") });
    const types: string[] = [];
    stream.on("event", (e) => types.push(e.type));
    const final = await stream.finalResponse();
    expect(types).toContain("response.reasoning_text.delta");
    expect(types.indexOf("response.reasoning_text.done")).toBeLessThan(types.indexOf("response.output_text.delta"));
    expect(final.output[0]).toMatchObject({ type: "reasoning", content: [{ type: "reasoning_text", text: "Thinking about: why blue" }] });
    expect(final.output_text).toBe("Echo: why blue");
    expect(final.usage?.input_tokens_details.cached_tokens).toBe(0);
  });
});
