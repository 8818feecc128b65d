// The measuring loop of run.mjs: N sequential requests between two readings of the
// workerd process's CPU time, several rounds, the median round.
import { setTimeout as sleep } from "node:timers/promises";
import { cpuBetween, cpuSnapshot } from "./cpu.mjs";
import { canonical, eventCount, replyText, send, sendAndRead } from "./lib.mjs";

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const round3 = (n) => Math.round(n * 1000) / 1000;

/** Settling before each reading: whatever a previous response left running (waitUntil, GC) finishes outside. */
const SETTLE_MS = 30;

async function measureWindow(target, path, bodyText, count) {
  await target.ai.reset(); // the stub's call log stays small (it would grow by one record per request)
  await sleep(SETTLE_MS);
  const before = cpuSnapshot(target.pid);
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < count; i++) bytes += await send(target.origin, path, bodyText);
  const wallMs = performance.now() - started;
  await sleep(SETTLE_MS);
  const used = cpuBetween(before, cpuSnapshot(target.pid));
  return {
    perRequestMs: used.ms / count,
    mainThreadPerRequestMs: used.mainMs / count,
    tickPerRequestMs: used.tickMs / count,
    systemShare: used.tickMs > 0 ? used.systemTickMs / used.tickMs : 0,
    threadsChanged: used.threadsChanged,
    wallPerRequestMs: wallMs / count,
    responseBytes: bytes / count,
  };
}

/**
 * One request to each subject ({key, target, path, body}), checked before anything is timed: the reply is the
 * expected text, the stub got exactly one call, and (with `sameWork`) every subject asked the stub for the same.
 */
export async function verify(subjects, expectedText, { sameWork = true } = {}) {
  const seen = {};
  for (const s of subjects) {
    await s.target.ai.reset();
    const answer = await sendAndRead(s.target.origin, s.path, JSON.stringify(s.body));
    const text = replyText(answer);
    if (text !== expectedText) throw new Error(`${s.key}: unexpected reply ${JSON.stringify(String(text).slice(0, 200))}`);
    const calls = await s.target.ai.calls();
    const expectedCalls = s.aiCalls ?? 1;
    if (calls.length !== expectedCalls) throw new Error(`${s.key}: ${calls.length} Workers AI calls for one request, expected ${expectedCalls}`);
    seen[s.key] = { model: calls[0]?.model, inputs: calls[0] && canonical(calls[0].inputs), events: eventCount(answer.text), bytes: answer.text.length };
  }
  if (sameWork) {
    const [first, ...rest] = subjects;
    for (const s of rest.filter((r) => (r.aiCalls ?? 1) > 0)) {
      const a = seen[first.key];
      const b = seen[s.key];
      if (a.model !== b.model || a.inputs !== b.inputs) {
        throw new Error(`the workers do not ask the stub for the same work:\n  ${first.key}: ${a.model} ${a.inputs}\n  ${s.key}: ${b.model} ${b.inputs}`);
      }
    }
  }
  return seen;
}

/**
 * Measures each subject for `rounds` windows of `perRound` requests after `warmup` requests; the order of the
 * subjects rotates from round to round so that none is always measured first.
 */
export async function measure(subjects, { warmup, perRound, rounds }) {
  for (const s of subjects) for (let i = 0; i < warmup; i++) await send(s.target.origin, s.path, JSON.stringify(s.body));
  const windows = Object.fromEntries(subjects.map((s) => [s.key, []]));
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < subjects.length; j++) {
      const s = subjects[(r + j) % subjects.length];
      windows[s.key].push(await measureWindow(s.target, s.path, JSON.stringify(s.body), perRound));
    }
  }
  return Object.fromEntries(Object.entries(windows).map(([key, list]) => [key, summarise(list, perRound)]));
}

function summarise(list, perRound) {
  const med = (field) => round3(median(list.map((w) => w[field])));
  return {
    perRequestMs: med("perRequestMs"),
    mainThreadPerRequestMs: med("mainThreadPerRequestMs"),
    tickPerRequestMs: med("tickPerRequestMs"),
    systemShare: Math.round(median(list.map((w) => w.systemShare)) * 100) / 100,
    minMs: round3(Math.min(...list.map((w) => w.perRequestMs))),
    maxMs: round3(Math.max(...list.map((w) => w.perRequestMs))),
    wallPerRequestMs: med("wallPerRequestMs"),
    responseBytes: Math.round(median(list.map((w) => w.responseBytes))),
    requestsPerRound: perRound,
    rounds: list.map((w) => round3(w.perRequestMs)),
    roundsWithThreadChanges: list.filter((w) => w.threadsChanged).length,
  };
}
