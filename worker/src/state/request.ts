// What every stateful route needs: the config, the state backend, waitUntil, the URL and path ids.
import type { Context } from "hono";
import { readConfig, type Config } from "../config.js";
import { readJsonObject } from "../http/json.js";
import type { Env } from "../env.js";
import { principal } from "../http/principal.js";
import { requireKey } from "./ids.js";
import { ProjectBackend } from "./project.js";
import { stateBackend } from "./select.js";

export type StateContext = Context<{ Bindings: Env }>;

export interface StateRequest {
  env: Env;
  config: Config;
  /** The state of the caller's project (project.ts): other projects' objects are not found through it. */
  backend: ProjectBackend;
  waitUntil: (promise: Promise<unknown>) => void;
  url: URL;
  /** The storage key inside a path parameter's id; a 404 naming `what` when the id cannot exist. */
  key(param: string, prefix: string, what: string, length?: number): string;
}

export function stateRequest(c: StateContext): StateRequest {
  return {
    env: c.env,
    config: readConfig(c.env),
    backend: new ProjectBackend(stateBackend(c.env), principal(c).project),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    url: new URL(c.req.url),
    key: (param, prefix, what, length) => requireKey(c.req.param(param) ?? "", prefix, what, length),
  };
}

/** A JSON body that may be left out altogether (`threads.create()` and `conversations.create()` send none). */
export async function readOptionalBody(request: Request): Promise<Record<string, unknown>> {
  try {
    return await readJsonObject(request);
  } catch (error) {
    if ((error as Error).message?.startsWith("The request body is empty")) return {};
    throw error;
  }
}
