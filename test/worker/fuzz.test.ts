// Fuzz: a deterministic generator (seeded PRNG) sends well over 1,000 malformed requests across every route:
// wrong types at every depth, missing fields, huge and deeply nested values, prototype keys, bad ids and query
// parameters, wrong methods and content types. No answer may be a 5xx; every error must be an OpenAI error body
// (wire.ts checks each answer against the spec as well). Half go to the Durable Object backend, half to KV.
import { describe, expect, it } from "vitest";
import { API_KEY, BASE, fetchWithEnv } from "./helpers.js";

const SEED = 0x5eed_1234;
const REQUESTS = 1200;
const MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";

/** mulberry32: small, fast, and the same sequence on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(list: readonly T[]): T => list[int(list.length)] };
}
type Rng = ReturnType<typeof prng>;

const deepArray = (depth: number): unknown => (depth === 0 ? [] : [deepArray(depth - 1)]);
/** Values no field expects: every JSON type, extremes, prototype names, nesting, size. */
const HOSTILE: (() => unknown)[] = [
  () => null,
  () => true,
  () => 0,
  () => -1,
  () => 1e308,
  () => -1e308,
  () => 0.5,
  () => 2 ** 53 + 2,
  () => "",
  () => "x".repeat(100_000),
  () => "\u0000\ud800",
  () => "__proto__",
  () => "constructor",
  () => "toString",
  () => "hasOwnProperty",
  () => [],
  () => [null],
  () => [[[]]],
  () => ({}),
  () => JSON.parse('{"__proto__":{"polluted":1}}'),
  () => ({ constructor: { prototype: 1 } }),
  () => deepArray(500),
  () => Array.from({ length: 5000 }, (_, i) => i),
  () => Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])),
  () => "%E0%A4%A",
  () => "../../etc",
  () => `resp_${"A".repeat(41)}`,
  () => `thread_${"a".repeat(24)}`,
  () => -0,
  () => "1e999",
];
const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf"];

/** A copy of `body` with one value somewhere inside replaced, removed, or joined by a prototype key. */
function mutate(rng: Rng, body: unknown): unknown {
  const copy = structuredClone(body) as unknown;
  const containers: (Record<string, unknown> | unknown[])[] = [];
  const walk = (node: unknown) => {
    if (node && typeof node === "object") {
      containers.push(node as Record<string, unknown>);
      for (const value of Object.values(node)) walk(value);
    }
  };
  walk(copy);
  const times = 1 + rng.int(3);
  for (let i = 0; i < times && containers.length; i++) {
    const target = rng.pick(containers);
    const keys = Object.keys(target);
    const action = rng.int(4);
    if (action === 0 && keys.length) delete (target as Record<string, unknown>)[rng.pick(keys)];
    else if (action === 1)
      Object.defineProperty(target, rng.pick(PROTO_KEYS), {
        value: rng.pick(HOSTILE)(),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    else if (keys.length) (target as Record<string, unknown>)[rng.pick(keys)] = rng.pick(HOSTILE)();
  }
  return copy;
}

interface Ids {
  assistant: string;
  thread: string;
  message: string;
  run: string;
  step: string;
  response: string;
  conversation: string;
  item: string;
}

/** Every route with a valid body to start from (paths take the ids of real objects, or bad ones). */
function routes(_ids: Ids) {
  const messages = [{ role: "user", content: "hello" }];
  const fn = {
    type: "function",
    function: { name: "f", description: "d", parameters: { type: "object", properties: { a: { type: "string" } } } },
  };
  return [
    {
      method: "POST",
      path: "/v1/chat/completions",
      body: {
        model: MODEL,
        messages,
        temperature: 0.5,
        max_tokens: 16,
        tools: [fn],
        tool_choice: "auto",
        response_format: { type: "text" },
        stop: ["zz"],
        n: 1,
        stream: false,
        stream_options: { include_usage: true },
        metadata: { a: "b" },
      },
    },
    {
      method: "POST",
      path: "/v1/completions",
      body: { model: MODEL, prompt: ["hi"], max_tokens: 8, echo: false, stop: "zz", stream: false, seed: 1 },
    },
    { method: "POST", path: "/v1/embeddings", body: { input: ["a", "b"], encoding_format: "float" } },
    { method: "GET", path: "/v1/models" },
    { method: "GET", path: "/v1/models/{model}" },
    { method: "POST", path: "/v1/images/generations", body: { prompt: "a cat", n: 1, size: "256x256", response_format: "b64_json" } },
    { method: "POST", path: "/v1/audio/speech", body: { input: "hi", voice: "alloy", model: "tts-1" } },
    { method: "POST", path: "/v1/audio/transcriptions", multipart: true },
    { method: "GET", path: "/v1/assistants", query: true },
    {
      method: "POST",
      path: "/v1/assistants",
      body: {
        model: MODEL,
        name: "n",
        instructions: "i",
        tools: [fn],
        metadata: { k: "v" },
        temperature: 1,
        top_p: 1,
        response_format: "auto",
      },
    },
    { method: "GET", path: "/v1/assistants/{assistant}" },
    { method: "POST", path: "/v1/assistants/{assistant}", body: { name: "m", metadata: { k: "w" } } },
    { method: "DELETE", path: "/v1/assistants/{assistant}" },
    {
      method: "POST",
      path: "/v1/threads",
      body: { messages: [{ role: "user", content: [{ type: "text", text: "x" }], metadata: {} }], metadata: {} },
    },
    {
      method: "POST",
      path: "/v1/threads/runs",
      body: { assistant_id: "{assistant}", thread: { messages }, stream: false, truncation_strategy: { type: "auto" } },
    },
    { method: "GET", path: "/v1/threads/{thread}" },
    { method: "POST", path: "/v1/threads/{thread}", body: { metadata: { k: "v" } } },
    { method: "DELETE", path: "/v1/threads/{thread}" },
    { method: "GET", path: "/v1/threads/{thread}/messages", query: true },
    { method: "POST", path: "/v1/threads/{thread}/messages", body: { role: "user", content: "more", attachments: [], metadata: {} } },
    { method: "GET", path: "/v1/threads/{thread}/messages/{message}" },
    { method: "POST", path: "/v1/threads/{thread}/messages/{message}", body: { metadata: { k: "v" } } },
    { method: "DELETE", path: "/v1/threads/{thread}/messages/{message}" },
    { method: "GET", path: "/v1/threads/{thread}/runs", query: true },
    {
      method: "POST",
      path: "/v1/threads/{thread}/runs",
      body: {
        assistant_id: "{assistant}",
        additional_messages: messages,
        truncation_strategy: { type: "last_messages", last_messages: 2 },
        max_completion_tokens: 300,
        stream: true,
      },
    },
    { method: "GET", path: "/v1/threads/{thread}/runs/{run}" },
    { method: "POST", path: "/v1/threads/{thread}/runs/{run}", body: { metadata: { k: "v" } } },
    { method: "POST", path: "/v1/threads/{thread}/runs/{run}/cancel" },
    {
      method: "POST",
      path: "/v1/threads/{thread}/runs/{run}/submit_tool_outputs",
      body: { tool_outputs: [{ tool_call_id: "call_1", output: "o" }], stream: false },
    },
    { method: "GET", path: "/v1/threads/{thread}/runs/{run}/steps", query: true },
    { method: "GET", path: "/v1/threads/{thread}/runs/{run}/steps/{step}" },
    {
      method: "POST",
      path: "/v1/responses",
      body: {
        model: MODEL,
        input: [{ role: "user", content: "hi" }],
        instructions: "x",
        previous_response_id: "{response}",
        tools: [{ type: "function", name: "f", parameters: { type: "object" } }],
        text: { format: { type: "text" } },
        max_output_tokens: 50,
        store: true,
        stream: false,
        metadata: {},
      },
    },
    { method: "GET", path: "/v1/responses/{response}" },
    { method: "DELETE", path: "/v1/responses/{response}" },
    { method: "GET", path: "/v1/responses/{response}/input_items", query: true },
    { method: "POST", path: "/v1/responses/{response}/cancel" },
    { method: "POST", path: "/v1/conversations", body: { items: [{ type: "message", role: "user", content: "x" }], metadata: { k: "v" } } },
    { method: "GET", path: "/v1/conversations/{conversation}" },
    { method: "POST", path: "/v1/conversations/{conversation}", body: { metadata: { k: "v" } } },
    { method: "DELETE", path: "/v1/conversations/{conversation}" },
    { method: "GET", path: "/v1/conversations/{conversation}/items", query: true },
    {
      method: "POST",
      path: "/v1/conversations/{conversation}/items",
      body: { items: [{ type: "message", role: "user", content: [{ type: "input_text", text: "y" }] }] },
    },
    { method: "GET", path: "/v1/conversations/{conversation}/items/{item}" },
    { method: "DELETE", path: "/v1/conversations/{conversation}/items/{item}" },
  ] as { method: string; path: string; body?: Record<string, unknown>; query?: boolean; multipart?: boolean }[];
}

const BAD_IDS = [
  "__proto__",
  "constructor",
  "x",
  "%E0%A4%A",
  "%00",
  "thread_",
  `asst_${"0".repeat(26)}`,
  "resp_short",
  "a".repeat(3000),
  "..",
  "%2F%2F",
];
const BAD_QUERIES = [
  "limit=0",
  "limit=101",
  "limit=abc",
  "limit=1e3",
  "limit=-5",
  "order=sideways",
  "after=__proto__",
  "before=%E0%A4%A",
  "limit=",
  "order=",
  "after=msg_x&before=msg_y",
  "run_id=__proto__",
  "limit=20&limit=30",
];
const RAW_BODIES = [
  "",
  "null",
  "[]",
  "1",
  '"text"',
  "{",
  '{"a":',
  "\u0000",
  "[".repeat(100_000) + "]".repeat(100_000),
  '{"__proto__":{"admin":true}}',
  "{}".repeat(10),
];
const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zz",
  "",
  "application/json; charset=utf-16",
];

function substitute(template: string, ids: Ids, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "model") return rng.pick(["gpt-4o-mini", "constructor", "__proto__", "%E0%A4%A", "@cf%2Fmeta", "hasOwnProperty"]);
    return rng.next() < 0.35 ? rng.pick(BAD_IDS) : ids[name as keyof Ids];
  });
}

function multipart(rng: Rng): { body: BodyInit; type?: string } {
  const form = new FormData();
  const choice = rng.int(5);
  if (choice !== 0) form.append("file", rng.next() < 0.5 ? new File([new Uint8Array(rng.int(64))], "a.mp3") : String(rng.pick(HOSTILE)()));
  form.append("model", rng.pick(["whisper-1", "__proto__", "constructor", "", "@cf/openai/whisper"]));
  form.append("response_format", rng.pick(["json", "text", "srt", "verbose_json", "vtt", "__proto__", "toString"]));
  if (choice === 4) return { body: "--zz\r\nbroken", type: "multipart/form-data; boundary=zz" };
  return { body: form };
}

async function setup(request: (method: string, path: string, body?: unknown) => Promise<any>): Promise<Ids> {
  const assistant = await request("POST", "/v1/assistants", { model: MODEL });
  const thread = await request("POST", "/v1/threads", { messages: [{ role: "user", content: "hello" }] });
  await (await fetchRaw("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id, stream: true })).text();
  const messages = await request("GET", `/v1/threads/${thread.id}/messages`);
  const runs = await request("GET", `/v1/threads/${thread.id}/runs`);
  const steps = await request("GET", `/v1/threads/${thread.id}/runs/${runs.data[0].id}/steps`);
  const response = await request("POST", "/v1/responses", { model: MODEL, input: "hi" });
  const conversation = await request("POST", "/v1/conversations", { items: [{ type: "message", role: "user", content: "x" }] });
  const items = await request("GET", `/v1/conversations/${conversation.id}/items`);
  return {
    assistant: assistant.id,
    thread: thread.id,
    message: messages.data[0].id,
    run: runs.data[0].id,
    step: steps.data[0].id,
    response: response.id,
    conversation: conversation.id,
    item: items.data[0].id,
  };
}

let env: Record<string, unknown> = {};
async function fetchRaw(
  method: string,
  path: string,
  body?: unknown,
  contentType: string | undefined = "application/json",
): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${API_KEY}`, "openai-beta": "assistants=v2" };
  if (contentType && body !== undefined) headers["content-type"] = contentType;
  const init: RequestInit = {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" || body instanceof FormData ? body : JSON.stringify(body),
  };
  const { response, settled } = await fetchWithEnv(env, new Request(`${BASE}${path}`, init));
  const text = await response.text();
  await settled();
  return new Response(text, response);
}

describe("fuzz: malformed requests on every route", () => {
  it(`${REQUESTS} requests from seed ${SEED.toString(16)}: no 5xx, every error an OpenAI error body`, { timeout: 240_000 }, async () => {
    const rng = prng(SEED);
    const counts = { requests: 0, byStatus: {} as Record<number, number>, byKind: {} as Record<string, number>, routes: new Set<string>() };
    const failures: string[] = [];
    for (const backend of ["durable-object", "kv"] as const) {
      env = backend === "kv" ? { STATE_STORE: "kv" } : {};
      const make = () => setup(async (method, path, body) => (await fetchRaw(method, path, body)).json());
      let ids = await make();
      let list = routes(ids);
      for (let i = 0; i < REQUESTS / 2; i++) {
        // Fresh objects now and then: the DELETE routes would otherwise leave every later request a 404.
        if (i > 0 && i % 50 === 0) list = routes((ids = await make()));
        const route = rng.pick(list);
        let method = route.method;
        let path = substitute(route.path, ids, rng);
        let body: unknown = route.body ? JSON.parse(substitute(JSON.stringify(route.body), ids, rng)) : undefined;
        let contentType: string | undefined = "application/json";
        const kind = rng.pick(["mutate", "mutate", "mutate", "raw", "content-type", "method", "query", "missing"]);
        if (route.multipart) {
          const form = multipart(rng);
          body = form.body;
          contentType = form.type;
        } else if (kind === "mutate" && body !== undefined) body = mutate(rng, body);
        else if (kind === "raw") body = rng.pick(RAW_BODIES);
        else if (kind === "content-type") contentType = rng.pick(CONTENT_TYPES);
        else if (kind === "method") method = rng.pick(["PUT", "PATCH", "GET", "DELETE", "POST"].filter((m) => m !== route.method));
        else if (kind === "missing" && body && typeof body === "object") body = {};
        if (kind === "query" || (route.query && rng.next() < 0.5)) path += `?${rng.pick(BAD_QUERIES)}`;
        if (method === "GET" || method === "DELETE") body = kind === "raw" ? body : undefined;
        if ((method === "GET" || method === "HEAD") && body !== undefined) body = undefined;

        const response = await fetchRaw(method, path, body, contentType);
        counts.requests++;
        counts.byStatus[response.status] = (counts.byStatus[response.status] ?? 0) + 1;
        counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
        counts.routes.add(`${route.method} ${route.path}`);
        const label = `${backend} #${i} ${kind}: ${method} ${path.slice(0, 120)} ${typeof body === "string" ? body.slice(0, 80) : JSON.stringify(body)?.slice(0, 200)}`;
        if (response.status >= 500) failures.push(`${response.status} ← ${label}: ${(await response.text()).slice(0, 300)}`);
        else if (response.status >= 400) {
          const error = ((await response.json().catch(() => null)) as { error?: Record<string, unknown> } | null)?.error;
          const ok =
            error &&
            typeof error.message === "string" &&
            typeof error.type === "string" &&
            (error.param === null || typeof error.param === "string") &&
            (error.code === null || typeof error.code === "string");
          if (!ok || !(response.headers.get("content-type") ?? "").startsWith("application/json"))
            failures.push(`not an OpenAI error body ← ${label}`);
        }
      }
    }
    console.log(
      `fuzz: ${counts.requests} requests over ${counts.routes.size} routes; by status ${JSON.stringify(counts.byStatus)}; by kind ${JSON.stringify(counts.byKind)}; ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    expect(counts.requests).toBeGreaterThanOrEqual(1000);
    expect(counts.routes.size).toBe(routes({} as Ids).length);
  });
});
