// The KV backend keeps each object's tables as one JSON document under one key. KV has no transactions and
// no compare-and-swap, so this file does what can be done about concurrent writers:
// - within an isolate, operations on one document queue up and each batch is one read and one write (twenty
//   concurrent message creates become two writes, and none is lost);
// - the newest document this isolate wrote is kept and preferred to an older copy that KV may still serve
//   (read-your-writes here, even where KV's own cache lags);
// - a new object is never read before its first write, so no "not found" gets cached by KV;
// - a write refused for KV's one-write-per-second-per-key limit is retried after a pause.
// Writers in other isolates or locations can still overwrite each other: docs/state.md says so.
import { ApiError } from "../http/errors.js";
import { DocumentTables, type TableDocument } from "./document-tables.js";
import { capture, type Outcome } from "./op.js";
import { Signal } from "./signal.js";

const KEY_PREFIX = "state:";
/** Documents remembered per isolate for read-your-writes. */
const REMEMBERED = 512;
const WRITE_ATTEMPTS = 4;
/** KV values may be up to 25 MiB: a thread or conversation larger than that cannot be stored in KV. */
const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
const RATE_LIMIT_PAUSE_MS = 1100;

interface Job {
  fresh: boolean;
  fn: (tables: DocumentTables) => unknown;
  resolve(outcome: Outcome<unknown>): void;
  reject(error: unknown): void;
}

type Result = { outcome: Outcome<unknown> } | { error: unknown };

const emptyDocument = (): TableDocument => ({ version: 0, tables: {} });

export class KvDocuments {
  private readonly latest = new Map<string, TableDocument>();
  private readonly queues = new Map<string, Job[]>();
  private readonly signals = new Map<string, Signal>();
  private readonly working = new Map<string, number>();

  constructor(private readonly kv: KVNamespace) {}

  /** Resolves when this isolate next writes the object, or after `ms`. */
  async changed(object: string, ms: number): Promise<void> {
    let signal = this.signals.get(object);
    if (!signal) this.signals.set(object, (signal = new Signal()));
    await signal.wait(ms);
    if (signal.idle) this.signals.delete(object);
  }

  /** Runs and responses of this object being worked on in this isolate. */
  isWorking = (object: string) => this.working.has(object);
  setWorking(object: string, delta: 1 | -1): void {
    const count = (this.working.get(object) ?? 0) + delta;
    if (count > 0) this.working.set(object, count);
    else this.working.delete(object);
  }

  /**
   * Runs `fn` on the object's current document after the operations queued before it, and answers once what it
   * changed is written. `fresh`: the object is new, so nothing is read first.
   */
  run<R>(object: string, fn: (tables: DocumentTables) => R, fresh = false): Promise<Outcome<R>> {
    return new Promise<Outcome<R>>((resolve, reject) => {
      const job: Job = { fresh, fn, resolve: resolve as Job["resolve"], reject };
      const queue = this.queues.get(object);
      if (queue) return void queue.push(job);
      this.queues.set(object, [job]);
      void this.drain(object);
    });
  }

  private async drain(object: string): Promise<void> {
    const queue = this.queues.get(object)!;
    while (queue.length) {
      const jobs = queue.splice(0);
      try {
        const source = jobs.every((job) => job.fresh) ? (this.latest.get(object) ?? emptyDocument()) : await this.read(object);
        const doc = structuredClone(source);
        const tables = new DocumentTables(doc);
        const results = jobs.map((job) => attempt(job, tables, jobs.length > 1));
        if (tables.dirty) {
          doc.version = source.version + 1;
          await this.write(object, doc);
          this.remember(object, doc);
          this.signals.get(object)?.notify();
        }
        jobs.forEach((job, i) => {
          const result = results[i];
          if ("outcome" in result) job.resolve(result.outcome);
          else job.reject(result.error);
        });
      } catch (error) {
        for (const job of jobs) job.reject(error);
      }
    }
    this.queues.delete(object);
  }

  private async read(object: string): Promise<TableDocument> {
    let stored: TableDocument | null;
    try {
      stored = await this.kv.get<TableDocument>(KEY_PREFIX + object, "json");
    } catch (error) {
      throw new ApiError(
        503,
        `The KV state store could not be read: ${(error as Error).message}`,
        "server_error",
        null,
        "state_unavailable",
      );
    }
    const mine = this.latest.get(object);
    if (mine && (!stored || mine.version >= stored.version)) return mine;
    return stored ?? { version: 0, tables: {} };
  }

  private async write(object: string, doc: TableDocument): Promise<void> {
    const empty = Object.values(doc.tables).every((rows) => Object.keys(rows).length === 0);
    const text = empty ? "" : JSON.stringify(doc);
    if (text.length > MAX_DOCUMENT_BYTES / 3 && new TextEncoder().encode(text).length > MAX_DOCUMENT_BYTES) {
      // Each project has its own documents (project.ts), so this limit is per project: one client fills only its own.
      const what = object.endsWith("assistants") ? "This project's assistants have" : "This thread or conversation has";
      throw new ApiError(
        413,
        `${what} grown too large for one KV value (25 MiB); delete some, or use the Durable Object backend.`,
        "invalid_request_error",
        null,
        "state_too_large",
      );
    }
    for (let attempt = 1; ; attempt++) {
      try {
        if (empty) await this.kv.delete(KEY_PREFIX + object);
        else await this.kv.put(KEY_PREFIX + object, text);
        return;
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        if (attempt < WRITE_ATTEMPTS && /429|too many requests|rate limit/i.test(message)) {
          await new Promise((resolve) => setTimeout(resolve, RATE_LIMIT_PAUSE_MS * attempt));
          continue;
        }
        throw new ApiError(503, `The KV state store refused the write: ${message}`, "server_error", null, "state_unavailable");
      }
    }
  }

  private remember(object: string, doc: TableDocument): void {
    this.latest.delete(object);
    this.latest.set(object, doc);
    if (this.latest.size > REMEMBERED) this.latest.delete(this.latest.keys().next().value!);
  }
}

/** Runs one job; if it fails, the document is put back as it was (or, alone in its batch, not written at all). */
function attempt(job: Job, tables: DocumentTables, batched: boolean): Result {
  const before = batched ? structuredClone(tables.doc.tables) : undefined;
  const wasDirty = tables.dirty;
  const undo = () => {
    if (before) tables.doc.tables = before;
    tables.dirty = before ? wasDirty : false;
  };
  try {
    const outcome = capture(() => job.fn(tables));
    if (!outcome.ok) undo();
    return { outcome };
  } catch (error) {
    undo();
    return { error };
  }
}
