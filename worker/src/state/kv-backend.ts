// The KV backend: the same operations as the Durable Object, each on the object's document (kv-documents.ts).
import type { InvokeOptions, Session, StartOptions, StateBackend } from "./backend.js";
import { KvDocuments } from "./kv-documents.js";
import { createContext, unwrap } from "./op.js";
import { isPending, runOp, type OpArgs, type OpName, type OpResult } from "./registry.js";
import { settle } from "./signal.js";
import { DocumentTables } from "./document-tables.js";

/** One set of documents per namespace and isolate: the read-your-writes memory and the write queues. */
const byNamespace = new WeakMap<KVNamespace, KvDocuments>();

export class KvBackend implements StateBackend {
  readonly name = "kv";
  private readonly documents: KvDocuments;

  constructor(kv: KVNamespace) {
    let documents = byNamespace.get(kv);
    if (!documents) byNamespace.set(kv, (documents = new KvDocuments(kv)));
    this.documents = documents;
  }

  private async apply<N extends OpName>(object: string, op: N, args: OpArgs<N>, fresh = false): Promise<OpResult<N>> {
    return unwrap(await this.documents.run(object, (tables) => runOp(op, tables, args, createContext()), fresh));
  }

  invoke<N extends OpName>(object: string, op: N, args: OpArgs<N>, options: InvokeOptions = {}): Promise<OpResult<N>> {
    const once = () => this.apply(object, op, args, options.fresh);
    if (!options.waitMs) return once();
    return settle(
      once,
      (result) => isPending(op, result),
      options.waitMs,
      (ms) => this.documents.changed(object, ms),
      () => this.documents.isWorking(object),
    );
  }

  async start<N extends OpName>(
    object: string,
    op: N,
    args: OpArgs<N>,
    options: StartOptions & InvokeOptions = {},
  ): Promise<{ value: OpResult<N>; session: Session }> {
    if (options.defer) return this.startDeferred(object, op, args, options.fresh);
    const value = await this.apply(object, op, args, options.fresh);
    this.documents.setWorking(object, 1);
    let open = true;
    const end = () => {
      const wasOpen = open;
      if (open) this.documents.setWorking(object, -1);
      open = false;
      return wasOpen;
    };
    return {
      value,
      session: {
        // Still "working" until the finish is written, so a poll holding for this run does not give up early.
        finish: (finishOp, finishArgs) => this.apply(object, finishOp, finishArgs).finally(end),
        close: () => {
          if (end() && options.abandon)
            void this.apply(object, options.abandon.op as OpName, options.abandon.args as never).catch(() => {});
        },
      },
    };
  }

  /** Runs the start on a copy (nothing written), remembering its ids and clock; `finish` replays it and writes once. */
  private async startDeferred<N extends OpName>(
    object: string,
    op: N,
    args: OpArgs<N>,
    fresh = false,
  ): Promise<{ value: OpResult<N>; session: Session }> {
    const ctx = createContext();
    const value = unwrap(
      await this.documents.run(object, (tables) => runOp(op, new DocumentTables(structuredClone(tables.doc)), args, ctx), fresh),
    );
    return {
      value,
      session: {
        finish: async (finishOp, finishArgs) =>
          unwrap(
            await this.documents.run(
              object,
              (tables) => {
                runOp(op, tables, args, createContext(ctx.tape));
                return runOp(finishOp, tables, finishArgs, createContext());
              },
              fresh,
            ),
          ),
        close: () => {},
      },
    };
  }
}
