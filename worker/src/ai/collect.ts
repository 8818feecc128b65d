// The reverse of rendering: fold AiEvents back into one finished answer (to cache a stream, to store an
// Assistants message or a Response after streaming it).
import type { AiEvent } from "./events.js";
import type { EventStage } from "./stages.js";
import { finishReason, newToolCallId, type FinishReason, type TextResult, type Usage } from "./output.js";

export class ResultCollector {
  private text = "";
  private reasoning = "";
  private readonly tools = new Map<number, { id: string | undefined; name: string; args: string }>();
  private usage: Usage | undefined;
  private upstreamFinish: FinishReason | undefined;

  add(event: AiEvent): void {
    switch (event.type) {
      case "text":
        this.text += event.text;
        break;
      case "reasoning":
        this.reasoning += event.text;
        break;
      case "tool": {
        let tool = this.tools.get(event.index);
        if (!tool) this.tools.set(event.index, (tool = { id: undefined, name: "", args: "" }));
        tool.id ??= event.id;
        if (event.name) tool.name ||= event.name;
        tool.args += event.args;
        break;
      }
      case "usage":
        this.usage = event.usage;
        break;
      case "finish":
        this.upstreamFinish = event.reason;
        break;
    }
  }

  /** The stream said how it ended (a finish reason or usage): a stream cut off upstream says neither. */
  get ended(): boolean {
    return this.upstreamFinish !== undefined || this.usage !== undefined;
  }

  result(maxTokens: number | undefined): TextResult {
    const toolCalls = [...this.tools.values()].map((t) => ({ id: (t.id ??= newToolCallId()), name: t.name, arguments: t.args || "{}" }));
    return {
      text: this.text,
      reasoning: this.reasoning,
      toolCalls,
      finishReason: finishReason(toolCalls.length > 0, this.upstreamFinish, this.usage, maxTokens),
      usage: this.usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    };
  }
}

/**
 * A stage that passes events through and calls `done` with the whole answer, only if the stream ran to its end
 * and ended normally (with a finish reason or usage): an answer cut off upstream is never cached as complete.
 */
export function collectStage(maxTokens: number | undefined, done: (result: TextResult) => void): EventStage {
  const collector = new ResultCollector();
  return {
    push(event, emit) {
      collector.add(event);
      emit(event);
    },
    end() {
      if (collector.ended) done(collector.result(maxTokens));
    },
  };
}
