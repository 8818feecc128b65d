// What a text model "says": reasoning, reply text or JSON value, tool calls, finish reason and usage, decided
// deterministically from the conversation and the directives (rules in types.ts).
import type { ModelSpec } from "./catalogue";
import type { Conversation } from "./conversation";
import type { Directives } from "./directives";
import { invalidInput } from "./errors";
import { minimalInstance } from "./schema";
import { countWords, truncate } from "./tokens";
import type { ChunkMode } from "./types";
import { hashHex, isRecord } from "./util";

export const DEFAULT_MAX_TOKENS = 256;

export interface PlannedCall {
  name: string;
  args: unknown;
  /** Compact JSON of `args`. */
  argsJson: string;
  id: string;
}

export interface Plan {
  model: string;
  /** Seed for ids: a hash of model + inputs. */
  seed: string;
  reasoning: string;
  /** Reply text; null when the model calls tools. For JSON mode, the JSON text. */
  text: string | null;
  /** JSON mode: the value (native models return it as `response`). */
  json?: { value: unknown };
  calls: PlannedCall[];
  finish: "stop" | "length" | "tool_calls";
  promptTokens: number;
  /** Prompt tokens served from the prompt cache (x-session-affinity). */
  cachedTokens: number;
  completionTokens: number;
  maxTokens: number;
  chunk: ChunkMode;
  /** Milliseconds between network chunks of a stream (0: as fast as read). */
  pace: number;
  /** An extra wait after one network chunk of a stream. */
  pause?: { after: number; ms: number };
}

interface ToolDef {
  name: string;
  parameters: unknown;
}

export function makePlan(
  spec: ModelSpec,
  inputs: Record<string, unknown>,
  conv: Conversation,
  strippedUserText: string,
  d: Directives,
  cachedTokens = 0,
): Plan {
  // Stream and non-stream answers share ids, so a rebuilt stream equals the non-stream answer.
  const seed = hashHex(`${spec.name}\n${JSON.stringify({ ...inputs, stream: undefined })}`, 32);
  const maxTokens = firstNumber(inputs.max_tokens, inputs.max_completion_tokens, inputs.max_output_tokens) ?? DEFAULT_MAX_TOKENS;
  // OpenAI-shaped models given a bare prompt complete it as text: no reasoning field, no tool calls.
  const completion = conv.mode === "prompt" && (spec.family === "openai" || spec.family === "gpt-oss");
  const effort = completion ? null : thinkingOf(spec, inputs);
  const isTool = conv.lastRole === "tool";
  const about = isTool ? (conv.toolResult ?? "") : strippedUserText;
  let reasoning = effort === null ? "" : effort === "" ? `Thinking about: ${about}` : `Thinking (${effort} effort) about: ${about}`;

  const calls = isTool || completion ? [] : planCalls(inputs, d, seed);
  let text: string | null = null;
  let json: Plan["json"];
  let cut = false;
  let budget = maxTokens;
  const r = truncate(reasoning, budget);
  reasoning = r.text;
  budget -= countWords(reasoning);
  if (!calls.length) {
    const format = jsonFormat(spec, inputs);
    if (isTool) text = `Tool result: ${conv.toolResult ?? ""}`;
    else if (d.reply !== undefined) text = d.reply;
    else if (d.words !== undefined) text = Array.from({ length: d.words }, (_, i) => `w${i + 1}`).join(" ");
    else if (format) {
      json = { value: format.type === "json_object" ? { echo: strippedUserText } : minimalInstance(format.schema) };
      text = JSON.stringify(json.value);
    } else text = `Echo: ${strippedUserText}`;
    if (!json) {
      const t = truncate(text, budget);
      text = t.text;
      cut = r.cut || t.cut;
    }
  }
  const completionTokens = countWords(reasoning) + countWords(text) + calls.reduce((n, c) => n + countWords(`${c.name} ${c.argsJson}`), 0);
  return {
    model: spec.name,
    seed,
    reasoning,
    text,
    json,
    calls,
    finish: calls.length ? "tool_calls" : cut ? "length" : "stop",
    promptTokens: conv.promptTokens,
    cachedTokens: Math.min(cachedTokens, conv.promptTokens),
    completionTokens,
    maxTokens,
    chunk: d.chunk ?? "default",
    pace: d.pace ?? 0,
    pause: d.pause,
  };
}

/**
 * Whether the model thinks for these inputs: null when not, "" at its default effort, else the effort used.
 * `chat_template_kwargs.enable_thinking` (or `.thinking` for Kimi) switches thinking models; effort models take
 * `reasoning_effort` (or Responses' `reasoning.effort`), normalised as the snapshot says, 5006 for another value.
 */
function thinkingOf(spec: ModelSpec, inputs: Record<string, unknown>): string | null {
  const control = spec.thinking;
  if (!control) return null;
  const kwargs = isRecord(inputs.chat_template_kwargs) ? inputs.chat_template_kwargs : {};
  if (control.kind === "enable_thinking" || control.kind === "thinking") {
    const flag = kwargs[control.kind];
    return (typeof flag === "boolean" ? flag : control.byDefault) ? "" : null;
  }
  const asked = inputs.reasoning_effort ?? (isRecord(inputs.reasoning) ? inputs.reasoning.effort : undefined) ?? null;
  let effort = control.normalise[String(asked)] ?? (asked === null ? control.byDefault : asked);
  if (typeof effort !== "string" || !control.efforts.includes(effort)) {
    throw invalidInput(`reasoning_effort must be one of ${control.efforts.join(", ")} for ${spec.name}, got ${JSON.stringify(asked)}`);
  }
  if (effort === "none") return null;
  if (effort === control.byDefault) effort = "";
  return effort;
}

function firstNumber(...values: unknown[]): number | undefined {
  return values.find((v): v is number => typeof v === "number" && Number.isFinite(v));
}

function planCalls(inputs: Record<string, unknown>, d: Directives, seed: string): PlannedCall[] {
  const tools = toolDefs(inputs.tools);
  const wanted: { name: string; args?: unknown }[] = [];
  if (d.calls.length) wanted.push(...d.calls);
  else if (tools.length && !d.noTools && inputs.tool_choice !== "none") {
    const forced = forcedToolName(inputs.tool_choice);
    wanted.push({ name: tools.find((t) => t.name === forced)?.name ?? tools[0].name });
  }
  return wanted.map((w, i) => {
    const args = w.args !== undefined ? w.args : minimalInstance(tools.find((t) => t.name === w.name)?.parameters ?? {});
    return { name: w.name, args, argsJson: JSON.stringify(args), id: hashHex(`${seed}:call:${i}`, 24) };
  });
}

/** Tools in OpenAI (`{type, function:{name, parameters}}`), legacy (`{name, parameters}`) or Responses form. */
function toolDefs(tools: unknown): ToolDef[] {
  if (!Array.isArray(tools)) return [];
  return tools.filter(isRecord).flatMap((t) => {
    const fn = isRecord(t.function) ? t.function : t;
    return typeof fn.name === "string" ? [{ name: fn.name, parameters: fn.parameters }] : [];
  });
}

function forcedToolName(choice: unknown): string | undefined {
  if (!isRecord(choice)) return undefined;
  if (isRecord(choice.function) && typeof choice.function.name === "string") return choice.function.name;
  return typeof choice.name === "string" ? choice.name : undefined;
}

/** JSON mode requested by `response_format` (or Responses `text.format`), with the schema to satisfy. */
function jsonFormat(spec: ModelSpec, inputs: Record<string, unknown>): { type: string; schema: unknown } | undefined {
  const rf = isRecord(inputs.response_format)
    ? inputs.response_format
    : isRecord(inputs.text) && isRecord(inputs.text.format)
      ? inputs.text.format
      : undefined;
  if (!rf) return undefined;
  if (rf.type === "json_object") return { type: "json_object", schema: {} };
  if (rf.type !== "json_schema") return undefined;
  if (!isRecord(inputs.response_format)) return { type: "json_schema", schema: rf.schema ?? {} };
  const js = rf.json_schema;
  const native = spec.family === "native" || spec.family === "llama4";
  // OpenAI-shaped models unwrap OpenAI's {name, schema}; native ones take json_schema as the bare schema.
  const schema = !native && isRecord(js) && isRecord(js.schema) ? js.schema : js;
  return { type: "json_schema", schema: schema ?? {} };
}
