// Every operation a stored object can run, by name: the Durable Object and the KV backend both run them
// from here, so the two backends cannot drift apart.
import { assistantOps } from "../assistants/assistant-ops.js";
import { isTransient, type Run } from "../assistants/objects.js";
import { runOps } from "../assistants/run-ops.js";
import { threadOps } from "../assistants/thread-ops.js";
import { responseOps } from "../responses/response-ops.js";
import type { Op } from "./op.js";

export const OPS = { ...assistantOps, ...threadOps, ...runOps, ...responseOps };

export type OpName = keyof typeof OPS;
export type OpArgs<N extends OpName> = (typeof OPS)[N] extends Op<infer A, unknown> ? A : never;
export type OpResult<N extends OpName> = (typeof OPS)[N] extends Op<never, infer R> ? R : never;

/** Results a poller may wait on (a run still queued or in progress). */
export function isPending(op: OpName, result: unknown): boolean {
  return op === "runs.get" && isTransient((result as Run).status);
}

export function runOp<N extends OpName>(
  op: N,
  tables: Parameters<Op<unknown, unknown>>[0],
  args: OpArgs<N>,
  ctx: Parameters<Op<unknown, unknown>>[2],
): OpResult<N> {
  if (!Object.hasOwn(OPS, op)) throw new Error(`Unknown state operation: ${op}`);
  return (OPS[op] as Op<OpArgs<N>, OpResult<N>>)(tables, args, ctx);
}
