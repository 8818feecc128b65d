#!/usr/bin/env node
// Storage operations per conversation turn, for each state backend, counted in Miniflare (the workerd that
// wrangler 4.86 runs) by wrappers around the worker's bindings; SQLite rows from the cursors' own counters.
// Prints a Markdown table and writes bench/results/state.json. Usage: node bench/state/run.mjs [turns]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import OpenAI from "openai";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const TURNS = Number(process.argv[2] ?? 10);
const API_KEY = "sk-bench";

/** Free plan, per day (docs/state.md cites them). */
const FREE_PLAN = {
  workerRequests: 100_000,
  doRequests: 100_000,
  doRowsWritten: 100_000,
  doRowsRead: 5_000_000,
  kvReads: 100_000,
  kvWrites: 1_000,
  kvDeletes: 1_000,
  kvLists: 1_000,
};
/** The KV read-modify-write design the issue measures against: 4 KV writes per turn → 1,000 / 4. */
const BASELINE_TURNS_PER_DAY = 250;

const bundle = async (entry, platform, external = []) =>
  (
    await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      format: "esm",
      platform,
      target: "es2022",
      write: false,
      external: ["cloudflare:*", "node:*", ...external],
      conditions: platform === "neutral" ? ["workerd", "worker", "browser"] : [],
      mainFields: ["module", "main"],
      logLevel: "error",
    })
  ).outputFiles[0].text;

async function loadScenarios() {
  const dir = join(root, "node_modules/.cache/cf-ai-proxy");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "bench-scenarios.mjs");
  writeFileSync(file, await bundle("bench/state/scenarios.ts", "node", ["openai"]));
  return import(pathToFileURL(file).href);
}

function miniflare(proxy, stub, stateStore) {
  return new Miniflare({
    workers: [
      {
        name: "proxy",
        modules: [{ type: "ESModule", path: "proxy.mjs", contents: proxy }],
        compatibilityDate: "2026-04-20",
        durableObjects: { STATE: { className: "StateObject", useSQLite: true } },
        kvNamespaces: ["CACHE", "STATE_KV"],
        serviceBindings: { AI: { name: "ai-stub", entrypoint: "AiStub" } },
        bindings: {
          API_KEYS: API_KEY,
          DEFAULT_AI_MODEL: "@cf/meta/llama-3.1-8b-instruct-fp8",
          ...(stateStore ? { STATE_STORE: stateStore } : {}),
        },
      },
      { name: "ai-stub", modules: [{ type: "ESModule", path: "ai-stub.mjs", contents: stub }], compatibilityDate: "2026-04-20" },
    ],
  });
}

function turnsPerDay(perTurn) {
  let best = Infinity;
  let limit = "";
  for (const [key, perDay] of Object.entries(FREE_PLAN)) {
    if (perTurn[key] > 0 && perDay / perTurn[key] < best) (best = perDay / perTurn[key]), (limit = key);
  }
  return { turnsPerDay: Math.floor(best), limitedBy: limit };
}

const round = (n) => Math.round(n * 100) / 100;

async function main() {
  const [proxy, stub, { SCENARIOS }] = await Promise.all([
    bundle("bench/state/entry.mjs", "neutral"),
    bundle("test/fakes/ai-stub/index.ts", "neutral"),
    loadScenarios(),
  ]);
  const results = [];
  for (const backend of ["durable-object", "kv"]) {
    const mf = miniflare(proxy, stub, backend === "kv" ? "kv" : undefined);
    try {
      const fetch = async (input, init) => {
        const response = await mf.dispatchFetch(String(input), init);
        return new Response(response.body, { status: response.status, headers: response.headers });
      };
      const client = new OpenAI({ apiKey: API_KEY, baseURL: "http://bench.local/v1", fetch, maxRetries: 0 });
      for (const scenario of SCENARIOS) {
        const perTurn = await measureInWorker(mf, client, scenario);
        results.push({ backend, scenario: scenario.id, title: scenario.title, turns: TURNS, perTurn, ...turnsPerDay(perTurn) });
      }
    } finally {
      await mf.dispose();
    }
  }
  const out = join(root, "bench/results/state.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        generatedBy: "node bench/state/run.mjs",
        turnsPerScenario: TURNS,
        freePlanPerDay: FREE_PLAN,
        baselineTurnsPerDay: BASELINE_TURNS_PER_DAY,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(table(results));
  console.log(`\nWritten to ${out}`);
}

/** Like measure() in scenarios.ts, with the counters kept inside the worker and read over HTTP. */
async function measureInWorker(mf, client, scenario) {
  const counters = async () => (await mf.dispatchFetch("http://bench.local/__bench/counters")).json();
  const settle = () => new Promise((r) => setTimeout(r, 100));
  const state = await scenario.setup(client);
  await scenario.turn(client, state, 0);
  await settle();
  await mf.dispatchFetch("http://bench.local/__bench/reset");
  for (let n = 1; n <= TURNS; n++) {
    const reply = await scenario.turn(client, state, n);
    if (reply !== `Echo: turn ${n}`) throw new Error(`${scenario.id}: turn ${n} answered ${JSON.stringify(reply)}`);
  }
  await settle();
  const total = await counters();
  return Object.fromEntries(Object.entries(total).map(([k, v]) => [k, round(v / TURNS)]));
}

function table(results) {
  const rows = [
    "| API shape | backend | worker req | DO req | DO rows read | DO rows written | KV reads | KV writes | KV lists | turns/day (Free) | limited by | vs 250 |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
  ];
  for (const r of results) {
    const p = r.perTurn;
    const x = (r.turnsPerDay / BASELINE_TURNS_PER_DAY).toFixed(r.turnsPerDay >= 2500 ? 0 : 1);
    rows.push(
      `| ${r.title} | ${r.backend} | ${p.workerRequests} | ${p.doRequests} | ${p.doRowsRead} | ${p.doRowsWritten} | ${p.kvReads} | ${p.kvWrites} | ${p.kvLists} | ${r.turnsPerDay.toLocaleString("en-US")} | ${r.limitedBy} | ${x}× |`,
    );
  }
  return rows.join("\n");
}

await main();
