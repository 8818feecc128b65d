// Where the ledger lives: one object of the state Durable Object class, named so that no thread, response or
// conversation can have its name. Usage needs the STATE binding (the shipped config has it); without it the
// proxy does not account and the Usage API says why.
import type { Env } from "../env.js";
import { ApiError } from "../http/errors.js";
import type { StateObject } from "../state/durable-object.js";

export const LEDGER_OBJECT = "usage-ledger";

export type LedgerStub = Pick<StateObject, "recordUsage" | "admitUsage" | "queryUsage" | "usageErrors" | "spentToday" | "usageProjects">;

export function ledgerOf(env: Env): LedgerStub | undefined {
  const ns = env.STATE;
  return ns ? (ns.get(ns.idFromName(LEDGER_OBJECT)) as unknown as LedgerStub) : undefined;
}

export function requireLedger(env: Env): LedgerStub {
  const ledger = ledgerOf(env);
  if (!ledger) {
    throw new ApiError(
      501,
      "Usage accounting needs the STATE Durable Object binding, which this deployment does not have.",
      "server_error",
      null,
      "usage_not_configured",
    );
  }
  return ledger;
}
