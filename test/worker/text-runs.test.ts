// Runs of text-only chat chunks, read without the SSE parser and the normaliser: taken where Workers AI's usual
// events are, and giving exactly what the normal path gives for any event, taken or not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AiEvent } from "../../worker/src/ai/events.js";
import { mergeDeltas } from "../../worker/src/ai/merge-deltas.js";
import { upstreamEvents } from "../../worker/src/ai/stages.js";
import { StreamNormaliser } from "../../worker/src/ai/stream.js";
import { readTextRun } from "../../worker/src/ai/text-runs.js";

const encoder = new TextEncoder();
const HEAD = { id: "chatcmpl-9f2", object: "chat.completion.chunk", created: 1767225600, model: "@cf/zai-org/glm-4.7-flash" };
const USAGE = {
  prompt_tokens: 25,
  completion_tokens: 3,
  total_tokens: 28,
  prompt_tokens_details: { cached_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 1 },
};

/** A chunk as Workers AI sends an OpenAI-shaped model's (glm, qwen3, kimi): head, one choice, cumulative usage. */
const chunk = (delta: object, extra: { finish?: string | null; usage?: unknown; choice?: object } = {}) =>
  `data: ${JSON.stringify({
    ...HEAD,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: extra.finish ?? null, ...extra.choice }],
    ...("usage" in extra ? extra.usage !== undefined && { usage: extra.usage } : { usage: USAGE }),
  })}\n\n`;

describe("readTextRun", () => {
  it("takes the text and reasoning chunks Workers AI sends, up to the first other event", () => {
    const text = [
      chunk({ reasoning: "Let me " }),
      chunk({ reasoning: 'say "hi"' }),
      chunk({ content: "Hi" }),
      chunk({ content: "\n😀 \\ é" }),
      chunk({}, { finish: "stop" }),
      "data: [DONE]\n\n",
    ].join("");
    const run = readTextRun(text, 0);
    expect(run).toEqual({
      end: text.lastIndexOf("data: ", text.indexOf('"delta":{}')),
      events: [
        { type: "reasoning", text: 'Let me say "hi"' },
        { type: "text", text: "Hi\n😀 \\ é" },
      ],
      usage: JSON.stringify(USAGE),
    });
    // From the middle of the text, at an event's start: the rest of the run.
    const third = text.indexOf("data: ", 1 + text.indexOf("data: ", 1));
    expect(readTextRun(text, third)?.events).toEqual([{ type: "text", text: "Hi\n😀 \\ é" }]);
  });

  it("takes vLLM's null keys around the delta, and a usage with fractions or none", () => {
    const text = [
      chunk({ reasoning_content: null, content: "a", tool_calls: null }, { choice: { stop_reason: null, token_ids: null } }),
      chunk({ content: "b" }, { usage: undefined }).replace('"content":"b"', '"content":null,"content":"b","reasoning":null'),
      chunk({ reasoning_content: "c" }, { usage: { ...USAGE, neurons: 26.359089493751526, cost: 1.5e-7 } }),
    ].join("");
    expect(readTextRun(text, 0)).toEqual({
      end: text.length,
      events: [
        { type: "text", text: "ab" },
        { type: "reasoning", text: "c" },
      ],
      usage: JSON.stringify({ ...USAGE, neurons: 26.359089493751526, cost: 1.5e-7 }),
    });
  });

  it("takes native events of text, with Workers AI's padding, an empty tool_calls or the usage", () => {
    const text = [
      'data: {"response":"Hello","p":"abcdefgh"}\n\n',
      'data: {"response":" \\"world\\"\\n","tool_calls":[]}\n\n',
      'data: {"response":""}\n\n',
      'data: {"response":"","usage":{"prompt_tokens":755,"completion_tokens":10,"total_tokens":765}}\n\n',
      "data: [DONE]\n\n",
    ].join("");
    expect(readTextRun(text, 0)).toEqual({
      end: text.indexOf("data: [DONE]"),
      events: [{ type: "text", text: 'Hello "world"\n' }],
      usage: '{"prompt_tokens":755,"completion_tokens":10,"total_tokens":765}',
    });
    for (const event of [
      'data: {"response":"a","tool_calls":[{"name":"f","arguments":{}}]}\n\n',
      'data: {"response":"a","p":"x\\"y"}\n\n',
      'data: {"response":"a","response":null}\n\n',
      'data: {"response":null}\n\n',
      'data: {"response":"a","error":"x"}\n\n',
      'data: {"p":"abc","response":"a"}\n\n',
    ])
      expect(readTextRun(event, 0), event).toBeUndefined();
  });

  it("leaves to the normal path every event that says more than one piece of text, or says it otherwise", () => {
    const declined = [
      chunk({ role: "assistant", content: "" }),
      chunk({ content: "a", reasoning_content: "b" }),
      chunk({ content: "a" }, { finish: "length" }),
      chunk({ content: "a", tool_calls: [] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: "{}" } }] }),
      chunk({ content: "a" }, { choice: { index: 1 } }),
      chunk({ content: "a" }, { choice: { logprobs: { content: [] } } }),
      chunk({ content: "a" }, { choice: { stop_reason: 151338 } }),
      chunk({ content: "a" }, { usage: null }),
      chunk({ content: "a" }, { usage: { prompt_tokens: 1, note: "x" } }),
      chunk({ content: "a" }, { usage: { a: { b: { c: 1 } } } }),
      chunk({ content: "a" }).replace("\n\n", "\r\n\r\n"),
      chunk({ content: "a" }).replace('"content":"a"', '"content":"a\\x"'),
      chunk({ content: "a" }).replace('"content":"a"', '"content":"a\tb"'),
      // A key given twice: JSON.parse keeps the last one, which the run would not read.
      chunk({ content: "a" }).replace('"content":"a"', '"content":"a","content":null'),
      chunk({ content: "a" }).replace('"finish_reason":null', '"finish_reason":null,"delta":null'),
      chunk({ content: "a" }).replace('"finish_reason":null', '"finish_reason":null,"index":2'),
      chunk({ content: "a" }).replace(/"usage":\{.*\}\}/, '"usage":{"prompt_tokens":01}}'),
      chunk({ content: "a" }).replace('"usage"', '"error":{"message":"x"},"usage"'),
      chunk({ choices: [] }),
      'data: {"response":"a","p":"ab","usage":null}\n\n',
      chunk({ content: "a" }).slice(0, -1),
    ];
    for (const event of declined) expect(readTextRun(event, 0), event).toBeUndefined();
    // One declined event ends a run: what came before it is taken.
    const run = readTextRun(chunk({ content: "x" }) + declined[1], 0);
    expect(run?.events).toEqual([{ type: "text", text: "x" }]);
  });
});

/** The normal path alone: every event parsed on its own by the normaliser (no runs), deltas merged. */
function reference(text: string): AiEvent[] {
  const normaliser = new StreamNormaliser();
  const out: AiEvent[] = [];
  const emit = (event: AiEvent) => void out.push(event);
  for (const event of text.split("\n\n")) if (event.startsWith("data: ")) normaliser.push({ event: undefined, data: event.slice(6) }, emit);
  normaliser.end(emit);
  return mergeDeltas(out);
}

async function throughStages(text: string, cuts: number[]): Promise<AiEvent[]> {
  const bytes = encoder.encode(text);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = 0;
      for (const p of [...points, bytes.length]) {
        if (p > last) controller.enqueue(bytes.subarray(last, p));
        last = Math.max(last, p);
      }
      controller.close();
    },
  });
  const out: AiEvent[] = [];
  const source = upstreamEvents(stream);
  for (let batch = await source.read(); batch; batch = await source.read()) out.push(...batch);
  return mergeDeltas(out);
}

describe("runs in a stream", () => {
  // Strings with what JSON escapes: quotes, backslashes, control characters, lone surrogate halves.
  const piece = fc.oneof(
    fc.string({ unit: "binary", maxLength: 6 }),
    fc.constantFrom('"', "\\", "\n", "\u0000", "\ud83d", "\ude00", "😀", '"},{"content":"x'),
  );
  const event = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom("content", "reasoning", "reasoning_content"), piece, fc.nat(5)), weight: 6 },
    { arbitrary: fc.tuple(fc.constant("response"), piece, fc.nat(5)), weight: 3 },
    { arbitrary: fc.constantFrom("role", "finish", "tool", "empty-choices", "native-tail", "twice", "twice-null", "headless"), weight: 2 },
  );
  const usages = [USAGE, undefined, { ...USAGE, neurons: 0.25 }, null, { prompt_tokens: 1, note: "x" }, {}];

  it("give what the normal path gives, whatever the events and wherever the reads split them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 24 }), fc.array(fc.nat(), { maxLength: 12 }), async (events, cuts) => {
        let tokens = 0;
        const text = `${events
          .map((e) => {
            const usage = { ...USAGE, completion_tokens: ++tokens };
            if (typeof e === "string")
              return {
                role: chunk({ role: "assistant", content: "" }),
                finish: chunk({}, { finish: "stop", usage }),
                tool: chunk({ tool_calls: [{ index: 0, id: "call_1", function: { name: "f", arguments: '{"a":' } }] }),
                "empty-choices": `data: ${JSON.stringify({ ...HEAD, choices: [], usage })}\n\n`,
                "native-tail": `data: ${JSON.stringify({ response: "", usage })}\n\n`,
                twice: chunk({ content: "a" }).replace('"content":"a"', '"content":"a","content":"b"'),
                "twice-null": chunk({ content: "a" }).replace('"content":"a"', '"content":"a","content":null'),
                headless: 'data: {"choices":[{"index":0,"delta":{"content":"z"}}],"usage":{"prompt_tokens":1}}\n\n',
              }[e];
            const [key, value, shape] = e;
            if (key === "response")
              return `data: ${JSON.stringify({
                response: value,
                ...[{}, { p: "abcdefgh" }, { tool_calls: [] }, { p: "ab", tool_calls: [], usage }, { usage }, { tool_calls: null }][shape],
              })}\n\n`;
            const nulls = [{}, { tool_calls: null }, { reasoning_content: null }, {}, {}, {}][shape];
            return chunk({ ...nulls, [key]: value }, { usage: shape === 4 ? usages[tokens % usages.length] : usage });
          })
          .join("")}data: [DONE]\n\n`;
        expect(await throughStages(text, cuts)).toEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it("a bad event after a run: the run's text goes out, then the error names the event", async () => {
    const text = `${chunk({ content: "kept" })}data: {"choices":[oops\n\n${chunk({ content: "lost" })}`;
    const source = upstreamEvents(
      new ReadableStream({
        start(controller) {
          controller.enqueue(encoder.encode(text));
          controller.close();
        },
      }),
    );
    expect(await source.read()).toEqual([{ type: "text", text: "kept" }]);
    await expect(source.read()).rejects.toThrow(/not JSON: \{"choices":\[oops/);
  });
});
