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
import type { BatchReader } from "./batch-reader.js";
import { batchedText } from "./batched-text.js";
import type { Usage } from "../ai/output.js";
import type { StreamMeter } from "../usage/meter.js";

const EMPTY_CHOICES = /"choices": ?\[\]/;

/** Events split at their blank line; `\r` dropped (JSON text has none outside its escapes). */
export class OpenAiChunkFilter {
  private held = "";
  private done = false;
  /** The text from the last `"usage":{` passed on, for the usage meter: one search a batch, one parse at the end. */
  private lastUsage: string | undefined;

  constructor(private readonly includeUsage: boolean) {}

  /** The complete events in `text` (with what was held back before it), filtered; an incomplete one waits. */
  push(text: string): string {
    const all = this.held + (text.includes("\r") ? text.replace(/\r/g, "") : text);
    const cut = all.lastIndexOf("\n\n");
    if (cut < 0) {
      this.held = all;
      return "";
    }
    this.held = all.slice(cut + 2);
    return this.keep(all.slice(0, cut + 2));
  }

  /** What was held back, and `[DONE]` if the upstream did not send it. */
  end(): string {
    const rest = this.held.trim() ? this.keep(this.held.replace(/\n*$/, "\n\n")) : "";
    this.held = "";
    return rest + (this.done ? "" : "data: [DONE]\n\n");
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

  private keep(events: string): string {
    const at = events.lastIndexOf('"usage":{');
    if (at >= 0) this.lastUsage = events.slice(at + 8);
    let out = events;
    // The usual batch has nothing to take out: a search or two, no split. Each search is a pass over the batch
    // (about 20 KB once writes are 2 s apart); an empty array is rare, and looking for `[]` costs a tenth of a
    // longer pattern, so the exact test runs only where one is.
    const usageChunk = !this.includeUsage && out.includes("[]") && EMPTY_CHOICES.test(out);
    if (usageChunk || out.includes('data: {"response"')) {
      out = out
        .split("\n\n")
        .filter((event) => !event.startsWith('data: {"response"') && !(usageChunk && EMPTY_CHOICES.test(event)))
        .join("\n\n");
    }
    if (out.includes('"delta":{"reasoning":')) out = out.replaceAll('"delta":{"reasoning":', '"delta":{"reasoning_content":');
    if (out.trim()) this.done = out.endsWith("data: [DONE]\n\n");
    return out;
  }
}

/** Whether the first event of a stream is an OpenAI chat chunk. */
export function isOpenAiChunk(firstEvent: string): boolean {
  return firstEvent.startsWith("data: {") && firstEvent.includes('"object":"chat.completion.chunk"');
}

/**
 * Reads the upstream until its first event is complete: an OpenAI chat chunk stream becomes the body as it is
 * (filtered, batched); any other gets back a reader that starts with the text read here.
 */
export async function passThroughOpenAiChunks(
  source: BatchReader<string>,
  {
    includeUsage,
    errorFrame,
    flushMs,
    meter,
  }: { includeUsage: boolean; errorFrame: (error: unknown) => string; flushMs?: number; meter?: StreamMeter },
): Promise<{ body: ReadableStream<Uint8Array> } | { reader: BatchReader<string> }> {
  let seen = "";
  try {
    for (;;) {
      const chunk = await source.read();
      if (chunk === undefined) break;
      seen += chunk;
      if (seen.replace(/\r/g, "").includes("\n\n")) break;
    }
  } catch (error) {
    // The rendered path reports it in the stream, after what came before it.
    return { reader: startingWith(seen, { read: () => Promise.reject(error), cancel: (r) => source.cancel(r), ended: source.ended }) };
  }
  if (!isOpenAiChunk(seen.replace(/^\s+/, ""))) return { reader: startingWith(seen, source) };
  const filter = new OpenAiChunkFilter(includeUsage);
  // The meter learns the usage at the end, or that the reader went away.
  const watched: BatchReader<string> = meter
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
      start: () => filter.push(seen),
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
