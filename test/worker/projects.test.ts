// Projects: what one project stores, another project's keys cannot read, list, change or delete (404), on both
// state backends; keys of one project share everything (key rotation keeps it). The response cache is per
// project unless CACHE_SCOPE=shared.
import { describe, expect, it } from "vitest";
import { BASE, fetchWithEnv, unique, withEnv } from "./helpers.js";
import { BACKENDS, type Backend } from "./state-helpers.js";

const MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
/** Two keys of team-a (one named, one not), one of team-b, and a bare key (project default) with ':' inside. */
const API_KEYS = ["sk-plain", "team-a:alice:sk-a-one", "team-a:sk-a-two", "team-b:bob:sk-b-one", "default::sk:with:colons"].join(",");
const A1 = "sk-a-one";
const A2 = "sk-a-two";
const B = "sk-b-one";
const PLAIN = "sk-plain";

function as(backend: Backend, key: string, extra: Record<string, unknown> = {}) {
  const overrides = { API_KEYS, ...(backend === "kv" ? { STATE_STORE: "kv" } : {}), ...extra };
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any; response: Response }> => {
    const init: RequestInit = {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        "openai-beta": "assistants=v2",
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    const { response, settled } = await fetchWithEnv(overrides, new Request(`${BASE}${path}`, init));
    const text = await response.text();
    await settled();
    return { status: response.status, json: text.startsWith("{") ? JSON.parse(text) : text, response };
  };
}

describe.each(BACKENDS)("projects on the %s backend", (backend) => {
  const a1 = as(backend, A1);
  const a2 = as(backend, A2);
  const b = as(backend, B);
  const plain = as(backend, PLAIN);

  it("assistants: shared by a project's keys, invisible to another project's", async () => {
    const secret = `private prompt ${unique()}`;
    const created = await a1("POST", "/v1/assistants", { model: MODEL, instructions: secret });
    expect(created.status).toBe(200);
    const id = created.json.id;
    expect((await a2("GET", `/v1/assistants/${id}`)).json.instructions).toBe(secret);
    expect((await a2("GET", "/v1/assistants?limit=100")).json.data.map((x: any) => x.id)).toContain(id);
    for (const other of [b, plain]) {
      const list = await other("GET", "/v1/assistants?limit=100");
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.json)).not.toContain(secret);
      expect((await other("GET", `/v1/assistants/${id}`)).status).toBe(404);
      expect((await other("POST", `/v1/assistants/${id}`, { name: "taken" })).status).toBe(404);
      expect((await other("DELETE", `/v1/assistants/${id}`)).status).toBe(404);
      // Nor can another project run it on a thread of its own.
      const thread = await other("POST", "/v1/threads", {});
      const run = await other("POST", `/v1/threads/${thread.json.id}/runs`, { assistant_id: id });
      expect(run.status).toBe(404);
      expect(run.json.error.param).toBe("assistant_id");
    }
    expect((await a2("GET", `/v1/assistants/${id}`)).json.name).toBeNull();
    expect((await a2("DELETE", `/v1/assistants/${id}`)).json.deleted).toBe(true);
    expect((await a1("GET", `/v1/assistants/${id}`)).status).toBe(404);
  });

  it("threads, messages, runs and steps: 404 for another project, shared within one", async () => {
    const marker = unique();
    const assistant = (await a1("POST", "/v1/assistants", { model: MODEL })).json;
    const thread = (await a1("POST", "/v1/threads", { messages: [{ role: "user", content: marker }] })).json;
    const run = await a1("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id, stream: true });
    expect(run.status).toBe(200);
    const messages = (await a2("GET", `/v1/threads/${thread.id}/messages`)).json;
    expect(messages.data.map((m: any) => m.role)).toEqual(["assistant", "user"]);
    const runs = (await a2("GET", `/v1/threads/${thread.id}/runs`)).json;
    expect(runs.data).toHaveLength(1);
    const runId = runs.data[0].id;
    const steps = (await a2("GET", `/v1/threads/${thread.id}/runs/${runId}/steps`)).json;
    expect(steps.data.length).toBeGreaterThan(0);
    const paths: [string, string, unknown?][] = [
      ["GET", `/v1/threads/${thread.id}`],
      ["POST", `/v1/threads/${thread.id}`, { metadata: { x: "y" } }],
      ["GET", `/v1/threads/${thread.id}/messages`],
      ["POST", `/v1/threads/${thread.id}/messages`, { role: "user", content: "intruder" }],
      ["GET", `/v1/threads/${thread.id}/messages/${messages.data[0].id}`],
      ["POST", `/v1/threads/${thread.id}/messages/${messages.data[0].id}`, { metadata: { x: "y" } }],
      ["DELETE", `/v1/threads/${thread.id}/messages/${messages.data[0].id}`],
      ["GET", `/v1/threads/${thread.id}/runs`],
      ["POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id }],
      ["GET", `/v1/threads/${thread.id}/runs/${runId}`],
      ["POST", `/v1/threads/${thread.id}/runs/${runId}`, { metadata: { x: "y" } }],
      ["POST", `/v1/threads/${thread.id}/runs/${runId}/cancel`],
      ["GET", `/v1/threads/${thread.id}/runs/${runId}/steps`],
      ["GET", `/v1/threads/${thread.id}/runs/${runId}/steps/${steps.data[0].id}`],
      ["DELETE", `/v1/threads/${thread.id}`],
    ];
    for (const [method, path, body] of paths) {
      const answer = await b(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.json.error.type).toBe("invalid_request_error");
      expect((await plain(method, path, body)).status, `${method} ${path} (default project)`).toBe(404);
    }
    // Nothing changed: team-a still sees the thread as it was.
    expect((await a1("GET", `/v1/threads/${thread.id}`)).json.metadata).toEqual({});
    expect((await a1("GET", `/v1/threads/${thread.id}/messages`)).json.data).toHaveLength(2);
    expect((await a2("DELETE", `/v1/threads/${thread.id}`)).json.deleted).toBe(true);
  });

  it("responses: retrieve, input_items, delete and previous_response_id are 404 for another project", async () => {
    const marker = unique();
    const first = await a1("POST", "/v1/responses", { model: MODEL, input: `one ${marker}` });
    expect(first.status).toBe(200);
    const id = first.json.id;
    for (const [method, path] of [
      ["GET", `/v1/responses/${id}`],
      ["GET", `/v1/responses/${id}/input_items`],
      ["POST", `/v1/responses/${id}/cancel`],
      ["DELETE", `/v1/responses/${id}`],
    ]) {
      expect((await b(method, path)).status, `${method} ${path}`).toBe(404);
    }
    const stolen = await b("POST", "/v1/responses", { model: MODEL, input: "what came before?", previous_response_id: id });
    expect(stolen.status).toBe(404);
    expect(stolen.json.error.message).toContain(id);
    const streamed = await b("POST", "/v1/responses", { model: MODEL, input: "again", previous_response_id: id, stream: true });
    expect(streamed.status).toBe(404);
    // The other key of team-a continues the chain: the model sees the first turn.
    const second = await a2("POST", "/v1/responses", { model: MODEL, input: `two ${marker}`, previous_response_id: id });
    expect(second.status).toBe(200);
    expect((await a2("GET", `/v1/responses/${second.json.id}/input_items`)).status).toBe(200);
    expect((await a1("DELETE", `/v1/responses/${id}`)).json.deleted).toBe(true);
  });

  it("conversations and their items are 404 for another project, shared within one", async () => {
    const created = await a1("POST", "/v1/conversations", {
      items: [{ type: "message", role: "user", content: "I like tea." }],
      metadata: { k: "v" },
    });
    expect(created.status).toBe(200);
    const id = created.json.id;
    const items = (await a2("GET", `/v1/conversations/${id}/items`)).json;
    expect(items.data).toHaveLength(1);
    const itemId = items.data[0].id;
    const paths: [string, string, unknown?][] = [
      ["GET", `/v1/conversations/${id}`],
      ["POST", `/v1/conversations/${id}`, { metadata: { k: "stolen" } }],
      ["GET", `/v1/conversations/${id}/items`],
      ["POST", `/v1/conversations/${id}/items`, { items: [{ type: "message", role: "user", content: "intruder" }] }],
      ["GET", `/v1/conversations/${id}/items/${itemId}`],
      ["DELETE", `/v1/conversations/${id}/items/${itemId}`],
      ["DELETE", `/v1/conversations/${id}`],
    ];
    for (const [method, path, body] of paths) expect((await b(method, path, body)).status, `${method} ${path}`).toBe(404);
    const turn = await b("POST", "/v1/responses", { model: MODEL, input: "What do I like?", conversation: id });
    expect(turn.status).toBe(404);
    expect((await a1("GET", `/v1/conversations/${id}`)).json.metadata).toEqual({ k: "v" });
    const own = await a2("POST", "/v1/responses", { model: MODEL, input: "What do I like?", conversation: id });
    expect(own.status).toBe(200);
    expect((await a1("GET", `/v1/conversations/${id}/items`)).json.data).toHaveLength(3);
  });
});

describe("keys and projects", () => {
  const chat = (key: string, marker: string, extra: Record<string, unknown> = {}) =>
    withEnv(
      { API_KEYS, ...extra },
      new Request(`${BASE}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: MODEL, temperature: 0, messages: [{ role: "user", content: marker }] }),
      }),
    );

  it("a key that contains ':' is written project:name:key (here default::sk:with:colons)", async () => {
    expect((await chat("sk:with:colons", unique())).status).toBe(200);
    expect((await chat("with:colons", unique())).status).toBe(401);
  });

  it("the response cache is per project: another project misses, the same project's other key hits", async () => {
    const marker = unique();
    expect((await chat(A1, marker)).headers.get("x-cache")).toBe("MISS");
    expect((await chat(A2, marker)).headers.get("x-cache")).toBe("HIT");
    expect((await chat(B, marker)).headers.get("x-cache")).toBe("MISS");
  });

  it("CACHE_SCOPE=shared shares it between projects", async () => {
    const marker = unique();
    expect((await chat(A1, marker, { CACHE_SCOPE: "shared" })).headers.get("x-cache")).toBe("MISS");
    expect((await chat(B, marker, { CACHE_SCOPE: "shared" })).headers.get("x-cache")).toBe("HIT");
    const bad = await chat(B, marker, { CACHE_SCOPE: "everyone" });
    expect(bad.status).toBe(500);
    expect(((await bad.json()) as any).error.message).toContain("CACHE_SCOPE");
  });

  it.each([
    ["a project name with a space", "my team:sk-secret-value-1", "entry 1 (of 1) has a project name"],
    ["an empty key", "team-a:alice:", "entry 1 (of 1) (project team-a) has an empty key"],
    ["a key in two projects", "a:sk-secret-value-1,b:sk-secret-value-1", "entry 2 gives project b a key"],
    ["a bad key name", "a:al ice:sk-secret-value-1", "has a key name"],
  ])("a malformed API_KEYS (%s) is a 500 that names the entry, never the key", async (_label, keys, message) => {
    const res = await withEnv(
      { API_KEYS: keys },
      new Request(`${BASE}/v1/models`, { headers: { authorization: "Bearer sk-secret-value-1" } }),
    );
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain(message);
    expect(text).not.toContain("sk-secret-value-1");
  });
});
