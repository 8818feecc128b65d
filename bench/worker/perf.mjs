#!/usr/bin/env node
// Where workerd's own (C++) time goes, for the proxy and the pass-through side by side: `perf record` (software
// cpu-clock sampling, call graphs) on each workerd process while it answers the bench's requests; every sample is
// filed under the innermost workerd::api frame of its stack (the Web Streams classes, the HTTP layer, RPC…), or GC.
// JavaScript frames have no symbols here (V8 JIT code): they land in "JS / V8 (no api frame)"; profile.mjs shows
// those by function.
//
// Usage: node bench/worker/perf.mjs [stream|chat] [requests]   (needs Linux `perf`; sampling adds overhead)
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { checkBuilt, loadWrangler, passthroughWorker, proxyWorker, SCENARIOS, send, startWorkerd } from "./lib.mjs";

const scenarioKey = process.argv[2] ?? "stream";
const scenario = SCENARIOS[scenarioKey];
if (!scenario) throw new Error(`unknown scenario ${scenarioKey}: chat or stream`);
const requests = Number(process.argv[3] ?? (scenarioKey === "stream" ? 30 : 2000));
const HZ = 2000;

const GC =
  /Heap::CollectGarbage|cppgc::internal::(Marker|Sweeper|SweepFinalizer)|Scavenger|MarkCompactCollector|ConcurrentMarking|MinorMarkSweep/;
const API = /workerd::api::(?:\(anonymous namespace\)::)?([A-Za-z]+)(?:<[^>]*>)?::([A-Za-z]+)/;

function classify(stack) {
  if (stack.some((f) => GC.test(f))) return "V8 garbage collection";
  for (const frame of stack) {
    const m = API.exec(frame);
    if (m) return `${m[1]}::${m[2]}`;
    if (frame.includes("capnp::")) return "Cap'n Proto RPC";
    if (/kj::.*Http(Output|Input)Stream|kj::.*HttpServer/.test(frame)) return "kj HTTP (socket reads/writes)";
  }
  return stack.some((f) => f.includes("runMicrotasks")) ? "JS / V8 (no api frame), in microtasks" : "JS / V8 (no api frame), other";
}

async function record(target, file) {
  const body = JSON.stringify(scenario.body);
  for (let i = 0; i < Math.max(10, requests / 5); i++) await send(target.origin, "/v1/chat/completions", body);
  const perf = spawn("perf", ["record", "-q", "-e", "cpu-clock", "-F", String(HZ), "-g", "-p", String(target.pid), "-o", file], {
    stdio: "ignore",
  });
  await sleep(500);
  for (let i = 0; i < requests; i++) await send(target.origin, "/v1/chat/completions", body);
  perf.kill("SIGINT");
  await new Promise((resolve) => perf.on("exit", resolve));
  const text = execFileSync("perf", ["script", "-i", file, "-F", "ip,sym"], {
    maxBuffer: 1 << 30,
    stdio: ["ignore", "pipe", "ignore"],
  }).toString();
  const counts = new Map();
  let total = 0;
  for (const block of text.split("\n\n")) {
    const stack = block
      .split("\n")
      .map((l) => l.trim().replace(/^[0-9a-f]+ /, ""))
      .filter(Boolean);
    if (!stack.length) continue;
    total++;
    const category = classify(stack);
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const perRequest = (n) => (n * 1000) / HZ / requests;
  return { totalMs: perRequest(total), byCategory: new Map([...counts].map(([k, n]) => [k, perRequest(n)])) };
}

async function main() {
  checkBuilt();
  execFileSync("perf", ["--version"], { stdio: "ignore" });
  const { api, Miniflare } = loadWrangler();
  const proxyOptions = proxyWorker(api);
  const dir = mkdtempSync(join(tmpdir(), "cf-ai-proxy-perf-"));
  const results = {};
  try {
    for (const [key, options] of [
      ["proxy", proxyOptions],
      ["pass-through", passthroughWorker(proxyOptions)],
    ]) {
      const target = await startWorkerd(Miniflare, options);
      try {
        results[key] = await record(target, join(dir, `${key}.data`));
      } finally {
        await target.mf.dispose();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const { proxy, "pass-through": base } = results;
  const categories = [...new Set([...proxy.byCategory.keys(), ...base.byCategory.keys()])];
  const rows = categories
    .map((c) => [c, proxy.byCategory.get(c) ?? 0, base.byCategory.get(c) ?? 0])
    .sort((a, b) => b[1] - b[2] - (a[1] - a[2]))
    .filter(([, p, b]) => p >= 0.005 * proxy.totalMs || b >= 0.005 * base.totalMs);
  const f = (n) => n.toFixed(scenarioKey === "stream" ? 1 : 3);
  console.log(`## workerd CPU by runtime component, ${scenario.title}, ${requests} requests (perf cpu-clock ${HZ} Hz, ms per request)\n`);
  console.log("| component (innermost workerd::api frame) | proxy | pass-through | difference |\n| --- | ---: | ---: | ---: |");
  for (const [c, p, b] of rows) console.log(`| ${c} | ${f(p)} | ${f(b)} | ${f(p - b)} |`);
  console.log(`| **all samples** | ${f(proxy.totalMs)} | ${f(base.totalMs)} | ${f(proxy.totalMs - base.totalMs)} |`);
}

await main();
