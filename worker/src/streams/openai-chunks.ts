// Chat streams whose upstream already speaks OpenAI's `chat.completion.chunk`s: passed to the client as Workers AI
// sent them, without parsing or rendering a single event. Only what no OpenAI client accepts is taken out:
// - the native-style usage event (`data: {"response":"","usage":…}`) that Workers AI appends after the OpenAI
//   usage chunk: SDKs read `chunk.choices` of every event and would fail on it;
// - the last `choices: []` chunk with the usage, unless `stream_options.include_usage` asked for it (then it is the
//   chunk OpenAI sends): code written for OpenAI reads `chunk.choices[0]` of every chunk;
// - the reasoning field is named `reasoning_content` (as the rendered path names it) where a model says `reasoning`.
// Everything else passes unchanged: the upstream's `id`, `created` and `model` (the Workers AI model that answered,
// as OpenAI names the model version that answered), its role chunk, `finish_reason`, the usage Workers AI puts on
// every chunk (where OpenAI puts `null` or nothing; clients keep the last), and `data: [DONE]` (added if the
// upstream ended without it). Batching is the same as for rendered streams (batched-text.ts).
import { concat, decoded, type BatchReader } from "./batch-reader.js";
import { batchedText } from "./batched-text.js";
import type { Usage } from "../ai/output.js";
import type { StreamMeter } from "../usage/meter.js";

const EMPTY_CHOICES = /"choices": ?\[\]/;
/** The usual first chunk of an OpenAI stream: the role, and no text yet. */
const ROLE_ONLY = /"delta": ?\{"role": ?"assistant"(, ?"content": ?(""|null))?\}/;
/** Workers AI's own usage event, after the OpenAI ones. */
const NATIVE_EVENT = 'data: {"response"';
const REASONING = '"delta":{"reasoning":';
const REASONING_RENAMED = '"delta":{"reasoning_content":';
/**
 * How much of each end of a large batch is read (streams of an OpenAI-shaped Workers AI model: about five events,
 * ~400 bytes each with the usage it repeats on every chunk). A batch up to twice this is read whole.
 */
export const ENDS_BYTES = 2048;
const LF = 10;
const CR = 13;
const NOTHING: Uint8Array = new Uint8Array(0);
const encoder = new TextEncoder();

/**
 * Events split at their blank line; `\r` dropped (JSON text has none outside its escapes). Works on bytes: a batch
 * whose events need no change (nearly all of them) goes out as the bytes that came, copied once out of the read
 * buffer. bench/worker/ab.mjs, a 1,000-token stream passed through, 10 rounds: 1.25 ms less isolate CPU (median,
 * 8.63 → 7.63 ms absolute) than the text filter this replaced.
 *
 * A large batch is decoded and searched at its two ends only (keepByItsEnds): decoding all of it, to search it,
 * was most of what the filter still cost. That relies on the order in which a stream says things, which every
 * Workers AI model keeps:
 * - the events to take out come after the last token (Workers AI appends them to the stream), so a batch that holds
 *   them ends with them;
 * - a model reasons before it answers, so a batch with reasoning in it starts (or ends) with reasoning.
 * A batch whose ends show reasoning, or whose end is only events to take out, is read whole; so is one whose lines
 * end with `\r\n`.
 */
export class OpenAiChunkFilter {
  /** The start of an event whose end has not come yet. */
  private held: Uint8Array = NOTHING;
  private done = false;
  /** The text from the last `"usage":{` passed on, for the usage meter: one search a batch, one parse at the end. */
  private lastUsage: string | undefined;
  private readonly utf8 = new TextDecoder();

  constructor(private readonly includeUsage: boolean) {}

  /**
   * The complete events in `bytes` (with what was held back before them), filtered; an incomplete one waits.
   * `bytes` may be overwritten once this returns (a reused read buffer): what is returned or held is a copy.
   */
  push(bytes: Uint8Array): Uint8Array {
    const cut = endOfLastEvent(this.held, bytes);
    if (cut < 0) {
      this.held = joined(this.held, bytes);
      return NOTHING;
    }
    const events = joined(this.held, bytes.subarray(0, cut));
    this.held = bytes.slice(cut);
    return (events.length > 2 * ENDS_BYTES && this.keepByItsEnds(events)) || this.keepWhole(events);
  }

  /** What was held back, and `[DONE]` if the upstream did not send it. */
  end(): Uint8Array {
    const held = this.utf8.decode(this.held);
    this.held = NOTHING;
    const rest = held.trim() ? this.keepWhole(encoder.encode(held.replace(/\n*$/, "\n\n"))) : NOTHING;
    return this.done ? rest : joined(rest, encoder.encode("data: [DONE]\n\n"));
  }

  /** The last usage object the stream carried (Workers AI puts the running totals on every chunk). */
  usage(): unknown {
    const text = this.lastUsage;
    if (!text) return undefined;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}" && --depth === 0) {
        try {
          return JSON.parse(text.slice(0, i + 1));
        } catch {
          return undefined;
        }
      }
    }
    return undefined;
  }

  /** Complete events (whole characters, since they end at a line feed), as they go to the client. */
  private keepWhole(events: Uint8Array): Uint8Array {
    const decoded = this.utf8.decode(events);
    // Searching the text, not the bytes: V8 searches a string at memory speed, a typed array an element at a
    // time. A first version that looked for `\r` in the bytes gained nothing in the same A/B (+0.38 ms, twice).
    const text = decoded.includes("\r") ? decoded.replace(/\r/g, "") : decoded;
    const out = this.filtered(text);
    return out === decoded ? events : encoder.encode(out);
  }

  /**
   * The same for a large batch, from its ends (see the class): the bytes before the last few events go as they
   * came, unread. Undefined when the batch must be read whole. bench/worker/ab.mjs, 1,000 tokens passed through,
   * 12 rounds × 4 streams: 0.37 ms less isolate CPU per stream than reading every batch whole (median; 9 of 12
   * rounds lower). Reading a batch of 20 KB whole is a decode into a string of as many characters and five
   * searches through it.
   */
  private keepByItsEnds(events: Uint8Array): Uint8Array | undefined {
    const head = this.utf8.decode(events.subarray(0, ENDS_BYTES));
    const tail = this.utf8.decode(events.subarray(events.length - ENDS_BYTES));
    if (head.includes(REASONING) || tail.includes(REASONING)) return undefined;
    // The tail's whole events (it may start inside one, or inside a character: a line feed is never part of one).
    const last = tail.slice(tail.indexOf("\n\n") + 2);
    const firstEnd = last.indexOf("\n\n");
    // No two whole events (lines that end with `\r\n` have no `\n\n`), or events to take out all the way back to
    // the cut (those before it may be some too): read whole.
    if (firstEnd < 0 || this.takenOut(last.slice(0, firstEnd))) return undefined;
    const out = this.filtered(last);
    if (out === last) return events;
    return concat([events.subarray(0, events.length - encoder.encode(last).length), encoder.encode(out)]);
  }

  /** `text` (whole events) without what no client accepts, reasoning renamed; notes the usage and `[DONE]`. */
  private filtered(text: string): string {
    const at = text.lastIndexOf('"usage":{');
    if (at >= 0) this.lastUsage = text.slice(at + 8);
    // The usual batch has nothing to take out or rename: a search or two, and the text stays as it came. An empty
    // array is rare, and looking for `[]` costs a tenth of a longer pattern, so the exact test runs only where one is.
    let out = text;
    if ((!this.includeUsage && text.includes("[]") && EMPTY_CHOICES.test(text)) || text.includes(NATIVE_EVENT)) {
      out = out
        .split("\n\n")
        .filter((event) => !this.takenOut(event))
        .join("\n\n");
    }
    if (text.includes(REASONING)) out = out.replaceAll(REASONING, REASONING_RENAMED);
    if (/\S/.test(out)) this.done = out.endsWith("data: [DONE]\n\n");
    return out;
  }

  /** Whether an event is one that no OpenAI client accepts here. */
  private takenOut(event: string): boolean {
    return event.startsWith(NATIVE_EVENT) || (!this.includeUsage && EMPTY_CHOICES.test(event));
  }
}

/**
 * Where the last complete event of `held` + `bytes` ends (just after its blank line: LF LF, or CR LF CR LF), as an
 * offset into `bytes`; -1 if none does. `held` never holds a blank line of its own, but may end with part of one.
 */
function endOfLastEvent(held: Uint8Array, bytes: Uint8Array): number {
  const before = (at: number) => (at >= 0 ? bytes[at] : held[held.length + at]);
  for (let at = bytes.lastIndexOf(LF); at >= 0; at = at > 0 ? bytes.lastIndexOf(LF, at - 1) : -1) {
    const previous = before(at - 1);
    if (previous === LF || (previous === CR && before(at - 2) === LF)) return at + 1;
  }
  return -1;
}

/** `a` then `b`, as a new array (`b` may be a view into a buffer that is about to be reused). */
const joined = (a: Uint8Array, b: Uint8Array): Uint8Array => (a.length ? concat([a, b]) : b.slice());

/** Whether the first event of a stream is an OpenAI chat chunk. */
export function isOpenAiChunk(firstEvent: string): boolean {
  return firstEvent.startsWith("data: {") && firstEvent.includes('"object":"chat.completion.chunk"');
}

/**
 * Reads the upstream until its first event is complete (and the next one, when the first only says the role): an
 * OpenAI chat chunk stream becomes the body as it is (filtered, batched); any other gets back a reader of its text
 * that starts with the text read here. `source`'s batches are bytes valid until its next read (batch-reader.ts,
 * byteBatches).
 */
export async function passThroughOpenAiChunks(
  source: BatchReader<Uint8Array>,
  {
    includeUsage,
    errorFrame,
    flushMs,
    meter,
  }: { includeUsage: boolean; errorFrame: (error: unknown) => string; flushMs?: number; meter?: StreamMeter },
): Promise<{ body: ReadableStream<Uint8Array> } | { reader: BatchReader<string> }> {
  let seen = "";
  let seenBytes: Uint8Array = NOTHING;
  // Carries the start of a character the text read so far ended with, into the text reader of another stream.
  const utf8 = new TextDecoder();
  let want = 1;
  try {
    for (;;) {
      // Nothing has been written yet: the first event goes out as soon as it is whole.
      const chunk = await (source.readAtLeast ? source.readAtLeast(want) : source.read());
      if (chunk === undefined) break;
      seenBytes = joined(seenBytes, chunk);
      seen += utf8.decode(chunk, { stream: true });
      const text = seen.replace(/\r/g, "");
      const firstEnd = text.indexOf("\n\n");
      // A first chunk that only says the role shows the client nothing: it waits for the next event and both go in
      // one write. One write fewer (bench/worker: each costs about 0.3 ms of Free's 10), the first token no later.
      if (firstEnd >= 0 && (!ROLE_ONLY.test(text.slice(0, firstEnd)) || text.includes("\n\n", firstEnd + 2))) break;
      // The next event is about as long as the first (in characters, about bytes): an event often comes in two
      // network chunks, and waking the Worker for the first piece alone costs a wake-up (bench/worker: about 0.15 ms
      // of isolate CPU) for nothing. Half of it, so that a shorter event goes out at once all the same.
      if (firstEnd >= 0) want = Math.floor((firstEnd + 2) / 2) - (text.length - firstEnd - 2);
    }
  } catch (error) {
    // The rendered path reports it in the stream, after what came before it.
    return { reader: startingWith(seen, { read: () => Promise.reject(error), cancel: (r) => source.cancel(r), ended: source.ended }) };
  }
  if (!isOpenAiChunk(seen.replace(/^\s+/, ""))) return { reader: startingWith(seen, decoded(source, utf8)) };
  const filter = new OpenAiChunkFilter(includeUsage);
  // The meter learns the usage at the end, or that the reader went away.
  const watched: BatchReader<Uint8Array> = meter
    ? {
        paced: source.paced,
        read: () => source.read(),
        cancel: (reason) => {
          meter.cancel();
          return source.cancel(reason);
        },
        ended: source.ended,
      }
    : source;
  const body = batchedText(
    watched,
    {
      start: () => filter.push(seenBytes),
      item: (chunk) => filter.push(chunk),
      end: () => {
        const rest = filter.end();
        meter?.usage(filter.usage() as Usage | undefined);
        meter?.end();
        return rest;
      },
      error: errorFrame,
    },
    flushMs,
  );
  return { body };
}

/** `source`, after `first` (the text already read from it) as its first batch. */
function startingWith(first: string, source: BatchReader<string>): BatchReader<string> {
  let pending: string | undefined = first || undefined;
  return {
    paced: source.paced,
    async read() {
      if (pending === undefined) return source.read();
      const batch = pending;
      pending = undefined;
      return batch;
    },
    cancel: (reason) => source.cancel(reason),
    ended: source.ended,
  };
}
