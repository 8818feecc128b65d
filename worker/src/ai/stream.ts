// Workers AI streams in two formats: native (`{"response":"…"}` events, tool calls as fragments) and
// OpenAI-shaped (`choices[].delta` chunks, often with cumulative usage on every chunk). Both become AiEvents.
// Synchronous, one instance per stream: the stream drivers in stages.ts call it once per upstream chunk.
import type { AiEvent } from "./events.js";
import { argumentsText, finishReasonOf, textOf, type TextResult, type Usage, usageOf } from "./output.js";
import type { SseEvent } from "./sse.js";
import { ApiError } from "../http/errors.js";

type Obj = Record<string, any>;
export type Emit = (event: AiEvent) => void;

/**
 * What starts every OpenAI chat chunk, as a regex source: read by nobody here (the renderers name their own id and
 * model), so compactBatch cuts it and text-runs.ts skips it.
 */
export const CHUNK_HEAD_SOURCE = String.raw`\{"id":"[^"\\]*","object":"chat\.completion\.chunk","created":\d+,"model":"[^"\\]*",`;
const CHUNK_HEAD = new RegExp(CHUNK_HEAD_SOURCE, "g");
/** A usage object (two levels deep at most, numbers only), with the comma before it. */
const USAGE = /,"usage":\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g;
/**
 * A headless chunk that carries one piece of text or reasoning and nothing else (other keys null, as vLLM sends
 * `logprobs`, `token_ids` or `tool_calls`): the delta is all it says.
 */
const TEXT_DELTA =
  /\{"choices":\[\{"index":0,"delta":(\{(?:"[a-z_]+":null,)*"(?:content|reasoning|reasoning_content)":"[^"\\]*(?:\\.[^"\\]*)*"(?:,"[a-z_]+":null)*\}),(?:"[a-z_]+":null,)*"finish_reason":null(?:,"[a-z_]+":null)*\}\]\}/g;

/**
 * Events joined by commas, without what the normaliser does not read: each OpenAI chunk's id, object, created and
 * model, and every usage object but the last (usage is cumulative: the last one counts). Workers AI puts all of
 * them on every chunk, about 300 of its 400 bytes; parsing them was the largest part of a rendered stream's CPU
 * after the wake-ups (bench/worker). Then a chunk that says nothing but one piece of text becomes `[delta]`: an
 * array, which no event can be (each starts with `{`), and one object to build instead of four (building them
 * was most of what JSON.parse still cost). The patterns match only where an object starts or a key follows a
 * value: JSON escapes every quote inside a string, so no string's content can match. What they do not match stays.
 */
export function compactBatch(joined: string): string {
  const chunks = joined.includes('"object":"chat.completion.chunk"');
  const head = chunks ? joined.replace(CHUNK_HEAD, "{") : joined;
  const last = head.lastIndexOf(',"usage":{');
  const lean = last > 0 ? head.slice(0, last).replace(USAGE, "") + head.slice(last) : head;
  return chunks ? lean.replace(TEXT_DELTA, "[$1]") : lean;
}

export class StreamNormaliser {
  private nextToolIndex = 0;
  /** The last usage seen: parsed, or the JSON text a run of text chunks carried (text-runs.ts), read at the end. */
  private lastUsage: Usage | string | undefined;

  /** The usage a run of text chunks carried (JSON text: text-runs.ts checks it is valid): the latest one so far. */
  usageText(json: string): void {
    this.lastUsage = json;
  }

  push({ data }: SseEvent, emit: Emit): void {
    if (data === "[DONE]") return;
    let chunk: Obj;
    try {
      chunk = JSON.parse(data);
    } catch {
      throw new ApiError(
        502,
        `Workers AI sent a stream event that is not JSON: ${data.slice(0, 120)}`,
        "server_error",
        null,
        "upstream_bad_response",
      );
    }
    this.chunk(chunk, emit);
  }

  /**
   * The events of one batch, in order. Their JSON is parsed with one `JSON.parse` when each is an object
   * (bench/worker: a rendered stream parsed event by event spent a fifth of its CPU there); if that fails, event
   * by event, so the events before a bad one still go out and the error names the bad one.
   */
  pushAll(events: SseEvent[], emit: Emit): void {
    const datas: string[] = [];
    for (const { data } of events) if (data !== "[DONE]") datas.push(data);
    if (datas.length > 1 && datas.every((d) => d.charCodeAt(0) === 123 && d.charCodeAt(d.length - 1) === 125)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(`[${compactBatch(datas.join(","))}]`);
      } catch {
        parsed = undefined;
      }
      // Objects joined by commas parse to as many elements only if each parsed on its own.
      if (Array.isArray(parsed) && parsed.length === datas.length) {
        for (const chunk of parsed) {
          if (Array.isArray(chunk)) this.choice({ delta: chunk[0] }, emit);
          else this.chunk(chunk as Obj, emit);
        }
        return;
      }
    }
    for (const event of events) this.push(event, emit);
  }

  private chunk(chunk: Obj, emit: Emit): void {
    if (!chunk || typeof chunk !== "object") return;
    if (chunk.error)
      throw new ApiError(
        502,
        `Workers AI failed mid-stream: ${textOf(chunk.error.message ?? chunk.error)}`,
        "server_error",
        null,
        "upstream_error",
      );
    if (Array.isArray(chunk.choices)) {
      for (const choice of chunk.choices as Obj[]) this.choice(choice, emit);
    } else {
      if (chunk.response !== undefined && chunk.response !== null) {
        const text = textOf(chunk.response);
        if (text) emit({ type: "text", text });
      }
      this.toolCalls(chunk.tool_calls, emit);
    }
    if (chunk.usage && typeof chunk.usage === "object") this.lastUsage = usageOf(chunk.usage);
  }

  private choice(choice: Obj, emit: Emit): void {
    const delta = (choice.delta ?? choice.message ?? {}) as Obj;
    const reasoning = delta.reasoning_content ?? delta.reasoning;
    if (typeof reasoning === "string" && reasoning) emit({ type: "reasoning", text: reasoning });
    // text_completion chunks (a chat model given a bare prompt) carry choices[].text.
    const content = delta.content ?? choice.text;
    if (content !== undefined && content !== null) {
      const text = textOf(content);
      if (text) emit({ type: "text", text });
    }
    this.toolCalls(delta.tool_calls, emit);
    const reason = finishReasonOf(choice.finish_reason);
    if (reason) emit({ type: "finish", reason });
  }

  end(emit: Emit): void {
    // Usage may arrive on every chunk, cumulatively: only the last one counts.
    const usage = typeof this.lastUsage === "string" ? usageOf(JSON.parse(this.lastUsage)) : this.lastUsage;
    if (usage) emit({ type: "usage", usage });
  }

  private toolCalls(calls: unknown, emit: Emit): void {
    if (!Array.isArray(calls)) return;
    calls.forEach((call: Obj, position) => {
      if (!call || typeof call !== "object") return;
      const fn = (call.function ?? call) as Obj;
      const complete = fn.arguments !== undefined && typeof fn.arguments !== "string";
      const args = fn.arguments === undefined || fn.arguments === null ? "" : argumentsText(fn.arguments);
      const event: AiEvent = { type: "tool", index: this.toolIndex(call, position, complete), args };
      if (typeof call.id === "string" && call.id) event.id = call.id;
      if (typeof fn.name === "string" && fn.name) event.name = fn.name;
      if (event.args || event.id || event.name) emit(event);
    });
  }

  /** Fragments carry their own index; whole calls (native models) each get the next free one. */
  private toolIndex(call: Obj, position: number, complete: boolean): number {
    if (typeof call.index === "number" && !complete) {
      this.nextToolIndex = Math.max(this.nextToolIndex, call.index + 1);
      return call.index;
    }
    const index = Math.max(this.nextToolIndex, position);
    this.nextToolIndex = index + 1;
    return index;
  }
}

/** A finished answer replayed as events: for cached answers served as a stream, and non-stream upstreams. */
export function resultEvents(result: TextResult): AiEvent[] {
  const events: AiEvent[] = [];
  if (result.reasoning) events.push({ type: "reasoning", text: result.reasoning });
  if (result.text) events.push({ type: "text", text: result.text });
  result.toolCalls.forEach((call, index) => events.push({ type: "tool", index, id: call.id, name: call.name, args: call.arguments }));
  events.push({ type: "usage", usage: result.usage });
  events.push({ type: "finish", reason: result.finishReason });
  return events;
}
