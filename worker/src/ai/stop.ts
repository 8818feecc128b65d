// Stop sequences, enforced by the proxy: most Workers AI models ignore `stop`, OpenAI clients rely on it.
import type { AiEvent } from "./events.js";
import type { TextResult } from "./output.js";

export function applyStop(result: TextResult, stop: string[]): TextResult {
  if (!stop.length) return result;
  const cut = earliest(result.text, stop);
  return cut < 0 ? result : { ...result, text: result.text.slice(0, cut), toolCalls: [], finishReason: "stop" };
}

function earliest(text: string, stop: string[]): number {
  let cut = -1;
  for (const s of stop) {
    const at = text.indexOf(s);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut;
}

/**
 * The stream form: holds back just enough text to see a stop sequence that spans two events; after a
 * match, drops the rest of the text and any tool call, and reports `stop`.
 */
export function stopFilter(stop: string[]): TransformStream<AiEvent, AiEvent> {
  if (!stop.length) return new TransformStream();
  const keep = Math.max(...stop.map((s) => s.length)) - 1;
  let held = "";
  let stopped = false;
  return new TransformStream({
    transform(event, controller) {
      if (event.type === "usage") return controller.enqueue(event);
      if (stopped) return;
      if (event.type !== "text") return controller.enqueue(event);
      held += event.text;
      const cut = earliest(held, stop);
      if (cut >= 0) {
        if (cut > 0) controller.enqueue({ type: "text", text: held.slice(0, cut) });
        held = "";
        stopped = true;
        controller.enqueue({ type: "finish", reason: "stop" });
        return;
      }
      // Never split a surrogate pair when holding back the tail.
      let at = Math.max(0, held.length - keep);
      if (at > 0 && at < held.length && isLowSurrogate(held.charCodeAt(at))) at--;
      if (at > 0) {
        controller.enqueue({ type: "text", text: held.slice(0, at) });
        held = held.slice(at);
      }
    },
    flush(controller) {
      if (held && !stopped) controller.enqueue({ type: "text", text: held });
    },
  });
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
