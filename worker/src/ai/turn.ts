// Helpers for the stateful APIs (Assistants runs, Responses), which stream an answer and store it too.
import { toApiError, type ApiError } from "../http/errors.js";
import { ResultCollector } from "./collect.js";
import type { AiEvent } from "./events.js";
import { newToolCallId, type TextResult } from "./output.js";
import { Mailbox } from "../streams/batch-reader.js";

/**
 * Makes the stream say the same thing as what gets stored: every tool call gets its id on its first event
 * (the id a client will answer with), and text after the first tool call is dropped (a message is
 * announced before the calls, never after them).
 */
export function settledToolCalls(): TransformStream<AiEvent, AiEvent> {
  const seen = new Set<number>();
  return new TransformStream({
    transform(event, controller) {
      if (event.type === "text" && seen.size) return;
      if (event.type === "tool" && !seen.has(event.index)) {
        seen.add(event.index);
        if (!event.id) event = { ...event, id: newToolCallId() };
      }
      controller.enqueue(event);
    },
  });
}

export type TurnEnd = { result: TextResult } | { error: ApiError };

/**
 * Reads `events` to the end whether or not anyone still listens (a client that hangs up must not leave a
 * run half-done), hands the whole answer (or the failure) to `end`, and only then ends what it returns: a
 * Mailbox of the events (read a batch at a time by the stream renderer), closed after a stored answer,
 * failed with the failure otherwise.
 */
export function readToTheEnd(
  events: ReadableStream<AiEvent>,
  maxTokens: number | undefined,
  waitUntil: (promise: Promise<unknown>) => void,
  end: (outcome: TurnEnd) => Promise<void>,
): Mailbox<AiEvent> {
  const output = new Mailbox<AiEvent>();
  const pump = async () => {
    const collector = new ResultCollector();
    let failure: ApiError | undefined;
    const reader = events.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        collector.add(value);
        output.put(value);
      }
    } catch (error) {
      failure = toApiError(error);
    }
    try {
      await end(failure ? { error: failure } : { result: collector.result(maxTokens) });
    } catch (error) {
      failure ??= toApiError(error);
    }
    if (!output.listening) return;
    if (failure) output.fail(failure);
    else output.close();
  };
  waitUntil(pump());
  return output;
}
