// How often a stream wakes the Worker: the schedule shared by the reader of Workers AI's stream (batch-reader.ts)
// and the writer of the client's (batched-text.ts). Every wake-up costs CPU, and Workers Free allows 10 ms per
// request; bench/worker measures ~0.1–0.3 ms of isolate CPU per wake-up on its machine, whatever it does then.

/**
 * Shortest time between two writes of a burst, in milliseconds (STREAM_FLUSH_MS overrides it): at most 20 writes a
 * second at first, which still reads as smooth typing.
 */
export const FLUSH_MS = 50;

/**
 * A long stream's writes spread out as it goes: the time between two writes is at least the stream's age divided
 * by FLUSH_GROWTH, up to FLUSH_CAP × flushMs (1 s by default, reached after 8 s). At 50 ms a 1,000-token answer
 * generated at 50 tokens a second took 400 writes; spread out it takes about 35, while the first second still
 * reads as smooth typing.
 */
export const FLUSH_GROWTH = 8;
export const FLUSH_CAP = 20;

/** The shortest time between two writes `ageMs` after the stream started. */
export function flushInterval(flushMs: number, ageMs: number): number {
  if (flushMs <= 0) return 0;
  return Math.min(Math.max(flushMs, ageMs / FLUSH_GROWTH), flushMs * FLUSH_CAP);
}
