#!/usr/bin/env node
// Wall time of the deploy pipeline per stage, against the fake Cloudflare API, as a GitHub runner runs it
// (`node dist/index.js`, INPUT_* env, GITHUB_STEP_SUMMARY …), cold and warm, beside a bare `wrangler deploy`
// of the same patched worker against the same fake. Target (issue 5): warm full pipeline ≤ 1.5× the bare deploy.
//
//   node bench/pipeline/run.mjs            full run (≈ 1 min): cold ×3, warm ×5 interleaved with bare ×5
//   node bench/pipeline/run.mjs --quick    smoke run: cold ×1, warm ×2, bare ×2
//   options: --cold N  --warm N
//            --runner-layout  run a copy of action.yml + dist/ without node_modules, as the runner downloads the
//                             action: the cold run then installs wrangler into the tool cache (npm registry, slow)
//
// Prints a Markdown table and writes bench/results/pipeline.json. Needs no build: the fakes come from test/
// (bundled on the fly with esbuild); dist/index.js is run as it is committed.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { bundleModule, importFile, median, ROOT, sec, timed, WORLD_SOURCE, wranglerEnv } from "./lib.mjs";

const ENTRY = join(ROOT, "dist/index.js");
/** Set in main(): the runner's Node and the wranglers the tests use (test/helpers/toolchain.ts). */
let NODE = process.execPath;
let seed = () => {};
const TARGET_RATIO = 1.5;
const WORKER = "bench-proxy";

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const QUICK = flag("--quick");
/** Run a copy of the action as the runner downloads it (action.yml + dist/, no node_modules): cold runs then install wrangler into the tool cache from the npm registry. */
const RUNNER_LAYOUT = flag("--runner-layout");
const COLD_RUNS = option("--cold", QUICK || RUNNER_LAYOUT ? 1 : 3);
const WARM_RUNS = option("--warm", QUICK ? 2 : 5);

/** Every folder the bench makes is in here, removed when the process ends (also after a failure). */
const SCRATCH = mkdtempSync(join(tmpdir(), "bench-pipeline-"));
process.on("exit", () => rmSync(SCRATCH, { recursive: true, force: true }));

/** A job's folders, as the runner gives them: workspace, RUNNER_TEMP, RUNNER_TOOL_CACHE, HOME. */
function jobDirs(shared) {
  const dir = mkdtempSync(join(SCRATCH, "job-"));
  const dirs = {
    dir,
    workspace: join(dir, "workspace"),
    temp: join(dir, "temp"),
    toolCache: shared?.toolCache ?? join(dir, "tool-cache"),
    home: shared?.home ?? join(dir, "home"),
  };
  for (const d of [dirs.workspace, dirs.temp, dirs.toolCache, dirs.home]) mkdirSync(d, { recursive: true });
  return dirs;
}

/** Every input's default from action.yml, as the runner fills them in before the action starts. */
const actionDefaults = (() => {
  const yml = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8"));
  const out = {};
  for (const [name, spec] of Object.entries(yml.inputs))
    if (spec.default !== undefined) out[name] = spec.default === "${{ github.token }}" ? "ghs_bench" : String(spec.default);
  return out;
})();

const NETWORK_ENV = [
  "NODE_EXTRA_CA_CERTS",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "HTTPS_PROXY",
  "HTTP_PROXY",
  "NO_PROXY",
  "https_proxy",
  "http_proxy",
  "no_proxy",
];

/** One push deploy of the shipped proxy, as the runner runs it. */
async function runPipeline(world, { shared, entry = ENTRY, version } = {}) {
  const d = jobDirs(shared);
  if (!RUNNER_LAYOUT) seed(d.toolCache); // the installed wranglers, where the action looks for tool-cache installs
  const outputFile = join(d.dir, "output.txt");
  const summaryFile = join(d.dir, "summary.md");
  const eventFile = join(d.dir, "event.json");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  writeFileSync(eventFile, JSON.stringify(world.pushEvent.payload));
  const inputs = {
    ...actionDefaults,
    "api-token": world.cf.token,
    "account-id": world.cf.accountId,
    "github-token": world.gh.token,
    "smoke-test-url": world.edge.origin,
    "api-keys": world.apiKeys,
    "worker-name": WORKER,
    ...(version && { "wrangler-version": version }),
  };
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: d.home,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: "push",
    GITHUB_REPOSITORY: "octo-org/octo-repo",
    GITHUB_REPOSITORY_OWNER: "octo-org",
    GITHUB_SHA: world.pushEvent.payload.after,
    GITHUB_REF: "refs/heads/main",
    GITHUB_RUN_ID: "4242",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: world.gh.origin,
    GITHUB_WORKSPACE: d.workspace,
    RUNNER_TEMP: d.temp,
    RUNNER_TOOL_CACHE: d.toolCache,
    // Not set on a runner; here it keeps the bundles the action writes to the OS temp folder inside the job's folder.
    TMPDIR: d.temp,
    CLOUDFLARE_API_BASE_URL: world.cf.apiBase,
  };
  // The machine's own network setup (a runner has its own): npm needs it when a cold run installs wrangler.
  for (const key of NETWORK_ENV) if (process.env[key] !== undefined) env[key] = process.env[key];
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  const run = await timed(NODE, [entry], { cwd: d.workspace, env, cpu: true, timeoutMs: 600_000 });
  const summary = readFileSync(summaryFile, "utf8");
  const outputs = world.parseOutputFile(readFileSync(outputFile, "utf8"));
  if (run.code !== 0) throw new Error(`the pipeline failed (exit ${run.code}):\n${run.out.slice(-3000)}`);
  const wrangler = /^wrangler (\S+) \(([^)]+)\)/m.exec(run.out);
  return {
    ms: run.ms,
    cpuMs: run.cpuMs,
    stages: stagesOf(summary),
    parts: partsOf(run.lines),
    outputs,
    summary,
    dirs: d,
    wranglerSource: wrangler?.[2],
  };
}

/** The summary's Stages table: `| name | 1.23 s | ✅ detail |` → { name: ms }. */
function stagesOf(summary) {
  const section = summary.slice(summary.indexOf("### Stages"));
  const stages = {};
  for (const m of section.matchAll(/^\| ([a-z]+) \| (\d+\.\d\d) s \| (✅|❌)/gm)) stages[m[1]] = Math.round(Number(m[2]) * 1000);
  if (!Object.keys(stages).length) throw new Error(`no Stages table in the job summary:\n${summary}`);
  return stages;
}

/**
 * Parts of the run, from when the runner's log lines arrived: the process start until its first line (loading
 * dist/index.js); inside the contract stage the bundling child and the in-process load of wrangler's API (they
 * run side by side; "bundle: …" is logged when both are done), then config → Miniflare → workerd ready
 * ("running … against"), and the checks with workerd's disposal (the "✓" lines come after it).
 */
function partsOf(lines) {
  const first = (re) => lines.find((l) => re.test(l.line))?.at;
  const last = (re) => lines.findLast((l) => re.test(l.line))?.at;
  const at = {
    contract: first(/^::group::contract/),
    bundled: first(/^bundle: /),
    ready: first(/^running .* against http/),
    checked: last(/^[✓✗] /),
  };
  const span = (from, to) => (from === undefined || to === undefined ? undefined : Math.round(to - from));
  return {
    startUp: lines[0] ? Math.round(lines[0].at) : undefined,
    bundleAndApi: span(at.contract, at.bundled),
    workerdStart: span(at.bundled, at.ready),
    checks: span(at.ready, at.checked),
  };
}

/** `wrangler deploy` of the worker the pipeline patched (a copy of its config-path folder), as a user would run it in CI. */
async function bareDeploy(world, configDir, home, wranglerBin) {
  // The environment the action gives its own wrangler calls (no telemetry requests leave the machine).
  const env = wranglerEnv(home, {
    CLOUDFLARE_API_TOKEN: world.cf.token,
    CLOUDFLARE_ACCOUNT_ID: world.cf.accountId,
    CLOUDFLARE_API_BASE_URL: world.cf.apiBase,
  });
  const run = await timed(NODE, [wranglerBin, "deploy", "--config", join(configDir, "wrangler.jsonc")], { cwd: configDir, env, cpu: true });
  if (run.code !== 0) throw new Error(`bare wrangler deploy failed (exit ${run.code}):\n${run.out.slice(-3000)}`);
  return { ms: run.ms, cpuMs: run.cpuMs };
}

async function main() {
  const world$ = await importFile(await bundleModule("bench-pipeline-world", WORLD_SOURCE));
  const { startWorld, pushEvent, API_KEYS, parseOutputFile } = world$;
  NODE = world$.runnerNode();
  seed = world$.seedToolCache;
  const newWorld = async () => Object.assign(await startWorld(), { pushEvent, apiKeys: API_KEYS, parseOutputFile });
  const wranglers = Object.values(world$.WRANGLER_DIRS).map((dir) => ({
    dir,
    version: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version,
  }));
  const byVersion = {};
  for (const w of RUNNER_LAYOUT ? wranglers.slice(-1) : wranglers) byVersion[w.version] = await benchOne(newWorld, w);
  const out = join(ROOT, "bench/results/pipeline.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ generatedBy: `node bench/pipeline/run.mjs ${args.join(" ")}`.trim(), byVersion }, null, 2)}\n`);
  for (const results of Object.values(byVersion)) console.log(`${render(results)}\n`);
  console.log(`Written to ${out}`);
}

/** Cold runs, then warm runs interleaved with bare deploys, with one wrangler. */
async function benchOne(newWorld, wrangler) {
  const log = (line) => process.stderr.write(`[wrangler ${wrangler.version}] ${line}\n`);
  const wranglerBin = join(wrangler.dir, "bin/wrangler.js");
  const version = RUNNER_LAYOUT ? undefined : wrangler.version;
  const t0 = performance.now();
  const loadAtStart = loadavg()[0];

  let entry = ENTRY;
  if (RUNNER_LAYOUT) {
    const actionCopy = mkdtempSync(join(SCRATCH, "action-"));
    cpSync(join(ROOT, "action.yml"), join(actionCopy, "action.yml"));
    cpSync(join(ROOT, "dist"), join(actionCopy, "dist"), { recursive: true });
    entry = join(actionCopy, "dist/index.js");
  }

  // Cold: a fresh fake (no namespace, no worker) and fresh runner folders, every time.
  const cold = [];
  let world;
  for (let i = 0; i < COLD_RUNS; i++) {
    await world?.close();
    world = await newWorld();
    const run = await runPipeline(world, { entry, version });
    if (run.summary.match(/\| `CACHE` \| [^|]+ \| [^|]+ \| (\w+) \|/)?.[1] !== "created")
      throw new Error("a cold run should create the namespace");
    cold.push(run);
    log(`cold ${i + 1}/${COLD_RUNS}: ${sec(run.ms)} (wrangler from ${run.wranglerSource})`);
  }

  // Warm: the same worker again on the last cold run's fake (namespace and worker exist), with the runner's
  // tool cache and HOME kept between runs; interleaved with bare deploys so both see the same machine state.
  const shared = { toolCache: cold.at(-1).dirs.toolCache, home: cold.at(-1).dirs.home };
  const bareDir = mkdtempSync(join(SCRATCH, "bare-"));
  cpSync(dirname(cold.at(-1).outputs["config-path"]), join(bareDir, "worker"), { recursive: true });
  const bareHome = join(bareDir, "home");
  mkdirSync(bareHome);
  // One untimed bare deploy first: it creates wrangler's own state in its HOME and folder, as the warm runs had.
  await bareDeploy(world, join(bareDir, "worker"), bareHome, wranglerBin);
  const warm = [];
  const bare = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const run = await runPipeline(world, { shared, entry, version });
    if (!/\| `CACHE` \| [^|]+ \| [^|]+ \| found \|/.test(run.summary)) throw new Error("a warm run should find the namespace");
    warm.push(run);
    const b = await bareDeploy(world, join(bareDir, "worker"), bareHome, wranglerBin);
    bare.push(b);
    log(`warm ${i + 1}/${WARM_RUNS}: ${sec(run.ms)} (wrangler from ${run.wranglerSource})   bare wrangler deploy: ${sec(b.ms)}`);
  }
  const loadAfterRuns = loadavg()[0];

  const versions = world.cf.state.script(WORKER)?.versions.length;
  await world.close();

  return summarize({
    cold,
    warm,
    bare,
    elapsedMs: performance.now() - t0,
    versions,
    load: { atStart: loadAtStart, afterRuns: loadAfterRuns, atEnd: loadavg()[0] },
    wrangler: wrangler.version,
  });
}

const STAGE_ORDER = ["inputs", "plan", "preflight", "provision", "patch", "contract", "deploy", "smoke", "report"];
/** What the issue's target counts as the warm full pipeline. */
const TARGET_STAGES = ["provision", "patch", "contract", "deploy"];
const PARTS = {
  startUp: "process start → first log line (loading dist/index.js)",
  bundleAndApi: "contract: the bundle (the shipped proxy's own module: no wrangler) ∥ loading Miniflare, until both are done",
  workerdStart: "contract: config → Miniflare options → workerd ready",
  checks: "contract: the contract checks, then disposing workerd (the results are logged after it)",
};

function summarize({ cold, warm, bare, elapsedMs, versions, load, wrangler }) {
  const med = (runs, f) => median(runs.map(f));
  const fullOf = (r) => TARGET_STAGES.reduce((sum, s) => sum + (r.stages[s] ?? 0), 0);
  const of = (runs) => ({
    stages: Object.fromEntries(STAGE_ORDER.map((s) => [s, med(runs, (r) => r.stages[s])])),
    fullPipelineMs: med(runs, fullOf),
    processMs: med(runs, (r) => r.ms),
    processCpuMs: med(runs, (r) => r.cpuMs),
    parts: Object.fromEntries(Object.keys(PARTS).map((k) => [k, med(runs, (r) => r.parts[k])])),
  });
  const w = of(warm);
  const bareMs = med(bare, (b) => b.ms);
  const bareCpuMs = med(bare, (b) => b.cpuMs);
  const ratio = w.fullPipelineMs / bareMs;
  return {
    node: execFileSync(NODE, ["--version"], { encoding: "utf8" }).trim(),
    wrangler,
    cores: availableParallelism(),
    runs: { cold: cold.length, warm: warm.length, bare: bare.length },
    /** Where the action found wrangler: "action" = this checkout's node_modules; "tool-cache" = installed by a cold run (--runner-layout). */
    wranglerSource: { cold: [...new Set(cold.map((r) => r.wranglerSource))], warm: [...new Set(warm.map((r) => r.wranglerSource))] },
    elapsedMs: Math.round(elapsedMs),
    /** 1-minute load average: other work on the machine beside the bench stretches every wall time. */
    loadAverage: load,
    target: { ratio: TARGET_RATIO, stages: TARGET_STAGES, met: ratio <= TARGET_RATIO },
    median: { cold: of(cold), warm: w, bare: { ms: bareMs, cpuMs: bareCpuMs } },
    ratio: {
      warmFullPipelineOverBare: ratio,
      warmProcessOverBare: w.processMs / bareMs,
      /** CPU seconds of the whole process tree (dist/index.js + wrangler children + workerd) over the bare deploy's. */
      warmProcessCpuOverBareCpu: w.processCpuMs / bareCpuMs,
    },
    samples: {
      cold: cold.map((r) => ({ processMs: Math.round(r.ms), cpuMs: r.cpuMs && Math.round(r.cpuMs), stages: r.stages, parts: r.parts })),
      warm: warm.map((r) => ({ processMs: Math.round(r.ms), cpuMs: r.cpuMs && Math.round(r.cpuMs), stages: r.stages, parts: r.parts })),
      bare: bare.map((b) => ({ ms: Math.round(b.ms), cpuMs: b.cpuMs && Math.round(b.cpuMs) })),
    },
    ...(versions !== undefined ? { versionsAtTheFake: versions } : {}),
  };
}

function render(r) {
  const { cold, warm, bare } = r.median;
  const x = (n) => (n === undefined || Number.isNaN(n) ? "–" : `${n.toFixed(2)}×`);
  const lines = [
    `### Pipeline wall time (median; cold ×${r.runs.cold}, warm ×${r.runs.warm}, bare ×${r.runs.bare}; Node ${r.node}, wrangler ${r.wrangler}, ${r.cores} cores, load ${r.loadAverage.atStart.toFixed(1)}–${r.loadAverage.atEnd.toFixed(1)})`,
    "",
    "| stage | cold | warm |",
    "| --- | ---: | ---: |",
  ];
  for (const s of STAGE_ORDER)
    if (cold.stages[s] !== undefined || warm.stages[s] !== undefined)
      lines.push(`| ${s} | ${sec(cold.stages[s])} | ${sec(warm.stages[s])} |`);
  lines.push(
    `| **full pipeline** (${r.target.stages.join(" + ")}) | ${sec(cold.fullPipelineMs)} | **${sec(warm.fullPipelineMs)}** |`,
    `| whole process \`node dist/index.js\` | ${sec(cold.processMs)} | ${sec(warm.processMs)} |`,
    `| bare \`wrangler deploy\` (same patched worker, same fake) | | **${sec(bare.ms)}** |`,
    `| **warm full pipeline / bare deploy** (target ≤ ${r.target.ratio}×) | | **${x(r.ratio.warmFullPipelineOverBare)}** ${r.target.met ? "✅ met" : "❌ missed"} |`,
    `| warm whole process / bare deploy | | ${x(r.ratio.warmProcessOverBare)} |`,
  );
  if (warm.processCpuMs !== undefined) {
    lines.push(
      `| CPU time, whole process tree (bare deploy: ${sec(bare.cpuMs)}) | ${sec(cold.processCpuMs)} | ${sec(warm.processCpuMs)} (${x(r.ratio.warmProcessCpuOverBareCpu)}) |`,
    );
  }
  lines.push(
    "",
    `wrangler found by the action: cold runs ${r.wranglerSource.cold.join(", ")}, warm runs ${r.wranglerSource.warm.join(", ")} ("action": the action's own node_modules, i.e. this checkout's; "installed": npm-installed into the empty tool cache by this run; "tool-cache": found there from an earlier run).`,
  );
  lines.push(
    "",
    "Inside the runs (median, from when each log line reached the runner):",
    "",
    "| part | cold | warm |",
    "| --- | ---: | ---: |",
  );
  for (const [k, label] of Object.entries(PARTS)) lines.push(`| ${label} | ${sec(cold.parts[k])} | ${sec(warm.parts[k])} |`);
  lines.push("", `Bench time ${sec(r.elapsedMs)}.`);
  return lines.join("\n");
}

export { runPipeline, bareDeploy };
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
  process.exit(0); // nothing may linger (keep-alive sockets); the exit handler removes the scratch folder
}
