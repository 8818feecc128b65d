// Chat Completions wire format.
import type { TextResult } from "../ai/output.js";

export function chatCompletion(id: string, model: string, created: number, result: TextResult) {
  return {
    id,
    object: "chat.completion",
    created,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: result.toolCalls.length && !result.text ? null : result.text,
          refusal: null,
          ...(result.reasoning ? { reasoning_content: result.reasoning } : {}),
          ...(result.toolCalls.length
            ? {
                tool_calls: result.toolCalls.map((call) => ({
                  id: call.id,
                  type: "function",
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: result.finishReason,
      },
    ],
    usage: result.usage,
  };
}
