#!/usr/bin/env node
// Where the proxy's CPU goes, by experiment: the same measurement as run.mjs (workerd process CPU per request,
// median of interleaved rounds) on variants that each leave one thing out. Nothing in worker/ is changed: the
// variants are bundled from worker/src with esbuild into a temporary folder, with in-memory patches.
//
//   chunks   the deployed proxy and the pass-through when the stub sends its stream in other network chunks
//   shapes   pipelines of Web Streams on the same stub stream (bench/worker/shapes.mjs): the cost of one hop
//   stages   the proxy's stream without the stop-sequence hop, without the cache-collecting hop, without both
//   chat     the proxy's non-stream chat without Hono (bench/worker/direct-entry.mjs), and without the auth check
//
// Usage: node bench/worker/explain.mjs [--quick] [chunks|shapes|stages|chat ...]   (writes bench/results/worker-explain.json)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { checkBuilt, here, loadWrangler, passthroughWorker, proxyWorker, root, SCENARIOS, startWorkerd } from "./lib.mjs";
import { measure, median, verify } from "./measure.mjs";

const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const SECTIONS = ["chunks", "shapes", "stages", "chat"];
const wanted = args.filter((a) => SECTIONS.includes(a));
const want = (s) => wanted.length === 0 || wanted.includes(s);

const STREAM_PLAN = QUICK ? { rounds: 3, warmup: 4, perRound: 6 } : { rounds: 7, warmup: 10, perRound: 12 };
const CHAT_PLAN = QUICK ? { rounds: 3, warmup: 100, perRound: 150 } : { rounds: 7, warmup: 300, perRound: 400 };

const tmp = mkdtempSync(join(tmpdir(), "cf-ai-proxy-bench-"));

/** The proxy bundled from worker/src (or another entry), with `patches` = {fileSuffix: [[from, to], …]}. */
async function bundleVariant(name, { entry = join(root, "worker/src/index.ts"), patches = {}, define = {} } = {}) {
  const applied = new Set();
  const patchPlugin = {
    name: "bench-patches",
    setup(b) {
      b.onLoad({ filter: /worker[\\/]src[\\/].*\.ts$/ }, (loaded) => {
        const suffix = Object.keys(patches).find((s) => loaded.path.endsWith(s));
        if (!suffix) return undefined;
        let text = readFileSync(loaded.path, "utf8");
        for (const [from, to] of patches[suffix]) {
          const next = text.replace(from, to);
          if (next === text) throw new Error(`${name}: patch ${from} does not apply to ${suffix} any more`);
          text = next;
        }
        applied.add(suffix);
        return { contents: text, loader: "ts" };
      });
    },
  };
  const outfile = join(tmp, name, "index.js");
  mkdirSync(dirname(outfile), { recursive: true });
  // As wrangler bundles a worker: ESM, es2022, workerd conditions, names kept.
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    external: ["cloudflare:*", "node:*"],
    keepNames: true,
    define,
    plugins: [patchPlugin],
    logLevel: "error",
  });
  for (const suffix of Object.keys(patches)) if (!applied.has(suffix)) throw new Error(`${name}: ${suffix} was not bundled`);
  return outfile;
}

const STOP_HOP = /\n\s*\.pipeThrough\(stopFilter\(call\.sampling\.stop\)\)/;
const COLLECT_HOP = /\n\s*\.pipeThrough\(collectInto\([^\n]*\)\)\)?;/;

const ms = (n) => `${n.toFixed(3)} ms`;

function sectionTable(title, rows, reference) {
  const lines = [`### ${title}\n`, `| variant | CPU/request | min–max of rounds | system time | vs ${reference.label} |`, "| --- | ---: | ---: | ---: | ---: |"];
  for (const { label, m } of rows) {
    // Paired by round (measured one right after the other), like run.mjs.
    const diff = median(m.rounds.map((v, r) => v - reference.m.rounds[r]));
    lines.push(`| ${label} | ${ms(m.perRequestMs)} | ${m.minMs.toFixed(3)}–${m.maxMs.toFixed(3)} | ${Math.round(m.systemShare * 100)}% | ${m === reference.m ? "" : `${diff >= 0 ? "+" : ""}${diff.toFixed(3)} ms`} |`);
  }
  return lines.join("\n");
}

async function main() {
  checkBuilt();
  const { api, Miniflare } = loadWrangler();
  const proxyOptions = proxyWorker(api);
  const running = [];
  const start = async (options) => {
    const target = await startWorkerd(Miniflare, options);
    running.push(target);
    return target;
  };
  const results = {};
  const stream = SCENARIOS.stream;
  const withDirective = (directive) => ({ ...stream.body, messages: stream.body.messages.map((m, i, all) => (i === all.length - 1 ? { ...m, content: `${m.content} ${directive}` } : m)) });
  const path = "/v1/chat/completions";
  try {
    const proxy = await start(proxyOptions);
    const passthrough = await start(passthroughWorker(proxyOptions));

    if (want("chunks")) {
      process.stderr.write("chunks…\n");
      const subjects = [];
      for (const [key, body] of [["default", stream.body], ["event", withDirective("[[stub:chunk=event]]")], ["4096", withDirective("[[stub:chunk=4096]]")]]) {
        subjects.push({ key: `proxy/${key}`, target: proxy, path, body }, { key: `passthrough/${key}`, target: passthrough, path, body });
      }
      await verify(subjects, stream.expectedText, { sameWork: false });
      const m = await measure(subjects, STREAM_PLAN);
      results.chunks = m;
      const rows = [];
      for (const key of ["default", "event", "4096"]) {
        const label = key === "default" ? "default small chunks (~830 for 502 events)" : key === "event" ? "one SSE event per chunk (502)" : "4096-byte chunks (7)";
        const [p, b] = [m[`proxy/${key}`], m[`passthrough/${key}`]];
        const diff = median(p.rounds.map((v, r) => v - b.rounds[r]));
        const ratio = median(p.rounds.map((v, r) => v / b.rounds[r]));
        rows.push(`| ${label} | ${ms(p.perRequestMs)} | ${ms(b.perRequestMs)} | ${ms(diff)} | ${ratio.toFixed(2)}× |`);
      }
      console.log(["### Stream of 500 tokens: upstream network chunking\n", "| stub's chunks | proxy | pass-through | difference | ratio |", "| --- | ---: | ---: | ---: | ---: |", ...rows].join("\n") + "\n");
    }

    if (want("shapes")) {
      process.stderr.write("shapes…\n");
      const shapes = await start({ ...passthroughWorker(proxyOptions, { name: "shapes", scriptPath: join(here, "shapes.mjs") }) });
      const keys = ["/native", "/identity", "/bytes-1", "/bytes-4", "/events-4", "/fused-1", "/out-503", "/out-1"];
      const subjects = [
        { key: "proxy", target: proxy, path, body: stream.body },
        ...keys.map((k) => ({ key: k, target: shapes, path: k, body: stream.body, aiCalls: k.startsWith("/out") ? 0 : 1 })),
      ];
      await verify(subjects, stream.expectedText);
      const m = await measure(subjects, STREAM_PLAN);
      results.shapes = m;
      const label = {
        proxy: "the deployed proxy",
        "/native": "native pipe (the pass-through)",
        "/identity": "+ 1 TransformStream, no JS transform",
        "/bytes-1": "+ 1 TransformStream with a JS transform",
        "/bytes-4": "+ 4 TransformStreams with a JS transform",
        "/events-4": "proxy's shape, trivial work: 4 hops (bytes→events, 3 × events) + pull renderer",
        "/fused-1": "all of the proxy's stream work in 1 TransformStream",
        "/out-503": "no AI call: the proxy's answer as 503 chunks of a JS ReadableStream",
        "/out-1": "no AI call: the same bytes as 1 chunk",
      };
      console.log(sectionTable("Stream of 500 tokens: pipeline shapes on the same stub stream", subjects.map((s) => ({ label: label[s.key], m: m[s.key] })), { label: "native pipe", m: m["/native"] }) + "\n");
    }

    if (want("stages")) {
      process.stderr.write("stages…\n");
      const variants = {
        "from source": {},
        "without stop hop": { "worker/src/ai/text.ts": [[STOP_HOP, ""]] },
        "without collect hop": { "worker/src/ai/text.ts": [[COLLECT_HOP, ";"]] },
        "without both": { "worker/src/ai/text.ts": [[STOP_HOP, ""], [COLLECT_HOP, ";"]] },
      };
      const subjects = [{ key: "deployed", target: proxy, path, body: stream.body }];
      for (const [key, patches] of Object.entries(variants)) {
        const scriptPath = await bundleVariant(key.replace(/\W+/g, "-"), { patches });
        subjects.push({ key, target: await start(proxyWorker(api, { name: key.replace(/\W+/g, "-"), scriptPath })), path, body: stream.body });
      }
      subjects.push({ key: "pass-through", target: passthrough, path, body: stream.body });
      await verify(subjects, stream.expectedText);
      const m = await measure(subjects, STREAM_PLAN);
      results.stages = m;
      console.log(sectionTable("Stream of 500 tokens: the proxy's stages", subjects.map((s) => ({ label: s.key, m: m[s.key] })), { label: "from source", m: m["from source"] }) + "\n");
    }

    if (want("chat")) {
      process.stderr.write("chat…\n");
      const chat = SCENARIOS.chat;
      const entry = join(here, "direct-entry.mjs");
      const subjects = [{ key: "deployed", target: proxy, path, body: chat.body }];
      const variants = {
        "from source": { patches: {} },
        "without Hono": { entry, define: { BENCH_AUTH: "true" } },
        "without Hono and auth": { entry, define: { BENCH_AUTH: "false" } },
      };
      for (const [key, options] of Object.entries(variants)) {
        const name = key.replace(/\W+/g, "-");
        const scriptPath = await bundleVariant(name, options);
        subjects.push({ key, target: await start(proxyWorker(api, { name, scriptPath })), path, body: chat.body });
      }
      subjects.push({ key: "pass-through", target: passthrough, path, body: chat.body });
      await verify(subjects, chat.expectedText);
      const m = await measure(subjects, CHAT_PLAN);
      results.chat = m;
      console.log(sectionTable("Non-stream chat: the proxy without its router and auth", subjects.map((s) => ({ label: s.key, m: m[s.key] })), { label: "pass-through", m: m["pass-through"] }) + "\n");
    }
  } finally {
    await Promise.all(running.map((r) => r.mf.dispose().catch(() => {})));
    rmSync(tmp, { recursive: true, force: true });
  }
  const out = join(root, "bench/results/worker-explain.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ generatedBy: `node bench/worker/explain.mjs ${args.join(" ")}`.trim(), date: new Date().toISOString(), plans: { stream: STREAM_PLAN, chat: CHAT_PLAN }, results }, null, 2) + "\n");
  console.log(`Written to ${out}`);
}

await main();
