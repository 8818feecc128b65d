// What a conversation turn costs in storage operations, counted by wrappers around the bindings (the rows come
// from SQLite's own cursor counters). These are the Free-plan budgets the design promises; bench/state prints them.
import { env } from "cloudflare:workers";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { countingKv, countingNamespace, newCounters, type Counters } from "../../bench/state/counting.js";
import { measure, SCENARIOS, type Scenario } from "../../bench/state/scenarios.js";
import type { Env } from "../../worker/src/env.js";
import { API_KEY, BASE, fetchWithEnv } from "./helpers.js";
import type { Backend } from "./state-helpers.js";

const TURNS = 3;

function meteredClient(backend: Backend, counters: Counters) {
  const state = env as unknown as Env;
  const overrides =
    backend === "kv"
      ? { STATE_STORE: "kv", STATE_KV: countingKv(state.CACHE!, counters) }
      : { STATE: countingNamespace(state.STATE!, counters) };
  const pending: (() => Promise<void>)[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    counters.workerRequests++;
    const { response, settled } = await fetchWithEnv(overrides, new Request(input, init));
    pending.push(settled);
    return response;
  };
  const settle = async () => void (await Promise.all(pending.splice(0).map((s) => s())));
  return { client: new OpenAI({ apiKey: API_KEY, baseURL: `${BASE}/v1`, fetch: fetch as typeof globalThis.fetch, maxRetries: 0 }), settle };
}

async function cost(backend: Backend, scenario: Scenario) {
  const counters = newCounters();
  const { client, settle } = meteredClient(backend, counters);
  return measure(client, counters, scenario, TURNS, settle);
}

const scenario = (id: string) => SCENARIOS.find((s) => s.id === id)!;

describe("a conversation turn on the Durable Object backend", () => {
  it("message, run with createAndPoll, list: at most 4 worker requests, 4 Durable Object requests, 4 rows written", async () => {
    const c = await cost("durable-object", scenario("assistants-poll"));
    // createAndPoll polls once: the poll waits for the run instead of asking the SDK to come back.
    expect(c.workerRequests).toBe(4);
    expect(c.doRequests).toBeLessThanOrEqual(4);
    expect(c.doRowsWritten).toBeLessThanOrEqual(4);
    expect(c.kvReads + c.kvWrites + c.kvLists).toBe(0);
  });

  it("a run with additional_messages: 3 requests, 4 rows", async () => {
    const c = await cost("durable-object", scenario("assistants-additional"));
    expect(c.workerRequests).toBe(3);
    expect(c.doRequests).toBeLessThanOrEqual(3);
    expect(c.doRowsWritten).toBeLessThanOrEqual(4);
  });

  it("a streamed run: one request each, the run's finish rides on the same session", async () => {
    const c = await cost("durable-object", scenario("assistants-stream"));
    expect(c.workerRequests).toBe(1);
    expect(c.doRequests).toBe(1);
    expect(c.doSessionCalls).toBe(1);
    expect(c.doRowsWritten).toBeLessThanOrEqual(4);
  });

  it("a Responses turn with previous_response_id: one request, one row", async () => {
    for (const id of ["responses-chain", "responses-stream"]) {
      const c = await cost("durable-object", scenario(id));
      expect(c.workerRequests).toBe(1);
      expect(c.doRequests).toBe(1);
      expect(c.doRowsWritten).toBe(1);
    }
  });

  it("a Responses turn in a conversation: one request, three rows (input, output, response)", async () => {
    const c = await cost("durable-object", scenario("responses-conversation"));
    expect(c.doRequests).toBe(1);
    expect(c.doRowsWritten).toBe(3);
  });
});

describe("a conversation turn on the KV backend", () => {
  it("never lists keys", async () => {
    for (const s of SCENARIOS) expect((await cost("kv", s)).kvLists).toBe(0);
  });

  it("writes once per turn where the API shape allows it: streamed runs with additional_messages, Responses turns", async () => {
    for (const id of ["assistants-stream", "responses-chain", "responses-stream", "responses-conversation"]) {
      expect((await cost("kv", scenario(id))).kvWrites, id).toBe(1);
    }
  });

  it("a non-stream run writes when it starts and when it ends (polls from elsewhere must see it), plus the message", async () => {
    expect((await cost("kv", scenario("assistants-additional"))).kvWrites).toBe(2);
    expect((await cost("kv", scenario("assistants-poll"))).kvWrites).toBe(3);
  });
});
