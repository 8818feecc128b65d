// Chat Completions: plain, streamed, tools and JSON modes, as the OpenAI SDKs need them.
import { deepEqual, equal, ok, sseData } from "../assert.js";
import type { ContractClient, Group } from "../types.js";

const weather = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

async function stream(c: ContractClient, body: Record<string, unknown>): Promise<any[]> {
  const res = await c.request("POST", "/v1/chat/completions", { ...body, stream: true });
  equal(res.status, 200, "status");
  ok((res.headers.get("content-type") ?? "").startsWith("text/event-stream"), `content-type ${res.headers.get("content-type")}`);
  const events = sseData(await res.text());
  equal(events.at(-1), "[DONE]", "last event");
  return events.slice(0, -1);
}

export const chat: Group = {
  name: "chat",
  description: "POST /v1/chat/completions",
  checks: [
    {
      name: "answers in chat.completion shape",
      async run(c) {
        const r = await c.json("POST", "/v1/chat/completions", { messages: [{ role: "user", content: "contract ping ✓" }] });
        equal(r.object, "chat.completion", "object");
        equal(r.choices[0].message.role, "assistant", "role");
        equal(r.choices[0].message.content, "Echo: contract ping ✓", "content");
        equal(r.choices[0].finish_reason, "stop", "finish_reason");
        ok(r.usage && r.usage.total_tokens === r.usage.prompt_tokens + r.usage.completion_tokens, "usage adds up");
      },
    },
    {
      name: "max_tokens limits the answer with finish_reason length",
      async run(c) {
        const r = await c.json("POST", "/v1/chat/completions", {
          max_tokens: 5,
          messages: [{ role: "user", content: "[[stub:words=50]]" }],
        });
        equal(r.choices[0].finish_reason, "length", "finish_reason");
      },
    },
    {
      name: "json_schema answers valid JSON",
      async run(c) {
        const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
        const r = await c.json("POST", "/v1/chat/completions", {
          messages: [{ role: "user", content: "x" }],
          response_format: { type: "json_schema", json_schema: { name: "w", schema } },
        });
        deepEqual(JSON.parse(r.choices[0].message.content), { city: "test" }, "parsed content");
      },
    },
  ],
};

export const chatStream: Group = {
  name: "chat-stream",
  description: "streamed chat completions",
  checks: [
    {
      name: "role first, text, finish_reason, usage, [DONE]",
      async run(c) {
        const chunks = await stream(c, { stream_options: { include_usage: true }, messages: [{ role: "user", content: "stream ✓ 🌍" }] });
        equal(chunks[0].choices[0].delta.role, "assistant", "first delta role");
        const text = chunks.map((ch) => ch.choices[0]?.delta?.content ?? "").join("");
        equal(text, "Echo: stream ✓ 🌍", "streamed text");
        equal(chunks.at(-2).choices[0].finish_reason, "stop", "finish_reason");
        deepEqual(chunks.at(-1).choices, [], "usage chunk choices");
        ok(chunks.at(-1).usage?.completion_tokens > 0, "usage in the last chunk");
      },
    },
  ],
};

export const tools: Group = {
  name: "tools",
  description: "function calling, plain and streamed",
  checks: [
    {
      name: "a tool call with JSON-string arguments",
      async run(c) {
        const r = await c.json("POST", "/v1/chat/completions", {
          tools: [weather],
          messages: [{ role: "user", content: '[[stub:call=get_weather {"city":"Oslo"}]]' }],
        });
        equal(r.choices[0].finish_reason, "tool_calls", "finish_reason");
        const call = r.choices[0].message.tool_calls[0];
        equal(call.type, "function", "type");
        equal(call.function.name, "get_weather", "name");
        deepEqual(JSON.parse(call.function.arguments), { city: "Oslo" }, "arguments");
      },
    },
    {
      name: "a streamed tool call: header first, then argument fragments",
      async run(c) {
        const chunks = await stream(c, {
          tools: [weather],
          messages: [{ role: "user", content: '[[stub:call=get_weather {"city":"Rome"}]]' }],
        });
        const deltas = chunks.map((ch) => ch.choices[0]?.delta?.tool_calls?.[0]).filter(Boolean);
        ok(deltas.length > 0, "tool-call deltas");
        ok(
          deltas[0].id && deltas[0].type === "function" && deltas[0].function.name === "get_weather",
          `first delta ${JSON.stringify(deltas[0])}`,
        );
        deepEqual(JSON.parse(deltas.map((d) => d.function.arguments ?? "").join("")), { city: "Rome" }, "arguments");
        equal(chunks.at(-1).choices[0].finish_reason, "tool_calls", "finish_reason");
      },
    },
    {
      name: "a tool result reaches the model",
      async run(c) {
        const r = await c.json("POST", "/v1/chat/completions", {
          tools: [weather],
          messages: [
            { role: "user", content: "weather?" },
            {
              role: "assistant",
              content: null,
              tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }],
            },
            { role: "tool", tool_call_id: "call_1", content: "sunny" },
          ],
        });
        equal(r.choices[0].message.content, "Tool result: sunny", "content");
      },
    },
  ],
};
