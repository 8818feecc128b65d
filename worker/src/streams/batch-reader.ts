// Readers that hand over everything that has arrived since the previous read, in one piece: the proxy then
// parses, renders and writes once per batch instead of once per network chunk.
//
// Why: in workerd every JavaScript read of a stream costs a few microseconds of runtime machinery, and a model's
// answer arrives in hundreds of small chunks (bench/worker: the 834 reads of a 500-token answer cost ~3.5 ms,
// more than parsing and rendering all of it). Native code can move those chunks without JavaScript: tee()
// buffers for one branch whatever the other has read, so one branch is drained natively and the other, ours,
// is read only when the proxy is ready to send, and then returns everything that came in meanwhile.

/** A source read in batches. */
export interface BatchReader<T> {
  /** What has arrived since the previous read, as one batch (waits until there is some); undefined at the end. */
  read(): Promise<T | undefined>;
  /** Stops the source (and whatever produces it: a cancelled Workers AI stream stops generating). */
  cancel(reason?: unknown): Promise<void>;
  /** Settles once the source has sent everything (the rest waits for the next reads), if the reader can tell. */
  readonly ended?: Promise<void>;
}

/** The most one read of a byte stream returns. */
const MAX_READ_BYTES = 64 * 1024;

/**
 * Bytes that arrived since the previous read, in one chunk. The upstream is teed: one branch is piped into an
 * IdentityTransformStream that `Response.arrayBuffer()` reads to its end, all of it inside the runtime, which
 * has the tee pull the upstream as fast as it sends; the other branch keeps what the proxy has not read yet.
 * A stream the runtime cannot pipe that way (one made in JavaScript, or an IdentityTransformStream's own) is
 * read chunk by chunk by a JavaScript loop instead, which hands over everything it has read at each read.
 * Cancelling cancels both branches, and so the upstream.
 */
export function coalescingReader(upstream: ReadableStream<Uint8Array>): BatchReader<Uint8Array> {
  if (!isByteStream(upstream)) return pump(upstream.getReader());
  const [drained, kept] = upstream.tee();
  const stopDraining = new AbortController();
  let drainFailed = false;
  const sink = new IdentityTransformStream();
  drained.pipeTo(sink.writable, { signal: stopDraining.signal }).catch(() => {
    drainFailed = true;
    drained.cancel().catch(() => {});
  });
  // Ended once the drain has read the upstream to its end (all of it then waits in the other branch), or, if the
  // drain could not run, once the loop that replaces it has.
  let markEnded!: () => void;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  new Response(sink.readable).arrayBuffer().then(
    () => markEnded(),
    () => {},
  );

  const byob = kept.getReader({ mode: "byob" });
  let pumped: BatchReader<Uint8Array> | undefined;
  let buffer = new ArrayBuffer(MAX_READ_BYTES);
  return {
    async read() {
      if (!pumped && drainFailed) {
        byob.releaseLock();
        pumped = pump(kept.getReader());
        pumped.ended!.then(markEnded);
      }
      if (pumped) return pumped.read();
      const { done, value } = await byob.read(new Uint8Array(buffer));
      if (done || !value) return undefined;
      buffer = value.buffer;
      return value.slice();
    },
    cancel(reason) {
      stopDraining.abort(reason);
      return (pumped ?? byob).cancel(reason);
    },
    ended,
  };
}

/** Streams from the runtime (fetch bodies, RPC) are byte streams; most made in JavaScript are not. */
function isByteStream(stream: ReadableStream<Uint8Array>): boolean {
  try {
    stream.getReader({ mode: "byob" }).releaseLock();
    return true;
  } catch {
    return false;
  }
}

/** A loop that reads every chunk as it comes; each read hands over all chunks read since the previous one. */
function pump(reader: ReadableStreamDefaultReader<Uint8Array>): BatchReader<Uint8Array> {
  const box = new Mailbox<Uint8Array>((reason) => void reader.cancel(reason).catch(() => {}));
  (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || !box.listening) break;
        box.put(value);
      }
      box.close();
    } catch (error) {
      box.fail(error);
    }
  })();
  return {
    async read() {
      const chunks = await box.read();
      return chunks ? concat(chunks) : undefined;
    },
    cancel: (reason) => box.cancel(reason),
    ended: box.ended,
  };
}

/**
 * A BatchReader fed by a producer that runs on its own: `put` items as they come, then `close` or `fail`;
 * every read takes all items put since the previous one. Cancelling drops what is unread and tells the producer.
 */
export class Mailbox<T> implements BatchReader<T[]> {
  private items: T[] = [];
  private closed = false;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;
  private whenTaken: (() => void)[] = [];
  private cancelled = false;
  private markEnded!: () => void;
  /** Settles when the producer has closed or failed the mailbox. */
  readonly ended = new Promise<void>((resolve) => (this.markEnded = resolve));

  constructor(private readonly onCancel: (reason: unknown) => void = () => {}) {}

  put(...items: T[]): void {
    if (this.cancelled) return;
    this.items.push(...items);
    this.notify();
  }

  /** Resolves once everything put so far has been read (at once if nobody listens any more). */
  taken(): Promise<void> {
    if (!this.items.length || this.cancelled) return Promise.resolve();
    return new Promise((resolve) => this.whenTaken.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.markEnded();
    this.notify();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.close();
  }

  get listening(): boolean {
    return !this.cancelled;
  }

  async read(): Promise<T[] | undefined> {
    while (!this.items.length && !this.closed) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.items.length) {
      const batch = this.items;
      this.items = [];
      this.release();
      return batch;
    }
    if (this.failure) throw this.failure.error;
    return undefined;
  }

  async cancel(reason?: unknown): Promise<void> {
    this.cancelled = true;
    this.items = [];
    this.release();
    this.onCancel(reason);
  }

  private release(): void {
    const waiting = this.whenTaken;
    this.whenTaken = [];
    for (const resolve of waiting) resolve();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** Chunks as one (the one itself when there is one). */
export function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
