// The baseline of the CPU bench: the least a worker must do to answer an OpenAI-style chat request with Workers
// AI. It reads the JSON body, makes the same `env.AI.run(model, {messages, max_tokens, stream})` call as the
// proxy, and returns the output as-is: JSON for a plain answer, the upstream SSE bytes piped through untouched
// for a stream. No auth check, no validation, no translation, no routing library.
//
// `POST /floor` answers a constant JSON without calling AI: the fixed cost of an HTTP request through Miniflare's
// entry worker into a user worker, printed as a reference line.
//
// `?spin=N` first runs N iterations of a fixed arithmetic loop: the known workload that validates the bench's
// measure (bench/worker/validate.mjs calibrates it with a long spin and reads short ones back).
const FLOOR = JSON.stringify({ ok: true });

/** N steps of a linear congruential generator: pure JavaScript CPU, no allocation, not optimised away. */
function spin(n) {
  let x = 1;
  for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  return x;
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const spun = spin(Number(url.searchParams.get("spin") ?? 0));
    if (url.pathname === "/floor") {
      await request.arrayBuffer();
      return new Response(FLOOR, { headers: { "content-type": "application/json", "x-spun": String(spun) } });
    }
    const { model, messages, max_tokens, stream } = await request.json();
    // `stream` only when set, so that the stub receives exactly the inputs the proxy sends it.
    const output = await env.AI.run(model, stream ? { messages, max_tokens, stream } : { messages, max_tokens });
    if (output instanceof ReadableStream) return new Response(output, { headers: { "content-type": "text/event-stream" } });
    return Response.json(output);
  },
};
