/**
 * Public types of the Workers AI stub (`AiStub`), for `import type` in worker tests.
 *
 * The stub stands in for the `AI` binding: the worker under test gets `env.AI` as a service binding to the
 * `AiStub` entrypoint and calls `env.AI.run(model, inputs, options)` / `env.AI.models(params)` as usual.
 * Tests can also call the helpers `calls()`, `reset()` and `failNext()` on the same binding.
 *
 * ## The platform of December 2026
 * The catalogue is test/fakes/workers-ai-models.json (112 records). `models()` lists the active ones (74) with
 * Cloudflare's properties (`context_window`, `function_calling`, `reasoning`, `vision`, `require_workers_paid`,
 * `price` as `[{unit, price, currency}]`, `planned_deprecation_date` once a test sets one). `run()`:
 * - a deprecated model throws `5028: This model was deprecated on <date>. Please use an alternative model`
 *   (Kimi K2.5 is served as K2.6 instead); `retireModel(name, date)` retires one at runtime (`restoreModel`/`reset` undo);
 * - a paid-only model throws `5035: This model requires a Workers Paid plan…` unless `setWorkersPaid(true)`;
 * - a model listed but not played (classification, translation, clef, …) throws 5006;
 * - `response_format: {type:"json_schema"}` (or `guided_json`) with `stream: true` throws 5023;
 * - `[[stub:busy]]` (or `[[stub:busy=<model>]]`): with `rejectIfBusy: true` in the options the call throws 3040 at
 *   once, without it it waits in the queue (50 ms) and answers; `rejectIfBusy` in the inputs is a 5006;
 * - `options.extraHeaders["x-session-affinity"]`: the words a prompt shares with the previous prompt of the same
 *   session are reported as `prompt_tokens_details.cached_tokens` (Responses: `input_tokens_details`).
 * Every error is an Error whose message starts with the code, as the binding throws them (the binding names them
 * "AiError"; a name cannot cross RPC, see errors.ts).
 *
 * ## Determinism
 * Same model + inputs → same bytes (ids, `created` timestamps, vectors, images, audio and stream chunking are
 * all derived from the inputs; `created` is the constant {@link STUB_CREATED}).
 *
 * ## Tokens
 * A token is a whitespace-separated word (`/\S+/`). `prompt_tokens` = words in every message's text (string
 * content or the `text` of content parts), or in `prompt`, or in a Responses `input` (+ `instructions`), as sent
 * (directives included). `completion_tokens` = words of the reasoning + words of the reply text + for each tool
 * call the words of `"<name> <arguments JSON>"`. `max_tokens` (or `max_completion_tokens`, or `max_output_tokens`
 * for Responses input) defaults to **256**; reasoning spends the budget first, then the reply; a reply cut short
 * ends with `finish_reason: "length"` (OpenAI-shaped), `status: "incomplete"` (Responses), and — like the real
 * native models — no finish reason at all on native shapes (only `usage.completion_tokens === max_tokens` shows
 * it). Tool calls and JSON-mode output are never cut. Trailing whitespace of a reply is not emitted.
 *
 * ## Replies
 * - default: `Echo: <text of the last user message, directives stripped>` (content parts joined with a space);
 * - `tools` given and the last message is from the user: a call of the first tool (or the one named by
 *   `tool_choice`), arguments = minimal instance of its parameter schema (required properties only: strings
 *   "test", numbers/integers 42 clamped to min/max, booleans true, arrays [] or `minItems` items, enum → first,
 *   const → const, formats date-time/date/email/uri/uuid get valid samples); `tool_choice: "none"` → no call;
 * - last message has role `tool` (or a Responses `function_call_output`): `Tool result: <its content>`;
 * - JSON mode: `response_format {type:"json_schema", json_schema:<schema>}` → minimal instance of the schema
 *   (OpenAI-shaped models also accept OpenAI's `{name, schema}` wrapper; native models do not unwrap it, just as
 *   a bare-schema model would not); `{type:"json_object"}` → `{"echo":"<text>"}`. Native models return the value
 *   itself in `response` (object, number…); OpenAI-shaped return it as a JSON string in `content`;
 * - reasoning models first think: `Thinking about: <text>`, or `Thinking (<effort> effort) about: <text>` at an
 *   effort other than the model's default. Switches: `chat_template_kwargs.enable_thinking` (glm-4.7-flash,
 *   qwen3, nemotron: on by default; gemma-4: off by default, UNCERTAIN), `chat_template_kwargs.thinking` (Kimi);
 *   effort models (gpt-oss: low|medium|high, default medium, cannot be off; glm-5.3-flash, deepseek-v4-flash as
 *   the snapshot lists) take `reasoning_effort` (Responses input: `reasoning.effort`), other values → 5006;
 * - OpenAI-shaped models (and gpt-oss) given a bare `prompt` answer as a legacy completion:
 *   `{id:"cmpl-…", object:"text_completion", choices:[{index, text, finish_reason}], usage}`, no reasoning, no tools.
 *
 * ## Streams (`inputs.stream === true`)
 * One SSE event per token. Network chunking: see {@link ChunkMode}; by default chunks are cut at a deterministic
 * cycle of small sizes (17, 64, 5, 97, 3, 41, 1, 29 bytes), and when the stream holds a multi-byte UTF-8 character
 * at least one cut is guaranteed to fall inside one.
 * - native / llama-4: `data: {"response":"<tok>","p":"<pad>"}` …, tool calls as
 *   `data: {"tool_calls":[{"index":0,"id":"…","type":"function","function":{"name":"f","arguments":""}}]}` then
 *   `data: {"tool_calls":[{"index":0,"function":{"arguments":"<piece>"}}]}` …, then
 *   `data: {"response":"","usage":{…}}` and `data: [DONE]`;
 * - OpenAI-shaped with `prompt`: `text_completion` chunks (`choices:[{index, text, finish_reason}]`, cumulative
 *   usage), then the native-style usage event and `data: [DONE]`;
 * - OpenAI-shaped and gpt-oss with `messages`: `chat.completion.chunk`s (first delta `{role:"assistant",
 *   content:""}`, then reasoning/content deltas, tool-call deltas: first `{index,id,type,function:{name,
 *   arguments:""}}`, later `{index,id:null,type:"function",function:{name:null,arguments:"<piece>"}}` as the real
 *   vLLM-backed models send), a chunk with `finish_reason`, a chunk with `choices:[]`; every chunk carries the
 *   cumulative `usage` (take the last, never sum); then a native-style `{"response":"","usage":{…}}` event and
 *   `data: [DONE]`;
 * - gpt-oss with `input`: Responses events (`event: <type>` + `data: {type, sequence_number, …}`), from
 *   `response.created` to `response.completed`; no `[DONE]`.
 */

/** Unix seconds used as `created` / `created_at` in every generated object. */
export const STUB_CREATED = 1767225600;

/**
 * How the text models shape their output (see catalogue.ts for the full list):
 * - "native" `{response, tool_calls:[{name, arguments}], usage}` (the snapshot's "native" family): `arguments` an
 *   **object** for @cf/meta/llama-3.1-8b-instruct-fast/-fp8, llama-3.2-1b/3b, llama-3.3-70b-instruct-fp8-fast,
 *   granite, qwq, deepseek-r1-distill…; a **JSON string** for @cf/mistralai/mistral-small-3.1-24b-instruct and
 *   @cf/qwen/qwen2.5-coder-32b-instruct. `response` is null when the model calls tools. No finish reason.
 * - "llama4" @cf/meta/llama-4-scout-17b-16e-instruct: native, but `tool_calls:[{id, type:"function",
 *   function:{name, arguments:<object>}}]` and `response: ""` with tool calls.
 * - "openai" `{id, object:"chat.completion", created, model, choices:[{index, message:{role, content,
 *   reasoning_content, tool_calls:[{id, type, function:{name, arguments:"<JSON string>"}}]}, finish_reason}], usage}`:
 *   the snapshot's "openai-chat" family (glm-4.7-flash, gemma-4, nemotron-3 and Kimi think in `reasoning`, qwen3.8,
 *   glm-5.x, deepseek-v4) with `refusal`, `annotations`, `system_fingerprint` and usage details
 *   (`prompt_tokens_details.cached_tokens`, `completion_tokens_details.reasoning_tokens`); and its
 *   "native-in/openai-out" models (qwen3-30b-a3b-fp8, gemma-sea-lion) with vLLM's `stop_reason`/`prompt_logprobs`
 *   and plain usage. deepseek-r1-distill-qwen-32b and qwq-32b are native, as the snapshot has them.
 * - "gpt-oss" @cf/openai/gpt-oss-120b, -20b: Responses-shaped with `input` (`{object:"response", output:[reasoning
 *   item, message item with output_text | function_call items (arguments JSON string)], usage:{input_tokens,
 *   output_tokens, total_tokens}}`), chat-shaped like "openai" with `messages`.
 */
export type TextFamily = "native" | "llama4" | "openai" | "gpt-oss";

export type ModelKind =
  | "text"
  | "embeddings"
  /** SDXL-type: a ReadableStream of PNG bytes. */
  | "image-stream"
  /** flux-type: `{image: "<base64 PNG>"}`. */
  | "image-base64"
  /** whisper / whisper-tiny-en: `{audio: number[]}` → `{text, word_count, words, vtt}`. */
  | "asr"
  /** whisper-large-v3-turbo: `{audio: "<base64>"}` → `{transcription_info, text, word_count, segments, vtt}`. */
  | "asr-base64"
  /** melotts: `{prompt, lang?}` → `{audio: "<base64 MP3>"}`. */
  | "tts-json"
  /** Deepgram aura: `{text, speaker?}` → ReadableStream of MP3 bytes. */
  | "tts-stream"
  /** Listed in the catalogue but not played by the stub (classification, translation, clef…): run() throws 5006. */
  | "unsimulated";

/** Network chunk size of streams: bytes per chunk, or `"event"` for one SSE event per chunk. */
export type ChunkMode = "default" | "event" | number;

/**
 * Directives: written anywhere in the last user message (or `prompt`, Responses `input`, image/TTS prompt, or
 * any embedding text for `error`), stripped from the echoed text. Unknown or malformed directives throw.
 *
 * | directive | effect |
 * | --- | --- |
 * | `[[stub:error=3040]]` | throw `new Error("3040: Capacity temporarily exceeded, please try again.")`; any code (see `STUB_ERROR_MESSAGES` in errors.ts: 3036, 4006, 3040, 5007, 3007, …) |
 * | `[[stub:error=3040@@cf/meta/llama-3.1-8b-instruct]]` | fail only when that model is called (fallback tests) |
 * | `[[stub:call=get_weather {"city":"Paris"}]]` | call that tool with those arguments (repeatable → parallel calls; without JSON the arguments come from the tool's schema, or `{}`) |
 * | `[[stub:call=none]]` | answer in text even though `tools` are given |
 * | `[[stub:words=N]]` | reply with N words `w1 w2 … wN` (truncation, long streams) |
 * | `[[stub:reply=TEXT]]` | reply with exactly TEXT (must not contain `]]`) |
 * | `[[stub:chunk=N]]` | streams come in N-byte network chunks |
 * | `[[stub:chunk=event]]` | one SSE event per network chunk |
 * | `[[stub:pace=MS]]` | streams wait MS milliseconds before each network chunk after the first (a model generating) |
 * | `[[stub:pause=N@MS]]` | streams stop for MS more milliseconds after their Nth network chunk (a model pausing mid-answer) |
 */
export type StubDirective =
  | `[[stub:error=${number}]]`
  | `[[stub:error=${number}@${string}]]`
  | `[[stub:call=${string}]]`
  | `[[stub:words=${number}]]`
  | `[[stub:reply=${string}]]`
  | `[[stub:chunk=${number | "event"}]]`
  | `[[stub:pace=${number}]]`
  | `[[stub:pause=${number}@${number}]]`;

/** One `run` call as the stub saw it (JSON-safe copy). Arrays of more than 64 numbers, typed arrays, ArrayBuffers
 * and streams are replaced by `{"$binary": "<kind>", "length": n}` / `{"$stream": true}`. */
export interface StubCallRecord {
  /** 1-based position since the last `reset()`. */
  seq: number;
  model: string;
  inputs: unknown;
  /** `options` as given (e.g. `{gateway: {id, skipCache, cacheTtl}}`), or null. */
  options: unknown;
  /** Date.now() when the call arrived. */
  at: number;
  /** For an answer streamed as SSE: how far the reader got. */
  stream?: StreamProgress;
}

export interface StreamProgress {
  /** Network chunks in the whole answer. */
  chunks: number;
  /** Chunks handed to the reader so far: it stops growing when the reader cancels (the model stops generating). */
  sent: number;
}

export interface StubFailNext {
  /** Only calls of this model fail (default: any model). */
  model?: string;
  /** Workers AI error code; the message is Workers AI's for that code. */
  code: number;
  /** How many calls fail (default 1). */
  times?: number;
}

/** `AiModelsSearchObject` as the stub returns it from `models()`. */
export interface StubModelInfo {
  id: string;
  source: number;
  name: string;
  description: string;
  task: { id: string; name: string; description: string };
  tags: string[];
  /** Values are strings, except `price`: `[{unit, price, currency}]`. */
  properties: { property_id: string; value: unknown }[];
}

export interface StubModelsParams {
  author?: string;
  hide_experimental?: boolean;
  page?: number;
  per_page?: number;
  search?: string;
  source?: number;
  task?: string;
}

/** The RPC surface of the `AiStub` entrypoint (what `env.AI` offers in tests). */
export interface AiStubRpc {
  run(model: string, inputs: unknown, options?: Record<string, unknown>): Promise<unknown>;
  models(params?: StubModelsParams): Promise<StubModelInfo[]>;
  calls(): Promise<StubCallRecord[]>;
  reset(): Promise<void>;
  failNext(spec: StubFailNext): Promise<void>;
  retireModel(model: string, date: string): Promise<void>;
  restoreModel(model: string): Promise<void>;
  planDeprecation(model: string, date: string): Promise<void>;
  setWorkersPaid(paid: boolean): Promise<void>;
}
