#!/usr/bin/env node
// What usage accounting costs: the proxy's CPU and time to first byte with accounting on and off (USAGE=off),
// each in its own workerd; the ledger's rows written per request; and the daily headroom that leaves on Free.
// `node bench/usage/run.mjs [rounds]`; writes bench/results/usage.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { childrenNamed, cpuBetween, cpuSnapshot } from "../worker/cpu.mjs";
import { lockSamplingWorks, startLockSampler } from "../worker/lock.mjs";
import { ROOT } from "../../scripts/local-config.mjs";
import { startLocalProxy } from "../../scripts/local-proxy.mjs";

const ROUNDS = Number(process.argv[2] ?? 9);
const PER_ROUND = 200;
const KEY = "sk-bench-usage-0123456789";
const MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
const BODY = JSON.stringify({ model: MODEL, messages: [{ role: "user", content: "What is the capital of France?" }], max_tokens: 64 });
/** Workers Free: rows written per day in SQLite-backed Durable Objects. */
const FREE_ROWS_WRITTEN = 100_000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function start(bindings) {
  const before = new Set(childrenNamed(process.pid, "workerd"));
  const proxy = await startLocalProxy({ API_KEYS: KEY, ...bindings });
  const pid = childrenNamed(process.pid, "workerd").find((p) => !before.has(p));
  if (!pid) throw new Error("could not find the workerd process just started");
  return { ...proxy, pid };
}

async function ask(proxy) {
  const t0 = performance.now();
  const res = await fetch(`${proxy.url}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: BODY,
  });
  const ttfb = performance.now() - t0;
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return ttfb;
}

const on = await start({});
const off = await start({ USAGE: "off" });
try {
  for (const p of [on, off]) for (let i = 0; i < 50; i++) await ask(p);
  const lockCheck = await lockSamplingWorks(on.pid);
  if (!lockCheck.ok) console.error(`isolate CPU not measured: ${lockCheck.why}`);
  const cpu = { on: [], off: [] };
  // Isolate CPU (bench/worker/lock.mjs): all of it, and the part in received RPC calls (the ledger object's
  // recordUsage here, and the Workers AI stub's run, the same with accounting on and off).
  const isolate = { on: [], off: [] };
  const ttfb = { on: [], off: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, proxy] of round % 2
      ? [
          ["off", off],
          ["on", on],
        ]
      : [
          ["on", on],
          ["off", off],
        ]) {
      const sampler = lockCheck.ok ? startLockSampler(proxy.pid) : undefined;
      await sampler?.ready;
      const before = cpuSnapshot(proxy.pid);
      for (let i = 0; i < PER_ROUND; i++) await ask(proxy);
      // Records are written in waitUntil, after the answer: let the last ones land inside the measured window.
      await new Promise((r) => setTimeout(r, 200));
      cpu[name].push(cpuBetween(before, cpuSnapshot(proxy.pid)).ms / PER_ROUND);
      const sampled = await sampler?.stop();
      if (sampled) isolate[name].push({ lock: sampled.lockMs / PER_ROUND, rpc: sampled.rpcMs / PER_ROUND });
      // Time to first byte with room between requests: back to back, the previous request's record (written after
      // its answer, on the same thread here) would sit in front of the next one's, which says nothing about either.
      const times = [];
      for (let i = 0; i < 40; i++) {
        times.push(await ask(proxy));
        await new Promise((r) => setTimeout(r, 15));
      }
      ttfb[name].push(median(times));
    }
  }
  // The ledger object, written straight (from outside): its own share of the cost, and the rows a record writes.
  // In production that work is the Durable Object's, not the Worker's CPU time.
  const ns = await on.mf.getDurableObjectNamespace("STATE", "proxy");
  const ledger = ns.get(ns.idFromName("usage-ledger"));
  const day = new Date().toISOString().slice(0, 10);
  const record = (model, extra = {}) => ({
    day,
    project: "bench",
    keyName: "bench#1",
    model,
    kind: "completions",
    requests: 1,
    inputTokens: 20,
    outputTokens: 40,
    cachedTokens: 0,
    reasoningTokens: 0,
    neurons: 1,
    cacheHits: 0,
    neuronsSaved: 0,
    images: 0,
    characters: 0,
    audioSeconds: 0,
    ...extra,
  });
  const sample = record(MODEL, { project: "default", keyName: "default#1" });
  const ledgerCpu = [];
  for (let round = 0; round < 3; round++) {
    const before = cpuSnapshot(on.pid);
    for (let i = 0; i < PER_ROUND; i++) await ledger.recordUsage([sample], Date.now());
    ledgerCpu.push(cpuBetween(before, cpuSnapshot(on.pid)).ms / PER_ROUND);
  }
  const rows = {
    first: (await ledger.recordUsage([record(`bench-${Date.now()}`)], Date.now())).rowsWritten,
    typical: (await ledger.recordUsage([record(MODEL)], Date.now())).rowsWritten,
    failed: (await ledger.recordUsage([record(MODEL, { errorStatus: 502 })], Date.now())).rowsWritten,
  };
  const iso = (name, pick) => (isolate[name].length ? median(isolate[name].map(pick)) : undefined);
  const isolateCpu = lockCheck.ok
    ? {
        on: iso("on", (x) => x.lock),
        off: iso("off", (x) => x.lock),
        // Worker's share: isolate CPU outside received RPC calls; the ledger object's: inside them.
        workerAdded: iso("on", (x) => x.lock - x.rpc) - iso("off", (x) => x.lock - x.rpc),
        ledgerAdded: iso("on", (x) => x.rpc) - iso("off", (x) => x.rpc),
      }
    : { notMeasured: lockCheck.why };
  const result = {
    rounds: ROUNDS,
    isolateCpuMsPerRequest: isolateCpu,
    perRound: PER_ROUND,
    cpuMsPerRequest: { on: median(cpu.on), off: median(cpu.off), added: median(cpu.on) - median(cpu.off), ledgerWrite: median(ledgerCpu) },
    ttfbMs: { on: median(ttfb.on), off: median(ttfb.off), added: median(ttfb.on) - median(ttfb.off) },
    rowsWrittenPerRequest: rows,
    // With BUDGETS limiting requests, admitting a request writes one more row.
    dailyHeadroom: {
      withoutBudgets: Math.floor(FREE_ROWS_WRITTEN / rows.typical),
      withRequestBudgets: Math.floor(FREE_ROWS_WRITTEN / (rows.typical + 1)),
    },
  };
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(join(ROOT, "bench/results/usage.json"), JSON.stringify(result, null, 2));
  const f = (x) => x.toFixed(3);
  console.log("| measure | accounting on | off (USAGE=off) | added |");
  console.log("| --- | ---: | ---: | ---: |");
  console.log(
    `| workerd CPU per non-stream chat request (median of ${ROUNDS} × ${PER_ROUND}) | ${f(result.cpuMsPerRequest.on)} ms | ${f(result.cpuMsPerRequest.off)} ms | ${f(result.cpuMsPerRequest.added)} ms |`,
  );
  if (isolateCpu.on !== undefined) {
    console.log(
      `| isolate CPU per request (perf samples under an isolate lock, median of ${ROUNDS} rounds) | ${f(isolateCpu.on)} ms | ${f(isolateCpu.off)} ms | ${f(isolateCpu.on - isolateCpu.off)} ms |`,
    );
    console.log(
      `| of it, the Worker's (outside received RPC calls: what Cloudflare bills the Worker) | | | ${f(isolateCpu.workerAdded)} ms |`,
    );
    console.log(`| of it, the ledger Durable Object's (inside its recordUsage call) | | | ${f(isolateCpu.ledgerAdded)} ms |`);
  }
  console.log(
    `| of it, the ledger object writing one record (called straight, ${PER_ROUND} times × 3) | ${f(result.cpuMsPerRequest.ledgerWrite)} ms | | |`,
  );
  console.log(
    `| time to first byte (median of 40 requests 15 ms apart, per round) | ${f(result.ttfbMs.on)} ms | ${f(result.ttfbMs.off)} ms | ${f(result.ttfbMs.added)} ms |`,
  );
  console.log(
    `\nLedger rows written per request: ${rows.typical} (a day's first request of a model: ${rows.first}; a failed request: ${rows.failed}).`,
  );
  console.log(
    `Free's 100,000 rows written a day record ${result.dailyHeadroom.withoutBudgets.toLocaleString("en-US")} requests (${result.dailyHeadroom.withRequestBudgets.toLocaleString("en-US")} with request budgets).`,
  );
} finally {
  await on.dispose();
  await off.dispose();
}
