// Every /v1 request that runs a model passes here: budgets are checked before it (one Durable Object call, only
// when BUDGETS limits its project), and its meter records what it cost after it has been answered.
import type { Context, Next } from "hono";
import type { Env } from "../env.js";
import { ApiError } from "../http/errors.js";
import { principal } from "../http/principal.js";
import { isLimited, limitsFor } from "./budgets.js";
import { Meter } from "./meter.js";
import type { UsageKind } from "./record.js";
import { budgetsOf, usageOff } from "./settings.js";
import { ledgerOf, requireLedger } from "./store.js";

const METERED: [RegExp, UsageKind][] = [
  [/^\/v1\/chat\/completions$/, "completions"],
  [/^\/v1\/completions$/, "completions"],
  [/^\/v1\/responses$/, "completions"],
  [/^\/v1\/threads\/runs$/, "completions"],
  [/^\/v1\/threads\/[^/]+\/runs(?:\/[^/]+\/submit_tool_outputs)?$/, "completions"],
  [/^\/v1\/embeddings$/, "embeddings"],
  [/^\/v1\/images\/generations$/, "images"],
  [/^\/v1\/audio\/speech$/, "audio_speeches"],
  [/^\/v1\/audio\/transcriptions$/, "audio_transcriptions"],
];

/** Which Usage API kind a request counts as; undefined for requests that run no model. */
export function meteredKind(method: string, path: string): UsageKind | undefined {
  if (method !== "POST") return undefined;
  return METERED.find(([pattern]) => pattern.test(path))?.[1];
}

export async function metering(c: Context<{ Bindings: Env }>, next: Next): Promise<void> {
  const kind = meteredKind(c.req.method, new URL(c.req.url).pathname);
  if (!kind) return next();
  const { project, name } = principal(c);
  const budgets = budgetsOf(c.env);
  let headers: Record<string, string> = {};
  if (isLimited(budgets, project)) {
    const admission = await requireLedger(c.env).admitUsage({
      project,
      limits: limitsFor(budgets, project),
      accountNeurons: budgets?.accountNeurons,
      nowMs: Date.now(),
    });
    headers = admission.headers;
    if (!admission.ok) {
      // Refusals are not recorded: a script hammering a spent budget must not spend the ledger's writes too.
      const e = admission.error;
      throw new ApiError(e.status, e.message, e.type, null, e.code, headers);
    }
  }
  const meter = ledgerOf(c.env) && !usageOff(c.env) ? new Meter(c.env, (p) => c.executionCtx.waitUntil(p), kind, project, name) : undefined;
  c.set("meter", meter);
  await next();
  meter?.close(c.res.status);
  for (const [key, value] of Object.entries(headers)) c.res.headers.set(key, value);
}
