// The models the stub knows: every record of test/fakes/workers-ai-models.json (the Workers AI catalogue as of
// December 2026, one record per model, active or deprecated), plus what the stub needs to play each one: its
// output family, tool-argument form, reasoning field and thinking control. Where the snapshot is silent the
// choice is marked UNCERTAIN here and in types.ts. Runtime changes (a model retired by a test, a planned
// deprecation date, the account's plan) live in state.ts.
import RECORDS from "../workers-ai-models.json";
import type { ModelKind, StubModelInfo, TextFamily } from "./types";
import { uuidFrom } from "./util";

/** One record of the snapshot (the fields the stub reads). */
interface CatalogueRecord {
  name: string;
  task: string;
  status: string;
  deprecated_on: string | null;
  paid_only: boolean;
  family: string;
  properties: Record<string, unknown>;
}

/** How a reasoning model's thinking is switched or graded (from the snapshot's properties). */
export type ThinkingControl =
  /** `chat_template_kwargs.enable_thinking` (glm-4.7-flash, qwen3, gemma-4, nemotron). */
  | { kind: "enable_thinking"; byDefault: boolean }
  /** `chat_template_kwargs.thinking` (Kimi K2.6 and K2.7). */
  | { kind: "thinking"; byDefault: boolean }
  /** `reasoning_effort` (gpt-oss; glm-5.3-flash and deepseek-v4 list their efforts). */
  | { kind: "effort"; efforts: string[]; byDefault: string; normalise: Record<string, string> };

export interface ModelSpec {
  name: string;
  kind: ModelKind;
  task: string;
  family?: TextFamily;
  /** Native models: tool-call `arguments` as an object (default) or as a JSON string. */
  argsAsString?: boolean;
  /** Reasoning models: the message field that carries the thinking. */
  reasoningField?: "reasoning_content" | "reasoning";
  thinking?: ThinkingControl;
  /** OpenAI-shaped usage with `prompt_tokens_details.cached_tokens` and `completion_tokens_details.reasoning_tokens`. */
  detailedUsage?: boolean;
  /** Native models whose schema only takes string message content (content parts → 5006). */
  stringContentOnly?: boolean;
  /** Embedding dimensions. */
  dims?: number;
  /** Embedding models that report `pooling` (the bge family). */
  pooling?: boolean;
  id: string;
  description: string;
  /** Catalogue properties as Cloudflare lists them (values are strings, except `price`). */
  props: Record<string, unknown>;
  deprecatedOn: string | null;
  deprecated: boolean;
  paidOnly: boolean;
}

const TASK_IDS: Record<string, string> = {
  "Text Generation": "c329a1f9-323d-4e91-b2aa-582dd4188d34",
  "Text Embeddings": "0137cdcf-162a-4108-94f2-1ca59e8c65ee",
  "Text-to-Image": "3d6e1f35-341b-4915-a6c8-9a7142a9033a",
  "Automatic Speech Recognition": "dfce1c48-2a81-462e-a7fd-de97ce985207",
  "Text-to-Speech": "b52660a1-9a95-4ab2-8b1d-f232be34604a",
};
const TASK_DESCRIPTIONS: Record<string, string> = {
  "Text Generation":
    "Family of generative text models, such as large language models (LLM), that can be adapted for a variety of natural language tasks.",
  "Text Embeddings":
    "Feature extraction models transform raw data into numerical features that can be processed while preserving the information in the original dataset. These models are ideal as part of building vector search applications or Retrieval Augmented Generation workflows with Large Language Models (LLM).",
  "Text-to-Image": "Generates images from input text. These models can be used to generate and modify images based on text prompts.",
  "Automatic Speech Recognition": "Automatic speech recognition (ASR) models convert a speech signal, typically an audio input, to text.",
  "Text-to-Speech":
    "Text-to-Speech (TTS) is the task of generating natural sounding speech given text input. TTS models can be extended to have a single model that generates speech for multiple speakers and multiple languages.",
};

/** Real catalogue ids and descriptions the stub has seen (cloudflare-docs workers-ai-models/*.json); others are stand-ins. */
const KNOWN: Record<string, { id?: string; description: string; props?: Record<string, string> }> = {
  "@cf/zai-org/glm-4.7-flash": {
    id: "86b3e51a-4b05-43fa-a403-0f27821919d2",
    description: "GLM-4.7-Flash is a fast and efficient multilingual text generation model with a 131,072 token context window.",
  },
  "@cf/openai/gpt-oss-120b": {
    id: "f9f2250b-1048-4a52-9910-d0bf976616a1",
    description:
      "OpenAI’s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases – gpt-oss-120b is for production, general purpose, high reasoning use-cases.",
  },
  "@cf/openai/gpt-oss-20b": {
    description:
      "OpenAI’s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases – gpt-oss-20b is for lower latency, and local or specialized use-cases.",
  },
  "@cf/meta/llama-4-scout-17b-16e-instruct": {
    description: "Meta's Llama 4 Scout is a 17 billion parameter model with 16 experts that is natively multimodal.",
  },
  "@cf/meta/llama-3.3-70b-instruct-fp8-fast": { description: "Llama 3.3 70B quantized to fp8 precision, optimized to be faster." },
  "@cf/meta/llama-3.1-8b-instruct-fp8": { description: "Llama 3.1 8B quantized to FP8 precision." },
  "@cf/meta/llama-3.1-8b-instruct-fast": {
    description: "[Fast version] The Meta Llama 3.1 collection of multilingual large language models (LLMs).",
    props: { beta: "true" },
  },
  "@cf/mistralai/mistral-small-3.1-24b-instruct": {
    description: "Building upon Mistral Small 3 (2501), Mistral Small 3.1 (2503) adds state-of-the-art vision understanding.",
  },
  "@cf/qwen/qwen3-30b-a3b-fp8": { description: "Qwen3 is the latest generation of large language models in Qwen series." },
  "@cf/google/gemma-4-26b-a4b-it": { description: "Gemma 4 26B A4B is a mixture-of-experts model from Google." },
  "@cf/nvidia/nemotron-3-120b-a12b": { description: "NVIDIA Nemotron 3 120B A12B, a hybrid mixture-of-experts reasoning model." },
  "@cf/baai/bge-small-en-v1.5": {
    id: "57fbd08a-a4c4-411c-910d-b9459ff36c20",
    description: "BAAI general embedding (Small) model that transforms any given text into a 384-dimensional vector",
    props: { max_input_tokens: "512", output_dimensions: "384" },
  },
  "@cf/baai/bge-base-en-v1.5": {
    description: "BAAI general embedding (Base) model that transforms any given text into a 768-dimensional vector",
    props: { max_input_tokens: "512", output_dimensions: "768" },
  },
  "@cf/baai/bge-large-en-v1.5": {
    id: "01bc2fb0-4bca-4598-b985-d2584a3f46c0",
    description: "BAAI general embedding (Large) model that transforms any given text into a 1024-dimensional vector",
    props: { max_input_tokens: "512", output_dimensions: "1024" },
  },
  "@cf/baai/bge-m3": { description: "Multi-Functionality, Multi-Linguality, and Multi-Granularity embeddings model." },
  "@cf/google/embeddinggemma-300m": {
    id: "d2f07a41-c152-4061-8083-ec655cbf91a1",
    description: "EmbeddingGemma is a 300M parameter, state-of-the-art for its size, open embedding model from Google.",
  },
  "@cf/qwen/qwen3-embedding-0.6b": {
    description:
      "The Qwen3 Embedding model series is the latest proprietary model of the Qwen family, specifically designed for text embedding and ranking tasks.",
  },
  "@cf/stabilityai/stable-diffusion-xl-base-1.0": {
    description: "Diffusion-based text-to-image generative model by Stability AI. Generates and modify images based on text prompts.",
    props: { beta: "true" },
  },
  "@cf/bytedance/stable-diffusion-xl-lightning": {
    description: "SDXL-Lightning is a lightning-fast text-to-image generation model.",
    props: { beta: "true" },
  },
  "@cf/lykon/dreamshaper-8-lcm": {
    description: "Stable Diffusion model that has been fine-tuned to be better at photorealism without sacrificing range.",
  },
  "@cf/black-forest-labs/flux-1-schnell": {
    id: "9e087485-23dc-47fa-997d-f5bfafc0c7cc",
    description:
      "FLUX.1 [schnell] is a 12 billion parameter rectified flow transformer capable of generating images from text descriptions.",
    props: { terms: "https://bfl.ai/legal/terms-of-service" },
  },
  "@cf/openai/whisper": {
    id: "c1c12ce4-c36a-4aa6-8da4-f63ba4b8984d",
    description: "Whisper is a general-purpose speech recognition model.",
    props: { beta: "false", info: "https://openai.com/research/whisper" },
  },
  "@cf/openai/whisper-tiny-en": {
    description:
      "Whisper is a pre-trained model for automatic speech recognition (ASR) and speech translation. This is the English-only version of the Whisper Tiny model.",
    props: { beta: "true" },
  },
  "@cf/openai/whisper-large-v3-turbo": {
    id: "200f0812-148c-48c1-915d-fb3277a94a08",
    description: "Whisper is a pre-trained model for automatic speech recognition (ASR) and speech translation.",
  },
  "@cf/myshell-ai/melotts": {
    id: "c837b2ac-4d9b-4d37-8811-34de60f0c44f",
    description: "MeloTTS is a high-quality multi-lingual text-to-speech library by MyShell.ai.",
  },
  "@cf/deepgram/aura-1": {
    id: "1f55679f-009e-4456-aa4f-049a62b4b6a0",
    description:
      "Aura is a context-aware text-to-speech (TTS) model that applies natural pacing, expressiveness, and fillers based on the context of the provided text.",
    props: { partner: "true", realtime: "true" },
  },
};

/** Native models whose tool-call arguments are a JSON string, not an object (as observed). */
const ARGS_AS_STRING = new Set(["@cf/mistralai/mistral-small-3.1-24b-instruct", "@cf/qwen/qwen2.5-coder-32b-instruct"]);
/** Native models whose schema takes content parts (vision); the others take string content only. */
const CONTENT_PARTS = new Set([
  "@cf/mistralai/mistral-small-3.1-24b-instruct",
  "@cf/meta/llama-3.2-11b-vision-instruct",
  "@cf/meta/llama-4-scout-17b-16e-instruct",
]);
/** Kimi answers with `reasoning` (changelog 2026-04-20); nemotron too (UNCERTAIN); the rest `reasoning_content`. */
const REASONING_FIELD: Record<string, "reasoning"> = {
  "@cf/moonshotai/kimi-k2.6": "reasoning",
  "@cf/moonshotai/kimi-k2.7-code": "reasoning",
  "@cf/nvidia/nemotron-3-120b-a12b": "reasoning",
};
/** Thinking on unless turned off; Gemma 4 thinks only when asked (UNCERTAIN: the snapshot gives no default). */
const THINKS_ONLY_WHEN_ASKED = new Set(["@cf/google/gemma-4-26b-a4b-it"]);
/** gpt-oss-20b's stored file is older and lists no effort; it takes gpt-oss-120b's (UNCERTAIN). */
const GPT_OSS_EFFORT = { supported_efforts: ["low", "medium", "high"], default_effort: "medium", mandatory: true };
const EMBEDDING_DIMS: Record<string, number> = {
  "@cf/baai/bge-small-en-v1.5": 384,
  "@cf/baai/bge-large-en-v1.5": 1024,
  "@cf/baai/bge-m3": 1024,
  "@cf/qwen/qwen3-embedding-0.6b": 1024,
  "@cf/pfnet/plamo-embedding-1b": 2048,
};
/** Kimi K2.5 is served as K2.6 (changelog 2026-05-08: "auto-aliased"). */
export const SERVED_AS: ReadonlyMap<string, string> = new Map([["@cf/moonshotai/kimi-k2.5", "@cf/moonshotai/kimi-k2.6"]]);

function kindOf(r: CatalogueRecord): ModelKind | undefined {
  if (r.task.startsWith("Text Generation")) {
    return r.family.startsWith("native") || r.family.startsWith("openai") || r.family.startsWith("responses") ? "text" : undefined;
  }
  switch (r.family) {
    case "embeddings":
      return "embeddings";
    case "image-binary":
      return "image-stream";
    case "image-json":
      return "image-base64";
    case "asr":
      return r.name.endsWith("whisper-large-v3-turbo") ? "asr-base64" : r.name.includes("whisper") ? "asr" : undefined;
    case "tts":
      return r.name.includes("melotts") ? "tts-json" : "tts-stream";
    default:
      return undefined;
  }
}

function familyOf(r: CatalogueRecord): TextFamily {
  if (r.family.startsWith("responses")) return "gpt-oss";
  if (r.family.startsWith("openai") || r.family === "native-in/openai-out") return "openai";
  return r.name === "@cf/meta/llama-4-scout-17b-16e-instruct" ? "llama4" : "native";
}

function thinkingOf(r: CatalogueRecord, p: Record<string, unknown>): ThinkingControl | undefined {
  if (p.reasoning !== true) return undefined;
  const effort = (r.name === "@cf/openai/gpt-oss-20b" ? GPT_OSS_EFFORT : p.reasoning_effort) as Record<string, unknown> | undefined;
  if (effort && Array.isArray(effort.supported_efforts)) {
    return {
      kind: "effort",
      efforts: effort.supported_efforts as string[],
      byDefault: String(effort.default_effort),
      normalise: (effort.normalizes_to ?? {}) as Record<string, string>,
    };
  }
  const byDefault = !THINKS_ONLY_WHEN_ASKED.has(r.name);
  return String(p.thinking_control ?? "").includes("chat_template_kwargs.thinking")
    ? { kind: "thinking", byDefault }
    : { kind: "enable_thinking", byDefault };
}

/** Catalogue properties as Cloudflare's search lists them: strings, `price` as `[{unit, price, currency}]`. */
function listedProperties(r: CatalogueRecord, extra: Record<string, string> = {}): Record<string, unknown> {
  const p = r.properties;
  const out: Record<string, unknown> = { ...extra };
  if (typeof p.context_window === "number") out.context_window = String(p.context_window);
  for (const flag of ["function_calling", "reasoning", "vision", "async_queue", "beta"]) if (p[flag] === true) out[flag] = "true";
  if (r.paid_only) out.require_workers_paid = "true";
  const price = p.price_per_M as Record<string, unknown> | undefined;
  if (price) {
    out.price = (["input", "cached_input", "output"] as const)
      .filter((k) => typeof price[k] === "number")
      .map((k) => ({ unit: `per M ${k.replace("_", " ")} tokens`, price: price[k], currency: "USD" }));
  }
  return out;
}

function specOf(r: CatalogueRecord): ModelSpec {
  const kind = kindOf(r) ?? "unsimulated";
  const known = KNOWN[r.name];
  const p = r.properties;
  const spec: ModelSpec = {
    name: r.name,
    kind,
    task: r.task.replace(/ \(.*\)$/, ""),
    id: known?.id ?? uuidFrom(r.name),
    description: known?.description ?? `${r.name.split("/").pop()} (${r.task.replace(/ \(.*\)$/, "")})`,
    props: listedProperties(r, known?.props),
    deprecatedOn: r.deprecated_on,
    deprecated: r.status !== "active",
    paidOnly: r.paid_only,
  };
  if (kind === "text") {
    spec.family = familyOf(r);
    if (spec.family === "native" || spec.family === "llama4") {
      spec.argsAsString = ARGS_AS_STRING.has(r.name);
      spec.stringContentOnly = !CONTENT_PARTS.has(r.name);
    } else {
      spec.thinking = thinkingOf(r, p);
      if (spec.thinking) spec.reasoningField = REASONING_FIELD[r.name] ?? "reasoning_content";
      // The chat-completion family reports cached and reasoning tokens; qwen3-30b and sea-lion only the totals.
      spec.detailedUsage = r.family.startsWith("openai") || spec.family === "gpt-oss";
    }
  }
  if (kind === "embeddings") {
    spec.dims = EMBEDDING_DIMS[r.name] ?? 768;
    spec.pooling = r.name.startsWith("@cf/baai/");
  }
  return spec;
}

export const MODELS: ModelSpec[] = (RECORDS as CatalogueRecord[]).map(specOf);

const BY_NAME = new Map(MODELS.map((m) => [m.name, m]));

export function findModel(name: string): ModelSpec | undefined {
  return BY_NAME.get(name);
}

/** The catalogue entry (`AiModelsSearchObject`) of a model, with a planned deprecation date when one is set. */
export function catalogueEntry(m: ModelSpec, plannedDeprecation?: string): StubModelInfo {
  const props: Record<string, unknown> = { ...m.props };
  if (plannedDeprecation) props.planned_deprecation_date = plannedDeprecation;
  return {
    id: m.id,
    source: m.name.startsWith("@hf/") ? 2 : 1,
    name: m.name,
    description: m.description,
    task: { id: TASK_IDS[m.task] ?? uuidFrom(`task:${m.task}`), name: m.task, description: TASK_DESCRIPTIONS[m.task] ?? m.task },
    tags: [],
    properties: Object.entries(props).map(([property_id, value]) => ({ property_id, value })),
  };
}
