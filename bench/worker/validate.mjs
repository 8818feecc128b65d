#!/usr/bin/env node
// Validates the bench's measure of a worker's own CPU (main-thread CPU of its workerd process, the stub in
// another process, minus the same request without the work): a known workload is added to the pass-through
// worker (`?spin=N`, N steps of a fixed arithmetic loop), calibrated with a long spin where everything else is
// negligible, and read back from short spins — alone, and at the start of a paced stream, where the stream's idle
// wake-ups add their noise. Prints the expected and measured values; run.mjs embeds the same check.
//
// Usage: node bench/worker/validate.mjs [--quick]
import { checkBuilt, loadWrangler, passthroughWorker, proxyWorker, REMOTE_AI_BINDING, startStubServer, startWorkerd } from "./lib.mjs";
import { lockSamplingWorks } from "./lock.mjs";
import { mainThreadMs, median, round3 } from "./measure.mjs";

const repeat = (n, request) => Array.from({ length: n }, () => request);

/** Nanoseconds per spin step, from long spins against the same request without one. */
export async function calibrate(target, { steps = 100_000_000, count = 3, rounds = 3 } = {}) {
  const perStep = [];
  for (let r = 0; r < rounds; r++) {
    const spun = await mainThreadMs(target, repeat(count, [`/floor?spin=${steps}`, "{}"]));
    const plain = await mainThreadMs(target, repeat(count, ["/floor", "{}"]));
    perStep.push(((spun.main - plain.main) * 1e6) / (steps * count));
  }
  return { nsPerStep: median(perStep), rounds: perStep };
}

/**
 * Reads back `expectedMs` of spin added to `request` ([path, body]): per round, `count` requests with the spin and
 * `count` without, alternating which goes first; the median difference per request, and each round's.
 */
export async function readBack(target, request, nsPerStep, expectedMs, { count, rounds, lock = false }) {
  const steps = Math.round((expectedMs * 1e6) / nsPerStep);
  const sep = request[0].includes("?") ? "&" : "?";
  const spun = [`${request[0]}${sep}spin=${steps}`, request[1]];
  const diffs = [];
  const lockDiffs = [];
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 === 0;
    const a = await mainThreadMs(target, repeat(count, first ? spun : request), { lock });
    const b = await mainThreadMs(target, repeat(count, first ? request : spun), { lock });
    diffs.push((first ? a.main - b.main : b.main - a.main) / count);
    if (lock) lockDiffs.push((first ? a.lock - b.lock : b.lock - a.lock) / count);
  }
  const summary = (values) => {
    const measured = median(values);
    return {
      expectedMs,
      measuredMs: round3(measured),
      errorPercent: Math.round(((measured - expectedMs) / expectedMs) * 1000) / 10,
      rounds: values.map(round3),
    };
  };
  return { ...summary(diffs), ...(lock && { lock: summary(lockDiffs) }) };
}

/** The checks run.mjs reports: calibration, 0.5 ms on a non-stream request, 5 ms on a paced 200-token stream. */
export async function validate(target, { quick, lock = false }) {
  const calibration = await calibrate(target);
  const body = (content, extra = {}) =>
    JSON.stringify({ model: "@cf/zai-org/glm-4.7-flash", messages: [{ role: "user", content }], max_tokens: 1024, ...extra });
  const chat = ["/v1/chat/completions", body("Hi")];
  const paced = ["/v1/chat/completions", body("[[stub:words=200]] [[stub:chunk=event]] [[stub:pace=20]]", { stream: true })];
  return {
    nsPerStep: round3(calibration.nsPerStep),
    calibrationRounds: calibration.rounds.map((v) => round3(v)),
    nonStream: await readBack(target, chat, calibration.nsPerStep, 0.5, { count: quick ? 20 : 40, rounds: quick ? 3 : 7, lock }),
    pacedStream: await readBack(target, paced, calibration.nsPerStep, 5, { count: 1, rounds: quick ? 2 : 4, lock }),
  };
}

async function main() {
  checkBuilt();
  const { api, Miniflare } = loadWrangler();
  const stub = await startStubServer(Miniflare);
  const passthrough = await startWorkerd(
    Miniflare,
    passthroughWorker(proxyWorker(api), { ai: REMOTE_AI_BINDING }),
    {},
    { stubOrigin: stub.origin },
  );
  try {
    const lock = (await lockSamplingWorks(passthrough.pid)).ok;
    console.log(JSON.stringify(await validate(passthrough, { quick: process.argv.includes("--quick"), lock }), null, 2));
  } finally {
    await Promise.all([passthrough.mf.dispose(), stub.mf.dispose()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
