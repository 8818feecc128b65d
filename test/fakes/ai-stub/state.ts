// Module-level state of the stub (one isolate): the call log and forced failures.
import type { StubCallRecord, StubFailNext } from "./types";

interface Forced {
  model?: string;
  code: number;
  remaining: number;
}

let log: StubCallRecord[] = [];
let forced: Forced[] = [];

export function recordCall(model: string, inputs: unknown, options: unknown): StubCallRecord {
  const record: StubCallRecord = {
    seq: log.length + 1,
    model,
    inputs: jsonSafe(inputs),
    options: jsonSafe(options ?? null),
    at: Date.now(),
  };
  log.push(record);
  return record;
}

export function callLog(): StubCallRecord[] {
  return log.map((c) => ({ ...c, ...(c.stream ? { stream: { ...c.stream } } : {}) }));
}

export function forceFailures(spec: StubFailNext): void {
  if (!Number.isInteger(spec?.code)) throw new Error("ai-stub: failNext needs an integer code");
  const times = spec.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw new Error("ai-stub: failNext times must be a positive integer");
  forced.push({ model: spec.model, code: spec.code, remaining: times });
}

/** The code of the next forced failure for `model`, consuming it; undefined when none applies. */
export function takeForcedFailure(model: string): number | undefined {
  const f = forced.find((x) => x.remaining > 0 && (x.model === undefined || x.model === model));
  if (!f) return undefined;
  f.remaining--;
  forced = forced.filter((x) => x.remaining > 0);
  return f.code;
}

export function resetState(): void {
  log = [];
  forced = [];
}

const MAX_NUMBER_ARRAY = 64;

/** A JSON-safe deep copy; big binary payloads are summarised by length. */
export function jsonSafe(value: unknown, depth = 0): unknown {
  if (depth > 32) return "[too deep]";
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  if (value instanceof ArrayBuffer) return { $binary: "ArrayBuffer", length: value.byteLength };
  if (ArrayBuffer.isView(value)) return { $binary: value.constructor.name, length: value.byteLength };
  if (value instanceof ReadableStream) return { $stream: true };
  if (typeof AbortSignal !== "undefined" && value instanceof AbortSignal) return "[AbortSignal]";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    if (value.length > MAX_NUMBER_ARRAY && value.every((v) => typeof v === "number")) {
      return { $binary: "number[]", length: value.length };
    }
    return value.map((v) => jsonSafe(v, depth + 1) ?? null);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const safe = jsonSafe(v, depth + 1);
    if (safe !== undefined) out[k] = safe;
  }
  return out;
}

// The platform's state as tests change it at runtime: models retired since the snapshot, planned deprecation
// dates, the account's plan, and the prompt prefixes seen per x-session-affinity key (prompt caching).
let retired = new Map<string, string>();
let planned = new Map<string, string>();
let workersPaid = false;
let sessions = new Map<string, string[]>();

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function retireModel(model: string, date: string): void {
  if (!DATE.test(date)) throw new Error(`ai-stub: retireModel needs a YYYY-MM-DD date, got "${date}"`);
  retired.set(model, date);
}

export function restoreModel(model: string): void {
  retired.delete(model);
  planned.delete(model);
}

export function retiredOn(model: string): string | undefined {
  return retired.get(model);
}

export function planDeprecation(model: string, date: string): void {
  if (!DATE.test(date)) throw new Error(`ai-stub: planDeprecation needs a YYYY-MM-DD date, got "${date}"`);
  planned.set(model, date);
}

export function plannedDeprecation(model: string): string | undefined {
  return planned.get(model);
}

export function setWorkersPaid(paid: boolean): void {
  workersPaid = paid;
}

export function onWorkersPaid(): boolean {
  return workersPaid;
}

/**
 * Prompt caching: how many leading words of `words` the previous prompt of this session shared (0 without a
 * session key), remembering `words` as the session's latest prompt.
 */
export function cachedPrefix(session: string | undefined, words: string[]): number {
  if (!session) return 0;
  const before = sessions.get(session) ?? [];
  sessions.set(session, words);
  let n = 0;
  while (n < before.length && n < words.length && before[n] === words[n]) n++;
  return n;
}

/** Back to the snapshot: no runtime retirements or planned dates, Workers Free, no cached prompts. */
export function resetPlatform(): void {
  retired = new Map();
  planned = new Map();
  workersPaid = false;
  sessions = new Map();
}
