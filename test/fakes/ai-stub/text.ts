// Text generation: validation, directives, the plan, then the family's non-stream shape or SSE stream.
import type { ModelSpec } from "./catalogue";
import { readConversation, validateTextInputs } from "./conversation";
import { errorDirectiveFor, parseDirectives } from "./directives";
import { aiError, invalidInput } from "./errors";
import { makePlan } from "./plan";
import { sseStream } from "./sse";
import { nativeEvents, nativeResult } from "./text-native";
import { chatCompletion, chatCompletionEvents, textCompletion, textCompletionEvents } from "./text-openai";
import { responsesEvents, responsesResult } from "./text-responses";
import type { StubCallRecord } from "./types";
import { isRecord, jsonType } from "./util";

/** `record` (the call log's entry) gets the progress of a streamed answer. */
export function runText(spec: ModelSpec, inputs: unknown, record?: StubCallRecord): unknown {
  if (!isRecord(inputs)) throw invalidInput(`Type mismatch of '/', '${jsonType(inputs)}' not in 'object'`);
  validateTextInputs(spec, inputs);
  const conv = readConversation(inputs);
  const { text, directives } = parseDirectives(conv.userText);
  const code = errorDirectiveFor(directives, spec.name);
  if (code !== undefined) throw aiError(code, spec.name);
  const plan = makePlan(spec, inputs, conv, text, directives);
  const stream = inputs.stream === true;
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
