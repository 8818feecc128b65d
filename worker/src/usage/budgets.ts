// BUDGETS: daily limits per project and an account-wide neuron guard, and the one decision that applies them.
// Pure: the ledger (a Durable Object) runs `decide` inside the same transaction that counts the request, so a
// request limit is exact; token and neuron limits are known only after an answer, so requests already admitted
// can pass them (README: "How exact budgets are").
import { ConfigError } from "../config.js";
import type { ApiError } from "../http/errors.js";
import { msToMidnight, resetText } from "./day.js";

export interface Limits {
  /** Estimated neurons per UTC day. */
  neurons?: number;
  /** Requests per UTC day. */
  requests?: number;
  /** Input + output tokens per UTC day. */
  tokens?: number;
  /** Requests per minute (a rate, not a budget). */
  requests_per_minute?: number;
}

export interface Budgets {
  /** Stops every project once today's estimated neurons reach it: set it below Workers AI's 10,000. */
  accountNeurons?: number;
  projects: ReadonlyMap<string, Limits>;
  /** Limits of projects without an entry of their own ("*"). */
  others?: Limits;
}

const LIMIT_NAMES: readonly (keyof Limits)[] = ["neurons", "requests", "tokens", "requests_per_minute"];
const EXAMPLE = `e.g. {"account": {"neurons": 9000}, "projects": {"team": {"neurons": 3000, "requests": 2000}, "*": {"neurons": 500}}}`;

function parseLimits(value: unknown, where: string, allowed: readonly (keyof Limits)[]): Limits {
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new ConfigError("BUDGETS", `${where} must be an object of limits; ${EXAMPLE}.`);
  const limits: Limits = {};
  for (const [name, limit] of Object.entries(value)) {
    if (!(allowed as readonly string[]).includes(name)) {
      throw new ConfigError("BUDGETS", `${where} has "${name}"; the limits are ${allowed.join(", ")}.`);
    }
    if (typeof limit !== "number" || !Number.isFinite(limit) || limit < 0) {
      throw new ConfigError("BUDGETS", `${where}.${name} is ${JSON.stringify(limit)}; expected a number ≥ 0.`);
    }
    limits[name as keyof Limits] = limit;
  }
  return limits;
}

export function parseBudgets(text: string | undefined): Budgets | undefined {
  if (!text?.trim()) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError("BUDGETS", `is not valid JSON (${(error as Error).message}); ${EXAMPLE}.`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    throw new ConfigError("BUDGETS", `must be a JSON object; ${EXAMPLE}.`);
  const budgets: { accountNeurons?: number; projects: Map<string, Limits>; others?: Limits } = { projects: new Map() };
  for (const [key, value] of Object.entries(parsed)) {
    if (key === "account") budgets.accountNeurons = parseLimits(value, "account", ["neurons"]).neurons;
    else if (key === "projects") {
      if (!value || typeof value !== "object" || Array.isArray(value))
        throw new ConfigError("BUDGETS", `projects must be an object of project → limits; ${EXAMPLE}.`);
      for (const [project, limits] of Object.entries(value)) {
        const parsedLimits = parseLimits(limits, `projects.${project}`, LIMIT_NAMES);
        if (project === "*") budgets.others = parsedLimits;
        else budgets.projects.set(project, parsedLimits);
      }
    } else throw new ConfigError("BUDGETS", `has "${key}"; expected "account" and "projects"; ${EXAMPLE}.`);
  }
  return budgets;
}

export function limitsFor(budgets: Budgets | undefined, project: string): Limits {
  return budgets?.projects.get(project) ?? budgets?.others ?? {};
}

export const isLimited = (budgets: Budgets | undefined, project: string) =>
  budgets !== undefined && (budgets.accountNeurons !== undefined || Object.keys(limitsFor(budgets, project)).length > 0);

/** What the ledger knows when a request arrives. */
export interface Spent {
  /** Today's admitted requests of the project, this one not counted. */
  requests: number;
  tokens: number;
  neurons: number;
  /** Requests of the project admitted in this minute, this one not counted. */
  minuteRequests: number;
  /** Today's estimated neurons of every project. */
  accountNeurons: number;
}

export type Admission =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; headers: Record<string, string>; error: Pick<ApiError, "status" | "message" | "type" | "code"> };

/** Whether one more request may start now, and the x-ratelimit-* headers that describe what is limited. */
export function decide(limits: Limits, accountNeurons: number | undefined, spent: Spent, nowMs: number): Admission {
  const reset = resetText(msToMidnight(nowMs));
  const headers: Record<string, string> = {};
  const describe = (name: string, limit: number | undefined, used: number, resetAfter = reset) => {
    if (limit === undefined) return;
    headers[`x-ratelimit-limit-${name}`] = String(limit);
    headers[`x-ratelimit-remaining-${name}`] = String(Math.max(0, Math.floor(limit - used)));
    headers[`x-ratelimit-reset-${name}`] = resetAfter;
  };
  // This request counts against the request limits; tokens and neurons are counted once it has them.
  describe("requests", limits.requests, spent.requests + 1);
  describe("tokens", limits.tokens, spent.tokens);
  describe("neurons", limits.neurons, spent.neurons);
  const secondsToMidnight = String(Math.ceil(msToMidnight(nowMs) / 1000));
  const quota = (what: string) => ({
    ok: false as const,
    headers: { ...headers, "retry-after": secondsToMidnight, "x-should-retry": "false" },
    error: { status: 429, type: "insufficient_quota" as const, code: "insufficient_quota", message: `${what} It resets at 00:00 UTC.` },
  });
  if (accountNeurons !== undefined && spent.accountNeurons >= accountNeurons) {
    return quota(
      `The account's daily budget of ${accountNeurons} neurons is spent (an estimated ${Math.round(spent.accountNeurons)} used today by all projects), so every project is paused before Workers AI's own limit.`,
    );
  }
  if (limits.neurons !== undefined && spent.neurons >= limits.neurons)
    return quota(`This project's daily budget of ${limits.neurons} neurons is spent (an estimated ${Math.round(spent.neurons)} used).`);
  if (limits.tokens !== undefined && spent.tokens >= limits.tokens)
    return quota(`This project's daily budget of ${limits.tokens} tokens is spent (${spent.tokens} used).`);
  if (limits.requests !== undefined && spent.requests >= limits.requests)
    return quota(`This project's daily budget of ${limits.requests} requests is spent.`);
  if (limits.requests_per_minute !== undefined && spent.minuteRequests >= limits.requests_per_minute) {
    const secondsToNextMinute = 60 - Math.floor((nowMs % 60_000) / 1000);
    return {
      ok: false,
      headers: { ...headers, "retry-after": String(secondsToNextMinute) },
      error: {
        status: 429,
        type: "rate_limit_error" as const,
        code: "rate_limit_exceeded",
        message: `This project is limited to ${limits.requests_per_minute} requests per minute; retry in ${secondsToNextMinute} s.`,
      },
    };
  }
  return { ok: true, headers };
}
