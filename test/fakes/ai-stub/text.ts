// Text generation: validation, directives, the plan, then the family's non-stream shape or SSE stream.
import type { ModelSpec } from "./catalogue";
import { readConversation, validateTextInputs } from "./conversation";
import { errorDirectiveFor, isBusy, parseDirectives } from "./directives";
import { aiError, invalidInput } from "./errors";
import { makePlan } from "./plan";
import { sseStream } from "./sse";
import { cachedPrefix } from "./state";
import { nativeEvents, nativeResult } from "./text-native";
import { chatCompletion, chatCompletionEvents, textCompletion, textCompletionEvents } from "./text-openai";
import { responsesEvents, responsesResult } from "./text-responses";
import type { StubCallRecord } from "./types";
import { isRecord, jsonType } from "./util";

/** How long a request waits in the queue of a busy model when it did not ask to be rejected. */
export const BUSY_QUEUE_MS = 50;

/** `record` (the call log's entry) gets the progress of a streamed answer. */
export async function runText(
  spec: ModelSpec,
  inputs: unknown,
  options: Record<string, unknown>,
  record?: StubCallRecord,
): Promise<unknown> {
  if (!isRecord(inputs)) throw invalidInput(`Type mismatch of '/', '${jsonType(inputs)}' not in 'object'`);
  // rejectIfBusy is an option of the binding call, not a model input.
  if ("rejectIfBusy" in inputs) throw invalidInput("additional property 'rejectIfBusy' at '/' (it belongs in the options)");
  validateTextInputs(spec, inputs);
  const conv = readConversation(inputs);
  const { text, directives } = parseDirectives(conv.userText);
  const code = errorDirectiveFor(directives, spec.name);
  if (code !== undefined) throw aiError(code, spec.name);
  const stream = inputs.stream === true;
  const format = isRecord(inputs.response_format) ? inputs.response_format.type : undefined;
  if (stream && (format === "json_schema" || "guided_json" in inputs)) throw aiError(5023, spec.name);
  if (isBusy(directives, spec.name)) {
    if (options.rejectIfBusy === true) throw aiError(3040, spec.name);
    await new Promise((resolve) => setTimeout(resolve, BUSY_QUEUE_MS));
  }
  const headers = isRecord(options.extraHeaders) ? options.extraHeaders : {};
  const session = typeof headers["x-session-affinity"] === "string" ? headers["x-session-affinity"] : undefined;
  const plan = makePlan(spec, inputs, conv, text, directives, cachedPrefix(session, conv.promptWords));
  if (spec.family === "native" || spec.family === "llama4") {
    return stream ? sseStream(nativeEvents(plan), plan, record) : nativeResult(spec, plan);
  }
  if (spec.family === "gpt-oss" && conv.mode === "input") {
    return stream ? sseStream(responsesEvents(spec, plan, inputs), plan, record) : responsesResult(spec, plan, inputs);
  }
  if (conv.mode === "prompt") {
    return stream ? sseStream(textCompletionEvents(spec, plan), plan, record) : textCompletion(spec, plan);
  }
  return stream ? sseStream(chatCompletionEvents(spec, plan), plan, record) : chatCompletion(spec, plan);
}
