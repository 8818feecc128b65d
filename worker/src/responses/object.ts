// The Response object, built the same way for the stream's snapshots, the final answer and the stored copy.
import type { TextResult } from "../ai/output.js";
import type { ApiError } from "../http/errors.js";
import { orderedKey } from "../state/ids.js";
import { ITEM_PREFIX, type Item } from "./items.js";
import type { StoredResponse } from "./response-ops.js";
import type { ResponseRequest } from "./request.js";

/**
 * Ids for a response's output items, made when first needed and the same every time after: the stream
 * announces them, the stored response repeats them. `floor` keeps them after a conversation's last item.
 */
export class OutputIds {
  private message: string | undefined;
  private reasoning: string | undefined;
  private readonly calls = new Map<number, string>();

  constructor(private readonly floor: string | undefined) {}

  private next(prefix: string): string {
    return prefix + orderedKey(Date.now(), this.floor);
  }

  messageId(): string {
    return (this.message ??= this.next(ITEM_PREFIX.message));
  }

  reasoningId(): string {
    return (this.reasoning ??= this.next(ITEM_PREFIX.reasoning));
  }

  functionCallId(index: number): string {
    let id = this.calls.get(index);
    if (!id) this.calls.set(index, (id = this.next(ITEM_PREFIX.function_call)));
    return id;
  }

  /** Input items get ids before any output item, so a conversation lists them first. */
  inputIds(items: readonly Omit<Item, "id">[]): Item[] {
    return items.map((item) => ({ ...item, id: this.next(ITEM_PREFIX[item.type]) }) as Item);
  }
}

export interface ResponseShell {
  id: string;
  created_at: number;
  request: ResponseRequest;
  conversationId: string | undefined;
}

export function responseObject(shell: ResponseShell, status: string, output: Item[], extra: Record<string, unknown> = {}): StoredResponse {
  const r = shell.request;
  return {
    id: shell.id,
    object: "response",
    created_at: shell.created_at,
    status,
    background: false,
    completed_at: null,
    error: null,
    incomplete_details: null,
    instructions: r.instructions,
    max_output_tokens: r.echo.max_output_tokens,
    max_tool_calls: null,
    model: r.requestedModel,
    output,
    parallel_tool_calls: r.echo.parallel_tool_calls,
    previous_response_id: r.previousResponseId ?? null,
    conversation: shell.conversationId ? { id: shell.conversationId } : null,
    reasoning: r.echo.reasoning ?? { effort: null, summary: null },
    service_tier: "default",
    store: r.store,
    temperature: r.echo.temperature,
    text: r.echo.text,
    tool_choice: r.echo.tool_choice,
    tools: r.echo.tools,
    top_logprobs: 0,
    top_p: r.echo.top_p,
    truncation: "disabled",
    // The spec types `user` as a string and `usage` as an object: left out, not null, until there is one.
    ...(r.echo.user !== null ? { user: r.echo.user } : {}),
    metadata: r.echo.metadata,
    ...extra,
  };
}

/** The output items of an answer: its text as one message (when there is text or nothing else), then its calls. */
export function outputItems(result: TextResult, ids: OutputIds): Item[] {
  const items: Item[] = [];
  const incomplete = result.finishReason === "length";
  if (result.reasoning) {
    items.push({
      id: ids.reasoningId(),
      type: "reasoning",
      summary: [],
      content: [{ type: "reasoning_text", text: result.reasoning }],
      status: "completed",
    });
  }
  if (result.text || !result.toolCalls.length) {
    items.push({
      id: ids.messageId(),
      type: "message",
      role: "assistant",
      status: incomplete ? "incomplete" : "completed",
      content: [{ type: "output_text", text: result.text, annotations: [], logprobs: [] }],
    });
  }
  result.toolCalls.forEach((call, index) =>
    items.push({
      id: ids.functionCallId(index),
      type: "function_call",
      call_id: call.id,
      name: call.name,
      arguments: call.arguments,
      status: "completed",
    }),
  );
  return items;
}

export function finishedResponse(shell: ResponseShell, result: TextResult, ids: OutputIds): StoredResponse {
  const incomplete = result.finishReason === "length";
  const u = result.usage;
  return responseObject(shell, incomplete ? "incomplete" : "completed", outputItems(result, ids), {
    completed_at: incomplete ? null : Math.floor(Date.now() / 1000),
    incomplete_details: incomplete ? { reason: "max_output_tokens" } : null,
    usage: {
      input_tokens: u.prompt_tokens,
      input_tokens_details: { cached_tokens: u.prompt_tokens_details?.cached_tokens ?? 0, cache_write_tokens: 0 },
      output_tokens: u.completion_tokens,
      output_tokens_details: { reasoning_tokens: u.completion_tokens_details?.reasoning_tokens ?? 0 },
      total_tokens: u.total_tokens,
    },
  });
}

export function failedResponse(shell: ResponseShell, error: ApiError): StoredResponse {
  return responseObject(shell, "failed", [], {
    error: { code: error.status === 429 ? "rate_limit_exceeded" : "server_error", message: error.message },
  });
}
