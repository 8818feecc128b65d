// Shared by the worker bench scripts: the requests, the workers under test, one workerd process per worker.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { childrenNamed } from "./cpu.mjs";

export const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "../..");

export const WORKER_BUNDLE = join(root, "dist/worker/index.js");
export const WORKER_CONFIG = join(root, "dist/worker/wrangler.jsonc");
export const STUB_BUNDLE = join(root, "dist/ai-stub/index.js");
export const PASSTHROUGH = join(here, "passthrough.mjs");
const STUB_SERVER = join(here, "stub-server.mjs");
const REMOTE_AI = join(here, "remote-ai.mjs");

export const API_KEY = "sk-bench-0123456789abcdef";
const STUB = "ai-stub";
/** The stub's own compatibility date (as in src/contract/workerd.ts). */
const STUB_COMPATIBILITY_DATE = "2026-04-20";
export const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";

const SYSTEM = { role: "system", content: "You are a helpful assistant." };

/** A prompt the stub answers with `words` tokens, one an event, 20 ms apart (50 a second). */
export const pacedPrompt = (words) => `Write a long answer. [[stub:words=${words}]] [[stub:chunk=event]] [[stub:pace=20]]`;

/**
 * A stream of `words` tokens paced at 50 a second, of one kind: from an OpenAI-shaped model passed through (`pass`)
 * or rendered for a stop sequence (`stop`), from a native model (`native`), or as a `responses` stream. Each sets
 * its limit, so no default (STREAM_MAX_TOKENS) cuts it. For the exact counts (wakes.mjs) and the A/B (ab.mjs).
 */
export function pacedRequest(kind, words) {
  const content = pacedPrompt(words);
  const chat = (model, extra = {}) => [
    "/v1/chat/completions",
    { model, messages: [{ role: "user", content }], stream: true, max_tokens: 4096, ...extra },
  ];
  const requests = {
    pass: () => chat("@cf/zai-org/glm-4.7-flash"),
    stop: () => chat("@cf/zai-org/glm-4.7-flash", { stop: ["never in the answer"] }),
    native: () => chat("@cf/meta/llama-3.3-70b-instruct-fp8-fast"),
    responses: () => ["/v1/responses", { model: "@cf/zai-org/glm-4.7-flash", input: content, stream: true, max_output_tokens: 4096 }],
  };
  if (!requests[kind]) throw new Error(`unknown stream ${kind}: ${PACED_KINDS.join(", ")}`);
  return requests[kind]();
}
export const PACED_KINDS = ["pass", "stop", "native", "responses"];

/** The requests, identical for every worker. */
export const SCENARIOS = {
  chat: {
    title: "non-stream chat completion",
    body: {
      model: MODEL,
      messages: [SYSTEM, { role: "user", content: "What is the capital of France? Answer in one sentence." }],
      max_tokens: 256,
    },
    expectedText: "Echo: What is the capital of France? Answer in one sentence.",
  },
  stream: {
    title: "stream, 500-token answer",
    body: {
      model: MODEL,
      messages: [SYSTEM, { role: "user", content: "Write a long answer. [[stub:words=500]]" }],
      max_tokens: 1024,
      stream: true,
    },
    expectedText: Array.from({ length: 500 }, (_, i) => `w${i + 1}`).join(" "),
  },
  responses: {
    title: "responses.stream, the same 500-token answer, stored",
    path: "/v1/responses",
    body: {
      model: MODEL,
      instructions: SYSTEM.content,
      input: "Write a long answer. [[stub:words=500]]",
      max_output_tokens: 1024,
      stream: true,
    },
    expectedText: Array.from({ length: 500 }, (_, i) => `w${i + 1}`).join(" "),
  },
  paced: {
    title: "stream, 100 tokens at 20 ms each",
    body: {
      model: MODEL,
      messages: [SYSTEM, { role: "user", content: "Write a long answer. [[stub:words=100]] [[stub:chunk=event]] [[stub:pace=20]]" }],
      max_tokens: 1024,
      stream: true,
    },
    expectedText: Array.from({ length: 100 }, (_, i) => `w${i + 1}`).join(" "),
  },
};

export function checkBuilt() {
  for (const file of [WORKER_BUNDLE, WORKER_CONFIG, STUB_BUNDLE]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  if (process.platform !== "linux") throw new Error("this bench reads CPU time from /proc: it runs on Linux only");
}

/**
 * wrangler's config translation (as the action's contract tests use it) and its Miniflare. wrangler logs only
 * errors here: its warning that AI bindings reach remote resources does not apply (AI is the stub).
 */
export function loadWrangler() {
  process.env.WRANGLER_LOG = "error";
  process.env.WRANGLER_SEND_METRICS = "false";
  const require = createRequire(join(root, "node_modules/wrangler/package.json"));
  return { api: require("./wrangler-dist/cli.js"), Miniflare: require("miniflare").Miniflare };
}

/**
 * The proxy exactly as deployed: its bundle and its generated config, translated by wrangler, AI → the stub.
 * `scriptPath` swaps in another bundle with the same config.
 */
export function proxyWorker(api, { name = "proxy", scriptPath = WORKER_BUNDLE, ai = LOCAL_AI } = {}) {
  const { workerOptions } = api.unstable_getMiniflareWorkerOptions(WORKER_CONFIG);
  const aiBinding = typeof workerOptions.ai?.binding === "string" ? workerOptions.ai.binding : "AI";
  delete workerOptions.ai;
  return {
    ...workerOptions,
    name,
    modules: true,
    scriptPath,
    modulesRoot: dirname(scriptPath),
    compatibilityFlags: workerOptions.compatibilityFlags ?? [],
    serviceBindings: { ...(workerOptions.serviceBindings ?? {}), [aiBinding]: ai },
    bindings: { ...(workerOptions.bindings ?? {}), API_KEYS: API_KEY },
  };
}

/** The pass-through worker, with the proxy's compatibility date and flags. */
export function passthroughWorker(proxyOptions, { name = "passthrough", scriptPath = PASSTHROUGH, ai = LOCAL_AI } = {}) {
  return {
    name,
    modules: true,
    scriptPath,
    modulesRoot: dirname(scriptPath),
    compatibilityDate: proxyOptions.compatibilityDate,
    compatibilityFlags: proxyOptions.compatibilityFlags,
    serviceBindings: { AI: ai },
  };
}

/** The AI binding: the stub in the same process, or (REMOTE_AI) the stub in its own process (startStubServer). */
export const LOCAL_AI = { name: STUB, entrypoint: "AiStub" };
export const REMOTE_AI_BINDING = { name: "ai-remote", entrypoint: "RemoteAi" };

function stubWorker() {
  return {
    name: STUB,
    modules: true,
    scriptPath: STUB_BUNDLE,
    modulesRoot: dirname(STUB_BUNDLE),
    compatibilityDate: STUB_COMPATIBILITY_DATE,
  };
}

/** The stub alone in a workerd process, served over HTTP (stub-server.mjs); `origin` goes to startWorkerd. */
export async function startStubServer(Miniflare) {
  const before = new Set(childrenNamed(process.pid, "workerd"));
  const server = {
    name: "stub-server",
    modules: true,
    scriptPath: STUB_SERVER,
    modulesRoot: here,
    compatibilityDate: STUB_COMPATIBILITY_DATE,
    serviceBindings: { STUB: LOCAL_AI },
  };
  const mf = new Miniflare({ host: "127.0.0.1", port: 0, workers: [server, stubWorker()] });
  const url = await mf.ready;
  const [pid] = childrenNamed(process.pid, "workerd").filter((p) => !before.has(p));
  return { name: "stub", mf, pid, origin: url.origin };
}

/**
 * One Miniflare (one workerd process) running `worker` as its entry worker, with the stub beside it, or, given
 * `stubOrigin` (startStubServer), with remote-ai.mjs reaching the stub in its own process.
 */
export async function startWorkerd(Miniflare, worker, extraOptions = {}, { stubOrigin } = {}) {
  const before = new Set(childrenNamed(process.pid, "workerd"));
  const aiWorker = stubOrigin
    ? {
        name: "ai-remote",
        modules: true,
        scriptPath: REMOTE_AI,
        modulesRoot: here,
        compatibilityDate: STUB_COMPATIBILITY_DATE,
        bindings: { STUB_ORIGIN: stubOrigin },
      }
    : stubWorker();
  const mf = new Miniflare({ host: "127.0.0.1", port: 0, ...extraOptions, workers: [worker, aiWorker] });
  let url;
  try {
    url = await mf.ready;
  } catch (error) {
    await mf.dispose().catch(() => {});
    throw error;
  }
  const started = childrenNamed(process.pid, "workerd").filter((pid) => !before.has(pid));
  if (started.length !== 1) {
    await mf.dispose();
    throw new Error(`expected one new workerd process, found ${started.length}`);
  }
  const ai = (await mf.getBindings(worker.name)).AI;
  return { name: worker.name, mf, pid: started[0], origin: url.origin, ai };
}

/**
 * What the CPU benches compare: the stub alone in its process, the proxy in another and a pass-through worker
 * (one per name) in each of its own, both workers reaching the stub over HTTP. Each process is pushed onto
 * `running` as it starts, so the caller disposes what started even when a later one fails.
 */
export async function startProxyAndPassthroughs(api, Miniflare, running, passthroughNames = ["passthrough"]) {
  const stub = await startStubServer(Miniflare);
  running.push(stub);
  const proxyOptions = proxyWorker(api, { ai: REMOTE_AI_BINDING });
  const proxy = await startWorkerd(Miniflare, proxyOptions, {}, { stubOrigin: stub.origin });
  running.push(proxy);
  const passthroughs = [];
  for (const name of passthroughNames) {
    const passthrough = await startWorkerd(
      Miniflare,
      passthroughWorker(proxyOptions, { ai: REMOTE_AI_BINDING, name }),
      {},
      { stubOrigin: stub.origin },
    );
    running.push(passthrough);
    passthroughs.push(passthrough);
  }
  return { stub, proxy, passthroughs };
}

/**
 * `accept-encoding: identity`: otherwise Miniflare's entry worker emulates Cloudflare's edge compression and has
 * workerd gzip every JSON answer, work that production does outside the worker (and that Node's fetch would ask
 * for by default).
 */
export const REQUEST_HEADERS = { authorization: `Bearer ${API_KEY}`, "content-type": "application/json", "accept-encoding": "identity" };

/** One request, its answer read to the end; returns the answer's size. */
export async function send(origin, path, bodyText) {
  const response = await fetch(origin + path, { method: "POST", headers: REQUEST_HEADERS, body: bodyText });
  const bytes = await response.arrayBuffer();
  if (response.status !== 200)
    throw new Error(`${origin}${path} answered ${response.status}: ${Buffer.from(bytes).toString("utf8").slice(0, 300)}`);
  return bytes.byteLength;
}

export async function sendAndRead(origin, path, bodyText) {
  const response = await fetch(origin + path, { method: "POST", headers: REQUEST_HEADERS, body: bodyText });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${origin}${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return { text, contentType: response.headers.get("content-type") ?? "", streamPath: response.headers.get("x-stream-path") ?? undefined };
}

/** The reply text in whatever shape came back: OpenAI chat completion / chunks (proxy), or Workers AI's own. */
export function replyText({ text, contentType }) {
  if (!contentType.startsWith("text/event-stream")) {
    const json = JSON.parse(text);
    return json.choices?.[0]?.message?.content ?? json.response;
  }
  let out = "";
  let done = false;
  for (const line of text.split("\n")) {
    if (!line.startsWith("data: ")) continue;
    const data = line.slice(6);
    if (data === "[DONE]") {
      done = true;
      continue;
    }
    const event = JSON.parse(data);
    // Chat chunks, Workers AI's own events, Responses events (which end with response.completed), or Assistants
    // events (thread.message.delta).
    if (event.type === "response.completed") done = true;
    if (event.type === "response.output_text.delta") out += event.delta;
    else if (event.object === "thread.message.delta") out += event.delta?.content?.map((c) => c.text?.value ?? "").join("") ?? "";
    else if (!event.type && !event.object?.startsWith("thread")) out += event.choices?.[0]?.delta?.content ?? event.response ?? "";
  }
  if (!done) throw new Error("the stream did not end with data: [DONE] or response.completed");
  return out;
}

export const eventCount = (text) => text.split("\n").filter((l) => l.startsWith("data: ")).length;

export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function workerdVersion() {
  try {
    const require = createRequire(join(root, "node_modules/miniflare/package.json"));
    return require("workerd/package.json").version;
  } catch {
    return undefined;
  }
}
