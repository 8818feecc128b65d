// Responses API items as stored and listed (input items, output items, conversation items), and how they
// become the chat messages Workers AI reads.

export type InputContent =
  | { type: "input_text"; text: string }
  | { type: "input_image"; image_url: string; detail: string }
  | { type: "output_text"; text: string; annotations: unknown[]; logprobs?: unknown[] };

export type Item =
  | {
      id: string;
      type: "message";
      role: "user" | "assistant" | "system" | "developer";
      status: "completed" | "incomplete" | "in_progress";
      content: InputContent[];
    }
  | { id: string; type: "function_call"; call_id: string; name: string; arguments: string; status: "completed" | "in_progress" }
  | { id: string; type: "function_call_output"; call_id: string; output: string; status: "completed" }
  /** What a reasoning model thought before answering (output only; never sent back to the model). */
  | {
      id: string;
      type: "reasoning";
      summary: unknown[];
      content: { type: "reasoning_text"; text: string }[];
      status: "completed" | "in_progress";
    };

/** An item before it has an id. */
export type NewItem = Item extends infer I ? (I extends Item ? Omit<I, "id"> : never) : never;

type ChatMessage = Record<string, unknown>;

/** Items in order → Chat Completions messages: consecutive function calls become one assistant turn. */
export function itemsToChat(items: readonly Item[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const item of items) {
    if (item.type === "message") {
      const images = item.content.filter((c) => c.type === "input_image");
      const text = item.content
        .map((c) => (c.type === "input_image" ? "" : c.text))
        .filter(Boolean)
        .join("\n");
      const content = images.length
        ? item.content.map((c) =>
            c.type === "input_image" ? { type: "image_url", image_url: { url: c.image_url } } : { type: "text", text: c.text },
          )
        : text;
      out.push({ role: item.role, content });
    } else if (item.type === "function_call") {
      const call = { id: item.call_id, type: "function", function: { name: item.name, arguments: item.arguments } };
      const last = out.at(-1);
      if (last?.role === "assistant" && Array.isArray(last.tool_calls) && !last.content) (last.tool_calls as unknown[]).push(call);
      else out.push({ role: "assistant", content: null, tool_calls: [call] });
    } else if (item.type === "function_call_output") {
      out.push({ role: "tool", tool_call_id: item.call_id, content: item.output });
    }
  }
  return out;
}

export const ITEM_PREFIX = { message: "msg_", function_call: "fc_", function_call_output: "fco_", reasoning: "rs_" } as const;
