#!/usr/bin/env node
// The proxy worker's own CPU per request (what Cloudflare counts as `cpuTime`, and stops at 10 ms on Workers
// Free), against a minimal pass-through worker (bench/worker/passthrough.mjs) given the same Workers AI answers;
// and the bundle's size. Prints a Markdown table and writes bench/results/worker.json.
//
// The measure (measure.mjs): workerd runs every isolate of a process on its main thread, so the CPU time of that
// thread (/proc/<pid>/task/<pid>/schedstat, nanoseconds) is the isolate's CPU plus workerd's own work around it
// (HTTP, Miniflare's entry worker, native stream pumps), and nothing of the Workers AI stub, which runs in a
// workerd process of its own (stub-server.mjs, reached through remote-ai.mjs). The proxy and the pass-through
// run in two processes, measured at the same time, round by round; proxy − pass-through is the proxy's own CPU
// above a native pipe of the same answer. Local workerd reports no cpuTime to tail workers (it records 0), so
// there is no runtime number to compare with. validate.mjs checks the measure against a known workload (a spin
// loop, calibrated with a long run) and the result is printed with the table.
//
// Usage: node bench/worker/run.mjs [--quick] [--only=row,row]   (measures dist/: run `npm run build` first)
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { machineBusyMs, processCpuMs, schedstatWorks } from "./cpu.mjs";
import {
  API_KEY,
  checkBuilt,
  loadWrangler,
  pacedPrompt as PACED,
  replyText,
  root,
  startProxyAndPassthroughs,
  WORKER_BUNDLE,
  workerdVersion,
} from "./lib.mjs";
import { lockSamplingWorks } from "./lock.mjs";
import { measurePair, verifyPair } from "./measure.mjs";
import { validate } from "./validate.mjs";

const QUICK = process.argv.includes("--quick");
/** `--only=key,key`: just those rows, without the validation (for trying a change; the full run validates). */
const ONLY = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const OUT = join(root, "bench/results/worker.json");

/** The 2026 default families: an OpenAI-shaped upstream and a native-shape one. */
const OPENAI_SHAPED = "@cf/zai-org/glm-4.7-flash";
const NATIVE = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
const SYSTEM = "You are a helpful assistant.";
const LONG = 1000;
/** A shorter paced answer beside it: with the long one, where a stream crosses 10 ms. */
const SHORT = 250;
/** The default max_tokens (openai/sampling.ts): the longest answer a client that sets no limit gets. */
const DEFAULT_MAX = 2048;
/** Paced rows are checked first on a short answer (a 1,000-token stream takes 20 s). */
const CHECK_WORDS = 40;

const chat = (model, content, extra = {}) => ({
  model,
  messages: [
    { role: "system", content: SYSTEM },
    { role: "user", content },
  ],
  max_tokens: 2048,
  ...extra,
});
const CHAT = "/v1/chat/completions";

/**
 * The rows: what the proxy is asked, what the pass-through is asked for the same Workers AI answer, the target for
 * the proxy's own CPU. `paced` rows take 20 s a request and run few rounds.
 */
function rows(assistantId) {
  // Three streams side by side per process and round: more samples in the same 20 s (measure.mjs).
  const pacedPlan = QUICK ? { rounds: 1, perRound: 3, lanes: 3 } : { rounds: 4, perRound: 3, lanes: 3 };
  return [
    {
      key: "chat",
      title: `non-stream chat completion (${OPENAI_SHAPED})`,
      proxy: [CHAT, chat(OPENAI_SHAPED, "What is the capital of France? Answer in one sentence.")],
      passthrough: [CHAT, chat(OPENAI_SHAPED, "What is the capital of France? Answer in one sentence.")],
      targetMs: 0.5,
      plan: QUICK ? { rounds: 3, perRound: 40, warmup: 40 } : { rounds: 7, perRound: 60, warmup: 100 },
    },
    {
      key: "pacedOpenAi",
      title: `chat stream, ${LONG} tokens at 50/s, OpenAI-shaped upstream (${OPENAI_SHAPED}): passed through`,
      proxy: [CHAT, chat(OPENAI_SHAPED, PACED(LONG), { stream: true })],
      passthrough: [CHAT, chat(OPENAI_SHAPED, PACED(LONG), { stream: true })],
      targetMs: 5,
      plan: pacedPlan,
      paced: true,
    },
    {
      key: "pacedOpenAiRendered",
      title: `the same with a stop sequence that never matches: rendered`,
      proxy: [CHAT, chat(OPENAI_SHAPED, PACED(LONG), { stream: true, stop: ["never in the answer"] })],
      passthrough: [CHAT, chat(OPENAI_SHAPED, PACED(LONG), { stream: true })],
      targetMs: undefined,
      plan: pacedPlan,
      paced: true,
      full: true,
    },
    {
      key: "pacedNative",
      title: `chat stream, ${LONG} tokens at 50/s, native upstream (${NATIVE}): rendered`,
      proxy: [CHAT, chat(NATIVE, PACED(LONG), { stream: true })],
      passthrough: [CHAT, chat(NATIVE, PACED(LONG), { stream: true })],
      targetMs: 10,
      plan: pacedPlan,
      paced: true,
    },
    {
      key: "pacedOpenAiShort",
      title: `chat stream, ${SHORT} tokens at 50/s, OpenAI-shaped upstream: passed through`,
      proxy: [CHAT, chat(OPENAI_SHAPED, PACED(SHORT), { stream: true })],
      passthrough: [CHAT, chat(OPENAI_SHAPED, PACED(SHORT), { stream: true })],
      targetMs: undefined,
      plan: pacedPlan,
      paced: true,
      full: true,
    },
    {
      key: "pacedNativeShort",
      title: `chat stream, ${SHORT} tokens at 50/s, native upstream: rendered`,
      proxy: [CHAT, chat(NATIVE, PACED(SHORT), { stream: true })],
      passthrough: [CHAT, chat(NATIVE, PACED(SHORT), { stream: true })],
      targetMs: undefined,
      plan: pacedPlan,
      paced: true,
      full: true,
    },
    {
      key: "pacedOpenAiDefault",
      title: `chat stream, ${DEFAULT_MAX} tokens (the default max_tokens) at 50/s, OpenAI-shaped upstream: passed through`,
      proxy: [CHAT, chat(OPENAI_SHAPED, PACED(DEFAULT_MAX), { stream: true, max_tokens: 4096 })],
      passthrough: [CHAT, chat(OPENAI_SHAPED, PACED(DEFAULT_MAX), { stream: true, max_tokens: 4096 })],
      targetMs: undefined,
      plan: pacedPlan,
      paced: true,
      full: true,
    },
    {
      key: "responsesDefault",
      title: `responses stream, ${DEFAULT_MAX} tokens (the default max_output_tokens) at 50/s, stored`,
      proxy: [
        "/v1/responses",
        { model: OPENAI_SHAPED, instructions: SYSTEM, input: PACED(DEFAULT_MAX), max_output_tokens: 4096, stream: true },
      ],
      passthrough: [CHAT, chat(OPENAI_SHAPED, PACED(DEFAULT_MAX), { stream: true, max_tokens: 4096 })],
      targetMs: undefined,
      plan: pacedPlan,
      paced: true,
      full: true,
    },
    {
      key: "responses",
      title: `responses stream, ${LONG} tokens at 50/s (${OPENAI_SHAPED}), stored`,
      proxy: ["/v1/responses", { model: OPENAI_SHAPED, instructions: SYSTEM, input: PACED(LONG), max_output_tokens: 2048, stream: true }],
      passthrough: [CHAT, chat(OPENAI_SHAPED, PACED(LONG), { stream: true })],
      targetMs: 10,
      plan: pacedPlan,
      paced: true,
    },
    {
      key: "assistants",
      title: `Assistants run stream (threads.createAndRun), ${LONG} tokens at 50/s (${OPENAI_SHAPED}), stored`,
      proxy: [
        "/v1/threads/runs",
        {
          assistant_id: assistantId,
          stream: true,
          max_completion_tokens: 2048,
          thread: { messages: [{ role: "user", content: PACED(LONG) }] },
        },
      ],
      passthrough: [CHAT, chat(OPENAI_SHAPED, PACED(LONG), { stream: true })],
      targetMs: 10,
      plan: pacedPlan,
      paced: true,
    },
    {
      key: "noise",
      title: `noise floor: a second pass-through process against the first, the ${LONG}-token OpenAI-shaped stream`,
      proxy: [CHAT, chat(OPENAI_SHAPED, PACED(LONG), { stream: true })],
      passthrough: [CHAT, chat(OPENAI_SHAPED, PACED(LONG), { stream: true })],
      targetMs: undefined,
      plan: pacedPlan,
      paced: true,
      againstItself: true,
    },
    {
      key: "cached",
      title: `cached replay: a ${LONG}-token chat stream from the cache (temperature 0), against the stub's stream piped natively`,
      proxy: [CHAT, chat(OPENAI_SHAPED, `Write a long answer. [[stub:words=${LONG}]]`, { stream: true, temperature: 0 })],
      passthrough: [CHAT, chat(OPENAI_SHAPED, `Write a long answer. [[stub:words=${LONG}]]`, { stream: true })],
      targetMs: undefined,
      plan: QUICK ? { rounds: 3, perRound: 5, warmup: 3 } : { rounds: 5, perRound: 10, warmup: 10 },
    },
  ];
}

/** The same request with a short answer, to check a paced row without waiting 20 s a side. */
const shortened = ([path, body]) => [
  path,
  JSON.parse(JSON.stringify(body).replaceAll(`[[stub:words=${LONG}]]`, `[[stub:words=${CHECK_WORDS}]]`)),
];

const ms = (n) => `${n.toFixed(2)} ms`;
const yes = (ok) => (ok ? "yes" : "**no**");

function table(result) {
  const lines = [
    "| request | the Worker's own CPU in its isolate: median (min–max of rounds) | target | met | its Durable Objects' share | isolate CPU, proxy / pass-through | proxy's own CPU, whole main thread (min–max) | wall, proxy / pass-through |",
    "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: |",
  ];
  for (const row of result.rows) {
    const m = row.measured;
    const target = row.targetMs === undefined ? "none" : `≤ ${row.targetMs} ms`;
    const met = row.targetMs === undefined ? "" : yes((m.lock ? m.lock.workerMs : m.ownMs) <= row.targetMs);
    const lockCells = m.lock
      ? [
          `${ms(m.lock.workerMs)} (${m.lock.workerMinMs.toFixed(2)} to ${m.lock.workerMaxMs.toFixed(2)})`,
          ms(m.lock.ownRpcMs),
          `${ms(m.lock.proxyMs)} / ${ms(m.lock.passthroughMs)}`,
        ]
      : ["not measured (no perf)", "", ""];
    lines.push(
      `| ${row.title} | ${lockCells[0]} | ${target} | ${met} | ${lockCells[1]} | ${lockCells[2]} | ${ms(m.ownMs)} (${m.ownMinMs.toFixed(2)} to ${m.ownMaxMs.toFixed(2)}) | ${wall(m.proxyWallMs)} / ${wall(m.passthroughWallMs)} |`,
    );
  }
  const { bundle } = result;
  lines.push(
    `| bundle ${bundle.path}: ${bundle.bytes.toLocaleString("en-US")} B, gzip ${bundle.gzipBytes.toLocaleString("en-US")} B (${(bundle.gzipBytes / 1024).toFixed(1)} KiB) | | < 100 KiB gzip | ${yes(bundle.gzipBytes < 100 * 1024)} | | | | |`,
  );
  return lines.join("\n");
}

const wall = (m) => (m >= 1000 ? `${(m / 1000).toFixed(1)} s` : `${m.toFixed(1)} ms`);

async function main() {
  checkBuilt();
  const startedAt = Date.now();
  const bundleBytes = readFileSync(WORKER_BUNDLE);
  const bundle = {
    path: "dist/worker/index.js",
    bytes: bundleBytes.length,
    gzipBytes: gzipSync(bundleBytes).length,
    modified: statSync(WORKER_BUNDLE).mtime.toISOString(),
  };

  const { api, Miniflare } = loadWrangler();
  const running = [];
  const stopAll = () => Promise.all(running.map((r) => r.mf.dispose().catch(() => {})));
  process.once("SIGINT", () => stopAll().then(() => process.exit(130)));
  try {
    const {
      stub,
      proxy,
      passthroughs: [passthrough, passthrough2],
    } = await startProxyAndPassthroughs(api, Miniflare, running, ["passthrough", "passthrough-2"]);
    if (!schedstatWorks(proxy.pid))
      throw new Error("/proc/<pid>/task/<tid>/schedstat reads 0 here: no per-thread CPU time to measure with");

    const busyBefore = machineBusyMs();
    const loadBefore = loadavg()[0];
    const measureStart = Date.now();
    const ours = () => [proxy, passthrough, passthrough2, stub].reduce((sum, p) => sum + processCpuMs(p.pid), processCpuMs(process.pid));
    const oursBefore = ours();

    const lockCheck = await lockSamplingWorks(proxy.pid);
    const lock = lockCheck.ok;
    if (!lock) process.stderr.write(`isolate CPU not measured: ${lockCheck.why}; reporting the main thread's CPU only\n`);
    process.stderr.write("validating the measure against a known workload…\n");
    const validation = ONLY ? undefined : await validate(passthrough, { quick: QUICK, lock });

    const assistant = await (
      await fetch(`${proxy.origin}/v1/assistants`, {
        method: "POST",
        headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ model: OPENAI_SHAPED, instructions: SYSTEM }),
      })
    ).json();
    if (!assistant.id) throw new Error(`could not create the bench's assistant: ${JSON.stringify(assistant)}`);

    const results = [];
    for (const row of rows(assistant.id).filter((r) => (ONLY ? ONLY.includes(r.key) : !QUICK || !r.full))) {
      process.stderr.write(`measuring ${row.title}…\n`);
      const side = (target, [path, body]) => ({ target, path, body });
      const check = row.paced ? shortened : (r) => r;
      const subject = row.againstItself ? passthrough2 : proxy;
      const checked = await verifyPair(side(subject, check(row.proxy)), side(passthrough, check(row.passthrough)), replyText);
      for (let i = 0; i < (row.plan.warmup ?? 0); i++) {
        await Promise.all(
          [side(subject, row.proxy), side(passthrough, row.passthrough)].map((s) =>
            fetch(s.target.origin + s.path, {
              method: "POST",
              headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json", "accept-encoding": "identity" },
              body: JSON.stringify(s.body),
            }).then((r) => r.arrayBuffer()),
          ),
        );
      }
      const measured = await measurePair(side(subject, row.proxy), side(passthrough, row.passthrough), { ...row.plan, lock });
      results.push({
        key: row.key,
        title: row.title,
        targetMs: row.targetMs,
        plan: row.plan,
        checked,
        request: { proxy: row.proxy, passthrough: row.passthrough },
        measured,
      });
    }

    const measuredMs = Date.now() - measureStart;
    const othersMs = machineBusyMs() - busyBefore - (ours() - oursBefore);
    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      node: process.version,
      workerd: workerdVersion(),
      otherProcessesCores: Math.max(0, Math.round((othersMs / measuredMs) * 100) / 100),
      loadAverage: { before: loadBefore, after: loadavg()[0] },
    };
    const result = {
      generatedBy: `node bench/worker/run.mjs${QUICK ? " --quick" : ""}`,
      date: new Date().toISOString(),
      machine,
      isolateCpu: lock ? "perf samples of the main thread under an isolate lock (bench/worker/lock.mjs)" : lockCheck.why,
      validation,
      bundle,
      rows: results,
      durationSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
    };
    mkdirSync(dirname(OUT), { recursive: true });
    if (!ONLY) writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);

    console.log(`### Proxy worker: its own CPU per request${QUICK ? " (quick run: rough numbers)" : ""}\n`);
    console.log(table(result));
    const v = validation;
    if (v?.nonStream.lock)
      console.log(
        `\nThe isolate measure, checked against the same spin loop: 0.5 ms read back as ${v.nonStream.lock.measuredMs} ms (rounds ${v.nonStream.lock.rounds.join(", ")}); ` +
          `5 ms on a paced 200-token stream as ${v.pacedStream.lock.measuredMs} ms (rounds ${v.pacedStream.lock.rounds.join(", ")}).`,
      );
    if (v)
      console.log(
        `\nThe main-thread measure, checked against a known workload (a spin loop in the pass-through worker, ${v.nsPerStep} ns a step from three long runs): ` +
          `0.5 ms added to a non-stream request read back as ${v.nonStream.measuredMs} ms (${v.nonStream.errorPercent}%; rounds ${v.nonStream.rounds.join(", ")}); ` +
          `5 ms added to a 200-token stream paced at 20 ms read back as ${v.pacedStream.measuredMs} ms (${v.pacedStream.errorPercent}%; rounds ${v.pacedStream.rounds.join(", ")}).`,
      );
    console.log(
      "\nIsolate CPU: perf samples (4,000 a second of CPU time) of each workerd's main thread whose call stack holds an isolate lock " +
        "(`Worker::Lock`, entered through `IoContext::run`): JavaScript and the runtime work it asks for, not the native pumps that move " +
        "a stream, nor HTTP parsing and socket writes, which Cloudflare's cpuTime does not count either. " +
        "Targets are judged on the Worker's own share: its Durable Objects' side (the calls they receive, and their construction, which " +
        "workerd runs inside the caller's first call) is shown apart, since on Cloudflare an object's CPU is not its caller's (JSON: ownRpcMs; " +
        "the Worker's own is lock.workerMs, both together lock.ownMs).",
    );
    console.log(
      "\nMain thread: CPU time of the main thread of each worker's workerd process (all isolates, workerd's HTTP server and stream pumps run there), " +
        "from /proc/<pid>/task/<pid>/schedstat, around each round of requests; the Workers AI stub runs in a workerd process of its own. " +
        "Proxy and pass-through run at the same time in two processes; the proxy's own CPU is the median of the per-round differences. " +
        `Stored rows (responses, Assistants) include the Durable Object's work, which runs on the same thread.`,
    );
    const load = `Other processes used ${machine.otherProcessesCores} of the ${machine.cpus} cores on average during the run (load average ${loadBefore.toFixed(1)} before, ${machine.loadAverage.after.toFixed(1)} after)`;
    console.log(
      `\n${load}${machine.otherProcessesCores > 0.25 ? ": contention inflates CPU times (shared caches); re-run on a quiet machine for absolute numbers." : "."}`,
    );
    console.log(`\nWritten to ${OUT} in ${result.durationSeconds} s.`);
  } finally {
    await stopAll();
  }
}

await main();
