// Stop sequences, enforced by the proxy: most Workers AI models ignore `stop`, OpenAI clients rely on it.
import type { EventStage } from "./stages.js";
import type { TextResult } from "./output.js";
import type { Emit } from "./stream.js";
import type { AiEvent } from "./events.js";

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
export class StopStage implements EventStage {
  private readonly keep: number;
  private held = "";
  private stopped = false;

  constructor(private readonly stop: string[]) {
    this.keep = Math.max(...stop.map((s) => s.length)) - 1;
  }

  push(event: AiEvent, emit: Emit): void {
    if (event.type === "usage") return void emit(event);
    if (this.stopped) return;
    if (event.type !== "text") return void emit(event);
    this.held += event.text;
    const cut = earliest(this.held, this.stop);
    if (cut >= 0) {
      if (cut > 0) emit({ type: "text", text: this.held.slice(0, cut) });
      this.held = "";
      this.stopped = true;
      emit({ type: "finish", reason: "stop" });
      return;
    }
    // Never split a surrogate pair when holding back the tail.
    let at = Math.max(0, this.held.length - this.keep);
    if (at > 0 && at < this.held.length && isLowSurrogate(this.held.charCodeAt(at))) at--;
    if (at > 0) {
      emit({ type: "text", text: this.held.slice(0, at) });
      this.held = this.held.slice(at);
    }
  }

  end(emit: Emit): void {
    if (this.held && !this.stopped) emit({ type: "text", text: this.held });
  }
}

/** A stage only when there is something to stop at: an idle stage still costs a call per event. */
export const stopStages = (stop: string[]): EventStage[] => (stop.length ? [new StopStage(stop)] : []);

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
