// Drives a renderer over batches of AiEvents: one wire format = one Renderer, the driving is shared.
// Errors upstream become the format's own error frame, so clients see a message, not a cut connection.
import type { AiEvent } from "../ai/events.js";
import { toApiError, type ApiError } from "../http/errors.js";
import type { BatchReader } from "../streams/batch-reader.js";
import { batchedText } from "../streams/batched-text.js";

export interface Renderer {
  /** Frames sent before the first event (e.g. `response.created`). */
  start?(): string;
  /** Frames for one event (possibly none). */
  event(event: AiEvent): string;
  /** Closing frames: finish reasons, usage, `[DONE]`. */
  end(): string;
  /** Frames that report a failure in the middle of the stream. */
  error(error: ApiError): string;
}

export function renderStream(events: BatchReader<AiEvent[]>, renderer: Renderer, flushMs?: number): ReadableStream<Uint8Array> {
  return batchedText(
    events,
    {
      start: () => renderer.start?.() ?? "",
      item: (batch) => {
        let out = "";
        for (const event of batch) out += renderer.event(event);
        return out;
      },
      end: () => renderer.end(),
      error: (error) => renderer.error(toApiError(error)),
    },
    flushMs,
  );
}
