// The authenticated caller of a /v1 request: the project that owns what it stores, and the key's name.
// (Until API_KEYS names projects, every key belongs to the project "default".)
import type { Context } from "hono";

export interface Principal {
  project: string;
  name: string;
}

declare module "hono" {
  interface ContextVariableMap {
    project: string;
    keyName: string;
  }
}

/** The caller's project and key name; only /v1 routes have one (they all pass the auth middleware). */
export function principal(c: Context): Principal {
  return { project: c.get("project") ?? "default", name: c.get("keyName") ?? "default" };
}
