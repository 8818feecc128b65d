// One event for what a batch says in a row: the text pieces that arrived between two writes become one text event
// (and the same for reasoning, and for the argument pieces of one tool call). Every wire format renders an event
// as one chunk or one delta: rendering 40 one-token deltas cost 40 times the JSON of one (bench/worker), and
// OpenAI's own streams make no promise about how much text a delta carries. Pure.
import type { AiEvent } from "./events.js";

export function mergeDeltas(batch: AiEvent[]): AiEvent[] {
  if (batch.length < 2) return batch;
  const out: AiEvent[] = [];
  // The last event of `out` when it is a copy made here: extended in place (the batch's own events are not).
  let own: AiEvent | undefined;
  for (const event of batch) {
    const last = out.at(-1);
    if (last && (event.type === "text" || event.type === "reasoning") && last.type === event.type) {
      if (own !== last) out[out.length - 1] = own = { type: event.type, text: last.text };
      (own as { text: string }).text += event.text;
    } else if (last?.type === "tool" && event.type === "tool" && event.index === last.index && !event.id && !event.name) {
      if (own !== last) out[out.length - 1] = own = { ...last };
      (own as { args: string }).args += event.args;
    } else out.push(event);
  }
  return out;
}
