// The minimum the foundation promises: models and non-stream chat through the stub, with the official SDK.
import { describe, expect, it } from "vitest";
import { call, openai } from "./helpers.js";

describe("GET /v1/models", () => {
  it("lists the Workers AI catalogue and the aliases through the openai SDK", async () => {
    const page = await openai().models.list();
    const ids = page.data.map((m) => m.id);
    expect(ids).toContain("@cf/meta/llama-3.1-8b-instruct-fp8");
    expect(ids).toContain("gpt-4o-mini");
    for (const m of page.data) expect(m).toMatchObject({ object: "model", owned_by: expect.any(String), created: expect.any(Number) });
  });

  it("retrieves one model by its id, slashes and all", async () => {
    const model = await openai().models.retrieve("@cf/meta/llama-3.1-8b-instruct-fp8");
    expect(model.id).toBe("@cf/meta/llama-3.1-8b-instruct-fp8");
  });

  it("answers 404 model_not_found for an unknown id", async () => {
    const res = await call("GET", "/v1/models/no-such-model");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "model_not_found", type: "invalid_request_error" } });
  });
});

describe("POST /v1/chat/completions (non-stream)", () => {
  it("answers through the stub in OpenAI's shape", async () => {
    const completion = await openai().chat.completions.create({
      model: "@cf/meta/llama-3.1-8b-instruct-fp8",
      messages: [{ role: "user", content: "Hello there" }],
    });
    expect(completion.object).toBe("chat.completion");
    expect(completion.model).toBe("@cf/meta/llama-3.1-8b-instruct-fp8");
    expect(completion.choices[0].message).toMatchObject({ role: "assistant", content: "Echo: Hello there" });
    expect(completion.choices[0].finish_reason).toBe("stop");
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
  });

  it("refuses a request without a key, and with a wrong one", async () => {
    const none = await call("POST", "/v1/chat/completions", { messages: [] }, { authorization: "" });
    expect(none.status).toBe(401);
    await expect(
      openai("sk-wrong").chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it("names the field of a malformed request", async () => {
    const res = await call("POST", "/v1/chat/completions", { model: "gpt-4o-mini", messages: "hi" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toMatchObject({ error: { param: "messages", type: "invalid_request_error" } });
  });
});
