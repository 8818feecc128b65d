// The authenticated caller of a /v1 request, kept in Hono's context variables by app.ts: the project that owns
// what the request stores and reads, and the key's name for logs and accounting. Never the key.
import type { Context } from "hono";
import type { Principal } from "./auth.js";

declare module "hono" {
  interface ContextVariableMap {
    project: string;
    keyName: string;
  }
}

export function setPrincipal(c: Context, principal: Principal): void {
  c.set("project", principal.project);
  c.set("keyName", principal.name);
}

/** The caller's project and key name; only /v1 routes have one (they all pass the auth middleware). */
export function principal(c: Context): Principal {
  const project = c.get("project");
  if (project === undefined) throw new Error("principal() called on a route without authentication");
  return { project, name: c.get("keyName") };
}
