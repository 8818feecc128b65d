// The usage settings: BUDGETS (JSON) and ADMIN_KEYS (a secret), read once per isolate like the rest of the config.
import type { Env } from "../env.js";
import { authorize } from "../http/auth.js";
import { type Budgets, parseBudgets } from "./budgets.js";

let cachedSource: string | undefined;
let cached: Budgets | undefined;

export function budgetsOf(env: Env): Budgets | undefined {
  if (env.BUDGETS === cachedSource) return cached;
  const budgets = parseBudgets(env.BUDGETS);
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
