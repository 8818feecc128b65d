// test/fakes/ai-stub/index.ts
import { WorkerEntrypoint } from "cloudflare:workers";

// test/fakes/ai-stub/directives.ts
function emptyDirectives() {
  return { errors: [], calls: [], noTools: false };
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
    case "words":
      d.words = positiveInt(key, value);
      return;
    case "reply":
      d.reply = value;
      return;
    case "pace":
      d.pace = positiveInt(key, value);
      return;
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
  5019: () => "Request trying to use deprecated SDK version"
};
function aiError(code, model) {
  const text = STUB_ERROR_MESSAGES[code]?.(model) ?? "Internal server error";
  return new Error(`${code}: ${text}`);
}
function noSuchModel(model) {
  return aiError(5007, model);
}
function invalidInput(detail) {
  return new Error(`5006: Error: ${detail}`);
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
  const h = hashHex("uuid:" + text, 32).split("");
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
  return byteStream(bytes, ends, progress, plan.pace);
}
function byteStream(bytes, ends, progress, paceMs = 0) {
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
        if (paceMs > 0 && i > 0) return new Promise((resolve) => setTimeout(resolve, paceMs)).then(() => next(controller));
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

// test/fakes/ai-stub/catalogue.ts
var TASKS = {
  text: { id: "c329a1f9-323d-4e91-b2aa-582dd4188d34", name: "Text Generation", description: "Family of generative text models, such as large language models (LLM), that can be adapted for a variety of natural language tasks." },
  embeddings: { id: "0137cdcf-162a-4108-94f2-1ca59e8c65ee", name: "Text Embeddings", description: "Feature extraction models transform raw data into numerical features that can be processed while preserving the information in the original dataset. These models are ideal as part of building vector search applications or Retrieval Augmented Generation workflows with Large Language Models (LLM)." },
  image: { id: "3d6e1f35-341b-4915-a6c8-9a7142a9033a", name: "Text-to-Image", description: "Generates images from input text. These models can be used to generate and modify images based on text prompts." },
  asr: { id: "dfce1c48-2a81-462e-a7fd-de97ce985207", name: "Automatic Speech Recognition", description: "Automatic speech recognition (ASR) models convert a speech signal, typically an audio input, to text." },
  tts: { id: "b52660a1-9a95-4ab2-8b1d-f232be34604a", name: "Text-to-Speech", description: "Text-to-Speech (TTS) is the task of generating natural sounding speech given text input. TTS models can be extended to have a single model that generates speech for multiple speakers and multiple languages." }
};
var S = (name, rest) => ({ name, ...rest });
var native = (name, description, extra = {}) => S(name, { kind: "text", family: "native", stringContentOnly: true, description, ...extra });
var chat = (name, description, extra = {}) => S(name, { kind: "text", family: "openai", description, props: { function_calling: "true" }, ...extra });
var MODELS = [
  // native: {response, tool_calls:[{name, arguments}], usage}
  native("@cf/meta/llama-3.1-8b-instruct", "The Meta Llama 3.1 collection of multilingual large language models (LLMs) is a collection of pretrained and instruction tuned generative models.", { id: "41975cc2-c82e-4e98-b7b8-88ffb186a545", props: { beta: "true" } }),
  native("@cf/meta/llama-3.1-8b-instruct-fast", "[Fast version] The Meta Llama 3.1 collection of multilingual large language models (LLMs)."),
  native("@cf/meta/llama-3.1-8b-instruct-fp8", "Llama 3.1 8B quantized to FP8 precision."),
  native("@cf/meta/llama-3.2-1b-instruct", "The Llama 3.2 instruction-tuned text only models are optimized for multilingual dialogue use cases."),
  native("@cf/meta/llama-3.2-3b-instruct", "The Llama 3.2 instruction-tuned text only models are optimized for multilingual dialogue use cases."),
  native("@cf/meta/llama-3.3-70b-instruct-fp8-fast", "Llama 3.3 70B quantized to fp8 precision, optimized to be faster.", { props: { function_calling: "true" } }),
  native("@cf/mistral/mistral-7b-instruct-v0.1", "Instruct fine-tuned version of the Mistral-7b generative text model with 7 billion parameters"),
  native("@hf/nousresearch/hermes-2-pro-mistral-7b", "Hermes 2 Pro on Mistral 7B is the new flagship 7B Hermes!", { props: { beta: "true", function_calling: "true" } }),
  native("@cf/google/gemma-3-12b-it", "Gemma 3 models are well-suited for a variety of text generation and image understanding tasks.", { stringContentOnly: false }),
  native("@cf/mistralai/mistral-small-3.1-24b-instruct", "Building upon Mistral Small 3 (2501), Mistral Small 3.1 (2503) adds state-of-the-art vision understanding.", { argsAsString: true, stringContentOnly: false, props: { function_calling: "true" } }),
  native("@cf/qwen/qwen2.5-coder-32b-instruct", "Qwen2.5-Coder is the latest series of Code-Specific Qwen large language models.", { argsAsString: true }),
  // llama-4: native, tool calls OpenAI-like with object arguments
  S("@cf/meta/llama-4-scout-17b-16e-instruct", { kind: "text", family: "llama4", description: "Meta's Llama 4 Scout is a 17 billion parameter model with 16 experts that is natively multimodal.", props: { function_calling: "true" } }),
  // OpenAI-shaped chat completions
  chat("@cf/qwen/qwen3-30b-a3b-fp8", "Qwen3 is the latest generation of large language models in Qwen series.", { reasoningField: "reasoning_content" }),
  chat("@cf/zai-org/glm-4.7-flash", "GLM-4.7-Flash is a fast and efficient multilingual text generation model with a 131,072 token context window.", { id: "86b3e51a-4b05-43fa-a403-0f27821919d2", reasoningField: "reasoning_content", props: { context_window: "131072", function_calling: "true", reasoning: "true" } }),
  chat("@cf/moonshotai/kimi-k2.5", "Kimi K2.5 is Moonshot AI's open agentic model.", { reasoningField: "reasoning_content" }),
  chat("@cf/moonshotai/kimi-k2.6", "Kimi K2.6 is Moonshot AI's open agentic model.", { reasoningField: "reasoning_content" }),
  chat("@cf/google/gemma-4-26b-a4b-it", "Gemma 4 26B A4B is a mixture-of-experts model from Google."),
  chat("@cf/deepseek-ai/deepseek-r1-distill-qwen-32b", "DeepSeek-R1-Distill-Qwen-32B is a model distilled from DeepSeek-R1 based on Qwen2.5.", { id: "ad01ab83-baf8-4e7b-8fed-a0a219d4eb45", reasoningField: "reasoning_content", props: { context_window: "80000", reasoning: "true" } }),
  chat("@cf/nvidia/nemotron-3-120b-a12b", "NVIDIA Nemotron 3 120B A12B, a hybrid mixture-of-experts reasoning model.", { reasoningField: "reasoning" }),
  // gpt-oss: Responses-shaped with `input`, chat-shaped with `messages`
  S("@cf/openai/gpt-oss-120b", { kind: "text", family: "gpt-oss", reasoningField: "reasoning_content", id: "f9f2250b-1048-4a52-9910-d0bf976616a1", description: "OpenAI\u2019s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases \u2013 gpt-oss-120b is for production, general purpose, high reasoning use-cases.", props: { async_queue: "true", context_window: "128000", function_calling: "true", reasoning: "true" } }),
  S("@cf/openai/gpt-oss-20b", { kind: "text", family: "gpt-oss", reasoningField: "reasoning_content", description: "OpenAI\u2019s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases \u2013 gpt-oss-20b is for lower latency, and local or specialized use-cases.", props: { function_calling: "true", reasoning: "true" } }),
  // embeddings
  S("@cf/baai/bge-small-en-v1.5", { kind: "embeddings", dims: 384, pooling: true, id: "57fbd08a-a4c4-411c-910d-b9459ff36c20", description: "BAAI general embedding (Small) model that transforms any given text into a 384-dimensional vector", props: { max_input_tokens: "512", output_dimensions: "384" } }),
  S("@cf/baai/bge-base-en-v1.5", { kind: "embeddings", dims: 768, pooling: true, description: "BAAI general embedding (Base) model that transforms any given text into a 768-dimensional vector", props: { max_input_tokens: "512", output_dimensions: "768" } }),
  S("@cf/baai/bge-large-en-v1.5", { kind: "embeddings", dims: 1024, pooling: true, id: "01bc2fb0-4bca-4598-b985-d2584a3f46c0", description: "BAAI general embedding (Large) model that transforms any given text into a 1024-dimensional vector", props: { max_input_tokens: "512", output_dimensions: "1024" } }),
  S("@cf/baai/bge-m3", { kind: "embeddings", dims: 1024, pooling: true, description: "Multi-Functionality, Multi-Linguality, and Multi-Granularity embeddings model." }),
  S("@cf/google/embeddinggemma-300m", { kind: "embeddings", dims: 768, id: "d2f07a41-c152-4061-8083-ec655cbf91a1", description: "EmbeddingGemma is a 300M parameter, state-of-the-art for its size, open embedding model from Google." }),
  S("@cf/qwen/qwen3-embedding-0.6b", { kind: "embeddings", dims: 1024, description: "The Qwen3 Embedding model series is the latest proprietary model of the Qwen family, specifically designed for text embedding and ranking tasks." }),
  // text to image
  S("@cf/stabilityai/stable-diffusion-xl-base-1.0", { kind: "image-stream", description: "Diffusion-based text-to-image generative model by Stability AI. Generates and modify images based on text prompts.", props: { beta: "true" } }),
  S("@cf/bytedance/stable-diffusion-xl-lightning", { kind: "image-stream", description: "SDXL-Lightning is a lightning-fast text-to-image generation model.", props: { beta: "true" } }),
  S("@cf/lykon/dreamshaper-8-lcm", { kind: "image-stream", description: "Stable Diffusion model that has been fine-tuned to be better at photorealism without sacrificing range." }),
  S("@cf/black-forest-labs/flux-1-schnell", { kind: "image-base64", id: "9e087485-23dc-47fa-997d-f5bfafc0c7cc", description: "FLUX.1 [schnell] is a 12 billion parameter rectified flow transformer capable of generating images from text descriptions.", props: { terms: "https://bfl.ai/legal/terms-of-service" } }),
  // speech to text
  S("@cf/openai/whisper", { kind: "asr", id: "c1c12ce4-c36a-4aa6-8da4-f63ba4b8984d", description: "Whisper is a general-purpose speech recognition model.", props: { beta: "false", info: "https://openai.com/research/whisper" } }),
  S("@cf/openai/whisper-tiny-en", { kind: "asr", description: "Whisper is a pre-trained model for automatic speech recognition (ASR) and speech translation. This is the English-only version of the Whisper Tiny model.", props: { beta: "true" } }),
  S("@cf/openai/whisper-large-v3-turbo", { kind: "asr-base64", id: "200f0812-148c-48c1-915d-fb3277a94a08", description: "Whisper is a pre-trained model for automatic speech recognition (ASR) and speech translation." }),
  // text to speech
  S("@cf/myshell-ai/melotts", { kind: "tts-json", id: "c837b2ac-4d9b-4d37-8811-34de60f0c44f", description: "MeloTTS is a high-quality multi-lingual text-to-speech library by MyShell.ai." }),
  S("@cf/deepgram/aura-1", { kind: "tts-stream", id: "1f55679f-009e-4456-aa4f-049a62b4b6a0", description: "Aura is a context-aware text-to-speech (TTS) model that applies natural pacing, expressiveness, and fillers based on the context of the provided text.", props: { async_queue: "true", partner: "true", realtime: "true" } }),
  S("@cf/deepgram/aura-2-en", { kind: "tts-stream", description: "Aura-2 is a context-aware text-to-speech (TTS) model for English.", props: { partner: "true", realtime: "true" } })
];
var BY_NAME = new Map(MODELS.map((m) => [m.name, m]));
function findModel(name) {
  return BY_NAME.get(name);
}
var TASK_OF = {
  text: "text",
  embeddings: "embeddings",
  "image-stream": "image",
  "image-base64": "image",
  asr: "asr",
  "asr-base64": "asr",
  "tts-json": "tts",
  "tts-stream": "tts"
};
function catalogueEntry(m) {
  const props = { ...m.props ?? {} };
  if (m.reasoningField && !props.reasoning) props.reasoning = "true";
  return {
    id: m.id ?? uuidFrom(m.name),
    source: m.name.startsWith("@hf/") ? 2 : 1,
    name: m.name,
    description: m.description,
    task: { ...TASKS[TASK_OF[m.kind]] },
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
  const rand = prng(fnv1a(model + "\0" + text));
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

// test/fakes/ai-stub/models-search.ts
function searchModels(params = {}) {
  const p = params ?? {};
  let list = MODELS.map(catalogueEntry);
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

// test/fakes/ai-stub/state.ts
var log = [];
var forced = [];
function recordCall(model, inputs, options) {
  const record = { seq: log.length + 1, model, inputs: jsonSafe(inputs), options: jsonSafe(options ?? null), at: Date.now() };
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
function usage(prompt, completion) {
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
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
function readConversation(inputs) {
  if ("input" in inputs && !("messages" in inputs) && !("prompt" in inputs)) return readResponsesInput(inputs);
  if (typeof inputs.prompt === "string" && !Array.isArray(inputs.messages)) {
    return { mode: "prompt", promptTokens: countWords(inputs.prompt), userText: inputs.prompt, lastRole: "user" };
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
    userText: lastUser ? contentText(lastUser.content) : "",
    lastRole,
    toolResult: lastRole === "tool" ? contentText(last.content) : void 0
  };
}
function readResponsesInput(inputs) {
  const instructions = typeof inputs.instructions === "string" ? countWords(inputs.instructions) : 0;
  if (typeof inputs.input === "string") {
    return { mode: "input", promptTokens: instructions + countWords(inputs.input), userText: inputs.input, lastRole: "user" };
  }
  const items2 = inputs.input.filter(isRecord);
  let promptTokens = instructions;
  let userText = "";
  for (const item of items2) {
    if (item.type === "function_call_output") promptTokens += countWords(contentText(item.output));
    else promptTokens += countWords(contentText(item.content));
    if (item.role === "user") userText = contentText(item.content);
  }
  const last = items2[items2.length - 1];
  if (last?.type === "function_call_output") {
    return { mode: "input", promptTokens, userText, lastRole: "tool", toolResult: contentText(last.output) };
  }
  return { mode: "input", promptTokens, userText, lastRole: typeof last?.role === "string" ? last.role : "user" };
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
function makePlan(spec, inputs, conv, strippedUserText, d) {
  const seed = hashHex(spec.name + "\n" + JSON.stringify({ ...inputs, stream: void 0 }), 32);
  const maxTokens = firstNumber(inputs.max_tokens, inputs.max_completion_tokens, inputs.max_output_tokens) ?? DEFAULT_MAX_TOKENS;
  const completion = conv.mode === "prompt" && (spec.family === "openai" || spec.family === "gpt-oss");
  const thinks = !completion && !!spec.reasoningField && !(isRecord(inputs.chat_template_kwargs) && inputs.chat_template_kwargs.enable_thinking === false);
  const isTool = conv.lastRole === "tool";
  let reasoning = thinks ? `Thinking about: ${isTool ? conv.toolResult ?? "" : strippedUserText}` : "";
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
    completionTokens,
    maxTokens,
    chunk: d.chunk ?? "default",
    pace: d.pace ?? 0
  };
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
  const native2 = spec.family === "native" || spec.family === "llama4";
  const schema = !native2 && isRecord(js) && isRecord(js.schema) ? js.schema : js;
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
function chatCompletion(spec, plan) {
  const message = {
    role: "assistant",
    content: plan.calls.length ? null : plan.text ?? ""
  };
  message[spec.reasoningField ?? "reasoning_content"] = plan.reasoning || null;
  message.tool_calls = plan.calls.map((c, i) => ({
    id: toolId(plan, i),
    type: "function",
    function: { name: c.name, arguments: c.argsJson }
  }));
  return {
    id: `chatcmpl-${plan.seed}`,
    object: "chat.completion",
    created: STUB_CREATED,
    model: spec.name,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finish, stop_reason: null }],
    usage: usage(plan.promptTokens, plan.completionTokens),
    prompt_logprobs: null
  };
}
function chatCompletionEvents(spec, plan) {
  const base = { id: `chatcmpl-${plan.seed}`, object: "chat.completion.chunk", created: STUB_CREATED, model: spec.name };
  let spent = 0;
  const events = [];
  const chunk2 = (delta, finish = null) => events.push(
    dataEvent({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      usage: usage(plan.promptTokens, spent)
    })
  );
  chunk2({ role: "assistant", content: "" });
  const field = spec.reasoningField ?? "reasoning_content";
  for (const tok of tokens(plan.reasoning)) {
    spent += countWords(tok);
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
  const total = usage(plan.promptTokens, plan.completionTokens);
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
  const chunk2 = (text, finish) => events.push(dataEvent({ ...base, choices: [{ index: 0, text, logprobs: null, finish_reason: finish }], usage: usage(plan.promptTokens, spent) }));
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
      input_tokens_details: { cached_tokens: 0 },
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
function runText(spec, inputs, record) {
  if (!isRecord(inputs)) throw invalidInput(`Type mismatch of '/', '${jsonType(inputs)}' not in 'object'`);
  validateTextInputs(spec, inputs);
  const conv = readConversation(inputs);
  const { text, directives } = parseDirectives(conv.userText);
  const code = errorDirectiveFor(directives, spec.name);
  if (code !== void 0) throw aiError(code, spec.name);
  const plan = makePlan(spec, inputs, conv, text, directives);
  const stream = inputs.stream === true;
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
    const spec = findModel(model);
    if (!spec) throw noSuchModel(model);
    let result;
    switch (spec.kind) {
      case "text":
        result = runText(spec, inputs, record);
        break;
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
  /** Clears the call log and forced failures. */
  async reset() {
    resetState();
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
