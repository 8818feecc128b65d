// Readers that hand over, in one piece, what has arrived since the previous read: the proxy then parses, renders
// and writes once per batch instead of once per network chunk.
//
// Why: in workerd every time JavaScript runs for a request costs runtime machinery (bench/worker: ~0.1–0.3 ms of
// isolate CPU per wake-up on its machine), and a model's answer arrives in hundreds of small chunks, one every
// 10–30 ms. Native code can gather those chunks without JavaScript: `readAtLeast` (coalescingReader).
import { bytesToWaitFor, FLUSH_MS, MAX_READ_BYTES } from "./flush.js";

/** A source read in batches. */
export interface BatchReader<T> {
  /**
   * Whether a read itself waits for about one flush interval's worth of the source (coalescingReader on a runtime
   * stream): then the writer sends what it returns at once instead of timing its writes.
   */
  readonly paced?: boolean;
  /** What has arrived since the previous read, as one batch (waits until there is some); undefined at the end. */
  read(): Promise<T | undefined>;
  /**
   * The same, once at least `bytes` have come (or the source has ended), not an interval's worth (a paced reader's
   * reads wait for that): for a consumer that needs the next bytes as soon as they come, before its first write.
   * A reader without it takes `read`.
   */
  readAtLeast?(bytes: number): Promise<T | undefined>;
  /** Stops the source (and whatever produces it: a cancelled Workers AI stream stops generating). */
  cancel(reason?: unknown): Promise<void>;
  /** Settles once the source has sent everything (the rest waits for the next reads), if the reader can tell. */
  readonly ended?: Promise<void>;
}

/** A stream's read buffer at first; it doubles when a read wants more (a 1,000-token answer never needs it). */
const FIRST_READ_BYTES = 64 * 1024;

/**
 * A runtime stream (a Workers AI answer) read with `readAtLeast(n)`: the runtime gathers the upstream's chunks,
 * natively, until `n` bytes have come (or the stream ends), and only then wakes JavaScript. `n` is what the
 * upstream sends in one flush interval (flush.ts: 50 ms at first, growing with the stream's age), from the rate it
 * has sent at so far; the first two reads take whatever comes, so the first token goes out at once. So a stream
 * wakes the Worker once per write, never per network chunk, and nothing keeps running between reads: no tee, no
 * timer, no drain. The upstream keeps flowing because a read is always pending while the client takes what it is
 * sent. The price: when the model pauses mid-answer, what came before the pause (less than one interval's worth)
 * waits for what comes after it, or for the end.
 *
 * bench/worker, isolate CPU of a 200-token stream paced at 20 ms: the tee + drain + timed reads this replaced
 * cost 10.9 ms, a native pipe 1.2 ms; reading with readAtLeast is within about one wake-up a write of the pipe.
 * A stream made in JavaScript (which has no byte reader) is read chunk by chunk by a loop instead, which hands
 * over everything it has read at each read. Cancelling cancels the upstream: a client that hangs up stops the
 * model.
 *
 * Batches are text (UTF-8, a character split between two reads is held back for the next): every consumer reads
 * the stream as text, and decoding straight from the read buffer lets one buffer serve every read, with no copy.
 */
export function coalescingReader(upstream: ReadableStream<Uint8Array>, flushMs: number = FLUSH_MS): BatchReader<string> {
  return decoded(byteBatches(upstream, flushMs));
}

/**
 * The same reads as bytes, for a consumer that passes them on as they came (streams/openai-chunks.ts): decoding
 * and encoding again would cost CPU and memory for every byte. A batch is valid until the next read: a runtime
 * stream's reads all use one buffer, so a consumer that keeps bytes copies them.
 */
export function byteBatches(upstream: ReadableStream<Uint8Array>, flushMs: number = FLUSH_MS): BatchReader<Uint8Array> {
  return isByteStream(upstream) ? readingAtLeast(upstream, flushMs) : pump(upstream.getReader());
}

/**
 * The runtime stream's reads: each batch is a view into the one read buffer, valid until the next read
 * (`decoded` takes it at once).
 */
function readingAtLeast(upstream: ReadableStream<Uint8Array>, flushMs: number): BatchReader<Uint8Array> {
  const reader = upstream.getReader({ mode: "byob" });
  // workerd's extension; a runtime without it reads what has come, as a standard BYOB read does.
  const hasReadAtLeast = typeof reader.readAtLeast === "function";
  const readAtLeast = hasReadAtLeast
    ? (min: number, view: Uint8Array<ArrayBuffer>) => reader.readAtLeast(min, view)
    : (_min: number, view: Uint8Array<ArrayBuffer>) => reader.read(view);
  /**
   * readAtLeast returns fewer bytes than asked only when the stream has ended: then the reader says so at once,
   * and does not wake the Worker once more for a read that would only say `done`.
   */
  let atEnd = false;
  let markEnded!: () => void;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const startedAt = Date.now();
  let firstAt: number | undefined;
  let bytesSinceFirst = 0;
  let buffer = new ArrayBuffer(FIRST_READ_BYTES);
  const wanted = () => {
    const now = Date.now();
    return bytesToWaitFor(flushMs, { ageMs: now - startedAt, sinceFirstMs: now - (firstAt ?? now), bytesSinceFirst });
  };
  const read = async (want: number) => {
    if (atEnd) return undefined;
    if (want > buffer.byteLength) buffer = new ArrayBuffer(Math.min(MAX_READ_BYTES, 2 ** Math.ceil(Math.log2(want))));
    const { done, value } = await readAtLeast(want, new Uint8Array(buffer));
    if (done || !value) {
      markEnded();
      return undefined;
    }
    if (hasReadAtLeast && value.byteLength < want) {
      atEnd = true;
      markEnded();
    }
    if (firstAt === undefined) firstAt = Date.now();
    else bytesSinceFirst += value.byteLength;
    buffer = value.buffer;
    return value;
  };
  return {
    paced: true,
    read: () => read(wanted()),
    readAtLeast: (bytes) => read(Math.max(1, bytes)),
    cancel: (reason) => reader.cancel(reason),
    ended,
  };
}

/**
 * A byte reader's batches as text; a read of only part of a character has nothing to hand over yet. `utf8` may
 * come with bytes already decoded from the same source (and the start of a character they ended with).
 */
export function decoded(source: BatchReader<Uint8Array>, utf8: TextDecoder = new TextDecoder()): BatchReader<string> {
  let finished = false;
  return {
    paced: source.paced,
    async read() {
      for (;;) {
        if (finished) return undefined;
        const batch = await source.read();
        if (batch === undefined) {
          finished = true;
          return utf8.decode() || undefined;
        }
        const text = utf8.decode(batch, { stream: true });
        if (text) return text;
      }
    },
    cancel: (reason) => source.cancel(reason),
    ended: source.ended,
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
