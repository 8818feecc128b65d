// The Workers AI stub, streams: each family's SSE format rebuilt by hand equals the non-stream answer, and the
// network chunking splits events and UTF-8 characters.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { joinBytes, parseSse, readChunks, rebuild, sseOf } from "../fakes/ai-stub/test-helpers";
import type { AiStubRpc } from "../fakes/ai-stub/types";
import { callsWith, sentWhenStopped, unique } from "./helpers.js";

const ai = (env as unknown as { AI: AiStubRpc }).AI;
const run = async (model: string, inputs: unknown): Promise<any> => await ai.run(model, inputs);
const stream = async (model: string, inputs: Record<string, unknown>) =>
  (await ai.run(model, { ...inputs, stream: true })) as ReadableStream<Uint8Array>;
const user = (content: string) => ({ messages: [{ role: "user", content }] });
const tool = {
  type: "function",
  function: {
    name: "lookup",
    parameters: { type: "object", properties: { q: { type: "string" }, n: { type: "number" } }, required: ["q", "n"] },
  },
};
const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const breaksUtf8 = (c: Uint8Array) => {
  try {
    fatal.decode(c);
    return false;
  } catch {
    return true;
  }
};

describe("native streams", () => {
  it("rebuild to the non-stream text and usage, ending with usage then [DONE]", async () => {
    const inputs = user("Grüße aus Köln 🌍 and more words");
    const whole = await run("@cf/meta/llama-3.1-8b-instruct-fp8", inputs);
    const events = await sseOf(await stream("@cf/meta/llama-3.1-8b-instruct-fp8", inputs));
    const r = rebuild(events);
    expect(r.text).toBe(whole.response);
    expect(r.usage).toEqual(whole.usage);
    expect(r.done).toBe(true);
    expect(events.at(-1)!.data).toBe("[DONE]");
    expect(JSON.parse(events.at(-2)!.data)).toEqual({ response: "", usage: whole.usage });
    expect(JSON.parse(events[0].data)).toMatchObject({ response: "Echo:", p: expect.any(String) });
    expect(events.length).toBe(2 + whole.usage.completion_tokens);
  });

  it("stream tool calls as index/id/name first, then argument pieces", async () => {
    const inputs = { ...user("find it"), tools: [tool] };
    const whole = await run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", inputs);
    const events = await sseOf(await stream("@cf/meta/llama-3.3-70b-instruct-fp8-fast", inputs));
    const first = JSON.parse(events[0].data);
    expect(first.tool_calls[0]).toEqual({
      index: 0,
      id: expect.stringMatching(/^chatcmpl-tool-/),
      type: "function",
      function: { name: "lookup", arguments: "" },
    });
    expect(JSON.parse(events[1].data).tool_calls[0]).toEqual({ index: 0, function: { arguments: expect.any(String) } });
    const r = rebuild(events);
    expect(r.toolCalls.map((c) => ({ name: c.name, arguments: JSON.parse(c.arguments) }))).toEqual(whole.tool_calls);
    expect(r.usage).toEqual(whole.usage);
  });

  it("llama-4 streams the same way", async () => {
    const inputs = { ...user("find"), tools: [tool] };
    const whole = await run("@cf/meta/llama-4-scout-17b-16e-instruct", inputs);
    const r = rebuild(await sseOf(await stream("@cf/meta/llama-4-scout-17b-16e-instruct", inputs)));
    expect(r.toolCalls).toEqual([
      { id: whole.tool_calls[0].id, name: "lookup", arguments: JSON.stringify(whole.tool_calls[0].function.arguments) },
    ]);
  });
});

describe("OpenAI-shaped streams", () => {
  it("rebuild to the non-stream message, finish reason and usage", async () => {
    const inputs = user("Wie geht's? ☕");
    const whole = await run("@cf/qwen/qwen3-30b-a3b-fp8", inputs);
    const events = await sseOf(await stream("@cf/qwen/qwen3-30b-a3b-fp8", inputs));
    const r = rebuild(events);
    const msg = whole.choices[0].message;
    expect(r.text).toBe(msg.content);
    expect(r.reasoning).toBe(msg.reasoning_content);
    expect(r.finish).toBe("stop");
    expect(r.usage).toEqual(whole.usage);
    const chunks = events.filter((e) => e.data !== "[DONE]").map((e) => JSON.parse(e.data));
    expect(chunks[0]).toMatchObject({
      id: whole.id,
      object: "chat.completion.chunk",
      choices: [{ index: 0, delta: { role: "assistant", content: "" } }],
    });
    const used = chunks.map((c) => c.usage.completion_tokens);
    expect(used).toEqual([...used].sort((a, b) => a - b));
    expect(used.reduce((a, b) => a + b, 0)).toBeGreaterThan(whole.usage.completion_tokens);
    expect(chunks.at(-2)).toMatchObject({ choices: [], usage: whole.usage });
    expect(chunks.at(-1)).toEqual({ response: "", usage: whole.usage });
  });

  it("stream tool calls: id/type/name first, then pieces with null id and name", async () => {
    const inputs = { ...user('[[stub:call=lookup {"q":"a b","n":1}]] [[stub:call=lookup]]'), tools: [tool] };
    const whole = await run("@cf/zai-org/glm-4.7-flash", inputs);
    const events = await sseOf(await stream("@cf/zai-org/glm-4.7-flash", inputs));
    const deltas = events
      .filter((e) => e.data !== "[DONE]")
      .map((e) => JSON.parse(e.data).choices?.[0]?.delta?.tool_calls?.[0])
      .filter(Boolean);
    expect(deltas[0]).toEqual({
      index: 0,
      id: whole.choices[0].message.tool_calls[0].id,
      type: "function",
      function: { name: "lookup", arguments: "" },
    });
    expect(deltas[1]).toMatchObject({ index: 0, id: null, function: { name: null } });
    const r = rebuild(events);
    expect(r.finish).toBe("tool_calls");
    expect(r.toolCalls).toEqual(
      whole.choices[0].message.tool_calls.map((c: any) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments })),
    );
    expect(JSON.parse(r.toolCalls[1].arguments)).toEqual({ q: "test", n: 42 });
  });

  it("text_completion streams rebuild to the non-stream text", async () => {
    const whole = await run("@cf/zai-org/glm-4.7-flash", { prompt: "[[stub:words=9]]", max_tokens: 4 });
    const r = rebuild(await sseOf(await stream("@cf/zai-org/glm-4.7-flash", { prompt: "[[stub:words=9]]", max_tokens: 4 })));
    expect(r).toMatchObject({ text: whole.choices[0].text, finish: "length", usage: whole.usage, done: true });
    expect(r.text).toBe("w1 w2 w3 w4");
  });

  it("gpt-oss with messages streams chat chunks; with input, Responses events", async () => {
    const chat = rebuild(await sseOf(await stream("@cf/openai/gpt-oss-20b", user("hi"))));
    expect(chat).toMatchObject({ text: "Echo: hi", reasoning: "Thinking about: hi", finish: "stop", done: true });
    const whole = await run("@cf/openai/gpt-oss-120b", { input: "tell me" });
    const events = await sseOf(await stream("@cf/openai/gpt-oss-120b", { input: "tell me" }));
    expect(events[0].event).toBe("response.created");
    expect(events.map((e) => JSON.parse(e.data).sequence_number)).toEqual(events.map((_, i) => i));
    const text = events
      .filter((e) => e.event === "response.output_text.delta")
      .map((e) => JSON.parse(e.data).delta)
      .join("");
    expect(text).toBe("Echo: tell me");
    const done = events.at(-1)!;
    expect(done.event).toBe("response.completed");
    expect(JSON.parse(done.data).response).toEqual(whole);
  });
});

describe("network chunking", () => {
  it("splits events and multi-byte characters by default; a streaming decoder still gets the text", async () => {
    const chunks = await readChunks(await stream("@cf/meta/llama-3.1-8b-instruct-fp8", user("naïve café — 日本語 🎉")));
    expect(chunks.filter(breaksUtf8).length).toBeGreaterThan(0);
    const dec = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
    const text = chunks.map((c) => dec.decode(c, { stream: true })).join("") + dec.decode();
    expect(rebuild(parseSse(text)).text).toBe("Echo: naïve café — 日本語 🎉");
    // Some chunk ends where no event ends: an event is split across chunks.
    const eventEnds = new Set<number>();
    let pos = 0;
    for (const block of text.split("\n\n").slice(0, -1)) eventEnds.add((pos += new TextEncoder().encode(`${block}\n\n`).length));
    let end = 0;
    const chunkEnds = chunks.map((c) => (end += c.length));
    expect(chunkEnds.some((e) => !eventEnds.has(e))).toBe(true);
    expect(chunks.length).toBeGreaterThan(eventEnds.size);
  });

  it("guarantees a split inside a multi-byte character even when the cycle would miss it", async () => {
    for (const word of ["é", "日", "🎉", "xé", "xx日"]) {
      const chunks = await readChunks(await stream("@cf/meta/llama-3.2-1b-instruct", { prompt: word }));
      expect(chunks.some(breaksUtf8)).toBe(true);
    }
  });

  it("is deterministic: same input, same chunks", async () => {
    const a = await readChunks(await stream("@cf/qwen/qwen3-30b-a3b-fp8", user("same ü")));
    const b = await readChunks(await stream("@cf/qwen/qwen3-30b-a3b-fp8", user("same ü")));
    expect(a.map((c) => c.length)).toEqual(b.map((c) => c.length));
    expect(joinBytes(a)).toEqual(joinBytes(b));
  });

  it("chunk=N gives N-byte chunks", async () => {
    const chunks = await readChunks(await stream("@cf/meta/llama-3.1-8b-instruct-fp8", user("[[stub:chunk=7]] [[stub:words=30]]")));
    expect(chunks.slice(0, -1).every((c) => c.length === 7)).toBe(true);
    expect(chunks.at(-1)!.length).toBeLessThanOrEqual(7);
    expect(rebuild(parseSse(new TextDecoder().decode(joinBytes(chunks)))).text.split(" ")).toHaveLength(30);
  });

  it("chunk=event gives one whole SSE event per chunk", async () => {
    const chunks = await readChunks(await stream("@cf/nvidia/nemotron-3-120b-a12b", user("[[stub:chunk=event]] ünïcode")));
    for (const c of chunks) {
      const t = fatal.decode(c);
      expect(t.endsWith("\n\n")).toBe(true);
      expect(parseSse(t)).toHaveLength(1);
    }
    expect(new TextDecoder().decode(chunks.at(-1))).toBe("data: [DONE]\n\n");
  });

  it("long replies stream one event per word", async () => {
    const events = await sseOf(await stream("@cf/meta/llama-3.1-8b-instruct-fp8", { ...user("[[stub:words=1000]]"), max_tokens: 1000 }));
    const r = rebuild(events);
    expect(r.text.split(" ")).toHaveLength(1000);
    expect(r.usage!.completion_tokens).toBe(1000);
  });

  it("streams cut at max_tokens too (256 by default)", async () => {
    const r = rebuild(await sseOf(await stream("@cf/google/gemma-4-26b-a4b-it", user("[[stub:words=300]]"))));
    expect(r.text.split(" ")).toHaveLength(256);
    expect(r.finish).toBe("length");
  });
});

describe("pause", () => {
  it("stops a stream for the time asked after its Nth network chunk, and nowhere else", async () => {
    const body = await stream("@cf/meta/llama-3.1-8b-instruct-fp8", user("[[stub:words=6]] [[stub:chunk=event]] [[stub:pause=3@300]]"));
    const reader = body.getReader();
    const at: number[] = [];
    const started = Date.now();
    for (let r = await reader.read(); !r.done; r = await reader.read()) at.push(Date.now() - started);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(at).toHaveLength(6 + 2);
    expect(gaps[2]).toBeGreaterThanOrEqual(290);
    expect(gaps.filter((g) => g >= 290)).toHaveLength(1);
    await expect(stream("@cf/meta/llama-3.1-8b-instruct-fp8", user("[[stub:pause=0@5]]"))).rejects.toThrow(/pause needs N@MS/);
  });
});

describe("pace and progress", () => {
  it("paces a stream, and the call log says how far the reader got", async () => {
    const marker = unique("pace");
    const body = await stream(
      "@cf/meta/llama-3.1-8b-instruct-fp8",
      user(`${marker} [[stub:words=50]] [[stub:chunk=event]] [[stub:pace=20]]`),
    );
    const reader = body.getReader();
    await reader.read();
    const progress = async () => (await callsWith(marker))[0].stream!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await progress()).chunks).toBe(52);
    expect((await progress()).sent).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(await sentWhenStopped(marker)).toBeLessThan(52);

    const whole = (
      await readChunks(
        await stream("@cf/meta/llama-3.1-8b-instruct-fp8", user(`${marker}b [[stub:words=3]] [[stub:chunk=event]] [[stub:pace=1]]`)),
      )
    ).length;
    expect(whole).toBe(5);
    expect((await callsWith(`${marker}b`))[0].stream).toEqual({ chunks: 5, sent: 5 });
  });

  it("refuses a pace that is not a positive whole number", async () => {
    await expect(stream("@cf/meta/llama-3.1-8b-instruct-fp8", user("[[stub:pace=fast]]"))).rejects.toThrow(/pace needs a positive integer/);
  });
});
