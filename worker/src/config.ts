// The proxy's settings, read from vars and secrets once per isolate; a bad value fails loudly, naming it.
import { BUILT_IN_ALIASES, DEFAULT_CHAT_MODEL, DEFAULT_EMBEDDING_MODEL, isWorkersAiModel } from "./ai/aliases.js";
import type { Env } from "./env.js";
import { ApiError } from "./http/errors.js";
import { FLUSH_MS } from "./streams/batched-text.js";

export interface Config {
  defaultModel: string;
  defaultEmbeddingModel: string;
  aliases: Readonly<Record<string, string>>;
  fallbackModels: string[];
  gatewayId: string | undefined;
  corsOrigins: string[];
  cacheTtlSeconds: number;
  /** Shortest time between two writes of a streamed answer (0: every batch as it comes). */
  streamFlushMs: number;
}

/** A misconfigured deployment: every request gets this 500 with the variable's name, until it is fixed. */
export class ConfigError extends ApiError {
  constructor(variable: string, detail: string) {
    super(500, `The proxy is misconfigured: ${variable} ${detail}`, "server_error", null, "proxy_misconfigured");
  }
}

let cachedEnv: Env | undefined;
let cached: Config | undefined;

export function readConfig(env: Env): Config {
  if (env === cachedEnv && cached) return cached;
  const config = parseConfig(env);
  cachedEnv = env;
  cached = config;
  return config;
}

export const DEFAULT_CACHE_TTL_SECONDS = 3600;
const MAX_STREAM_FLUSH_MS = 1000;
/** KV refuses expirationTtl below 60 seconds. */
const MIN_CACHE_TTL_SECONDS = 60;

export function parseConfig(env: Env): Config {
  const aliases: Record<string, string> = { ...BUILT_IN_ALIASES };
  if (env.MODEL_ALIASES?.trim()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.MODEL_ALIASES);
    } catch (error) {
      throw new ConfigError("MODEL_ALIASES", `is not valid JSON (${(error as Error).message}); expected e.g. {"gpt-4o-mini": "@cf/meta/llama-3.1-8b-instruct"}.`);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new ConfigError("MODEL_ALIASES", "must be a JSON object of name → Workers AI model.");
    for (const [name, target] of Object.entries(parsed)) {
      if (typeof target !== "string" || !isWorkersAiModel(target)) {
        throw new ConfigError("MODEL_ALIASES", `maps "${name}" to ${JSON.stringify(target)}, which is not a Workers AI model id (@cf/… or @hf/…).`);
      }
      aliases[name] = target;
    }
  }
  const model = (variable: string, value: string | undefined, fallback: string) => {
    const name = value?.trim() || fallback;
    if (!isWorkersAiModel(name) && !(name in aliases)) throw new ConfigError(variable, `is "${name}", which is neither a Workers AI model id (@cf/… or @hf/…) nor an alias.`);
    return aliases[name] ?? name;
  };
  const fallbackModels = (env.FALLBACK_MODELS ?? "").split(/[\n,]/).map((m) => m.trim()).filter(Boolean).map((m) => model("FALLBACK_MODELS", m, m));
  let cacheTtlSeconds = DEFAULT_CACHE_TTL_SECONDS;
  if (env.CACHE_TTL_SECONDS?.trim()) {
    cacheTtlSeconds = Number(env.CACHE_TTL_SECONDS);
    if (!Number.isInteger(cacheTtlSeconds) || (cacheTtlSeconds !== 0 && cacheTtlSeconds < MIN_CACHE_TTL_SECONDS)) {
      throw new ConfigError("CACHE_TTL_SECONDS", `is "${env.CACHE_TTL_SECONDS}"; expected 0 (cache off) or a whole number of seconds ≥ ${MIN_CACHE_TTL_SECONDS}.`);
    }
  }
  let streamFlushMs = FLUSH_MS;
  if (env.STREAM_FLUSH_MS?.trim()) {
    streamFlushMs = Number(env.STREAM_FLUSH_MS);
    if (!Number.isInteger(streamFlushMs) || streamFlushMs < 0 || streamFlushMs > MAX_STREAM_FLUSH_MS) {
      throw new ConfigError("STREAM_FLUSH_MS", `is "${env.STREAM_FLUSH_MS}"; expected a whole number of milliseconds from 0 (write whatever has arrived at once) to ${MAX_STREAM_FLUSH_MS}.`);
    }
  }
  return {
    defaultModel: model("DEFAULT_AI_MODEL", env.DEFAULT_AI_MODEL, DEFAULT_CHAT_MODEL),
    defaultEmbeddingModel: model("DEFAULT_EMBEDDING_MODEL", env.DEFAULT_EMBEDDING_MODEL, DEFAULT_EMBEDDING_MODEL),
    aliases,
    fallbackModels,
    gatewayId: env.AI_GATEWAY_ID?.trim() || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? "*").split(/[\n,]/).map((o) => o.trim()).filter(Boolean),
    cacheTtlSeconds,
    streamFlushMs,
  };
}
