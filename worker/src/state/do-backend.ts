// The worker's side of the Durable Object backend: an object's name picks its Durable Object; ApiErrors thrown
// inside come back as data and are thrown again here.
import type { InvokeOptions, Session, StartOptions, StateBackend } from "./backend.js";
import type { Answer, RunSession, StateObject } from "./durable-object.js";
import { unwrap } from "./op.js";
import type { OpArgs, OpName, OpResult } from "./registry.js";

/** The RPC surface of StateObject as the worker calls it. */
interface StateStub {
  invoke(op: OpName, args: unknown, waitMs?: number): Promise<Answer>;
  start(op: OpName, args: unknown, abandon?: unknown): Promise<{ answer: Answer; session: (RunSessionStub & Disposable) | null }>;
}
type RunSessionStub = Pick<RunSession, "finish">;

export class DurableObjectBackend implements StateBackend {
  readonly name = "durable-object";

  constructor(private readonly namespace: DurableObjectNamespace<StateObject>) {}

  private stub(object: string): StateStub {
    return this.namespace.get(this.namespace.idFromName(object)) as unknown as StateStub;
  }

  async invoke<N extends OpName>(object: string, op: N, args: OpArgs<N>, options: InvokeOptions = {}): Promise<OpResult<N>> {
    const answer = await this.stub(object).invoke(op, args, options.waitMs ?? 0);
    return unwrap(answer.outcome) as OpResult<N>;
  }

  async start<N extends OpName>(
    object: string,
    op: N,
    args: OpArgs<N>,
    options: StartOptions = {},
  ): Promise<{ value: OpResult<N>; session: Session }> {
    const { answer, session } = await this.stub(object).start(op, args, options.abandon);
    const value = unwrap(answer.outcome) as OpResult<N>;
    const remote = session!;
    return {
      value,
      session: {
        finish: async (finishOp, finishArgs) => unwrap((await remote.finish(finishOp, finishArgs)).outcome) as never,
        close: () => remote[Symbol.dispose](),
      },
    };
  }
}
