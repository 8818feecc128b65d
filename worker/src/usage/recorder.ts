// Records go to the ledger from the request that made them, in that request's waitUntil: workerd ties I/O and
// timers to the request that started them, so records of several requests cannot share one call safely.
import type { Env } from "../env.js";
import type { UsageRecord } from "./record.js";
import { ledgerOf } from "./store.js";

export async function record(env: Env, records: UsageRecord[]): Promise<void> {
  const ledger = ledgerOf(env);
  if (!ledger) return;
  try {
    await ledger.recordUsage(records, Date.now());
  } catch (error) {
    // Accounting must never fail a request that has already been answered.
    console.error("usage: could not record", error instanceof Error ? error.message : String(error));
  }
}
