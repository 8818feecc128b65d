// Records leave the isolate in batches: requests answered within RECORD_WINDOW_MS of each other share one call
// to the ledger, and records with the same key (day, project, key name, model, kind) are summed into one row
// write. Each request's waitUntil holds the batch it joined, so a record is never dropped with the isolate.
import type { Env } from "../env.js";
import type { UsageRecord } from "./record.js";
import { ledgerOf } from "./store.js";

export const RECORD_WINDOW_MS = 50;

const SUMMED = [
  "requests",
  "inputTokens",
  "outputTokens",
  "cachedTokens",
  "reasoningTokens",
  "neurons",
  "cacheHits",
  "neuronsSaved",
  "images",
  "characters",
  "audioSeconds",
] as const;

const keyOf = (r: UsageRecord) => `${r.day}\n${r.project}\n${r.keyName}\n${r.model}\n${r.kind}\n${r.errorStatus ?? ""}`;

/** Sums records with the same key (errors stay apart by status: the ledger counts them by status). */
export function mergeRecords(records: readonly UsageRecord[]): UsageRecord[] {
  const merged = new Map<string, UsageRecord>();
  for (const r of records) {
    const key = keyOf(r);
    const into = merged.get(key);
    if (!into) merged.set(key, { ...r });
    else for (const field of SUMMED) into[field] += r[field];
  }
  return [...merged.values()];
}

let batch: { records: UsageRecord[]; written: Promise<void> } | undefined;

/** Adds records to the isolate's current batch; the promise settles once that batch is written (or has failed). */
export function recordLater(env: Env, records: UsageRecord[]): Promise<void> {
  if (batch) {
    batch.records.push(...records);
    return batch.written;
  }
  const current = { records: [...records], written: Promise.resolve() };
  current.written = new Promise<void>((resolve) => setTimeout(resolve, RECORD_WINDOW_MS)).then(async () => {
    batch = undefined;
    const ledger = ledgerOf(env);
    if (!ledger) return;
    try {
      await ledger.recordUsage(mergeRecords(current.records), Date.now());
    } catch (error) {
      // Accounting must never fail a request that has already been answered.
      console.error("usage: could not record", error instanceof Error ? error.message : String(error));
    }
  });
  batch = current;
  return current.written;
}
