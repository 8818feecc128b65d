// Stream pipelines of different shapes on the same stub call, for bench/worker/explain.mjs: what one Web Streams
// hop costs in workerd, and what the proxy's stream would cost with fewer hops. Each route calls
// `env.AI.run(model, {messages, max_tokens, stream: true})` like the pass-through and answers with SSE.
//
//   /native       the stub's bytes piped through untouched (= passthrough.mjs)
//   /identity     + one `new TransformStream()` without a transform function
//   /bytes-1      + one TransformStream whose JS transform re-enqueues each chunk
//   /bytes-4      + four such TransformStreams (the proxy has four hops between upstream and its renderer)
//   /events-4     the proxy's shape with trivial work: bytes → events (one object per SSE event), three
//                 event → event hops, then a pull ReadableStream that reads one event and writes one frame
//   /fused-1      all the work of the proxy's stream in ONE TransformStream: decode, split SSE events, parse the
//                 JSON, render each as a chat.completion.chunk, enqueue once per upstream chunk
//   /out-503      no AI call: a JS ReadableStream answering 503 ready-made chunks of 260 bytes (the proxy's output)
//   /out-1        no AI call: the same 130 KB as one chunk of a JS ReadableStream
const encoder = new TextEncoder();

const relay = () => new TransformStream({ transform: (chunk, controller) => controller.enqueue(chunk) });

/** bytes → {data} per SSE event (minimal: `\n\n`-separated, `data: ` lines). */
function sseEvents() {
  const decoder = new TextDecoder();
  let buffer = "";
  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      let at;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (block.startsWith("data: ")) controller.enqueue({ data: block.slice(6) });
      }
    },
  });
}

function chunkRenderer() {
  const head = `data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":0,"model":"m","system_fingerprint":null,"choices":[{"index":0,"delta":`;
  const tail = `,"logprobs":null,"finish_reason":null}]}\n\n`;
  return {
    start: () => head + `{"role":"assistant","content":""}` + tail,
    event(data) {
      if (data === "[DONE]") return "";
      const chunk = JSON.parse(data);
      return typeof chunk.response === "string" && chunk.response ? head + `{"content":${JSON.stringify(chunk.response)}}` + tail : "";
    },
    end: () => head + `{}` + `,"logprobs":null,"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n`,
  };
}

function eventsFour(upstream) {
  const events = upstream
    .pipeThrough(sseEvents())
    .pipeThrough(new TransformStream({ transform: (e, c) => c.enqueue({ type: "text", data: e.data }) }))
    .pipeThrough(new TransformStream())
    .pipeThrough(relay());
  const reader = events.getReader();
  const renderer = chunkRenderer();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      let out = started ? "" : renderer.start();
      started = true;
      while (!out) {
        const { done, value } = await reader.read();
        if (done) {
          controller.enqueue(encoder.encode(renderer.end()));
          controller.close();
          return;
        }
        out = renderer.event(value.data);
      }
      controller.enqueue(encoder.encode(out));
    },
  });
}

function fusedOne(upstream) {
  const decoder = new TextDecoder();
  const renderer = chunkRenderer();
  let buffer = "";
  let out = renderer.start();
  return upstream.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        buffer += decoder.decode(chunk, { stream: true });
        let at;
        while ((at = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          if (block.startsWith("data: ")) out += renderer.event(block.slice(6));
        }
        if (out) controller.enqueue(encoder.encode(out));
        out = "";
      },
      flush(controller) {
        controller.enqueue(encoder.encode(out + renderer.end()));
      },
    }),
  );
}

const SHAPES = {
  "/native": (s) => s,
  "/identity": (s) => s.pipeThrough(new TransformStream()),
  "/bytes-1": (s) => s.pipeThrough(relay()),
  "/bytes-4": (s) => s.pipeThrough(relay()).pipeThrough(relay()).pipeThrough(relay()).pipeThrough(relay()),
  "/events-4": eventsFour,
  "/fused-1": fusedOne,
};

/** The proxy's answer to the stream request, made up front: 503 frames of about 260 bytes. */
const READY = (() => {
  const renderer = chunkRenderer();
  const frames = [renderer.start()];
  for (let i = 1; i <= 500; i++) frames.push(renderer.event(JSON.stringify({ response: i === 1 ? "w1" : ` w${i}` })));
  frames.push(renderer.end());
  return frames.map((f) => encoder.encode(f));
})();
const READY_ONE = encoder.encode(READY.map((f) => new TextDecoder().decode(f)).join(""));

function ready(chunks) {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
}

export default {
  async fetch(request, env) {
    const route = new URL(request.url).pathname;
    if (route === "/out-503" || route === "/out-1") {
      await request.arrayBuffer();
      return new Response(ready(route === "/out-1" ? [READY_ONE] : READY), { headers: { "content-type": "text/event-stream" } });
    }
    const shape = SHAPES[route];
    if (!shape) return new Response("unknown shape", { status: 404 });
    const { model, messages, max_tokens } = await request.json();
    const output = await env.AI.run(model, { messages, max_tokens, stream: true });
    return new Response(shape(output), { headers: { "content-type": "text/event-stream" } });
  },
};
