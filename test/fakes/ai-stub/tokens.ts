// The stub's token: a whitespace-separated word. Streams send one token per event, with the whitespace before it.

/** Tokens with their leading whitespace; joining them gives the text without trailing whitespace. */
export function tokens(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

export function countWords(text: string | null | undefined): number {
  return text ? (text.match(/\S+/g) ?? []).length : 0;
}

/** The first `max` tokens of `text`, and whether anything was cut. */
export function truncate(text: string, max: number): { text: string; cut: boolean } {
  const t = tokens(text);
  if (t.length <= max) return { text: t.join(""), cut: false };
  return { text: t.slice(0, Math.max(0, max)).join(""), cut: true };
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
}

/** `details` (the chat-completion family): cached prompt tokens and reasoning tokens, as OpenAI reports them. */
export function usage(prompt: number, completion: number, details?: { cached: number; reasoning: number }): Usage {
  const u: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  if (details) {
    u.prompt_tokens_details = { cached_tokens: details.cached };
    u.completion_tokens_details = { reasoning_tokens: details.reasoning };
  }
  return u;
}
