// Counting wrappers for the state store's bindings, shared by the cost test (test/worker/state-cost.test.ts)
// and the bench (bench/state/run.mjs): the counts come from the bindings themselves, not from estimates.
// Typed structurally, so that it checks both as worker code and as Node code (the root tsconfig).

export interface Counters {
  /** Requests into the worker. */
  workerRequests: number;
  /** Billed Durable Object requests: each RPC method call on a namespace stub (calls on a session it returned are free). */
  doRequests: number;
  /** Calls on such sessions (finishing a run or a response), not billed as requests. */
  doSessionCalls: number;
  doRowsRead: number;
  doRowsWritten: number;
  kvReads: number;
  kvWrites: number;
  kvDeletes: number;
  kvLists: number;
}

export const newCounters = (): Counters => ({
  workerRequests: 0,
  doRequests: 0,
  doSessionCalls: 0,
  doRowsRead: 0,
  doRowsWritten: 0,
  kvReads: 0,
  kvWrites: 0,
  kvDeletes: 0,
  kvLists: 0,
});

type Answer = { rows?: { rowsRead: number; rowsWritten: number } };

function addRows(counters: Counters, answer: Answer | undefined): void {
  counters.doRowsRead += answer?.rows?.rowsRead ?? 0;
  counters.doRowsWritten += answer?.rows?.rowsWritten ?? 0;
}

type Stub = Record<string, (...args: unknown[]) => Promise<any>>;

/** A Durable Object namespace whose stubs count requests and the rows each answer reports. */
export function countingNamespace<T>(namespace: T, counters: Counters): T {
  const target = namespace as unknown as { get(id: unknown): Stub; idFromName(name: string): unknown };
  const get = (id: unknown) => {
    const stub = target.get(id);
    return {
      invoke: async (...args: unknown[]) => {
        counters.doRequests++;
        const answer = await stub.invoke(...args);
        addRows(counters, answer);
        return answer;
      },
      start: async (...args: unknown[]) => {
        counters.doRequests++;
        const started = await stub.start(...args);
        addRows(counters, started.answer);
        const session = started.session;
        if (!session) return started;
        return {
          answer: started.answer,
          session: {
            finish: async (...finishArgs: unknown[]) => {
              counters.doSessionCalls++;
              const answer = await session.finish(...finishArgs);
              addRows(counters, answer);
              return answer;
            },
            [Symbol.dispose]: () => session[Symbol.dispose](),
          },
        };
      },
    };
  };
  return { get, idFromName: (name: string) => target.idFromName(name) } as unknown as T;
}

type KvMethod = "get" | "getWithMetadata" | "put" | "delete" | "list";

/** A KV namespace that counts reads, writes, deletes and lists. */
export function countingKv<T extends object>(kv: T, counters: Counters): T {
  const target = kv as unknown as Record<KvMethod, (...args: unknown[]) => unknown>;
  const counted =
    (method: KvMethod) =>
    (...args: unknown[]) => {
      if (method === "get" || method === "getWithMetadata") counters.kvReads++;
      else if (method === "put") counters.kvWrites++;
      else if (method === "delete") counters.kvDeletes++;
      else counters.kvLists++;
      return target[method](...args);
    };
  return {
    get: counted("get"),
    getWithMetadata: counted("getWithMetadata"),
    put: counted("put"),
    delete: counted("delete"),
    list: counted("list"),
  } as unknown as T;
}
