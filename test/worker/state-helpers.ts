// The two state backends, as an SDK client each: the worker as deployed (Durable Object) and with STATE_STORE=kv.
import OpenAI from "openai";
import { API_KEY, BASE, fetchWithEnv, openai } from "./helpers.js";

export type Backend = "durable-object" | "kv";
export const BACKENDS: Backend[] = ["durable-object", "kv"];

/** fetch into the worker with STATE_STORE=kv (waitUntil work goes on after the answer, as in production). */
export const kvFetch = async (input: RequestInfo | URL, init?: RequestInit) =>
  (await fetchWithEnv({ STATE_STORE: "kv" }, new Request(input, init))).response;

export function fetcher(backend: Backend): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  if (backend === "kv") return kvFetch;
  return (input, init) => (openai() as unknown as { fetch: typeof fetch }).fetch(input, init);
}

export function client(backend: Backend): OpenAI {
  if (backend === "durable-object") return openai();
  return new OpenAI({ apiKey: API_KEY, baseURL: `${BASE}/v1`, fetch: kvFetch as typeof fetch, maxRetries: 0 });
}

/** A raw request to the worker on the given backend. */
export function request(
  backend: Backend,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const init: RequestInit = {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  };
  return backend === "kv" ? kvFetch(`${BASE}${path}`, init) : fetcher(backend)(`${BASE}${path}`, init);
}
