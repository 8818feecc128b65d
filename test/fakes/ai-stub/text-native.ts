// Native Workers AI text output (llama-3.x, mistral, hermes, gemma-3, qwen2.5-coder) and llama-4's variant.
import type { ModelSpec } from "./catalogue";
import type { Plan } from "./plan";
import { dataEvent } from "./sse";
import { tokens, usage } from "./tokens";
import { pieces } from "./util";

/** Non-stream: `{response, tool_calls?, usage}`. */
export function nativeResult(spec: ModelSpec, plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (plan.calls.length) {
    // llama-3.x answers a tool call with no text at all; llama-4 with an empty string.
    out.response = spec.family === "llama4" ? "" : null;
    out.tool_calls = plan.calls.map((c) =>
      spec.family === "llama4"
        ? { id: `chatcmpl-tool-${c.id}`, type: "function", function: { name: c.name, arguments: c.args } }
        : { name: c.name, arguments: spec.argsAsString ? c.argsJson : c.args },
    );
  } else {
    out.response = plan.json ? plan.json.value : plan.text;
    out.tool_calls = [];
  }
  out.usage = usage(plan.promptTokens, plan.completionTokens);
  return out;
}

const PAD = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Stream events: one `{"response":tok,"p":pad}` per token, tool-call fragments, usage, [DONE]. */
export function nativeEvents(plan: Plan): string[] {
  const events: string[] = [];
  tokens(plan.text ?? "").forEach((tok, i) => {
    events.push(dataEvent({ response: tok, p: PAD.slice(0, 1 + ((i * 7) % PAD.length)) }));
  });
  plan.calls.forEach((c, index) => {
    const id = `chatcmpl-tool-${c.id}`;
    events.push(dataEvent({ tool_calls: [{ index, id, type: "function", function: { name: c.name, arguments: "" } }] }));
    for (const piece of pieces(c.argsJson, 8)) {
      events.push(dataEvent({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  events.push(dataEvent({ response: "", usage: usage(plan.promptTokens, plan.completionTokens) }));
  events.push(dataEvent("[DONE]"));
  return events;
}
