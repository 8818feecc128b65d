// Chat Completions streaming: chunks valid for every OpenAI SDK (role first, tool-call header before
// its argument fragments, a finish_reason on the choice, usage last when asked, then [DONE]).
import type { AiEvent } from "../ai/events.js";
import { finishReason, newToolCallId, type FinishReason, type Usage } from "../ai/output.js";
import type { ApiError } from "../http/errors.js";
import type { Renderer } from "./stream.js";

export interface ChatStreamOptions {
  id: string;
  model: string;
  created: number;
  includeUsage: boolean;
  maxTokens: number | undefined;
}

interface ToolState {
  out: number;
  id: string | undefined;
  name: string | undefined;
  opened: boolean;
  pending: string;
}

export function chatStreamRenderer(o: ChatStreamOptions): Renderer {
  // Everything but the delta is the same in every chunk: build it once.
  const head = `data: {"id":${JSON.stringify(o.id)},"object":"chat.completion.chunk","created":${o.created},"model":${JSON.stringify(o.model)},"choices":[{"index":0,"delta":`;
  const tail = `,"logprobs":null,"finish_reason":null}]${o.includeUsage ? ',"usage":null' : ""}}\n\n`;
  const chunk = (delta: string) => head + delta + tail;
  const tools = new Map<number, ToolState>();
  let usage: Usage | undefined;
  let upstreamFinish: FinishReason | undefined;

  const openTool = (tool: ToolState): string => {
    if (tool.opened || tool.name === undefined) return "";
    tool.opened = true;
    tool.id ??= newToolCallId();
    const header = chunk(
      `{"tool_calls":[{"index":${tool.out},"id":${JSON.stringify(tool.id)},"type":"function","function":{"name":${JSON.stringify(tool.name)},"arguments":""}}]}`,
    );
    const args = tool.pending;
    tool.pending = "";
    return header + (args ? argsChunk(tool, args) : "");
  };
  const argsChunk = (tool: ToolState, args: string) =>
    chunk(`{"tool_calls":[{"index":${tool.out},"function":{"arguments":${JSON.stringify(args)}}}]}`);

  return {
    start: () => chunk(`{"role":"assistant","content":""}`),
    event(event: AiEvent): string {
      switch (event.type) {
        case "text":
          return chunk(`{"content":${JSON.stringify(event.text)}}`);
        case "reasoning":
          return chunk(`{"reasoning_content":${JSON.stringify(event.text)}}`);
        case "tool": {
          let tool = tools.get(event.index);
          if (!tool) tools.set(event.index, (tool = { out: tools.size, id: undefined, name: undefined, opened: false, pending: "" }));
          if (event.id && !tool.opened) tool.id = event.id;
          if (event.name && !tool.opened) tool.name = event.name;
          if (!tool.opened) {
            tool.pending += event.args;
            return openTool(tool);
          }
          return event.args ? argsChunk(tool, event.args) : "";
        }
        case "usage":
          usage = event.usage;
          return "";
        case "finish":
          upstreamFinish = event.reason;
          return "";
      }
    },
    end(): string {
      let out = "";
      // A call whose name never came still has to reach the client as a call.
      for (const tool of tools.values()) if (!tool.opened) (tool.name ??= ""), (out += openTool(tool));
      const reason = finishReason(tools.size > 0, upstreamFinish, usage, o.maxTokens);
      out += `${head}{},"logprobs":null,"finish_reason":"${reason}"}]${o.includeUsage ? ',"usage":null' : ""}}\n\n`;
      if (o.includeUsage) {
        const u = usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
        out += `data: {"id":${JSON.stringify(o.id)},"object":"chat.completion.chunk","created":${o.created},"model":${JSON.stringify(o.model)},"choices":[],"usage":${JSON.stringify(u)}}\n\n`;
      }
      return `${out}data: [DONE]\n\n`;
    },
    error(error: ApiError): string {
      return `data: ${JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } })}\n\n`;
    },
  };
}
