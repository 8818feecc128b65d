// test/fakes/ai-stub/index.ts
import { WorkerEntrypoint } from "cloudflare:workers";

// test/fakes/ai-stub/directives.ts
function emptyDirectives() {
  return { errors: [], calls: [], noTools: false, busy: [] };
}
var OPEN = "[[stub:";
function parseDirectives(text) {
  const d = emptyDirectives();
  let out = "";
  let pos = 0;
  let found = false;
  for (; ; ) {
    const start = text.indexOf(OPEN, pos);
    if (start < 0) break;
    found = true;
    const { end, key, value } = readDirective(text, start);
    apply(d, key, value);
    out += text.slice(pos, start);
    pos = end;
    if (out === "" || /\s$/.test(out)) while (pos < text.length && (text[pos] === " " || text[pos] === "	")) pos++;
  }
  out += text.slice(pos);
  return { text: found ? out.trim() : out, directives: d };
}
function readDirective(text, start) {
  const body = start + OPEN.length;
  const m = /^([a-z]+)(?:=|(?=\]\]))/.exec(text.slice(body));
  if (!m) throw new Error(`ai-stub: malformed directive at: ${text.slice(start, start + 40)}`);
  const key = m[1];
  const valueStart = body + m[0].length;
  let close = text.indexOf("]]", valueStart);
  while (close >= 0) {
    const value = text.slice(valueStart, close);
    if (key !== "call" || callParts(value) !== null) return { end: close + 2, key, value };
    close = text.indexOf("]]", close + 1);
  }
  throw new Error(`ai-stub: unterminated or malformed directive at: ${text.slice(start, start + 40)}`);
}
function callParts(value) {
  const m = /^\s*([^\s{]+)\s*([\s\S]*)$/.exec(value);
  if (!m) return null;
  if (m[2].trim() === "") return { name: m[1] };
  try {
    return { name: m[1], args: JSON.parse(m[2]) };
  } catch {
    return null;
  }
}
function apply(d, key, value) {
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
      if (c.name === "none" && c.args === void 0) d.noTools = true;
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
      if (!m || Number(m[1]) < 1) throw new Error(`ai-stub: pause needs N@MS (N \u2265 1), got "${value}"`);
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
function positiveInt(key, value) {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1) throw new Error(`ai-stub: ${key} needs a positive integer, got "${value}"`);
  return n;
}
function isBusy(d, model) {
  return d.busy.some((b) => b.model === void 0 || b.model === model);
}
function errorDirectiveFor(d, model) {
  return d.errors.find((e) => e.model === void 0 || e.model === model)?.code;
}

// test/fakes/ai-stub/errors.ts
var STUB_ERROR_MESSAGES = {
  3003: () => "Request is missing headers or body: body",
  3006: () => "Request is too large",
  3007: () => "Request timeout",
  3008: () => "Request was aborted",
  3023: () => "Service unavailable for account",
  3036: () => "You have used up your daily free allocation of 10,000 neurons. Please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
  3039: () => "Finetune is missing required files (model.safetensors and config.json)",
  3040: () => "Capacity temporarily exceeded, please try again.",
  3041: () => "The account is not allowed to access this model",
  3042: () => "The model name is invalid",
  4006: () => "you have used up your daily free allocation of 10,000 neurons, please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
  5004: () => "Invalid data type for base64 input: string",
  5005: (model) => `The model ${model} does not support LoRa inference`,
  5006: () => "Error: invalid input",
  5007: (model) => `No such model ${model} or task`,
  5016: () => "User has not agreed to Llama3.2 model terms",
  5018: () => "The account is not allowed to access this model",
  5019: () => "Request trying to use deprecated SDK version",
  5023: () => "JSON Schema mode is not supported with stream mode.",
  5028: () => "This model was deprecated. Please use an alternative model",
  5035: () => "This model requires a Workers Paid plan. See pricing for details."
};
function aiError(code, model) {
  const text = STUB_ERROR_MESSAGES[code]?.(model) ?? "Internal server error";
  return named(new Error(`${code}: ${text}`));
}
function deprecatedModel(date) {
  return named(new Error(`5028: This model was deprecated${date ? ` on ${date}` : ""}. Please use an alternative model`));
}
function named(error) {
  return error;
}
function noSuchModel(model) {
  return aiError(5007, model);
}
function invalidInput(detail) {
  return named(new Error(`5006: Error: ${detail}`));
}
function oneOfNotMet(problems) {
  return invalidInput(`oneOf at '/' not met, 0 matches: ${problems.join(", ")}`);
}
function required(path, names) {
  return `required properties at '${path || "/"}' are '${names.join(",")}'`;
}
function typeMismatch(path, got, want) {
  return `Type mismatch of '${path}', '${got}' not in '${want}'`;
}

// test/fakes/ai-stub/util.ts
function fnv1a(text, seed = 2166136261) {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function hashHex(text, length = 32) {
  let out = "";
  let seed = fnv1a(text);
  while (out.length < length) {
    seed = fnv1a(text, seed ^ out.length + 1);
    out += seed.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}
function uuidFrom(text) {
  const h = hashHex(`uuid:${text}`, 32).split("");
  h[12] = "4";
  h[16] = "89ab"[parseInt(h[16], 16) % 4];
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
function bytesToBase64(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 32768) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 32768));
  }
  return btoa(bin);
}
function base64ToBytes(text) {
  try {
    const bin = atob(text.replace(/\s+/g, ""));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
var encoder = new TextEncoder();
function utf8(text) {
  return encoder.encode(text);
}
function strictUtf8(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
function jsonType(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function pieces(text, size) {
  const cps = Array.from(text);
  const out = [];
  for (let i = 0; i < cps.length; i += size) out.push(cps.slice(i, i + size).join(""));
  return out.length ? out : [""];
}
var CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(bytes) {
  let c = 4294967295;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ c >>> 8;
  return (c ^ 4294967295) >>> 0;
}
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// test/fakes/ai-stub/sse.ts
function dataEvent(payload) {
  return `data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}

`;
}
function namedEvent(name, payload) {
  return `event: ${name}
data: ${JSON.stringify(payload)}

`;
}
var DEFAULT_CHUNK_CYCLE = [17, 64, 5, 97, 3, 41, 1, 29];
function chunkBoundaries(events, mode) {
  const encoded = events.map(utf8);
  const bytes = new Uint8Array(encoded.reduce((n, e) => n + e.length, 0));
  const eventEnds = [];
  let off = 0;
  for (const e of encoded) {
    bytes.set(e, off);
    off += e.length;
    eventEnds.push(off);
  }
  if (mode === "event") return { bytes, ends: eventEnds };
  const ends = /* @__PURE__ */ new Set();
  let pos = 0;
  for (let i = 0; pos < bytes.length; i++) {
    pos = Math.min(bytes.length, pos + (mode === "default" ? DEFAULT_CHUNK_CYCLE[i % DEFAULT_CHUNK_CYCLE.length] : mode));
    ends.add(pos);
  }
  if (mode === "default") {
    const starts = multiByteStarts(bytes);
    const splitsOne = starts.some(([s, len]) => [...ends].some((e) => e > s && e < s + len));
    if (starts.length && !splitsOne) ends.add(starts[0][0] + 1);
  }
  return { bytes, ends: [...ends].sort((a, b) => a - b) };
}
function multiByteStarts(bytes) {
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const len = b >= 240 ? 4 : b >= 224 ? 3 : b >= 192 ? 2 : 1;
    if (len > 1) {
      out.push([i, len]);
      i += len - 1;
    }
  }
  return out;
}
function sseStream(events, plan, record) {
  const { bytes, ends } = chunkBoundaries(events, plan.chunk);
  const progress = { chunks: ends.length, sent: 0 };
  if (record) record.stream = progress;
  return byteStream(bytes, ends, progress, plan.pace, plan.pause);
}
function byteStream(bytes, ends, progress, paceMs = 0, pause) {
  let i = 0;
  let start = 0;
  const next = (controller) => {
    if (i >= ends.length) {
      controller.close();
      return;
    }
    controller.enqueue(bytes.slice(start, ends[i]));
    start = ends[i++];
    if (progress) progress.sent = i;
  };
  return new ReadableStream(
    {
      pull(controller) {
        const wait = (i > 0 ? paceMs : 0) + (pause && i === pause.after ? pause.ms : 0);
        if (wait > 0) return new Promise((resolve) => setTimeout(resolve, wait)).then(() => next(controller));
        next(controller);
      }
    },
    { highWaterMark: 0 }
  );
}

// test/fakes/ai-stub/audio.ts
var WORD_SECONDS = 0.4;
function runSpeechToText(spec, inputs) {
  const bytes = spec.kind === "asr-base64" ? base64Audio(inputs) : arrayAudio(inputs);
  const text = transcript(bytes);
  const words = (text.match(/\S+/g) ?? []).map((word, i) => ({
    word,
    start: round(i * WORD_SECONDS),
    end: round((i + 1) * WORD_SECONDS)
  }));
  const duration = round(words.length * WORD_SECONDS);
  const vtt = `WEBVTT

${words.length ? `${clock(0)} --> ${clock(duration)}
${text}

` : ""}`;
  if (spec.kind === "asr") return { text, word_count: words.length, words, vtt };
  const opts = inputs;
  return {
    transcription_info: {
      language: typeof opts.language === "string" ? opts.language : "en",
      language_probability: 1,
      duration,
      duration_after_vad: duration
    },
    text,
    word_count: words.length,
    segments: words.length ? [{ start: 0, end: duration, text, temperature: 0, avg_logprob: -0.1, compression_ratio: 1, no_speech_prob: 0, words }] : [],
    vtt
  };
}
function arrayAudio(inputs) {
  if (inputs instanceof ArrayBuffer) return new Uint8Array(inputs);
  if (inputs instanceof Uint8Array) return inputs;
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  if (!("audio" in inputs)) throw invalidInput(required("/", ["audio"]));
  const audio = inputs.audio;
  if (!Array.isArray(audio)) throw invalidInput(typeMismatch("/audio", jsonType(audio), "array"));
  audio.forEach((v, i) => {
    if (typeof v !== "number") throw invalidInput(typeMismatch(`/audio/${i}`, jsonType(v), "number"));
  });
  return Uint8Array.from(audio);
}
function base64Audio(inputs) {
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  if (!("audio" in inputs)) throw invalidInput(required("/", ["audio"]));
  if (typeof inputs.audio !== "string") throw invalidInput(typeMismatch("/audio", jsonType(inputs.audio), "string"));
  const bytes = base64ToBytes(inputs.audio);
  if (!bytes) throw aiError(5004, "");
  return bytes;
}
function transcript(bytes) {
  const text = strictUtf8(bytes);
  if (text !== null && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return text;
  return `Stub transcript of ${bytes.length} bytes of audio.`;
}
function round(n) {
  return Math.round(n * 1e3) / 1e3;
}
function clock(seconds) {
  const ms = Math.round(seconds * 1e3);
  const h = Math.floor(ms / 36e5);
  const m = Math.floor(ms % 36e5 / 6e4);
  const s = Math.floor(ms % 6e4 / 1e3);
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1e3, 3)}`;
}
function runTextToSpeech(spec, inputs) {
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  const field = spec.kind === "tts-json" ? "prompt" : "text";
  if (!(field in inputs)) throw invalidInput(required("/", [field]));
  const text = inputs[field];
  if (typeof text !== "string") throw invalidInput(typeMismatch(`/${field}`, jsonType(text), "string"));
  if (spec.kind === "tts-json" && text.length < 1) throw invalidInput("String is too short (0 < 1) at '/prompt'");
  const code = errorDirectiveFor(parseDirectives(text).directives, spec.name);
  if (code !== void 0) throw aiError(code, spec.name);
  const voice = String(spec.kind === "tts-json" ? inputs.lang ?? "en" : inputs.speaker ?? "angus");
  const mp3 = mp3For(text, voice);
  if (spec.kind === "tts-json") return { audio: bytesToBase64(mp3) };
  const half = Math.floor(mp3.length / 2);
  return byteStream(mp3, [half, mp3.length]);
}
function mp3For(text, voice) {
  const frames = [id3Frame("TIT2", text), id3Frame("TPE1", voice)];
  const body = concat(frames);
  const size = body.length;
  const header = new Uint8Array([73, 68, 51, 3, 0, 0, size >> 21 & 127, size >> 14 & 127, size >> 7 & 127, size & 127]);
  const count = 1 + (text.match(/\S+/g) ?? []).length;
  const frame = new Uint8Array(417);
  frame.set([255, 251, 144, 100]);
  return concat([header, body, ...Array.from({ length: count }, () => frame)]);
}
function id3Frame(id, text) {
  const units = new Uint8Array(2 + text.length * 2);
  units.set([255, 254]);
  for (let i = 0; i < text.length; i++) {
    units[2 + i * 2] = text.charCodeAt(i) & 255;
    units[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  const data = concat([new Uint8Array([1]), units]);
  const head = new Uint8Array(10);
  head.set(utf8(id));
  new DataView(head.buffer).setUint32(4, data.length);
  return concat([head, data]);
}

// test/fakes/workers-ai-models.json
var workers_ai_models_default = [
  {
    name: "@cf/zai-org/glm-4.7-flash",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "openai-chat",
    properties: {
      context_window: 131072,
      function_calling: true,
      reasoning: true,
      price_per_M: {
        input: 0.0605,
        output: 0.4
      },
      created_at: "2026-01-28",
      chat_template_kwargs: "enable_thinking (default true), clear_thinking (default false)",
      json_mode: "response_format text|json_object|json_schema",
      free_plan: "listed as still available on Workers Free (changelog 2026-07-28)"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/glm-4.7-flash.json",
    read_commit: "285ad2327d97",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/google/gemma-4-26b-a4b-it",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "openai-chat",
    properties: {
      context_window: 256e3,
      function_calling: true,
      reasoning: true,
      vision: true,
      async_queue: true,
      price_per_M: {
        input: 0.1,
        output: 0.3
      },
      created_at: "2026-04-02",
      extra_input: "skip_special_tokens (prompt branch)",
      free_plan: "listed as still available on Workers Free (changelog 2026-07-28)"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "skip_special_tokens",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/gemma-4-26b-a4b-it.json",
    read_commit: "8082244b3b9d",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/nvidia/nemotron-3-120b-a12b",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "openai-chat",
    properties: {
      context_window: 256e3,
      function_calling: true,
      reasoning: true,
      price_per_M: {
        input: 0.5,
        output: 1.5
      },
      created_at: "2026-02-24",
      note: "launch changelog 2026-03-11 said 32,000-token context; model JSON now says 256000",
      free_plan: "listed as still available on Workers Free (changelog 2026-07-28)"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/nemotron-3-120b-a12b.json",
    read_commit: "05b5f46cc674",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/qwen/qwen3.8-27b",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "openai-chat",
    properties: {
      context_window: 262144,
      function_calling: true,
      reasoning: true,
      vision: true,
      async_queue: true,
      price_per_M: {
        input: 0.45,
        output: 3.2,
        cached_input: 0.05
      },
      created_at: "2026-08-17",
      endpoints_named_in_changelog: "binding and REST /ai/run only (OpenAI endpoint not mentioned)"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwen3.8-27b.json",
    read_commit: "05b5f46cc674",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/moonshotai/kimi-k2.6",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: true,
    family: "openai-chat",
    properties: {
      require_workers_paid: true,
      context_window: 262144,
      function_calling: true,
      reasoning: true,
      vision: true,
      async_queue: true,
      price_per_M: {
        input: 0.95,
        output: 4,
        cached_input: 0.16
      },
      created_at: "2026-04-20",
      thinking_control: "chat_template_kwargs.thinking (replaces enable_thinking of K2.5)",
      reasoning_field: "reasoning (replaces reasoning_content of K2.5) per changelog 2026-04-20"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/kimi-k2.6.json",
    read_commit: "05b5f46cc674",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/moonshotai/kimi-k2.7-code",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: true,
    family: "openai-chat",
    properties: {
      require_workers_paid: true,
      context_window: 262144,
      function_calling: true,
      reasoning: true,
      vision: true,
      reasoning_effort: {
        mandatory: true,
        default_enabled: true
      },
      price_per_M: {
        input: 0.95,
        output: 4,
        cached_input: 0.19
      },
      created_at: "2026-06-12",
      thinking_control: "chat_template_kwargs.thinking (changelog 2026-06-12)"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/kimi-k2.7-code.json",
    read_commit: "0ae61c0b7257",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/zai-org/glm-5.2",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: true,
    family: "openai-chat",
    properties: {
      require_workers_paid: true,
      context_window: 262144,
      function_calling: true,
      reasoning: true,
      price_per_M: {
        input: 1.4,
        output: 4.4,
        cached_input: 0.26
      },
      created_at: "2026-06-15"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/glm-5.2.json",
    read_commit: "05b5f46cc674",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/zai-org/glm-5.3",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: true,
    family: "openai-chat",
    properties: {
      require_workers_paid: true,
      context_window: 1310720,
      function_calling: true,
      reasoning: true,
      price_per_M: {
        input: 1.4,
        output: 4.4,
        cached_input: 0.26
      },
      created_at: "2026-08-14",
      note: "changelog 2026-08-28 calls it a 1M-token context window; paid plan or prepaid AI Gateway credits"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/glm-5.3.json",
    read_commit: "14f349e28b55"
  },
  {
    name: "@cf/zai-org/glm-5.3-flash",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: true,
    family: "openai-chat",
    properties: {
      require_workers_paid: true,
      context_window: 1310720,
      function_calling: true,
      reasoning: true,
      vision: true,
      reasoning_effort: {
        supported_efforts: [
          "max",
          "high",
          "low"
        ],
        default_effort: "max",
        normalizes_to: {
          none: "max",
          minimal: "max",
          medium: "max",
          xhigh: "max",
          null: "max"
        },
        mandatory: true,
        default_enabled: true
      },
      price_per_M: {
        input: 0.15,
        output: 0.5,
        cached_input: 0.03
      },
      created_at: "2026-08-26",
      note: "launch PR text says 1,048,576-token context; JSON says 1310720"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/glm-5.3-flash.json",
    read_commit: "192d4051ba2e"
  },
  {
    name: "@cf/deepseek-ai/deepseek-v4-flash-0731",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: true,
    family: "openai-chat",
    properties: {
      require_workers_paid: true,
      async_queue: true,
      context_window: 1048576,
      function_calling: true,
      reasoning: true,
      reasoning_effort: {
        supported_efforts: [
          "max",
          "high",
          "low",
          "none"
        ],
        default_effort: "high",
        default_enabled: true,
        mandatory: false,
        normalizes_to: {
          null: "high",
          minimal: "low",
          medium: "high",
          xhigh: "high"
        }
      },
      price_per_M: {
        input: 0.44,
        output: 1.32,
        cached_input: 0.014
      },
      created_at: "2026-07-31"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/deepseek-v4-flash-0731.json",
    read_commit: "17331b86400e"
  },
  {
    name: "@cf/deepseek-ai/deepseek-v4-pro-0813",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: true,
    family: "openai-chat",
    properties: {
      require_workers_paid: true,
      context_window: 1048576,
      function_calling: true,
      reasoning: true,
      price_per_M: {
        input: 1.32,
        output: 3.96,
        cached_input: 0.044
      },
      created_at: "2026-08-13"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/deepseek-v4-pro-0813.json",
    read_commit: "05b5f46cc674",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/openai/gpt-oss-120b",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "responses+chat (mixed)",
    properties: {
      context_window: 128e3,
      function_calling: true,
      reasoning: true,
      async_queue: true,
      reasoning_effort: {
        supported_efforts: [
          "low",
          "medium",
          "high"
        ],
        default_effort: "medium",
        mandatory: true,
        default_enabled: true
      },
      price_per_M: {
        input: 0.35,
        output: 0.75
      },
      created_at: "2025-08-05",
      input_branches: "Prompt | Messages (native keys) | Responses {input, reasoning{effort, summary}} | Responses_Async {requests[]}"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions",
      "input",
      "reasoning",
      "requests"
    ],
    output_shape: {
      schema: "object application/json (no properties listed in docs JSON) | SSE",
      per_workerd_types: "XOR<ResponsesOutput, ChatCompletionsOutput>",
      responses_example: "{id, created_at, model, object:'response', output[{type:'reasoning', content[{type:'reasoning_text', text}]}, {type:'message', role, status, content[{type:'output_text', text}]}], status, usage{input_tokens, output_tokens, total_tokens}}",
      note: "UNCERTAIN which shape `messages` input returns; workerd types say chat.completion"
    },
    stream_format: "text/event-stream (format not specified)",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/gpt-oss-120b.json",
    read_commit: "0ae61c0b7257",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/openai/gpt-oss-20b",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "responses+chat (mixed)",
    properties: {
      context_window: 128e3,
      function_calling: true,
      reasoning: true,
      price_per_M: {
        input: 0.2,
        output: 0.3
      },
      created_at: "2025-08-05",
      note: "stored version read is older (no deprecated key); batch output variant {results[{id, object, created_at, model, usage{input_tokens, output_tokens, total_tokens}, error}]}"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions",
      "input",
      "reasoning",
      "requests"
    ],
    output_shape: {
      schema: "object application/json (no properties listed in docs JSON) | SSE",
      per_workerd_types: "XOR<ResponsesOutput, ChatCompletionsOutput>",
      responses_example: "{id, created_at, model, object:'response', output[{type:'reasoning', content[{type:'reasoning_text', text}]}, {type:'message', role, status, content[{type:'output_text', text}]}], status, usage{input_tokens, output_tokens, total_tokens}}",
      note: "UNCERTAIN which shape `messages` input returns; workerd types say chat.completion"
    },
    stream_format: "SSE 'Stream_Output' (format not specified)",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/gpt-oss-20b.json",
    read_commit: "2474c4c7565"
  },
  {
    name: "@cf/qwen/qwen3-30b-a3b-fp8",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native-in/openai-out",
    properties: {
      context_window: 32768,
      function_calling: true,
      reasoning: true,
      async_queue: true,
      price_per_M: {
        input: 0.051,
        output: 0.34
      },
      created_at: "2025-04-30",
      max_tokens_default: 2e3,
      json_mode: "response_format json_object|json_schema"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions",
      "requests"
    ],
    output_shape: {
      oneOf: "Chat Completion Response | Text Completion Response | SSE string | {request_id}",
      chat: "{id, object:'chat.completion', created, model, choices[{index, message{role, content, reasoning_content, tool_calls[{id,type,function{name,arguments:string}}]}, finish_reason, stop_reason, logprobs}], usage{prompt_tokens,completion_tokens,total_tokens}, prompt_logprobs}",
      text: "{id, object:'text_completion', created, model, choices[{index, text, finish_reason, stop_reason, logprobs, prompt_logprobs}], usage}"
    },
    stream_format: "text/event-stream (format not specified)",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwen3-30b-a3b-fp8.json",
    read_commit: "2474c4c7565"
  },
  {
    name: "@cf/aisingapore/gemma-sea-lion-v4-27b-it",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native-in/openai-out",
    properties: {
      context_window: 128e3,
      price_per_M: {
        input: 0.35,
        output: 0.56
      },
      created_at: "2025-09-23",
      max_tokens_default: 2e3,
      json_mode: "response_format json_object|json_schema"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions",
      "requests"
    ],
    output_shape: {
      oneOf: "Chat Completion Response | Text Completion Response | SSE string | {request_id}",
      chat: "{id, object:'chat.completion', created, model, choices[{index, message{role, content, reasoning_content, tool_calls[{id,type,function{name,arguments:string}}]}, finish_reason, stop_reason, logprobs}], usage{prompt_tokens,completion_tokens,total_tokens}, prompt_logprobs}",
      text: "{id, object:'text_completion', created, model, choices[{index, text, finish_reason, stop_reason, logprobs, prompt_logprobs}], usage}",
      source: "workerd ai.d.ts (same template as qwen3-30b)"
    },
    stream_format: "text/event-stream (format not specified)",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/gemma-sea-lion-v4-27b-it.json",
    read_commit: "8cd2f796464"
  },
  {
    name: "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      context_window: 24e3,
      function_calling: true,
      async_queue: true,
      price_per_M: {
        input: 0.29,
        output: 2.25
      },
      created_at: "2024-12-06",
      json_mode: "response_format json_object|json_schema",
      kept: "'-fast' variant stays active (changelog 2026-05-08)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions",
      "requests"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}",
      alt: "string | {request_id} (async)"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3.3-70b-instruct-fp8-fast.json",
    read_commit: "158889159923"
  },
  {
    name: "@cf/meta/llama-4-scout-17b-16e-instruct",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      context_window: 131e3,
      function_calling: true,
      price_per_M: {
        input: 0.27,
        output: 0.85
      },
      created_at: "2025-04-05",
      json_mode: "response_format + guided_json",
      vision: "image_url data-URI content parts"
    },
    input_keys: [
      "prompt",
      "messages",
      "guided_json",
      "response_format",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "tools",
      "functions",
      "requests"
    ],
    output_shape: {
      response: "string",
      usage: "object",
      tool_calls: "array [{id, type, function{name, arguments:object}}]"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-4-scout-17b-16e-instruct.json",
    read_commit: "067fce3be998"
  },
  {
    name: "@cf/mistralai/mistral-small-3.1-24b-instruct",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      context_window: 128e3,
      lora: true,
      price_per_M: {
        input: 0.35,
        output: 0.56
      },
      created_at: "2025-03-18",
      function_calling_property: "absent (schema has tools; messages need tool_call_id)",
      json_mode: "guided_json"
    },
    input_keys: [
      "prompt",
      "messages",
      "guided_json",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/mistral-small-3.1-24b-instruct.json",
    read_commit: "1263bf7ba083"
  },
  {
    name: "@cf/qwen/qwq-32b",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      context_window: 24e3,
      lora: true,
      price_per_M: {
        input: 0.66,
        output: 1
      },
      created_at: "2025-03-05",
      note: "stored version has empty schema; shape from workerd types"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwq-32b.json",
    read_commit: "1263bf7ba083"
  },
  {
    name: "@cf/ibm-granite/granite-4.0-h-micro",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      context_window: 131e3,
      price_per_M: {
        input: 0.017,
        output: 0.11
      },
      created_at: "2025-10-07",
      note: "stored version has empty schema; workerd types: AiTextGeneration"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/granite-4.0-h-micro.json",
    read_commit: "0cdd40ebbc04"
  },
  {
    name: "@cf/meta/llama-3.1-8b-instruct-fp8",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      context_window: 32e3,
      created_at: null,
      price_per_M: {
        input: 0.152,
        output: 0.287,
        source: "2025 pricing page (not in stored JSON)"
      },
      json_mode: "response_format json_object|json_schema"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3.1-8b-instruct-fp8.json",
    read_commit: "0f6b7e628f05"
  },
  {
    name: "@cf/meta/llama-3.1-8b-instruct-fast",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      beta: true,
      kept: "'-fast' variant stays active (changelog 2026-05-08)",
      note: "stored version read is old (no context_window/price)"
    },
    input_keys: [
      "prompt",
      "messages",
      "image",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3.1-8b-instruct-fast.json",
    read_commit: "1db3529d0198"
  },
  {
    name: "@cf/meta/llama-3.2-1b-instruct",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      price_per_M: {
        input: 0.027,
        output: 0.201,
        source: "2025 pricing page"
      },
      note: "model JSON not read in this pass; shapes from workerd ai.d.ts"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3.2-1b-instruct.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-3.2-3b-instruct",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      price_per_M: {
        input: 0.051,
        output: 0.335,
        source: "2025 pricing page"
      },
      note: "model JSON not read in this pass; shapes from workerd ai.d.ts"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3.2-3b-instruct.json",
    read_commit: null
  },
  {
    name: "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      price_per_M: {
        input: 0.497,
        output: 4.881,
        source: "2025 pricing page"
      },
      json_mode: "listed on JSON-mode page",
      note: "model JSON not read in this pass; shapes from workerd ai.d.ts"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/deepseek-r1-distill-qwen-32b.json",
    read_commit: null
  },
  {
    name: "@cf/qwen/qwen2.5-coder-32b-instruct",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      note: "model JSON not read in this pass; shapes from workerd ai.d.ts"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwen2.5-coder-32b-instruct.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-3.2-11b-vision-instruct",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      price_per_M: {
        input: 0.049,
        output: 0.676,
        source: "2025 pricing page"
      },
      agreement: "Llama 3.2 terms must be accepted first, else 5016 'User has not agreed to Llama3.2 model terms' (403)",
      note: "model JSON not read; workerd types: output {response, tool_calls} (no usage)"
    },
    input_keys: [
      "prompt",
      "messages",
      "image",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3.2-11b-vision-instruct.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-guard-3-8b",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native (safety classifier)",
    properties: {
      note: "model JSON not read; shapes from workerd ai.d.ts"
    },
    input_keys: [
      "messages",
      "max_tokens",
      "temperature",
      "response_format"
    ],
    output_shape: {
      response: "string | {safe:boolean, categories:string[]}",
      usage: "object"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-guard-3-8b.json",
    read_commit: null
  },
  {
    name: "@cf/google/gemma-2b-it-lora",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      lora: true,
      kept: "'-lora' variants stay active; 'may be deprecated in the future' (changelog 2026-05-08)",
      note: "model JSON not read; shapes from workerd ai.d.ts (AiTextGeneration)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/gemma-2b-it-lora.json",
    read_commit: null
  },
  {
    name: "@cf/google/gemma-7b-it-lora",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      lora: true,
      kept: "'-lora' variants stay active; 'may be deprecated in the future' (changelog 2026-05-08)",
      note: "model JSON not read; shapes from workerd ai.d.ts (AiTextGeneration)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/gemma-7b-it-lora.json",
    read_commit: null
  },
  {
    name: "@cf/mistral/mistral-7b-instruct-v0.2-lora",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      lora: true,
      kept: "'-lora' variants stay active; 'may be deprecated in the future' (changelog 2026-05-08)",
      note: "model JSON not read; shapes from workerd ai.d.ts (AiTextGeneration)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/mistral-7b-instruct-v0.2-lora.json",
    read_commit: null
  },
  {
    name: "@cf/meta-llama/llama-2-7b-chat-hf-lora",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      lora: true,
      kept: "'-lora' variants stay active; 'may be deprecated in the future' (changelog 2026-05-08)",
      note: "model JSON not read; shapes from workerd ai.d.ts (AiTextGeneration)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-2-7b-chat-hf-lora.json",
    read_commit: null
  },
  {
    name: "@cf/cloudflare/clef",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "decision (System One API)",
    properties: {
      context_window: 65536,
      vision: true,
      price_per_M: {
        input: 0.24
      },
      created_at: "2026-09-29",
      endpoints: "binding or REST /ai/run (changelog 2026-10-01)",
      model_selector: "clef"
    },
    input_keys: [
      "model",
      "state",
      "questions",
      "images"
    ],
    output_shape: {
      model: "string",
      answers: "{<question_id>: {type:'noul', noul:number} | {type:'choice', choice, probabilities{}, confidence} | {type:'score', score, legend{}, probabilities{}, confidence}}",
      usage: "{input_tokens, output_tokens}"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/clef.json",
    read_commit: "0ae61c0b7257"
  },
  {
    name: "@cf/cloudflare/clef-flash",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "decision (System One API)",
    properties: {
      context_window: "24K (changelog 2026-10-09; was 64K)",
      price_per_M: {
        input: 0.038,
        source: "changelog 2026-10-09 (was 0.09)"
      },
      model_selector: "clef-flash",
      note: "model JSON not read; same API as clef"
    },
    input_keys: [
      "model",
      "state",
      "questions",
      "images"
    ],
    output_shape: {
      model: "string",
      answers: "{<question_id>: {type:'noul', noul:number} | {type:'choice', choice, probabilities{}, confidence} | {type:'score', score, legend{}, probabilities{}, confidence}}",
      usage: "{input_tokens, output_tokens}"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/clef-flash.json",
    read_commit: null
  },
  {
    name: "@cf/cloudflare/clef-omni",
    task: "Text Generation (assumed, as clef)",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "decision (System One API)",
    properties: {
      context_window: "64K (changelog)",
      price_per_M: {
        input: 0.15,
        source: "changelog 2026-10-09"
      },
      model_selector: "clef-omni",
      media: "images, audio (WAV/MP3), videos (MP4/WebM) as base64 data URLs",
      note: "model JSON not read"
    },
    input_keys: [
      "model",
      "state",
      "questions",
      "images",
      "audio",
      "videos"
    ],
    output_shape: {
      model: "string",
      answers: "{<question_id>: {type:'noul', noul:number} | {type:'choice', choice, probabilities{}, confidence} | {type:'score', score, legend{}, probabilities{}, confidence}}",
      usage: "{input_tokens, output_tokens}"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/clef-omni.json",
    read_commit: null
  },
  {
    name: "@cf/swiss-ai/apertus-v1.5-8b",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "unknown (no schema in docs)",
    properties: {
      context_window: 262144,
      function_calling: true,
      vision: true,
      created_at: "2026-09-30",
      access: "gated: description asks users to fill an access form (likely 5018/3041 otherwise; UNCERTAIN)"
    },
    input_keys: [],
    output_shape: null,
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/apertus-v1.5-8b.json",
    read_commit: "448f84563481"
  },
  {
    name: "@cf/utter-project/eurollm-9b-it",
    task: "Text Generation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "unknown (no schema in docs)",
    properties: {
      context_window: 32e3,
      function_calling: true,
      languages: 35,
      created_at: "2026-09-30",
      access: "gated: access form (UNCERTAIN error when not granted)"
    },
    input_keys: [],
    output_shape: null,
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/eurollm-9b-it.json",
    read_commit: "e0daf8d94342"
  },
  {
    name: "@cf/moondream/moondream3.1-9B-A2B",
    task: "Image-to-Text",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "other",
    properties: {
      vision: true,
      price_per_M: {
        input: 0.3,
        output: 1
      },
      created_at: "2026-07-07",
      context_window: "32K (changelog 2026-07-08)",
      stream_default: true
    },
    input_keys: [
      "task",
      "image",
      "question",
      "caption_length",
      "target",
      "reasoning",
      "temperature",
      "top_p",
      "max_tokens",
      "max_objects",
      "stream"
    ],
    output_shape: {
      finish_reason: "string",
      metrics: "{input_tokens, output_tokens, prefill_time_ms, decode_time_ms, ttft_ms}",
      answer: "string",
      caption: "string",
      points: "[{x,y}]",
      objects: "[{x_min,y_min,x_max,y_max}]",
      reasoning: "{text, grounding[]}"
    },
    stream_format: "streams for query/caption only (stream defaults to true); format not specified",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/moondream3.1-9B-A2B.json",
    read_commit: "2a7122cbab84",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/llava-hf/llava-1.5-7b-hf",
    task: "Image-to-Text",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "other",
    properties: {
      note: "model JSON not read; workerd types"
    },
    input_keys: [
      "image",
      "prompt",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "raw",
      "messages"
    ],
    output_shape: {
      description: "string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llava-1.5-7b-hf.json",
    read_commit: null
  },
  {
    name: "@cf/baai/bge-small-en-v1.5",
    task: "Text Embeddings",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "embeddings",
    properties: {
      output_dimensions: 384,
      max_input_tokens: 512,
      async_queue: true,
      price_per_M: {
        input: 0.02
      },
      max_batch: 100,
      dimensions_param: false
    },
    input_keys: [
      "text",
      "pooling",
      "requests"
    ],
    output_shape: {
      shape: "number[]",
      data: "number[][]",
      pooling: "'mean'|'cls'",
      async: "{request_id} when queued"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/bge-small-en-v1.5.json",
    read_commit: "0f82325bad9e"
  },
  {
    name: "@cf/baai/bge-base-en-v1.5",
    task: "Text Embeddings",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "embeddings",
    properties: {
      output_dimensions: "768 (from omni-bge-base description; this file not read)",
      price_per_M: {
        input: 0.067,
        source: "2025 pricing page"
      },
      max_batch: 100,
      dimensions_param: false
    },
    input_keys: [
      "text",
      "pooling",
      "requests"
    ],
    output_shape: {
      shape: "number[]",
      data: "number[][]",
      pooling: "'mean'|'cls'",
      async: "{request_id} when queued"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/bge-base-en-v1.5.json",
    read_commit: null
  },
  {
    name: "@cf/baai/bge-large-en-v1.5",
    task: "Text Embeddings",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "embeddings",
    properties: {
      output_dimensions: 1024,
      max_input_tokens: 512,
      async_queue: true,
      price_per_M: {
        input: 0.2
      },
      max_batch: 100,
      dimensions_param: false
    },
    input_keys: [
      "text",
      "pooling",
      "requests"
    ],
    output_shape: {
      shape: "number[]",
      data: "number[][]",
      pooling: "'mean'|'cls'",
      async: "{request_id} when queued"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/bge-large-en-v1.5.json",
    read_commit: "0f82325bad9e"
  },
  {
    name: "@cf/baai/omni-bge-base-en-v1.5",
    task: "Text Embeddings",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "embeddings",
    properties: {
      output_dimensions: 768,
      max_input_tokens: 512,
      async_queue: true,
      max_batch: 100,
      created_at: "2025-08-24",
      dimensions_param: false
    },
    input_keys: [
      "text",
      "pooling",
      "requests"
    ],
    output_shape: {
      shape: "number[]",
      data: "number[][]",
      pooling: "'mean'|'cls'",
      async: "{request_id} when queued"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/omni-bge-base-en-v1.5.json",
    read_commit: "bc81a02196f8"
  },
  {
    name: "@cf/baai/bge-m3",
    task: "Text Embeddings",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "embeddings",
    properties: {
      context_window: 6e4,
      price_per_M: {
        input: 0.0118
      },
      max_batch: 100,
      output_dimensions: "not stated in docs (upstream BGE-M3 is 1024; UNCERTAIN)",
      created_at: "2024-05-22",
      dimensions_param: false
    },
    input_keys: [
      "text",
      "query",
      "contexts",
      "truncate_inputs",
      "requests"
    ],
    output_shape: {
      oneOf: "{response:[{id,score}]} (query+contexts) | {response:number[][], shape, pooling} (contexts only) | {shape, data, pooling} (text) | {request_id}"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/bge-m3.json",
    read_commit: "17331b86400e",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/google/embeddinggemma-300m",
    task: "Text Embeddings",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "embeddings",
    properties: {
      output_dimensions: "not stated in docs (upstream 768 with MRL 512/256/128; no dimensions input; UNCERTAIN)",
      created_at: "2025-09-03",
      dimensions_param: false
    },
    input_keys: [
      "text"
    ],
    output_shape: {
      data: "number[][]",
      shape: "[n, dim]"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/embeddinggemma-300m.json",
    read_commit: "03a410775"
  },
  {
    name: "@cf/qwen/qwen3-embedding-0.6b",
    task: "Text Embeddings",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "embeddings",
    properties: {
      context_window: 8192,
      price_per_M: {
        input: 0.012
      },
      max_batch: 32,
      instruction_default: "Given a web search query, retrieve relevant passages that answer the query",
      output_dimensions: "not stated in docs (upstream 1024, MRL-capable; no dimensions input; UNCERTAIN)",
      created_at: "2025-06-18",
      dimensions_param: false
    },
    input_keys: [
      "queries",
      "instruction",
      "documents",
      "text"
    ],
    output_shape: {
      data: "number[][]",
      shape: "number[]"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwen3-embedding-0.6b.json",
    read_commit: "8cd2f796464"
  },
  {
    name: "@cf/pfnet/plamo-embedding-1b",
    task: "Text Embeddings",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "embeddings",
    properties: {
      price_per_M: {
        input: 0.0186
      },
      language: "Japanese",
      created_at: "2025-09-24",
      output_dimensions: "not stated in docs (UNCERTAIN)",
      dimensions_param: false
    },
    input_keys: [
      "text"
    ],
    output_shape: {
      data: "number[][]",
      shape: "[n, dim]"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/plamo-embedding-1b.json",
    read_commit: "05b5f46cc674",
    deprecated_flag_in_file: false
  },
  {
    name: "@cf/baai/bge-reranker-base",
    task: "Text Classification",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "other",
    properties: {
      note: "model JSON not read; workerd types; task name per third-party fixture (UNCERTAIN)"
    },
    input_keys: [
      "query",
      "contexts",
      "top_k"
    ],
    output_shape: {
      response: "[{id, score}]"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/bge-reranker-base.json",
    read_commit: null
  },
  {
    name: "@cf/huggingface/distilbert-sst-2-int8",
    task: "Text Classification",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "other",
    properties: {
      note: "model JSON not read; workerd types"
    },
    input_keys: [
      "text"
    ],
    output_shape: {
      "[]": "[{label, score}]"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/distilbert-sst-2-int8.json",
    read_commit: null
  },
  {
    name: "@cf/microsoft/resnet-50",
    task: "Image Classification",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "other",
    properties: {
      note: "model JSON not read; workerd types"
    },
    input_keys: [
      "image"
    ],
    output_shape: {
      "[]": "[{label, score}]"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/resnet-50.json",
    read_commit: null
  },
  {
    name: "@cf/facebook/detr-resnet-50",
    task: "Object Detection",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "other",
    properties: {
      beta: true
    },
    input_keys: [
      "image (or raw binary body)"
    ],
    output_shape: {
      "[]": "[{score, label, box{xmin, ymin, xmax, ymax}}]"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/detr-resnet-50.json",
    read_commit: "37e296820"
  },
  {
    name: "@cf/stabilityai/stable-diffusion-xl-base-1.0",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-binary",
    properties: {
      note: "model JSON not read; workerd types (AiTextToImage)"
    },
    input_keys: [
      "prompt",
      "negative_prompt",
      "height",
      "width",
      "image",
      "image_b64",
      "mask",
      "num_steps",
      "strength",
      "guidance",
      "seed"
    ],
    output_shape: {
      binary: "ReadableStream<Uint8Array> (PNG/JPEG)"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/stable-diffusion-xl-base-1.0.json",
    read_commit: null
  },
  {
    name: "@cf/bytedance/stable-diffusion-xl-lightning",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-binary",
    properties: {
      note: "model JSON not read; workerd types (AiTextToImage)"
    },
    input_keys: [
      "prompt",
      "negative_prompt",
      "height",
      "width",
      "image",
      "image_b64",
      "mask",
      "num_steps",
      "strength",
      "guidance",
      "seed"
    ],
    output_shape: {
      binary: "ReadableStream<Uint8Array> (PNG/JPEG)"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/stable-diffusion-xl-lightning.json",
    read_commit: null
  },
  {
    name: "@cf/runwayml/stable-diffusion-v1-5-img2img",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-binary",
    properties: {
      note: "model JSON not read; workerd types (AiTextToImage)"
    },
    input_keys: [
      "prompt",
      "negative_prompt",
      "height",
      "width",
      "image",
      "image_b64",
      "mask",
      "num_steps",
      "strength",
      "guidance",
      "seed"
    ],
    output_shape: {
      binary: "ReadableStream<Uint8Array> (PNG/JPEG)"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/stable-diffusion-v1-5-img2img.json",
    read_commit: null
  },
  {
    name: "@cf/runwayml/stable-diffusion-v1-5-inpainting",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-binary",
    properties: {
      note: "model JSON not read; workerd types (AiTextToImage)"
    },
    input_keys: [
      "prompt",
      "negative_prompt",
      "height",
      "width",
      "image",
      "image_b64",
      "mask",
      "num_steps",
      "strength",
      "guidance",
      "seed"
    ],
    output_shape: {
      binary: "ReadableStream<Uint8Array> (PNG/JPEG)"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/stable-diffusion-v1-5-inpainting.json",
    read_commit: null
  },
  {
    name: "@cf/lykon/dreamshaper-8-lcm",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-binary",
    properties: {
      note: "model JSON not read; workerd types (AiTextToImage)"
    },
    input_keys: [
      "prompt",
      "negative_prompt",
      "height",
      "width",
      "image",
      "image_b64",
      "mask",
      "num_steps",
      "strength",
      "guidance",
      "seed"
    ],
    output_shape: {
      binary: "ReadableStream<Uint8Array> (PNG/JPEG)"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/dreamshaper-8-lcm.json",
    read_commit: null
  },
  {
    name: "@cf/black-forest-labs/flux-1-schnell",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-json",
    properties: {
      price: "per 512x512 tile + per step (2025 pricing page)",
      note: "workerd types"
    },
    input_keys: [
      "prompt",
      "steps"
    ],
    output_shape: {
      image: "base64 string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/flux-1-schnell.json",
    read_commit: null
  },
  {
    name: "@cf/black-forest-labs/flux-2-dev",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-json",
    properties: {
      input_encoding: "multipart {body, contentType}",
      note: "workerd types"
    },
    input_keys: [
      "multipart"
    ],
    output_shape: {
      image: "base64 string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/flux-2-dev.json",
    read_commit: null
  },
  {
    name: "@cf/black-forest-labs/flux-2-klein-4b",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-json",
    properties: {
      input_encoding: "multipart {body, contentType}",
      note: "workerd types"
    },
    input_keys: [
      "multipart"
    ],
    output_shape: {
      image: "base64 string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/flux-2-klein-4b.json",
    read_commit: null
  },
  {
    name: "@cf/black-forest-labs/flux-2-klein-9b",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-json",
    properties: {
      input_encoding: "multipart {body, contentType}",
      note: "workerd types"
    },
    input_keys: [
      "multipart"
    ],
    output_shape: {
      image: "base64 string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/flux-2-klein-9b.json",
    read_commit: null
  },
  {
    name: "@cf/leonardo/lucid-origin",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-json",
    properties: {
      partner: "Leonardo (UNCERTAIN flag)",
      note: "workerd types"
    },
    input_keys: [
      "prompt",
      "guidance",
      "seed",
      "height",
      "width",
      "num_steps",
      "steps"
    ],
    output_shape: {
      image: "base64 string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/lucid-origin.json",
    read_commit: null
  },
  {
    name: "@cf/leonardo/phoenix-1.0",
    task: "Text-to-Image",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "image-binary",
    properties: {
      note: "workerd types: output string (binary image)"
    },
    input_keys: [
      "prompt",
      "guidance",
      "seed",
      "height",
      "width",
      "num_steps",
      "negative_prompt"
    ],
    output_shape: {
      binary: "image bytes"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/phoenix-1.0.json",
    read_commit: null
  },
  {
    name: "@cf/openai/whisper",
    task: "Automatic Speech Recognition",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "asr",
    properties: {
      note: "workerd types"
    },
    input_keys: [
      "audio (number[] or raw binary)"
    ],
    output_shape: {
      text: "string",
      word_count: "number",
      words: "[{word,start,end}]",
      vtt: "string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/whisper.json",
    read_commit: null
  },
  {
    name: "@cf/openai/whisper-tiny-en",
    task: "Automatic Speech Recognition",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "asr",
    properties: {
      note: "workerd types"
    },
    input_keys: [
      "audio (number[] or raw binary)"
    ],
    output_shape: {
      text: "string",
      word_count: "number",
      words: "[{word,start,end}]",
      vtt: "string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/whisper-tiny-en.json",
    read_commit: null
  },
  {
    name: "@cf/openai/whisper-large-v3-turbo",
    task: "Automatic Speech Recognition",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "asr",
    properties: {
      price: "$0.00051 per audio minute"
    },
    input_keys: [
      "audio",
      "task",
      "language",
      "vad_filter",
      "initial_prompt",
      "prefix",
      "beam_size",
      "condition_on_previous_text",
      "no_speech_threshold",
      "compression_ratio_threshold",
      "log_prob_threshold",
      "hallucination_silence_threshold"
    ],
    output_shape: {
      transcription_info: "{language, language_probability, duration, duration_after_vad}",
      text: "string",
      word_count: "number",
      segments: "[{start,end,text,temperature,avg_logprob,compression_ratio,no_speech_prob,words[]}]",
      vtt: "string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/whisper-large-v3-turbo.json",
    read_commit: "0010e3da9a28"
  },
  {
    name: "@cf/deepgram/nova-3",
    task: "Automatic Speech Recognition",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "asr",
    properties: {
      partner: "Deepgram",
      note: "workerd types"
    },
    input_keys: [
      "audio {body, contentType}",
      "language",
      "detect_language",
      "diarize",
      "punctuate",
      "smart_format",
      "encoding",
      "keyterm",
      "keywords",
      "utterances",
      "paragraphs",
      "sentiment",
      "topics",
      "...more"
    ],
    output_shape: {
      results: "{channels[{alternatives[{confidence, transcript, words[]}]}], summary, sentiments}"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/nova-3.json",
    read_commit: null
  },
  {
    name: "@cf/deepgram/flux",
    task: "Automatic Speech Recognition",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "asr (realtime/websocket)",
    properties: {
      partner: "Deepgram",
      note: "workerd types; websocket use"
    },
    input_keys: [
      "encoding",
      "sample_rate",
      "eager_eot_threshold",
      "eot_threshold",
      "eot_timeout_ms",
      "keyterm",
      "mip_opt_out",
      "tag"
    ],
    output_shape: {
      event: "Update|StartOfTurn|EagerEndOfTurn|TurnResumed|EndOfTurn",
      transcript: "string",
      words: "[{word, confidence}]",
      other: "request_id, sequence_id, turn_index, audio_window_start/end, end_of_turn_confidence"
    },
    stream_format: "websocket messages",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/flux.json",
    read_commit: null
  },
  {
    name: "@cf/pipecat-ai/smart-turn-v2",
    task: "Voice Activity Detection",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "other",
    properties: {
      async_queue: true,
      realtime: true,
      price: "$0.00034 per audio minute",
      created_at: "2025-08-04"
    },
    input_keys: [
      "audio",
      "dtype"
    ],
    output_shape: {
      is_complete: "boolean",
      probability: "number"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/smart-turn-v2.json",
    read_commit: "20a026aeb4ab"
  },
  {
    name: "@cf/myshell-ai/melotts",
    task: "Text-to-Speech",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "tts",
    properties: {
      note: "workerd types"
    },
    input_keys: [
      "prompt",
      "lang"
    ],
    output_shape: {
      audio: "base64 string (or raw bytes)"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/melotts.json",
    read_commit: null
  },
  {
    name: "@cf/deepgram/aura-1",
    task: "Text-to-Speech",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "tts",
    properties: {
      partner: "Deepgram",
      speakers: "angus, asteria, arcas, orion, orpheus, athena, luna, zeus, perseus, helios, hera, stella",
      note: "workerd types"
    },
    input_keys: [
      "text",
      "speaker",
      "encoding",
      "container",
      "sample_rate",
      "bit_rate"
    ],
    output_shape: {
      binary: "audio bytes (MP3 by default)"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/aura-1.json",
    read_commit: null
  },
  {
    name: "@cf/deepgram/aura-2-en",
    task: "Text-to-Speech",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "tts",
    properties: {
      partner: "Deepgram",
      speakers: "40 English voices (amalthea ... zeus)",
      note: "workerd types"
    },
    input_keys: [
      "text",
      "speaker",
      "encoding",
      "container",
      "sample_rate",
      "bit_rate"
    ],
    output_shape: {
      binary: "audio bytes (MP3 by default)"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/aura-2-en.json",
    read_commit: null
  },
  {
    name: "@cf/deepgram/aura-2-es",
    task: "Text-to-Speech",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "tts",
    properties: {
      partner: "Deepgram",
      speakers: "sirio, nestor, carina, celeste, alvaro, diana, aquila, selena, estrella, javier",
      note: "workerd types"
    },
    input_keys: [
      "text",
      "speaker",
      "encoding",
      "container",
      "sample_rate",
      "bit_rate"
    ],
    output_shape: {
      binary: "audio bytes (MP3 by default)"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/aura-2-es.json",
    read_commit: null
  },
  {
    name: "@cf/meta/m2m100-1.2b",
    task: "Translation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "other",
    properties: {
      async_queue: "batch `requests` per workerd types"
    },
    input_keys: [
      "text",
      "source_lang",
      "target_lang",
      "requests"
    ],
    output_shape: {
      translated_text: "string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/m2m100-1.2b.json",
    read_commit: null
  },
  {
    name: "@cf/ai4bharat/indictrans2-en-indic-1B",
    task: "Translation",
    status: "active",
    deprecated_on: null,
    paid_only: false,
    family: "other",
    properties: {
      note: "workerd types"
    },
    input_keys: [
      "text",
      "target_language"
    ],
    output_shape: {
      translations: "string[]"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/indictrans2-en-indic-1B.json",
    read_commit: null
  },
  {
    name: "@hf/thebloke/deepseek-coder-6.7b-base-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/deepseek-coder-6.7b-base-awq.json",
    read_commit: null
  },
  {
    name: "@hf/thebloke/deepseek-coder-6.7b-instruct-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/deepseek-coder-6.7b-instruct-awq.json",
    read_commit: null
  },
  {
    name: "@cf/deepseek-ai/deepseek-math-7b-instruct",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/deepseek-math-7b-instruct.json",
    read_commit: null
  },
  {
    name: "@cf/thebloke/discolm-german-7b-v1-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/discolm-german-7b-v1-awq.json",
    read_commit: null
  },
  {
    name: "@cf/tiiuae/falcon-7b-instruct",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/falcon-7b-instruct.json",
    read_commit: null
  },
  {
    name: "@hf/thebloke/llama-2-13b-chat-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-2-13b-chat-awq.json",
    read_commit: null
  },
  {
    name: "@hf/thebloke/llamaguard-7b-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llamaguard-7b-awq.json",
    read_commit: null
  },
  {
    name: "@hf/thebloke/mistral-7b-instruct-v0.1-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/mistral-7b-instruct-v0.1-awq.json",
    read_commit: null
  },
  {
    name: "@hf/thebloke/neural-chat-7b-v3-1-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/neural-chat-7b-v3-1-awq.json",
    read_commit: null
  },
  {
    name: "@cf/openchat/openchat-3.5-0106",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/openchat-3.5-0106.json",
    read_commit: null
  },
  {
    name: "@hf/thebloke/openhermes-2.5-mistral-7b-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/openhermes-2.5-mistral-7b-awq.json",
    read_commit: null
  },
  {
    name: "@cf/qwen/qwen1.5-0.5b-chat",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)",
      also_source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwen.json (stray duplicate entry for this model)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwen1.5-0.5b-chat.json",
    read_commit: null
  },
  {
    name: "@cf/qwen/qwen1.5-1.8b-chat",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwen1.5-1.8b-chat.json",
    read_commit: null
  },
  {
    name: "@cf/qwen/qwen1.5-14b-chat-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwen1.5-14b-chat-awq.json",
    read_commit: null
  },
  {
    name: "@cf/qwen/qwen1.5-7b-chat-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/qwen1.5-7b-chat-awq.json",
    read_commit: null
  },
  {
    name: "@hf/nexusflow/starling-lm-7b-beta",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/starling-lm-7b-beta.json",
    read_commit: null
  },
  {
    name: "@cf/tinyllama/tinyllama-1.1b-chat-v1.0",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/tinyllama-1.1b-chat-v1.0.json",
    read_commit: null
  },
  {
    name: "@cf/fblgit/una-cybertron-7b-v2-bf16",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/una-cybertron-7b-v2-bf16.json",
    read_commit: null
  },
  {
    name: "@hf/thebloke/zephyr-7b-beta-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2025-10-01",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/zephyr-7b-beta-awq.json",
    read_commit: null
  },
  {
    name: "@cf/moonshotai/kimi-k2.5",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "openai-chat",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)",
      alias: "requests auto-aliased to @cf/moonshotai/kimi-k2.6 from 2026-05-30 (higher price); K2.6 now requires Workers Paid, so Free-plan calls presumably get 5035 (UNCERTAIN)",
      context_window: 256e3,
      price_per_M: {
        input: 0.6,
        output: 3,
        cached_input: 0.1,
        source: "third-party test fixture (UNCERTAIN)"
      },
      reasoning_field: "reasoning_content"
    },
    input_keys: [
      "messages",
      "prompt",
      "model",
      "audio",
      "frequency_penalty",
      "logit_bias",
      "logprobs",
      "top_logprobs",
      "max_tokens",
      "max_completion_tokens",
      "metadata",
      "modalities",
      "n",
      "parallel_tool_calls",
      "prediction",
      "presence_penalty",
      "reasoning_effort",
      "chat_template_kwargs",
      "response_format",
      "seed",
      "service_tier",
      "stop",
      "store",
      "stream",
      "stream_options",
      "temperature",
      "tool_choice",
      "tools",
      "top_p",
      "user",
      "web_search_options",
      "function_call",
      "functions",
      "requests"
    ],
    output_shape: {
      id: "string",
      object: "string (chat.completion)",
      created: "integer",
      model: "string",
      "choices[]": "{index, message{role:'assistant', content:string|null, refusal, annotations[], audio, tool_calls[{id, type:'function', function{name, arguments:JSON-string}}]}, finish_reason, logprobs}",
      usage: "{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details{cached_tokens, audio_tokens}, completion_tokens_details{reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens}}",
      system_fingerprint: "string|null"
    },
    stream_format: "schema says only 'text/event-stream'; chunk format not documented on the model page. UNCERTAIN: expected OpenAI chat.completion.chunk events (choices[].delta) ending with data: [DONE]",
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/kimi-k2.5.json",
    read_commit: null
  },
  {
    name: "@hf/meta-llama/meta-llama-3-8b-instruct",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/meta-llama-3-8b-instruct.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-3-8b-instruct",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3-8b-instruct.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-3-8b-instruct-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3-8b-instruct-awq.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-3.1-8b-instruct",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3.1-8b-instruct.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-3.1-8b-instruct-awq",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3.1-8b-instruct-awq.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-3.1-70b-instruct",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-3.1-70b-instruct.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-2-7b-chat-int8",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-2-7b-chat-int8.json",
    read_commit: null
  },
  {
    name: "@cf/meta/llama-2-7b-chat-fp16",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/llama-2-7b-chat-fp16.json",
    read_commit: null
  },
  {
    name: "@cf/mistral/mistral-7b-instruct-v0.1",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/mistral-7b-instruct-v0.1.json",
    read_commit: null
  },
  {
    name: "@hf/mistral/mistral-7b-instruct-v0.2",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/mistral-7b-instruct-v0.2.json",
    read_commit: null
  },
  {
    name: "@hf/google/gemma-7b-it",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/gemma-7b-it.json",
    read_commit: null
  },
  {
    name: "@cf/google/gemma-3-12b-it",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/gemma-3-12b-it.json",
    read_commit: null
  },
  {
    name: "@hf/nousresearch/hermes-2-pro-mistral-7b",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/hermes-2-pro-mistral-7b.json",
    read_commit: null
  },
  {
    name: "@cf/microsoft/phi-2",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/phi-2.json",
    read_commit: null
  },
  {
    name: "@cf/defog/sqlcoder-7b-2",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "native",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "lora",
      "response_format",
      "tools",
      "functions"
    ],
    output_shape: {
      response: "string",
      tool_calls: "array [{name, arguments:object}]",
      usage: "object {prompt_tokens, completion_tokens, total_tokens}"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/sqlcoder-7b-2.json",
    read_commit: null
  },
  {
    name: "@cf/unum/uform-gen2-qwen-500m",
    task: "Image-to-Text",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "other",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "image",
      "prompt",
      "max_tokens",
      "temperature",
      "top_p",
      "top_k",
      "seed",
      "repetition_penalty",
      "frequency_penalty",
      "presence_penalty",
      "raw"
    ],
    output_shape: {
      description: "string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/uform-gen2-qwen-500m.json",
    read_commit: null
  },
  {
    name: "@cf/facebook/bart-large-cnn",
    task: "Summarization",
    status: "deprecated",
    deprecated_on: "2026-05-30",
    paid_only: false,
    family: "other",
    properties: {
      deprecation_source: "changelog 2026-05-08 + src/util/deprecated-models.ts",
      binding_error: "documented list: src/util/deprecated-models.ts + changelog 2026-05-08. Binding error as observed by third parties (not in the docs error table): 'AiError: 5028: This model was deprecated on <date>. Please use an alternative model.' (HTTP status not documented)"
    },
    input_keys: [
      "input_text",
      "max_length"
    ],
    output_shape: {
      summary: "string"
    },
    stream_format: null,
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/bart-large-cnn.json",
    read_commit: null
  },
  {
    name: "@cf/deepseek-ai/deepseek-math-7b-base",
    task: "Text Generation",
    status: "deprecated",
    deprecated_on: null,
    paid_only: false,
    family: "native",
    properties: {
      beta: true,
      note: "only a .yaml twin remains (no JSON); removed from catalog, date unknown (UNCERTAIN)"
    },
    input_keys: [
      "prompt",
      "messages",
      "raw",
      "stream",
      "max_tokens"
    ],
    output_shape: {
      response: "string"
    },
    stream_format: 'native SSE (documented example, src/util/workers-ai/templates.ts): data: {"response":"Hello","p":"user"} ... data: {"response":"","usage":{prompt_tokens,completion_tokens,total_tokens}} then data: [DONE]',
    source: "cloudflare/cloudflare-docs:src/content/workers-ai-models/deepseek-math-7b-base.yaml",
    read_commit: "d5c5ececc1c2"
  }
];

// test/fakes/ai-stub/catalogue.ts
var TASK_IDS = {
  "Text Generation": "c329a1f9-323d-4e91-b2aa-582dd4188d34",
  "Text Embeddings": "0137cdcf-162a-4108-94f2-1ca59e8c65ee",
  "Text-to-Image": "3d6e1f35-341b-4915-a6c8-9a7142a9033a",
  "Automatic Speech Recognition": "dfce1c48-2a81-462e-a7fd-de97ce985207",
  "Text-to-Speech": "b52660a1-9a95-4ab2-8b1d-f232be34604a"
};
var TASK_DESCRIPTIONS = {
  "Text Generation": "Family of generative text models, such as large language models (LLM), that can be adapted for a variety of natural language tasks.",
  "Text Embeddings": "Feature extraction models transform raw data into numerical features that can be processed while preserving the information in the original dataset. These models are ideal as part of building vector search applications or Retrieval Augmented Generation workflows with Large Language Models (LLM).",
  "Text-to-Image": "Generates images from input text. These models can be used to generate and modify images based on text prompts.",
  "Automatic Speech Recognition": "Automatic speech recognition (ASR) models convert a speech signal, typically an audio input, to text.",
  "Text-to-Speech": "Text-to-Speech (TTS) is the task of generating natural sounding speech given text input. TTS models can be extended to have a single model that generates speech for multiple speakers and multiple languages."
};
var KNOWN = {
  "@cf/zai-org/glm-4.7-flash": {
    id: "86b3e51a-4b05-43fa-a403-0f27821919d2",
    description: "GLM-4.7-Flash is a fast and efficient multilingual text generation model with a 131,072 token context window."
  },
  "@cf/openai/gpt-oss-120b": {
    id: "f9f2250b-1048-4a52-9910-d0bf976616a1",
    description: "OpenAI\u2019s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases \u2013 gpt-oss-120b is for production, general purpose, high reasoning use-cases."
  },
  "@cf/openai/gpt-oss-20b": {
    description: "OpenAI\u2019s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases \u2013 gpt-oss-20b is for lower latency, and local or specialized use-cases."
  },
  "@cf/meta/llama-4-scout-17b-16e-instruct": {
    description: "Meta's Llama 4 Scout is a 17 billion parameter model with 16 experts that is natively multimodal."
  },
  "@cf/meta/llama-3.3-70b-instruct-fp8-fast": { description: "Llama 3.3 70B quantized to fp8 precision, optimized to be faster." },
  "@cf/meta/llama-3.1-8b-instruct-fp8": { description: "Llama 3.1 8B quantized to FP8 precision." },
  "@cf/meta/llama-3.1-8b-instruct-fast": {
    description: "[Fast version] The Meta Llama 3.1 collection of multilingual large language models (LLMs).",
    props: { beta: "true" }
  },
  "@cf/mistralai/mistral-small-3.1-24b-instruct": {
    description: "Building upon Mistral Small 3 (2501), Mistral Small 3.1 (2503) adds state-of-the-art vision understanding."
  },
  "@cf/qwen/qwen3-30b-a3b-fp8": { description: "Qwen3 is the latest generation of large language models in Qwen series." },
  "@cf/google/gemma-4-26b-a4b-it": { description: "Gemma 4 26B A4B is a mixture-of-experts model from Google." },
  "@cf/nvidia/nemotron-3-120b-a12b": { description: "NVIDIA Nemotron 3 120B A12B, a hybrid mixture-of-experts reasoning model." },
  "@cf/baai/bge-small-en-v1.5": {
    id: "57fbd08a-a4c4-411c-910d-b9459ff36c20",
    description: "BAAI general embedding (Small) model that transforms any given text into a 384-dimensional vector",
    props: { max_input_tokens: "512", output_dimensions: "384" }
  },
  "@cf/baai/bge-base-en-v1.5": {
    description: "BAAI general embedding (Base) model that transforms any given text into a 768-dimensional vector",
    props: { max_input_tokens: "512", output_dimensions: "768" }
  },
  "@cf/baai/bge-large-en-v1.5": {
    id: "01bc2fb0-4bca-4598-b985-d2584a3f46c0",
    description: "BAAI general embedding (Large) model that transforms any given text into a 1024-dimensional vector",
    props: { max_input_tokens: "512", output_dimensions: "1024" }
  },
  "@cf/baai/bge-m3": { description: "Multi-Functionality, Multi-Linguality, and Multi-Granularity embeddings model." },
  "@cf/google/embeddinggemma-300m": {
    id: "d2f07a41-c152-4061-8083-ec655cbf91a1",
    description: "EmbeddingGemma is a 300M parameter, state-of-the-art for its size, open embedding model from Google."
  },
  "@cf/qwen/qwen3-embedding-0.6b": {
    description: "The Qwen3 Embedding model series is the latest proprietary model of the Qwen family, specifically designed for text embedding and ranking tasks."
  },
  "@cf/stabilityai/stable-diffusion-xl-base-1.0": {
    description: "Diffusion-based text-to-image generative model by Stability AI. Generates and modify images based on text prompts.",
    props: { beta: "true" }
  },
  "@cf/bytedance/stable-diffusion-xl-lightning": {
    description: "SDXL-Lightning is a lightning-fast text-to-image generation model.",
    props: { beta: "true" }
  },
  "@cf/lykon/dreamshaper-8-lcm": {
    description: "Stable Diffusion model that has been fine-tuned to be better at photorealism without sacrificing range."
  },
  "@cf/black-forest-labs/flux-1-schnell": {
    id: "9e087485-23dc-47fa-997d-f5bfafc0c7cc",
    description: "FLUX.1 [schnell] is a 12 billion parameter rectified flow transformer capable of generating images from text descriptions.",
    props: { terms: "https://bfl.ai/legal/terms-of-service" }
  },
  "@cf/openai/whisper": {
    id: "c1c12ce4-c36a-4aa6-8da4-f63ba4b8984d",
    description: "Whisper is a general-purpose speech recognition model.",
    props: { beta: "false", info: "https://openai.com/research/whisper" }
  },
  "@cf/openai/whisper-tiny-en": {
    description: "Whisper is a pre-trained model for automatic speech recognition (ASR) and speech translation. This is the English-only version of the Whisper Tiny model.",
    props: { beta: "true" }
  },
  "@cf/openai/whisper-large-v3-turbo": {
    id: "200f0812-148c-48c1-915d-fb3277a94a08",
    description: "Whisper is a pre-trained model for automatic speech recognition (ASR) and speech translation."
  },
  "@cf/myshell-ai/melotts": {
    id: "c837b2ac-4d9b-4d37-8811-34de60f0c44f",
    description: "MeloTTS is a high-quality multi-lingual text-to-speech library by MyShell.ai."
  },
  "@cf/deepgram/aura-1": {
    id: "1f55679f-009e-4456-aa4f-049a62b4b6a0",
    description: "Aura is a context-aware text-to-speech (TTS) model that applies natural pacing, expressiveness, and fillers based on the context of the provided text.",
    props: { partner: "true", realtime: "true" }
  }
};
var ARGS_AS_STRING = /* @__PURE__ */ new Set(["@cf/mistralai/mistral-small-3.1-24b-instruct", "@cf/qwen/qwen2.5-coder-32b-instruct"]);
var CONTENT_PARTS = /* @__PURE__ */ new Set([
  "@cf/mistralai/mistral-small-3.1-24b-instruct",
  "@cf/meta/llama-3.2-11b-vision-instruct",
  "@cf/meta/llama-4-scout-17b-16e-instruct"
]);
var REASONING_FIELD = {
  "@cf/moonshotai/kimi-k2.6": "reasoning",
  "@cf/moonshotai/kimi-k2.7-code": "reasoning",
  "@cf/nvidia/nemotron-3-120b-a12b": "reasoning"
};
var THINKS_ONLY_WHEN_ASKED = /* @__PURE__ */ new Set(["@cf/google/gemma-4-26b-a4b-it"]);
var GPT_OSS_EFFORT = { supported_efforts: ["low", "medium", "high"], default_effort: "medium", mandatory: true };
var EMBEDDING_DIMS = {
  "@cf/baai/bge-small-en-v1.5": 384,
  "@cf/baai/bge-large-en-v1.5": 1024,
  "@cf/baai/bge-m3": 1024,
  "@cf/qwen/qwen3-embedding-0.6b": 1024,
  "@cf/pfnet/plamo-embedding-1b": 2048
};
var SERVED_AS = /* @__PURE__ */ new Map([["@cf/moonshotai/kimi-k2.5", "@cf/moonshotai/kimi-k2.6"]]);
function kindOf(r) {
  if (r.task.startsWith("Text Generation")) {
    return r.family.startsWith("native") || r.family.startsWith("openai") || r.family.startsWith("responses") ? "text" : void 0;
  }
  switch (r.family) {
    case "embeddings":
      return "embeddings";
    case "image-binary":
      return "image-stream";
    case "image-json":
      return "image-base64";
    case "asr":
      return r.name.endsWith("whisper-large-v3-turbo") ? "asr-base64" : r.name.includes("whisper") ? "asr" : void 0;
    case "tts":
      return r.name.includes("melotts") ? "tts-json" : "tts-stream";
    default:
      return void 0;
  }
}
function familyOf(r) {
  if (r.family.startsWith("responses")) return "gpt-oss";
  if (r.family.startsWith("openai") || r.family === "native-in/openai-out") return "openai";
  return r.name === "@cf/meta/llama-4-scout-17b-16e-instruct" ? "llama4" : "native";
}
function thinkingOf(r, p) {
  if (p.reasoning !== true) return void 0;
  const effort = r.name === "@cf/openai/gpt-oss-20b" ? GPT_OSS_EFFORT : p.reasoning_effort;
  if (effort && Array.isArray(effort.supported_efforts)) {
    return {
      kind: "effort",
      efforts: effort.supported_efforts,
      byDefault: String(effort.default_effort),
      normalise: effort.normalizes_to ?? {}
    };
  }
  const byDefault = !THINKS_ONLY_WHEN_ASKED.has(r.name);
  return String(p.thinking_control ?? "").includes("chat_template_kwargs.thinking") ? { kind: "thinking", byDefault } : { kind: "enable_thinking", byDefault };
}
function listedProperties(r, extra = {}) {
  const p = r.properties;
  const out = { ...extra };
  if (typeof p.context_window === "number") out.context_window = String(p.context_window);
  for (const flag of ["function_calling", "reasoning", "vision", "async_queue", "beta"]) if (p[flag] === true) out[flag] = "true";
  if (r.paid_only) out.require_workers_paid = "true";
  const price = p.price_per_M;
  if (price) {
    out.price = ["input", "cached_input", "output"].filter((k) => typeof price[k] === "number").map((k) => ({ unit: `per M ${k.replace("_", " ")} tokens`, price: price[k], currency: "USD" }));
  }
  return out;
}
function specOf(r) {
  const kind = kindOf(r) ?? "unsimulated";
  const known = KNOWN[r.name];
  const p = r.properties;
  const spec = {
    name: r.name,
    kind,
    task: r.task.replace(/ \(.*\)$/, ""),
    id: known?.id ?? uuidFrom(r.name),
    description: known?.description ?? `${r.name.split("/").pop()} (${r.task.replace(/ \(.*\)$/, "")})`,
    props: listedProperties(r, known?.props),
    deprecatedOn: r.deprecated_on,
    deprecated: r.status !== "active",
    paidOnly: r.paid_only
  };
  if (kind === "text") {
    spec.family = familyOf(r);
    if (spec.family === "native" || spec.family === "llama4") {
      spec.argsAsString = ARGS_AS_STRING.has(r.name);
      spec.stringContentOnly = !CONTENT_PARTS.has(r.name);
    } else {
      spec.thinking = thinkingOf(r, p);
      if (spec.thinking) spec.reasoningField = REASONING_FIELD[r.name] ?? "reasoning_content";
      spec.detailedUsage = r.family.startsWith("openai") || spec.family === "gpt-oss";
    }
  }
  if (kind === "embeddings") {
    spec.dims = EMBEDDING_DIMS[r.name] ?? 768;
    spec.pooling = r.name.startsWith("@cf/baai/");
  }
  return spec;
}
var MODELS = workers_ai_models_default.map(specOf);
var BY_NAME = new Map(MODELS.map((m) => [m.name, m]));
function findModel(name) {
  return BY_NAME.get(name);
}
function catalogueEntry(m, plannedDeprecation2) {
  const props = { ...m.props };
  if (plannedDeprecation2) props.planned_deprecation_date = plannedDeprecation2;
  return {
    id: m.id,
    source: m.name.startsWith("@hf/") ? 2 : 1,
    name: m.name,
    description: m.description,
    task: { id: TASK_IDS[m.task] ?? uuidFrom(`task:${m.task}`), name: m.task, description: TASK_DESCRIPTIONS[m.task] ?? m.task },
    tags: [],
    properties: Object.entries(props).map(([property_id, value]) => ({ property_id, value }))
  };
}

// test/fakes/ai-stub/embeddings.ts
var MAX_ITEMS = 100;
function runEmbeddings(spec, inputs) {
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  const texts = readTexts(spec, inputs);
  for (const t of texts) {
    const code = errorDirectiveFor(parseDirectives(t).directives, spec.name);
    if (code !== void 0) throw aiError(code, spec.name);
  }
  const dims = spec.dims ?? 768;
  const out = {
    shape: [texts.length, dims],
    data: texts.map((t) => embed(spec.name, t, dims))
  };
  if (spec.pooling) out.pooling = inputs.pooling === "cls" ? "cls" : "mean";
  return out;
}
function readTexts(spec, inputs) {
  if (!("text" in inputs)) {
    if (spec.pooling) throw oneOfNotMet([required("/", ["text"]), required("/", ["requests"])]);
    throw invalidInput(required("/", ["text"]));
  }
  const text = inputs.text;
  if (typeof text === "string") {
    if (spec.pooling && text.length < 1) throw invalidInput("String is too short (0 < 1) at '/text'");
    return [text];
  }
  if (!Array.isArray(text)) throw invalidInput(typeMismatch("/text", jsonType(text), "string,array"));
  if (spec.pooling && text.length > MAX_ITEMS) throw invalidInput(`Array is too long (${text.length} > ${MAX_ITEMS}) at '/text'`);
  text.forEach((t, i) => {
    if (typeof t !== "string") throw invalidInput(typeMismatch(`/text/${i}`, jsonType(t), "string"));
    if (spec.pooling && t.length < 1) throw invalidInput(`String is too short (0 < 1) at '/text/${i}'`);
  });
  return text;
}
function embed(model, text, dims) {
  const rand = prng(fnv1a(`${model}\0${text}`));
  const v = Array.from({ length: dims }, () => rand() * 2 - 1);
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => Math.fround(x / norm));
}

// test/fakes/ai-stub/images.ts
var IMAGE_SIZE = 16;
function runImage(spec, inputs) {
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  if (!("prompt" in inputs)) throw invalidInput(required("/", ["prompt"]));
  if (typeof inputs.prompt !== "string") throw invalidInput(typeMismatch("/prompt", jsonType(inputs.prompt), "string"));
  if (inputs.prompt.length < 1) throw invalidInput("String is too short (0 < 1) at '/prompt'");
  const code = errorDirectiveFor(parseDirectives(inputs.prompt).directives, spec.name);
  if (code !== void 0) throw aiError(code, spec.name);
  const png = pngFor(`${inputs.prompt}\0${String(inputs.seed ?? "")}`);
  if (spec.kind === "image-base64") return { image: bytesToBase64(png) };
  const half = Math.floor(png.length / 2);
  return byteStream(png, [half, png.length]);
}
function pngFor(key) {
  const rand = prng(fnv1a(key));
  const a = [0, 0, 0].map(() => Math.floor(rand() * 256));
  const b = [0, 0, 0].map(() => Math.floor(rand() * 256));
  const n = IMAGE_SIZE;
  const raw = new Uint8Array(n * (1 + n * 3));
  for (let y = 0; y < n; y++) {
    const row = y * (1 + n * 3);
    raw[row] = 0;
    for (let x = 0; x < n; x++) {
      const t = (x + y) / (2 * n - 2);
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = Math.round(a[c] + (b[c] - a[c]) * t);
    }
  }
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, n);
  dv.setUint32(4, n);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return concat([
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array(0))
  ]);
}
function chunk(type, data) {
  const head = new Uint8Array(8);
  const dv = new DataView(head.buffer);
  dv.setUint32(0, data.length);
  head.set(utf8(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat([utf8(type), data])));
  return concat([head, data, crc]);
}
function zlibStored(data) {
  const parts = [new Uint8Array([120, 1])];
  for (let off = 0; off < data.length || off === 0; off += 65535) {
    const block = data.subarray(off, off + 65535);
    const last = off + 65535 >= data.length ? 1 : 0;
    parts.push(new Uint8Array([last, block.length & 255, block.length >> 8, ~block.length & 255, ~block.length >> 8 & 255]));
    parts.push(block);
    if (data.length === 0) break;
  }
  let s1 = 1;
  let s2 = 0;
  for (const byte of data) {
    s1 = (s1 + byte) % 65521;
    s2 = (s2 + s1) % 65521;
  }
  const adler = new Uint8Array(4);
  new DataView(adler.buffer).setUint32(0, (s2 << 16 | s1) >>> 0);
  parts.push(adler);
  return concat(parts);
}

// test/fakes/ai-stub/state.ts
var log = [];
var forced = [];
function recordCall(model, inputs, options) {
  const record = {
    seq: log.length + 1,
    model,
    inputs: jsonSafe(inputs),
    options: jsonSafe(options ?? null),
    at: Date.now()
  };
  log.push(record);
  return record;
}
function callLog() {
  return log.map((c) => ({ ...c, ...c.stream ? { stream: { ...c.stream } } : {} }));
}
function forceFailures(spec) {
  if (!Number.isInteger(spec?.code)) throw new Error("ai-stub: failNext needs an integer code");
  const times = spec.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw new Error("ai-stub: failNext times must be a positive integer");
  forced.push({ model: spec.model, code: spec.code, remaining: times });
}
function takeForcedFailure(model) {
  const f = forced.find((x) => x.remaining > 0 && (x.model === void 0 || x.model === model));
  if (!f) return void 0;
  f.remaining--;
  forced = forced.filter((x) => x.remaining > 0);
  return f.code;
}
function resetState() {
  log = [];
  forced = [];
}
var MAX_NUMBER_ARRAY = 64;
function jsonSafe(value, depth = 0) {
  if (depth > 32) return "[too deep]";
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (value === void 0 || typeof value === "function" || typeof value === "symbol") return void 0;
  if (value instanceof ArrayBuffer) return { $binary: "ArrayBuffer", length: value.byteLength };
  if (ArrayBuffer.isView(value)) return { $binary: value.constructor.name, length: value.byteLength };
  if (value instanceof ReadableStream) return { $stream: true };
  if (typeof AbortSignal !== "undefined" && value instanceof AbortSignal) return "[AbortSignal]";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    if (value.length > MAX_NUMBER_ARRAY && value.every((v) => typeof v === "number")) {
      return { $binary: "number[]", length: value.length };
    }
    return value.map((v) => jsonSafe(v, depth + 1) ?? null);
  }
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const safe = jsonSafe(v, depth + 1);
    if (safe !== void 0) out[k] = safe;
  }
  return out;
}
var retired = /* @__PURE__ */ new Map();
var planned = /* @__PURE__ */ new Map();
var workersPaid = false;
var sessions = /* @__PURE__ */ new Map();
var DATE = /^\d{4}-\d{2}-\d{2}$/;
function retireModel(model, date) {
  if (!DATE.test(date)) throw new Error(`ai-stub: retireModel needs a YYYY-MM-DD date, got "${date}"`);
  retired.set(model, date);
}
function restoreModel(model) {
  retired.delete(model);
  planned.delete(model);
}
function retiredOn(model) {
  return retired.get(model);
}
function planDeprecation(model, date) {
  if (!DATE.test(date)) throw new Error(`ai-stub: planDeprecation needs a YYYY-MM-DD date, got "${date}"`);
  planned.set(model, date);
}
function plannedDeprecation(model) {
  return planned.get(model);
}
function setWorkersPaid(paid) {
  workersPaid = paid;
}
function onWorkersPaid() {
  return workersPaid;
}
function cachedPrefix(session, words) {
  if (!session) return 0;
  const before = sessions.get(session) ?? [];
  sessions.set(session, words);
  let n = 0;
  while (n < before.length && n < words.length && before[n] === words[n]) n++;
  return n;
}
function resetPlatform() {
  retired = /* @__PURE__ */ new Map();
  planned = /* @__PURE__ */ new Map();
  workersPaid = false;
  sessions = /* @__PURE__ */ new Map();
}

// test/fakes/ai-stub/models-search.ts
function searchModels(params = {}) {
  const p = params ?? {};
  let list = MODELS.filter((m) => !m.deprecated && !retiredOn(m.name)).map((m) => catalogueEntry(m, plannedDeprecation(m.name)));
  if (p.task) {
    const t = p.task.toLowerCase();
    list = list.filter((m) => m.task.name.toLowerCase() === t || m.task.id === p.task);
  }
  if (p.author) {
    const a = p.author.toLowerCase();
    list = list.filter((m) => m.name.split("/")[1]?.toLowerCase() === a);
  }
  if (p.search) {
    const s = p.search.toLowerCase();
    list = list.filter((m) => m.name.toLowerCase().includes(s) || m.description.toLowerCase().includes(s));
  }
  if (p.source !== void 0) list = list.filter((m) => m.source === Number(p.source));
  if (p.hide_experimental) {
    list = list.filter((m) => !m.properties.some((x) => x.property_id === "beta" && x.value === "true"));
  }
  const page = Math.max(1, Math.floor(Number(p.page ?? 1)) || 1);
  if (p.per_page !== void 0) {
    const per = Math.max(1, Math.floor(Number(p.per_page)) || 1);
    return list.slice((page - 1) * per, page * per);
  }
  return page === 1 ? list : [];
}

// test/fakes/ai-stub/tokens.ts
function tokens(text) {
  return text.match(/\s*\S+/g) ?? [];
}
function countWords(text) {
  return text ? (text.match(/\S+/g) ?? []).length : 0;
}
function truncate(text, max) {
  const t = tokens(text);
  if (t.length <= max) return { text: t.join(""), cut: false };
  return { text: t.slice(0, Math.max(0, max)).join(""), cut: true };
}
function usage(prompt, completion, details) {
  const u = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  if (details) {
    u.prompt_tokens_details = { cached_tokens: details.cached };
    u.completion_tokens_details = { reasoning_tokens: details.reasoning };
  }
  return u;
}

// test/fakes/ai-stub/conversation.ts
function validateTextInputs(spec, inputs) {
  if (spec.family === "gpt-oss" && "input" in inputs) {
    const t = jsonType(inputs.input);
    if (t !== "string" && t !== "array") throw invalidInput(typeMismatch("/input", t, "string,array"));
    return;
  }
  const promptProblems = checkPrompt(inputs);
  if (promptProblems.length === 0) return;
  const messageProblems = checkMessages(spec, inputs);
  if (messageProblems.length === 0) return;
  throw oneOfNotMet([...promptProblems, ...messageProblems]);
}
function checkPrompt(inputs) {
  if (!("prompt" in inputs)) return [required("/", ["prompt"])];
  const t = jsonType(inputs.prompt);
  if (t !== "string") return [typeMismatch("/prompt", t, "string")];
  if (inputs.prompt.length < 1) return ["String is too short (0 < 1) at '/prompt'"];
  return [];
}
function checkMessages(spec, inputs) {
  if (!("messages" in inputs)) return [required("/", ["messages"])];
  const messages = inputs.messages;
  if (!Array.isArray(messages)) return [typeMismatch("/messages", jsonType(messages), "array")];
  const problems = [];
  messages.forEach((m, i) => {
    const path = `/messages/${i}`;
    if (!isRecord(m)) return problems.push(typeMismatch(path, jsonType(m), "object"));
    const missing = ["role", "content"].filter((k) => !(k in m) && !(k === "content" && spec.family !== "native"));
    if (missing.length) return problems.push(required(path, missing));
    if (typeof m.role !== "string") problems.push(typeMismatch(`${path}/role`, jsonType(m.role), "string"));
    const ct = jsonType(m.content);
    if (spec.family === "native") {
      const allowed = spec.stringContentOnly ? ["string"] : ["string", "array"];
      if (!allowed.includes(ct)) problems.push(typeMismatch(`${path}/content`, ct, allowed.join(",")));
    } else if (!["string", "array", "null", "undefined"].includes(ct)) {
      problems.push(typeMismatch(`${path}/content`, ct, "string,array,null"));
    }
  });
  return problems;
}
function contentText(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((p) => isRecord(p) && typeof p.text === "string" ? p.text : null).filter((t) => t !== null).join(" ");
}
var wordsOf = (texts) => texts.join(" ").match(/\S+/g) ?? [];
function readConversation(inputs) {
  if ("input" in inputs && !("messages" in inputs) && !("prompt" in inputs)) return readResponsesInput(inputs);
  if (typeof inputs.prompt === "string" && !Array.isArray(inputs.messages)) {
    return {
      mode: "prompt",
      promptTokens: countWords(inputs.prompt),
      promptWords: wordsOf([inputs.prompt]),
      userText: inputs.prompt,
      lastRole: "user"
    };
  }
  const messages = inputs.messages.filter(isRecord);
  let promptTokens = 0;
  for (const m of messages) promptTokens += countWords(contentText(m.content));
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const last = messages[messages.length - 1];
  const lastRole = typeof last?.role === "string" ? last.role : "user";
  return {
    mode: "messages",
    promptTokens,
    promptWords: wordsOf(messages.map((m) => contentText(m.content))),
    userText: lastUser ? contentText(lastUser.content) : "",
    lastRole,
    toolResult: lastRole === "tool" ? contentText(last.content) : void 0
  };
}
function readResponsesInput(inputs) {
  const instructions = typeof inputs.instructions === "string" ? countWords(inputs.instructions) : 0;
  if (typeof inputs.input === "string") {
    const promptWords2 = wordsOf([typeof inputs.instructions === "string" ? inputs.instructions : "", inputs.input]);
    return { mode: "input", promptTokens: instructions + countWords(inputs.input), promptWords: promptWords2, userText: inputs.input, lastRole: "user" };
  }
  const items2 = inputs.input.filter(isRecord);
  let promptTokens = instructions;
  let userText = "";
  for (const item of items2) {
    if (item.type === "function_call_output") promptTokens += countWords(contentText(item.output));
    else promptTokens += countWords(contentText(item.content));
    if (item.role === "user") userText = contentText(item.content);
  }
  const promptWords = wordsOf([
    typeof inputs.instructions === "string" ? inputs.instructions : "",
    ...items2.map((item) => contentText(item.type === "function_call_output" ? item.output : item.content))
  ]);
  const last = items2[items2.length - 1];
  if (last?.type === "function_call_output") {
    return { mode: "input", promptTokens, promptWords, userText, lastRole: "tool", toolResult: contentText(last.output) };
  }
  return { mode: "input", promptTokens, promptWords, userText, lastRole: typeof last?.role === "string" ? last.role : "user" };
}

// test/fakes/ai-stub/schema.ts
var FORMATS = {
  "date-time": "2026-01-01T00:00:00Z",
  date: "2026-01-01",
  time: "00:00:00Z",
  email: "test@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  uuid: "00000000-0000-4000-8000-000000000000",
  ipv4: "127.0.0.1",
  hostname: "example.com"
};
function minimalInstance(schema) {
  return build(schema, isRecord(schema) ? schema : {}, 0);
}
function build(node, root, depth) {
  if (!isRecord(node) || depth > 12) return {};
  if (typeof node.$ref === "string") return build(resolveRef(node.$ref, root), root, depth + 1);
  if ("const" in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length) return node.enum[0];
  for (const key of ["anyOf", "oneOf"]) {
    const options = node[key];
    if (Array.isArray(options) && options.length) {
      const pick = options.find((o) => !(isRecord(o) && o.type === "null")) ?? options[0];
      return build({ ...withoutKey(node, key), ...isRecord(pick) ? pick : {} }, root, depth + 1);
    }
  }
  if (Array.isArray(node.allOf)) {
    const merged = { ...withoutKey(node, "allOf") };
    for (const part of node.allOf) if (isRecord(part)) mergeInto(merged, part);
    return build(merged, root, depth + 1);
  }
  switch (typeOf(node)) {
    case "object":
      return buildObject(node, root, depth);
    case "array":
      return buildArray(node, root, depth);
    case "string":
      return buildString(node);
    case "integer":
      return buildNumber(node, true);
    case "number":
      return buildNumber(node, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return {};
  }
}
function typeOf(node) {
  const t = node.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return t.find((x) => x !== "null") ?? t[0];
  if (isRecord(node.properties) || Array.isArray(node.required)) return "object";
  if (node.items !== void 0 || Array.isArray(node.prefixItems)) return "array";
  return void 0;
}
function buildObject(node, root, depth) {
  const props = isRecord(node.properties) ? node.properties : {};
  const out = {};
  const req = Array.isArray(node.required) ? node.required.filter((r) => typeof r === "string") : [];
  for (const name of req) out[name] = name in props ? build(props[name], root, depth + 1) : "test";
  return out;
}
function buildArray(node, root, depth) {
  const min = typeof node.minItems === "number" ? node.minItems : 0;
  const tuple = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : null;
  const out = [];
  for (let i = 0; i < min; i++) {
    const item = tuple ? tuple[i] ?? (isRecord(node.items) ? node.items : {}) : node.items;
    out.push(build(item, root, depth + 1));
  }
  return out;
}
function buildString(node) {
  let s = typeof node.format === "string" && FORMATS[node.format] ? FORMATS[node.format] : "test";
  const min = typeof node.minLength === "number" ? node.minLength : 0;
  const max = typeof node.maxLength === "number" ? node.maxLength : Infinity;
  while (s.length < min) s += "x";
  return s.slice(0, max);
}
function buildNumber(node, integer) {
  let n = 42;
  const lo = num(node.minimum) ?? (num(node.exclusiveMinimum) !== void 0 ? num(node.exclusiveMinimum) + 1 : void 0);
  const hi = num(node.maximum) ?? (num(node.exclusiveMaximum) !== void 0 ? num(node.exclusiveMaximum) - 1 : void 0);
  if (lo !== void 0 && n < lo) n = lo;
  if (hi !== void 0 && n > hi) n = hi;
  return integer ? Math.ceil(n) : n;
}
function num(v) {
  return typeof v === "number" ? v : void 0;
}
function resolveRef(ref, root) {
  if (!ref.startsWith("#")) return {};
  let cur = root;
  for (const part of ref.slice(1).split("/").filter(Boolean)) {
    cur = isRecord(cur) ? cur[part.replace(/~1/g, "/").replace(/~0/g, "~")] : void 0;
  }
  return cur ?? {};
}
function withoutKey(node, key) {
  const copy = { ...node };
  delete copy[key];
  return copy;
}
function mergeInto(target, part) {
  for (const [k, v] of Object.entries(part)) {
    if (k === "properties" && isRecord(v)) target.properties = { ...isRecord(target.properties) ? target.properties : {}, ...v };
    else if (k === "required" && Array.isArray(v)) target.required = [...Array.isArray(target.required) ? target.required : [], ...v];
    else if (!(k in target)) target[k] = v;
  }
}

// test/fakes/ai-stub/plan.ts
var DEFAULT_MAX_TOKENS = 256;
function makePlan(spec, inputs, conv, strippedUserText, d, cachedTokens = 0) {
  const seed = hashHex(`${spec.name}
${JSON.stringify({ ...inputs, stream: void 0 })}`, 32);
  const maxTokens = firstNumber(inputs.max_tokens, inputs.max_completion_tokens, inputs.max_output_tokens) ?? DEFAULT_MAX_TOKENS;
  const completion = conv.mode === "prompt" && (spec.family === "openai" || spec.family === "gpt-oss");
  const effort = completion ? null : thinkingOf2(spec, inputs);
  const isTool = conv.lastRole === "tool";
  const about = isTool ? conv.toolResult ?? "" : strippedUserText;
  let reasoning = effort === null ? "" : effort === "" ? `Thinking about: ${about}` : `Thinking (${effort} effort) about: ${about}`;
  const calls = isTool || completion ? [] : planCalls(inputs, d, seed);
  let text = null;
  let json;
  let cut = false;
  let budget = maxTokens;
  const r = truncate(reasoning, budget);
  reasoning = r.text;
  budget -= countWords(reasoning);
  if (!calls.length) {
    const format = jsonFormat(spec, inputs);
    if (isTool) text = `Tool result: ${conv.toolResult ?? ""}`;
    else if (d.reply !== void 0) text = d.reply;
    else if (d.words !== void 0) text = Array.from({ length: d.words }, (_, i) => `w${i + 1}`).join(" ");
    else if (format) {
      json = { value: format.type === "json_object" ? { echo: strippedUserText } : minimalInstance(format.schema) };
      text = JSON.stringify(json.value);
    } else text = `Echo: ${strippedUserText}`;
    if (!json) {
      const t = truncate(text, budget);
      text = t.text;
      cut = r.cut || t.cut;
    }
  }
  const completionTokens = countWords(reasoning) + countWords(text) + calls.reduce((n, c) => n + countWords(`${c.name} ${c.argsJson}`), 0);
  return {
    model: spec.name,
    seed,
    reasoning,
    text,
    json,
    calls,
    finish: calls.length ? "tool_calls" : cut ? "length" : "stop",
    promptTokens: conv.promptTokens,
    cachedTokens: Math.min(cachedTokens, conv.promptTokens),
    completionTokens,
    maxTokens,
    chunk: d.chunk ?? "default",
    pace: d.pace ?? 0,
    pause: d.pause
  };
}
function thinkingOf2(spec, inputs) {
  const control = spec.thinking;
  if (!control) return null;
  const kwargs = isRecord(inputs.chat_template_kwargs) ? inputs.chat_template_kwargs : {};
  if (control.kind === "enable_thinking" || control.kind === "thinking") {
    const flag = kwargs[control.kind];
    return (typeof flag === "boolean" ? flag : control.byDefault) ? "" : null;
  }
  const asked = inputs.reasoning_effort ?? (isRecord(inputs.reasoning) ? inputs.reasoning.effort : void 0) ?? null;
  let effort = control.normalise[String(asked)] ?? (asked === null ? control.byDefault : asked);
  if (typeof effort !== "string" || !control.efforts.includes(effort)) {
    throw invalidInput(`reasoning_effort must be one of ${control.efforts.join(", ")} for ${spec.name}, got ${JSON.stringify(asked)}`);
  }
  if (effort === "none") return null;
  if (effort === control.byDefault) effort = "";
  return effort;
}
function firstNumber(...values) {
  return values.find((v) => typeof v === "number" && Number.isFinite(v));
}
function planCalls(inputs, d, seed) {
  const tools = toolDefs(inputs.tools);
  const wanted = [];
  if (d.calls.length) wanted.push(...d.calls);
  else if (tools.length && !d.noTools && inputs.tool_choice !== "none") {
    const forced2 = forcedToolName(inputs.tool_choice);
    wanted.push({ name: tools.find((t) => t.name === forced2)?.name ?? tools[0].name });
  }
  return wanted.map((w, i) => {
    const args = w.args !== void 0 ? w.args : minimalInstance(tools.find((t) => t.name === w.name)?.parameters ?? {});
    return { name: w.name, args, argsJson: JSON.stringify(args), id: hashHex(`${seed}:call:${i}`, 24) };
  });
}
function toolDefs(tools) {
  if (!Array.isArray(tools)) return [];
  return tools.filter(isRecord).flatMap((t) => {
    const fn = isRecord(t.function) ? t.function : t;
    return typeof fn.name === "string" ? [{ name: fn.name, parameters: fn.parameters }] : [];
  });
}
function forcedToolName(choice) {
  if (!isRecord(choice)) return void 0;
  if (isRecord(choice.function) && typeof choice.function.name === "string") return choice.function.name;
  return typeof choice.name === "string" ? choice.name : void 0;
}
function jsonFormat(spec, inputs) {
  const rf = isRecord(inputs.response_format) ? inputs.response_format : isRecord(inputs.text) && isRecord(inputs.text.format) ? inputs.text.format : void 0;
  if (!rf) return void 0;
  if (rf.type === "json_object") return { type: "json_object", schema: {} };
  if (rf.type !== "json_schema") return void 0;
  if (!isRecord(inputs.response_format)) return { type: "json_schema", schema: rf.schema ?? {} };
  const js = rf.json_schema;
  const native = spec.family === "native" || spec.family === "llama4";
  const schema = !native && isRecord(js) && isRecord(js.schema) ? js.schema : js;
  return { type: "json_schema", schema: schema ?? {} };
}

// test/fakes/ai-stub/text-native.ts
function nativeResult(spec, plan) {
  const out = {};
  if (plan.calls.length) {
    out.response = spec.family === "llama4" ? "" : null;
    out.tool_calls = plan.calls.map(
      (c) => spec.family === "llama4" ? { id: `chatcmpl-tool-${c.id}`, type: "function", function: { name: c.name, arguments: c.args } } : { name: c.name, arguments: spec.argsAsString ? c.argsJson : c.args }
    );
  } else {
    out.response = plan.json ? plan.json.value : plan.text;
    out.tool_calls = [];
  }
  out.usage = usage(plan.promptTokens, plan.completionTokens);
  return out;
}
var PAD = "abcdefghijklmnopqrstuvwxyz0123456789";
function nativeEvents(plan) {
  const events = [];
  tokens(plan.text ?? "").forEach((tok, i) => {
    events.push(dataEvent({ response: tok, p: PAD.slice(0, 1 + i * 7 % PAD.length) }));
  });
  plan.calls.forEach((c, index) => {
    const id = `chatcmpl-tool-${c.id}`;
    events.push(dataEvent({ tool_calls: [{ index, id, type: "function", function: { name: c.name, arguments: "" } }] }));
    for (const piece of pieces(c.argsJson, 8)) {
      events.push(dataEvent({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  events.push(dataEvent({ response: "", usage: usage(plan.promptTokens, plan.completionTokens) }));
  events.push(dataEvent("[DONE]"));
  return events;
}

// test/fakes/ai-stub/types.ts
var STUB_CREATED = 1767225600;

// test/fakes/ai-stub/text-openai.ts
function toolId(plan, i) {
  return `chatcmpl-tool-${plan.calls[i].id}`;
}
function usageOf(spec, plan, completion, reasoning) {
  return usage(plan.promptTokens, completion, spec.detailedUsage ? { cached: plan.cachedTokens, reasoning } : void 0);
}
function chatCompletion(spec, plan) {
  const message = {
    role: "assistant",
    content: plan.calls.length ? null : plan.text ?? ""
  };
  if (spec.detailedUsage) Object.assign(message, { refusal: null, annotations: [], audio: null });
  message[spec.reasoningField ?? "reasoning_content"] = plan.reasoning || null;
  message.tool_calls = plan.calls.map((c, i) => ({
    id: toolId(plan, i),
    type: "function",
    function: { name: c.name, arguments: c.argsJson }
  }));
  const total = usageOf(spec, plan, plan.completionTokens, countWords(plan.reasoning));
  if (spec.detailedUsage) {
    const choices = [{ index: 0, message, logprobs: null, finish_reason: plan.finish }];
    return {
      id: `chatcmpl-${plan.seed}`,
      object: "chat.completion",
      created: STUB_CREATED,
      model: spec.name,
      choices,
      usage: total,
      system_fingerprint: null
    };
  }
  return {
    id: `chatcmpl-${plan.seed}`,
    object: "chat.completion",
    created: STUB_CREATED,
    model: spec.name,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finish, stop_reason: null }],
    usage: total,
    prompt_logprobs: null
  };
}
function chatCompletionEvents(spec, plan) {
  const base = { id: `chatcmpl-${plan.seed}`, object: "chat.completion.chunk", created: STUB_CREATED, model: spec.name };
  let spent = 0;
  let thought = 0;
  const events = [];
  const chunk2 = (delta, finish = null) => events.push(
    dataEvent({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      usage: usageOf(spec, plan, spent, thought)
    })
  );
  chunk2({ role: "assistant", content: "" });
  const field = spec.reasoningField ?? "reasoning_content";
  for (const tok of tokens(plan.reasoning)) {
    spent += countWords(tok);
    thought += countWords(tok);
    chunk2({ [field]: tok });
  }
  for (const tok of tokens(plan.text ?? "")) {
    spent += countWords(tok);
    chunk2({ content: tok });
  }
  plan.calls.forEach((c, index) => {
    spent += countWords(`${c.name} ${c.argsJson}`);
    chunk2({ tool_calls: [{ index, id: toolId(plan, index), type: "function", function: { name: c.name, arguments: "" } }] });
    for (const piece of pieces(c.argsJson, 8)) {
      chunk2({ tool_calls: [{ index, id: null, type: "function", function: { name: null, arguments: piece } }] });
    }
  });
  chunk2({}, plan.finish);
  const total = usageOf(spec, plan, plan.completionTokens, thought);
  events.push(dataEvent({ ...base, choices: [], usage: total }));
  events.push(dataEvent({ response: "", usage: total }));
  events.push(dataEvent("[DONE]"));
  return events;
}
function textCompletion(spec, plan) {
  return {
    id: `cmpl-${plan.seed}`,
    object: "text_completion",
    created: STUB_CREATED,
    model: spec.name,
    choices: [{ index: 0, text: plan.text ?? "", logprobs: null, finish_reason: plan.finish, stop_reason: null, prompt_logprobs: null }],
    usage: usage(plan.promptTokens, plan.completionTokens)
  };
}
function textCompletionEvents(spec, plan) {
  const base = { id: `cmpl-${plan.seed}`, object: "text_completion", created: STUB_CREATED, model: spec.name };
  let spent = 0;
  const events = [];
  const chunk2 = (text, finish) => events.push(
    dataEvent({ ...base, choices: [{ index: 0, text, logprobs: null, finish_reason: finish }], usage: usage(plan.promptTokens, spent) })
  );
  for (const tok of tokens(plan.text ?? "")) {
    spent += countWords(tok);
    chunk2(tok, null);
  }
  chunk2("", plan.finish);
  events.push(dataEvent({ response: "", usage: usage(plan.promptTokens, plan.completionTokens) }));
  events.push(dataEvent("[DONE]"));
  return events;
}

// test/fakes/ai-stub/text-responses.ts
function items(plan) {
  const reasoning = {
    id: `rs_${plan.seed}`,
    type: "reasoning",
    summary: [],
    content: [{ type: "reasoning_text", text: plan.reasoning }],
    encrypted_content: null,
    status: "completed"
  };
  const calls = plan.calls.map((c) => ({
    id: `fc_${c.id}`,
    type: "function_call",
    call_id: `call_${c.id}`,
    name: c.name,
    arguments: c.argsJson,
    status: "completed"
  }));
  const message = plan.calls.length ? void 0 : {
    id: `msg_${plan.seed}`,
    type: "message",
    role: "assistant",
    status: plan.finish === "length" ? "incomplete" : "completed",
    content: [{ type: "output_text", text: plan.text ?? "", annotations: [], logprobs: [] }]
  };
  return { reasoning, message, calls };
}
function responseObject(spec, plan, inputs, output, done) {
  const incomplete = done && plan.finish === "length";
  return {
    id: `resp_${plan.seed}`,
    object: "response",
    created_at: STUB_CREATED,
    status: !done ? "in_progress" : incomplete ? "incomplete" : "completed",
    error: null,
    incomplete_details: incomplete ? { reason: "max_output_tokens" } : null,
    instructions: inputs.instructions ?? null,
    max_output_tokens: inputs.max_output_tokens ?? null,
    model: spec.name,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: isRecord(inputs.reasoning) ? inputs.reasoning.effort ?? "medium" : "medium", summary: null },
    temperature: inputs.temperature ?? 1,
    text: { format: isRecord(inputs.text) && isRecord(inputs.text.format) ? inputs.text.format : { type: "text" } },
    tool_choice: inputs.tool_choice ?? "auto",
    tools: Array.isArray(inputs.tools) ? inputs.tools : [],
    top_p: inputs.top_p ?? 1,
    usage: done ? {
      input_tokens: plan.promptTokens,
      input_tokens_details: { cached_tokens: plan.cachedTokens },
      output_tokens: plan.completionTokens,
      output_tokens_details: { reasoning_tokens: countWords(plan.reasoning) },
      total_tokens: plan.promptTokens + plan.completionTokens
    } : null
  };
}
function responsesResult(spec, plan, inputs) {
  const it = items(plan);
  const output = [it.reasoning, ...it.message ? [it.message] : [], ...it.calls];
  return responseObject(spec, plan, inputs, output, true);
}
function responsesEvents(spec, plan, inputs) {
  const it = items(plan);
  const events = [];
  let seq = 0;
  const emit = (type, body) => events.push(namedEvent(type, { type, sequence_number: seq++, ...body }));
  const output = [];
  emit("response.created", { response: responseObject(spec, plan, inputs, [], false) });
  emit("response.in_progress", { response: responseObject(spec, plan, inputs, [], false) });
  const r = it.reasoning;
  emit("response.output_item.added", { output_index: 0, item: { ...r, content: [], status: "in_progress" } });
  for (const delta of tokens(plan.reasoning)) {
    emit("response.reasoning_text.delta", { item_id: r.id, output_index: 0, content_index: 0, delta });
  }
  emit("response.reasoning_text.done", { item_id: r.id, output_index: 0, content_index: 0, text: plan.reasoning });
  emit("response.output_item.done", { output_index: 0, item: r });
  output.push(r);
  if (it.message) {
    const m = it.message;
    const index = output.length;
    const part = { type: "output_text", text: "", annotations: [], logprobs: [] };
    emit("response.output_item.added", { output_index: index, item: { ...m, content: [], status: "in_progress" } });
    emit("response.content_part.added", { item_id: m.id, output_index: index, content_index: 0, part });
    for (const delta of tokens(plan.text ?? "")) {
      emit("response.output_text.delta", { item_id: m.id, output_index: index, content_index: 0, delta, logprobs: [] });
    }
    const text = plan.text ?? "";
    emit("response.output_text.done", { item_id: m.id, output_index: index, content_index: 0, text, logprobs: [] });
    emit("response.content_part.done", { item_id: m.id, output_index: index, content_index: 0, part: { ...part, text } });
    emit("response.output_item.done", { output_index: index, item: m });
    output.push(m);
  }
  for (const c of it.calls) {
    const index = output.length;
    emit("response.output_item.added", { output_index: index, item: { ...c, arguments: "", status: "in_progress" } });
    for (const delta of pieces(String(c.arguments), 8)) {
      emit("response.function_call_arguments.delta", { item_id: c.id, output_index: index, delta });
    }
    emit("response.function_call_arguments.done", { item_id: c.id, output_index: index, arguments: c.arguments });
    emit("response.output_item.done", { output_index: index, item: c });
    output.push(c);
  }
  emit("response.completed", { response: responseObject(spec, plan, inputs, output, true) });
  return events;
}

// test/fakes/ai-stub/text.ts
var BUSY_QUEUE_MS = 50;
async function runText(spec, inputs, options, record) {
  if (!isRecord(inputs)) throw invalidInput(`Type mismatch of '/', '${jsonType(inputs)}' not in 'object'`);
  if ("rejectIfBusy" in inputs) throw invalidInput("additional property 'rejectIfBusy' at '/' (it belongs in the options)");
  validateTextInputs(spec, inputs);
  const conv = readConversation(inputs);
  const { text, directives } = parseDirectives(conv.userText);
  const code = errorDirectiveFor(directives, spec.name);
  if (code !== void 0) throw aiError(code, spec.name);
  const stream = inputs.stream === true;
  const format = isRecord(inputs.response_format) ? inputs.response_format.type : void 0;
  if (stream && (format === "json_schema" || "guided_json" in inputs)) throw aiError(5023, spec.name);
  if (isBusy(directives, spec.name)) {
    if (options.rejectIfBusy === true) throw aiError(3040, spec.name);
    await new Promise((resolve) => setTimeout(resolve, BUSY_QUEUE_MS));
  }
  const headers = isRecord(options.extraHeaders) ? options.extraHeaders : {};
  const session = typeof headers["x-session-affinity"] === "string" ? headers["x-session-affinity"] : void 0;
  const plan = makePlan(spec, inputs, conv, text, directives, cachedPrefix(session, conv.promptWords));
  if (spec.family === "native" || spec.family === "llama4") {
    return stream ? sseStream(nativeEvents(plan), plan, record) : nativeResult(spec, plan);
  }
  if (spec.family === "gpt-oss" && conv.mode === "input") {
    return stream ? sseStream(responsesEvents(spec, plan, inputs), plan, record) : responsesResult(spec, plan, inputs);
  }
  if (conv.mode === "prompt") {
    return stream ? sseStream(textCompletionEvents(spec, plan), plan, record) : textCompletion(spec, plan);
  }
  return stream ? sseStream(chatCompletionEvents(spec, plan), plan, record) : chatCompletion(spec, plan);
}

// test/fakes/ai-stub/index.ts
var AiStub = class extends WorkerEntrypoint {
  /** Mimics `env.AI.run(model, inputs, options)`. */
  // workerd logs every error an RPC method throws ("uncaught exception"); that noise is expected in tests.
  async run(model, inputs, options) {
    const record = recordCall(model, inputs, options);
    const forced2 = takeForcedFailure(model);
    if (forced2 !== void 0) throw aiError(forced2, model);
    const listed = findModel(model);
    if (!listed) throw noSuchModel(model);
    const served = SERVED_AS.get(model);
    const spec = served ? findModel(served) : listed;
    if (!served && listed.deprecated) throw deprecatedModel(listed.deprecatedOn);
    const retired2 = retiredOn(spec.name);
    if (retired2) throw deprecatedModel(retired2);
    if (spec.paidOnly && !onWorkersPaid()) throw aiError(5035, model);
    let result;
    switch (spec.kind) {
      case "text":
        result = await runText(spec, inputs, isRecord(options) ? options : {}, record);
        break;
      case "unsimulated":
        throw invalidInput(`ai-stub: ${model} (${spec.task}) is listed but not simulated`);
      case "embeddings":
        result = runEmbeddings(spec, inputs);
        break;
      case "image-stream":
      case "image-base64":
        result = runImage(spec, inputs);
        break;
      case "asr":
      case "asr-base64":
        result = runSpeechToText(spec, inputs);
        break;
      case "tts-json":
      case "tts-stream":
        result = runTextToSpeech(spec, inputs);
        break;
    }
    return isRecord(options) && options.returnRawResponse === true ? rawResponse(result, spec.kind) : result;
  }
  /** Mimics `env.AI.models(params)`. */
  async models(params) {
    return searchModels(params);
  }
  /** The `run` calls since the last reset (JSON-safe copies). */
  async calls() {
    return callLog();
  }
  /** Clears the call log and forced failures, and puts the platform back as the snapshot has it (Workers Free). */
  async reset() {
    resetState();
    resetPlatform();
  }
  /** Retires `model` now: it leaves `models()` and `run()` throws 5028 with `date`, until `restoreModel` or `reset`. */
  async retireModel(model, date) {
    if (!findModel(model)) throw new Error(`ai-stub: retireModel: no model ${model} in the catalogue`);
    retireModel(model, date);
  }
  /** Undoes `retireModel` and `planDeprecation` for `model`. */
  async restoreModel(model) {
    restoreModel(model);
  }
  /** Gives `model` a `planned_deprecation_date` property in `models()`. */
  async planDeprecation(model, date) {
    if (!findModel(model)) throw new Error(`ai-stub: planDeprecation: no model ${model} in the catalogue`);
    planDeprecation(model, date);
  }
  /** The account's plan: on Workers Paid the paid-only models answer instead of throwing 5035. */
  async setWorkersPaid(paid) {
    setWorkersPaid(paid === true);
  }
  /** Makes the next `times` calls (of `model`, if given) throw Workers AI error `code`. */
  async failNext(spec) {
    forceFailures(spec);
  }
};
function rawResponse(result, kind) {
  if (result instanceof ReadableStream) {
    const type = kind === "text" ? "text/event-stream" : kind === "image-stream" ? "image/png" : "audio/mpeg";
    return new Response(result, { headers: { "content-type": type } });
  }
  return Response.json(result);
}
var index_default = {
  fetch() {
    return new Response("ai-stub: a Workers AI stand-in for tests; use it over RPC as the AI binding (entrypoint AiStub).\n");
  }
};
export {
  AiStub,
  index_default as default
};
