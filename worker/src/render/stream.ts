// Drives a renderer over an AiEvent stream: one wire format = one Renderer, the driving is shared.
// Errors upstream become the format's own error frame, so clients see a message, not a cut connection.
import type { AiEvent } from "../ai/events.js";
import { toApiError, type ApiError } from "../http/errors.js";

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

const encoder = new TextEncoder();

export function renderStream(events: ReadableStream<AiEvent>, renderer: Renderer): ReadableStream<Uint8Array> {
  const reader = events.getReader();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let out = started ? "" : (renderer.start?.() ?? "");
      started = true;
      try {
        // Read until something is worth sending: many upstream events render to nothing.
        while (!out) {
          const { done, value } = await reader.read();
          if (done) {
            controller.enqueue(encoder.encode(renderer.end()));
            controller.close();
            return;
          }
          out = renderer.event(value);
        }
        controller.enqueue(encoder.encode(out));
      } catch (error) {
        controller.enqueue(encoder.encode(out + renderer.error(toApiError(error))));
        controller.close();
        reader.cancel().catch(() => {});
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
