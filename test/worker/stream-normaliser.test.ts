// The stream normaliser against any split of the upstream bytes: inside events, inside UTF-8 characters.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AiEvent } from "../../worker/src/ai/events.js";
import { renderUpstream, upstreamEvents, type EventStage } from "../../worker/src/ai/stages.js";
import { StopStage } from "../../worker/src/ai/stop.js";
import { compactBatch } from "../../worker/src/ai/stream.js";
import { chatStreamRenderer } from "../../worker/src/render/chat-stream.js";

const encoder = new TextEncoder();

function streamOf(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let last = 0;
  for (const p of [...points, bytes.length]) {
    if (p > last) pieces.push(bytes.subarray(last, p));
    last = Math.max(last, p);
  }
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

async function events(bytes: Uint8Array, cuts: number[] = []): Promise<AiEvent[]> {
  const out: AiEvent[] = [];
  const source = upstreamEvents(streamOf(bytes, cuts));
  for (let batch = await source.read(); batch; batch = await source.read()) out.push(...batch);
  return out;
}

/** What a client sees, minus the chunking: the concatenated text, tool calls and the last usage. */
function visible(list: AiEvent[]) {
  const text = list
    .filter((e) => e.type === "text")
    .map((e) => (e as { text: string }).text)
    .join("");
  const reasoning = list
    .filter((e) => e.type === "reasoning")
    .map((e) => (e as { text: string }).text)
    .join("");
  const tools: Record<number, { id?: string; name?: string; args: string }> = {};
  for (const e of list)
    if (e.type === "tool") {
      const t = (tools[e.index] ??= { args: "" });
      t.id ??= e.id;
      t.name ??= e.name;
      t.args += e.args;
    }
  return {
    text,
    reasoning,
    tools,
    usage: list.filter((e) => e.type === "usage").at(-1),
    finish: list.filter((e) => e.type === "finish").at(-1),
  };
}

const sse = (objects: unknown[]) =>
  encoder.encode(objects.map((o) => `data: ${typeof o === "string" ? o : JSON.stringify(o)}\n\n`).join(""));

const text = fc.string({ unit: "grapheme", maxLength: 12 });

describe("native stream format", () => {
  it("any split gives the same text, tool calls and usage", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 30 }), async (pieces, cuts) => {
        const body = sse([
          ...pieces.map((p) => ({ response: p, p: "xx" })),
          { tool_calls: [{ index: 0, id: "call_1", function: { name: "get_weather", arguments: '{"city":' } }] },
          { tool_calls: [{ index: 0, function: { arguments: '"Zürich 🌍"}' } }] },
          { response: "", usage: { prompt_tokens: 3, completion_tokens: pieces.length, total_tokens: 3 + pieces.length } },
          "[DONE]",
        ]);
        const whole = visible(await events(body));
        expect(whole.text).toBe(pieces.join(""));
        expect(whole.tools[0]).toEqual({ id: "call_1", name: "get_weather", args: '{"city":"Zürich 🌍"}' });
        expect(visible(await events(body, cuts))).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it("a whole tool call with object arguments becomes a JSON string", async () => {
    const list = await events(
      sse([
        { response: "", tool_calls: [{ name: "f", arguments: { a: 1 } }] },
        { response: "", tool_calls: [{ name: "g", arguments: {} }] },
        "[DONE]",
      ]),
    );
    expect(visible(list).tools).toEqual({ 0: { id: undefined, name: "f", args: '{"a":1}' }, 1: { id: undefined, name: "g", args: "{}" } });
  });
});

describe("OpenAI-shaped stream format", () => {
  it("any split gives the same result, and cumulative usage counts once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 30 }), async (pieces, cuts) => {
        const chunks = [
          {
            choices: [{ index: 0, delta: { role: "assistant", reasoning_content: "hmm…" } }],
            usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
          },
          ...pieces.map((p, i) => ({
            choices: [{ index: 0, delta: { content: p } }],
            usage: { prompt_tokens: 5, completion_tokens: i + 2, total_tokens: i + 7 },
          })),
          {
            choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
            usage: { prompt_tokens: 5, completion_tokens: 40, total_tokens: 45 },
          },
          "[DONE]",
        ];
        const body = sse(chunks);
        const whole = visible(await events(body));
        expect(whole).toMatchObject({
          text: pieces.join(""),
          reasoning: "hmm…",
          usage: { type: "usage", usage: { total_tokens: 45 } },
          finish: { reason: "stop" },
        });
        expect(visible(await events(body, cuts))).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
});

describe("chat rendering of a split stream", () => {
  it("renders identical client-visible chunks whatever the split", async () => {
    const body = sse([
      { response: "Grüße " },
      { response: "aus 東京 🗼" },
      { response: "", usage: { prompt_tokens: 1, completion_tokens: 4, total_tokens: 5 } },
      "[DONE]",
    ]);
    const render = async (cuts: number[]) => {
      const stream = renderUpstream(
        streamOf(body, cuts),
        [],
        chatStreamRenderer({ id: "c", model: "m", created: 1, includeUsage: true, maxTokens: 100 }),
        0,
      );
      const text = await new Response(stream).text();
      const chunks = text.split("\n\n").filter(Boolean);
      const content = chunks
        .filter((c) => c !== "data: [DONE]")
        .map((c) => JSON.parse(c.slice(6)))
        .flatMap((c) => c.choices.map((ch: any) => ch.delta.content ?? ""))
        .join("");
      return { content, last: chunks.at(-1), usage: JSON.parse(chunks.at(-2)!.slice(6)).usage };
    };
    const whole = await render([]);
    expect(whole).toEqual({
      content: "Grüße aus 東京 🗼",
      last: "data: [DONE]",
      usage: { prompt_tokens: 1, completion_tokens: 4, total_tokens: 5 },
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 40 }), async (cuts) => {
        expect(await render(cuts)).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});

describe("stop sequences over a split stream", () => {
  it("cut at the same place whatever the split, even across events", async () => {
    const body = sse([{ response: "alpha be" }, { response: "ta STO" }, { response: "P gamma" }, "[DONE]"]);
    const render = async (cuts: number[]) => {
      const stream = renderUpstream(
        streamOf(body, cuts),
        [new StopStage(["STOP"])],
        chatStreamRenderer({ id: "c", model: "m", created: 1, includeUsage: false, maxTokens: 100 }),
        0,
      );
      const chunks = (await new Response(stream).text())
        .split("\n\n")
        .filter((c) => c && c !== "data: [DONE]")
        .map((c) => JSON.parse(c.slice(6)));
      return { text: chunks.map((c) => c.choices[0].delta.content ?? "").join(""), finish: chunks.at(-1).choices[0].finish_reason };
    };
    expect(await render([])).toEqual({ text: "alpha beta ", finish: "stop" });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), async (cuts) => {
        expect(await render(cuts)).toEqual({ text: "alpha beta ", finish: "stop" });
      }),
      { numRuns: 100 },
    );
  });

  it("an upstream that fails mid-stream ends with an error event the SDK understands", async () => {
    let pulls = 0;
    const upstream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(encoder.encode('data: {"response":"partial"}\n\n'));
        else controller.error(new Error("connection reset"));
      },
    });
    const text = await new Response(
      renderUpstream(upstream, [], chatStreamRenderer({ id: "c", model: "m", created: 1, includeUsage: false, maxTokens: 100 })),
    ).text();
    const last = JSON.parse(text.trim().split("\n\n").at(-1)!.slice(6));
    expect(last.error).toMatchObject({ type: "server_error" });
    expect(text).toContain('"content":"partial"');
  });
});

describe("framings and batches (events are parsed a batch at a time)", () => {
  it("any framing the SSE format allows gives the same events as one data line each, whatever the split", async () => {
    const framed = encoder.encode(
      [
        'data: {"response":"a"}\n\n',
        ": a comment line\n\n",
        'event: message\ndata: {"response":"b"}\n\n',
        'data: {"response":\ndata: "c"}\n\n',
        'data: {"response":"d"}\r\n\r\n',
        'data:{"response":"e"}\n\n',
        'data: {"response":"f","usage":{"prompt_tokens":1,"completion_tokens":6,"total_tokens":7}}\n\n',
        "data: [DONE]\n\n",
      ].join(""),
    );
    const whole = visible(await events(framed));
    expect(whole.text).toBe("abcdef");
    expect(whole.usage).toEqual({ type: "usage", usage: expect.objectContaining({ completion_tokens: 6 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 20 }), async (cuts) => {
        expect(visible(await events(framed, cuts))).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it("a bad event in a batch: the events before it still go out, then the error names it", async () => {
    const source = upstreamEvents(
      streamOf(encoder.encode('data: {"response":"a"}\n\ndata: {"response":"b"}\n\ndata: {oops}\n\ndata: {"response":"c"}\n\n'), []),
    );
    expect(visible((await source.read())!).text).toBe("ab");
    await expect(source.read()).rejects.toThrow(/not JSON: \{oops\}/);
  });

  it("the stages see a batch's one-token deltas as one event of each kind, in order; a failure still lets them through", async () => {
    const seen: AiEvent[] = [];
    const spy: EventStage = { push: (event, emit) => void (seen.push(event), emit(event)), end: () => {} };
    const chunk = (delta: object) => `data: ${JSON.stringify({ object: "chat.completion.chunk", choices: [{ index: 0, delta }] })}\n\n`;
    const body = [
      ...Array.from({ length: 30 }, (_, i) => chunk({ reasoning_content: `r${i} ` })),
      ...Array.from({ length: 30 }, (_, i) => chunk({ content: `t${i} ` })),
      'data: {"response":"","usage":{"prompt_tokens":1,"completion_tokens":60,"total_tokens":61}}\n\n',
      "data: [DONE]\n\n",
    ].join("");
    const source = upstreamEvents(streamOf(encoder.encode(body), []), [spy]);
    for (let batch = await source.read(); batch; batch = await source.read());
    expect(seen.map((e) => e.type)).toEqual(["reasoning", "text", "usage"]);
    expect(seen[0]).toEqual({ type: "reasoning", text: Array.from({ length: 30 }, (_, i) => `r${i} `).join("") });
    expect(seen[1]).toEqual({ type: "text", text: Array.from({ length: 30 }, (_, i) => `t${i} `).join("") });

    seen.length = 0;
    const failing = upstreamEvents(streamOf(encoder.encode(`${chunk({ content: "a" })}${chunk({ content: "b" })}data: {oops}\n\n`), []), [
      spy,
    ]);
    await failing.read();
    await expect(failing.read()).rejects.toThrow(/not JSON/);
    expect(seen).toEqual([{ type: "text", text: "ab" }]);
  });

  it("an event holding two JSON objects is an error, not two events, even beside good ones", async () => {
    const source = upstreamEvents(streamOf(encoder.encode('data: {"response":"x"},{"response":"y"}\n\ndata: {"response":"z"}\n\n'), []));
    await expect(source.read()).rejects.toThrow(/not JSON: \{"response":"x"\},\{"response":"y"\}/);
  });
});

describe("compacted batches", () => {
  /** Every event in a chunk of its own: parsed one by one, never compacted. */
  const oneByOne = (body: Uint8Array) => {
    const cuts: number[] = [];
    const textOfBody = new TextDecoder().decode(body);
    for (let at = textOfBody.indexOf("\n\n"); at >= 0; at = textOfBody.indexOf("\n\n", at + 2))
      cuts.push(encoder.encode(textOfBody.slice(0, at + 2)).length);
    return cuts;
  };
  const tricky = fc.oneof(
    text,
    fc.constantFrom('{"id":"x","object":"chat.completion.chunk","created":1,"model":"m",', ',"usage":{"a":1}', '"}', "{", "}", "\\"),
  );

  it("a chunk that says only one piece of text becomes [delta]; any other chunk keeps its shape", () => {
    const head = '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1767225600,"model":"@cf/zai-org/glm-4.7-flash",';
    const piece = (delta: object, finish: string | null = null) =>
      `${head}"choices":[{"index":0,"delta":${JSON.stringify(delta)},"logprobs":null,"finish_reason":${JSON.stringify(finish)}}],"usage":{"prompt_tokens":1,"completion_tokens_details":{"reasoning_tokens":0}}}`;
    const joined = [
      piece({ reasoning: 'say \\"hi\\"' }),
      piece({ content: 'a"},{' }),
      piece({ content: "b", tool_calls: [] }),
      piece({ reasoning_content: null, content: "c", tool_calls: null }).replace(
        '"finish_reason":null',
        '"finish_reason":null,"token_ids":null',
      ),
      piece({ content: "d" }).replace('"finish_reason":null', '"finish_reason":null,"stop_reason":151338'),
      piece({}, "stop"),
    ].join(",");
    expect(compactBatch(joined)).toBe(
      [
        `[${JSON.stringify({ reasoning: 'say \\"hi\\"' })}]`,
        `[${JSON.stringify({ content: 'a"},{' })}]`,
        '{"choices":[{"index":0,"delta":{"content":"b","tool_calls":[]},"logprobs":null,"finish_reason":null}]}',
        '[{"reasoning_content":null,"content":"c","tool_calls":null}]',
        '{"choices":[{"index":0,"delta":{"content":"d"},"logprobs":null,"finish_reason":null,"stop_reason":151338}]}',
        '{"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens_details":{"reasoning_tokens":0}}}',
      ].join(","),
    );
  });

  it("a batch parsed at once, without heads and earlier usage, gives what event-by-event parsing gives", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(tricky, fc.boolean(), fc.nat(3)), { minLength: 2, maxLength: 10 }), async (pieces) => {
        // vLLM's null keys around the delta, or a key that is not null (then the chunk is parsed whole).
        const around = [{}, { token_ids: null }, { stop_reason: 151338 }, { stop_reason: null, token_ids: null }];
        const nulls = [{}, { tool_calls: null }, { role: "assistant" }, { refusal: null, tool_calls: null }];
        const body = sse([
          ...pieces.map(([content, withUsage, shape], i) => ({
            id: "chatcmpl-1",
            object: "chat.completion.chunk",
            created: 1767225600,
            model: "@cf/zai-org/glm-4.7-flash",
            choices: [
              {
                index: 0,
                delta: i % 3 === 2 ? { reasoning_content: content, ...nulls[shape] } : { ...nulls[shape], content },
                logprobs: null,
                finish_reason: null,
                ...around[shape],
              },
            ],
            ...(withUsage && {
              usage: { prompt_tokens: 2, completion_tokens: i + 1, total_tokens: i + 3, prompt_tokens_details: { cached_tokens: 0 } },
            }),
          })),
          "[DONE]",
        ]);
        const together = visible(await events(body));
        expect(together).toEqual(visible(await events(body, oneByOne(body))));
        expect(together.text).toBe(
          pieces
            .filter((_, i) => i % 3 !== 2)
            .map(([c]) => c)
            .join(""),
        );
        expect(together.reasoning).toBe(
          pieces
            .filter((_, i) => i % 3 === 2)
            .map(([c]) => c)
            .join(""),
        );
        const last = pieces.findLastIndex(([, withUsage]) => withUsage);
        expect((together.usage as { usage: { completion_tokens: number } } | undefined)?.usage.completion_tokens).toBe(
          last < 0 ? undefined : last + 1,
        );
      }),
      { numRuns: 200 },
    );
  });
});
