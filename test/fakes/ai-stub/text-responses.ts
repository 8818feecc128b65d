// gpt-oss given `input`: OpenAI Responses-shaped output and stream events.
import type { ModelSpec } from "./catalogue";
import type { Plan } from "./plan";
import { namedEvent } from "./sse";
import { countWords, tokens } from "./tokens";
import { STUB_CREATED } from "./types";
import { isRecord, pieces } from "./util";

interface Items {
  reasoning: Record<string, unknown>;
  message?: Record<string, unknown>;
  calls: Record<string, unknown>[];
}

function items(plan: Plan): Items {
  const reasoning = {
    id: `rs_${plan.seed}`,
    type: "reasoning",
    summary: [],
    content: [{ type: "reasoning_text", text: plan.reasoning }],
    encrypted_content: null,
    status: "completed",
  };
  const calls = plan.calls.map((c) => ({
    id: `fc_${c.id}`,
    type: "function_call",
    call_id: `call_${c.id}`,
    name: c.name,
    arguments: c.argsJson,
    status: "completed",
  }));
  const message = plan.calls.length
    ? undefined
    : {
        id: `msg_${plan.seed}`,
        type: "message",
        role: "assistant",
        status: plan.finish === "length" ? "incomplete" : "completed",
        content: [{ type: "output_text", text: plan.text ?? "", annotations: [], logprobs: [] }],
      };
  return { reasoning, message, calls };
}

function responseObject(spec: ModelSpec, plan: Plan, inputs: Record<string, unknown>, output: unknown[], done: boolean) {
  const incomplete = done && plan.finish === "length";
  return {
    id: `resp_${plan.seed}`,
    object: "response",
    created_at: STUB_CREATED,
    status: !done ? "in_progress" : incomplete ? "incomplete" : "completed",
    error: null,
    incomplete_details: incomplete ? { reason: "max_output_tokens" } : null,
    instructions: inputs.instructions ?? null,
    max_output_tokens: inputs.max_output_tokens ?? null,
    model: spec.name,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: isRecord(inputs.reasoning) ? (inputs.reasoning.effort ?? "medium") : "medium", summary: null },
    temperature: inputs.temperature ?? 1,
    text: { format: isRecord(inputs.text) && isRecord(inputs.text.format) ? inputs.text.format : { type: "text" } },
    tool_choice: inputs.tool_choice ?? "auto",
    tools: Array.isArray(inputs.tools) ? inputs.tools : [],
    top_p: inputs.top_p ?? 1,
    usage: done
      ? {
          input_tokens: plan.promptTokens,
          input_tokens_details: { cached_tokens: plan.cachedTokens },
          output_tokens: plan.completionTokens,
          output_tokens_details: { reasoning_tokens: countWords(plan.reasoning) },
          total_tokens: plan.promptTokens + plan.completionTokens,
        }
      : null,
  };
}

/** Non-stream Responses object: reasoning item, then a message item (output_text) or function_call items. */
export function responsesResult(spec: ModelSpec, plan: Plan, inputs: Record<string, unknown>): Record<string, unknown> {
  const it = items(plan);
  const output = [it.reasoning, ...(it.message ? [it.message] : []), ...it.calls];
  return responseObject(spec, plan, inputs, output, true);
}

/** Responses stream events, `response.created` … `response.completed`. */
export function responsesEvents(spec: ModelSpec, plan: Plan, inputs: Record<string, unknown>): string[] {
  const it = items(plan);
  const events: string[] = [];
  let seq = 0;
  const emit = (type: string, body: Record<string, unknown>) => events.push(namedEvent(type, { type, sequence_number: seq++, ...body }));
  const output: unknown[] = [];
  emit("response.created", { response: responseObject(spec, plan, inputs, [], false) });
  emit("response.in_progress", { response: responseObject(spec, plan, inputs, [], false) });

  const r = it.reasoning;
  emit("response.output_item.added", { output_index: 0, item: { ...r, content: [], status: "in_progress" } });
  for (const delta of tokens(plan.reasoning)) {
    emit("response.reasoning_text.delta", { item_id: r.id, output_index: 0, content_index: 0, delta });
  }
  emit("response.reasoning_text.done", { item_id: r.id, output_index: 0, content_index: 0, text: plan.reasoning });
  emit("response.output_item.done", { output_index: 0, item: r });
  output.push(r);

  if (it.message) {
    const m = it.message;
    const index = output.length;
    const part = { type: "output_text", text: "", annotations: [], logprobs: [] };
    emit("response.output_item.added", { output_index: index, item: { ...m, content: [], status: "in_progress" } });
    emit("response.content_part.added", { item_id: m.id, output_index: index, content_index: 0, part });
    for (const delta of tokens(plan.text ?? "")) {
      emit("response.output_text.delta", { item_id: m.id, output_index: index, content_index: 0, delta, logprobs: [] });
    }
    const text = plan.text ?? "";
    emit("response.output_text.done", { item_id: m.id, output_index: index, content_index: 0, text, logprobs: [] });
    emit("response.content_part.done", { item_id: m.id, output_index: index, content_index: 0, part: { ...part, text } });
    emit("response.output_item.done", { output_index: index, item: m });
    output.push(m);
  }
  for (const c of it.calls) {
    const index = output.length;
    emit("response.output_item.added", { output_index: index, item: { ...c, arguments: "", status: "in_progress" } });
    for (const delta of pieces(String(c.arguments), 8)) {
      emit("response.function_call_arguments.delta", { item_id: c.id, output_index: index, delta });
    }
    emit("response.function_call_arguments.done", { item_id: c.id, output_index: index, arguments: c.arguments });
    emit("response.output_item.done", { output_index: index, item: c });
    output.push(c);
  }
  emit("response.completed", { response: responseObject(spec, plan, inputs, output, true) });
  return events;
}
