// Text streamed to the client in batches. In workerd every chunk written to a response costs far more CPU than
// producing its text (bench/worker: a 500-token answer arrives in 834 network chunks; writing each of them back
// out cost the proxy ~35 ms of CPU, reading, parsing and rendering all of them ~3 ms), and so does every wake-up
// of a paced stream. So this driver writes what is ready at once when nothing was written for a while, and
// otherwise waits until the flush interval after the previous write, reading nothing meanwhile (a BatchReader
// keeps what arrives for the next read). The interval is `flushMs` at first and grows with the stream's age
// (flushInterval). The first frames and a token after a pause go out without delay; a burst goes out as one
// chunk per interval, each token at most 2 intervals after it arrived; once the source has ended, the rest goes
// out at once with the closing frames. Reading is driven by the client: nothing is read ahead of what it has taken.
import type { BatchReader } from "./batch-reader.js";

/** What a source turns into, as text. */
export interface TextSteps<T> {
  /** Text sent before anything is read (may be empty). */
  start(): string;
  /** Text for one batch (often empty). */
  item(batch: T): string;
  /** Closing text, once the source has ended. */
  end(): string;
  /** Text that reports a failure of the source or of a step; the stream then ends. */
  error(error: unknown): string;
}

/**
 * Shortest time between two writes of a burst, in milliseconds (STREAM_FLUSH_MS overrides it): at most 20 writes a
 * second, which still reads as smooth typing, while a model generating 50 tokens a second costs 2 to 3 times
 * fewer writes (bench/worker measures both kinds of stream).
 */
export const FLUSH_MS = 50;

/**
 * A long stream's writes spread out as it goes: the time between two writes is at least the stream's age divided
 * by FLUSH_GROWTH, up to FLUSH_CAP × flushMs (500 ms by default, reached after 4 s). Every write wakes the Worker
 * and costs CPU, and Workers Free allows 10 ms per request: at 50 ms a 1,000-token answer generated at 50 tokens a
 * second took 400 writes; spread out it takes about 60, while the first second still reads as smooth typing.
 */
export const FLUSH_GROWTH = 8;
export const FLUSH_CAP = 10;

/** The shortest time between two writes `ageMs` after the stream started. */
export function flushInterval(flushMs: number, ageMs: number): number {
  if (flushMs <= 0) return 0;
  return Math.min(Math.max(flushMs, ageMs / FLUSH_GROWTH), flushMs * FLUSH_CAP);
}

const encoder = new TextEncoder();

export function batchedText<T>(source: BatchReader<T>, steps: TextSteps<T>, flushMs: number = FLUSH_MS): ReadableStream<Uint8Array> {
  let pending: string | undefined;
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
    if (pending) controller.enqueue(encoder.encode(pending));
    pending = "";
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
        pending ??= steps.start();
        for (;;) {
          // Once the source has ended, the rest is read and goes out with the closing frames, in one write.
          if (pending && !sourceEnded) {
            const now = Date.now();
            const wait = lastSent + flushInterval(flushMs, now - startedAt) - now;
            if (wait > 0) await pause(wait);
            if (!open) return;
            if (!sourceEnded) return send(controller);
          }
          const batch = await source.read();
          if (!open) return;
          if (batch === undefined) {
            pending += steps.end();
            return finish(controller);
          }
          pending += steps.item(batch);
        }
      } catch (error) {
        if (!open) return;
        pending = (pending ?? "") + steps.error(error);
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
