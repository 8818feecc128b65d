// The proxy's settings, read from vars and secrets once per isolate; a bad value fails loudly, naming it.
import type { Candidates } from "./ai/aliases.js";
import { type ModelSettings, ModelSettingError, parseModelSettings } from "./ai/model-settings.js";
import type { Env } from "./env.js";
import { ApiError } from "./http/errors.js";
import { DEFAULT_STREAM_MAX_TOKENS, MAX_OUTPUT_TOKENS } from "./openai/sampling.js";
import { FLUSH_MS } from "./streams/flush.js";

export interface Config {
  models: ModelSettings;
  /**
   * The first candidates of the default lists: what a request with no model echoes, and the names routes pass
   * to resolveModel to mean "this API's default list" (openai/model.ts). Which candidate serves is decided later.
   */
  defaultModel: string;
  defaultEmbeddingModel: string;
  aliases: ReadonlyMap<string, Candidates>;
  fallbackModels: string[];
  gatewayId: string | undefined;
  corsOrigins: string[];
  cacheTtlSeconds: number;
  /** Shortest time between two writes of a streamed answer (0: every batch as it comes). */
  streamFlushMs: number;
  /** The limit of a streamed answer whose request sets none (openai/sampling.ts). */
  streamMaxTokens: number;
  /** CACHE_SCOPE: "project" (default) keeps each project's cached answers to itself; "shared" pools them. */
  cacheScope: "project" | "shared";
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

/** A var holding a whole number: `fallback` when it is unset or blank; a ConfigError saying what is `expected` when it is not valid. */
function wholeNumber(
  env: Env,
  variable: "CACHE_TTL_SECONDS" | "STREAM_FLUSH_MS" | "STREAM_MAX_TOKENS",
  fallback: number,
  valid: (value: number) => boolean,
  expected: string,
): number {
  const raw = env[variable];
  if (!raw?.trim()) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || !valid(value)) throw new ConfigError(variable, `is "${raw}"; expected ${expected}.`);
  return value;
}

export function parseConfig(env: Env): Config {
  let models: ModelSettings;
  try {
    models = parseModelSettings(env);
  } catch (error) {
    if (error instanceof ModelSettingError) throw new ConfigError(error.variable, error.detail);
    throw error;
  }
  const cacheTtlSeconds = wholeNumber(
    env,
    "CACHE_TTL_SECONDS",
    DEFAULT_CACHE_TTL_SECONDS,
    (n) => n === 0 || n >= MIN_CACHE_TTL_SECONDS,
    `0 (cache off) or a whole number of seconds ≥ ${MIN_CACHE_TTL_SECONDS}`,
  );
  const streamFlushMs = wholeNumber(
    env,
    "STREAM_FLUSH_MS",
    FLUSH_MS,
    (n) => n >= 0 && n <= MAX_STREAM_FLUSH_MS,
    `a whole number of milliseconds from 0 (write whatever has arrived at once) to ${MAX_STREAM_FLUSH_MS}`,
  );
  const streamMaxTokens = wholeNumber(
    env,
    "STREAM_MAX_TOKENS",
    DEFAULT_STREAM_MAX_TOKENS,
    (n) => n >= 1 && n <= MAX_OUTPUT_TOKENS,
    `a whole number of tokens from 1 to ${MAX_OUTPUT_TOKENS} (the limit of a streamed answer whose request sets none; ${DEFAULT_STREAM_MAX_TOKENS} by default)`,
  );
  const cacheScope = (env.CACHE_SCOPE ?? "").trim().toLowerCase() || "project";
  if (cacheScope !== "project" && cacheScope !== "shared") {
    throw new ConfigError(
      "CACHE_SCOPE",
      `is "${env.CACHE_SCOPE}"; expected "project" (the default: each project its own cache) or "shared".`,
    );
  }
  return {
    models,
    defaultModel: models.defaultChat[0],
    defaultEmbeddingModel: models.defaultEmbedding[0],
    aliases: models.aliases,
    fallbackModels: [...models.fallbacks],
    gatewayId: env.AI_GATEWAY_ID?.trim() || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? "*")
      .split(/[\n,]/)
      .map((o) => o.trim())
      .filter(Boolean),
    cacheTtlSeconds,
    streamFlushMs,
    streamMaxTokens,
    cacheScope,
  };
}
