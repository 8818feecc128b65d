// Request bodies of the Assistants API, checked field by field (a 400 names the field) and turned into
// what the operations store.
import type { Config } from "../config.js";
import { badRequest } from "../http/errors.js";
import {
  asObject,
  optionalArray,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalString,
  requiredString,
} from "../http/fields.js";
import { parseMetadata } from "../openai/metadata.js";
import { resolveModel } from "../openai/model.js";
import { parseResponseFormat, parseToolChoice, parseTools } from "../openai/tools.js";
import type { AssistantFields } from "./assistant-ops.js";
import type { Assistant, FunctionTool, MessageContent, MessageInput } from "./objects.js";
import { AUTO_TRUNCATION_MESSAGES, type RunTemplate } from "./run-ops.js";

type Body = Record<string, unknown>;

/** The largest max_prompt_tokens / max_completion_tokens a run takes (README, limits). */
export const MAX_RUN_TOKENS = 1_000_000;

function maxLength(body: Body, field: string, max: number, param = field): string | null | undefined {
  const value = optionalString(body, field, param);
  if (value !== undefined && value.length > max)
    throw badRequest(`'${param}' may be at most ${max} characters, got ${value.length}.`, param);
  return body[field] === null ? null : value;
}

/** Function tools in the Assistants form; the worker rejects the built-in tools it cannot run. */
function tools(body: Body, field: string, max: number): FunctionTool[] | undefined {
  const list = optionalArray(body, field);
  if (list === undefined) return undefined;
  if (list.length > max) throw badRequest(`'${field}' may hold at most ${max} tools.`, field);
  return parseTools(list, field).map((tool, i) => {
    const strict = (list[i] as { function: { strict?: unknown } }).function.strict;
    return { type: "function", function: { ...tool.function, ...(typeof strict === "boolean" ? { strict } : {}) } };
  });
}

/** `"auto"`, or a response_format object Workers AI can honour. */
function responseFormat(body: Body, param = "response_format"): unknown {
  const value = body.response_format;
  if (value === undefined || value === null || value === "auto") return value ?? undefined;
  parseResponseFormat(optionalObject(body, "response_format", param), param);
  return value;
}

const sampling = (body: Body) => ({
  temperature: optionalNumber(body, "temperature", { min: 0, max: 2 }),
  top_p: optionalNumber(body, "top_p", { min: 0, max: 1 }),
});

export function parseAssistant(body: Body, config: Config, creating: boolean): Partial<AssistantFields> {
  const fields: Partial<AssistantFields> = {};
  if (creating || body.model !== undefined) {
    fields.model = requiredString(body, "model");
    resolveModel(body, config, config.defaultModel);
  }
  const set = <K extends keyof AssistantFields>(key: K, value: AssistantFields[K] | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  set("name", maxLength(body, "name", 256));
  set("description", maxLength(body, "description", 512));
  set("instructions", maxLength(body, "instructions", 256_000));
  set("tools", tools(body, "tools", 128));
  set("tool_resources", body.tool_resources === null ? null : optionalObject(body, "tool_resources"));
  set("metadata", parseMetadata(body));
  const { temperature, top_p } = sampling(body);
  set("temperature", body.temperature === null ? null : temperature);
  set("top_p", body.top_p === null ? null : top_p);
  set("response_format", responseFormat(body));
  if (creating)
    return {
      name: null,
      description: null,
      instructions: null,
      tools: [],
      tool_resources: null,
      metadata: {},
      temperature: null,
      top_p: null,
      response_format: "auto",
      ...fields,
    };
  return fields;
}

/** Stored (not read: there is no Files API) in the spec's shape, from checked fields only. */
function attachments(body: Body, param: string): { file_id: string; tools: { type: string }[] }[] {
  return (optionalArray(body, "attachments", param) ?? []).map((raw, i) => {
    const item = asObject(raw, `${param}[${i}]`);
    const tools = (optionalArray(item, "tools", `${param}[${i}].tools`) ?? []).map((tool, j) => {
      const type = asObject(tool, `${param}[${i}].tools[${j}]`).type;
      if (type !== "code_interpreter" && type !== "file_search")
        throw badRequest(
          `'${param}[${i}].tools[${j}].type' must be 'code_interpreter' or 'file_search'.`,
          `${param}[${i}].tools[${j}].type`,
        );
      return { type };
    });
    return { file_id: requiredString(item, "file_id", `${param}[${i}].file_id`), tools };
  });
}

function content(value: unknown, param: string): MessageContent[] {
  if (typeof value === "string") return [{ type: "text", text: { value, annotations: [] } }];
  if (!Array.isArray(value) || value.length === 0)
    throw badRequest(`'${param}' must be a string or a non-empty array of content parts.`, param);
  return value.map((raw, i) => {
    const part = asObject(raw, `${param}[${i}]`);
    if (part.type === "text")
      return { type: "text", text: { value: requiredString(part, "text", `${param}[${i}].text`), annotations: [] } };
    if (part.type === "image_url") {
      const image = asObject(part.image_url, `${param}[${i}].image_url`);
      return {
        type: "image_url",
        image_url: {
          url: requiredString(image, "url", `${param}[${i}].image_url.url`),
          detail: optionalString(image, "detail", `${param}[${i}].image_url.detail`) ?? "auto",
        },
      };
    }
    if (part.type === "image_file")
      throw badRequest(
        `'${param}[${i}].type' 'image_file' needs the Files API, which this proxy does not have; send the image as 'image_url'.`,
        `${param}[${i}].type`,
      );
    throw badRequest(`'${param}[${i}].type' must be 'text' or 'image_url'.`, `${param}[${i}].type`);
  });
}

/** OpenAI's limit on a message's text. */
const MAX_MESSAGE_CHARACTERS = 256_000;

export function parseMessage(value: unknown, param = ""): MessageInput {
  const body = asObject(value, param || "body");
  const at = (field: string) => (param ? `${param}.${field}` : field);
  const role = optionalString(body, "role", at("role"));
  if (role !== "user" && role !== "assistant") throw badRequest(`'${at("role")}' must be 'user' or 'assistant'.`, at("role"));
  if (body.content === undefined || body.content === null) throw badRequest(`'${at("content")}' is required.`, at("content"));
  const parts = content(body.content, at("content"));
  const characters = parts.reduce((n, part) => n + (part.type === "text" ? part.text.value.length : 0), 0);
  if (characters > MAX_MESSAGE_CHARACTERS)
    throw badRequest(`'${at("content")}' may be at most ${MAX_MESSAGE_CHARACTERS} characters, got ${characters}.`, at("content"));
  return {
    role,
    content: parts,
    attachments: attachments(body, at("attachments")),
    metadata: parseMetadata(body, "metadata", at("metadata")) ?? {},
  };
}

export function parseMessages(body: Body, field: string, param = field): MessageInput[] {
  return (optionalArray(body, field, param) ?? []).map((m, i) => parseMessage(m, `${param}[${i}]`));
}

export interface ThreadInput {
  metadata: Record<string, string>;
  tool_resources: Record<string, unknown> | null;
  messages: MessageInput[];
}

export function parseThread(body: Body, param = ""): ThreadInput {
  const at = (field: string) => (param ? `${param}.${field}` : field);
  return {
    metadata: parseMetadata(body, "metadata", at("metadata")) ?? {},
    tool_resources: optionalObject(body, "tool_resources", at("tool_resources")) ?? null,
    messages: parseMessages(body, "messages", at("messages")),
  };
}

/** A run's settings: the request's overrides on top of the assistant's. */
export function parseRun(body: Body, assistant: Assistant, config: Config): { template: RunTemplate; stream: boolean } {
  const model = optionalString(body, "model") ?? assistant.model;
  resolveModel({ model }, config, config.defaultModel);
  const base = optionalString(body, "instructions") ?? assistant.instructions ?? "";
  const extra = optionalString(body, "additional_instructions");
  const { temperature, top_p } = sampling(body);
  // OpenAI's spec: at least 256 each (a run object with less would not validate). At most what a model can take.
  const maxPrompt = optionalNumber(body, "max_prompt_tokens", { min: 256, max: MAX_RUN_TOKENS, integer: true });
  const maxCompletion = optionalNumber(body, "max_completion_tokens", { min: 256, max: MAX_RUN_TOKENS, integer: true });
  parseToolChoice(body.tool_choice);
  return {
    stream: optionalBoolean(body, "stream") ?? false,
    template: {
      assistant_id: assistant.id,
      model,
      instructions: extra ? (base ? `${base}\n\n${extra}` : extra) : base,
      tools: tools(body, "tools", 20) ?? assistant.tools,
      metadata: parseMetadata(body) ?? {},
      temperature: temperature ?? assistant.temperature ?? null,
      top_p: top_p ?? assistant.top_p ?? null,
      max_prompt_tokens: maxPrompt ?? null,
      max_completion_tokens: maxCompletion ?? null,
      truncation_strategy: truncation(body),
      tool_choice: body.tool_choice ?? "auto",
      parallel_tool_calls: optionalBoolean(body, "parallel_tool_calls") ?? true,
      response_format: responseFormat(body) ?? assistant.response_format ?? "auto",
    },
  };
}

function truncation(body: Body): RunTemplate["truncation_strategy"] {
  const value = optionalObject(body, "truncation_strategy");
  if (!value) return { type: "auto", last_messages: null };
  if (value.type === "auto") return { type: "auto", last_messages: null };
  if (value.type !== "last_messages")
    throw badRequest("'truncation_strategy.type' must be 'auto' or 'last_messages'.", "truncation_strategy.type");
  // A run reads as many rows as it sends: no more than `auto` sends (README, limits).
  const last = optionalNumber(
    value,
    "last_messages",
    { min: 1, max: AUTO_TRUNCATION_MESSAGES, integer: true },
    "truncation_strategy.last_messages",
  );
  if (last === undefined)
    throw badRequest(
      "'truncation_strategy.last_messages' is required when the type is 'last_messages'.",
      "truncation_strategy.last_messages",
    );
  return { type: "last_messages", last_messages: last };
}

export function parseToolOutputs(body: Body): { outputs: { tool_call_id: string; output: string }[]; stream: boolean } {
  const list = optionalArray(body, "tool_outputs");
  if (!list || list.length === 0) throw badRequest("'tool_outputs' must be a non-empty array.", "tool_outputs");
  const outputs = list.map((raw, i) => {
    const item = asObject(raw, `tool_outputs[${i}]`);
    return {
      tool_call_id: requiredString(item, "tool_call_id", `tool_outputs[${i}].tool_call_id`),
      output: optionalString(item, "output", `tool_outputs[${i}].output`) ?? "",
    };
  });
  return { outputs, stream: optionalBoolean(body, "stream") ?? false };
}
