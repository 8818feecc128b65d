// An operation on one stored object: a synchronous function of its tables, so the Durable Object can run it
// in one SQLite transaction and the KV backend on one document. Time and randomness come from the context,
// which can record them and play them back: the KV backend replays a deferred operation with the same ids.
import { ApiError, type ErrorType } from "../http/errors.js";
import { orderedKey, randomChars } from "./ids.js";
import type { Tables } from "./tables.js";

export interface OpContext {
  /** Milliseconds, fixed for the whole operation. */
  readonly now: number;
  /** Unix seconds, as the API's `created_at` fields are. */
  readonly seconds: number;
  /** A new key that sorts after every key of `table`. */
  key(tables: Tables, table: string): string;
  random(length: number): string;
}

export type Op<A, R> = (tables: Tables, args: A, ctx: OpContext) => R;

/** What the context handed out, in order; given back to `createContext`, it hands out the same again. */
export interface Tape {
  now: number;
  values: string[];
}

export function createContext(replay?: Tape): OpContext & { tape: Tape } {
  const now = replay?.now ?? Date.now();
  const tape: Tape = { now, values: [] };
  let position = 0;
  const next = (make: () => string) => {
    const value = replay && position < replay.values.length ? replay.values[position] : make();
    position++;
    tape.values.push(value);
    return value;
  };
  return {
    now,
    seconds: Math.floor(now / 1000),
    key: (tables, table) => next(() => orderedKey(now, tables.table(table).lastKey())),
    random: (length) => next(() => randomChars(length)),
    tape,
  };
}

/** ApiErrors cross the RPC boundary as plain data and are rebuilt on the other side. */
export interface ErrorData {
  status: number;
  message: string;
  type: ErrorType;
  param: string | null;
  code: string | null;
}

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: ErrorData };

export function capture<R>(run: () => R): Outcome<R> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ok: false, error: { status: error.status, message: error.message, type: error.type, param: error.param, code: error.code } };
  }
}

export function unwrap<R>(outcome: Outcome<R>): R {
  if (outcome.ok) return outcome.value;
  const e = outcome.error;
  throw new ApiError(e.status, e.message, e.type, e.param, e.code);
}
