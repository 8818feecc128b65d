// Every binding, secret and variable the proxy reads: the names users type in wrangler config and secrets.
import type { StateObject } from "./state/durable-object.js";

export interface AiModelInfo {
  id: string;
  name: string;
  description?: string;
  task?: { id?: string; name: string; description?: string };
  tags?: string[];
  properties?: { property_id: string; value: unknown }[];
  created_at?: string;
}

export interface AiRunOptions {
  gateway?: { id: string; skipCache?: boolean; cacheTtl?: number };
  [key: string]: unknown;
}

/** The part of the Workers AI binding the proxy uses; the real binding and the test stub both fit it. */
export interface AiBinding {
  run(model: string, inputs: Record<string, unknown>, options?: AiRunOptions): Promise<unknown>;
  models(params?: Record<string, unknown>): Promise<AiModelInfo[]>;
}

export interface Env {
  /** Workers AI (production: `"ai": {"binding": "AI"}`; tests and offline dev: a service binding to the stub). */
  AI: AiBinding;
  /** Response cache and model catalogue cache. */
  CACHE?: KVNamespace;
  /** Secret: client keys, comma- or newline-separated. */
  API_KEYS?: string;
  /** "project" (default) or "shared": whether projects share the response cache. */
  CACHE_SCOPE?: string;
  /** Requests that name no model: Workers AI ids or aliases, comma-separated; the first the catalogue lists serves. */
  DEFAULT_AI_MODEL?: string;
  /** Likewise for /v1/embeddings. */
  DEFAULT_EMBEDDING_MODEL?: string;
  /** JSON object: OpenAI-style name → a Workers AI model, or a list of them tried in order. */
  /** JSON text, or the object itself when the config's "vars" writes it as JSON. */
  MODEL_ALIASES?: string | Record<string, unknown>;
  /** Comma-separated models tried in order when a model is busy (3040) or retired (5028). */
  FALLBACK_MODELS?: string;
  AI_GATEWAY_ID?: string;
  /** Comma-separated origins allowed by CORS, or `*`. */
  CORS_ORIGINS?: string;
  /** Shortest time between two writes of a streamed answer, in milliseconds. */
  STREAM_FLUSH_MS?: string;
  /** The limit of a streamed answer whose request sets none, in tokens (1,024 by default). */
  STREAM_MAX_TOKENS?: string;
  CACHE_TTL_SECONDS?: string;
  /** Threads, runs, responses and conversations (the default state store): a SQLite-backed Durable Object. */
  STATE?: DurableObjectNamespace<StateObject>;
  /** `kv` keeps that state in KV instead (docs/state.md); unset or `durable-object` uses STATE. */
  STATE_STORE?: string;
  /** The KV namespace for STATE_STORE=kv; CACHE when absent. */
  STATE_KV?: KVNamespace;
  /** `off`: record no usage (then BUDGETS cannot be enforced and must be unset). */
  USAGE?: string;
  /** JSON: daily limits per project and an account-wide neuron guard (README "Usage and budgets"). */
  BUDGETS?: string;
  /** Secret: keys that read every project's usage (Usage API, dashboard), comma- or newline-separated. */
  ADMIN_KEYS?: string;
  /** The deployed version (binding `version_metadata`): part of every cache key. */
  CF_VERSION_METADATA?: { id: string; tag?: string; timestamp?: string };
}
