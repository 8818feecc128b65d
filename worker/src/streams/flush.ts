// How often a stream wakes the Worker: the schedule shared by the reader of Workers AI's stream (batch-reader.ts)
// and the writer of the client's (batched-text.ts). Every wake-up costs CPU, and Workers Free allows 10 ms per
// request; bench/worker measures ~0.1–0.3 ms of isolate CPU per wake-up on its machine, whatever it does then.

/**
 * Shortest time between two writes of a burst, in milliseconds (STREAM_FLUSH_MS overrides it): at most 20 writes a
 * second at first, which still reads as smooth typing.
 */
export const FLUSH_MS = 50;

/**
 * A long stream's writes spread out as it goes: the time between two writes is at least twice the stream's age (each
 * write brings twice as much as everything written before it), up to FLUSH_CAP × flushMs (2 s by default, reached
 * after 1 s). A 1,000-token answer generated at 50 tokens a second takes 12 writes: the first token at once, then
 * pieces at 50 ms, 0.15 s and 0.45 s, which read as typing, then pieces three times as large each time until they
 * are 2 s apart, and from 6 s on further apart still. The schedule is set by the CPU limit of Workers Free (10 ms a
 * request), where each write costs about 0.1–0.3 ms of isolate CPU on bench/worker's machine:
 * - an eighth of the age, at most 1 s (the first schedule): 45 writes for that answer, 13.5 ms passed through;
 * - half of the age, at most 2 s: 20 writes; bench/worker/ab.mjs measured the age (next) 2.4 ms lower (median of
 *   8 rounds), most of it in the first two seconds, when writes were 1.5 × the age apart;
 * - the age (the one before this): 15 writes; twice the age, with a third of it past 6 s (below), measured 0.5 ms
 *   lower in ab.mjs (16 rounds × 4 streams, 13 rounds lower) and 38–39 isolate entries a stream instead of 43–44.
 * By then the reader is far behind the model anyway (50 tokens a second is ten times reading speed), so writes
 * 2 s apart change what is on screen, not what is read; the first words still come with the first token.
 *
 * Past FLUSH_LONG × the cap (6 s by default) the interval keeps growing, at a third of the age (4 s apart at
 * 12 s, 6.7 s at 20 s, 20 s at a minute): a stream's writes then grow with the logarithm of its length instead of
 * its length. By the schedule's arithmetic: 12 writes for 20 s, 14 for 41 s (2,048 tokens at 50 a second), 16 for
 * a minute, 18 for two (27, 37 and 67 with a fixed 2 s cap), then one every 30 s (FLUSH_MAX_MS). Each write costs
 * CPU; a fixed cap let a long enough stream pass Free's 10 ms whatever the proxy did per write. A quarter of the age
 * past 8 s (before this) wrote 15 times in 20 s; a sixth past 12 s before that, 16.
 */
export const FLUSH_GROWTH = 2;
export const FLUSH_CAP = 40;
export const FLUSH_LONG = 3;

/**
 * The longest the schedule lets a stream go quiet, whatever its age (reached at 90 s): intermediaries close an
 * HTTP response that sends nothing for a while (nginx's proxy_read_timeout and many load balancers: 60 s), and a
 * client cut off there sees a stream that just stops. Half of 60 s. It costs a long stream two writes a minute
 * past 90 s: 24 writes for five minutes instead of 21.
 */
export const FLUSH_MAX_MS = 30_000;

/** The shortest time between two writes `ageMs` after the stream started. */
export function flushInterval(flushMs: number, ageMs: number): number {
  if (flushMs <= 0) return 0;
  const cap = Math.max(flushMs * FLUSH_CAP, ageMs / FLUSH_LONG);
  return Math.min(Math.max(flushMs, ageMs * FLUSH_GROWTH), cap, FLUSH_MAX_MS);
}

/**
 * The most one read of a byte stream waits for (streams/batch-reader.ts): late in a long stream reads are seconds
 * apart, and an OpenAI-shaped model sends about 20 KB a second (Workers AI repeats the usage on every chunk).
 */
export const MAX_READ_BYTES = 1024 * 1024;

/**
 * How many bytes the next read waits for: what the upstream sends in one flush interval, at the rate it has sent at
 * since its first read (`bytesSinceFirst` over `sinceFirstMs`); 1 (whatever comes) until there is a rate.
 *
 * The rate is never taken from a window shorter than half the interval it predicts: over a shorter one a read
 * waits for twice what has come so far, at most. A model often sends its first tokens in a burst (the network, or
 * a server that batches the first chunks), and a burst measured over 1 ms read as a rate 20 times the real one:
 * the next read then waited for a second's worth of tokens, not 50 ms' worth, and the client's first words stalled
 * for a second (bench/worker, a 1,000-token stream at 50 a second: the second write at 1,009 ms instead of 31 ms
 * in 2 of 4 runs). Reading too little early costs a write or two more; too much, a stall the client sees.
 */
export function bytesToWaitFor(flushMs: number, { ageMs, sinceFirstMs, bytesSinceFirst }: ReadProgress): number {
  if (bytesSinceFirst <= 0) return 1;
  const interval = flushInterval(flushMs, ageMs);
  const bytes = Math.round((bytesSinceFirst * interval) / Math.max(sinceFirstMs, interval / 2, 1));
  return Math.min(Math.max(bytes, 1), MAX_READ_BYTES);
}

/** Where a stream's reading stands, for bytesToWaitFor. */
export interface ReadProgress {
  /** Since the reader was made. */
  ageMs: number;
  /** Since its first read returned. */
  sinceFirstMs: number;
  /** Bytes read after the first read. */
  bytesSinceFirst: number;
}
