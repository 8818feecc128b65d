// SSE encoding and the network chunking of streams.
import type { ChunkMode, StubCallRecord } from "./types";
import { utf8 } from "./util";

/** `data: <json>\n\n` (strings are sent as they are, e.g. "[DONE]"). */
export function dataEvent(payload: unknown): string {
  return `data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`;
}

/** `event: <name>\ndata: <json>\n\n`. */
export function namedEvent(name: string, payload: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** The default cycle of network chunk sizes, in bytes. */
export const DEFAULT_CHUNK_CYCLE = [17, 64, 5, 97, 3, 41, 1, 29];

/** Byte offsets where chunks end (the last one is the total length). */
export function chunkBoundaries(events: string[], mode: ChunkMode): { bytes: Uint8Array; ends: number[] } {
  const encoded = events.map(utf8);
  const bytes = new Uint8Array(encoded.reduce((n, e) => n + e.length, 0));
  const eventEnds: number[] = [];
  let off = 0;
  for (const e of encoded) {
    bytes.set(e, off);
    off += e.length;
    eventEnds.push(off);
  }
  if (mode === "event") return { bytes, ends: eventEnds };
  const ends = new Set<number>();
  let pos = 0;
  for (let i = 0; pos < bytes.length; i++) {
    pos = Math.min(bytes.length, pos + (mode === "default" ? DEFAULT_CHUNK_CYCLE[i % DEFAULT_CHUNK_CYCLE.length] : mode));
    ends.add(pos);
  }
  if (mode === "default") {
    // Make sure at least one cut falls inside a multi-byte UTF-8 character, if the stream holds one.
    const starts = multiByteStarts(bytes);
    const splitsOne = starts.some(([s, len]) => [...ends].some((e) => e > s && e < s + len));
    if (starts.length && !splitsOne) ends.add(starts[0][0] + 1);
  }
  return { bytes, ends: [...ends].sort((a, b) => a - b) };
}

/** [start, length] of each multi-byte UTF-8 sequence. */
function multiByteStarts(bytes: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (len > 1) {
      out.push([i, len]);
      i += len - 1;
    }
  }
  return out;
}

/** A byte stream of the events, cut into network chunks and paced as `plan` says; its progress goes into `record`. */
export function sseStream(
  events: string[],
  plan: { chunk: ChunkMode; pace: number; pause?: { after: number; ms: number } },
  record?: StubCallRecord,
): ReadableStream<Uint8Array> {
  const { bytes, ends } = chunkBoundaries(events, plan.chunk);
  const progress = { chunks: ends.length, sent: 0 };
  if (record) record.stream = progress;
  return byteStream(bytes, ends, progress, plan.pace, plan.pause);
}

/**
 * A pull-based stream handing out `bytes` in chunks ending at `ends`, counting them into `progress`, each chunk
 * after the first `paceMs` milliseconds after the previous one, and `pause.ms` more after chunk `pause.after`.
 */
export function byteStream(
  bytes: Uint8Array,
  ends: number[],
  progress?: { sent: number },
  paceMs = 0,
  pause?: { after: number; ms: number },
): ReadableStream<Uint8Array> {
  let i = 0;
  let start = 0;
  const next = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (i >= ends.length) {
      controller.close();
      return;
    }
    controller.enqueue(bytes.slice(start, ends[i]));
    start = ends[i++];
    if (progress) progress.sent = i;
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const wait = (i > 0 ? paceMs : 0) + (pause && i === pause.after ? pause.ms : 0);
        if (wait > 0) return new Promise((resolve) => setTimeout(resolve, wait)).then(() => next(controller));
        next(controller);
      },
    },
    { highWaterMark: 0 },
  );
}
