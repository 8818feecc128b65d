#!/usr/bin/env node
// Where the proxy's CPU goes: a V8 CPU profile of the proxy's isolate in workerd (through workerd's inspector),
// taken while the bench's requests run. Prints the functions with the most self time, and the same summed per
// source file of the worker (from the bundle's `// worker/src/...` markers), and writes the .cpuprofile (open it
// in Chrome DevTools) to bench/results/.
//
// Usage: node bench/worker/profile.mjs [chat|stream] [requests] [--worker passthrough]
// (The inspector slows workerd down: use it for proportions, and run.mjs for the numbers.)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { checkBuilt, loadWrangler, passthroughWorker, proxyWorker, root, SCENARIOS, send, startWorkerd, WORKER_BUNDLE } from "./lib.mjs";

const args = process.argv.slice(2);
const workerAt = args.indexOf("--worker");
const which = workerAt >= 0 ? args.splice(workerAt, 2)[1] : "proxy";
const scenarioKey = args[0] ?? "stream";
const count = Number(args[1] ?? (scenarioKey === "stream" ? 40 : 1000));
const scenario = SCENARIOS[scenarioKey];
if (!scenario) throw new Error(`unknown scenario ${scenarioKey}: chat or stream`);

const { WebSocket } = createRequire(join(root, "node_modules/undici/package.json"))("undici");

/** A minimal Chrome DevTools Protocol session over the inspector's WebSocket. */
async function inspect(url) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", (e) => reject(new Error(`inspector: ${e.message ?? "cannot connect"}`)), { once: true });
  });
  let next = 1;
  const pending = new Map();
  ws.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    const waiting = message.id !== undefined && pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(`${message.error.message}`));
    else waiting.resolve(message.result);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { call, close: () => ws.close() };
}

/** The bundle's source markers (`// worker/src/ai/sse.ts`, `// node_modules/hono/...`): line → source file. */
function sourceMap(bundlePath) {
  const lines = readFileSync(bundlePath, "utf8").split("\n");
  const starts = [];
  lines.forEach((line, i) => {
    // wrangler bundles from worker/: `// src/ai/sse.ts`, `// ../node_modules/hono/dist/context.js`
    const m = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(line);
    if (m) starts.push([i, m[1].replace(/^(\.\.\/)*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, "$2").replace(/^src\//, "worker/src/")]);
  });
  return (line) => {
    let found = "(bundle)";
    for (const [start, file] of starts) {
      if (start > line) break;
      found = file;
    }
    return found;
  };
}

async function main() {
  checkBuilt();
  const { api, Miniflare } = loadWrangler();
  const proxyOptions = proxyWorker(api);
  const worker = which === "passthrough" ? passthroughWorker(proxyOptions) : proxyOptions;
  const target = await startWorkerd(Miniflare, worker, { inspectorPort: 0 });
  const inspector = await target.mf.getInspectorURL();
  try {
    const bodyText = JSON.stringify(scenario.body);
    const path = "/v1/chat/completions";
    for (let i = 0; i < Math.max(10, count / 4); i++) await send(target.origin, path, bodyText);
    const session = await inspect(`ws://${inspector.host}/core:user:${worker.name}`);
    await session.call("Profiler.enable");
    await session.call("Profiler.setSamplingInterval", { interval: 100 });
    await session.call("Profiler.start");
    for (let i = 0; i < count; i++) await send(target.origin, path, bodyText);
    const { profile } = await session.call("Profiler.stop");
    session.close();

    const dir = join(root, "bench/results");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `worker-${which}-${scenarioKey}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    report(profile, count, which === "proxy" ? sourceMap(WORKER_BUNDLE) : () => "(pass-through)");
    console.log(`\nprofile written to ${file}`);
  } finally {
    await target.mf.dispose();
  }
}

function report(profile, requests, fileOf) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
  }
  const byFunction = new Map();
  const byFile = new Map();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const idle = callFrame.functionName === "(idle)";
    if (!idle) busy += us;
    const file = callFrame.url
      ? fileOf(callFrame.lineNumber)
      : callFrame.functionName.startsWith("(")
        ? callFrame.functionName
        : "(native)";
    const key = `${callFrame.functionName || "(anonymous)"}  ${callFrame.url ? `${file}:${callFrame.lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    if (!idle) byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const perRequest = (us) => `${(us / 1000 / requests).toFixed(3)} ms`;
  console.log(`## CPU profile of the ${which} isolate, ${scenario.title}, ${requests} requests\n`);
  console.log(`sampled non-idle time in the isolate: ${perRequest(busy)} per request (inspector attached: slower than unprofiled)\n`);
  console.log("| self time / request | share | source file |\n| ---: | ---: | --- |");
  for (const [file, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`| ${perRequest(us)} | ${((100 * us) / busy).toFixed(1)}% | ${file} |`);
  console.log("\n| self time / request | share | function |\n| ---: | ---: | --- |");
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`| ${perRequest(us)} | ${((100 * us) / busy).toFixed(1)}% | ${key} |`);
}

await main();
