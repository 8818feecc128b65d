// Reasoning controls and prompt caching, per model. Clients say `reasoning_effort` (chat) or `reasoning.effort`
// (Responses) in OpenAI's words; each Workers AI model has its own switch (from the catalogue snapshot of December
// 2026, test/fakes/workers-ai-models.json), applied once the serving model is known. Thinking tokens cost neurons,
// so "none" and "minimal" turn thinking off wherever the model allows it.

/** OpenAI's values for reasoning_effort. */
export const REASONING_EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh"] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

/** The inputs key that carries a prompt-cache key to run.ts, which sends it as the x-session-affinity header. */
export const SESSION_INPUT = "x-session-affinity";

type Control =
  /** A chat-template switch: `chat_template_kwargs.enable_thinking` or (Kimi) `.thinking`. */
  | { kind: "switch"; flag: "enable_thinking" | "thinking" }
  /** Graded `reasoning_effort`, with the levels the model takes. */
  | { kind: "effort"; efforts: readonly string[] };

const SWITCH: Control = { kind: "switch", flag: "enable_thinking" };
const GPT_OSS: Control = { kind: "effort", efforts: ["low", "medium", "high"] };

/** A Map: request strings never index an object. Models missing here get no reasoning setting at all. */
const CONTROLS: ReadonlyMap<string, Control> = new Map<string, Control>([
  ["@cf/zai-org/glm-4.7-flash", SWITCH],
  ["@cf/google/gemma-4-26b-a4b-it", SWITCH],
  ["@cf/nvidia/nemotron-3-120b-a12b", SWITCH],
  ["@cf/qwen/qwen3.8-27b", SWITCH],
  ["@cf/qwen/qwen3-30b-a3b-fp8", SWITCH],
  ["@cf/moonshotai/kimi-k2.6", { kind: "switch", flag: "thinking" }],
  ["@cf/moonshotai/kimi-k2.7-code", { kind: "switch", flag: "thinking" }],
  ["@cf/openai/gpt-oss-120b", GPT_OSS],
  ["@cf/openai/gpt-oss-20b", GPT_OSS],
  ["@cf/deepseek-ai/deepseek-v4-flash-0731", { kind: "effort", efforts: ["none", "low", "high", "max"] }],
  ["@cf/zai-org/glm-5.3-flash", { kind: "effort", efforts: ["low", "high", "max"] }],
]);

/** The level of `efforts` closest to what the client asked. */
function nearestEffort(asked: ReasoningEffort, efforts: readonly string[]): string {
  if (efforts.includes(asked)) return asked;
  const lowest = efforts.includes("none") && asked === "none" ? "none" : (efforts.find((e) => e !== "none") ?? efforts[0]);
  switch (asked) {
    case "none":
    case "minimal":
    case "low":
      return lowest;
    case "xhigh":
      return efforts.includes("max") ? "max" : efforts[efforts.length - 1];
    default:
      return efforts.includes("high") ? "high" : efforts[efforts.length - 1];
  }
}

/** Whether the model can reason at all when asked for `effort` (for the Responses echo and the README). */
export function thinkingControl(model: string): Control | undefined {
  return CONTROLS.get(model);
}

/**
 * The inputs `model` receives: the client's reasoning effort in the model's own terms (or dropped when the model
 * has no control), and the prompt-cache key taken out (it goes in a header, not the body).
 */
export function modelInputs(model: string, inputs: Record<string, unknown>): { inputs: Record<string, unknown>; session?: string } {
  if (!(SESSION_INPUT in inputs) && !("reasoning_effort" in inputs)) return { inputs };
  const { [SESSION_INPUT]: session, reasoning_effort: effort, ...rest } = inputs;
  const control = CONTROLS.get(model);
  if (typeof effort === "string" && control) {
    if (control.kind === "effort") rest.reasoning_effort = nearestEffort(effort as ReasoningEffort, control.efforts);
    else {
      const kwargs = typeof rest.chat_template_kwargs === "object" && rest.chat_template_kwargs !== null ? rest.chat_template_kwargs : {};
      rest.chat_template_kwargs = { ...kwargs, [control.flag]: effort !== "none" && effort !== "minimal" };
    }
  }
  return { inputs: rest, ...(typeof session === "string" && session ? { session } : {}) };
}
