#!/usr/bin/env node
// Two builds of the proxy worker against each other, measured at the same time: for a change too small for the
// full run (run.mjs), whose rows move by ±2 ms between runs with the machine. Each bundle runs in its own workerd,
// both on one Workers AI stub; every round sends the same paced streams to both at once and reads each process's
// isolate CPU (lock.mjs) over the round, so a slower moment of the machine slows both. Prints each bundle's isolate
// CPU per stream by round (absolute: the pass-through's share is not taken off) and the per-round difference
// b − a, whose median is the result. Run it once with the same bundle twice (an A/A run) to see its noise.
//
// Usage: node bench/worker/ab.mjs <pass|stop|native|responses> <bundle a> <bundle b>
//        env: WORDS (tokens a stream, 1000), ROUNDS (6), N (streams per bundle and round, 2)
// Build the two bundles with `npm run build` (dist/worker/index.js), copying each one out before the next build.
// Needs what lock.mjs needs: `perf`, and permission to sample (root, or kernel.perf_event_paranoid ≤ 1).
import { loadWrangler, PACED_KINDS, pacedRequest, proxyWorker, REMOTE_AI_BINDING, send, startStubServer, startWorkerd } from "./lib.mjs";
import { startLockSampler } from "./lock.mjs";

const [kind, ...bundles] = process.argv.slice(2);
const WORDS = Number(process.env.WORDS ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 6);
const N = Number(process.env.N ?? 2);
if (!PACED_KINDS.includes(kind) || bundles.length !== 2) {
  console.error(`usage: node bench/worker/ab.mjs <${PACED_KINDS.join("|")}> <bundle a> <bundle b>`);
  process.exit(2);
}

const { api, Miniflare } = loadWrangler();
const processes = [];
try {
  const stub = await startStubServer(Miniflare);
  processes.push(stub);
  const targets = [];
  for (const [i, scriptPath] of bundles.entries()) {
    const worker = proxyWorker(api, { ai: REMOTE_AI_BINDING, scriptPath, name: `proxy-${"ab"[i]}` });
    const target = await startWorkerd(Miniflare, worker, {}, { stubOrigin: stub.origin });
    processes.push(target);
    targets.push(target);
  }
  const stream = (target, words) => {
    const [path, body] = pacedRequest(kind, words);
    return send(target.origin, path, JSON.stringify(body));
  };
  // Warm both isolates (first-call compilation is not what is compared).
  for (const target of targets) for (let i = 0; i < 2; i++) await stream(target, 20);

  const perStream = bundles.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    const samplers = targets.map((target) => startLockSampler(target.pid));
    await Promise.all(samplers.map((s) => s.ready));
    // The streams of both bundles side by side, a few milliseconds apart so that their reads do not line up.
    await Promise.all(
      targets.flatMap((target) =>
        Array.from({ length: N }, (_, k) => new Promise((resolve) => setTimeout(resolve, k * 7)).then(() => stream(target, WORDS))),
      ),
    );
    const results = await Promise.all(samplers.map((s) => s.stop()));
    results.forEach((r, i) => perStream[i].push(Number((r.lockMs / N).toFixed(2))));
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  const differences = perStream[1].map((b, k) => Number((b - perStream[0][k]).toFixed(2)));
  console.log(`${kind}, ${WORDS} tokens at 50/s, ${ROUNDS} rounds × ${N} streams a bundle; isolate CPU per stream (ms):`);
  for (const [i, bundle] of bundles.entries())
    console.log(`  ${"ab"[i]}: ${bundle}\n     ${perStream[i].join("  ")}   median ${median(perStream[i])}`);
  console.log(`  b − a by round: ${differences.join("  ")}   median ${median(differences)}`);
} finally {
  for (const p of processes.reverse()) await p.mf.dispose().catch(() => {});
}
