// The baseline of the CPU bench: the least a worker must do to answer an OpenAI-style chat request with Workers
// AI. It reads the JSON body, makes the same `env.AI.run(model, {messages, max_tokens, stream})` call as the
// proxy, and returns the output as-is: JSON for a plain answer, the upstream SSE bytes piped through untouched
// for a stream. No auth check, no validation, no translation, no routing library.
//
// `POST /floor` answers a constant JSON without calling AI: the fixed cost of an HTTP request through Miniflare's
// entry worker into a user worker, printed as a reference line.
const FLOOR = JSON.stringify({ ok: true });

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === "/floor") {
      await request.arrayBuffer();
      return new Response(FLOOR, { headers: { "content-type": "application/json" } });
    }
    const { model, messages, max_tokens, stream } = await request.json();
    // `stream` only when set, so that the stub receives exactly the inputs the proxy sends it.
    const output = await env.AI.run(model, stream ? { messages, max_tokens, stream } : { messages, max_tokens });
    if (output instanceof ReadableStream) return new Response(output, { headers: { "content-type": "text/event-stream" } });
    return Response.json(output);
  },
};
