// Runs of stream events that each say one piece of text (or reasoning) and nothing else, read straight from the
// upstream's SSE text: OpenAI chat chunks, and native `{"response":"…"}` events. That is most of a stream (one
// token an event, ~400 bytes each for an OpenAI-shaped model, ~50 a batch), and parsing it event by event was
// most of a rendered stream's own JavaScript: bench/worker, a `responses` stream of 1,000 tokens spent ~3 ms of
// its ~11 in the SSE parser, the normaliser and the delta merge. Here one sticky regex checks each event's whole
// shape and picks out its string, and one JSON.parse per run decodes the strings joined (none when nothing is
// escaped): no event objects, no JSON per event. Any other event (a role or finish chunk, tool calls, two
// choices, a key that is not null, CRLF framing, anything malformed) ends the run and takes the normal path, so
// what this reads is exactly what that path would make of it (tested against it). Pure.
import type { AiEvent } from "./events.js";
import { CHUNK_HEAD_SOURCE } from "./stream.js";

/** A JSON number, or null. */
const VALUE = String.raw`(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|null)`;
/** A usage object as Workers AI sends it: numbers (or null), one level of nested objects of numbers. Valid JSON. */
const OBJECT = String.raw`\{(?:"[a-z_]+":${VALUE}(?:,"[a-z_]+":${VALUE})*)?\}`;
const USAGE = String.raw`\{(?:"[a-z_]+":(?:${VALUE}|${OBJECT})(?:,"[a-z_]+":(?:${VALUE}|${OBJECT}))*)?\}`;
/** A JSON string's body, with only the escapes JSON allows: joined bodies are one valid string. */
const STRING = String.raw`[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*`;
/** A key whose null says nothing. */
const NULL_KEY = `"[a-z_]+":null`;
/**
 * The same, but not the key read (after it: JSON.parse keeps a key's last value), nor the choice's `delta` or
 * `index` (after the delta).
 */
const NULL_KEY_AFTER_TEXT = String.raw`"(?!\1")[a-z_]+":null`;
const NULL_KEY_AFTER_DELTA = `"(?!(?:delta|index)")[a-z_]+":null`;

/**
 * One whole event: a chunk's head (id, object, created, model, read by nobody here), one choice of index 0 whose
 * delta holds one string under `content`, `reasoning` or `reasoning_content` (other keys null, as vLLM sends
 * them), the choice's other keys null, and an optional usage. Captures: the key, the string's body, the usage.
 */
const TEXT_CHUNK = new RegExp(
  `data: ${CHUNK_HEAD_SOURCE}` +
    String.raw`"choices":\[\{"index":0,"delta":\{(?:${NULL_KEY},)*"(content|reasoning|reasoning_content)":"(${STRING})"(?:,${NULL_KEY_AFTER_TEXT})*\}` +
    String.raw`(?:,${NULL_KEY_AFTER_DELTA})*\}\](?:,"usage":(${USAGE}))?\}\n\n`,
  "y",
);

/**
 * A native-format event of text only: `{"response":"…"}`, with the padding `p` Workers AI adds (its length hides
 * the token's), an empty `tool_calls` or a usage. Captures as TEXT_CHUNK's.
 */
const NATIVE_TEXT = new RegExp(
  String.raw`data: \{"(response)":"(${STRING})"(?:,"p":"[^"\\]*")?(?:,"tool_calls":\[\])?(?:,"usage":(${USAGE}))?\}\n\n`,
  "y",
);

export interface TextRun {
  /** Where the run ends in the text (after its last event's blank line). */
  end: number;
  /** Its text and reasoning, one event a stretch of either, in order (empty strings dropped). */
  events: AiEvent[];
  /** The last usage object of the run, as JSON text (usage is cumulative: the last one counts). */
  usage: string | undefined;
}

/** What an event's key holds: reasoning and reasoning_content are the same thing (stream.ts reads either). */
const kindOf = (key: string): "text" | "reasoning" => (key === "reasoning" || key === "reasoning_content" ? "reasoning" : "text");

/** The run of text-only chunk events that starts at `start` of `text` (whole events only), if one does. */
export function readTextRun(text: string, start: number): TextRun | undefined {
  const pattern = text.startsWith('data: {"id":"', start)
    ? TEXT_CHUNK
    : text.startsWith('data: {"response":"', start)
      ? NATIVE_TEXT
      : undefined;
  if (!pattern) return undefined;
  pattern.lastIndex = start;
  let match = pattern.exec(text);
  if (!match) return undefined;
  const events: AiEvent[] = [];
  let usage: string | undefined;
  let end = start;
  let kind = kindOf(match[1]);
  let bodies: string[] = [];
  const close = () => {
    const joined = bodies.join("");
    if (!joined) return;
    const decoded: string = joined.includes("\\") ? JSON.parse(`"${joined}"`) : joined;
    events.push({ type: kind, text: decoded });
  };
  while (match) {
    if (kindOf(match[1]) !== kind) {
      close();
      kind = kindOf(match[1]);
      bodies = [];
    }
    bodies.push(match[2]);
    if (match[3] !== undefined) usage = match[3];
    end = pattern.lastIndex;
    match = pattern.exec(text);
  }
  close();
  return { end, events, usage };
}
