// OpenAI model names people already have in their code and tools, mapped to Workers AI models.
// MODEL_ALIASES (a JSON object) adds to and overrides these.

export const DEFAULT_CHAT_MODEL = "@cf/meta/llama-3.1-8b-instruct";
export const DEFAULT_EMBEDDING_MODEL = "@cf/baai/bge-base-en-v1.5";

export const BUILT_IN_ALIASES: Readonly<Record<string, string>> = {
  "gpt-3.5-turbo": "@cf/meta/llama-3.1-8b-instruct",
  "gpt-4o-mini": "@cf/meta/llama-3.1-8b-instruct",
  "gpt-4.1-mini": "@cf/meta/llama-3.1-8b-instruct",
  "gpt-4.1-nano": "@cf/meta/llama-3.2-3b-instruct",
  "gpt-4": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  "gpt-4-turbo": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  "gpt-4o": "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
  "gpt-4.1": "@cf/meta/llama-4-scout-17b-16e-instruct",
  "gpt-5": "@cf/openai/gpt-oss-120b",
  "gpt-5-mini": "@cf/openai/gpt-oss-20b",
  "o3-mini": "@cf/openai/gpt-oss-20b",
  "o4-mini": "@cf/openai/gpt-oss-20b",
  "text-embedding-ada-002": "@cf/baai/bge-base-en-v1.5",
  "text-embedding-3-small": "@cf/baai/bge-base-en-v1.5",
  "text-embedding-3-large": "@cf/baai/bge-large-en-v1.5",
  "dall-e-2": "@cf/black-forest-labs/flux-1-schnell",
  "dall-e-3": "@cf/black-forest-labs/flux-1-schnell",
  "gpt-image-1": "@cf/black-forest-labs/flux-1-schnell",
  "whisper-1": "@cf/openai/whisper-large-v3-turbo",
  "gpt-4o-transcribe": "@cf/openai/whisper-large-v3-turbo",
  "gpt-4o-mini-transcribe": "@cf/openai/whisper-large-v3-turbo",
  "tts-1": "@cf/myshell-ai/melotts",
  "tts-1-hd": "@cf/myshell-ai/melotts",
  "gpt-4o-mini-tts": "@cf/myshell-ai/melotts",
};

/** Workers AI model ids start with `@cf/` or `@hf/`; anything else must be an alias. */
export const isWorkersAiModel = (name: string) => name.startsWith("@cf/") || name.startsWith("@hf/");
