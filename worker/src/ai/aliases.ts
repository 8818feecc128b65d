// Which Workers AI models the proxy uses when a request names an OpenAI model, or none.
// Each name maps to an ordered list of candidates: the first one the live catalogue lists serves, so when
// Cloudflare retires a model the next candidate answers without a redeploy (see docs in README "Models").
// Chosen from the December 2026 catalogue: active on Workers Free, with tools, and cheap per token.
// MODEL_ALIASES (JSON) adds to and overrides these; ./model-settings.ts parses it.

export type Candidates = readonly string[];

/** Requests that name no model. Gemma 4 26B: tools, vision, reasoning, 256k context, $0.10/$0.30 per M tokens. */
export const DEFAULT_CHAT_MODELS: Candidates = [
  "@cf/google/gemma-4-26b-a4b-it",
  "@cf/zai-org/glm-4.7-flash",
  "@cf/qwen/qwen3-30b-a3b-fp8",
  "@cf/meta/llama-3.1-8b-instruct-fp8",
];

/** Embedding candidates keep the dimension (768): a vector store built with one still accepts the next. */
export const DEFAULT_EMBEDDING_MODELS: Candidates = [
  "@cf/baai/bge-base-en-v1.5",
  "@cf/baai/omni-bge-base-en-v1.5",
  "@cf/google/embeddinggemma-300m",
];

const LARGE_CHAT: Candidates = [
  "@cf/nvidia/nemotron-3-120b-a12b",
  "@cf/qwen/qwen3.8-27b",
  "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  ...DEFAULT_CHAT_MODELS,
];
const SMALL_CHAT: Candidates = [
  "@cf/zai-org/glm-4.7-flash",
  "@cf/qwen/qwen3-30b-a3b-fp8",
  "@cf/meta/llama-3.2-3b-instruct",
  ...DEFAULT_CHAT_MODELS,
];
const REASONING: Candidates = ["@cf/openai/gpt-oss-120b", "@cf/nvidia/nemotron-3-120b-a12b", "@cf/zai-org/glm-4.7-flash"];
const SMALL_REASONING: Candidates = ["@cf/openai/gpt-oss-20b", "@cf/zai-org/glm-4.7-flash", "@cf/qwen/qwen3-30b-a3b-fp8"];
const LARGE_EMBEDDING: Candidates = ["@cf/baai/bge-large-en-v1.5", "@cf/baai/bge-m3", "@cf/qwen/qwen3-embedding-0.6b"];
const IMAGE: Candidates = [
  "@cf/black-forest-labs/flux-1-schnell",
  "@cf/bytedance/stable-diffusion-xl-lightning",
  "@cf/stabilityai/stable-diffusion-xl-base-1.0",
];
const TRANSCRIBE: Candidates = ["@cf/openai/whisper-large-v3-turbo", "@cf/openai/whisper"];
const SPEECH: Candidates = ["@cf/myshell-ai/melotts", "@cf/deepgram/aura-1"];

/** OpenAI model names people already have in their code and tools. A Map: request strings never index an object. */
export const BUILT_IN_ALIASES: ReadonlyMap<string, Candidates> = new Map<string, Candidates>([
  ["gpt-3.5-turbo", DEFAULT_CHAT_MODELS],
  ["gpt-4o-mini", DEFAULT_CHAT_MODELS],
  ["gpt-4.1-mini", DEFAULT_CHAT_MODELS],
  ["gpt-4.1-nano", SMALL_CHAT],
  ["gpt-5-nano", SMALL_CHAT],
  ["gpt-4", LARGE_CHAT],
  ["gpt-4-turbo", LARGE_CHAT],
  ["gpt-4o", LARGE_CHAT],
  ["gpt-4.1", LARGE_CHAT],
  ["gpt-5", REASONING],
  ["o3", REASONING],
  ["gpt-5-mini", SMALL_REASONING],
  ["o3-mini", SMALL_REASONING],
  ["o4-mini", SMALL_REASONING],
  ["text-embedding-ada-002", DEFAULT_EMBEDDING_MODELS],
  ["text-embedding-3-small", DEFAULT_EMBEDDING_MODELS],
  ["text-embedding-3-large", LARGE_EMBEDDING],
  ["dall-e-2", IMAGE],
  ["dall-e-3", IMAGE],
  ["gpt-image-1", IMAGE],
  ["whisper-1", TRANSCRIBE],
  ["gpt-4o-transcribe", TRANSCRIBE],
  ["gpt-4o-mini-transcribe", TRANSCRIBE],
  ["tts-1", SPEECH],
  ["tts-1-hd", SPEECH],
  ["gpt-4o-mini-tts", SPEECH],
]);

/** Workers AI model ids start with `@cf/` or `@hf/`; anything else must be an alias. */
export const isWorkersAiModel = (name: string) => name.startsWith("@cf/") || name.startsWith("@hf/");
