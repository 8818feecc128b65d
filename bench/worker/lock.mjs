// The closest offline reading of Cloudflare's `cpuTime`: CPU time that workerd's main thread spends holding an
// isolate's lock. workerd runs JavaScript only inside `Worker::Lock` (entered through `IoContext::run…` for a
// request, a timer, an I/O completion or an RPC call); the native pumps that move a stream from Workers AI to the
// client, its HTTP parsing and socket writes run outside the lock, and a limit on the isolate's CPU does not
// see them. So: `perf record` samples the main thread's call stacks (cpu-clock, frame pointers: the workerd
// binary is built with them and ships its symbols) while requests run, and every sample whose stack holds the
// lock is isolate time. This needs `perf` (Debian: `apt-get install linux-perf`) and a kernel that lets this
// user sample the process (root, or kernel.perf_event_paranoid ≤ 1); without them the bench says so and reports
// the thread's CPU alone.
//
// What it cannot tell apart: isolates of one process (Miniflare's entry worker, the AI binding's forwarder, a
// Durable Object of the same script): the bench subtracts a pass-through worker measured the same way, which
// has the same entry worker and forwarder. RPC calls received by an isolate (a Durable Object method, the
// forwarder's `run`) and the construction of a Durable Object (which workerd runs inside the caller's first call
// to it) are reported apart as `rpcMs`, since a Durable Object's CPU is not its caller's on Cloudflare.
import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Samples per second of CPU time (cpu-clock): 0.25 ms a sample, enough for 1 ms differences over a round. */
const HZ = 4000;
/** perf needs a moment to attach before it samples anything. */
const ATTACH_MS = 250;

const IN_LOCK = /workerd::Worker::Lock|workerd::IoContext::run|runInLockScope/;
const RPC_ENTRY = /IoContext::run<workerd::api::JsRpcTargetBase|JsRpcSessionCustomEvent|DurableObject.*::run|workerd::Worker::Actor::Actor/;

let files = 0;
let available;

/** Whether `perf` is installed and may sample `pid` here (checked once, by sampling it for a moment). */
export async function lockSamplingWorks(pid) {
  if (available !== undefined) return available;
  if (spawnSync("perf", ["--version"], { stdio: "ignore" }).status !== 0) {
    available = { ok: false, why: "`perf` is not installed (Debian: apt-get install linux-perf)" };
    return available;
  }
  const sampler = startLockSampler(pid);
  await sampler.ready;
  // The process is idle: one sample or none is fine, an error is not.
  await sleep(200);
  try {
    await sampler.stop();
    available = { ok: true };
  } catch (error) {
    available = { ok: false, why: `perf cannot sample workerd here: ${String(error.message ?? error).split("\n")[0]}` };
  }
  return available;
}

/**
 * Starts sampling the main thread of `pid`; `stop()` ends it and returns the CPU time sampled in total, under an
 * isolate lock, and under a lock entered for a received RPC call, in milliseconds. `keepAs` keeps perf's data file
 * there (to read the stacks with `perf script -i`); otherwise it is deleted.
 */
export function startLockSampler(pid, keepAs) {
  const file = keepAs ?? join(tmpdir(), `cf-ai-proxy-bench-${process.pid}-${pid}-${files++}.perf`);
  const child = spawn("perf", ["record", "-q", "-e", "cpu-clock", "-F", String(HZ), "-g", "-t", String(pid), "-o", file], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return {
    ready: sleep(ATTACH_MS),
    async stop() {
      child.kill("SIGINT");
      const { code, signal } = await exited;
      try {
        if (!existsSync(file)) throw new Error(`perf record wrote nothing (exit ${code ?? signal}): ${stderr.trim()}`);
        return classify(await perfScript(file));
      } finally {
        if (!keepAs && existsSync(file)) unlinkSync(file);
      }
    },
  };
}

function perfScript(file) {
  return new Promise((resolve, reject) =>
    execFile("perf", ["script", "-i", file, "-F", "period,ip,sym"], { maxBuffer: 1 << 30 }, (error, stdout, stderr) =>
      error ? reject(new Error(`perf script: ${stderr || error.message}`)) : resolve(stdout),
    ),
  );
}

/** Per sample (blank-line separated: the period, then one frame a line, innermost first). */
export function classify(text) {
  let totalNs = 0;
  let lockNs = 0;
  let rpcNs = 0;
  let samples = 0;
  for (const sample of text.split("\n\n")) {
    const period = /^\s*(\d+)/.exec(sample);
    if (!period) continue;
    const ns = Number(period[1]);
    samples++;
    totalNs += ns;
    if (!IN_LOCK.test(sample)) continue;
    lockNs += ns;
    if (RPC_ENTRY.test(sample)) rpcNs += ns;
  }
  return { samples, sampledMs: totalNs / 1e6, lockMs: lockNs / 1e6, rpcMs: rpcNs / 1e6 };
}
