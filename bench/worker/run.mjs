#!/usr/bin/env node
// CPU time per request of the proxy worker (dist/worker/index.js with dist/worker/wrangler.jsonc, as deployed)
// against a minimal pass-through worker (bench/worker/passthrough.mjs), both answering through the same Workers
// AI stub (dist/ai-stub/index.js), each in its own workerd process started by Miniflare; and the bundle's size.
// Prints a Markdown table and writes bench/results/worker.json.
//
// How CPU is measured: the workerd process's CPU time (every thread, user + system: the scheduler's per-thread
// run time from /proc/<pid>/task/*/schedstat, cross-checked with utime+stime of /proc/<pid>/stat) is read
// before and after N requests sent one after the other from this Node process, after a warm-up, and divided by
// N. Several rounds, alternating which worker goes first; the median round is reported. Each workerd runs the
// HTTP server, Miniflare's entry worker, the worker under test and the stub: all of it but the worker under test
// is the same in both processes, so the difference is the proxy's own cost.
//
// Usage: node bench/worker/run.mjs [--quick]   (measures dist/: run `npm run build` first)
// Where the time goes: profile.mjs (V8 CPU profile of the proxy's isolate) and perf.mjs (Linux perf by workerd
// runtime component), both in bench/worker/.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { machineBusyMs, processCpuMs, schedstatWorks } from "./cpu.mjs";
import { checkBuilt, loadWrangler, passthroughWorker, proxyWorker, root, SCENARIOS, startWorkerd, WORKER_BUNDLE, workerdVersion } from "./lib.mjs";
import { median, measure, verify } from "./measure.mjs";

const QUICK = process.argv.includes("--quick");
const OUT = join(root, "bench/results/worker.json");

/** Requests per measured window, warm-up requests, rounds: a full run takes about a minute on 2 cores. */
const PLAN = QUICK
  ? { chat: { rounds: 3, warmup: 100, perRound: 150 }, stream: { rounds: 3, warmup: 5, perRound: 8 }, paced: { rounds: 2, warmup: 1, perRound: 2 } }
  : { chat: { rounds: 15, warmup: 300, perRound: 200 }, stream: { rounds: 9, warmup: 20, perRound: 40 }, paced: { rounds: 5, warmup: 2, perRound: 3 } };

const TARGETS = { ratio: 1.2, chatMs: 1, gzipBytes: 100 * 1024 };

const ms = (n) => `${n.toFixed(3)} ms`;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const yes = (ok) => (ok ? "yes" : "**no**");

function table({ cpu, bundle }) {
  const { chat, stream, paced, responses } = cpu;
  return [
    "| measure | proxy | pass-through | ratio | proxy − pass-through | target | met |",
    "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    `| CPU/request, ${SCENARIOS.chat.title} | ${ms(chat.proxy.perRequestMs)} | ${ms(chat.passthrough.perRequestMs)} | ${chat.ratio.toFixed(2)}× | ${ms(chat.proxyOwnMs)} | ≤ ${TARGETS.ratio}× | ${yes(chat.ratio <= TARGETS.ratio)} |`,
    `| CPU/request, ${SCENARIOS.chat.title}, above the floor¹ | ${ms(chat.proxyAboveFloorMs)} | ${ms(chat.passthroughAboveFloorMs)} | | | < ${TARGETS.chatMs} ms | ${yes(chat.proxyAboveFloorMs < TARGETS.chatMs)} (whole process: ${ms(chat.proxy.perRequestMs)}, ${yes(chat.proxy.perRequestMs < TARGETS.chatMs)}) |`,
    `| CPU/request, ${SCENARIOS.stream.title} | ${ms(stream.proxy.perRequestMs)} | ${ms(stream.passthrough.perRequestMs)} | ${stream.ratio.toFixed(2)}× | ${ms(stream.proxyOwnMs)} | ≤ ${TARGETS.ratio}× | ${yes(stream.ratio <= TARGETS.ratio)} |`,
    `| CPU/request, ${SCENARIOS.paced.title} | ${ms(paced.proxy.perRequestMs)} | ${ms(paced.passthrough.perRequestMs)} | ${paced.ratio.toFixed(2)}× | ${ms(paced.proxyOwnMs)} | none (a model generating 50 tokens/s) | |`,
    `| CPU/request, ${SCENARIOS.responses.title} | ${ms(responses.proxy.perRequestMs)} | (none: ${ms(responses.chatStream.perRequestMs)} for the chat stream) | ${responses.ratioToChatStream.toFixed(2)}× the chat stream | | none | |`,
    `| bundle ${bundle.path} | ${bundle.bytes.toLocaleString("en-US")} B (${kib(bundle.bytes)}) | | | | gzip < 100 KiB: ${bundle.gzipBytes.toLocaleString("en-US")} B (${kib(bundle.gzipBytes)}) | ${yes(bundle.gzipBytes < TARGETS.gzipBytes)} |`,
  ].join("\n");
}

function detailTable({ cpu }) {
  const rows = [
    "| request | worker | CPU/request (median) | min–max of rounds | main thread only | utime+stime check | wall/request | response bytes |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const [scenario, data] of Object.entries(cpu)) {
    for (const [key, name] of [["proxy", "proxy"], ["passthrough", "pass-through"], ["floor", "floor¹"], ["chatStream", "proxy, as a chat stream"]]) {
      const m = data[key];
      if (m) rows.push(`| ${scenario} | ${name} | ${ms(m.perRequestMs)} | ${m.minMs.toFixed(3)}–${m.maxMs.toFixed(3)} | ${ms(m.mainThreadPerRequestMs)} | ${ms(m.tickPerRequestMs)} | ${ms(m.wallPerRequestMs)} | ${m.responseBytes} |`);
    }
  }
  return rows.join("\n");
}

async function main() {
  checkBuilt();
  const startedAt = Date.now();
  const bundleBytes = readFileSync(WORKER_BUNDLE);
  const bundle = { path: "dist/worker/index.js", bytes: bundleBytes.length, gzipBytes: gzipSync(bundleBytes).length, gzipLevel: 6, modified: statSync(WORKER_BUNDLE).mtime.toISOString() };

  const { api, Miniflare } = loadWrangler();
  const proxyOptions = proxyWorker(api);
  const running = [];
  const stopAll = () => Promise.all(running.map((r) => r.mf.dispose().catch(() => {})));
  process.once("SIGINT", () => stopAll().then(() => process.exit(130)));
  try {
    const proxy = await startWorkerd(Miniflare, proxyOptions);
    running.push(proxy);
    const passthrough = await startWorkerd(Miniflare, passthroughWorker(proxyOptions));
    running.push(passthrough);
    if (!schedstatWorks(proxy.pid)) throw new Error("/proc/<pid>/task/<tid>/schedstat reads 0 here: no per-thread CPU time to measure with");

    const cpu = {};
    const stubWork = {};
    const busyBefore = machineBusyMs();
    const measureStart = Date.now();
    const oursBefore = processCpuMs(proxy.pid) + processCpuMs(passthrough.pid) + processCpuMs(process.pid);
    for (const [key, scenario] of Object.entries(SCENARIOS).filter(([k]) => k !== "responses")) {
      process.stderr.write(`measuring ${scenario.title}…\n`);
      const path = "/v1/chat/completions";
      const subjects = [
        { key: "proxy", target: proxy, path, body: scenario.body },
        { key: "passthrough", target: passthrough, path, body: scenario.body },
      ];
      stubWork[key] = await verify(subjects, scenario.expectedText);
      if (key === "chat") subjects.push({ key: "floor", target: passthrough, path: "/floor", body: scenario.body });
      const m = await measure(subjects, PLAN[key]);
      // Round r of each worker ran in the same stretch of time: ratio and difference are taken per round, which
      // keeps a change in the machine's load during the run out of the comparison.
      const pairs = m.proxy.rounds.map((p, r) => [p, m.passthrough.rounds[r]]);
      cpu[key] = {
        request: scenario.body,
        ...m,
        ratio: Math.round(median(pairs.map(([p, b]) => p / b)) * 100) / 100,
        proxyOwnMs: Math.round(median(pairs.map(([p, b]) => p - b)) * 1000) / 1000,
        ratioOfMedians: Math.round((m.proxy.perRequestMs / m.passthrough.perRequestMs) * 100) / 100,
      };
      if (m.floor) {
        const aboveFloor = (rounds) => Math.round(median(rounds.map((v, r) => v - m.floor.rounds[r])) * 1000) / 1000;
        cpu[key].proxyAboveFloorMs = aboveFloor(m.proxy.rounds);
        cpu[key].passthroughAboveFloorMs = aboveFloor(m.passthrough.rounds);
      }
    }

    // A stateful stream has no pass-through to compare with: the same answer as a chat stream, same process.
    process.stderr.write(`measuring ${SCENARIOS.responses.title}…\n`);
    const stateful = [
      { key: "chatStream", target: proxy, path: "/v1/chat/completions", body: SCENARIOS.stream.body },
      { key: "responses", target: proxy, path: SCENARIOS.responses.path, body: SCENARIOS.responses.body },
    ];
    stubWork.responses = await verify(stateful.slice(1), SCENARIOS.responses.expectedText);
    const sm = await measure(stateful, PLAN.stream);
    cpu.responses = {
      request: SCENARIOS.responses.body,
      proxy: sm.responses,
      chatStream: sm.chatStream,
      ratioToChatStream: Math.round(median(sm.responses.rounds.map((v, r) => v / sm.chatStream.rounds[r])) * 100) / 100,
    };

    // How much of the machine other processes used meanwhile: contention inflates CPU times (shared caches).
    const measuredMs = Date.now() - measureStart;
    const othersMs = machineBusyMs() - busyBefore - (processCpuMs(proxy.pid) + processCpuMs(passthrough.pid) + processCpuMs(process.pid) - oursBefore);
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, workerd: workerdVersion(), otherProcessesCores: Math.max(0, Math.round((othersMs / measuredMs) * 100) / 100) };
    const method = [
      "CPU time of the whole workerd process (all threads, user + system) between two readings, divided by the requests sent in between:",
      "per-thread run time from /proc/<pid>/task/*/schedstat (ns), cross-checked with utime+stime of /proc/<pid>/stat (10 ms ticks).",
      "One Miniflare/workerd process per worker under test, each with the same Workers AI stub (dist/ai-stub) as its AI service binding;",
      "requests sent one at a time over HTTP keep-alive from Node (whose own CPU is not counted), after a warm-up;",
      `${PLAN.chat.rounds} rounds of ${PLAN.chat.perRound} non-stream, ${PLAN.stream.rounds} rounds of ${PLAN.stream.perRound} stream and ${PLAN.paced.rounds} rounds of ${PLAN.paced.perRound} paced stream requests per worker, alternating the order;`,
      `then, in the proxy's process only, ${PLAN.stream.rounds} rounds of ${PLAN.stream.perRound} responses.stream requests against as many chat streams of the same answer;`,
      "the median round is reported, ratio and difference are the medians of the per-round pairs.",
      "Requests carry accept-encoding: identity (else Miniflare has workerd gzip JSON answers, which Cloudflare's edge does outside the worker).",
      "Both numbers include workerd's HTTP server, Miniflare's entry worker and the stub: proxy − pass-through is the proxy's own cost.",
    ].join(" ");
    const floorNote =
      "¹ floor: the same workerd answering a constant JSON from the pass-through worker without calling AI (HTTP server + Miniflare's entry worker + a worker invocation); " +
      "proxy − floor is an upper bound of the proxy isolate's CPU, still including the stub's work and both ends of the AI RPC call.";
    const result = {
      generatedBy: `node bench/worker/run.mjs${QUICK ? " --quick" : ""}`,
      date: new Date().toISOString(),
      machine,
      method,
      floorNote,
      plan: PLAN,
      stubWork,
      bundle,
      cpu,
      targets: {
        chatRatio: { target: `≤ ${TARGETS.ratio}× pass-through`, value: cpu.chat.ratio, met: cpu.chat.ratio <= TARGETS.ratio },
        streamRatio: { target: `≤ ${TARGETS.ratio}× pass-through`, value: cpu.stream.ratio, met: cpu.stream.ratio <= TARGETS.ratio },
        chatUnder1ms: { target: `< ${TARGETS.chatMs} ms above the floor`, value: cpu.chat.proxyAboveFloorMs, met: cpu.chat.proxyAboveFloorMs < TARGETS.chatMs },
        chatUnder1msWholeProcess: { target: `< ${TARGETS.chatMs} ms, whole workerd process`, value: cpu.chat.proxy.perRequestMs, met: cpu.chat.proxy.perRequestMs < TARGETS.chatMs },
        bundleGzip: { target: "< 100 KiB gzip", value: bundle.gzipBytes, met: bundle.gzipBytes < TARGETS.gzipBytes },
      },
      durationSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, JSON.stringify(result, null, 2) + "\n");

    console.log(`### Proxy worker: CPU per request and bundle size${QUICK ? " (quick run: rough numbers)" : ""}\n`);
    console.log(table(result));
    console.log("\n" + detailTable(result));
    console.log(`\n${floorNote}`);
    console.log(`\nMeasured: ${method}`);
    console.log(
      `Requests: ${SCENARIOS.chat.title} = ${JSON.stringify(SCENARIOS.chat.body)}; ${SCENARIOS.stream.title} = the same with "[[stub:words=500]]" in the user message, max_tokens 1024, stream: true ` +
        `(the stub sends ${stubWork.stream.passthrough.events} SSE events as fast as they are read, in its default network chunks of 1 to 97 bytes; the proxy answers with ${stubWork.stream.proxy.events}); ` +
        `${SCENARIOS.paced.title} = "[[stub:words=100]] [[stub:chunk=event]] [[stub:pace=20]]": one event per network chunk, 20 ms apart, as a model generating 50 tokens a second sends them. ` +
        "The proxy writes a stream at most once per STREAM_FLUSH_MS (default 50 ms; the first frames and a token after a pause at once): its wall time per stream request is the longer by up to that much.",
    );
    const load = `Other processes on this machine used ${machine.otherProcessesCores} of its ${machine.cpus} cores on average during the measurement`;
    console.log(`\n${load}${machine.otherProcessesCores > 0.25 ? ": CPU times are inflated by the contention (shared caches); compare the ratio, and re-run on a quiet machine for absolute numbers." : "."}`);
    console.log(`\nWritten to ${OUT} in ${result.durationSeconds} s.`);
  } finally {
    await stopAll();
  }
}

await main();
