// Responses API streaming: `event: <type>` + `data: {type, sequence_number, …}` in the order the SDK's
// ResponseStream accepts: lifecycle events carry the whole `response`, an output item is added before its
// parts and deltas and is done before response.completed, which carries the response as stored.
import type { AiEvent } from "../ai/events.js";
import type { Item } from "../responses/items.js";
import type { OutputIds } from "../responses/object.js";
import type { StoredResponse } from "../responses/response-ops.js";
import { storedEnding } from "./stored-ending.js";
import type { Renderer } from "./stream.js";
import { ToolCallTracker } from "./tool-calls.js";

export interface ResponseStreamSetup {
  /** The response as it starts: in progress, no output. */
  initial: StoredResponse;
  ids: OutputIds;
  /** The final response; set before end() or error() is called. */
  finished: () => StoredResponse | undefined;
}

export function responseStreamRenderer(setup: ResponseStreamSetup): Renderer {
  let sequence = 0;
  let outputs = 0;
  let message: { outputIndex: number; id: string; text: string; done: boolean } | undefined;
  /** A reasoning model's thinking: an item of its own, before the message, closed when the answer starts. */
  let reasoning: { outputIndex: number; id: string; text: string; done: boolean } | undefined;
  const emit = (type: string, fields: Record<string, unknown>) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...fields })}\n\n`;

  const part = (text: string) => ({ type: "output_text", annotations: [], logprobs: [], text });
  const closeMessage = (final?: Item): string => {
    if (!message || message.done) return "";
    message.done = true;
    const { id, outputIndex, text } = message;
    const item = final ?? { id, type: "message", role: "assistant", status: "completed", content: [part(text)] };
    const finalText = item.type === "message" && item.content[0] && "text" in item.content[0] ? item.content[0].text : text;
    const at = { item_id: id, output_index: outputIndex, content_index: 0 };
    return (
      emit("response.output_text.done", { ...at, text: finalText, logprobs: [] }) +
      emit("response.content_part.done", { ...at, part: part(finalText) }) +
      emit("response.output_item.done", { output_index: outputIndex, item })
    );
  };
  const reasoningPart = (text: string) => ({ type: "reasoning_text", text });
  const closeReasoning = (): string => {
    if (!reasoning || reasoning.done) return "";
    reasoning.done = true;
    const { id, outputIndex, text } = reasoning;
    const at = { item_id: id, output_index: outputIndex, content_index: 0 };
    const item = { id, type: "reasoning", summary: [], content: [reasoningPart(text)], status: "completed" };
    return (
      emit("response.reasoning_text.done", { ...at, text }) +
      emit("response.content_part.done", { ...at, part: reasoningPart(text) }) +
      emit("response.output_item.done", { output_index: outputIndex, item })
    );
  };
  /** Where each call sits in `output`, and its item id. */
  const placed = new Map<number, { outputIndex: number; id: string }>();
  const place = (position: number) => placed.get(position)!;
  const calls = new ToolCallTracker(
    (call, args) => {
      const { outputIndex, id } = place(call.position);
      const added = emit("response.output_item.added", {
        output_index: outputIndex,
        item: { id, type: "function_call", status: "in_progress", arguments: "", call_id: call.id ?? "", name: call.name },
      });
      return added + (args ? emit("response.function_call_arguments.delta", { item_id: id, output_index: outputIndex, delta: args }) : "");
    },
    (call, args) =>
      emit("response.function_call_arguments.delta", {
        item_id: place(call.position).id,
        output_index: place(call.position).outputIndex,
        delta: args,
      }),
    (call) => {
      const closed = closeReasoning() + closeMessage();
      placed.set(call.position, { outputIndex: outputs++, id: setup.ids.functionCallId(call.position) });
      return closed;
    },
  );
  const closing = (final: StoredResponse): string => {
    let out = closeReasoning() + calls.openRemaining();
    out += closeMessage(final.output.find((item) => item.id === message?.id));
    for (const call of calls.calls.values()) {
      const { outputIndex, id } = place(call.position);
      const item = final.output.find((i) => i.id === id) ?? {
        id,
        type: "function_call",
        call_id: call.id ?? "",
        name: call.name ?? "",
        arguments: call.args,
        status: "completed",
      };
      const args = item.type === "function_call" ? item.arguments : call.args;
      out +=
        emit("response.function_call_arguments.done", { item_id: id, output_index: outputIndex, arguments: args, name: call.name }) +
        emit("response.output_item.done", { output_index: outputIndex, item });
    }
    const lifecycle =
      final.status === "incomplete" ? "response.incomplete" : final.status === "failed" ? "response.failed" : "response.completed";
    return out + emit(lifecycle, { response: final });
  };

  return {
    start: () => emit("response.created", { response: setup.initial }) + emit("response.in_progress", { response: setup.initial }),
    event(event: AiEvent): string {
      switch (event.type) {
        case "reasoning": {
          if (!event.text || message || calls.calls.size || reasoning?.done) return "";
          let out = "";
          if (!reasoning) {
            reasoning = { outputIndex: outputs++, id: setup.ids.reasoningId(), text: "", done: false };
            const at = { item_id: reasoning.id, output_index: reasoning.outputIndex, content_index: 0 };
            out += emit("response.output_item.added", {
              output_index: reasoning.outputIndex,
              item: { id: reasoning.id, type: "reasoning", summary: [], content: [], status: "in_progress" },
            });
            out += emit("response.content_part.added", { ...at, part: reasoningPart("") });
          }
          reasoning.text += event.text;
          return (
            out +
            emit("response.reasoning_text.delta", {
              item_id: reasoning.id,
              output_index: reasoning.outputIndex,
              content_index: 0,
              delta: event.text,
            })
          );
        }
        case "text": {
          if (!event.text || calls.calls.size) return "";
          let out = closeReasoning();
          if (!message) {
            message = { outputIndex: outputs++, id: setup.ids.messageId(), text: "", done: false };
            const at = { item_id: message.id, output_index: message.outputIndex, content_index: 0 };
            out += emit("response.output_item.added", {
              output_index: message.outputIndex,
              item: { id: message.id, type: "message", status: "in_progress", role: "assistant", content: [] },
            });
            out += emit("response.content_part.added", { ...at, part: part("") });
          }
          message.text += event.text;
          return (
            out +
            emit("response.output_text.delta", {
              item_id: message.id,
              output_index: message.outputIndex,
              content_index: 0,
              delta: event.text,
              logprobs: [],
            })
          );
        }
        case "tool":
          return calls.event(event);
        default:
          return "";
      }
    },
    ...storedEnding(setup.finished, closing, (error) =>
      emit("error", { code: error.code ?? error.type, message: error.message, param: error.param }),
    ),
  };
}
