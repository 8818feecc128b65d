// POST /v1/responses and conversation items: the request checked field by field, input turned into items.
import type { Config } from "../config.js";
import { badRequest } from "../http/errors.js";
import { MAX_OUTPUT_TOKENS } from "../openai/sampling.js";
import {
  asObject,
  optionalArray,
  optionalBoolean,
  optionalEnum,
  optionalNumber,
  optionalObject,
  optionalString,
  requiredString,
} from "../http/fields.js";
import { parseMetadata } from "../openai/metadata.js";
import { resolveModel } from "../openai/model.js";
import { REASONING_EFFORTS } from "../ai/reasoning.js";
import { parseFlatTools, parseResponseFormat, parseToolChoice } from "../openai/tools.js";
import type { InputContent, NewItem } from "./items.js";

type Body = Record<string, unknown>;
const ROLES = ["user", "assistant", "system", "developer"] as const;

function messageContent(value: unknown, role: string, param: string): InputContent[] {
  const output = role === "assistant";
  const text = (t: string): InputContent => (output ? { type: "output_text", text: t, annotations: [] } : { type: "input_text", text: t });
  if (typeof value === "string") return [text(value)];
  if (!Array.isArray(value)) throw badRequest(`'${param}' must be a string or an array of content parts.`, param);
  return value.map((raw, i) => {
    const part = asObject(raw, `${param}[${i}]`);
    const at = `${param}[${i}]`;
    switch (part.type) {
      case "input_text":
      case "output_text":
        return text(requiredString(part, "text", `${at}.text`));
      case "refusal":
        return text(optionalString(part, "refusal", `${at}.refusal`) ?? "");
      case "input_image": {
        const url = optionalString(part, "image_url", `${at}.image_url`);
        if (!url)
          throw badRequest(
            `'${at}.image_url' is required (a URL or a data: URL); file ids need the Files API, which this proxy does not have.`,
            `${at}.image_url`,
          );
        return { type: "input_image", image_url: url, detail: optionalString(part, "detail", `${at}.detail`) ?? "auto" };
      }
      default:
        throw badRequest(`'${at}.type' must be 'input_text', 'input_image' or 'output_text'.`, `${at}.type`);
    }
  });
}

/** One input item; undefined for items the model has no use for here (reasoning). */
function item(value: unknown, param: string): NewItem | undefined {
  const raw = asObject(value, param);
  const type = raw.type ?? "message";
  switch (type) {
    case "message": {
      const role = optionalString(raw, "role", `${param}.role`);
      if (!role || !(ROLES as readonly string[]).includes(role))
        throw badRequest(`'${param}.role' must be one of ${ROLES.map((r) => `'${r}'`).join(", ")}.`, `${param}.role`);
      return {
        type: "message",
        role: role as (typeof ROLES)[number],
        status: "completed",
        content: messageContent(raw.content, role, `${param}.content`),
      };
    }
    case "function_call":
      return {
        type: "function_call",
        call_id: requiredString(raw, "call_id", `${param}.call_id`),
        name: requiredString(raw, "name", `${param}.name`),
        arguments: optionalString(raw, "arguments", `${param}.arguments`) ?? "{}",
        status: "completed",
      };
    case "function_call_output": {
      const output = raw.output;
      const text =
        typeof output === "string"
          ? output
          : Array.isArray(output)
            ? output.map((p) => String((p as Body)?.text ?? "")).join("")
            : undefined;
      if (text === undefined) throw badRequest(`'${param}.output' must be a string.`, `${param}.output`);
      return {
        type: "function_call_output",
        call_id: requiredString(raw, "call_id", `${param}.call_id`),
        output: text,
        status: "completed",
      };
    }
    case "reasoning":
      return undefined;
    default:
      throw badRequest(
        `'${param}.type' ${JSON.stringify(type)} is not supported; use messages, function_call and function_call_output items.`,
        `${param}.type`,
      );
  }
}

export function parseItems(value: unknown, param: string, max?: number): NewItem[] {
  if (typeof value === "string")
    return [{ type: "message", role: "user", status: "completed", content: [{ type: "input_text", text: value }] }];
  if (!Array.isArray(value)) throw badRequest(`'${param}' must be a string or an array of items.`, param);
  if (max !== undefined && value.length > max) throw badRequest(`'${param}' may hold at most ${max} items, got ${value.length}.`, param);
  return value.flatMap((raw, i) => item(raw, `${param}[${i}]`) ?? []);
}

export interface ResponseRequest {
  model: string;
  requestedModel: string;
  input: NewItem[];
  instructions: string | null;
  previousResponseId: string | undefined;
  conversationId: string | undefined;
  store: boolean;
  stream: boolean;
  /** The chat-form settings the model call is built from. */
  chat: Body;
  /** Fields echoed in the response object. */
  echo: {
    tools: unknown[];
    tool_choice: unknown;
    text: { format: Body };
    temperature: number;
    top_p: number;
    max_output_tokens: number | null;
    parallel_tool_calls: boolean;
    metadata: Record<string, string>;
    user: string | null;
    /** Optional: responses stored before it was echoed lack it. */
    reasoning?: { effort: string | null; summary: null };
  };
}

export function parseResponseRequest(body: Body, config: Config): ResponseRequest {
  const { model, requested } = resolveModel(body, config, config.defaultModel);
  if (body.input === undefined || body.input === null) throw badRequest("'input' is required.", "input");
  const input = parseItems(body.input, "input");
  const previousResponseId = optionalString(body, "previous_response_id");
  const conversation = body.conversation;
  const conversationId =
    typeof conversation === "object" && conversation !== null
      ? optionalString(conversation as Body, "id", "conversation.id")
      : optionalString(body, "conversation");
  if (previousResponseId && conversationId)
    throw badRequest("'previous_response_id' and 'conversation' cannot be used together.", "conversation");
  if (optionalBoolean(body, "background"))
    throw badRequest("'background' responses are not supported by this proxy.", "background", "unsupported_parameter");
  const tools = optionalArray(body, "tools") ?? [];
  const parsedTools = parseFlatTools(tools);
  const toolChoice = parseToolChoice(body.tool_choice);
  const text = optionalObject(body, "text");
  const format = text ? optionalObject(text, "format", "text.format") : undefined;
  parseResponseFormat(format, "text.format");
  if (format && format.type === undefined)
    throw badRequest("'text.format.type' is required: 'text', 'json_object' or 'json_schema'.", "text.format.type");
  if (format?.type === "json_schema" && (typeof format.name !== "string" || !format.name))
    throw badRequest("'text.format.name' is required for a json_schema format.", "text.format.name");
  const temperature = optionalNumber(body, "temperature", { min: 0, max: 2 });
  const topP = optionalNumber(body, "top_p", { min: 0, max: 1 });
  const maxOutput = optionalNumber(body, "max_output_tokens", { min: 1, max: MAX_OUTPUT_TOKENS, integer: true });
  const parallel = optionalBoolean(body, "parallel_tool_calls");
  const reasoning = optionalObject(body, "reasoning");
  const effort = reasoning ? optionalEnum(reasoning, "effort", REASONING_EFFORTS, "reasoning.effort") : undefined;
  const responseFormat =
    format && format.type !== "text"
      ? format.type === "json_schema"
        ? { type: "json_schema", json_schema: { name: format.name, schema: format.schema, strict: format.strict } }
        : format
      : undefined;
  return {
    model,
    requestedModel: requested,
    input,
    instructions: optionalString(body, "instructions") ?? null,
    previousResponseId,
    conversationId,
    store: optionalBoolean(body, "store") ?? true,
    stream: optionalBoolean(body, "stream") ?? false,
    chat: {
      // The name as given (none: the default list again, not its first candidate alone).
      model: optionalString(body, "model"),
      temperature,
      top_p: topP,
      max_completion_tokens: maxOutput,
      tools: parsedTools.length ? parsedTools : undefined,
      tool_choice: parsedTools.length ? toolChoice : undefined,
      parallel_tool_calls: parsedTools.length ? parallel : undefined,
      response_format: responseFormat,
      reasoning_effort: effort,
      prompt_cache_key: optionalString(body, "prompt_cache_key"),
    },
    echo: {
      // As the spec has a FunctionTool: checked fields only, never the request's own object (and its extra keys).
      tools: parsedTools.map((tool, i) => {
        const strict = (tools[i] as Body).strict;
        return {
          type: "function",
          name: tool.function.name,
          description: tool.function.description || null,
          parameters: tool.function.parameters,
          strict: typeof strict === "boolean" ? strict : null,
        };
      }),
      tool_choice: body.tool_choice ?? "auto",
      // The format as the spec has it, from checked fields only.
      text: { format: echoFormat(format) },
      temperature: temperature ?? 1,
      top_p: topP ?? 1,
      max_output_tokens: maxOutput ?? null,
      parallel_tool_calls: parallel ?? true,
      metadata: parseMetadata(body) ?? {},
      user: optionalString(body, "user") ?? null,
      reasoning: { effort: effort ?? null, summary: null },
    },
  };
}

function echoFormat(format: Body | undefined): Record<string, unknown> {
  if (!format || format.type === "text") return { type: "text" };
  if (format.type === "json_object") return { type: "json_object" };
  const described = typeof format.description === "string" ? { description: format.description } : {};
  return {
    type: "json_schema",
    name: format.name,
    schema: format.schema,
    ...described,
    strict: typeof format.strict === "boolean" ? format.strict : null,
  };
}
