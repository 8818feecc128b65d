// Streams stay streams, but in workerd every read and every write of a stream costs CPU per chunk: so parsing,
// normalising, stop sequences, collecting and rendering are plain synchronous stages, run together over each
// batch of upstream text by a single stream (streams/ reads the upstream a batch at a time, as text, and writes
// once per flush interval: flush.ts). Measured in bench/worker on a 500-token stream: one hop instead of five
// halved the proxy's own CPU; batching reads and writes took it below a pass-through's.
import { renderStream, type Renderer } from "../render/stream.js";
import { coalescingReader, type BatchReader } from "../streams/batch-reader.js";
import { mergeDeltas } from "./merge-deltas.js";
import type { AiEvent } from "./events.js";
import { SseParser, type SseEvent } from "./sse.js";
import { StreamNormaliser, type Emit } from "./stream.js";
import { readTextRun, type TextRun } from "./text-runs.js";

/** A synchronous step between the normaliser and the consumer. */
export interface EventStage {
  push(event: AiEvent, emit: Emit): void;
  end(emit: Emit): void;
  /** The reader went away before the end (a client that hung up): `end` will not come. */
  cancel?(): void;
}

/** emits[i] hands an event to stage i; emits[stages.length] is the sink. */
function link(stages: EventStage[], sink: Emit): Emit[] {
  const emits: Emit[] = [sink];
  for (let i = stages.length - 1; i >= 0; i--) {
    const next = emits[0];
    emits.unshift((event) => stages[i].push(event, next));
  }
  return emits;
}

/** Upstream SSE text through the parser, the normaliser and `stages`, into `sink`; a batch's events at once. */
class Chain {
  private readonly parser = new SseParser();
  private readonly normaliser = new StreamNormaliser();
  private readonly emits: Emit[];

  constructor(
    private readonly stages: EventStage[],
    sink: Emit,
  ) {
    this.emits = link(stages, sink);
  }

  push(text: string): void {
    this.normalise((collect, skip) => this.parser.push(text, collect, skip));
  }

  cancel(): void {
    for (const stage of this.stages) stage.cancel?.();
  }

  end(): void {
    this.normalise((collect) => this.parser.end(collect));
    this.normaliser.end(this.emits[0]);
    this.stages.forEach((stage, i) => stage.end(this.emits[i + 1]));
  }

  /**
   * The events `parse` finds are normalised together (one JSON.parse for the batch), and go through the stages
   * merged (merge-deltas.ts): a stage's cost is per event, and a batch holds hundreds of one-token deltas. Runs
   * of text-only chunks skip the parser and the normaliser (text-runs.ts). Stages take text of any length (a
   * cached answer is one event). What was normalised before a failure still goes through before the failure is
   * reported.
   */
  private normalise(parse: (collect: (sse: SseEvent) => void, skip: (text: string, start: number) => number) => void): void {
    // In the stream's order: parsed events, and runs already read.
    const parts: (SseEvent | TextRun)[] = [];
    parse(
      (sse) => void parts.push(sse),
      (text, start) => {
        const run = readTextRun(text, start);
        if (!run) return start;
        parts.push(run);
        return run.end;
      },
    );
    const normalised: AiEvent[] = [];
    const into = (event: AiEvent) => void normalised.push(event);
    try {
      let events: SseEvent[] = [];
      for (const part of parts) {
        if (!("end" in part)) {
          events.push(part);
          continue;
        }
        this.normaliser.pushAll(events, into);
        events = [];
        for (const event of part.events) normalised.push(event);
        if (part.usage !== undefined) this.normaliser.usageText(part.usage);
      }
      this.normaliser.pushAll(events, into);
    } finally {
      for (const event of mergeDeltas(normalised)) this.emits[0](event);
    }
  }
}

/** Finished events (a cached answer, a non-stream upstream) through `stages`. */
export function runStages(events: AiEvent[], stages: EventStage[], sink: Emit): void {
  const emits = link(stages, sink);
  for (const event of events) emits[0](event);
  stages.forEach((stage, i) => stage.end(emits[i + 1]));
}

/**
 * Upstream bytes → rendered bytes in one stream: read, parsed and rendered a batch at a time, written at most
 * once per `flushMs` (streams/). A failure (upstream or ours) becomes the format's error frame, so the client
 * reads a message instead of a cut connection.
 */
export function renderUpstream(
  upstream: ReadableStream<Uint8Array> | BatchReader<string>,
  stages: EventStage[],
  renderer: Renderer,
  flushMs?: number,
): ReadableStream<Uint8Array> {
  return renderStream(upstreamEvents(upstream, stages, flushMs), renderer, flushMs);
}

const encoder = new TextEncoder();

/** Finished events rendered at once (a cached answer served as a stream). */
export function renderEvents(events: AiEvent[], stages: EventStage[], renderer: Renderer): ReadableStream<Uint8Array> {
  let out = renderer.start?.() ?? "";
  runStages(events, stages, (event) => void (out += renderer.event(event)));
  const bytes = encoder.encode(out + renderer.end());
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * Upstream bytes → AiEvents, a batch per read (for consumers that work on events: Assistants runs, Responses):
 * each read takes what the upstream has sent since the previous one.
 */
export function upstreamEvents(
  upstream: ReadableStream<Uint8Array> | BatchReader<string>,
  stages: EventStage[] = [],
  flushMs?: number,
): BatchReader<AiEvent[]> {
  let batch: AiEvent[] = [];
  let finished = false;
  let failure: { error: unknown } | undefined;
  const chain = new Chain(stages, (event) => void batch.push(event));
  const source = upstream instanceof ReadableStream ? coalescingReader(upstream, flushMs) : upstream;
  return {
    paced: source.paced,
    async read() {
      try {
        while (!batch.length && !finished && !failure) {
          const value = await source.read();
          if (value === undefined) {
            chain.end();
            finished = true;
          } else chain.push(value);
        }
      } catch (error) {
        // The events that came before the failure still go out; the failure with the next read.
        failure = { error };
      }
      if (!batch.length && failure) throw failure.error;
      if (!batch.length) return undefined;
      const events = batch;
      batch = [];
      return mergeDeltas(events);
    },
    cancel: (reason) => {
      if (!finished) chain.cancel();
      return source.cancel(reason);
    },
    ended: source.ended,
  };
}

/** Finished events as a BatchReader: one batch, then the end. */
export function eventsOnce(events: AiEvent[]): BatchReader<AiEvent[]> {
  let taken = false;
  return {
    read: async () => (taken || !events.length ? undefined : ((taken = true), events)),
    cancel: async () => {},
    ended: Promise.resolve(),
  };
}

/** A BatchReader whose first read throws `error` (a model that could not even start). */
export function eventsFailing(error: unknown): BatchReader<AiEvent[]> {
  return {
    read: () => Promise.reject(error),
    cancel: async () => {},
    ended: Promise.resolve(),
  };
}
