// The models the stub knows. Ids, task ids/names/descriptions and the listed properties come from Cloudflare's
// model catalogue (cloudflare-docs src/content/workers-ai-models/*.json) where noted "real"; other ids are
// deterministic stand-ins (uuidFrom). Families and argument forms are documented in types.ts and the report.
import type { ModelKind, StubModelInfo, TextFamily } from "./types";
import { uuidFrom } from "./util";

const TASKS = {
  text: { id: "c329a1f9-323d-4e91-b2aa-582dd4188d34", name: "Text Generation", description: "Family of generative text models, such as large language models (LLM), that can be adapted for a variety of natural language tasks." },
  embeddings: { id: "0137cdcf-162a-4108-94f2-1ca59e8c65ee", name: "Text Embeddings", description: "Feature extraction models transform raw data into numerical features that can be processed while preserving the information in the original dataset. These models are ideal as part of building vector search applications or Retrieval Augmented Generation workflows with Large Language Models (LLM)." },
  image: { id: "3d6e1f35-341b-4915-a6c8-9a7142a9033a", name: "Text-to-Image", description: "Generates images from input text. These models can be used to generate and modify images based on text prompts." },
  asr: { id: "dfce1c48-2a81-462e-a7fd-de97ce985207", name: "Automatic Speech Recognition", description: "Automatic speech recognition (ASR) models convert a speech signal, typically an audio input, to text." },
  tts: { id: "b52660a1-9a95-4ab2-8b1d-f232be34604a", name: "Text-to-Speech", description: "Text-to-Speech (TTS) is the task of generating natural sounding speech given text input. TTS models can be extended to have a single model that generates speech for multiple speakers and multiple languages." },
} as const;

export interface ModelSpec {
  name: string;
  kind: ModelKind;
  family?: TextFamily;
  /** Native models: tool-call `arguments` as an object (default) or as a JSON string. */
  argsAsString?: boolean;
  /** Reasoning models: the message field that carries the thinking. */
  reasoningField?: "reasoning_content" | "reasoning";
  /** Native models whose schema only takes string message content (content parts → 5006). */
  stringContentOnly?: boolean;
  /** Embedding dimensions. */
  dims?: number;
  /** Embedding models that report `pooling` (the bge family). */
  pooling?: boolean;
  id?: string;
  description: string;
  props?: Record<string, string>;
}

const S = (name: string, rest: Omit<ModelSpec, "name">): ModelSpec => ({ name, ...rest });
const native = (name: string, description: string, extra: Partial<ModelSpec> = {}) =>
  S(name, { kind: "text", family: "native", stringContentOnly: true, description, ...extra });
const chat = (name: string, description: string, extra: Partial<ModelSpec> = {}) =>
  S(name, { kind: "text", family: "openai", description, props: { function_calling: "true" }, ...extra });

export const MODELS: ModelSpec[] = [
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
  S("@cf/openai/gpt-oss-120b", { kind: "text", family: "gpt-oss", reasoningField: "reasoning_content", id: "f9f2250b-1048-4a52-9910-d0bf976616a1", description: "OpenAI’s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases – gpt-oss-120b is for production, general purpose, high reasoning use-cases.", props: { async_queue: "true", context_window: "128000", function_calling: "true", reasoning: "true" } }),
  S("@cf/openai/gpt-oss-20b", { kind: "text", family: "gpt-oss", reasoningField: "reasoning_content", description: "OpenAI’s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases – gpt-oss-20b is for lower latency, and local or specialized use-cases.", props: { function_calling: "true", reasoning: "true" } }),
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
  S("@cf/deepgram/aura-2-en", { kind: "tts-stream", description: "Aura-2 is a context-aware text-to-speech (TTS) model for English.", props: { partner: "true", realtime: "true" } }),
];

const BY_NAME = new Map(MODELS.map((m) => [m.name, m]));

export function findModel(name: string): ModelSpec | undefined {
  return BY_NAME.get(name);
}

const TASK_OF: Record<ModelKind, keyof typeof TASKS> = {
  text: "text",
  embeddings: "embeddings",
  "image-stream": "image",
  "image-base64": "image",
  asr: "asr",
  "asr-base64": "asr",
  "tts-json": "tts",
  "tts-stream": "tts",
};

/** The catalogue entry (`AiModelsSearchObject`) of a model. */
export function catalogueEntry(m: ModelSpec): StubModelInfo {
  const props = { ...(m.props ?? {}) };
  if (m.reasoningField && !props.reasoning) props.reasoning = "true";
  return {
    id: m.id ?? uuidFrom(m.name),
    source: m.name.startsWith("@hf/") ? 2 : 1,
    name: m.name,
    description: m.description,
    task: { ...TASKS[TASK_OF[m.kind]] },
    tags: [],
    properties: Object.entries(props).map(([property_id, value]) => ({ property_id, value })),
  };
}
