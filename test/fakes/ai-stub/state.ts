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
  const record: StubCallRecord = { seq: log.length + 1, model, inputs: jsonSafe(inputs), options: jsonSafe(options ?? null), at: Date.now() };
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
