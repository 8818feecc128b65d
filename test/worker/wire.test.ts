// The wire checker itself: it must catch what the spec forbids, or "every answer validated" means nothing.
import { describe, expect, it } from "vitest";
import { checked, checkedResponse, takeViolations } from "./wire.js";

const read = async (method: string, path: string, body: string, status = 200, type = "application/json") => {
  const response = checkedResponse(
    new Request(`https://proxy.test${path}`, { method }),
    new Response(body, { status, headers: { "content-type": type } }),
  );
  await response.text();
  return takeViolations();
};

const completion = {
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1,
  model: "m",
  choices: [{ index: 0, message: { role: "assistant", content: "hi", refusal: null }, logprobs: null, finish_reason: "stop" }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

describe("the wire checker", () => {
  it("accepts a chat completion as the spec has it, and rejects system_fingerprint: null", async () => {
    const before = checked.bodies;
    expect(await read("POST", "/v1/chat/completions", JSON.stringify(completion))).toEqual([]);
    expect(checked.bodies).toBe(before + 1);
    const bad = await read("POST", "/v1/chat/completions", JSON.stringify({ ...completion, system_fingerprint: null }));
    expect(bad.join()).toContain("/system_fingerprint must be string");
  });

  it("rejects an error body that is not OpenAI's", async () => {
    expect(await read("GET", "/v1/models", JSON.stringify({ error: { message: "x", type: "t", param: null, code: null } }), 404)).toEqual(
      [],
    );
    expect((await read("GET", "/v1/models", JSON.stringify({ message: "x" }), 404)).join()).toContain(
      "must have required property 'error'",
    );
    expect((await read("GET", "/v1/models", "oops", 500, "text/plain")).join()).toContain("not application/json");
  });

  it("checks stream events one by one: a Responses event without sequence_number fails", async () => {
    const good =
      'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","sequence_number":3,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi","logprobs":[]}\n\n';
    expect(await read("POST", "/v1/responses", good, 200, "text/event-stream")).toEqual([]);
    const bad = good.replace('"sequence_number":3,', "");
    expect((await read("POST", "/v1/responses", bad, 200, "text/event-stream")).join()).toContain("sequence_number");
  });

  it("checks Assistants events as {event, data} pairs", async () => {
    const bad =
      'event: thread.message.delta\ndata: {"id":"msg_1","object":"thread.message.delta","delta":{"content":[{"index":0,"type":"text","text":{"value":3}}]}}\n\nevent: done\ndata: [DONE]\n\n';
    expect((await read("POST", "/v1/threads/runs", bad, 200, "text/event-stream")).join()).toContain("thread.message.delta");
  });
});
