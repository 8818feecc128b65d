// The Responses API and Conversations through the official SDK, on both state backends.
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { callsWith, unique } from "./helpers.js";
import { BACKENDS, client, request } from "./state-helpers.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";
const weather = {
  type: "function" as const,
  name: "get_weather",
  description: "Weather for a city",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  strict: false,
};
const sent = (call: { inputs: unknown }) =>
  (call.inputs as { messages: { role: string; content: unknown; tool_calls?: unknown[] }[] }).messages;

describe.each(BACKENDS)("Responses API on %s", (backend) => {
  const sdk = client(backend);

  it("answers, stores, retrieves, lists input items and deletes", async () => {
    const marker = unique("resp");
    const response = await sdk.responses.create({
      model: MODEL,
      input: `hello ${marker}`,
      instructions: `Be ${marker}.`,
      metadata: { k: "v" },
    });
    expect(response).toMatchObject({
      object: "response",
      status: "completed",
      model: MODEL,
      instructions: `Be ${marker}.`,
      store: true,
      metadata: { k: "v" },
      previous_response_id: null,
      error: null,
    });
    expect(response.id).toMatch(/^resp_[0-9A-Za-z]{41}$/);
    expect(response.output_text).toBe(`Echo: hello ${marker}`);
    expect(response.output).toEqual([
      {
        id: expect.stringMatching(/^msg_/),
        type: "message",
        role: "assistant",
        status: "completed",
        content: [{ type: "output_text", text: `Echo: hello ${marker}`, annotations: [], logprobs: [] }],
      },
    ]);
    expect(response.usage).toMatchObject({
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
    });
    const [call] = await callsWith(`hello ${marker}`);
    expect(sent(call)[0]).toEqual({ role: "system", content: `Be ${marker}.` });
    expect(await sdk.responses.retrieve(response.id)).toMatchObject({ id: response.id, output: response.output });
    const items = await sdk.responses.inputItems.list(response.id);
    expect(items.data).toEqual([
      {
        id: expect.stringMatching(/^msg_/),
        type: "message",
        role: "user",
        status: "completed",
        content: [{ type: "input_text", text: `hello ${marker}` }],
      },
    ]);
    await sdk.responses.delete(response.id);
    await expect(sdk.responses.retrieve(response.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(sdk.responses.inputItems.list(response.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("a streamed response whose client hangs up is still answered to the end and stored", async () => {
    const marker = unique("hang-up");
    const res = await request(backend, "POST", "/v1/responses", {
      model: MODEL,
      stream: true,
      input: `${marker} [[stub:words=30]] [[stub:chunk=event]] [[stub:pace=5]]`,
    });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const id = /"id":"(resp_[0-9A-Za-z]+)"/.exec(first)![1];
    await reader.cancel();
    let stored: OpenAI.Responses.Response | undefined;
    for (let i = 0; i < 250 && stored?.status !== "completed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stored = await sdk.responses.retrieve(id).catch(() => undefined);
    }
    expect(stored?.status).toBe("completed");
    expect(stored!.output_text.split(" ")).toHaveLength(30);
    expect((await callsWith(marker))[0].stream).toEqual({ chunks: 32, sent: 32 });
  });

  it("streams events the SDK's ResponseStream accepts, numbered in order, and stores the result", async () => {
    const stream = sdk.responses.stream({ model: MODEL, input: "stream this" });
    const events: { type: string; sequence_number: number }[] = [];
    stream.on("event", (e) => events.push(e));
    const final = await stream.finalResponse();
    expect(final.output_text).toBe("Echo: stream this");
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const types = events.map((e) => e.type).filter((t) => t !== "response.output_text.delta");
    expect(types).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(events.filter((e) => e.type === "response.output_text.delta").length).toBeGreaterThan(1);
    expect(await sdk.responses.retrieve(final.id)).toMatchObject({
      id: final.id,
      status: "completed",
      output: final.output.map(({ id, type }) => ({ id, type })),
    });
  });

  it("chains with previous_response_id: the model sees the earlier turns", async () => {
    const marker = unique("chain");
    const first = await sdk.responses.create({ model: MODEL, input: `one ${marker}` });
    const second = await sdk.responses.create({ model: MODEL, input: `two ${marker}`, previous_response_id: first.id });
    expect(second.previous_response_id).toBe(first.id);
    const third = await sdk.responses.stream({ model: MODEL, input: `three ${marker}`, previous_response_id: second.id }).finalResponse();
    expect(third.output_text).toBe(`Echo: three ${marker}`);
    const [call] = await callsWith(`three ${marker}`);
    expect(sent(call).map((m) => m.content)).toEqual([
      `one ${marker}`,
      `Echo: one ${marker}`,
      `two ${marker}`,
      `Echo: two ${marker}`,
      `three ${marker}`,
    ]);
    // Each response lists only its own input.
    expect((await sdk.responses.inputItems.list(third.id)).data).toHaveLength(1);
  });

  it("round-trips function calls: function_call out, function_call_output in", async () => {
    const cold = unique("cold");
    const first = await sdk.responses.create({
      model: MODEL,
      input: 'Weather? [[stub:call=get_weather {"city":"Oslo"}]]',
      tools: [weather],
    });
    const call = first.output.find((item) => item.type === "function_call") as OpenAI.Responses.ResponseFunctionToolCall;
    expect(call).toMatchObject({
      type: "function_call",
      name: "get_weather",
      arguments: '{"city":"Oslo"}',
      status: "completed",
      call_id: expect.any(String),
      id: expect.stringMatching(/^fc_/),
    });
    const second = await sdk.responses.create({
      model: MODEL,
      previous_response_id: first.id,
      tools: [weather],
      input: [{ type: "function_call_output", call_id: call.call_id, output: cold }],
    });
    expect(second.output_text).toBe(`Tool result: ${cold}`);
    const [seen] = await callsWith(cold);
    expect(sent(seen).slice(-2)).toEqual([
      {
        role: "assistant",
        content: expect.any(String),
        tool_calls: [{ id: call.call_id, type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }],
      },
      { role: "tool", tool_call_id: call.call_id, content: cold },
    ]);
    const stream = sdk.responses.stream({ model: MODEL, input: 'Weather? [[stub:call=get_weather {"city":"Lima"}]]', tools: [weather] });
    const types: string[] = [];
    stream.on("event", (e) => types.push(e.type));
    const streamed = await stream.finalResponse();
    const streamedCall = streamed.output.find((item) => item.type === "function_call") as OpenAI.Responses.ResponseFunctionToolCall;
    expect(JSON.parse(streamedCall.arguments)).toEqual({ city: "Lima" });
    expect(types).toContain("response.function_call_arguments.delta");
    expect(types).toContain("response.function_call_arguments.done");
    const stored = await sdk.responses.retrieve(streamed.id);
    expect((stored.output[0] as OpenAI.Responses.ResponseFunctionToolCall).call_id).toBe(streamedCall.call_id);
    const answered = await sdk.responses.create({
      model: MODEL,
      previous_response_id: streamed.id,
      tools: [weather],
      input: [{ type: "function_call_output", call_id: streamedCall.call_id, output: "mild" }],
    });
    expect(answered.output_text).toBe("Tool result: mild");
  });

  it("honours text.format JSON modes", async () => {
    const schema = { type: "object", properties: { answer: { type: "string" } }, required: ["answer"], additionalProperties: false };
    const structured = await sdk.responses.create({
      model: MODEL,
      input: "json please",
      text: { format: { type: "json_schema", name: "reply", schema, strict: true } },
    });
    expect(JSON.parse(structured.output_text)).toEqual({ answer: "test" });
    expect(structured.text?.format).toMatchObject({ type: "json_schema", name: "reply" });
    const object = await sdk.responses.create({ model: MODEL, input: "any json", text: { format: { type: "json_object" } } });
    expect(JSON.parse(object.output_text)).toEqual({ echo: "any json" });
  });

  it("reports a model failure: an HTTP error when not streamed, response.failed (stored) when streamed", async () => {
    await expect(sdk.responses.create({ model: MODEL, input: "[[stub:error=3040]]" })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    const types: string[] = [];
    const stream = sdk.responses.stream({ model: MODEL, input: "[[stub:error=3040]] streamed" });
    stream.on("event", (e) => types.push(e.type));
    const failed = await stream.finalResponse();
    expect(failed).toMatchObject({ status: "failed", error: { code: "rate_limit_exceeded" } });
    expect(types).toEqual(["response.created", "response.in_progress", "response.failed"]);
    expect((await sdk.responses.retrieve(failed.id)).status).toBe("failed");
  });

  it("refuses what it cannot store with a 413, never a 500", async () => {
    const res = await request(backend, "POST", "/v1/responses", { model: MODEL, input: "x".repeat(2_500_000), max_output_tokens: 5 });
    // One SQLite row holds at most 2 MB; one KV value 25 MiB.
    expect(res.status).toBe(backend === "durable-object" ? 413 : 200);
  });

  it("stores nothing with store: false", async () => {
    const response = await sdk.responses.create({ model: MODEL, input: "forget me", store: false });
    expect((response as unknown as { store: boolean }).store).toBe(false);
    await expect(sdk.responses.retrieve(response.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("cancels only background responses, and says which id is unknown", async () => {
    const response = await sdk.responses.create({ model: MODEL, input: "done already" });
    await expect(sdk.responses.cancel(response.id)).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(sdk.responses.cancel(`resp_${"A".repeat(41)}`)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    const unknown = await request(backend, "POST", "/v1/responses", {
      model: MODEL,
      input: "x",
      previous_response_id: `resp_${"B".repeat(41)}`,
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { param: string } }).error.param).toBe("previous_response_id");
  });

  it("answers malformed requests with 400s naming the field", async () => {
    const param = async (body: object) => {
      const res = await request(backend, "POST", "/v1/responses", { model: MODEL, ...body });
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { param: string } }).error.param;
    };
    expect(await param({})).toBe("input");
    expect(await param({ input: "x", tools: [{ type: "web_search" }] })).toBe("tools[0].type");
    expect(await param({ input: [{ role: "robot", content: "x" }] })).toBe("input[0].role");
    expect(await param({ input: [{ type: "function_call_output", output: "x" }] })).toBe("input[0].call_id");
    expect(await param({ input: "x", text: { format: { type: "yaml" } } })).toBe("text.format.type");
    expect(await param({ input: "x", previous_response_id: `resp_${"C".repeat(41)}`, conversation: `conv_${"D".repeat(24)}` })).toBe(
      "conversation",
    );
  });

  describe("conversations", () => {
    it("creates, retrieves, updates and deletes; its items and responses go with it", async () => {
      const conversation = await sdk.conversations.create({
        items: [{ role: "user", content: "remember this" }],
        metadata: { topic: "t" },
      });
      expect(conversation).toMatchObject({ object: "conversation", metadata: { topic: "t" } });
      expect(conversation.id).toMatch(/^conv_[0-9A-Za-z]{24}$/);
      expect(await sdk.conversations.retrieve(conversation.id)).toEqual(conversation);
      expect((await sdk.conversations.update(conversation.id, { metadata: { topic: "u" } })).metadata).toEqual({ topic: "u" });
      const response = await sdk.responses.create({ model: MODEL, input: "in the conversation", conversation: conversation.id });
      expect(response.conversation).toEqual({ id: conversation.id });
      expect(await sdk.conversations.delete(conversation.id)).toEqual({
        id: conversation.id,
        object: "conversation.deleted",
        deleted: true,
      });
      await expect(sdk.conversations.retrieve(conversation.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(sdk.conversations.items.list(conversation.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(sdk.responses.retrieve(response.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(sdk.responses.create({ model: MODEL, input: "x", conversation: conversation.id })).rejects.toBeInstanceOf(
        OpenAI.NotFoundError,
      );
    });

    it("is the context of a response, which appends its input and output", async () => {
      const marker = unique("conv");
      const conversation = await sdk.conversations.create({ items: [{ role: "user", content: `first ${marker}` }] });
      await sdk.responses.create({ model: MODEL, input: `second ${marker}`, conversation: conversation.id });
      const streamed = await sdk.responses
        .stream({ model: MODEL, input: `third ${marker}`, conversation: { id: conversation.id } })
        .finalResponse();
      expect(streamed.output_text).toBe(`Echo: third ${marker}`);
      const [call] = await callsWith(`third ${marker}`);
      expect(sent(call).map((m) => m.content)).toEqual([
        `first ${marker}`,
        `second ${marker}`,
        `Echo: second ${marker}`,
        `third ${marker}`,
      ]);
      const items = await sdk.conversations.items.list(conversation.id, { order: "asc" });
      const texts = items.data.map((item) => (item.type === "message" ? (item.content[0] as { text: string }).text : item.type));
      expect(texts).toEqual([`first ${marker}`, `second ${marker}`, `Echo: second ${marker}`, `third ${marker}`, `Echo: third ${marker}`]);
      // A later turn chained to a conversation's response sees what that response saw.
      const chained = await sdk.responses.create({ model: MODEL, input: `fourth ${marker}`, previous_response_id: streamed.id });
      const [chainedCall] = await callsWith(`fourth ${marker}`);
      expect(sent(chainedCall).map((m) => m.content)).toEqual([...texts, `fourth ${marker}`]);
      expect(chained.output_text).toBe(`Echo: fourth ${marker}`);
    });

    it("adds (at most 20 at a time), lists, retrieves and deletes items", async () => {
      const conversation = await sdk.conversations.create({});
      const added = await sdk.conversations.items.create(conversation.id, {
        items: Array.from({ length: 20 }, (_, i) => ({ type: "message" as const, role: "user" as const, content: `item ${i}` })),
      });
      expect(added.data).toHaveLength(20);
      const tooMany = await request(backend, "POST", `/v1/conversations/${conversation.id}/items`, {
        items: Array.from({ length: 21 }, () => ({ role: "user", content: "x" })),
      });
      expect(tooMany.status).toBe(400);
      expect(((await tooMany.json()) as { error: { param: string } }).error.param).toBe("items");
      const all: string[] = [];
      for await (const item of sdk.conversations.items.list(conversation.id, { limit: 6, order: "desc" })) all.push(item.id!);
      expect(all).toEqual(added.data.map((item) => item.id).reverse());
      const third = added.data[2];
      expect(await sdk.conversations.items.retrieve(third.id!, { conversation_id: conversation.id })).toEqual(third);
      expect(await sdk.conversations.items.delete(third.id!, { conversation_id: conversation.id })).toMatchObject({
        id: conversation.id,
        object: "conversation",
      });
      await expect(sdk.conversations.items.retrieve(third.id!, { conversation_id: conversation.id })).rejects.toBeInstanceOf(
        OpenAI.NotFoundError,
      );
      expect((await sdk.conversations.items.list(conversation.id, { limit: 100 })).data).toHaveLength(19);
    });
  });
});
