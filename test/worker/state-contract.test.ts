// The state store's contract, run against both backends: the same operations, the same answers.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { MessageInput, Run } from "../../worker/src/assistants/objects.js";
import type { RunTemplate } from "../../worker/src/assistants/run-ops.js";
import type { Env } from "../../worker/src/env.js";
import { ApiError } from "../../worker/src/http/errors.js";
import { objectName, type StateBackend } from "../../worker/src/state/backend.js";
import { DurableObjectBackend } from "../../worker/src/state/do-backend.js";
import { OBJECT_KEY_LENGTH, PREFIX, randomChars } from "../../worker/src/state/ids.js";
import { KvBackend } from "../../worker/src/state/kv-backend.js";

const state = env as unknown as Env;
const BACKENDS: [string, () => StateBackend][] = [
  ["durable-object", () => new DurableObjectBackend(state.STATE!)],
  ["kv", () => new KvBackend(state.CACHE!)],
];

const text = (value: string): MessageInput => ({
  role: "user",
  content: [{ type: "text", text: { value, annotations: [] } }],
  attachments: [],
  metadata: {},
});
const template: RunTemplate = {
  assistant_id: "asst_test",
  model: "@cf/meta/llama-3.1-8b-instruct-fp8",
  instructions: "",
  tools: [],
  metadata: {},
  temperature: null,
  top_p: null,
  max_prompt_tokens: null,
  max_completion_tokens: null,
  truncation_strategy: { type: "auto", last_messages: null },
  tool_choice: "auto",
  parallel_tool_calls: true,
  response_format: "auto",
};
const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
const steps = () => ({ message: PREFIX.step + randomChars(26), tools: PREFIX.step + randomChars(26) });

async function newThread(backend: StateBackend, messages: MessageInput[] = []) {
  const key = randomChars(OBJECT_KEY_LENGTH);
  const threadId = PREFIX.thread + key;
  const object = objectName.thread(key);
  await backend.invoke(object, "threads.create", { threadId, metadata: {}, tool_resources: null, messages }, { fresh: true });
  return { threadId, object };
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

const runArgs = (threadId: string, run: Run) => ({ threadId, key: run.id.slice(PREFIX.run.length), runId: run.id });

describe.each(BACKENDS)("state store contract: %s", (_name, make) => {
  it("pages exactly through 1,000 messages in both orders, with after and with before", async () => {
    const backend = make();
    const { threadId, object } = await newThread(
      backend,
      Array.from({ length: 1000 }, (_, i) => text(`m${i}`)),
    );
    const texts = (page: { data: { content: unknown[] }[] }) =>
      page.data.map((m) => (m.content[0] as { text: { value: string } }).text.value);
    for (const order of ["asc", "desc"] as const) {
      const expected = Array.from({ length: 1000 }, (_, i) => `m${order === "asc" ? i : 999 - i}`);
      // Forwards with `after`, in pages of 100 and of 7 (a last page that is not full).
      for (const limit of [100, 7]) {
        const seen: string[] = [];
        let after: string | undefined;
        for (;;) {
          const page = await backend.invoke(object, "messages.list", { threadId, query: { limit, order, after } });
          seen.push(...texts(page));
          expect(page.first_id).toBe(page.data[0]?.id ?? null);
          expect(page.last_id).toBe(page.data.at(-1)?.id ?? null);
          if (!page.has_more) break;
          after = page.last_id!;
        }
        expect(seen).toEqual(expected);
      }
      // Backwards with `before`, from the end of the list to its start.
      const seen: string[] = [];
      const last = await backend.invoke(object, "messages.list", {
        threadId,
        query: { limit: 1, order: order === "asc" ? "desc" : "asc" },
      });
      seen.unshift(...texts(last));
      let before = last.data[0].id;
      for (;;) {
        const page = await backend.invoke(object, "messages.list", { threadId, query: { limit: 100, order, before } });
        seen.unshift(...texts(page));
        if (!page.has_more) break;
        before = page.first_id!;
      }
      expect(seen).toEqual(expected);
    }
    // Between two cursors.
    const middle = await backend.invoke(object, "messages.list", { threadId, query: { limit: 100, order: "asc" } });
    const between = await backend.invoke(object, "messages.list", {
      threadId,
      query: { limit: 100, order: "asc", after: middle.data[10].id, before: middle.data[15].id },
    });
    expect(texts(between)).toEqual(["m11", "m12", "m13", "m14"]);
    expect(between.has_more).toBe(false);
  });

  it("keeps every one of 20 concurrent message creates on one thread", async () => {
    const backend = make();
    const { threadId, object } = await newThread(backend);
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => backend.invoke(object, "messages.create", { threadId, message: text(`c${i}`) })),
    );
    const page = await backend.invoke(object, "messages.list", { threadId, query: { limit: 100, order: "asc" } });
    expect(page.data.map((m) => m.id).sort()).toEqual(created.map((m) => m.id).sort());
    expect(new Set(created.map((m) => m.id)).size).toBe(20);
  });

  it("an operation that fails on an object never written leaves it usable", async () => {
    const backend = make();
    const key = randomChars(OBJECT_KEY_LENGTH);
    const threadId = PREFIX.thread + key;
    const object = objectName.thread(key);
    // A read that finds nothing: its transaction (and any table it created) is rolled back.
    expect(await status(backend.invoke(object, "threads.get", { threadId }))).toBe(404);
    await backend.invoke(object, "threads.create", { threadId, metadata: { a: "1" }, tool_resources: null, messages: [] }, { fresh: true });
    expect((await backend.invoke(object, "threads.get", { threadId })).metadata).toEqual({ a: "1" });
  });

  it("reads its own writes at once", async () => {
    const backend = make();
    const { threadId, object } = await newThread(backend);
    for (let i = 0; i < 5; i++) {
      const message = await backend.invoke(object, "messages.create", { threadId, message: text(`r${i}`) });
      expect((await backend.invoke(object, "messages.get", { threadId, key: message.id.slice(4), messageId: message.id })).id).toBe(
        message.id,
      );
      await backend.invoke(object, "threads.update", { threadId, metadata: { n: String(i) } });
      expect((await backend.invoke(object, "threads.get", { threadId })).metadata).toEqual({ n: String(i) });
    }
  });

  it("deletes a thread with its messages and runs", async () => {
    const backend = make();
    const { threadId, object } = await newThread(backend, [text("a")]);
    const { value: started, session } = await backend.start(object, "runs.start", { threadId, template, additionalMessages: [] });
    await session.finish("runs.finish", {
      ...runArgs(threadId, started.run),
      result: { type: "message", text: "b", truncated: false, usage, steps: steps() },
    });
    session.close();
    const [message] = (await backend.invoke(object, "messages.list", { threadId, query: { limit: 1, order: "asc" } })).data;
    await backend.invoke(object, "threads.delete", { threadId });
    expect(await status(backend.invoke(object, "threads.get", { threadId }))).toBe(404);
    expect(await status(backend.invoke(object, "messages.get", { threadId, key: message.id.slice(4), messageId: message.id }))).toBe(404);
    expect(await status(backend.invoke(object, "runs.get", runArgs(threadId, started.run)))).toBe(404);
    expect(await status(backend.invoke(object, "messages.create", { threadId, message: text("c") }))).toBe(404);
  });

  it("never appends the reply of a run cancelled while the model was answering", async () => {
    const backend = make();
    const { threadId, object } = await newThread(backend, [text("q")]);
    const { value: started, session } = await backend.start(object, "runs.start", { threadId, template, additionalMessages: [] });
    expect((await backend.invoke(object, "runs.cancel", runArgs(threadId, started.run))).status).toBe("cancelled");
    const finished = await session.finish("runs.finish", {
      ...runArgs(threadId, started.run),
      result: { type: "message", text: "late", truncated: false, usage, steps: steps() },
    });
    session.close();
    expect(finished.run.status).toBe("cancelled");
    expect(finished.message).toBeNull();
    const page = await backend.invoke(object, "messages.list", { threadId, query: { limit: 100, order: "asc" } });
    expect(page.data.map((m) => m.role)).toEqual(["user"]);
  });

  it("does not bring back a thread deleted while its run was answering", async () => {
    const backend = make();
    const { threadId, object } = await newThread(backend, [text("q")]);
    const { value: started, session } = await backend.start(object, "runs.start", { threadId, template, additionalMessages: [] });
    await backend.invoke(object, "threads.delete", { threadId });
    const finish = session.finish("runs.finish", {
      ...runArgs(threadId, started.run),
      result: { type: "message", text: "late", truncated: false, usage, steps: steps() },
    });
    expect(await status(finish)).toBe(404);
    session.close();
    expect(await status(backend.invoke(object, "threads.get", { threadId }))).toBe(404);
  });

  it("fails a run whose executor lets go without finishing it", async () => {
    const backend = make();
    const { threadId, object } = await newThread(backend, [text("q")]);
    const { value: started, session } = await backend.start(
      object,
      "runs.start",
      { threadId, template, additionalMessages: [] },
      { abandon: { op: "runs.interrupt", args: { threadId, message: "gone" } } },
    );
    session.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const run = await backend.invoke(object, "runs.get", runArgs(threadId, started.run));
    expect(run).toMatchObject({ status: "failed", last_error: { code: "server_error", message: "gone" } });
  });

  it("refuses a second run and new messages while a run is active", async () => {
    const backend = make();
    const { threadId, object } = await newThread(backend, [text("q")]);
    const { session } = await backend.start(object, "runs.start", { threadId, template, additionalMessages: [] });
    expect(await status(backend.start(object, "runs.start", { threadId, template, additionalMessages: [] }))).toBe(400);
    expect(await status(backend.invoke(object, "messages.create", { threadId, message: text("x") }))).toBe(400);
    session.close();
  });

  it("holds a poll until the run it waits for is finished", async () => {
    const backend = make();
    const { threadId, object } = await newThread(backend, [text("q")]);
    const { value: started, session } = await backend.start(object, "runs.start", { threadId, template, additionalMessages: [] });
    const poll = backend.invoke(object, "runs.get", runArgs(threadId, started.run), { waitMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await session.finish("runs.finish", {
      ...runArgs(threadId, started.run),
      result: { type: "message", text: "done", truncated: false, usage, steps: steps() },
    });
    session.close();
    expect((await poll).status).toBe("completed");
  });
});

describe("the KV backend's deferred start", () => {
  it("writes nothing until the run finishes, then the thread, the messages and the run at once", async () => {
    const backend = new KvBackend(state.CACHE!);
    const key = randomChars(OBJECT_KEY_LENGTH);
    const threadId = PREFIX.thread + key;
    const object = objectName.thread(key);
    const newThread = { threadId, metadata: {}, tool_resources: null, messages: [text("hi")] };
    const { value: started, session } = await backend.start(
      object,
      "runs.start",
      { threadId, template, additionalMessages: [], newThread },
      { defer: true, fresh: true },
    );
    expect(await state.CACHE!.get(`state:${object}`)).toBeNull();
    const finished = await session.finish("runs.finish", {
      ...runArgs(threadId, started.run),
      result: { type: "message", text: "hello", truncated: false, usage, steps: steps() },
    });
    expect(finished.message!.id).toBe(started.replyMessageId);
    const page = await backend.invoke(object, "messages.list", { threadId, query: { limit: 10, order: "asc" } });
    expect(page.data.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(await backend.invoke(object, "runs.get", runArgs(threadId, started.run))).toMatchObject({
      id: started.run.id,
      status: "completed",
    });
  });
});
