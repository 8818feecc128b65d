// The Workers AI stub served over HTTP from its own workerd process, so that the stub's CPU (a paced stream is a
// thousand timers and writes) is not counted in the process of the worker under test. remote-ai.mjs is the other
// end. POST /run {model, inputs, options}: a stream answer is returned as the response body, piped natively;
// anything else as JSON. POST /calls and /reset reach the stub's call log.
export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    try {
      if (pathname === "/calls") return Response.json(await env.STUB.calls());
      if (pathname === "/models") return Response.json(await env.STUB.models(await request.json()));
      if (pathname === "/reset") return Response.json(await env.STUB.reset());
      if (pathname !== "/run") return new Response("not found", { status: 404 });
      const { model, inputs, options } = await request.json();
      const output = await env.STUB.run(model, inputs, options);
      if (output instanceof ReadableStream) return new Response(output, { headers: { "x-output": "stream" } });
      return Response.json(output);
    } catch (error) {
      return Response.json({ name: error?.name, message: String(error?.message ?? error) }, { status: 500 });
    }
  },
};
