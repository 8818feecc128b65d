// Which backend holds the state: STATE_STORE unset (or "durable-object") → the STATE Durable Object;
// "kv" → KV (the STATE_KV namespace if bound, else CACHE).
import { ConfigError } from "../config.js";
import type { Env } from "../env.js";
import type { StateBackend } from "./backend.js";
import { DurableObjectBackend } from "./do-backend.js";
import { KvBackend } from "./kv-backend.js";

const chosen = new WeakMap<Env, StateBackend>();

export function stateBackend(env: Env): StateBackend {
  let backend = chosen.get(env);
  if (!backend) chosen.set(env, (backend = choose(env)));
  return backend;
}

function choose(env: Env): StateBackend {
  const store = (env.STATE_STORE ?? "").trim().toLowerCase();
  if (store === "kv") {
    const kv = env.STATE_KV ?? env.CACHE;
    if (!kv) throw new ConfigError("STATE_STORE", 'is "kv", but neither a STATE_KV nor a CACHE KV namespace is bound.');
    return new KvBackend(kv);
  }
  if (store !== "" && store !== "durable-object")
    throw new ConfigError("STATE_STORE", `is "${env.STATE_STORE}"; expected "durable-object" (the default) or "kv".`);
  if (!env.STATE)
    throw new ConfigError(
      "STATE_STORE",
      'selects the Durable Object backend, but no STATE Durable Object binding exists (see worker/wrangler.jsonc), or set STATE_STORE to "kv".',
    );
  return new DurableObjectBackend(env.STATE);
}
