// The proxy's chat route without Hono, for bench/worker/explain.mjs: the same handler (worker/src/routes/chat.ts)
// called with the four things it takes from Hono's context, after the same auth check (unless BENCH_AUTH is
// false). Bundled by explain.mjs with esbuild, like the worker itself.
import { authorize } from "../../worker/src/http/auth.ts";
import { errorResponse, toApiError } from "../../worker/src/http/errors.ts";
import { createChatCompletion } from "../../worker/src/routes/chat.ts";

export { StateObject } from "../../worker/src/state/durable-object.ts";

/* global BENCH_AUTH */
export default {
  async fetch(request, env, ctx) {
    try {
      if (BENCH_AUTH) await authorize(request, env.API_KEYS);
      const c = {
        env,
        req: { raw: request },
        executionCtx: ctx,
        json: (body, status, headers) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } }),
      };
      return await createChatCompletion(c);
    } catch (error) {
      return errorResponse(toApiError(error));
    }
  },
};
