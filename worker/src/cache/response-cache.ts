// The KV response cache: deterministic requests (temperature 0 or a seed; embeddings always) are answered
// again without calling Workers AI. KV writes are scarce on the free plan (1,000 a day), so: one write per
// distinct answer at most, none on a hit, none for an answer that was cut short or failed, and none at all
// once KV says the day's writes are used up.
import type { Config } from "../config.js";
import type { Env } from "../env.js";

export type CacheStatus = "HIT" | "MISS" | "BYPASS";

/** Bump when the cached value's shape changes; the deployed version id is part of the key as well. */
const FORMAT = 1;
/** KV values above this are not worth a read on every hit (and come near KV's 25 MiB limit). */
const MAX_VALUE_BYTES = 1024 * 1024;

let writesRefusedUntil = 0;

export interface CacheSlot<T> {
  key: string;
  hit: T | undefined;
}

/**
 * The cache entry's kind for a caller's project: projects do not see each other's cached answers (which would
 * tell one project what another asked) unless CACHE_SCOPE=shared. Project names hold no '/'.
 */
export function scopedKind(config: Config, project: string, kind: string): string {
  return config.cacheScope === "shared" ? kind : `${kind}/${project}`;
}

export function cacheEnabled(env: Env, config: Config): boolean {
  return env.CACHE !== undefined && config.cacheTtlSeconds > 0;
}

export async function cacheKey(env: Env, kind: string, model: string, inputs: Record<string, unknown>): Promise<string> {
  const version = env.CF_VERSION_METADATA?.id ?? "dev";
  const material = JSON.stringify([FORMAT, version, kind, model, inputs]);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(material));
  return `resp:${kind}:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Looks the request up; undefined when caching does not apply (then the answer is sent with x-cache: BYPASS). */
export async function lookup<T>(
  env: Env,
  config: Config,
  eligible: boolean,
  kind: string,
  model: string,
  inputs: Record<string, unknown>,
): Promise<CacheSlot<T> | undefined> {
  if (!eligible || !cacheEnabled(env, config)) return undefined;
  const key = await cacheKey(env, kind, model, inputs);
  let hit: T | undefined;
  try {
    hit = (await env.CACHE!.get<T>(key, "json")) ?? undefined;
  } catch {
    hit = undefined; // a cache that cannot be read is a miss, never a failed request
  }
  return { key, hit };
}

export function store(
  env: Env,
  config: Config,
  slot: CacheSlot<unknown> | undefined,
  value: unknown,
  waitUntil: (p: Promise<unknown>) => void,
): void {
  if (!slot || slot.hit !== undefined || !cacheEnabled(env, config) || Date.now() < writesRefusedUntil) return;
  const text = JSON.stringify(value);
  if (text.length > MAX_VALUE_BYTES) return;
  waitUntil(
    env.CACHE!.put(slot.key, text, { expirationTtl: config.cacheTtlSeconds }).catch((error: unknown) => {
      // Out of daily writes (or rate limited): stop trying in this isolate until the quota resets.
      if (/429|limit|quota/i.test(String(error))) writesRefusedUntil = nextUtcMidnight();
    }),
  );
}

export function cacheHeader(slot: CacheSlot<unknown> | undefined): CacheStatus {
  return slot === undefined ? "BYPASS" : slot.hit !== undefined ? "HIT" : "MISS";
}

function nextUtcMidnight(): number {
  const d = new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
