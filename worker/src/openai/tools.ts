// Function tools, tool_choice and JSON output modes, from OpenAI's forms to what Workers AI takes.
import { badRequest } from "../http/errors.js";
import { asObject, optionalString } from "../http/fields.js";

const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export interface WorkersAiTool {
  type: "function";
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

/** Chat Completions' `[{type:"function", function:{name, description, parameters}}]`. */
export function parseTools(tools: unknown[] | undefined, param = "tools"): WorkersAiTool[] {
  return (tools ?? []).map((value, i) => {
    const tool = asObject(value, `${param}[${i}]`);
    if (tool.type !== "function")
      throw badRequest(`'${param}[${i}].type' must be 'function'; other tool types are not supported.`, `${param}[${i}].type`);
    const fn = asObject(tool.function, `${param}[${i}].function`);
    return functionTool(fn, `${param}[${i}].function`);
  });
}

/** The Responses API's flat form `{type:"function", name, description, parameters}`. */
export function parseFlatTools(tools: unknown[] | undefined, param = "tools"): WorkersAiTool[] {
  return (tools ?? []).map((value, i) => {
    const tool = asObject(value, `${param}[${i}]`);
    if (tool.type !== "function")
      throw badRequest(
        `'${param}[${i}].type' must be 'function'; built-in tools such as '${String(tool.type)}' are not available on Workers AI.`,
        `${param}[${i}].type`,
      );
    return functionTool(tool, `${param}[${i}]`);
  });
}

function functionTool(fn: Record<string, unknown>, param: string): WorkersAiTool {
  const name = optionalString(fn, "name", `${param}.name`);
  if (!name || !TOOL_NAME.test(name)) throw badRequest(`'${param}.name' must be 1–64 letters, digits, '_' or '-'.`, `${param}.name`);
  const parameters =
    fn.parameters === undefined || fn.parameters === null
      ? { type: "object", properties: {} }
      : asObject(fn.parameters, `${param}.parameters`);
  return { type: "function", function: { name, description: optionalString(fn, "description", `${param}.description`) ?? "", parameters } };
}

export type ToolChoice = "none" | "auto" | "required" | { type: "function"; function: { name: string } };

export function parseToolChoice(value: unknown, param = "tool_choice"): ToolChoice | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === "none" || value === "auto" || value === "required") return value;
  if (value && typeof value === "object" && (value as any).type === "function") {
    const name = (value as any).function?.name ?? (value as any).name;
    if (typeof name === "string" && name) return { type: "function", function: { name } };
  }
  throw badRequest(`'${param}' must be 'none', 'auto', 'required' or {"type":"function","function":{"name":…}}.`, param);
}

export type WorkersAiFormat = { type: "json_object" } | { type: "json_schema"; json_schema: Record<string, unknown> };

/**
 * Chat's `response_format` ({type, json_schema:{name, schema, strict}}) or the Responses API's
 * `text.format` ({type, name, schema, strict}) → Workers AI's JSON mode, which takes the bare schema.
 */
export function parseResponseFormat(format: Record<string, unknown> | undefined, param: string): WorkersAiFormat | undefined {
  if (!format) return undefined;
  switch (format.type) {
    case undefined:
    case "text":
      return undefined;
    case "json_object":
      return { type: "json_object" };
    case "json_schema": {
      const wrapper = format.json_schema === undefined ? format : asObject(format.json_schema, `${param}.json_schema`);
      const schema = asObject(wrapper.schema, `${param}${format.json_schema === undefined ? "" : ".json_schema"}.schema`);
      return { type: "json_schema", json_schema: schema };
    }
    default:
      throw badRequest(`'${param}.type' must be 'text', 'json_object' or 'json_schema'.`, `${param}.type`);
  }
}
