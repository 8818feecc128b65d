// Which chat streams go to the client as Workers AI sent them (x-stream-path: passthrough) and which are rendered:
// an OpenAI-shaped upstream passes through unless something must rewrite it (a stop sequence, an answer to cache,
// tool calls to re-index); and what passes through is still a valid OpenAI stream for the SDK.
import { describe, expect, it } from "vitest";
import { concat, type BatchReader } from "../../worker/src/streams/batch-reader.js";
import { ENDS_BYTES, OpenAiChunkFilter, passThroughOpenAiChunks } from "../../worker/src/streams/openai-chunks.js";
import { call, callsWith, openai, sentWhenStopped, sseData, unique } from "./helpers.js";

const OPENAI_SHAPED = "@cf/zai-org/glm-4.7-flash";
const NATIVE = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
/** Says `reasoning` where the others say `reasoning_content`. */
const REASONING_FIELD = "@cf/nvidia/nemotron-3-120b-a12b";
const weather = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Weather in a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

const stream = (body: Record<string, unknown>) => call("POST", "/v1/chat/completions", { stream: true, ...body });

describe("the pass-through path", () => {
  it("passes an OpenAI-shaped stream through, as chat chunks only, ending with [DONE]", async () => {
    const res = await stream({ model: OPENAI_SHAPED, messages: [{ role: "user", content: "[[stub:words=30]]" }] });
    expect(res.headers.get("x-stream-path")).toBe("passthrough");
    const text = await res.text();
    expect(text).not.toContain('"response"');
    const events = sseData(text);
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1) as any[];
    // Without include_usage, every chunk has its one choice (code written for OpenAI reads choices[0]).
    for (const chunk of chunks)
      expect(chunk).toMatchObject({ object: "chat.completion.chunk", model: OPENAI_SHAPED, choices: [{ index: 0 }] });
    expect(chunks[0].choices[0].delta.role).toBe("assistant");
    expect(chunks.at(-1).choices[0].finish_reason).toBe("stop");
    const content = chunks.map((c) => c.choices[0].delta.content ?? "").join("");
    expect(content).toBe(Array.from({ length: 30 }, (_, i) => `w${i + 1}`).join(" "));
  });

  it("sends the role chunk with the first token, in one write: a role alone shows the client nothing", async () => {
    const res = await stream({
      model: OPENAI_SHAPED,
      messages: [{ role: "user", content: `${unique()} [[stub:words=20]] [[stub:chunk=event]] [[stub:pace=20]]` }],
    });
    expect(res.headers.get("x-stream-path")).toBe("passthrough");
    const reader = res.body!.getReader();
    const first = sseData(new TextDecoder().decode((await reader.read()).value)) as any[];
    // This model reasons first: its first token is reasoning.
    expect(first.map((c) => c.choices[0].delta)).toEqual([{ role: "assistant", content: "" }, { reasoning_content: "Thinking" }]);
    await reader.cancel();
  });

  it("keeps the usage chunk when include_usage asks for it, and the SDK assembles the answer", async () => {
    const res = await stream({
      model: OPENAI_SHAPED,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "[[stub:words=5]]" }],
    });
    expect(res.headers.get("x-stream-path")).toBe("passthrough");
    const chunks = sseData(await res.text()).slice(0, -1) as any[];
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: expect.any(Number) } });

    const final = await openai()
      .chat.completions.stream({
        model: OPENAI_SHAPED,
        stream_options: { include_usage: true },
        messages: [{ role: "user", content: "[[stub:words=5]]" }],
      })
      .finalChatCompletion();
    expect(final.choices[0].message.content).toBe("w1 w2 w3 w4 w5");
    expect(final.choices[0].finish_reason).toBe("stop");
    expect(final.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("names the reasoning field reasoning_content, as rendered streams do", async () => {
    const res = await stream({ model: REASONING_FIELD, messages: [{ role: "user", content: "why [[stub:words=3]]" }] });
    expect(res.headers.get("x-stream-path")).toBe("passthrough");
    const chunks = sseData(await res.text()).slice(0, -1) as any[];
    const reasoning = chunks.map((c) => c.choices[0].delta.reasoning_content ?? "").join("");
    expect(reasoning).toContain("Thinking about");
    expect(chunks.some((c) => "reasoning" in c.choices[0].delta)).toBe(false);
  });

  it("when the model pauses mid-answer, at most about one flush interval's worth of tokens waits for it", async () => {
    // 60 tokens 20 ms apart; after the 45th network chunk (the role chunk, then w1…w44) the model stops for 1.5 s.
    const res = await stream({
      model: OPENAI_SHAPED,
      messages: [{ role: "user", content: `${unique()} [[stub:words=60]] [[stub:chunk=event]] [[stub:pace=20]] [[stub:pause=45@1500]]` }],
    });
    expect(res.headers.get("x-stream-path")).toBe("passthrough");
    const reader = res.body!.getReader();
    const utf8 = new TextDecoder();
    const started = Date.now();
    let seen = "";
    let beforeResume = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      seen += utf8.decode(r.value, { stream: true });
      // The pause ends at about 45 × 20 ms + 1.5 s = 2.4 s: what the client had well inside it.
      if (Date.now() - started < 1900) beforeResume = (seen.match(/"content":" ?w\d+"/g) ?? []).length;
    }
    expect((seen.match(/"content":" ?w\d+"/g) ?? []).length).toBe(60);
    // The interval is twice the stream's age: what came in the interval before the pause waits for it to end, and
    // what came before that (about 28 tokens when this was written) is out. A read of a fixed large size would hold
    // them all.
    expect(beforeResume).toBeGreaterThanOrEqual(10);
  });

  it("stops the model when the client hangs up", async () => {
    const marker = unique("pass-hang-up");
    const res = await stream({
      model: OPENAI_SHAPED,
      messages: [{ role: "user", content: `${marker} [[stub:words=50]] [[stub:chunk=event]] [[stub:pace=20]]` }],
    });
    expect(res.headers.get("x-stream-path")).toBe("passthrough");
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(await sentWhenStopped(marker)).toBeLessThan(52);
    expect((await callsWith(marker)).length).toBe(1);
  });
});

describe("streams that must be rewritten are rendered", () => {
  it.each([
    ["a native-shape upstream", { model: NATIVE }],
    ["a stop sequence", { model: OPENAI_SHAPED, stop: ["w4"] }],
    ["an answer to cache (temperature 0)", { model: OPENAI_SHAPED, temperature: 0 }],
    ["tools", { model: OPENAI_SHAPED, tools: [weather] }],
  ])("%s", async (_label, body) => {
    const res = await stream({ ...body, messages: [{ role: "user", content: `${unique()} [[stub:words=6]]` }] });
    expect(res.headers.get("x-stream-path")).toBe("rendered");
    const events = sseData(await res.text());
    expect(events.at(-1)).toBe("[DONE]");
    // The renderer's chunks: the model as asked for, the proxy's own id.
    expect((events[0] as any).id).toMatch(/^chatcmpl-.{24}$/);
    expect((events[0] as any).model).toBe(body.model);
  });
});

const utf8 = new TextEncoder();
/**
 * Pushes `pieces` through a filter as the reader hands them over: views into one read buffer, overwritten after
 * every push (so a filter that kept a view instead of a copy sends garbage). The output chunks are decoded once
 * they all came.
 */
const runBytes = (pieces: Uint8Array[], includeUsage: boolean) => {
  const filter = new OpenAiChunkFilter(includeUsage);
  const buffer = new Uint8Array(Math.max(1, ...pieces.map((p) => p.length)));
  const out: Uint8Array[] = [];
  for (const piece of pieces) {
    buffer.set(piece);
    out.push(filter.push(buffer.subarray(0, piece.length)));
    buffer.fill(0x7a);
  }
  out.push(filter.end());
  return { text: new TextDecoder().decode(concat(out)), out, usage: filter.usage() };
};
/** The same with each string one batch. */
const runText = (batches: string[], includeUsage: boolean) =>
  runBytes(
    batches.map((b) => utf8.encode(b)),
    includeUsage,
  );

describe("OpenAiChunkFilter", () => {
  const upstream =
    'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""}}],"usage":{"total_tokens":1}}\n\n' +
    'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"reasoning":"hmm é"}}]}\n\n' +
    'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi ✓"},"finish_reason":"stop"}]}\n\n' +
    'data: {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"total_tokens":3}}\n\n' +
    'data: {"response":"","usage":{"total_tokens":3}}\n\n' +
    "data: [DONE]\n\n";
  const expected = (includeUsage: boolean) =>
    upstream
      .replace('"delta":{"reasoning":', '"delta":{"reasoning_content":')
      .replace('data: {"response":"","usage":{"total_tokens":3}}\n\n', "")
      .replace(includeUsage ? "\0" : 'data: {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"total_tokens":3}}\n\n', "");

  it("gives the same events wherever the upstream split its bytes, inside a character too", () => {
    const all = utf8.encode(upstream);
    for (const includeUsage of [false, true]) {
      for (let cut = 0; cut <= all.length; cut++) {
        const { text, usage } = runBytes([all.subarray(0, cut), all.subarray(cut)], includeUsage);
        expect(text).toBe(expected(includeUsage));
        expect(usage).toEqual({ total_tokens: 3 });
      }
    }
  });

  it("gives the same events when every byte comes alone", () => {
    const all = utf8.encode(upstream);
    expect(
      runBytes(
        Array.from(all, (byte) => Uint8Array.of(byte)),
        false,
      ).text,
    ).toBe(expected(false));
  });

  it("passes events that need no change as the bytes that came, one chunk a batch", () => {
    const events =
      'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"é ✓ 🙂"}}],"usage":{"total_tokens":2}}\n\n';
    const { out, usage } = runBytes([utf8.encode(events + events.slice(0, 40)), utf8.encode(events.slice(40))], false);
    expect(out.map((chunk) => new TextDecoder().decode(chunk))).toEqual([events, events, "data: [DONE]\n\n"]);
    expect(usage).toEqual({ total_tokens: 2 });
  });

  it("reads CRLF line ends, and adds [DONE] when the upstream ended without it", () => {
    const crlf = upstream.replace("data: [DONE]\n\n", "").replace(/\n/g, "\r\n");
    expect(runText([crlf], true).text).toBe(expected(true));
    const all = utf8.encode(crlf);
    for (let cut = 0; cut <= all.length; cut++) {
      expect(runBytes([all.subarray(0, cut), all.subarray(cut)], false).text).toBe(expected(false));
    }
    expect(runText(['data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"x"}}]}'], false).text).toBe(
      'data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"x"}}]}\n\ndata: [DONE]\n\n',
    );
  });
});

describe("OpenAiChunkFilter, large batches (read at their ends)", () => {
  /** An event as an OpenAI-shaped Workers AI model sends it (~300 bytes: it repeats the usage on every chunk). */
  const event = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({
      id: "chatcmpl-8c1f0a2b9d4e4f6a",
      object: "chat.completion.chunk",
      created: 1796400000,
      model: OPENAI_SHAPED,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: null, ...extra }],
      usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19, prompt_tokens_details: { cached_tokens: 0 } },
    })}\n\n`;
  const tail = (total: number) =>
    `data: {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"total_tokens":${total}}}\n\n` +
    `data: {"response":"","usage":{"total_tokens":${total}}}\n\ndata: [DONE]\n\n`;
  /** `n` answer events, `w0` to `w${n - 1}`. */
  const answerOf = (n: number) => Array.from({ length: n }, (_, i) => event({ content: `w${i}` })).join("");
  /** One event a batch: batches that small are read whole, the reference. */
  const split = (text: string) => text.split(/(?<=\n\n)/);

  it("gives what reading it whole gives, wherever its ends cut an event or a character", () => {
    // Answers of many lengths, so that the ends fall everywhere in an event, inside "é", "✓" and "🙂" too.
    for (let words = 8; words <= 40; words++) {
      const answer = Array.from({ length: words }, (_, i) => event({ content: `${"é✓🙂".slice(0, i % 4)} w${i}` })).join("");
      const stream = event({ role: "assistant", content: "" }) + answer + event({}, { finish_reason: "stop" }) + tail(words);
      expect(utf8.encode(answer).length).toBeGreaterThan(words < 20 ? 0 : 2 * ENDS_BYTES);
      for (const includeUsage of [false, true]) {
        const reference = runText(split(stream), includeUsage);
        const batched = runText([stream], includeUsage);
        expect(batched.text).toBe(reference.text);
        expect(batched.usage).toEqual({ total_tokens: words });
        expect(batched.text).not.toContain('"response"');
        expect(batched.text.includes('"choices":[]')).toBe(includeUsage);
      }
    }
  });

  it("passes a large batch that needs no change as the bytes that came", () => {
    const answer = Array.from({ length: 30 }, (_, i) => event({ content: `word ${i} ✓` })).join("");
    const { out, usage } = runText([answer, tail(30)], false);
    expect(new TextDecoder().decode(out[0])).toBe(answer);
    expect(usage).toEqual({ total_tokens: 30 });
  });

  it("renames reasoning all through a batch that starts with it, up to where the answer starts", () => {
    const thinking = Array.from({ length: 20 }, (_, i) => event({ reasoning: `step ${i} é` })).join("");
    const answer = answerOf(20);
    const stream = event({ role: "assistant", content: "" }) + thinking + answer + tail(40);
    const { text } = runText([stream.slice(0, 300), stream.slice(300)], false);
    expect(text).toBe(runText(split(stream), false).text);
    expect(text).not.toContain('"delta":{"reasoning":');
    expect(text.match(/"reasoning_content"/g)).toHaveLength(20);
  });

  it("renames reasoning all through a batch that ends with it", () => {
    const answer = answerOf(20);
    const thinking = Array.from({ length: 20 }, (_, i) => event({ reasoning: `step ${i}` })).join("");
    const { text } = runText([answer + thinking, tail(40)], false);
    expect(text.match(/"reasoning_content"/g)).toHaveLength(20);
  });

  it("reads a large batch with CRLF line ends whole: no \\r reaches the client", () => {
    const answer = answerOf(30);
    const stream = (answer + tail(30)).replace(/\n/g, "\r\n");
    const { text } = runText([stream], false);
    expect(text).not.toContain("\r");
    expect(text).toBe(runText(split(answer + tail(30)), false).text);
  });

  it("reads only its ends: a stretch of reasoning inside an answer (no model sends one) passes as it came", () => {
    const stream = answerOf(20) + event({ reasoning: "an afterthought" }) + answerOf(20) + tail(41);
    expect(runText([stream], false).text).toContain('"delta":{"reasoning":"an afterthought"}');
    // In batches of a few events each, every one is read whole.
    expect(runText(split(stream), false).text).toContain('"delta":{"reasoning_content":"an afterthought"}');
  });

  it("takes out every event to take out when they fill the batch's whole end", () => {
    const answer = answerOf(12);
    const natives = Array.from({ length: 60 }, (_, i) => `data: {"response":"","usage":{"total_tokens":${i}}}\n\n`).join("");
    expect(natives.length).toBeGreaterThan(ENDS_BYTES);
    const { text, usage } = runText([`${answer}${natives}data: [DONE]\n\n`], false);
    expect(text).toBe(`${answer}data: [DONE]\n\n`);
    expect(usage).toEqual({ total_tokens: 59 });
  });
});

describe("passThroughOpenAiChunks", () => {
  /** A byte source handing over `pieces` one a read, each through one reused buffer as the runtime reader does. */
  const source = (pieces: Uint8Array[]): BatchReader<Uint8Array> => {
    const buffer = new Uint8Array(1024);
    let next = 0;
    return {
      async read() {
        buffer.fill(0x7a);
        const piece = pieces[next++];
        if (!piece) return undefined;
        buffer.set(piece);
        return buffer.subarray(0, piece.length);
      },
      cancel: async () => {},
    };
  };
  const options = { includeUsage: false, errorFrame: () => "" };

  it("gives a stream of another shape back as text, a character split between its first reads included", async () => {
    const sent = 'data: {"response":"é"}\n\ndata: {"response":"✓"}\n\n';
    const all = new TextEncoder().encode(sent);
    const inE = all.indexOf(0xc3) + 1;
    const inCheck = all.indexOf(0xe2) + 2; // the read that completes the first event ends inside "✓"
    const tried = await passThroughOpenAiChunks(source([all.subarray(0, inE), all.subarray(inE, inCheck), all.subarray(inCheck)]), options);
    expect("reader" in tried).toBe(true);
    if (!("reader" in tried)) return;
    let text = "";
    for (let batch = await tried.reader.read(); batch !== undefined; batch = await tried.reader.read()) text += batch;
    expect(text).toBe(sent);
  });

  it("waits for about half an event once one has come, not for the piece of the next that comes first", async () => {
    const event = (delta: string) =>
      `data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":${delta}}],"usage":{"total_tokens":9}}\n\n`;
    const role = new TextEncoder().encode(event('{"role":"assistant","content":""}'));
    const token = new TextEncoder().encode(event('{"content":"Hi"}'));
    // The network chunks: the role event whole, then the first token in two pieces (as workerd often hands them).
    const chunks = [role, token.subarray(0, 27), token.subarray(27), token];
    const asked: number[] = [];
    const gathering: BatchReader<Uint8Array> = {
      async read() {
        return chunks.length ? concat(chunks.splice(0)) : undefined;
      },
      async readAtLeast(bytes) {
        asked.push(bytes);
        const taken: Uint8Array[] = [];
        while (chunks.length && taken.reduce((n, c) => n + c.length, 0) < bytes) taken.push(chunks.shift()!);
        return taken.length ? concat(taken) : undefined;
      },
      cancel: async () => {},
    };
    const tried = await passThroughOpenAiChunks(gathering, options);
    expect("body" in tried).toBe(true);
    // One read for the role event, one for the whole token event: not one for its first 27 bytes.
    expect(asked).toEqual([1, Math.floor(role.length / 2)]);
    if ("body" in tried) expect(sseData(await new Response(tried.body).text())).toHaveLength(4);
  });

  it("passes an OpenAI chunk stream on from its first bytes, read before the shape was known", async () => {
    const chunk = 'data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"é"}}]}\n\n';
    const all = new TextEncoder().encode(chunk + chunk);
    const tried = await passThroughOpenAiChunks(source([all.subarray(0, 20), all.subarray(20, 60), all.subarray(60)]), options);
    expect("body" in tried).toBe(true);
    if (!("body" in tried)) return;
    expect(await new Response(tried.body).text()).toBe(`${chunk}${chunk}data: [DONE]\n\n`);
  });
});
