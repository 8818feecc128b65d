// `[[stub:key=value]]` directives embedded in user text (documented in types.ts).
import type { ChunkMode } from "./types";

export interface ToolCallDirective {
  name: string;
  /** Arguments given in the directive; undefined → generated from the tool's schema. */
  args?: unknown;
}

export interface Directives {
  errors: { code: number; model?: string }[];
  calls: ToolCallDirective[];
  /** `[[stub:call=none]]`: answer in text even though tools are given. */
  noTools: boolean;
  words?: number;
  reply?: string;
  chunk?: ChunkMode;
  /** Milliseconds between network chunks of a stream. */
  pace?: number;
  /** `[[stub:pause=N@MS]]`: the stream stops for MS milliseconds after its Nth network chunk (a model pausing). */
  pause?: { after: number; ms: number };
  /** `[[stub:busy]]` / `[[stub:busy=<model>]]`: the model (any, or that one) is out of capacity right now. */
  busy: { model?: string }[];
}

export function emptyDirectives(): Directives {
  return { errors: [], calls: [], noTools: false, busy: [] };
}

const OPEN = "[[stub:";

/** Finds and removes every directive in `text`. Throws on unknown or malformed directives. */
export function parseDirectives(text: string): { text: string; directives: Directives } {
  const d = emptyDirectives();
  let out = "";
  let pos = 0;
  let found = false;
  for (;;) {
    const start = text.indexOf(OPEN, pos);
    if (start < 0) break;
    found = true;
    const { end, key, value } = readDirective(text, start);
    apply(d, key, value);
    out += text.slice(pos, start);
    pos = end;
    // Swallow the blank after a directive that starts the text or follows a blank, so words stay single-spaced.
    if (out === "" || /\s$/.test(out)) while (pos < text.length && (text[pos] === " " || text[pos] === "\t")) pos++;
  }
  out += text.slice(pos);
  return { text: found ? out.trim() : out, directives: d };
}

function readDirective(text: string, start: number): { end: number; key: string; value: string } {
  const body = start + OPEN.length;
  const m = /^([a-z]+)(?:=|(?=\]\]))/.exec(text.slice(body));
  if (!m) throw new Error(`ai-stub: malformed directive at: ${text.slice(start, start + 40)}`);
  const key = m[1];
  const valueStart = body + m[0].length;
  // The value ends at the first "]]" that leaves a well-formed value (call arguments may hold "]]").
  let close = text.indexOf("]]", valueStart);
  while (close >= 0) {
    const value = text.slice(valueStart, close);
    if (key !== "call" || callParts(value) !== null) return { end: close + 2, key, value };
    close = text.indexOf("]]", close + 1);
  }
  throw new Error(`ai-stub: unterminated or malformed directive at: ${text.slice(start, start + 40)}`);
}

function callParts(value: string): ToolCallDirective | null {
  const m = /^\s*([^\s{]+)\s*([\s\S]*)$/.exec(value);
  if (!m) return null;
  if (m[2].trim() === "") return { name: m[1] };
  try {
    return { name: m[1], args: JSON.parse(m[2]) };
  } catch {
    return null;
  }
}

function apply(d: Directives, key: string, value: string): void {
  switch (key) {
    case "error": {
      const m = /^(\d+)(?:@(.+))?$/.exec(value.trim());
      if (!m) throw new Error(`ai-stub: bad error directive value "${value}"`);
      d.errors.push({ code: Number(m[1]), model: m[2] });
      return;
    }
    case "call": {
      const c = callParts(value);
      if (!c) throw new Error(`ai-stub: bad call directive value "${value}"`);
      if (c.name === "none" && c.args === undefined) d.noTools = true;
      else d.calls.push(c);
      return;
    }
    case "busy":
      d.busy.push(value.trim() ? { model: value.trim() } : {});
      return;
    case "words":
      d.words = positiveInt(key, value);
      return;
    case "reply":
      d.reply = value;
      return;
    case "pace":
      d.pace = positiveInt(key, value);
      return;
    case "pause": {
      const m = /^\s*(\d+)@(\d+)\s*$/.exec(value);
      if (!m || Number(m[1]) < 1) throw new Error(`ai-stub: pause needs N@MS (N ≥ 1), got "${value}"`);
      d.pause = { after: Number(m[1]), ms: Number(m[2]) };
      return;
    }
    case "chunk":
      d.chunk = value.trim() === "event" ? "event" : positiveInt(key, value);
      return;
    default:
      throw new Error(`ai-stub: unknown directive "${key}"`);
  }
}

function positiveInt(key: string, value: string): number {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1) throw new Error(`ai-stub: ${key} needs a positive integer, got "${value}"`);
  return n;
}

export function isBusy(d: Directives, model: string): boolean {
  return d.busy.some((b) => b.model === undefined || b.model === model);
}

/** Throws the error of the first error directive that applies to `model`. */
export function errorDirectiveFor(d: Directives, model: string): number | undefined {
  return d.errors.find((e) => e.model === undefined || e.model === model)?.code;
}
