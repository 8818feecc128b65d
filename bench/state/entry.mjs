// The proxy worker as the bench runs it in Miniflare: the same worker and Durable Object class, with its
// state bindings wrapped by counters, and two extra routes to read and reset them. (JavaScript: esbuild
// bundles it with the worker's TypeScript; the Node-side typecheck of bench/ has no workerd types.)
import worker, { StateObject } from "../../worker/src/index.ts";
import { countingKv, countingNamespace, newCounters } from "./counting.ts";

export { StateObject };

const counters = newCounters();
/** One wrapped env per env: the KV backend keeps per-isolate state per namespace object, as in production. */
const wrapped = new WeakMap();

export default {
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    if (path === "/__bench/counters") return Response.json(counters);
    if (path === "/__bench/reset") return (Object.assign(counters, newCounters()), new Response("reset"));
    counters.workerRequests++;
    let metered = wrapped.get(env);
    if (!metered) {
      metered = {
        ...env,
        STATE: env.STATE && countingNamespace(env.STATE, counters),
        STATE_KV: env.STATE_KV && countingKv(env.STATE_KV, counters),
      };
      wrapped.set(env, metered);
    }
    return worker.fetch(request, metered, ctx);
  },
};
