// The Workers AI model catalogue (env.AI.models(): no API token needed), cached in KV and in the isolate.
import type { Config } from "../config.js";
import type { AiModelInfo, Env } from "../env.js";

export interface OpenAiModel {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}

/** v2: entries keep their properties (prices, for usage/prices.ts). */
const KV_KEY = "catalogue:v2";
/** The catalogue changes a few times a month; an hour keeps KV writes at ≤ 24 a day. */
const TTL_SECONDS = 3600;

let memory: { models: AiModelInfo[]; until: number } | undefined;

export async function loadCatalogue(env: Env, waitUntil: (p: Promise<unknown>) => void): Promise<AiModelInfo[]> {
  const now = Date.now();
  if (memory && memory.until > now) return memory.models;
  let models = (await env.CACHE?.get<AiModelInfo[]>(KV_KEY, "json")) ?? undefined;
  if (!models) {
    models = (await env.AI.models()).map(({ id, name, description, task, created_at, properties }) => ({ id, name, description, task, created_at, properties }));
    if (env.CACHE) waitUntil(env.CACHE.put(KV_KEY, JSON.stringify(models), { expirationTtl: TTL_SECONDS }).catch(() => {}));
  }
  memory = { models, until: now + 60_000 };
  return models;
}

/** Forget the isolate's copy (tests). */
export function forgetCatalogue() {
  memory = undefined;
}

const ownerOf = (model: string) => model.split("/")[1] ?? "cloudflare";

export function toOpenAiModels(models: AiModelInfo[], config: Config): OpenAiModel[] {
  const list: OpenAiModel[] = models.map((m) => ({
    id: m.name,
    object: "model",
    created: m.created_at ? Math.floor(Date.parse(m.created_at) / 1000) || 0 : 0,
    owned_by: ownerOf(m.name),
  }));
  const known = new Set(list.map((m) => m.id));
  for (const [alias, targets] of config.aliases) {
    if (!known.has(alias)) list.push({ id: alias, object: "model", created: 0, owned_by: ownerOf(targets[0]) });
  }
  return list;
}
