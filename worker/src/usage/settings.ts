// The usage settings: BUDGETS (JSON) and ADMIN_KEYS (a secret), read once per isolate like the rest of the config.
import type { Env } from "../env.js";
import { authorize } from "../http/auth.js";
import { ConfigError } from "../config.js";
import { type Budgets, parseBudgets } from "./budgets.js";

let cachedSource: string | undefined;
let cached: Budgets | undefined;

/** Usage is recorded unless USAGE is "off" (or there is no STATE binding to keep it in). */
export function usageOff(env: Env): boolean {
  const value = env.USAGE?.trim().toLowerCase() ?? "";
  if (value !== "" && value !== "on" && value !== "off")
    throw new ConfigError("USAGE", `is "${env.USAGE}"; expected "on" (the default) or "off".`);
  return value === "off";
}

export function budgetsOf(env: Env): Budgets | undefined {
  if (env.BUDGETS === cachedSource) return cached;
  const budgets = parseBudgets(env.BUDGETS);
  if (budgets && usageOff(env))
    throw new ConfigError("BUDGETS", "is set but USAGE is off: budgets are counted from the recorded usage. Unset one of them.");
  cachedSource = env.BUDGETS;
  cached = budgets;
  return budgets;
}

/** The request carries one of ADMIN_KEYS (compared in constant time, like every key). */
export function isAdmin(request: Request, env: Env): boolean {
  if (!env.ADMIN_KEYS?.trim()) return false;
  try {
    authorize(request, env.ADMIN_KEYS);
    return true;
  } catch {
    return false;
  }
}
