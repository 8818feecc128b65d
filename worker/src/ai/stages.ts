// Streams stay streams, but every stream costs CPU per chunk per hop in workerd: so parsing, normalising,
// stop sequences, collecting and rendering are plain synchronous stages, run together once per upstream
// chunk by a single stream. (Measured in bench/worker: one hop instead of five roughly halves the proxy's
// own CPU on a 500-token stream.)
import { toApiError } from "../http/errors.js";
import type { Renderer } from "../render/stream.js";
import type { AiEvent } from "./events.js";
import { SseParser } from "./sse.js";
import { StreamNormaliser, type Emit } from "./stream.js";

/** A synchronous step between the normaliser and the consumer. */
export interface EventStage {
  push(event: AiEvent, emit: Emit): void;
  end(emit: Emit): void;
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

/** Upstream SSE bytes through the parser, the normaliser and `stages`, into `sink`. */
class Chain {
  private readonly parser = new SseParser();
  private readonly normaliser = new StreamNormaliser();
  private readonly emits: Emit[];
  private readonly toNormaliser: (sse: { event: string | undefined; data: string }) => void;

  constructor(private readonly stages: EventStage[], sink: Emit) {
    this.emits = link(stages, sink);
    this.toNormaliser = (sse) => this.normaliser.push(sse, this.emits[0]);
  }

  push(chunk: Uint8Array): void {
    this.parser.push(chunk, this.toNormaliser);
  }

  end(): void {
    this.parser.end(this.toNormaliser);
    this.normaliser.end(this.emits[0]);
    this.stages.forEach((stage, i) => stage.end(this.emits[i + 1]));
  }
}

/** Finished events (a cached answer, a non-stream upstream) through `stages`. */
export function runStages(events: AiEvent[], stages: EventStage[], sink: Emit): void {
  const emits = link(stages, sink);
  for (const event of events) emits[0](event);
  stages.forEach((stage, i) => stage.end(emits[i + 1]));
}

const encoder = new TextEncoder();

/**
 * Upstream bytes → rendered bytes, one output chunk per upstream chunk. A failure (upstream or ours) becomes
 * the format's error frame, so the client reads a message instead of a cut connection.
 */
export function renderUpstream(upstream: ReadableStream<Uint8Array>, stages: EventStage[], renderer: Renderer): ReadableStream<Uint8Array> {
  let out = renderer.start?.() ?? "";
  const chain = new Chain(stages, (event) => void (out += renderer.event(event)));
  const reader = upstream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (!out) {
          const { done, value } = await reader.read();
          if (done) {
            chain.end();
            controller.enqueue(encoder.encode(out + renderer.end()));
            controller.close();
            return;
          }
          chain.push(value);
        }
      } catch (error) {
        controller.enqueue(encoder.encode(out + renderer.error(toApiError(error))));
        controller.close();
        reader.cancel().catch(() => {});
        return;
      }
      controller.enqueue(encoder.encode(out));
      out = "";
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

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

/** Upstream bytes → AiEvents (for consumers that work on events: Assistants runs, Responses). */
export function upstreamEvents(upstream: ReadableStream<Uint8Array>, stages: EventStage[] = []): ReadableStream<AiEvent> {
  let batch: AiEvent[] = [];
  const chain = new Chain(stages, (event) => void batch.push(event));
  const reader = upstream.getReader();
  return new ReadableStream<AiEvent>({
    async pull(controller) {
      while (!batch.length) {
        const { done, value } = await reader.read();
        if (done) {
          chain.end();
          for (const event of batch) controller.enqueue(event);
          controller.close();
          return;
        }
        chain.push(value);
      }
      for (const event of batch) controller.enqueue(event);
      batch = [];
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
