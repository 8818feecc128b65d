// The one internal stream every Workers AI answer becomes, whatever its shape or stream format.
// Each wire format (chat chunks, completion chunks, Assistants events, Responses events) renders these.
import type { FinishReason, Usage } from "./output.js";

export type AiEvent =
  | { type: "text"; text: string }
  | { type: "reasoning"; text: string }
  /** A piece of a tool call; `id` and `name` come with the first piece of a call, `args` may be split. */
  | { type: "tool"; index: number; id?: string; name?: string; args: string }
  | { type: "usage"; usage: Usage }
  /** The upstream's own finish reason, when it gives one. */
  | { type: "finish"; reason: FinishReason };
