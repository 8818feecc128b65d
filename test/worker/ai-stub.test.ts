// The Workers AI stub, text generation: each family's non-stream shape, tool calls, JSON mode, max_tokens, errors.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AiStubRpc } from "../fakes/ai-stub/types";

const ai = (env as unknown as { AI: AiStubRpc }).AI;
// Awaited inside an async function: a bare RPC promise that rejects is reported as unhandled.
const run = async (model: string, inputs: unknown, options?: Record<string, unknown>): Promise<any> => await ai.run(model, inputs, options);
const user = (content: unknown) => ({ messages: [{ role: "user", content }] });
const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather in a city",
    parameters: {
      type: "object",
      properties: {
        city: { type: "string" },
        days: { type: "integer", minimum: 1, maximum: 7 },
        metric: { type: "boolean" },
        tags: { type: "array", items: { type: "string" } },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
        note: { type: "string" },
      },
      required: ["city", "days", "metric", "tags", "unit"],
    },
  },
};
const weatherArgs = { city: "test", days: Math.min(42, 7), metric: true, tags: [], unit: "celsius" };

describe("native models", () => {
  it("answer {response, tool_calls, usage} with an echo of the last user message", async () => {
    const out = await run("@cf/meta/llama-3.1-8b-instruct-fp8", {
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "first question" },
        { role: "assistant", content: "first answer" },
        { role: "user", content: "Hello there" },
      ],
    });
    expect(out).toEqual({
      response: "Echo: Hello there",
      tool_calls: [],
      usage: { prompt_tokens: 8, completion_tokens: 3, total_tokens: 11 },
    });
  });

  it("take a prompt", async () => {
    const out = await run("@cf/meta/llama-3.2-3b-instruct", { prompt: "Say hi" });
    expect(out.response).toBe("Echo: Say hi");
    expect(out.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
  });

  it("call tools with object arguments generated from the schema (llama-3.3)", async () => {
    const out = await run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { ...user("Weather?"), tools: [weatherTool] });
    expect(out.response).toBeNull();
    expect(out.tool_calls).toEqual([{ name: "get_weather", arguments: weatherArgs }]);
    expect(out.usage.completion_tokens).toBe(2);
  });

  it("call tools with JSON-string arguments (mistral-small-3.1)", async () => {
    const out = await run("@cf/mistralai/mistral-small-3.1-24b-instruct", { ...user("Weather?"), tools: [weatherTool] });
    expect(out.tool_calls).toHaveLength(1);
    expect(typeof out.tool_calls[0].arguments).toBe("string");
    expect(JSON.parse(out.tool_calls[0].arguments)).toEqual(weatherArgs);
  });

  it("accept legacy {name, parameters} tools", async () => {
    const out = await run("@cf/meta/llama-3.1-8b-instruct-fp8", {
      ...user("go"),
      tools: [{ name: "ping", description: "ping", parameters: { type: "object", properties: {}, required: [] } }],
    });
    expect(out.tool_calls).toEqual([{ name: "ping", arguments: {} }]);
  });

  it("return JSON mode output as an object (json_schema with a bare schema)", async () => {
    const schema = {
      type: "object",
      properties: { name: { type: "string" }, age: { type: "number" }, tags: { type: "array", minItems: 1, items: { type: "string" } } },
      required: ["name", "age", "tags"],
    };
    const out = await run("@cf/meta/llama-3.1-8b-instruct-fp8", {
      ...user("json"),
      response_format: { type: "json_schema", json_schema: schema },
    });
    expect(out.response).toEqual({ name: "test", age: 42, tags: ["test"] });
  });

  it("return json_object mode as {echo}", async () => {
    const out = await run("@cf/meta/llama-3.2-3b-instruct", { ...user("héllo"), response_format: { type: "json_object" } });
    expect(out.response).toEqual({ echo: "héllo" });
  });

  it("return non-object JSON values as they are (response may be a number)", async () => {
    const out = await run("@cf/meta/llama-3.1-8b-instruct-fp8", {
      ...user("n"),
      response_format: { type: "json_schema", json_schema: { type: "number", minimum: 50 } },
    });
    expect(out.response).toBe(50);
  });

  it("do not unwrap OpenAI's {name, schema} wrapper (a proxy must send the bare schema)", async () => {
    const wrapped = { name: "x", schema: { type: "object", properties: { a: { type: "string" } }, required: ["a"] } };
    const out = await run("@cf/meta/llama-3.1-8b-instruct-fp8", {
      ...user("json"),
      response_format: { type: "json_schema", json_schema: wrapped },
    });
    expect(out.response).toEqual({});
  });

  it("reject content parts on models whose schema takes only strings", async () => {
    await expect(run("@cf/meta/llama-3.1-8b-instruct-fp8", user([{ type: "text", text: "hi" }]))).rejects.toThrow(
      /^5006: Error: oneOf at '\/' not met, 0 matches: .*Type mismatch of '\/messages\/0\/content', 'array' not in 'string'/,
    );
    await expect(run("@cf/meta/llama-3.1-8b-instruct-fp8", { messages: [{ role: "assistant", content: null }] })).rejects.toThrow(
      "Type mismatch of '/messages/0/content', 'null' not in 'string'",
    );
  });
});

describe("llama-4", () => {
  it("answers natively with OpenAI-like tool calls whose arguments are objects", async () => {
    const text = await run("@cf/meta/llama-4-scout-17b-16e-instruct", user("hi"));
    expect(text).toEqual({ response: "Echo: hi", tool_calls: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } });
    const out = await run("@cf/meta/llama-4-scout-17b-16e-instruct", { ...user("Weather?"), tools: [weatherTool] });
    expect(out.response).toBe("");
    expect(out.tool_calls).toEqual([
      {
        id: expect.stringMatching(/^chatcmpl-tool-[0-9a-f]{24}$/),
        type: "function",
        function: { name: "get_weather", arguments: weatherArgs },
      },
    ]);
  });
});

describe("OpenAI-shaped models", () => {
  it("answer chat.completion with reasoning_content (qwen3)", async () => {
    const out = await run("@cf/qwen/qwen3-30b-a3b-fp8", user("Hi there"));
    expect(out).toEqual({
      id: expect.stringMatching(/^chatcmpl-[0-9a-f]{32}$/),
      object: "chat.completion",
      created: 1767225600,
      model: "@cf/qwen/qwen3-30b-a3b-fp8",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Echo: Hi there", reasoning_content: "Thinking about: Hi there", tool_calls: [] },
          logprobs: null,
          finish_reason: "stop",
          stop_reason: null,
        },
      ],
      usage: { prompt_tokens: 2, completion_tokens: 7, total_tokens: 9 },
      prompt_logprobs: null,
    });
  });

  it("are deterministic: same input, same output", async () => {
    const a = await run("@cf/zai-org/glm-4.7-flash", user("same"));
    const b = await run("@cf/zai-org/glm-4.7-flash", user("same"));
    const c = await run("@cf/zai-org/glm-4.7-flash", user("other"));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.id).not.toBe(c.id);
  });

  it("have no reasoning when the model does not think or thinking is off", async () => {
    const gemma = await run("@cf/google/gemma-4-26b-a4b-it", user("x"));
    expect(gemma.choices[0].message.reasoning_content).toBeNull();
    const sealion = await run("@cf/aisingapore/gemma-sea-lion-v4-27b-it", user("x"));
    expect(sealion.choices[0].message.reasoning_content).toBeNull();
    const off = await run("@cf/zai-org/glm-4.7-flash", { ...user("x"), chat_template_kwargs: { enable_thinking: false } });
    expect(off.choices[0].message.reasoning_content).toBeNull();
    expect(off.usage.completion_tokens).toBe(2);
  });

  it("put nemotron's thinking in `reasoning`", async () => {
    const out = await run("@cf/nvidia/nemotron-3-120b-a12b", user("x"));
    expect(out.choices[0].message.reasoning).toBe("Thinking about: x");
    expect(out.choices[0].message).not.toHaveProperty("reasoning_content");
  });

  it("call tools with JSON-string arguments", async () => {
    const out = await run("@cf/zai-org/glm-4.7-flash", { ...user("Weather?"), tools: [weatherTool] });
    const choice = out.choices[0];
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      {
        id: expect.stringMatching(/^chatcmpl-tool-/),
        type: "function",
        function: { name: "get_weather", arguments: JSON.stringify(weatherArgs) },
      },
    ]);
  });

  it("complete a bare prompt as text_completion", async () => {
    const out = await run("@cf/qwen/qwen3-30b-a3b-fp8", { prompt: "Once upon a time" });
    expect(out).toEqual({
      id: expect.stringMatching(/^cmpl-[0-9a-f]{32}$/),
      object: "text_completion",
      created: 1767225600,
      model: "@cf/qwen/qwen3-30b-a3b-fp8",
      choices: [
        { index: 0, text: "Echo: Once upon a time", logprobs: null, finish_reason: "stop", stop_reason: null, prompt_logprobs: null },
      ],
      usage: { prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 },
    });
  });

  it("unwrap OpenAI's json_schema wrapper and answer JSON text", async () => {
    const rf = {
      type: "json_schema",
      json_schema: {
        name: "p",
        strict: true,
        schema: { type: "object", properties: { when: { type: "string", format: "date-time" } }, required: ["when"] },
      },
    };
    const out = await run("@cf/qwen/qwen3-30b-a3b-fp8", { ...user("json"), response_format: rf });
    expect(out.choices[0].message.content).toBe('{"when":"2026-01-01T00:00:00Z"}');
  });
});

describe("gpt-oss", () => {
  it("answers Responses-shaped when given input", async () => {
    const out = await run("@cf/openai/gpt-oss-120b", { input: "What is up?", instructions: "Be nice." });
    expect(out.object).toBe("response");
    expect(out.id).toMatch(/^resp_[0-9a-f]{32}$/);
    expect(out.status).toBe("completed");
    expect(out.output.map((o: any) => o.type)).toEqual(["reasoning", "message"]);
    expect(out.output[0].content).toEqual([{ type: "reasoning_text", text: "Thinking about: What is up?" }]);
    expect(out.output[1].content[0]).toMatchObject({ type: "output_text", text: "Echo: What is up?" });
    expect(out.usage).toMatchObject({ input_tokens: 5, output_tokens: 9, total_tokens: 14 });
  });

  it("answers chat-shaped when given messages", async () => {
    const out = await run("@cf/openai/gpt-oss-20b", user("yo"));
    expect(out.object).toBe("chat.completion");
    expect(out.choices[0].message).toMatchObject({ content: "Echo: yo", reasoning_content: "Thinking about: yo" });
  });

  it("calls tools as function_call items and reads function_call_output", async () => {
    const tool = {
      type: "function",
      name: "lookup",
      parameters: { type: "object", properties: { q: { type: "string" } }, required: ["q"] },
    };
    const out = await run("@cf/openai/gpt-oss-120b", { input: [{ role: "user", content: "find" }], tools: [tool] });
    expect(out.output[1]).toMatchObject({
      type: "function_call",
      name: "lookup",
      arguments: '{"q":"test"}',
      call_id: expect.stringMatching(/^call_/),
    });
    const back = await run("@cf/openai/gpt-oss-120b", {
      input: [
        { role: "user", content: "find" },
        out.output[1],
        { type: "function_call_output", call_id: out.output[1].call_id, output: "42 results" },
      ],
      tools: [tool],
    });
    expect(back.output[1].content[0].text).toBe("Tool result: 42 results");
  });

  it("reports max_output_tokens cuts as incomplete", async () => {
    const out = await run("@cf/openai/gpt-oss-120b", { input: "[[stub:words=50]]", max_output_tokens: 10 });
    expect(out.status).toBe("incomplete");
    expect(out.incomplete_details).toEqual({ reason: "max_output_tokens" });
    expect(out.output[1].content[0].text).toBe("w1 w2 w3 w4 w5 w6 w7 w8");
  });
});

describe("conversation rules and directives", () => {
  it("answers a tool result with `Tool result: <content>`", async () => {
    const out = await run("@cf/meta/llama-3.1-8b-instruct-fp8", {
      messages: [
        { role: "user", content: "Weather?" },
        { role: "assistant", content: "" },
        { role: "tool", content: "sunny, 21°C" },
      ],
      tools: [weatherTool],
    });
    expect(out).toMatchObject({ response: "Tool result: sunny, 21°C", tool_calls: [] });
  });

  it("makes parallel tool calls from call directives and strips them from the text", async () => {
    const out = await run("@cf/qwen/qwen3-30b-a3b-fp8", {
      ...user('Check [[stub:call=get_weather {"city":"Paris"}]] [[stub:call=get_weather {"city":"Oslo","x":[[1]]}]] now'),
      tools: [weatherTool],
    });
    const calls = out.choices[0].message.tool_calls;
    expect(calls.map((c: any) => JSON.parse(c.function.arguments))).toEqual([{ city: "Paris" }, { city: "Oslo", x: [[1]] }]);
    expect(new Set(calls.map((c: any) => c.id)).size).toBe(2);
    expect(out.choices[0].message.reasoning_content).toBe("Thinking about: Check now");
  });

  it("honours call=none, tool_choice none and a named tool_choice", async () => {
    const ping = { type: "function", function: { name: "ping", parameters: { type: "object", properties: {} } } };
    const none = await run("@cf/meta/llama-3.1-8b-instruct-fp8", { ...user("hi [[stub:call=none]]"), tools: [weatherTool] });
    expect(none).toMatchObject({ response: "Echo: hi", tool_calls: [] });
    const off = await run("@cf/meta/llama-3.1-8b-instruct-fp8", { ...user("hi"), tools: [weatherTool], tool_choice: "none" });
    expect(off.response).toBe("Echo: hi");
    const named = await run("@cf/meta/llama-3.1-8b-instruct-fp8", {
      ...user("hi"),
      tools: [weatherTool, ping],
      tool_choice: { type: "function", function: { name: "ping" } },
    });
    expect(named.tool_calls).toEqual([{ name: "ping", arguments: {} }]);
  });

  it("replies with exact text or N words", async () => {
    expect((await run("@cf/meta/llama-3.1-8b-instruct-fp8", user("[[stub:reply=Hi, Ünïcode ✓]]"))).response).toBe("Hi, Ünïcode ✓");
    expect((await run("@cf/meta/llama-3.1-8b-instruct-fp8", user("[[stub:words=3]]"))).response).toBe("w1 w2 w3");
  });

  it("throws on unknown or malformed directives", async () => {
    await expect(run("@cf/meta/llama-3.1-8b-instruct-fp8", user("[[stub:nope=1]]"))).rejects.toThrow(/unknown directive/);
    await expect(run("@cf/meta/llama-3.1-8b-instruct-fp8", user("[[stub:words=x]]"))).rejects.toThrow(/positive integer/);
  });
});

describe("max_tokens", () => {
  it("defaults to 256 tokens, cutting silently", async () => {
    const out = await run("@cf/meta/llama-3.1-8b-instruct-fp8", user("[[stub:words=300]]"));
    expect(out.response.split(" ")).toHaveLength(256);
    expect(out.response.endsWith(" w256")).toBe(true);
    expect(out.usage.completion_tokens).toBe(256);
    expect(out).not.toHaveProperty("finish_reason");
  });

  it("cuts at max_tokens and finishes with length", async () => {
    const out = await run("@cf/google/gemma-4-26b-a4b-it", { ...user("[[stub:words=20]]"), max_tokens: 5 });
    expect(out.choices[0].message.content).toBe("w1 w2 w3 w4 w5");
    expect(out.choices[0].finish_reason).toBe("length");
    expect(out.usage.completion_tokens).toBe(5);
    const enough = await run("@cf/google/gemma-4-26b-a4b-it", { ...user("[[stub:words=20]]"), max_completion_tokens: 20 });
    expect(enough.choices[0].finish_reason).toBe("stop");
  });

  it("spends the budget on reasoning first", async () => {
    const out = await run("@cf/qwen/qwen3-30b-a3b-fp8", { ...user("a b c d"), max_tokens: 3 });
    expect(out.choices[0].message).toMatchObject({ reasoning_content: "Thinking about: a", content: "" });
    expect(out.choices[0].finish_reason).toBe("length");
  });
});

describe("errors", () => {
  it.each([
    [3040, "3040: Capacity temporarily exceeded, please try again."],
    [
      3036,
      "3036: You have used up your daily free allocation of 10,000 neurons. Please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
    ],
    [
      4006,
      "4006: you have used up your daily free allocation of 10,000 neurons, please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
    ],
    [3007, "3007: Request timeout"],
    [9999, "9999: Internal server error"],
  ])("error directive %i throws Workers AI's message", async (code, message) => {
    const err = await run("@cf/meta/llama-3.1-8b-instruct-fp8", user(`hi [[stub:error=${code}]]`)).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe(message);
  });

  it("fails only the named model with error=CODE@model", async () => {
    const messages = user("hi [[stub:error=3040@@cf/meta/llama-3.1-8b-instruct-fp8]]");
    await expect(run("@cf/meta/llama-3.1-8b-instruct-fp8", messages)).rejects.toThrow(/^3040: /);
    expect((await run("@cf/meta/llama-3.2-3b-instruct", messages)).response).toBe("Echo: hi");
  });

  it("rejects unknown models with 5007", async () => {
    await expect(run("@cf/meta/llama-9-imaginary", user("hi"))).rejects.toThrow("5007: No such model @cf/meta/llama-9-imaginary or task");
  });

  it("rejects inputs without messages or prompt with 5006", async () => {
    await expect(run("@cf/meta/llama-3.1-8b-instruct-fp8", { input: "hi" })).rejects.toThrow(
      "5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', required properties at '/' are 'messages'",
    );
    await expect(run("@cf/qwen/qwen3-30b-a3b-fp8", { messages: [{ content: "x" }] })).rejects.toThrow(
      "required properties at '/messages/0' are 'role'",
    );
  });
});
