// Shared by the worker tests (they run inside workerd): clients for the proxy, and the stub behind AI.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import OpenAI from "openai";
import { expect } from "vitest";
import type { AiStubRpc, StubCallRecord } from "../fakes/ai-stub/types.js";
import worker from "../../worker/src/index.js";
import type { Env } from "../../worker/src/env.js";
import { checkedResponse } from "./wire.js";

export const API_KEY = "sk-test-primary";
export const BASE = "https://proxy.test";

/** fetch into the proxy worker under test, as a client on the internet would. */
export const proxyFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  return checkedResponse(request, await exports.default.fetch(request));
};

export function openai(apiKey = API_KEY): OpenAI {
  return new OpenAI({ apiKey, baseURL: `${BASE}/v1`, fetch: proxyFetch as typeof fetch, maxRetries: 0 });
}

export async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return proxyFetch(`${BASE}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const testEnv = env as unknown as Env;
export const stub = testEnv.AI as unknown as AiStubRpc;

/**
 * The proxy with other settings (vars, secrets): a fresh env object, so the worker re-reads its config.
 * Waits for waitUntil work (cache writes) before returning.
 */
export async function withEnv(overrides: Partial<Record<keyof Env, unknown>>, request: Request): Promise<Response> {
  const { response, settled } = await fetchWithEnv(overrides, request);
  await settled();
  return response;
}

/** Like withEnv, for streams: `settled()` waits for the waitUntil work, to be called once the body is read. */
export async function fetchWithEnv(
  overrides: Partial<Record<keyof Env, unknown>>,
  request: Request,
): Promise<{ response: Response; settled: () => Promise<void> }> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, { ...testEnv, ...overrides } as Env, ctx);
  return { response: checkedResponse(request, response), settled: () => waitOnExecutionContext(ctx) };
}

export function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** Stub calls whose inputs mention `marker`: test files share one stub, so count only your own calls. */
export async function callsWith(marker: string): Promise<StubCallRecord[]> {
  return (await stub.calls()).filter((c) => JSON.stringify(c.inputs).includes(marker));
}

/**
 * For a stream paced at 20 ms a chunk ([[stub:pace=20]]) whose reader has gone: waits 100 ms, then checks that
 * the stub sent nothing more in the next 100 ms (a reader still there would have had 5 more chunks), and returns
 * how many chunks it had sent.
 */
export async function sentWhenStopped(marker: string): Promise<number> {
  const sent = async () => (await callsWith(marker))[0].stream!.sent;
  await new Promise((resolve) => setTimeout(resolve, 100));
  const stopped = await sent();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await sent()).toBe(stopped);
  return stopped;
}

/** A string no other test uses, to tell this test's stub calls and cache entries apart. */
export const unique = (label = "t") => `${label}-${crypto.randomUUID().slice(0, 8)}`;

/** The `data:` payloads of an SSE body, parsed (except [DONE], kept as the string). */
export function sseData(text: string): unknown[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) =>
      block
        .split("\n")
        .filter((l) => l.startsWith("data: "))
        .map((l) => l.slice(6))
        .join("\n"),
    )
    .map((data) => (data === "[DONE]" ? data : JSON.parse(data)));
}
