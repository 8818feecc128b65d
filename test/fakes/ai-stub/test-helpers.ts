// Helpers for the stub's own tests (and any worker test): read a stream, parse SSE by hand, rebuild replies.
// Not part of the stub bundle.

export async function readChunks(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

export function joinBytes(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export interface SseEvent {
  event?: string;
  data: string;
}

/** Splits SSE text into events (blank-line separated; `event:` and `data:` lines). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split("\n\n")) {
    if (!block.trim()) continue;
    const ev: SseEvent = { data: "" };
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) ev.event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    ev.data = data.join("\n");
    events.push(ev);
  }
  return events;
}

export async function sseOf(stream: unknown): Promise<SseEvent[]> {
  const bytes = joinBytes(await readChunks(stream as ReadableStream<Uint8Array>));
  return parseSse(new TextDecoder().decode(bytes));
}

export interface Rebuilt {
  text: string;
  reasoning: string;
  toolCalls: { id?: string; name: string; arguments: string }[];
  finish?: string;
  usage?: Record<string, number>;
  done: boolean;
}

/** Rebuilds a native or chat-completion stream into text, tool calls, finish reason and the last usage. */
export function rebuild(events: SseEvent[]): Rebuilt {
  const r: Rebuilt = { text: "", reasoning: "", toolCalls: [], done: false };
  const addCalls = (calls: unknown) => {
    for (const c of calls as { index: number; id?: string | null; function?: { name?: string | null; arguments?: string } }[]) {
      const slot = (r.toolCalls[c.index] ??= { name: "", arguments: "" });
      if (c.id) slot.id = c.id;
      if (c.function?.name) slot.name = c.function.name;
      if (c.function?.arguments) slot.arguments += c.function.arguments;
    }
  };
  for (const ev of events) {
    if (ev.data === "[DONE]") {
      r.done = true;
      continue;
    }
    const j = JSON.parse(ev.data);
    if (j.usage) r.usage = j.usage;
    if (typeof j.response === "string") r.text += j.response;
    if (Array.isArray(j.tool_calls)) addCalls(j.tool_calls);
    for (const ch of j.choices ?? []) {
      const d = ch.delta ?? {};
      if (typeof d.content === "string") r.text += d.content;
      if (typeof ch.text === "string") r.text += ch.text;
      if (typeof d.reasoning_content === "string") r.reasoning += d.reasoning_content;
      if (typeof d.reasoning === "string") r.reasoning += d.reasoning;
      if (d.tool_calls) addCalls(d.tool_calls);
      if (ch.finish_reason) r.finish = ch.finish_reason;
    }
  }
  return r;
}
