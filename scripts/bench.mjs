#!/usr/bin/env node
// `npm run bench`: the worker's CPU per request and isolate entries per stream, the state store's cost per turn,
// the pipeline's wall time per stage, the neurons a typical chat request costs. Each writes its numbers to bench/results/<name>.json and
// prints its table; `--quick` runs less.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./local-config.mjs";

const quick = process.argv.includes("--quick");
const benches = [
  ["worker CPU per request", "bench/worker/run.mjs", quick ? ["--quick"] : []],
  ["isolate entries per stream", "bench/worker/wakes.mjs", quick ? ["pass"] : []],
  ["state store cost per turn", "bench/state/run.mjs", quick ? ["3"] : []],
  ["pipeline wall time per stage", "bench/pipeline/run.mjs", quick ? ["--quick"] : []],
  ["neurons per chat request", "bench/neurons/run.mjs", []],
  ["usage accounting cost", "bench/usage/run.mjs", quick ? ["3"] : []],
];
let failed = 0;
for (const [title, script, args] of benches) {
  console.log(`\n## ${title}\n`);
  const result = spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    console.error(`${script} failed (exit ${result.status})`);
  }
}
process.exit(failed ? 1 : 0);
