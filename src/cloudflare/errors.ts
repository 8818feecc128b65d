// Cloudflare's refusals, said the way a user can act on them: what was being done, Cloudflare's own reason
// and code, and what usually causes that status.
import { APIConnectionError, APIError } from "cloudflare";

const HINTS: Record<number, string> = {
  401: "the API token is invalid or expired",
  403: "the API token lacks a permission for this (README: Token permissions)",
  404: "check account-id: the account does not exist or the token cannot use it",
};

export class CloudflareRefusal extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = "CloudflareRefusal";
  }
}

export function explain(error: unknown, what: string): unknown {
  if (error instanceof APIConnectionError)
    return new CloudflareRefusal(undefined, `could not reach Cloudflare to ${what}: ${error.message}`);
  if (!(error instanceof APIError)) return error;
  const errors = ((error.errors ?? []) as { code?: number; message?: string }[]).filter((e) => e && (e.message || e.code));
  const reason = errors.length
    ? errors.map((e) => `${e.message ?? "error"}${e.code ? ` [code: ${e.code}]` : ""}`).join("; ")
    : error.message;
  const status = typeof error.status === "number" ? error.status : undefined;
  const hint = status !== undefined ? HINTS[status] : undefined;
  return new CloudflareRefusal(status, `Cloudflare refused to ${what} (HTTP ${status ?? "?"}): ${reason}${hint ? ` — ${hint}` : ""}`);
}

/** Runs a Cloudflare call, turning its failure into a CloudflareRefusal that says what was being done. */
export async function attempt<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw explain(error, what);
  }
}
