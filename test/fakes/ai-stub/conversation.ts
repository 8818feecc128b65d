// Reading text-generation inputs: validation (5006, worded like Workers AI's schema validator), the prompt token
// count, the last user text and whether the turn ends with a tool result.
import type { ModelSpec } from "./catalogue";
import { invalidInput, oneOfNotMet, required, typeMismatch } from "./errors";
import { countWords } from "./tokens";
import { isRecord, jsonType } from "./util";

export interface Conversation {
  mode: "messages" | "prompt" | "input";
  promptTokens: number;
  /** The prompt's words in order (what prompt caching compares). */
  promptWords: string[];
  /** Text of the last user message / prompt / input, as sent (directives included). */
  userText: string;
  /** Role of the last message ("user" for prompt and string input). */
  lastRole: string;
  /** Content of the last message when it is a tool result. */
  toolResult?: string;
}

/** Throws a 5006 error when `inputs` do not fit the model's input schema. */
export function validateTextInputs(spec: ModelSpec, inputs: Record<string, unknown>): void {
  if (spec.family === "gpt-oss" && "input" in inputs) {
    const t = jsonType(inputs.input);
    if (t !== "string" && t !== "array") throw invalidInput(typeMismatch("/input", t, "string,array"));
    return;
  }
  const promptProblems = checkPrompt(inputs);
  if (promptProblems.length === 0) return;
  const messageProblems = checkMessages(spec, inputs);
  if (messageProblems.length === 0) return;
  throw oneOfNotMet([...promptProblems, ...messageProblems]);
}

function checkPrompt(inputs: Record<string, unknown>): string[] {
  if (!("prompt" in inputs)) return [required("/", ["prompt"])];
  const t = jsonType(inputs.prompt);
  if (t !== "string") return [typeMismatch("/prompt", t, "string")];
  if ((inputs.prompt as string).length < 1) return ["String is too short (0 < 1) at '/prompt'"];
  return [];
}

function checkMessages(spec: ModelSpec, inputs: Record<string, unknown>): string[] {
  if (!("messages" in inputs)) return [required("/", ["messages"])];
  const messages = inputs.messages;
  if (!Array.isArray(messages)) return [typeMismatch("/messages", jsonType(messages), "array")];
  const problems: string[] = [];
  messages.forEach((m, i) => {
    const path = `/messages/${i}`;
    if (!isRecord(m)) return problems.push(typeMismatch(path, jsonType(m), "object"));
    const missing = ["role", "content"].filter((k) => !(k in m) && !(k === "content" && spec.family !== "native"));
    if (missing.length) return problems.push(required(path, missing));
    if (typeof m.role !== "string") problems.push(typeMismatch(`${path}/role`, jsonType(m.role), "string"));
    const ct = jsonType(m.content);
    if (spec.family === "native") {
      const allowed = spec.stringContentOnly ? ["string"] : ["string", "array"];
      if (!allowed.includes(ct)) problems.push(typeMismatch(`${path}/content`, ct, allowed.join(",")));
    } else if (!["string", "array", "null", "undefined"].includes(ct)) {
      problems.push(typeMismatch(`${path}/content`, ct, "string,array,null"));
    }
  });
  return problems;
}

/** Text of a message content: a string, or the `text` of its parts joined by a space. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((p) => (isRecord(p) && typeof p.text === "string" ? p.text : null))
    .filter((t): t is string => t !== null)
    .join(" ");
}

const wordsOf = (texts: string[]) => texts.join(" ").match(/\S+/g) ?? [];

/** Reads validated inputs. */
export function readConversation(inputs: Record<string, unknown>): Conversation {
  if ("input" in inputs && !("messages" in inputs) && !("prompt" in inputs)) return readResponsesInput(inputs);
  if (typeof inputs.prompt === "string" && !Array.isArray(inputs.messages)) {
    return {
      mode: "prompt",
      promptTokens: countWords(inputs.prompt),
      promptWords: wordsOf([inputs.prompt]),
      userText: inputs.prompt,
      lastRole: "user",
    };
  }
  const messages = (inputs.messages as unknown[]).filter(isRecord);
  let promptTokens = 0;
  for (const m of messages) promptTokens += countWords(contentText(m.content));
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const last = messages[messages.length - 1];
  const lastRole = typeof last?.role === "string" ? last.role : "user";
  return {
    mode: "messages",
    promptTokens,
    promptWords: wordsOf(messages.map((m) => contentText(m.content))),
    userText: lastUser ? contentText(lastUser.content) : "",
    lastRole,
    toolResult: lastRole === "tool" ? contentText(last.content) : undefined,
  };
}

function readResponsesInput(inputs: Record<string, unknown>): Conversation {
  const instructions = typeof inputs.instructions === "string" ? countWords(inputs.instructions) : 0;
  if (typeof inputs.input === "string") {
    const promptWords = wordsOf([typeof inputs.instructions === "string" ? inputs.instructions : "", inputs.input]);
    return { mode: "input", promptTokens: instructions + countWords(inputs.input), promptWords, userText: inputs.input, lastRole: "user" };
  }
  const items = (inputs.input as unknown[]).filter(isRecord);
  let promptTokens = instructions;
  let userText = "";
  for (const item of items) {
    if (item.type === "function_call_output") promptTokens += countWords(contentText(item.output));
    else promptTokens += countWords(contentText(item.content));
    if (item.role === "user") userText = contentText(item.content);
  }
  const promptWords = wordsOf([
    typeof inputs.instructions === "string" ? inputs.instructions : "",
    ...items.map((item) => contentText(item.type === "function_call_output" ? item.output : item.content)),
  ]);
  const last = items[items.length - 1];
  if (last?.type === "function_call_output") {
    return { mode: "input", promptTokens, promptWords, userText, lastRole: "tool", toolResult: contentText(last.output) };
  }
  return { mode: "input", promptTokens, promptWords, userText, lastRole: typeof last?.role === "string" ? last.role : "user" };
}
