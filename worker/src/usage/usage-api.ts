// GET /v1/organization/usage/{completions,embeddings,images,audio_speeches,audio_transcriptions}: OpenAI's
// Usage API shape (pages of daily buckets of results), so tools that read OpenAI's usage read this proxy's.
// A key sees its own project; an ADMIN_KEYS key sees every project. Neurons come as extra fields.
import type { Context } from "hono";
import type { Env } from "../env.js";
import { ApiError, badRequest } from "../http/errors.js";
import { principal } from "../http/principal.js";
import { dayStartSeconds, daysBetween, utcDay } from "./day.js";
import type { GroupField, UsageRow } from "./ledger.js";
import { USAGE_KINDS, type UsageKind } from "./record.js";
import { requireLedger } from "./store.js";

const GROUP_FIELDS: readonly GroupField[] = ["project_id", "api_key_id", "model"];
const MAX_BUCKETS = 31;
const DEFAULT_BUCKETS = 7;

/** `name`, `name[]` and comma-separated values all count (the SDK sends `group_by[]=model`). */
function listParam(url: URL, name: string): string[] | undefined {
  const values = [...url.searchParams.getAll(name), ...url.searchParams.getAll(`${name}[]`)]
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
}

function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,12}$/.test(raw))
    throw badRequest(`${name} must be a whole number (Unix seconds for times), got "${raw.slice(0, 40)}".`, name);
  return Number(raw);
}

export interface UsageParams {
  kind: UsageKind;
  days: string[];
  groupBy: GroupField[];
  projects?: string[];
  keyNames?: string[];
  models?: string[];
}

/** Parses and checks the query; `days` are the buckets of this page (one more is fetched to know has_more). */
export function parseUsageQuery(kindText: string, url: URL, nowMs: number): UsageParams & { limit: number; allDays: string[] } {
  if (!(USAGE_KINDS as readonly string[]).includes(kindText)) {
    throw new ApiError(
      404,
      `There is no usage endpoint "${kindText}"; this proxy has ${USAGE_KINDS.join(", ")}.`,
      "invalid_request_error",
      null,
      "unknown_route",
    );
  }
  const start = intParam(url, "start_time");
  if (start === undefined) throw badRequest("start_time is required (Unix seconds).", "start_time");
  const end = intParam(url, "end_time") ?? Math.floor(nowMs / 1000);
  if (end <= start) throw badRequest("end_time must be after start_time.", "end_time");
  const width = url.searchParams.get("bucket_width") ?? "1d";
  if (width !== "1d")
    throw badRequest(`bucket_width "${width.slice(0, 10)}" is not supported: this proxy keeps daily sums, so only "1d".`, "bucket_width");
  const limit = intParam(url, "limit") ?? DEFAULT_BUCKETS;
  if (limit < 1 || limit > MAX_BUCKETS) throw badRequest(`limit must be from 1 to ${MAX_BUCKETS} for bucket_width 1d.`, "limit");
  const groupBy = listParam(url, "group_by") ?? [];
  for (const g of groupBy) {
    if (!(GROUP_FIELDS as readonly string[]).includes(g))
      throw badRequest(`group_by "${g.slice(0, 40)}" is not supported; use ${GROUP_FIELDS.join(", ")}.`, "group_by");
  }
  const allDays = daysBetween(start, end);
  const page = url.searchParams.get("page");
  let from = 0;
  if (page !== null) {
    const day = /^page_(\d{4}-\d{2}-\d{2})$/.exec(page)?.[1];
    from = day ? allDays.indexOf(day) : -1;
    if (from < 0) throw badRequest("page is not a cursor from this query's next_page.", "page");
  }
  return {
    kind: kindText as UsageKind,
    days: allDays.slice(from, from + limit),
    allDays,
    limit,
    groupBy: groupBy as GroupField[],
    projects: listParam(url, "project_ids"),
    keyNames: listParam(url, "api_key_ids"),
    models: listParam(url, "models"),
  };
}

const n = (v: unknown) => Number(v ?? 0);

/** One result object in OpenAI's shape for its kind, plus this proxy's neurons and cache fields. */
export function resultOf(kind: UsageKind, row: UsageRow): Record<string, unknown> {
  const base = {
    num_model_requests: n(row.requests),
    project_id: row.project,
    user_id: null,
    api_key_id: row.key_name,
    model: row.model,
    neurons: Math.round(n(row.neurons) * 100) / 100,
    cache_hits: n(row.cache_hits),
    neurons_saved: Math.round(n(row.neurons_saved) * 100) / 100,
    errors: n(row.errors),
  };
  switch (kind) {
    case "completions":
      return {
        object: "organization.usage.completions.result",
        input_tokens: n(row.input_tokens),
        output_tokens: n(row.output_tokens),
        input_cached_tokens: n(row.cached_tokens),
        input_uncached_tokens: n(row.input_tokens) - n(row.cached_tokens),
        input_audio_tokens: 0,
        output_audio_tokens: 0,
        output_reasoning_tokens: n(row.reasoning_tokens),
        batch: null,
        ...base,
      };
    case "embeddings":
      return { object: "organization.usage.embeddings.result", input_tokens: n(row.input_tokens), ...base };
    case "images":
      return { object: "organization.usage.images.result", images: n(row.images), source: null, size: null, ...base };
    case "audio_speeches":
      return { object: "organization.usage.audio_speeches.result", characters: n(row.characters), ...base };
    case "audio_transcriptions":
      return { object: "organization.usage.audio_transcriptions.result", seconds: Math.round(n(row.audio_seconds)), ...base };
  }
}

/** Which projects a caller may read: its own, or (admin) any it asks for. */
export function visibleProjects(admin: boolean, own: string | undefined, asked: string[] | undefined): string[] | undefined {
  if (admin) return asked;
  return asked ? asked.filter((p) => p === own) : [own ?? ""];
}

export async function getUsage(c: Context<{ Bindings: Env }>) {
  const url = new URL(c.req.url);
  const nowMs = Date.now();
  const q = parseUsageQuery(c.req.param("kind") ?? "", url, nowMs);
  const admin = c.get("admin") === true;
  const projects = visibleProjects(admin, admin ? undefined : principal(c).project, q.projects);
  const ledger = requireLedger(c.env);
  const rows = q.days.length
    ? await ledger.queryUsage(
        {
          kind: q.kind,
          fromDay: q.days[0],
          toDay: nextDay(q.days[q.days.length - 1]),
          projects,
          keyNames: q.keyNames,
          models: q.models,
          groupBy: q.groupBy,
        },
        nowMs,
      )
    : [];
  const byDay = new Map<string, UsageRow[]>();
  for (const row of rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  const data = q.days.map((day) => ({
    object: "bucket",
    start_time: dayStartSeconds(day),
    end_time: dayStartSeconds(day) + 86_400,
    results: (byDay.get(day) ?? []).map((row) => resultOf(q.kind, row)),
  }));
  const nextIndex = q.allDays.indexOf(q.days[q.days.length - 1] ?? "") + 1;
  const hasMore = nextIndex > 0 && nextIndex < q.allDays.length;
  return c.json({ object: "page", data, has_more: hasMore, next_page: hasMore ? `page_${q.allDays[nextIndex]}` : null });
}

const nextDay = (day: string) => utcDay(dayStartSeconds(day) * 1000 + 86_400_000);

declare module "hono" {
  interface ContextVariableMap {
    /** The request carries one of ADMIN_KEYS: it may read every project's usage. */
    admin: boolean | undefined;
  }
}
