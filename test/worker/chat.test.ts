// POST /v1/chat/completions with the official openai SDK, across every Workers AI output shape.
import { describe, expect, it } from "vitest";
import { API_KEY, BASE, call, callsWith, openai, sentWhenStopped, sseData, unique, withEnv } from "./helpers.js";

const FAMILIES = {
  native: "@cf/meta/llama-3.1-8b-instruct-fp8",
  llama4: "@cf/meta/llama-4-scout-17b-16e-instruct",
  openai: "@cf/qwen/qwen3-30b-a3b-fp8",
  gptOss: "@cf/openai/gpt-oss-120b",
} as const;

const weather = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Weather in a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

describe("non-stream answers of every shape", () => {
  it.each(Object.entries(FAMILIES))("%s (%s)", async (_family, model) => {
    const c = await openai().chat.completions.create({
      model,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Grüß dich 👋" },
      ],
    });
    expect(c).toMatchObject({
      object: "chat.completion",
      model,
      choices: [{ index: 0, message: { role: "assistant", content: "Echo: Grüß dich 👋" }, finish_reason: "stop", logprobs: null }],
    });
    expect(c.id).toMatch(/^chatcmpl-/);
    expect(c.usage!.completion_tokens).toBeGreaterThan(0);
    expect(c.usage!.total_tokens).toBe(c.usage!.prompt_tokens + c.usage!.completion_tokens);
  });

  it("carries the reasoning of reasoning models as reasoning_content", async () => {
    const c = await openai().chat.completions.create({ model: FAMILIES.openai, messages: [{ role: "user", content: "why?" }] });
    expect((c.choices[0].message as any).reasoning_content).toBe("Thinking about: why?");
  });

  it("maps an OpenAI name to its Workers AI model and answers with the name asked for", async () => {
    const marker = unique();
    const c = await openai().chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: marker }] });
    expect(c.model).toBe("gpt-4o-mini");
    expect((await callsWith(marker))[0].model).toBe("@cf/google/gemma-4-26b-a4b-it");
  });

  it("joins text content parts and maps developer to system", async () => {
    const marker = unique();
    await openai().chat.completions.create({
      model: FAMILIES.native,
      messages: [
        { role: "developer", content: "rules" },
        {
          role: "user",
          content: [
            { type: "text", text: marker },
            { type: "text", text: "second" },
          ],
        },
      ],
    });
    const [seen] = await callsWith(marker);
    expect((seen.inputs as any).messages).toEqual([
      { role: "system", content: "rules" },
      { role: "user", content: `${marker}\nsecond` },
    ]);
  });

  it("passes image parts to vision models", async () => {
    const marker = unique();
    await openai().chat.completions.create({
      model: FAMILIES.llama4,
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: marker },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
          ],
        },
      ],
    });
    const [seen] = await callsWith(marker);
    expect((seen.inputs as any).messages[0].content[1]).toEqual({
      type: "image_url",
      image_url: { url: "data:image/png;base64,iVBORw0KGgo=" },
    });
  });
});

describe("generation settings", () => {
  it("passes temperature, top_p, seed and penalties unchanged", async () => {
    const marker = unique();
    await openai().chat.completions.create({
      model: FAMILIES.native,
      messages: [{ role: "user", content: marker }],
      temperature: 1.7,
      top_p: 0.3,
      seed: 42,
      frequency_penalty: -1.5,
      presence_penalty: 0.5,
    });
    expect((await callsWith(marker))[0].inputs).toMatchObject({
      temperature: 1.7,
      top_p: 0.3,
      seed: 42,
      frequency_penalty: -1.5,
      presence_penalty: 0.5,
    });
  });

  it("does not let the model's 256-token default cut an answer short", async () => {
    const c = await openai().chat.completions.create({
      model: FAMILIES.native,
      messages: [{ role: "user", content: `${unique()} [[stub:words=400]]` }],
    });
    expect(c.choices[0].message.content!.split(" ")).toHaveLength(400);
    expect(c.choices[0].finish_reason).toBe("stop");
  });

  it.each(["max_tokens", "max_completion_tokens"])("%s limits the answer and says so with finish_reason length", async (field) => {
    const c = await openai().chat.completions.create({
      model: FAMILIES.native,
      messages: [{ role: "user", content: "[[stub:words=50]]" }],
      [field]: 10,
    } as any);
    expect(c.choices[0].message.content!.split(" ")).toHaveLength(10);
    expect(c.choices[0].finish_reason).toBe("length");
  });

  it("applies stop sequences even for models that ignore them", async () => {
    const c = await openai().chat.completions.create({
      model: FAMILIES.native,
      messages: [{ role: "user", content: "[[stub:reply=one two STOP three]]" }],
      stop: ["STOP"],
    });
    expect(c.choices[0]).toMatchObject({ message: { content: "one two " }, finish_reason: "stop" });
  });

  it("refuses n > 1 with a 400 naming n", async () => {
    const res = await call("POST", "/v1/chat/completions", { model: FAMILIES.native, n: 2, messages: [{ role: "user", content: "x" }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: "n", code: "unsupported_parameter" } });
  });
});

describe("tools", () => {
  it.each([
    ["native, object arguments", FAMILIES.native],
    ["native, string arguments", "@cf/mistralai/mistral-small-3.1-24b-instruct"],
    ["llama-4", FAMILIES.llama4],
    ["OpenAI-shaped", FAMILIES.openai],
  ])("%s: tool_calls with JSON-string arguments and finish_reason tool_calls", async (_label, model) => {
    const c = await openai().chat.completions.create({
      model,
      tools: [weather],
      messages: [{ role: "user", content: 'Weather? [[stub:call=get_weather {"city":"Paris"}]]' }],
    });
    const choice = c.choices[0];
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.tool_calls).toHaveLength(1);
    const toolCall = choice.message.tool_calls![0] as any;
    expect(toolCall).toMatchObject({ type: "function", function: { name: "get_weather" } });
    expect(toolCall.id).toEqual(expect.any(String));
    expect(JSON.parse(toolCall.function.arguments)).toEqual({ city: "Paris" });
  });

  it("parallel tool calls", async () => {
    const c = await openai().chat.completions.create({
      model: FAMILIES.openai,
      tools: [weather],
      messages: [{ role: "user", content: '[[stub:call=get_weather {"city":"Oslo"}]] [[stub:call=get_weather {"city":"Rome"}]]' }],
    });
    expect(c.choices[0].message.tool_calls!.map((t: any) => JSON.parse(t.function.arguments).city)).toEqual(["Oslo", "Rome"]);
  });

  it("a multi-turn tool conversation reaches the model and gets its answer", async () => {
    const marker = unique();
    const c = await openai().chat.completions.create({
      model: FAMILIES.native,
      tools: [weather],
      messages: [
        { role: "user", content: `Weather in Paris? ${marker}` },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
        },
        { role: "tool", tool_call_id: "call_1", content: "18°C and sunny" },
      ],
    });
    expect(c.choices[0]).toMatchObject({ message: { content: "Tool result: 18°C and sunny" }, finish_reason: "stop" });
    const sent = (await callsWith(marker))[0].inputs as any;
    expect(sent.messages[1]).toMatchObject({
      role: "assistant",
      tool_calls: [{ id: "call_1", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
    });
    expect(sent.messages[1].content).toContain("get_weather");
    expect(sent.messages[2]).toEqual({ role: "tool", content: "18°C and sunny", tool_call_id: "call_1" });
  });

  it("tool_choice none sends no tools", async () => {
    const marker = unique();
    const c = await openai().chat.completions.create({
      model: FAMILIES.native,
      tools: [weather],
      tool_choice: "none",
      messages: [{ role: "user", content: marker }],
    });
    expect(c.choices[0].message.tool_calls).toBeUndefined();
    expect((await callsWith(marker))[0].inputs).not.toHaveProperty("tools");
  });

  it("a malformed tool is a 400 naming it", async () => {
    const res = await call("POST", "/v1/chat/completions", {
      messages: [{ role: "user", content: "x" }],
      tools: [{ type: "function", function: { name: "bad name!" } }],
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: "tools[0].function.name" } });
  });
});

describe("JSON modes use Workers AI's native JSON mode", () => {
  const schema = {
    type: "object",
    properties: { city: { type: "string" }, temperature: { type: "number" } },
    required: ["city", "temperature"],
    additionalProperties: false,
  };

  it.each([FAMILIES.native, FAMILIES.openai])("json_schema on %s: the bare schema is sent, valid JSON comes back", async (model) => {
    const marker = unique();
    const c = await openai().chat.completions.create({
      model,
      messages: [{ role: "user", content: marker }],
      response_format: { type: "json_schema", json_schema: { name: "weather", schema, strict: true } },
    });
    expect(JSON.parse(c.choices[0].message.content!)).toEqual({ city: "test", temperature: 42 });
    expect((await callsWith(marker))[0].inputs).toMatchObject({ response_format: { type: "json_schema", json_schema: schema } });
  });

  it("json_object", async () => {
    const c = await openai().chat.completions.create({
      model: FAMILIES.native,
      messages: [{ role: "user", content: "hi" }],
      response_format: { type: "json_object" },
    });
    expect(JSON.parse(c.choices[0].message.content!)).toEqual({ echo: "hi" });
  });

  it("the SDK's parse() helper gets a parsed object", async () => {
    const c = await openai().chat.completions.parse({
      model: FAMILIES.openai,
      messages: [{ role: "user", content: "x" }],
      response_format: { type: "json_schema", json_schema: { name: "weather", schema, strict: true } },
    });
    expect(c.choices[0].message.parsed).toEqual({ city: "test", temperature: 42 });
  });
});

describe("streaming", () => {
  it.each(Object.entries(FAMILIES))("finalChatCompletion() of a %s stream", async (_family, model) => {
    const stream = openai().chat.completions.stream({ model, messages: [{ role: "user", content: "Ünïcödé 🌍 stream test" }] });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]).toMatchObject({
      message: { role: "assistant", content: "Echo: Ünïcödé 🌍 stream test" },
      finish_reason: "stop",
    });
  });

  it("role first, finish_reason on the choice, usage last, then [DONE]", async () => {
    const res = await call("POST", "/v1/chat/completions", {
      model: FAMILIES.native,
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "one two" }],
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = sseData(await res.text());
    const chunks = events.slice(0, -1) as any[];
    expect(events.at(-1)).toBe("[DONE]");
    expect(chunks[0].choices[0].delta.role).toBe("assistant");
    expect(chunks.at(-2).choices[0].finish_reason).toBe("stop");
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) },
    });
    for (const chunk of chunks.slice(0, -1)) expect(chunk).toMatchObject({ object: "chat.completion.chunk", usage: null });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("Echo: one two");
  });

  it("without include_usage there is no usage chunk", async () => {
    const res = await call("POST", "/v1/chat/completions", {
      model: FAMILIES.native,
      stream: true,
      messages: [{ role: "user", content: "x" }],
    });
    const chunks = sseData(await res.text()).slice(0, -1) as any[];
    expect(chunks.every((c) => c.choices.length === 1 && !("usage" in c))).toBe(true);
  });

  it.each([
    ["native", FAMILIES.native],
    ["llama-4", FAMILIES.llama4],
    ["OpenAI-shaped", FAMILIES.openai],
  ])("streamed tool calls of %s: header with id/type/name, then argument fragments", async (_label, model) => {
    const res = await call("POST", "/v1/chat/completions", {
      model,
      stream: true,
      tools: [weather],
      messages: [{ role: "user", content: '[[stub:call=get_weather {"city":"Zürich"}]]' }],
    });
    const chunks = (sseData(await res.text()).slice(0, -1) as any[]).filter((c) => c.choices[0]?.delta.tool_calls);
    const first = chunks[0].choices[0].delta.tool_calls[0];
    expect(first).toMatchObject({ index: 0, id: expect.any(String), type: "function", function: { name: "get_weather", arguments: "" } });
    for (const c of chunks.slice(1)) expect(Object.keys(c.choices[0].delta.tool_calls[0]).sort()).toEqual(["function", "index"]);
    const args = chunks.map((c) => c.choices[0].delta.tool_calls[0].function.arguments).join("");
    expect(JSON.parse(args)).toEqual({ city: "Zürich" });
  });

  it("the SDK assembles a streamed tool call", async () => {
    const final = await openai()
      .chat.completions.stream({
        model: FAMILIES.openai,
        tools: [weather],
        messages: [{ role: "user", content: '[[stub:call=get_weather {"city":"Lima"}]]' }],
      })
      .finalChatCompletion();
    expect(final.choices[0].finish_reason).toBe("tool_calls");
    expect((final.choices[0].message.tool_calls![0] as any).function).toEqual({ name: "get_weather", arguments: '{"city":"Lima"}' });
  });

  it("stops a stream at a stop sequence split across events", async () => {
    const final = await openai()
      .chat.completions.stream({
        model: FAMILIES.native,
        stop: ["END"],
        messages: [{ role: "user", content: "[[stub:reply=abc EN D ENDx tail]]" }],
      })
      .finalChatCompletion();
    expect(final.choices[0].message.content).toBe("abc EN D ");
  });

  it("writes a fast burst in a few chunks, a slow stream token by token, and stops the model when the client hangs up", async () => {
    const chunksOf = async (content: string) => {
      const res = await call("POST", "/v1/chat/completions", {
        model: FAMILIES.native,
        stream: true,
        messages: [{ role: "user", content }],
      });
      const chunks: string[] = [];
      const utf8 = new TextDecoder();
      for await (const chunk of res.body!) chunks.push(utf8.decode(chunk));
      return { chunks, events: sseData(chunks.join("")) };
    };
    // 300 tokens as fast as the stub can send them, in 1-to-97-byte network chunks: a handful of writes, and the
    // tokens that came together in one delta each (ai/merge-deltas.ts), every one of them there, in order.
    const fast = await chunksOf("[[stub:words=300]]");
    const said = fast.events.map((e) => (e as any).choices?.[0]?.delta?.content ?? "").join("");
    expect(said.trim().split(/\s+/)).toEqual(Array.from({ length: 300 }, (_, i) => `w${i + 1}`));
    expect(fast.events.length).toBeLessThan(30);
    expect(fast.chunks.length).toBeLessThan(30);
    // A token every 80 ms, slower than the 50 ms between writes: each goes out as soon as it comes.
    const slow = await chunksOf("[[stub:words=3]] [[stub:chunk=event]] [[stub:pace=80]]");
    expect(slow.events.filter((e) => (e as any).choices?.[0]?.delta?.content)).toHaveLength(3);
    expect(slow.chunks.length).toBeGreaterThanOrEqual(4);

    // STREAM_FLUSH_MS=0: whatever has arrived goes out at once; tokens 5 ms apart each get their own write.
    const unbatched = await withEnv(
      { STREAM_FLUSH_MS: "0" },
      new Request(`${BASE}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({
          model: FAMILIES.native,
          stream: true,
          messages: [{ role: "user", content: "[[stub:words=10]] [[stub:chunk=event]] [[stub:pace=5]]" }],
        }),
      }),
    );
    let writes = 0;
    for await (const _chunk of unbatched.body!) writes++;
    expect(writes).toBeGreaterThanOrEqual(10);

    const marker = unique("hang-up");
    const res = await call("POST", "/v1/chat/completions", {
      model: FAMILIES.native,
      stream: true,
      messages: [{ role: "user", content: `${marker} [[stub:words=50]] [[stub:chunk=event]] [[stub:pace=20]]` }],
    });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(await sentWhenStopped(marker)).toBeLessThan(52);
  });

  it("a length-limited stream ends with finish_reason length", async () => {
    const final = await openai()
      .chat.completions.stream({ model: FAMILIES.native, max_tokens: 5, messages: [{ role: "user", content: "[[stub:words=40]]" }] })
      .finalChatCompletion();
    expect(final.choices[0].finish_reason).toBe("length");
  });
});
