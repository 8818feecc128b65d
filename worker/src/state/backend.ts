// The state store: named objects ("thread:<key>", "resp:<key>", "assistants"), each running the operations
// of registry.ts. Two backends implement it: the Durable Object (default) and KV.
import type { OpArgs, OpName, OpResult } from "./registry.js";

/** An operation with its arguments, to run later. */
export type Call = { [N in OpName]: { op: N; args: OpArgs<N> } }[OpName];

/**
 * An operation that started something another operation will finish (a run, a response): `finish` belongs to
 * the same Durable Object session (no second billed request). Closing a session that never finished runs
 * `abandon` (e.g. marks the run failed) instead of leaving it in progress forever.
 */
export interface Session {
  finish<N extends OpName>(op: N, args: OpArgs<N>): Promise<OpResult<N>>;
  close(): void;
}

export interface StartOptions {
  abandon?: Call;
  /**
   * KV only: write nothing until `finish`, then write both in one go (one KV write per streamed turn). Readers
   * see nothing of it meanwhile; a stream that dies leaves nothing behind. The Durable Object ignores it.
   */
  defer?: boolean;
}

export interface InvokeOptions {
  /** When the result is a run still in progress and something is running it, wait up to this long for it to stop. */
  waitMs?: number;
  /** The object is new (its id was just made): there is nothing to read first. */
  fresh?: boolean;
}

export interface StateBackend {
  readonly name: "durable-object" | "kv";
  invoke<N extends OpName>(object: string, op: N, args: OpArgs<N>, options?: InvokeOptions): Promise<OpResult<N>>;
  start<N extends OpName>(
    object: string,
    op: N,
    args: OpArgs<N>,
    options?: StartOptions & InvokeOptions,
  ): Promise<{ value: OpResult<N>; session: Session }>;
}

export const objectName = {
  assistants: "assistants",
  thread: (key: string) => `thread:${key}`,
  responses: (key: string) => `resp:${key}`,
};
