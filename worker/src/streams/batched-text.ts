// Text streamed to the client in batches. Every write and every wake-up of the Worker costs CPU (bench/worker
// measures ~0.1–0.3 ms of isolate CPU per wake-up, whatever is done in it), so a stream must wake the Worker once
// per write, not once per token. Two kinds of source:
// - a paced source (a Workers AI stream read by coalescingReader): its reads wait natively until about one flush
//   interval's worth of bytes has come, so what a read returns goes out at once: one wake-up per write, no timer;
// - any other: this driver writes what is ready at once when nothing was written for a while, and otherwise waits
//   until the flush interval after the previous write, reading nothing meanwhile (a BatchReader keeps what
//   arrives for the next read).
// The interval is `flushMs` at first and grows with the stream's age (flush.ts). Once the source has ended, the
// rest goes out at once with the closing frames. Reading is driven by the client: nothing is read ahead of what
// it has taken.
import { concat, type BatchReader } from "./batch-reader.js";
import { FLUSH_MS, flushInterval } from "./flush.js";

/**
 * A piece of the client's stream: text, or bytes already encoded (UTF-8) that the stream may keep: the pass-through
 * hands over what Workers AI sent without decoding and encoding it again.
 */
export type Piece = string | Uint8Array;

/** What a source turns into. */
export interface TextSteps<T> {
  /** What is sent before anything is read (may be empty). */
  start(): Piece;
  /** What one batch gives (often nothing). */
  item(batch: T): Piece;
  /** The closing piece, once the source has ended. */
  end(): Piece;
  /** Text that reports a failure of the source or of a step; the stream then ends. */
  error(error: unknown): string;
}

const encoder = new TextEncoder();

/** Pieces waiting for the next write, joined into one chunk when it is sent. */
class Pending {
  /** None of them empty. */
  private pieces: Piece[] = [];

  add(piece: Piece): void {
    if (piece.length) this.pieces.push(piece);
  }

  get empty(): boolean {
    return !this.pieces.length;
  }

  /** Everything added since the previous take, as one chunk (a single byte piece as it is); undefined if none. */
  take(): Uint8Array | undefined {
    const pieces = this.pieces;
    this.pieces = [];
    if (!pieces.length) return undefined;
    if (pieces.every((piece) => typeof piece === "string")) return encoder.encode(pieces.join(""));
    return concat(pieces.map((piece) => (typeof piece === "string" ? encoder.encode(piece) : piece)));
  }
}

export function batchedText<T>(source: BatchReader<T>, steps: TextSteps<T>, flushMs: number = FLUSH_MS): ReadableStream<Uint8Array> {
  const pending = new Pending();
  let started = false;
  let lastSent = -Infinity;
  const startedAt = Date.now();
  let open = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sourceEnded = false;
  const ended = source.ended?.then(() => void (sourceEnded = true));
  /** Waits `ms`, or less if the source ends meanwhile: then nothing more is coming to wait for. */
  const pause = async (ms: number) => {
    await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), ...(ended ? [ended] : [])]);
    clearTimeout(timer);
  };

  const send = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    const chunk = pending.take();
    if (chunk) controller.enqueue(chunk);
    lastSent = Date.now();
  };
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    open = false;
    send(controller);
    controller.close();
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          pending.add(steps.start());
        }
        for (;;) {
          // Once the source has ended, the rest is read and goes out with the closing frames, in one write. A
          // paced source has already waited the interval in its read: what it returned goes out at once.
          if (!pending.empty && !sourceEnded) {
            if (source.paced) return send(controller);
            const now = Date.now();
            const wait = lastSent + flushInterval(flushMs, now - startedAt) - now;
            if (wait > 0) await pause(wait);
            if (!open) return;
            if (!sourceEnded) return send(controller);
          }
          const batch = await source.read();
          if (!open) return;
          if (batch === undefined) {
            pending.add(steps.end());
            return finish(controller);
          }
          pending.add(steps.item(batch));
        }
      } catch (error) {
        if (!open) return;
        pending.add(steps.error(error));
        finish(controller);
        source.cancel(error).catch(() => {});
      }
    },
    cancel(reason) {
      open = false;
      clearTimeout(timer);
      return source.cancel(reason);
    },
  });
}
