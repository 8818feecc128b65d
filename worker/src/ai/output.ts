// Workers AI answers a non-stream text request in one of four shapes; this turns any of them into one result.
// Detect the shape from the data, never from the model name: models move between shapes.
import { ApiError } from "../http/errors.js";
import { randomChars } from "../random.js";

export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter";

export interface ToolCall {
  id: string;
  name: string;
  /** Always a JSON string, as OpenAI sends it, whatever form the model used. */
  arguments: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** Prompt tokens served from Workers AI's prompt cache (x-session-affinity), when the model reports them. */
  prompt_tokens_details?: { cached_tokens: number };
  /** Tokens spent thinking, when the model reports them. */
  completion_tokens_details?: { reasoning_tokens: number };
}

export interface TextResult {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: Usage;
}

type Obj = Record<string, any>;

export function normaliseTextOutput(output: unknown, maxTokens: number | undefined): TextResult {
  if (typeof output === "string") return finish({ text: output }, maxTokens);
  if (!output || typeof output !== "object") throw unexpected(output);
  const o = output as Obj;
  if (o.object === "response" || Array.isArray(o.output)) return fromResponses(o, maxTokens);
  if (Array.isArray(o.choices)) return fromChatShape(o, maxTokens);
  if ("response" in o || "tool_calls" in o) return fromNative(o, maxTokens);
  throw unexpected(output);
}

function fromNative(o: Obj, maxTokens: number | undefined): TextResult {
  return finish({ text: textOf(o.response), toolCalls: toolCallsOf(o.tool_calls), usage: usageOf(o.usage) }, maxTokens);
}

function fromChatShape(o: Obj, maxTokens: number | undefined): TextResult {
  const choice = (o.choices[0] ?? {}) as Obj;
  const message = (choice.message ?? {}) as Obj;
  return finish(
    {
      // A chat model given a bare prompt answers as a legacy text_completion: choices[].text.
      text: textOf(message.content ?? choice.text),
      reasoning: textOf(message.reasoning_content ?? message.reasoning),
      toolCalls: toolCallsOf(message.tool_calls),
      usage: usageOf(o.usage),
      finishReason: finishReasonOf(choice.finish_reason),
    },
    maxTokens,
  );
}

function fromResponses(o: Obj, maxTokens: number | undefined): TextResult {
  let text = "";
  let reasoning = "";
  const calls: Obj[] = [];
  for (const item of (o.output ?? []) as Obj[]) {
    if (item.type === "message")
      for (const part of item.content ?? []) text += part.type === "output_text" || part.type === "text" ? (part.text ?? "") : "";
    else if (item.type === "reasoning") for (const part of [...(item.content ?? []), ...(item.summary ?? [])]) reasoning += part.text ?? "";
    else if (item.type === "function_call") calls.push({ id: item.call_id ?? item.id, name: item.name, arguments: item.arguments });
  }
  if (!text && typeof o.output_text === "string") text = o.output_text;
  const usage = usageOf(o.usage);
  const finishReason = o.status === "incomplete" ? "length" : undefined;
  return finish({ text, reasoning, toolCalls: toolCallsOf(calls), usage, finishReason }, maxTokens);
}

function finish(partial: Partial<TextResult>, maxTokens: number | undefined): TextResult {
  const toolCalls = partial.toolCalls ?? [];
  const usage = partial.usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  return {
    text: partial.text ?? "",
    reasoning: partial.reasoning ?? "",
    toolCalls,
    finishReason: finishReason(toolCalls.length > 0, partial.finishReason, usage, maxTokens),
    usage,
  };
}

/** Why an answer ended, for every path (whole answers, streams, cached replays): one rule. */
export function finishReason(
  hasTools: boolean,
  upstream: FinishReason | undefined,
  usage: Usage | undefined,
  maxTokens: number | undefined,
): FinishReason {
  if (hasTools) return "tool_calls";
  if (upstream) return upstream;
  // Native models do not say why they stopped; reaching the token limit is the one case we can tell.
  return maxTokens !== undefined && usage !== undefined && usage.completion_tokens >= maxTokens ? "length" : "stop";
}

/** `response` may be a string, null, a number, or (JSON mode) an object. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((part) => (typeof part === "string" ? part : (part?.text ?? ""))).join("");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function argumentsText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value ?? {});
}

function toolCallsOf(value: unknown): ToolCall[] {
  if (!Array.isArray(value)) return [];
  return value.map((call: Obj) => {
    const fn = (call.function ?? call) as Obj;
    return {
      id: typeof call.id === "string" && call.id ? call.id : newToolCallId(),
      name: String(fn.name ?? ""),
      arguments: argumentsText(fn.arguments),
    };
  });
}

/** Usage in chat (`prompt_tokens`, `*_details`) or Responses (`input_tokens`, `*_tokens_details`) terms. */
export function usageOf(value: unknown): Usage | undefined {
  if (!value || typeof value !== "object") return undefined;
  const u = value as Obj;
  const prompt = Number(u.prompt_tokens ?? u.input_tokens ?? 0) || 0;
  const completion = Number(u.completion_tokens ?? u.output_tokens ?? 0) || 0;
  const usage: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: Number(u.total_tokens) || prompt + completion,
  };
  const cached = (u.prompt_tokens_details ?? u.input_tokens_details)?.cached_tokens;
  const reasoning = (u.completion_tokens_details ?? u.output_tokens_details)?.reasoning_tokens;
  if (typeof cached === "number") usage.prompt_tokens_details = { cached_tokens: cached };
  if (typeof reasoning === "number") usage.completion_tokens_details = { reasoning_tokens: reasoning };
  return usage;
}

export function finishReasonOf(value: unknown): FinishReason | undefined {
  switch (value) {
    case "stop":
    case "length":
    case "tool_calls":
    case "content_filter":
      return value;
    case "function_call":
      return "tool_calls";
    case "eos":
    case "end_turn":
      return "stop";
    case "max_tokens":
      return "length";
    default:
      return undefined;
  }
}

export function newToolCallId(): string {
  return `call_${randomId(24)}`;
}

export function randomId(length: number): string {
  return randomChars(length);
}

function unexpected(output: unknown): ApiError {
  const preview = JSON.stringify(output)?.slice(0, 200) ?? String(output);
  return new ApiError(
    502,
    `Workers AI returned an answer of an unexpected shape: ${preview}`,
    "server_error",
    null,
    "upstream_bad_response",
  );
}
