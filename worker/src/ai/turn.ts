// Helpers for the stateful APIs (Assistants runs, Responses), which stream an answer and store it too.
import { toApiError, type ApiError } from "../http/errors.js";
import { ResultCollector } from "./collect.js";
import type { AiEvent } from "./events.js";
import { newToolCallId, type TextResult } from "./output.js";
import { Mailbox, type BatchReader } from "../streams/batch-reader.js";

/**
 * Makes the stream say the same thing as what gets stored: every tool call gets its id on its first event
 * (the id a client will answer with), and text after the first tool call is dropped (a message is
 * announced before the calls, never after them).
 */
export function settledToolCalls(events: BatchReader<AiEvent[]>): BatchReader<AiEvent[]> {
  const seen = new Set<number>();
  const settle = (event: AiEvent): AiEvent[] => {
    if (event.type === "text" && seen.size) return [];
    if (event.type === "tool" && !seen.has(event.index)) {
      seen.add(event.index);
      if (!event.id) return [{ ...event, id: newToolCallId() }];
    }
    return [event];
  };
  return {
    paced: events.paced,
    async read() {
      for (let batch = await events.read(); batch; batch = await events.read()) {
        const settled = batch.flatMap(settle);
        if (settled.length) return settled;
      }
      return undefined;
    },
    cancel: (reason) => events.cancel(reason),
    ended: events.ended,
  };
}

export type TurnEnd = { result: TextResult } | { error: ApiError };

/**
 * Reads `events` to the end whether or not anyone still listens (a client that hangs up must not leave a
 * run half-done), hands the whole answer (or the failure) to `end`, and only then ends what it returns: the
 * events, a batch per read, ending after a stored answer, failing with the failure otherwise. While a client
 * listens, the next batch is read once it has taken the previous one, so that the upstream gathers meanwhile.
 */
export function readToTheEnd(
  events: BatchReader<AiEvent[]>,
  maxTokens: number | undefined,
  waitUntil: (promise: Promise<unknown>) => void,
  end: (outcome: TurnEnd) => Promise<void>,
): BatchReader<AiEvent[]> {
  const output = new Mailbox<AiEvent>();
  const pump = async () => {
    const collector = new ResultCollector();
    let failure: ApiError | undefined;
    try {
      for (let batch = await events.read(); batch; batch = await events.read()) {
        for (const event of batch) collector.add(event);
        output.put(...batch);
        await output.taken();
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
  // Once the model has sent everything, a reader need not wait between batches: the rest is on its way.
  // The pump reads the next batch once the reader has taken the previous one: reads stay as paced as the events'.
  return { paced: events.paced, read: () => output.read(), cancel: (reason) => output.cancel(reason), ended: events.ended ?? output.ended };
}
