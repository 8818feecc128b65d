// The measuring loop of run.mjs. The measure: CPU time of the main thread of a worker's workerd process (where
// workerd runs every isolate, its HTTP server and its stream pumps; the Workers AI stub runs in a process of its
// own), read from /proc/<pid>/task/<pid>/schedstat before and after requests, per request. The proxy and the
// native pass-through are measured in the same stretch of time, each in its own process, and compared round by
// round: proxy − pass-through is the proxy's own CPU above what workerd spends to move the same answer natively.
import { setTimeout as sleep } from "node:timers/promises";
import { cpuSnapshot } from "./cpu.mjs";
import { send, sendAndRead } from "./lib.mjs";
import { startLockSampler } from "./lock.mjs";

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const round3 = (n) => Math.round(n * 1000) / 1000;

/** Settling before each reading: whatever a previous response left running (waitUntil, GC) finishes outside. */
const SETTLE_MS = 30;

/**
 * Main-thread CPU (ms) of `target` while `requests` ([path, bodyText]) run one after the other, or in `lanes`
 * loops side by side, each starting `staggerMs` after the previous (several paced streams at once: more samples
 * in the same wall time). With `lock` (lock.mjs works here), also the part of it spent under an isolate lock
 * (`lockMs`) and in received RPC calls (`rpcMs`), sampled by perf over the same window.
 */
export async function mainThreadMs(target, requests, { lanes = 1, staggerMs = 7, lock = false } = {}) {
  await sleep(SETTLE_MS);
  const sampler = lock ? startLockSampler(target.pid) : undefined;
  await sampler?.ready;
  const before = cpuSnapshot(target.pid);
  const started = performance.now();
  const lane = async (i) => {
    await sleep(i * staggerMs);
    for (let r = i; r < requests.length; r += lanes) await send(target.origin, requests[r][0], requests[r][1]);
  };
  await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i)));
  const wallMs = performance.now() - started;
  await sleep(SETTLE_MS);
  const after = cpuSnapshot(target.pid);
  const sampled = await sampler?.stop();
  return {
    main: (after.mainNs - before.mainNs) / 1e6,
    all: (after.ns - before.ns) / 1e6,
    wallMs,
    lock: sampled?.lockMs,
    rpc: sampled?.rpcMs,
  };
}

const repeat = (n, request) => Array.from({ length: n }, () => request);

/**
 * `rounds` windows of `perRound` requests for each side ({target, path, body}), both sides at the same time (each
 * in its own process; within a side one after the other, or in `lanes` side by side). Per request: the main thread's CPU, the whole
 * process's, the wall time; and per round the difference proxy − pass-through.
 */
export async function measurePair(proxy, passthrough, { rounds, perRound, lanes = 1, lock = false }) {
  const windows = [];
  for (let r = 0; r < rounds; r++) {
    const [p, b] = await Promise.all(
      [proxy, passthrough].map((side) =>
        mainThreadMs(side.target, repeat(perRound, [side.path, JSON.stringify(side.body)]), { lanes, lock }),
      ),
    );
    windows.push({ proxy: per(p, perRound, lanes), passthrough: per(b, perRound, lanes) });
  }
  const med = (pick) => round3(median(windows.map(pick)));
  const diffs = windows.map((w) => w.proxy.main - w.passthrough.main);
  const lockDiffs = lock ? windows.map((w) => w.proxy.lock - w.passthrough.lock) : undefined;
  const rpcDiffs = lock ? windows.map((w) => w.proxy.rpc - w.passthrough.rpc) : undefined;
  // The Worker's own: without its Durable Objects' side (on Cloudflare an object's CPU is not its caller's).
  const workerDiffs = lock ? lockDiffs.map((d, i) => d - rpcDiffs[i]) : undefined;
  return {
    ...(lockDiffs && {
      lock: {
        proxyMs: med((w) => w.proxy.lock),
        passthroughMs: med((w) => w.passthrough.lock),
        ownMs: round3(median(lockDiffs)),
        ownMinMs: round3(Math.min(...lockDiffs)),
        ownMaxMs: round3(Math.max(...lockDiffs)),
        ownRpcMs: round3(median(rpcDiffs)),
        workerMs: round3(median(workerDiffs)),
        workerMinMs: round3(Math.min(...workerDiffs)),
        workerMaxMs: round3(Math.max(...workerDiffs)),
      },
    }),
    proxyMs: med((w) => w.proxy.main),
    passthroughMs: med((w) => w.passthrough.main),
    ownMs: round3(median(diffs)),
    ownMinMs: round3(Math.min(...diffs)),
    ownMaxMs: round3(Math.max(...diffs)),
    proxyProcessMs: med((w) => w.proxy.all),
    passthroughProcessMs: med((w) => w.passthrough.all),
    proxyWallMs: med((w) => w.proxy.wallMs),
    passthroughWallMs: med((w) => w.passthrough.wallMs),
    rounds: windows.map((w) => ({ proxy: round3(w.proxy.main), passthrough: round3(w.passthrough.main) })),
  };
}

/** Per request; the wall time of one request, whose lanes ran side by side. */
const per = (m, n, lanes) => ({
  main: m.main / n,
  all: m.all / n,
  wallMs: (m.wallMs * lanes) / n,
  lock: m.lock === undefined ? undefined : m.lock / n,
  rpc: m.rpc === undefined ? undefined : m.rpc / n,
});

/** One request to each side, read to the end and parsed by `replyText`: both must give the same reply text. */
export async function verifyPair(proxy, passthrough, replyText) {
  const [p, b] = await Promise.all(
    [proxy, passthrough].map((side) => sendAndRead(side.target.origin, side.path, JSON.stringify(side.body))),
  );
  const [pt, bt] = [replyText(p), replyText(b)];
  if (!bt || pt !== bt)
    throw new Error(
      `proxy and pass-through differ:\n  proxy: ${JSON.stringify(String(pt).slice(0, 200))}\n  pass-through: ${JSON.stringify(String(bt).slice(0, 200))}`,
    );
  return {
    replyChars: pt.length,
    proxyEvents: p.text.split("\n").filter((l) => l.startsWith("data: ")).length,
    passthroughEvents: b.text.split("\n").filter((l) => l.startsWith("data: ")).length,
    proxyStreamPath: p.streamPath,
  };
}
