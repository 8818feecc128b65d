// GET /v1/organization/budgets: today's limits, spending and what is left, for the caller's project (an admin
// key: every project with a budget or with usage this month). The dashboard reads it; so can scripts.
import type { Context } from "hono";
import type { Env } from "../env.js";
import { principal } from "../http/principal.js";
import { limitsFor } from "./budgets.js";
import { dayStartSeconds, msToMidnight, utcDay } from "./day.js";
import { budgetsOf } from "./settings.js";
import { requireLedger } from "./store.js";

const remaining = (limit: number | undefined, used: number) => (limit === undefined ? null : Math.max(0, limit - used));

export async function getBudgets(c: Context<{ Bindings: Env }>) {
  const nowMs = Date.now();
  const budgets = budgetsOf(c.env);
  const ledger = requireLedger(c.env);
  const admin = c.get("admin") === true;
  const projects = admin
    ? [...new Set([...(await ledger.usageProjects(utcDay(nowMs - 30 * 86_400_000), nowMs)), ...(budgets?.projects.keys() ?? [])])].sort()
    : [principal(c).project];
  const spent = await ledger.spentToday(projects, nowMs);
  const accountUsed = spent[0]?.accountNeurons ?? 0;
  return c.json({
    object: "organization.budgets",
    date: utcDay(nowMs),
    resets_at: dayStartSeconds(utcDay(nowMs)) + 86_400,
    resets_in_seconds: Math.ceil(msToMidnight(nowMs) / 1000),
    account: admin
      ? {
          neurons_limit: budgets?.accountNeurons ?? null,
          neurons_used: round(accountUsed),
          neurons_remaining: nullable(remaining(budgets?.accountNeurons, accountUsed)),
        }
      : null,
    projects: projects.map((project, i) => {
      const limits = limitsFor(budgets, project);
      const s = spent[i];
      return {
        project_id: project,
        limits: {
          neurons: limits.neurons ?? null,
          requests: limits.requests ?? null,
          tokens: limits.tokens ?? null,
          requests_per_minute: limits.requests_per_minute ?? null,
        },
        used: { neurons: round(s.neurons), requests: s.requests, tokens: s.tokens },
        remaining: {
          neurons: nullable(remaining(limits.neurons, s.neurons)),
          requests: remaining(limits.requests, s.requests),
          tokens: remaining(limits.tokens, s.tokens),
        },
      };
    }),
  });
}

const round = (x: number) => Math.round(x * 100) / 100;
const nullable = (x: number | null) => (x === null ? null : round(x));
