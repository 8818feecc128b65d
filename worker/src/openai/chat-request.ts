// POST /v1/chat/completions: validate OpenAI's request and translate it into Workers AI inputs.
import type { Config } from "../config.js";
import { badRequest } from "../http/errors.js";
import { REASONING_EFFORTS, SESSION_INPUT } from "../ai/reasoning.js";
import {
  asObject,
  optionalArray,
  optionalBoolean,
  optionalEnum,
  optionalNumber,
  optionalObject,
  optionalString,
  requiredArray,
} from "../http/fields.js";
import type { ModelRequest } from "../ai/run.js";
import { resolveModel } from "./model.js";
import { DEFAULT_MAX_TOKENS, parseSampling, type Sampling } from "./sampling.js";
import { parseResponseFormat, parseToolChoice, parseTools } from "./tools.js";

export interface ChatRequest {
  model: string;
  /** The candidates to serve it, in order (an alias's list, or the one id named). */
  modelRequest: ModelRequest;
  /** The name the client asked for, echoed back in `model`. */
  requestedModel: string;
  /** What Workers AI receives (without `stream`, which the route adds). */
  inputs: Record<string, unknown>;
  stream: boolean;
  includeUsage: boolean;
  sampling: Sampling;
}

const ROLES = ["system", "developer", "user", "assistant", "tool"] as const;

/** `streamed`: whether the answer will be streamed (the body's `stream` unless the route streams it itself). */
export function parseChatRequest(body: Record<string, unknown>, config: Config, streamed = body.stream === true): ChatRequest {
  const { model, requested, request: modelRequest } = resolveModel(body, config, config.defaultModel);
  const raw = requiredArray(body, "messages");
  if (raw.length === 0) throw badRequest("'messages' must contain at least one message.", "messages");
  const messages = raw.map((m, i) => translateMessage(m, `messages[${i}]`));
  const n = optionalNumber(body, "n", { min: 1, max: 128, integer: true });
  if (n !== undefined && n > 1)
    throw badRequest(
      "'n' greater than 1 is not supported by this proxy: Workers AI returns one choice per request. Send n separate requests instead.",
      "n",
      "unsupported_parameter",
    );

  const sampling = parseSampling(body, undefined, streamed ? config.streamMaxTokens : DEFAULT_MAX_TOKENS);
  const inputs: Record<string, unknown> = { messages, ...sampling.inputs };
  const toolChoice = parseToolChoice(body.tool_choice);
  const tools = parseTools(optionalArray(body, "tools"));
  if (tools.length && toolChoice !== "none") {
    inputs.tools = tools;
    if (toolChoice !== undefined) inputs.tool_choice = toolChoice;
    const parallel = optionalBoolean(body, "parallel_tool_calls");
    if (parallel !== undefined) inputs.parallel_tool_calls = parallel;
  }
  const format = parseResponseFormat(optionalObject(body, "response_format"), "response_format");
  if (format) inputs.response_format = format;
  // Put in each model's own terms once the serving model is known (ai/reasoning.ts).
  const effort = optionalEnum(body, "reasoning_effort", REASONING_EFFORTS);
  if (effort) inputs.reasoning_effort = effort;
  // Workers AI's prompt caching keys on x-session-affinity; run.ts moves it from the inputs to that header.
  const cacheKey = optionalString(body, "prompt_cache_key")?.trim();
  if (cacheKey) inputs[SESSION_INPUT] = cacheKey;

  const stream = optionalBoolean(body, "stream") ?? false;
  const streamOptions = optionalObject(body, "stream_options");
  const includeUsage = streamOptions ? (optionalBoolean(streamOptions, "include_usage", "stream_options.include_usage") ?? false) : false;
  return { model, modelRequest, requestedModel: requested, inputs, stream, includeUsage, sampling };
}

function translateMessage(value: unknown, param: string): Record<string, unknown> {
  const message = asObject(value, param);
  const role = optionalString(message, "role", `${param}.role`);
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    throw badRequest(`'${param}.role' must be one of ${ROLES.map((r) => `'${r}'`).join(", ")}.`, `${param}.role`);
  }
  const out: Record<string, unknown> = {
    role: role === "developer" ? "system" : role,
    content: translateContent(message.content, `${param}.content`),
  };
  if (role === "tool") {
    const id = optionalString(message, "tool_call_id", `${param}.tool_call_id`);
    if (!id) throw badRequest(`'${param}.tool_call_id' is required for a tool message.`, `${param}.tool_call_id`);
    out.tool_call_id = id;
  }
  if (role === "assistant" && message.tool_calls !== undefined && message.tool_calls !== null) {
    const calls = optionalArray(message, "tool_calls", `${param}.tool_calls`)!.map((call, i) => {
      const p = `${param}.tool_calls[${i}]`;
      const c = asObject(call, p);
      const fn = asObject(c.function, `${p}.function`);
      const name = optionalString(fn, "name", `${p}.function.name`);
      if (!name) throw badRequest(`'${p}.function.name' is required.`, `${p}.function.name`);
      const args = optionalString(fn, "arguments", `${p}.function.arguments`) ?? "{}";
      return { id: optionalString(c, "id", `${p}.id`) ?? "", type: "function", function: { name, arguments: args } };
    });
    if (calls.length) {
      out.tool_calls = calls;
      // Native models read the conversation as text: show them the calls the way their template writes them.
      if (!out.content)
        out.content = calls.map((c) => JSON.stringify({ name: c.function.name, parameters: safeJson(c.function.arguments) })).join("\n");
    }
  }
  if (typeof message.name === "string" && message.name) out.name = message.name;
  return out;
}

/** Strings stay strings; text-only part arrays become one string (what native models read); images stay parts. */
function translateContent(content: unknown, param: string): string | Record<string, unknown>[] {
  if (content === undefined || content === null) return "";
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) throw badRequest(`'${param}' must be a string or an array of content parts.`, param);
  const parts = content.map((part, i) => {
    const p = asObject(part, `${param}[${i}]`);
    const type = p.type;
    if (type === "text" || type === "input_text" || type === "output_text") {
      if (typeof p.text !== "string") throw badRequest(`'${param}[${i}].text' must be a string.`, `${param}[${i}].text`);
      return { type: "text", text: p.text };
    }
    if (type === "image_url") {
      const image = asObject(p.image_url, `${param}[${i}].image_url`);
      if (typeof image.url !== "string" || !image.url)
        throw badRequest(`'${param}[${i}].image_url.url' must be a URL or a data: URL.`, `${param}[${i}].image_url.url`);
      return { type: "image_url", image_url: { url: image.url } };
    }
    if (type === "refusal") return { type: "text", text: String(p.refusal ?? "") };
    throw badRequest(`'${param}[${i}].type' must be 'text' or 'image_url', got ${JSON.stringify(type)}.`, `${param}[${i}].type`);
  });
  return parts.every((p) => p.type === "text") ? parts.map((p) => (p as { text: string }).text).join("\n") : parts;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
