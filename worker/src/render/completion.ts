// Legacy Completions wire format, whole and streamed.
import type { AiEvent } from "../ai/events.js";
import { finishReason, type FinishReason, type TextResult, type Usage } from "../ai/output.js";
import type { ApiError } from "../http/errors.js";
import type { Renderer } from "./stream.js";

export function textCompletion(id: string, model: string, created: number, text: string, result: TextResult) {
  return {
    id,
    object: "text_completion",
    created,
    model,
    choices: [{ text, index: 0, logprobs: null, finish_reason: result.finishReason === "tool_calls" ? "stop" : result.finishReason }],
    usage: result.usage,
  };
}

export function completionStreamRenderer(o: {
  id: string;
  model: string;
  created: number;
  includeUsage: boolean;
  maxTokens: number;
  echo: string;
}): Renderer {
  const head = `data: {"id":${JSON.stringify(o.id)},"object":"text_completion","created":${o.created},"model":${JSON.stringify(o.model)},"choices":[{"text":`;
  const chunk = (text: string, reason: FinishReason | null) =>
    `${head}${JSON.stringify(text)},"index":0,"logprobs":null,"finish_reason":${reason ? `"${reason}"` : "null"}}]}\n\n`;
  let usage: Usage | undefined;
  let upstream: FinishReason | undefined;
  return {
    start: () => (o.echo ? chunk(o.echo, null) : ""),
    event(event: AiEvent) {
      if (event.type === "text") return chunk(event.text, null);
      if (event.type === "usage") usage = event.usage;
      if (event.type === "finish") upstream = event.reason;
      return "";
    },
    end() {
      let out = chunk("", finishReason(false, upstream === "tool_calls" ? undefined : upstream, usage, o.maxTokens));
      if (o.includeUsage) {
        out += `data: {"id":${JSON.stringify(o.id)},"object":"text_completion","created":${o.created},"model":${JSON.stringify(o.model)},"choices":[],"usage":${JSON.stringify(usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 })}}\n\n`;
      }
      return `${out}data: [DONE]\n\n`;
    },
    error: (error: ApiError) =>
      `data: ${JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } })}\n\n`,
  };
}
