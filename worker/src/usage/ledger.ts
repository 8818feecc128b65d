// The usage ledger: SQLite in one Durable Object ("usage"). One row per (day, project, key, model, kind) holds
// the day's sums, so a request costs one row written (plus one when it failed, plus one when budgets count it);
// Workers Free allows 100,000 rows written a day. Days older than RETENTION_DAYS are dropped.
import { type Admission, decide, type Limits, type Spent } from "./budgets.js";
import { utcDay } from "./day.js";
import type { UsageKind, UsageRecord } from "./record.js";

export const RETENTION_DAYS = 62;

export interface AdmitRequest {
  project: string;
  limits: Limits;
  accountNeurons?: number;
  nowMs: number;
}

export type GroupField = "project_id" | "api_key_id" | "model";

export interface UsageQuery {
  kind: UsageKind;
  /** Inclusive first and exclusive last UTC day ("YYYY-MM-DD"). */
  fromDay: string;
  toDay: string;
  /** Only these projects (undefined: all, for admin keys). */
  projects?: readonly string[];
  keyNames?: readonly string[];
  models?: readonly string[];
  groupBy: readonly GroupField[];
}

export interface UsageRow {
  day: string;
  project: string | null;
  key_name: string | null;
  model: string | null;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
  neurons: number;
  cache_hits: number;
  neurons_saved: number;
  images: number;
  characters: number;
  audio_seconds: number;
  errors: number;
}

export interface ErrorRow {
  day: string;
  project: string;
  status: number;
  count: number;
}

const SUMS = [
  "requests",
  "input_tokens",
  "output_tokens",
  "cached_tokens",
  "reasoning_tokens",
  "neurons",
  "cache_hits",
  "neurons_saved",
  "images",
  "characters",
  "audio_seconds",
  "errors",
] as const;

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS usage (day TEXT NOT NULL, project TEXT NOT NULL, key_name TEXT NOT NULL, model TEXT NOT NULL,
    kind TEXT NOT NULL, ${SUMS.map((s) => `${s} REAL NOT NULL DEFAULT 0`).join(", ")},
    PRIMARY KEY (day, project, key_name, model, kind)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS usage_errors (day TEXT NOT NULL, project TEXT NOT NULL, kind TEXT NOT NULL, status INTEGER NOT NULL,
    count INTEGER NOT NULL, PRIMARY KEY (day, project, kind, status)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS admissions (period TEXT NOT NULL, project TEXT NOT NULL, requests INTEGER NOT NULL,
    PRIMARY KEY (period, project)) WITHOUT ROWID`,
];

const GROUP_COLUMN: Record<GroupField, string> = { project_id: "project", api_key_id: "key_name", model: "model" };

export interface RowCounts {
  rowsRead: number;
  rowsWritten: number;
}

export class UsageLedger {
  readonly counts: RowCounts = { rowsRead: 0, rowsWritten: 0 };
  private created = false;
  private prunedDay = "";

  constructor(private readonly sql: SqlStorage) {}

  private exec(query: string, ...bindings: SqlStorageValue[]): Record<string, SqlStorageValue>[] {
    const cursor = this.sql.exec(query, ...bindings);
    const rows = cursor.toArray();
    this.counts.rowsRead += cursor.rowsRead;
    this.counts.rowsWritten += cursor.rowsWritten;
    return rows;
  }

  private ensure(nowMs: number): void {
    if (!this.created) {
      for (const statement of SCHEMA) this.exec(statement);
      this.created = true;
    }
    const today = utcDay(nowMs);
    if (this.prunedDay !== today) {
      // Once a day per object: a few rows deleted, never a scan per request.
      const oldest = utcDay(nowMs - RETENTION_DAYS * 86_400_000);
      this.exec("DELETE FROM usage WHERE day < ?", oldest);
      this.exec("DELETE FROM usage_errors WHERE day < ?", oldest);
      this.exec("DELETE FROM admissions WHERE period < ?", today);
      this.prunedDay = today;
    }
  }

  record(records: readonly UsageRecord[], nowMs: number): void {
    this.ensure(nowMs);
    for (const r of records) {
      const values = [
        r.requests,
        r.inputTokens,
        r.outputTokens,
        r.cachedTokens,
        r.reasoningTokens,
        r.neurons,
        r.cacheHits,
        r.neuronsSaved,
        r.images,
        r.characters,
        r.audioSeconds,
        r.errorStatus ? 1 : 0,
      ];
      this.exec(
        `INSERT INTO usage (day, project, key_name, model, kind, ${SUMS.join(", ")}) VALUES (?, ?, ?, ?, ?, ${SUMS.map(() => "?").join(", ")})
         ON CONFLICT (day, project, key_name, model, kind) DO UPDATE SET ${SUMS.map((s) => `${s} = ${s} + excluded.${s}`).join(", ")}`,
        r.day,
        r.project,
        r.keyName,
        r.model,
        r.kind,
        ...values,
      );
      if (r.errorStatus) {
        this.exec(
          `INSERT INTO usage_errors (day, project, kind, status, count) VALUES (?, ?, ?, ?, 1)
           ON CONFLICT (day, project, kind, status) DO UPDATE SET count = count + 1`,
          r.day,
          r.project,
          r.kind,
          r.errorStatus,
        );
      }
    }
  }

  /** What the project and the account spent today, without counting anything. */
  spent(project: string, nowMs: number): Spent {
    this.ensure(nowMs);
    const day = utcDay(nowMs);
    const minute = new Date(nowMs).toISOString().slice(0, 16);
    const mine = this.exec(
      `SELECT COALESCE(SUM(input_tokens + output_tokens), 0) AS tokens, COALESCE(SUM(neurons), 0) AS neurons,
        COALESCE(SUM(requests), 0) AS requests FROM usage WHERE day = ? AND project = ?`,
      day,
      project,
    )[0];
    const all = this.exec("SELECT COALESCE(SUM(neurons), 0) AS neurons FROM usage WHERE day = ?", day)[0];
    const admitted = (period: string) =>
      Number(this.exec("SELECT requests FROM admissions WHERE period = ? AND project = ?", period, project)[0]?.requests ?? 0);
    return {
      // Admissions are counted only under a request limit; recorded requests lag the ones still running.
      requests: Math.max(admitted(day), Number(mine.requests)),
      tokens: Number(mine.tokens),
      neurons: Number(mine.neurons),
      minuteRequests: admitted(minute),
      accountNeurons: Number(all.neurons),
    };
  }

  /** Decides and counts in one step: concurrent requests are admitted one at a time, so a request limit holds exactly. */
  admit(request: AdmitRequest): Admission {
    const spent = this.spent(request.project, request.nowMs);
    const admission = decide(request.limits, request.accountNeurons, spent, request.nowMs);
    if (!admission.ok) return admission;
    // The counter is set to what was decided on, so a limit added during the day starts from the recorded requests.
    const count = (period: string, value: number) =>
      this.exec(
        "INSERT INTO admissions (period, project, requests) VALUES (?, ?, ?) ON CONFLICT (period, project) DO UPDATE SET requests = excluded.requests",
        period,
        request.project,
        value,
      );
    if (request.limits.requests !== undefined) count(utcDay(request.nowMs), spent.requests + 1);
    if (request.limits.requests_per_minute !== undefined)
      count(new Date(request.nowMs).toISOString().slice(0, 16), spent.minuteRequests + 1);
    return admission;
  }

  /** Projects with usage since `fromDay`, for an admin's view. */
  projects(fromDay: string, nowMs: number): string[] {
    this.ensure(nowMs);
    return this.exec("SELECT DISTINCT project FROM usage WHERE day >= ? ORDER BY project", fromDay).map((r) => String(r.project));
  }

  query(q: UsageQuery, nowMs: number): UsageRow[] {
    this.ensure(nowMs);
    const where = ["kind = ?", "day >= ?", "day < ?"];
    const bindings: SqlStorageValue[] = [q.kind, q.fromDay, q.toDay];
    const filter = (column: string, values: readonly string[] | undefined) => {
      if (!values) return;
      where.push(values.length ? `${column} IN (${values.map(() => "?").join(", ")})` : "0");
      bindings.push(...values);
    };
    filter("project", q.projects);
    filter("key_name", q.keyNames);
    filter("model", q.models);
    const groups = q.groupBy.map((g) => GROUP_COLUMN[g]);
    const columns = ["project", "key_name", "model"].map((c) => (groups.includes(c) ? c : `NULL AS ${c}`));
    const rows = this.exec(
      `SELECT day, ${columns.join(", ")}, ${SUMS.map((s) => `SUM(${s}) AS ${s}`).join(", ")} FROM usage WHERE ${where.join(" AND ")}
       GROUP BY ${["day", ...groups].join(", ")} ORDER BY ${["day", ...groups].join(", ")}`,
      ...bindings,
    );
    return rows as unknown as UsageRow[];
  }

  errors(fromDay: string, toDay: string, projects: readonly string[] | undefined, nowMs: number): ErrorRow[] {
    this.ensure(nowMs);
    const scope = projects ? ` AND project IN (${projects.map(() => "?").join(", ") || "NULL"})` : "";
    return this.exec(
      `SELECT day, project, status, SUM(count) AS count FROM usage_errors WHERE day >= ? AND day < ?${scope} GROUP BY day, project, status ORDER BY day`,
      fromDay,
      toDay,
      ...(projects ?? []),
    ) as unknown as ErrorRow[];
  }
}
