// Hostile input: limits that hold while reading, malformed paths, bounded context, and answers cut off upstream
// never cached as complete.
import { describe, expect, it } from "vitest";
import { collectStage } from "../../worker/src/ai/collect.js";
import type { AiEvent } from "../../worker/src/ai/events.js";
import { MAX_CONTEXT_ITEMS, newestWithinContext, MAX_CONTEXT_CHARACTERS } from "../../worker/src/responses/response-ops.js";
import type { Item } from "../../worker/src/responses/items.js";
import { DocumentTables } from "../../worker/src/state/document-tables.js";
import { API_KEY, BASE, call, callsWith, unique, withEnv } from "./helpers.js";
import { BACKENDS, request } from "./state-helpers.js";

const MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
const MiB = 1024 * 1024;

/** A body of `total` bytes that arrives in 64 KiB chunks with no Content-Length, counting what was pulled. */
function chunkedBody(total: number, head: Uint8Array<ArrayBuffer> = new Uint8Array(0)) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes === 0 && head.length) {
        pulled.bytes += head.length;
        return controller.enqueue(head);
      }
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled };
}

describe("the body limit holds while reading", () => {
  it("a chunked JSON body past 4 MiB is a 413, and the rest of it is never read", async () => {
    const { body, pulled } = chunkedBody(
      64 * MiB,
      new TextEncoder().encode('{"model":"x","messages":[{"role":"user","content":"') as Uint8Array<ArrayBuffer>,
    );
    const res = await withEnv(
      {},
      new Request(`${BASE}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
        body,
      }),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error).toMatchObject({ code: "request_too_large", type: "invalid_request_error" });
    expect(pulled.bytes).toBeLessThan(5 * MiB);
  });

  it("a chunked multipart upload past 25 MiB is a 413 before it is buffered whole", async () => {
    const boundary = "xyz";
    const head = new TextEncoder().encode(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.mp3"\r\ncontent-type: audio/mpeg\r\n\r\n`,
    ) as Uint8Array<ArrayBuffer>;
    const { body, pulled } = chunkedBody(200 * MiB, head);
    const res = await withEnv(
      {},
      new Request(`${BASE}/v1/audio/transcriptions`, {
        method: "POST",
        headers: { authorization: `Bearer ${API_KEY}`, "content-type": `multipart/form-data; boundary=${boundary}` },
        body,
      }),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.param).toBe("file");
    expect(pulled.bytes).toBeLessThan(27 * MiB);
  });

  it("a legacy whisper model takes at most 2 MiB (its audio is an array of numbers); the 413 names the model that takes more", async () => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(3 * MiB)], "a.mp3", { type: "audio/mpeg" }));
    form.append("model", "@cf/openai/whisper");
    const res = await withEnv(
      {},
      new Request(`${BASE}/v1/audio/transcriptions`, { method: "POST", headers: { authorization: `Bearer ${API_KEY}` }, body: form }),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.message).toContain("whisper-large-v3-turbo");
  });
});

describe("malformed input", () => {
  it.each(["/v1/models/%E0%A4%A", "/v1/threads/%E0%A4%A", "/v1/responses/%ZZ", "/v1/assistants/%C0"])("GET %s is a 400", async (path) => {
    const res = await call("GET", path);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toMatchObject({ type: "invalid_request_error", code: "invalid_path" });
  });

  it("truncation_strategy.last_messages is at most 256", async () => {
    const assistant = (await (await call("POST", "/v1/assistants", { model: MODEL })).json()) as any;
    const thread = (await (await call("POST", "/v1/threads", {})).json()) as any;
    const res = await call("POST", `/v1/threads/${thread.id}/runs`, {
      assistant_id: assistant.id,
      truncation_strategy: { type: "last_messages", last_messages: 257 },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.param).toBe("truncation_strategy.last_messages");
  });
});

describe.each(BACKENDS)("long conversations on the %s backend", (backend) => {
  it("send their newest items, at most 256, and the turn's own input last", async () => {
    const marker = unique();
    const conversation = (await (await request(backend, "POST", "/v1/conversations", {})).json()) as any;
    for (let i = 0; i < 300; i += 20) {
      const items = Array.from({ length: 20 }, (_, j) => ({ type: "message", role: "user", content: `item ${i + j} ${marker}` }));
      expect((await request(backend, "POST", `/v1/conversations/${conversation.id}/items`, { items })).status).toBe(200);
    }
    const res = await request(backend, "POST", "/v1/responses", { model: MODEL, input: `last ${marker}`, conversation: conversation.id });
    expect(res.status).toBe(200);
    const [sent] = await callsWith(`last ${marker}`);
    const messages = (sent.inputs as { messages: { content: string }[] }).messages;
    expect(messages).toHaveLength(MAX_CONTEXT_ITEMS + 1);
    expect(messages[0].content).toBe(`item ${300 - MAX_CONTEXT_ITEMS} ${marker}`);
    expect(messages.at(-2)!.content).toBe(`item 299 ${marker}`);
    expect(messages.at(-1)!.content).toBe(`last ${marker}`);
  });
});

describe("long threads", () => {
  it("send their newest messages within 400,000 characters, the newest always", async () => {
    const marker = unique();
    const big = (label: string) => `${label} ${marker} ${"y".repeat(150_000)}`;
    const assistant = (await (await call("POST", "/v1/assistants", { model: MODEL })).json()) as any;
    const thread = (await (
      await call("POST", "/v1/threads", {
        messages: [big("first"), big("second"), big("third")].map((content) => ({ role: "user", content })),
      })
    ).json()) as any;
    const run = await call("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id, stream: true });
    expect(run.status).toBe(200);
    await run.text();
    const [sent] = await callsWith(marker);
    const contents = (sent.inputs as { messages: { content: string }[] }).messages.map((m) => m.content.split(" ")[0]);
    expect(contents).toEqual(["second", "third"]);
  });
});

describe("newestWithinContext", () => {
  const message = (text: string): Item => ({
    id: `msg_${text.slice(0, 8)}`,
    type: "message",
    role: "user",
    status: "completed",
    content: [{ type: "input_text", text }],
  });
  it("keeps the newest items within the character budget, and always the newest one", () => {
    const big = "x".repeat(MAX_CONTEXT_CHARACTERS / 2 + 1);
    const items = [message(`a${big}`), message(`b${big}`), message(`c${big}`)];
    expect(newestWithinContext(items).map((i) => (i as any).content[0].text[0])).toEqual(["c"]);
    expect(newestWithinContext([message("x".repeat(MAX_CONTEXT_CHARACTERS * 2))])).toHaveLength(1);
  });
  it("never starts with a tool output whose call was left out", () => {
    const items: Item[] = [
      { id: "fc_1", type: "function_call", call_id: "c1", name: "f", arguments: "x".repeat(MAX_CONTEXT_CHARACTERS), status: "completed" },
      { id: "fco_1", type: "function_call_output", call_id: "c1", output: "ok", status: "completed" },
      message("after"),
    ];
    expect(newestWithinContext(items).map((i) => i.type)).toEqual(["message"]);
  });
});

describe("an answer cut off upstream", () => {
  const run = (events: AiEvent[]) => {
    const done: unknown[] = [];
    const stage = collectStage(undefined, (result) => done.push(result));
    for (const event of events) stage.push(event, () => {});
    stage.end!(() => {});
    return done;
  };
  it("is not handed to the cache when the stream gave neither a finish reason nor usage", () => {
    expect(run([{ type: "text", text: "Hel" }])).toHaveLength(0);
    expect(
      run([
        { type: "text", text: "Hello" },
        { type: "usage", usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } },
      ]),
    ).toHaveLength(1);
    expect(
      run([
        { type: "text", text: "Hello" },
        { type: "finish", reason: "stop" },
      ]),
    ).toHaveLength(1);
  });
});

describe("the KV document's tables", () => {
  it("never reach Object.prototype through a key", () => {
    const tables = new DocumentTables({ version: 0, tables: {} });
    const table = tables.table<{ v: number }>("t");
    expect(table.get("constructor")).toBeUndefined();
    expect(table.get("__proto__")).toBeUndefined();
    expect(table.delete("toString")).toBe(false);
    table.put("__proto__", { v: 1 });
    expect(table.get("__proto__")).toEqual({ v: 1 });
    expect(Object.getPrototypeOf(tables.doc.tables.t)).toBe(Object.prototype);
    const stored = JSON.parse(JSON.stringify(tables.doc)).tables.t;
    expect(Object.getOwnPropertyDescriptor(stored, "__proto__")?.value.value).toEqual({ v: 1 });
  });
});
