// Assistants v2 through the official SDK, on both state backends.
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { callsWith, unique } from "./helpers.js";
import { BACKENDS, client, request } from "./state-helpers.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";
const weather = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Weather for a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};
const textOf = (m: OpenAI.Beta.Threads.Message) => m.content.map((c) => (c.type === "text" ? c.text.value : "")).join("");
/** The chat messages a stub call received. */
const sent = (call: { inputs: unknown }) => (call.inputs as { messages: { role: string; content: unknown }[] }).messages;

describe.each(BACKENDS)("Assistants API on %s", (backend) => {
  const sdk = client(backend);

  describe("assistants", () => {
    it("creates, retrieves, modifies and deletes", async () => {
      const created = await sdk.beta.assistants.create({
        model: "gpt-4o-mini",
        name: "Helper",
        instructions: "Be kind.",
        tools: [weather],
        metadata: { team: "a" },
        temperature: 0.5,
      });
      expect(created).toMatchObject({
        object: "assistant",
        model: "gpt-4o-mini",
        name: "Helper",
        instructions: "Be kind.",
        metadata: { team: "a" },
        temperature: 0.5,
        tools: [{ type: "function", function: { name: "get_weather" } }],
      });
      expect(created.id).toMatch(/^asst_[0-9A-Za-z]{26}$/);
      expect(await sdk.beta.assistants.retrieve(created.id)).toEqual(created);
      const updated = await sdk.beta.assistants.update(created.id, { instructions: "Be brief.", metadata: { team: "b" } });
      expect(updated).toMatchObject({ id: created.id, name: "Helper", instructions: "Be brief.", metadata: { team: "b" } });
      expect(await sdk.beta.assistants.delete(created.id)).toEqual({ id: created.id, object: "assistant.deleted", deleted: true });
      await expect(sdk.beta.assistants.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    });

    it("lists with cursor pagination, newest first by default", async () => {
      const tag = unique("list");
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await sdk.beta.assistants.create({ model: MODEL, metadata: { tag } })).id);
      const collect = async (order: "asc" | "desc") => {
        const seen: string[] = [];
        for await (const a of sdk.beta.assistants.list({ limit: 2, order })) if (a.metadata?.tag === tag) seen.push(a.id);
        return seen;
      };
      expect(await collect("asc")).toEqual(ids);
      expect(await collect("desc")).toEqual([...ids].reverse());
      const page = await sdk.beta.assistants.list({ limit: 1, order: "asc", after: ids[1] });
      expect(page.data[0].id).toBe(ids[2]);
    });

    it("refuses tools it cannot run and metadata over OpenAI's limits, naming the field", async () => {
      const bad = async (body: object) => {
        const res = await request(backend, "POST", "/v1/assistants", { model: MODEL, ...body });
        expect(res.status).toBe(400);
        return ((await res.json()) as { error: { param: string } }).error.param;
      };
      expect(await bad({ tools: [{ type: "code_interpreter" }] })).toBe("tools[0].type");
      expect(await bad({ metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, "v"])) })).toBe("metadata");
      expect(await bad({ metadata: { ["k".repeat(65)]: "v" } })).toBe("metadata");
      expect(await bad({ metadata: { k: "v".repeat(513) } })).toBe("metadata.k");
      expect(await bad({ temperature: 3 })).toBe("temperature");
      const missing = await request(backend, "POST", "/v1/assistants", {});
      expect(((await missing.json()) as { error: { param: string } }).error.param).toBe("model");
    });
  });

  describe("threads and messages", () => {
    it("creates a thread with messages, modifies and deletes it, and its messages go with it", async () => {
      const thread = await sdk.beta.threads.create({
        messages: [
          { role: "user", content: "first" },
          { role: "assistant", content: [{ type: "text", text: "second" }] },
        ],
        metadata: { k: "v" },
      });
      expect(thread).toMatchObject({ object: "thread", metadata: { k: "v" }, tool_resources: null });
      expect(thread.id).toMatch(/^thread_[0-9A-Za-z]{24}$/);
      const messages = await sdk.beta.threads.messages.list(thread.id, { order: "asc" });
      expect(messages.data.map((m) => [m.role, textOf(m), m.thread_id])).toEqual([
        ["user", "first", thread.id],
        ["assistant", "second", thread.id],
      ]);
      expect((await sdk.beta.threads.update(thread.id, { metadata: { k: "w" } })).metadata).toEqual({ k: "w" });
      expect(await sdk.beta.threads.retrieve(thread.id)).toMatchObject({ id: thread.id, metadata: { k: "w" } });
      expect(await sdk.beta.threads.delete(thread.id)).toEqual({ id: thread.id, object: "thread.deleted", deleted: true });
      await expect(sdk.beta.threads.retrieve(thread.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(sdk.beta.threads.messages.retrieve(messages.data[0].id, { thread_id: thread.id })).rejects.toBeInstanceOf(
        OpenAI.NotFoundError,
      );
      await expect(sdk.beta.threads.messages.list(thread.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    });

    it("creates (string or parts), lists, retrieves, modifies and deletes messages", async () => {
      const thread = await sdk.beta.threads.create();
      const a = await sdk.beta.threads.messages.create(thread.id, { role: "user", content: "plain" });
      const b = await sdk.beta.threads.messages.create(thread.id, {
        role: "user",
        content: [
          { type: "text", text: "look" },
          { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
        ],
        metadata: { n: "1" },
      });
      expect(a).toMatchObject({
        object: "thread.message",
        role: "user",
        status: "completed",
        run_id: null,
        assistant_id: null,
        content: [{ type: "text", text: { value: "plain", annotations: [] } }],
      });
      expect(b.content[1]).toEqual({ type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "auto" } });
      const listed = await sdk.beta.threads.messages.list(thread.id);
      expect(listed.data.map((m) => m.id)).toEqual([b.id, a.id]);
      const raw = await (await request(backend, "GET", `/v1/threads/${thread.id}/messages`)).json();
      expect(raw).toMatchObject({ object: "list", first_id: b.id, last_id: a.id, has_more: false });
      expect(await sdk.beta.threads.messages.retrieve(a.id, { thread_id: thread.id })).toEqual(a);
      expect((await sdk.beta.threads.messages.update(a.id, { thread_id: thread.id, metadata: { x: "y" } })).metadata).toEqual({ x: "y" });
      expect(await sdk.beta.threads.messages.delete(a.id, { thread_id: thread.id })).toEqual({
        id: a.id,
        object: "thread.message.deleted",
        deleted: true,
      });
      await expect(sdk.beta.threads.messages.retrieve(a.id, { thread_id: thread.id })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      expect((await sdk.beta.threads.messages.list(thread.id)).data.map((m) => m.id)).toEqual([b.id]);
    });

    it("keeps 20 concurrent message creates", async () => {
      const thread = await sdk.beta.threads.create();
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => sdk.beta.threads.messages.create(thread.id, { role: "user", content: `m${i}` })),
      );
      const listed = await sdk.beta.threads.messages.list(thread.id, { limit: 100 });
      expect(listed.data.map((m) => m.id).sort()).toEqual(created.map((m) => m.id).sort());
    });

    it("answers bad input with 400s naming the field, unknown ids with 404s", async () => {
      const thread = await sdk.beta.threads.create();
      const param = async (res: Response, status = 400) => {
        expect(res.status).toBe(status);
        const body = (await res.json()) as { error: { message: string; type: string; param: string | null } };
        expect(body.error.message).toBeTruthy();
        return body.error.param;
      };
      expect(await param(await request(backend, "POST", `/v1/threads/${thread.id}/messages`, { role: "system", content: "x" }))).toBe(
        "role",
      );
      expect(await param(await request(backend, "POST", `/v1/threads/${thread.id}/messages`, { role: "user" }))).toBe("content");
      expect(
        await param(
          await request(backend, "POST", `/v1/threads/${thread.id}/messages`, {
            role: "user",
            content: [{ type: "image_file", image_file: { file_id: "f" } }],
          }),
        ),
      ).toBe("content[0].type");
      expect(
        await param(await request(backend, "POST", `/v1/threads/${thread.id}/messages`, { role: "user", content: "x".repeat(256_001) })),
      ).toBe("content");
      expect(await param(await request(backend, "POST", `/v1/threads/${thread.id}/messages`, "{not json"))).toBeNull();
      expect(await param(await request(backend, "GET", `/v1/threads/${thread.id}/messages?limit=101`))).toBe("limit");
      expect(await param(await request(backend, "GET", `/v1/threads/${thread.id}/messages?order=up`))).toBe("order");
      expect(
        await param(
          await request(backend, "POST", "/v1/threads", {
            messages: [
              { role: "user", content: "ok" },
              { role: "robot", content: "x" },
            ],
          }),
        ),
      ).toBe("messages[1].role");
      expect(await param(await request(backend, "GET", "/v1/threads/thread_doesnotexist"), 404)).toBeNull();
      expect(await param(await request(backend, "GET", `/v1/threads/thread_${"A".repeat(24)}`), 404)).toBeNull();
      expect(await param(await request(backend, "GET", `/v1/threads/${thread.id}/messages/msg_nope`), 404)).toBeNull();
      expect(await param(await request(backend, "GET", `/v1/threads/${thread.id}/runs/run_nope`), 404)).toBeNull();
      expect(await param(await request(backend, "DELETE", `/v1/threads/${thread.id}/runs`), 405)).toBeNull();
    });
  });

  describe("runs", () => {
    it("answers at once and createAndPoll sees the run complete, the reply appended with run_id", async () => {
      const marker = unique("poll");
      const assistant = await sdk.beta.assistants.create({ model: MODEL, instructions: `You are ${marker}.` });
      const thread = await sdk.beta.threads.create({ messages: [{ role: "user", content: `hello ${marker}` }] });
      const res = await request(backend, "POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id });
      const created = (await res.json()) as OpenAI.Beta.Threads.Run;
      expect(["queued", "in_progress"]).toContain(created.status);
      expect(res.headers.get("openai-poll-after-ms")).toMatch(/^\d+$/);
      const done = await sdk.beta.threads.runs.poll(created.id, { thread_id: thread.id });
      expect(done).toMatchObject({
        id: created.id,
        status: "completed",
        assistant_id: assistant.id,
        thread_id: thread.id,
        instructions: `You are ${marker}.`,
        model: MODEL,
      });
      expect(done.usage!.total_tokens).toBeGreaterThan(0);
      const run = await sdk.beta.threads.runs.createAndPoll(thread.id, {
        assistant_id: assistant.id,
        additional_messages: [{ role: "user", content: `again ${marker}` }],
      });
      expect(run.status).toBe("completed");
      const replies = await sdk.beta.threads.messages.list(thread.id, { run_id: run.id });
      expect(replies.data).toHaveLength(1);
      expect(replies.data[0]).toMatchObject({ role: "assistant", run_id: run.id, assistant_id: assistant.id, status: "completed" });
      expect(textOf(replies.data[0])).toBe(`Echo: again ${marker}`);
      const all = await sdk.beta.threads.messages.list(thread.id, { order: "asc" });
      expect(all.data.map((m) => [m.role, textOf(m)])).toEqual([
        ["user", `hello ${marker}`],
        ["assistant", `Echo: hello ${marker}`],
        ["user", `again ${marker}`],
        ["assistant", `Echo: again ${marker}`],
      ]);
      // The model saw the assistant's instructions and the whole thread.
      const calls = await callsWith(`again ${marker}`);
      expect(sent(calls.at(-1)!).map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
      expect(sent(calls.at(-1)!)[0].content).toBe(`You are ${marker}.`);
    });

    it("honours the run's overrides: model, instructions, additional_instructions, max_completion_tokens, truncation_strategy, temperature", async () => {
      const marker = unique("override");
      const assistant = await sdk.beta.assistants.create({ model: MODEL, instructions: "base", temperature: 0.3 });
      const thread = await sdk.beta.threads.create({
        messages: [
          { role: "user", content: "older" },
          { role: "user", content: "old" },
        ],
      });
      const run = await sdk.beta.threads.runs.createAndPoll(thread.id, {
        assistant_id: assistant.id,
        model: "@cf/meta/llama-3.2-3b-instruct",
        instructions: "override",
        additional_instructions: marker,
        additional_messages: [{ role: "user", content: "[[stub:words=400]]" }],
        max_completion_tokens: 256,
        truncation_strategy: { type: "last_messages", last_messages: 2 },
      });
      expect(run).toMatchObject({
        model: "@cf/meta/llama-3.2-3b-instruct",
        instructions: `override\n\n${marker}`,
        status: "incomplete",
        incomplete_details: { reason: "max_completion_tokens" },
        temperature: 0.3,
        max_completion_tokens: 256,
      });
      const [call] = await callsWith(marker);
      expect(call.model).toBe("@cf/meta/llama-3.2-3b-instruct");
      expect(call.inputs).toMatchObject({ max_tokens: 256, temperature: 0.3 });
      expect(sent(call).map((m) => m.content)).toEqual([`override\n\n${marker}`, "old", "[[stub:words=400]]"]);
      const [reply] = (await sdk.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
      expect(reply.status).toBe("incomplete");
    });

    it("streams the event sequence the SDK's AssistantStream accepts, ending with done", async () => {
      const assistant = await sdk.beta.assistants.create({ model: MODEL });
      const thread = await sdk.beta.threads.create();
      const stream = sdk.beta.threads.runs.stream(thread.id, {
        assistant_id: assistant.id,
        additional_messages: [{ role: "user", content: "stream please" }],
      });
      const events: string[] = [];
      let text = "";
      stream.on("event", (e) => events.push(e.event)).on("textDelta", (d) => (text += d.value));
      const run = await stream.finalRun();
      expect(text).toBe("Echo: stream please");
      expect(run.status).toBe("completed");
      const deltas = events.filter((e) => e === "thread.message.delta").length;
      expect(deltas).toBeGreaterThan(1);
      expect(events.filter((e) => e !== "thread.message.delta")).toEqual([
        "thread.run.created",
        "thread.run.queued",
        "thread.run.in_progress",
        "thread.run.step.created",
        "thread.run.step.in_progress",
        "thread.message.created",
        "thread.message.in_progress",
        "thread.message.completed",
        "thread.run.step.completed",
        "thread.run.completed",
      ]);
      const [message] = await stream.finalMessages();
      const stored = await sdk.beta.threads.messages.retrieve(message.id, { thread_id: thread.id });
      expect(stored).toMatchObject({ id: message.id, run_id: run.id, status: "completed" });
      expect(textOf(stored)).toBe("Echo: stream please");
      const raw = await (
        await request(backend, "POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id, stream: true })
      ).text();
      expect(raw.trimEnd().endsWith("event: done\ndata: [DONE]")).toBe(true);
    });

    it("creates a thread and runs it, polled and streamed", async () => {
      const assistant = await sdk.beta.assistants.create({ model: MODEL });
      const run = await sdk.beta.threads.createAndRunPoll({
        assistant_id: assistant.id,
        thread: { messages: [{ role: "user", content: "new thread" }], metadata: { via: "createAndRun" } },
      });
      expect(run.status).toBe("completed");
      expect((await sdk.beta.threads.retrieve(run.thread_id)).metadata).toEqual({ via: "createAndRun" });
      expect(textOf((await sdk.beta.threads.messages.list(run.thread_id)).data[0])).toBe("Echo: new thread");
      const stream = sdk.beta.threads.createAndRunStream({
        assistant_id: assistant.id,
        thread: { messages: [{ role: "user", content: "streamed thread" }] },
      });
      const events: string[] = [];
      stream.on("event", (e) => events.push(e.event));
      const streamed = await stream.finalRun();
      expect(events[0]).toBe("thread.created");
      expect(streamed.status).toBe("completed");
      expect(textOf((await sdk.beta.threads.messages.list(streamed.thread_id)).data[0])).toBe("Echo: streamed thread");
    });

    it("puts tool calls in requires_action; submitted outputs continue the run (polled)", async () => {
      const assistant = await sdk.beta.assistants.create({ model: MODEL, tools: [weather] });
      const thread = await sdk.beta.threads.create({
        messages: [{ role: "user", content: 'Weather? [[stub:call=get_weather {"city":"Paris"}]]' }],
      });
      const waiting = await sdk.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id });
      expect(waiting.status).toBe("requires_action");
      const [call] = waiting.required_action!.submit_tool_outputs.tool_calls;
      expect(call).toMatchObject({ type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } });
      const steps = await sdk.beta.threads.runs.steps.list(waiting.id, { thread_id: thread.id });
      expect(steps.data).toHaveLength(1);
      expect(steps.data[0]).toMatchObject({
        type: "tool_calls",
        status: "in_progress",
        step_details: { type: "tool_calls", tool_calls: [{ id: call.id, function: { output: null } }] },
      });
      await expect(sdk.beta.threads.messages.create(thread.id, { role: "user", content: "meanwhile" })).rejects.toBeInstanceOf(
        OpenAI.BadRequestError,
      );
      await expect(
        sdk.beta.threads.runs.submitToolOutputs(waiting.id, {
          thread_id: thread.id,
          tool_outputs: [{ tool_call_id: "call_other", output: "x" }],
        }),
      ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
      const done = await sdk.beta.threads.runs.submitToolOutputsAndPoll(waiting.id, {
        thread_id: thread.id,
        tool_outputs: [{ tool_call_id: call.id, output: "sunny" }],
      });
      expect(done.status).toBe("completed");
      const [reply] = (await sdk.beta.threads.messages.list(thread.id, { run_id: done.id })).data;
      expect(textOf(reply)).toBe("Tool result: sunny");
      const after = await sdk.beta.threads.runs.steps.list(done.id, { thread_id: thread.id, order: "asc" });
      expect(after.data.map((s) => [s.type, s.status])).toEqual([
        ["tool_calls", "completed"],
        ["message_creation", "completed"],
      ]);
      expect((after.data[0].step_details as OpenAI.Beta.Threads.Runs.ToolCallsStepDetails).tool_calls[0]).toMatchObject({
        id: call.id,
        function: { output: "sunny" },
      });
      const step = await sdk.beta.threads.runs.steps.retrieve(after.data[1].id, { thread_id: thread.id, run_id: done.id });
      expect(step.step_details).toEqual({ type: "message_creation", message_creation: { message_id: reply.id } });
      // Not waiting any more: outputs are refused with a 400.
      const again = await request(backend, "POST", `/v1/threads/${thread.id}/runs/${done.id}/submit_tool_outputs`, {
        tool_outputs: [{ tool_call_id: call.id, output: "x" }],
      });
      expect(again.status).toBe(400);
    });

    it("streams tool calls into requires_action, and streams the continuation", async () => {
      const assistant = await sdk.beta.assistants.create({ model: MODEL, tools: [weather] });
      const thread = await sdk.beta.threads.create();
      const stream = sdk.beta.threads.runs.stream(thread.id, {
        assistant_id: assistant.id,
        additional_messages: [{ role: "user", content: 'Weather? [[stub:call=get_weather {"city":"Rome"}]]' }],
      });
      const created: string[] = [];
      stream.on("toolCallCreated", (call) => created.push(call.type === "function" ? call.function.name : call.type));
      const waiting = await stream.finalRun();
      expect(created).toEqual(["get_weather"]);
      expect(waiting.status).toBe("requires_action");
      const [call] = waiting.required_action!.submit_tool_outputs.tool_calls;
      expect(JSON.parse(call.function.arguments)).toEqual({ city: "Rome" });
      const events: string[] = [];
      let text = "";
      const continued = sdk.beta.threads.runs.submitToolOutputsStream(waiting.id, {
        thread_id: thread.id,
        tool_outputs: [{ tool_call_id: call.id, output: "warm" }],
      });
      continued.on("event", (e) => events.push(e.event)).on("textDelta", (d) => (text += d.value));
      const done = await continued.finalRun();
      expect(done.status).toBe("completed");
      expect(text).toBe("Tool result: warm");
      expect(events[0]).toBe("thread.run.step.completed");
      expect(events.at(-1)).toBe("thread.run.completed");
    });

    it("lists, retrieves, modifies and cancels runs", async () => {
      const assistant = await sdk.beta.assistants.create({ model: MODEL, tools: [weather] });
      const thread = await sdk.beta.threads.create({ messages: [{ role: "user", content: "x [[stub:call=get_weather]]" }] });
      const first = await sdk.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id, metadata: { n: "1" } });
      expect(first.status).toBe("requires_action");
      const cancelled = await sdk.beta.threads.runs.cancel(first.id, { thread_id: thread.id });
      expect(cancelled).toMatchObject({ status: "cancelled", required_action: null });
      expect(cancelled.cancelled_at).toBeGreaterThan(0);
      await expect(sdk.beta.threads.runs.cancel(first.id, { thread_id: thread.id })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
      const second = await sdk.beta.threads.runs.createAndPoll(thread.id, {
        assistant_id: assistant.id,
        tool_choice: "none",
        additional_messages: [{ role: "user", content: "no tools now" }],
      });
      expect(second.status).toBe("completed");
      const runs = await sdk.beta.threads.runs.list(thread.id);
      expect(runs.data.map((r) => r.id)).toEqual([second.id, first.id]);
      expect((await sdk.beta.threads.runs.update(second.id, { thread_id: thread.id, metadata: { k: "v" } })).metadata).toEqual({ k: "v" });
      expect((await sdk.beta.threads.runs.retrieve(second.id, { thread_id: thread.id })).metadata).toEqual({ k: "v" });
    });

    it("fails a run whose model fails, with last_error", async () => {
      const assistant = await sdk.beta.assistants.create({ model: MODEL });
      const thread = await sdk.beta.threads.create({ messages: [{ role: "user", content: "[[stub:error=3040]]" }] });
      const run = await sdk.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id });
      expect(run).toMatchObject({ status: "failed", last_error: { code: "rate_limit_exceeded" } });
      expect((await sdk.beta.threads.messages.list(thread.id)).data).toHaveLength(1);
      const stream = sdk.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
      expect((await stream.finalRun()).status).toBe("failed");
    });

    it("404s a run on an unknown or deleted assistant, and 400s a run without one", async () => {
      const assistant = await sdk.beta.assistants.create({ model: MODEL });
      const thread = await sdk.beta.threads.create();
      await sdk.beta.assistants.delete(assistant.id);
      const res = await request(backend, "POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe("assistant_id");
      await expect(sdk.beta.threads.runs.create(thread.id, { assistant_id: "asst_unknown" })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      const missing = await request(backend, "POST", `/v1/threads/${thread.id}/runs`, {});
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as { error: { param: string } }).error.param).toBe("assistant_id");
      const badTruncation = await request(backend, "POST", "/v1/threads/runs", {
        assistant_id: assistant.id,
        truncation_strategy: { type: "last_messages" },
      });
      expect(badTruncation.status).toBe(404);
      // Nothing was run, nothing was written.
      expect((await sdk.beta.threads.runs.list(thread.id)).data).toHaveLength(0);
    });
  });
});
