// OpenAI-shaped text output (qwen3, glm, kimi, gemma-4, deepseek-r1-distill, nemotron, gpt-oss with messages).
import type { ModelSpec } from "./catalogue";
import type { Plan } from "./plan";
import { dataEvent } from "./sse";
import { countWords, tokens, usage } from "./tokens";
import { STUB_CREATED } from "./types";
import { pieces } from "./util";

function toolId(plan: Plan, i: number): string {
  return `chatcmpl-tool-${plan.calls[i].id}`;
}

/** Usage so far; the chat-completion family adds cached prompt tokens and reasoning tokens. */
function usageOf(spec: ModelSpec, plan: Plan, completion: number, reasoning: number) {
  return usage(plan.promptTokens, completion, spec.detailedUsage ? { cached: plan.cachedTokens, reasoning } : undefined);
}

/** Non-stream `chat.completion`. Tool-call arguments are JSON strings. */
export function chatCompletion(spec: ModelSpec, plan: Plan): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: "assistant",
    content: plan.calls.length ? null : (plan.text ?? ""),
  };
  if (spec.detailedUsage) Object.assign(message, { refusal: null, annotations: [], audio: null });
  message[spec.reasoningField ?? "reasoning_content"] = plan.reasoning || null;
  message.tool_calls = plan.calls.map((c, i) => ({
    id: toolId(plan, i),
    type: "function",
    function: { name: c.name, arguments: c.argsJson },
  }));
  const total = usageOf(spec, plan, plan.completionTokens, countWords(plan.reasoning));
  if (spec.detailedUsage) {
    const choices = [{ index: 0, message, logprobs: null, finish_reason: plan.finish }];
    return {
      id: `chatcmpl-${plan.seed}`,
      object: "chat.completion",
      created: STUB_CREATED,
      model: spec.name,
      choices,
      usage: total,
      system_fingerprint: null,
    };
  }
  return {
    id: `chatcmpl-${plan.seed}`,
    object: "chat.completion",
    created: STUB_CREATED,
    model: spec.name,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finish, stop_reason: null }],
    usage: total,
    prompt_logprobs: null,
  };
}

/**
 * `chat.completion.chunk` events with cumulative usage, then a `choices: []` usage chunk, a native-style usage event
 * and [DONE]. That ending is the live service's, as independent client code written against it shows (found with the
 * workplace's code search, 2026-12-05): one wrapper's test reads "the universal terminal frame (no choices key) shared
 * by every catalog model" (`{"response":"","usage":…}`), another normalises it for `@cf/zai-org/glm-5.3-flash` (with
 * `neurons` in the usage), a third's fixture has the `choices: []` chunk, then that event, then [DONE].
 */
export function chatCompletionEvents(spec: ModelSpec, plan: Plan): string[] {
  const base = { id: `chatcmpl-${plan.seed}`, object: "chat.completion.chunk", created: STUB_CREATED, model: spec.name };
  let spent = 0;
  let thought = 0;
  const events: string[] = [];
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    events.push(
      dataEvent({
        ...base,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        usage: usageOf(spec, plan, spent, thought),
      }),
    );
  chunk({ role: "assistant", content: "" });
  const field = spec.reasoningField ?? "reasoning_content";
  for (const tok of tokens(plan.reasoning)) {
    spent += countWords(tok);
    thought += countWords(tok);
    chunk({ [field]: tok });
  }
  for (const tok of tokens(plan.text ?? "")) {
    spent += countWords(tok);
    chunk({ content: tok });
  }
  plan.calls.forEach((c, index) => {
    spent += countWords(`${c.name} ${c.argsJson}`);
    chunk({ tool_calls: [{ index, id: toolId(plan, index), type: "function", function: { name: c.name, arguments: "" } }] });
    for (const piece of pieces(c.argsJson, 8)) {
      chunk({ tool_calls: [{ index, id: null, type: "function", function: { name: null, arguments: piece } }] });
    }
  });
  chunk({}, plan.finish);
  const total = usageOf(spec, plan, plan.completionTokens, thought);
  events.push(dataEvent({ ...base, choices: [], usage: total }));
  events.push(dataEvent({ response: "", usage: total }));
  events.push(dataEvent("[DONE]"));
  return events;
}

/** OpenAI-shaped models given a `prompt` answer like a legacy completion: `text_completion`, no reasoning/tools. */
export function textCompletion(spec: ModelSpec, plan: Plan): Record<string, unknown> {
  return {
    id: `cmpl-${plan.seed}`,
    object: "text_completion",
    created: STUB_CREATED,
    model: spec.name,
    choices: [{ index: 0, text: plan.text ?? "", logprobs: null, finish_reason: plan.finish, stop_reason: null, prompt_logprobs: null }],
    usage: usage(plan.promptTokens, plan.completionTokens),
  };
}

export function textCompletionEvents(spec: ModelSpec, plan: Plan): string[] {
  const base = { id: `cmpl-${plan.seed}`, object: "text_completion", created: STUB_CREATED, model: spec.name };
  let spent = 0;
  const events: string[] = [];
  const chunk = (text: string, finish: string | null) =>
    events.push(
      dataEvent({ ...base, choices: [{ index: 0, text, logprobs: null, finish_reason: finish }], usage: usage(plan.promptTokens, spent) }),
    );
  for (const tok of tokens(plan.text ?? "")) {
    spent += countWords(tok);
    chunk(tok, null);
  }
  chunk("", plan.finish);
  events.push(dataEvent({ response: "", usage: usage(plan.promptTokens, plan.completionTokens) }));
  events.push(dataEvent("[DONE]"));
  return events;
}
