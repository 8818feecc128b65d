// The Workers AI model catalogue (env.AI.models(): no API token needed), cached in KV and in the isolate, and what
// the proxy reads from it: which models are active, their context window and capabilities.
//
// How fast a retirement is noticed: the isolate keeps its copy for a minute and KV for an hour, so a model Cloudflare
// drops from the catalogue stops being chosen within about an hour. Meanwhile the first call of a retired model
// fails with 5028; the isolate remembers that (learnRetired) and stops choosing the model at once, and the call
// moves on to the alias's next candidate (run.ts), so users see no failure.
import type { AiModelInfo, Env } from "../env.js";
import { type Price, priceOf } from "../usage/prices.js";
import { RETIRED_MODELS } from "./retired.js";

/** What the proxy needs to know about a listed model. */
export interface ModelFacts {
  name: string;
  task: string;
  created: number;
  contextWindow?: number;
  functionCalling: boolean;
  reasoning: boolean;
  vision: boolean;
  paidOnly: boolean;
  plannedDeprecation?: string;
  /** What it costs (the catalogue's `price`), for usage accounting (usage/prices.ts). */
  price?: Price;
}

export type CatalogueIndex = ReadonlyMap<string, ModelFacts>;

const KV_KEY = "catalogue:v2";
/** The catalogue changes a few times a month; an hour keeps KV writes at ≤ 24 a day. */
const TTL_SECONDS = 3600;
const MEMORY_MS = 60_000;

let memory: { index: CatalogueIndex; models: ModelFacts[]; until: number } | undefined;
/** Models this isolate saw fail with 5028 since it last read the catalogue, with the date the error gave. */
let learned = new Map<string, string | null>();

const flag = (value: unknown) => value === true || value === "true";

/** The facts of one catalogue entry (property values are strings in Cloudflare's answer). */
export function factsOf(m: AiModelInfo): ModelFacts {
  const props = new Map((m.properties ?? []).map((p) => [p.property_id, p.value]));
  const context = Number(props.get("context_window") ?? props.get("max_input_tokens"));
  const planned = props.get("planned_deprecation_date");
  const price = priceOf(m);
  return {
    name: m.name,
    task: m.task?.name ?? "",
    created: m.created_at ? Math.floor(Date.parse(m.created_at) / 1000) || 0 : 0,
    ...(Number.isInteger(context) && context > 0 ? { contextWindow: context } : {}),
    functionCalling: flag(props.get("function_calling")),
    reasoning: flag(props.get("reasoning")),
    vision: flag(props.get("vision")),
    paidOnly: flag(props.get("require_workers_paid")),
    ...(typeof planned === "string" && planned ? { plannedDeprecation: planned } : {}),
    ...(price ? { price } : {}),
  };
}

/** The active models, one cached lookup per request: isolate memory, else KV, else the binding. */
export async function loadCatalogue(env: Env, waitUntil?: (p: Promise<unknown>) => void): Promise<ModelFacts[]> {
  return (await load(env, waitUntil)).models;
}

/** The catalogue as a Map by model id. */
export async function loadCatalogueIndex(env: Env, waitUntil?: (p: Promise<unknown>) => void): Promise<CatalogueIndex> {
  return (await load(env, waitUntil)).index;
}

/** After a failed read, the isolate waits this long before asking again (requests meanwhile use no catalogue). */
const RETRY_MS = 10_000;
let failed: { error: unknown; until: number } | undefined;

async function load(env: Env, waitUntil?: (p: Promise<unknown>) => void) {
  const now = Date.now();
  if (memory && memory.until > now) return memory;
  if (failed && failed.until > now) throw failed.error;
  try {
    return await read(env, now, waitUntil);
  } catch (error) {
    failed = { error, until: now + RETRY_MS };
    throw error;
  }
}

async function read(env: Env, now: number, waitUntil?: (p: Promise<unknown>) => void) {
  let models = (await env.CACHE?.get<ModelFacts[]>(KV_KEY, "json")) ?? undefined;
  if (!Array.isArray(models)) {
    models = (await env.AI.models()).map(factsOf);
    const put = env.CACHE?.put(KV_KEY, JSON.stringify(models), { expirationTtl: TTL_SECONDS }).catch(() => {});
    if (put) (waitUntil ?? (() => {}))(put);
  }
  // A fresh copy of the catalogue knows better than what this isolate learned before it.
  learned = new Map([...learned].filter(([name]) => models!.some((m) => m.name === name)));
  memory = { models, index: new Map(models.map((m) => [m.name, m])), until: now + MEMORY_MS };
  return memory;
}

/**
 * For choosing a model: the catalogue, or an empty one when it cannot be read (Workers AI's listing down): then
 * the candidates are tried in their configured order, so a listing failure never fails a request by itself.
 */
export async function catalogueForChoosing(env: Env, waitUntil?: (p: Promise<unknown>) => void): Promise<CatalogueIndex> {
  try {
    return await loadCatalogueIndex(env, waitUntil);
  } catch (error) {
    console.warn(`The Workers AI catalogue could not be read; trying models in their configured order: ${String(error)}`);
    return new Map();
  }
}

/** A model failed with 5028: stop choosing it in this isolate until the catalogue drops it too. */
export function learnRetired(model: string, date: string | null): void {
  learned.set(model, date);
}

/** Retired, as far as the proxy knows: undefined when not; else the date (null when unknown). */
export function retiredOn(model: string): string | null | undefined {
  if (learned.has(model)) return learned.get(model);
  return RETIRED_MODELS.get(model);
}

/** Forget the isolate's copy and what it learned (tests: the production path re-reads after MEMORY_MS). */
export function forgetCatalogue(): void {
  memory = undefined;
  failed = undefined;
  learned = new Map();
}

/** The KV key of the cached catalogue (tests delete it to force a fresh read). */
export const CATALOGUE_KV_KEY = KV_KEY;
