// The other stateless endpoints: completions, embeddings, models, images, audio and the public page.
import { toFile } from "openai";
import { describe, expect, it } from "vitest";
import { BASE, call, callsWith, openai, proxyFetch, sseData, unique } from "./helpers.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";

describe("POST /v1/completions", () => {
  it("answers in text_completion shape", async () => {
    const c = await openai().completions.create({ model: MODEL, prompt: "Once upon", max_tokens: 50 });
    expect(c).toMatchObject({
      object: "text_completion",
      model: MODEL,
      choices: [{ text: "Echo: Once upon", index: 0, logprobs: null, finish_reason: "stop" }],
    });
    expect(c.usage!.total_tokens).toBeGreaterThan(0);
  });

  it("reads the text_completion answer of a chat-shaped model (the default) given a bare prompt, whole and streamed", async () => {
    const c = await openai().completions.create({ model: "gpt-4o-mini", prompt: "Once upon", max_tokens: 50 });
    expect(c.choices[0].text).toBe("Echo: Once upon");
    const stream = await openai().completions.create({ model: "gpt-4o-mini", prompt: "Once upon", max_tokens: 50, stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? "";
    expect(text).toBe("Echo: Once upon");
  });

  it("defaults max_tokens to 16, as OpenAI does, and reports length", async () => {
    const c = await openai().completions.create({ model: MODEL, prompt: "[[stub:words=40]]" });
    expect(c.choices[0].text.split(" ")).toHaveLength(16);
    expect(c.choices[0].finish_reason).toBe("length");
  });

  it("echo puts the prompt first", async () => {
    const c = await openai().completions.create({ model: MODEL, prompt: "Hi", echo: true, max_tokens: 20 });
    expect(c.choices[0].text).toBe("HiEcho: Hi");
  });

  it("streams chunks, a finish reason, usage and [DONE]", async () => {
    const res = await call("POST", "/v1/completions", {
      model: MODEL,
      prompt: "stream me",
      stream: true,
      max_tokens: 20,
      stream_options: { include_usage: true },
    });
    const events = sseData(await res.text()) as any[];
    expect(events.at(-1)).toBe("[DONE]");
    expect(
      events
        .slice(0, -2)
        .map((e) => e.choices[0].text)
        .join(""),
    ).toBe("Echo: stream me");
    expect(events.at(-3).choices[0].finish_reason).toBe("stop");
    expect(events.at(-2)).toMatchObject({ choices: [], usage: { completion_tokens: expect.any(Number) } });
    for (const e of events.slice(0, -2)) expect(e.object).toBe("text_completion");
  });

  it("the SDK reads the stream", async () => {
    let text = "";
    for await (const chunk of await openai().completions.create({ model: MODEL, prompt: "sdk", stream: true, max_tokens: 20 }))
      text += chunk.choices[0]?.text ?? "";
    expect(text).toBe("Echo: sdk");
  });

  it("refuses several prompts and token prompts with a 400 naming prompt", async () => {
    for (const prompt of [
      ["a", "b"],
      [1, 2, 3],
    ]) {
      const res = await call("POST", "/v1/completions", { model: MODEL, prompt });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.param).toBe("prompt");
    }
  });
});

describe("POST /v1/embeddings", () => {
  it("the SDK's default (base64) decodes to the same vectors as float", async () => {
    const client = openai();
    const viaBase64 = await client.embeddings.create({ model: "@cf/baai/bge-base-en-v1.5", input: ["hello", "world"] });
    const viaFloat = await client.embeddings.create({
      model: "@cf/baai/bge-base-en-v1.5",
      input: ["hello", "world"],
      encoding_format: "float",
    });
    expect(viaBase64.data).toHaveLength(2);
    expect(viaBase64.data[0].embedding).toHaveLength(768);
    viaBase64.data.forEach((d, i) => d.embedding.forEach((x, j) => expect(x).toBeCloseTo(viaFloat.data[i].embedding[j], 6)));
    expect(viaFloat.usage.prompt_tokens).toBeGreaterThan(0);
    expect(viaFloat.data.map((d) => d.index)).toEqual([0, 1]);
  });

  it("the raw base64 is little-endian float32 bytes", async () => {
    const res = await call("POST", "/v1/embeddings", { model: "@cf/baai/bge-small-en-v1.5", input: "x", encoding_format: "base64" });
    const body = (await res.json()) as any;
    const bytes = Uint8Array.from(atob(body.data[0].embedding), (ch) => ch.charCodeAt(0));
    expect(bytes.length).toBe(384 * 4);
    const floats = new Float32Array(bytes.buffer);
    const norm = Math.sqrt(floats.reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(1, 3);
  });

  it("text-embedding-3-small maps to bge-base and sends inputs in batches of 100", async () => {
    const marker = unique();
    const input = Array.from({ length: 230 }, (_, i) => `${marker} ${i}`);
    const r = await openai().embeddings.create({ model: "text-embedding-3-small", input, encoding_format: "float" });
    expect(r.data).toHaveLength(230);
    expect(r.data.map((d) => d.index)).toEqual(input.map((_, i) => i));
    expect((await callsWith(marker)).map((c) => (c.inputs as any).text.length)).toEqual([100, 100, 30]);
  });

  it("dimensions: the native size is accepted, another is refused clearly", async () => {
    expect((await call("POST", "/v1/embeddings", { model: "@cf/baai/bge-small-en-v1.5", input: "a", dimensions: 384 })).status).toBe(200);
    const res = await call("POST", "/v1/embeddings", { model: "@cf/baai/bge-small-en-v1.5", input: "a", dimensions: 256 });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: "dimensions", code: "unsupported_parameter" } });
  });

  it.each([[""], [[]], [["ok", ""]], [[1, 2]], [undefined]])("input %j is a 400", async (input) => {
    const res = await call("POST", "/v1/embeddings", { model: "@cf/baai/bge-small-en-v1.5", input });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.param).toMatch(/^input/);
  });

  it("a chat model asked for embeddings fails clearly", async () => {
    const res = await call("POST", "/v1/embeddings", { model: MODEL, input: "x" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(600);
    expect(((await res.json()) as any).error.message).toBeTruthy();
  });
});

describe("models", () => {
  it("lists every catalogue model and alias once", async () => {
    const ids = (await openai().models.list()).data.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(["@cf/baai/bge-base-en-v1.5", "@cf/openai/whisper", "gpt-4o", "text-embedding-3-small", "whisper-1"]),
    );
  });

  it("retrieves a percent-encoded id and an alias", async () => {
    expect((await call("GET", `/v1/models/${encodeURIComponent("@cf/openai/gpt-oss-120b")}`)).status).toBe(200);
    expect(await (await call("GET", "/v1/models/gpt-4o")).json()).toMatchObject({
      id: "gpt-4o",
      object: "model",
      owned_by: "nvidia",
      resolves_to: "@cf/nvidia/nemotron-3-120b-a12b",
      context_window: 256000,
      capabilities: { tools: true, reasoning: true },
    });
  });
});

describe("POST /v1/images/generations", () => {
  it.each([
    ["flux ({image: base64})", "@cf/black-forest-labs/flux-1-schnell"],
    ["SDXL (a byte stream)", "@cf/stabilityai/stable-diffusion-xl-base-1.0"],
  ])("%s → b64_json PNG", async (_label, model) => {
    const r = await openai().images.generate({ model, prompt: "a lighthouse", response_format: "b64_json", size: "1024x1024" });
    const bytes = Uint8Array.from(atob(r.data![0].b64_json!), (c) => c.charCodeAt(0));
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("url is a data: URL (nothing hosts the image)", async () => {
    const r = await openai().images.generate({ model: "dall-e-3", prompt: "x" });
    expect(r.data![0].url).toMatch(/^data:image\/png;base64,/);
  });

  it("size reaches SDXL models as width and height", async () => {
    const marker = unique();
    await openai().images.generate({
      model: "@cf/stabilityai/stable-diffusion-xl-base-1.0",
      prompt: marker,
      size: "512x768",
      response_format: "b64_json",
    });
    expect((await callsWith(marker))[0].inputs).toMatchObject({ width: 512, height: 768 });
  });

  it("a prompt is required", async () => {
    const res = await call("POST", "/v1/images/generations", { model: "dall-e-3" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.param).toBe("prompt");
  });
});

describe("audio", () => {
  const speech = new TextEncoder().encode("the quick brown fox");

  it.each([
    ["whisper-1 (large-v3-turbo, base64 audio)", "whisper-1"],
    ["@cf/openai/whisper (byte array)", "@cf/openai/whisper"],
  ])("transcribes an upload through %s", async (_label, model) => {
    const r = await openai().audio.transcriptions.create({ file: await toFile(speech, "speech.mp3", { type: "audio/mpeg" }), model });
    expect(r.text).toBe("the quick brown fox");
  });

  it.each([
    ["text", (body: string) => expect(body).toBe("the quick brown fox")],
    ["vtt", (body: string) => expect(body).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:01\.600\nthe quick brown fox/)],
    ["srt", (body: string) => expect(body).toBe("1\n00:00:00,000 --> 00:00:01,600\nthe quick brown fox\n")],
    [
      "verbose_json",
      (body: string) =>
        expect(JSON.parse(body)).toMatchObject({
          task: "transcribe",
          text: "the quick brown fox",
          duration: 1.6,
          words: [{ word: "the" }, {}, {}, {}],
        }),
    ],
  ])("response_format %s", async (format, check) => {
    const form = new FormData();
    form.append("file", new File([speech], "a.wav"));
    form.append("model", "whisper-1");
    form.append("response_format", format);
    const res = await proxyFetch(`${BASE}/v1/audio/transcriptions`, {
      method: "POST",
      headers: { authorization: "Bearer sk-test-primary" },
      body: form,
    });
    expect(res.status).toBe(200);
    check(await res.text());
  });

  it("a transcription without a file is a 400 naming file", async () => {
    const form = new FormData();
    form.append("model", "whisper-1");
    const res = await proxyFetch(`${BASE}/v1/audio/transcriptions`, {
      method: "POST",
      headers: { authorization: "Bearer sk-test-primary" },
      body: form,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.param).toBe("file");
  });

  it.each([
    ["tts-1 (melotts)", "tts-1"],
    ["aura", "@cf/deepgram/aura-1"],
  ])("speech through %s is mp3 bytes", async (_label, model) => {
    const res = await openai().audio.speech.create({ model, input: "Hello there", voice: "alloy" });
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(10);
    expect(bytes[0] === 0x49 || bytes[0] === 0xff).toBe(true); // "ID3" tag or an MPEG frame sync
  });

  it("refuses formats Workers AI cannot produce", async () => {
    const res = await call("POST", "/v1/audio/speech", { model: "tts-1", input: "x", voice: "alloy", response_format: "opus" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.param).toBe("response_format");
  });
});

describe("GET /", () => {
  it("is a public page with the base URL and models, escaped", async () => {
    const res = await proxyFetch(`${BASE}/?<script>`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain(`${BASE}/v1`);
    expect(html).toContain("@cf/meta/llama-3.1-8b-instruct-fp8");
    expect(html).not.toContain("<script>");
    // What a long stream costs on Workers Free is said where users look (README, Performance).
    expect(html).toContain("10 ms of CPU");
    expect(html).toContain('"stream": false');
    expect(html).toContain("stops at <strong>1024 tokens</strong>");
  });

  it("answers JSON for machines", async () => {
    const res = await proxyFetch(`${BASE}/?format=json`);
    const gemma = "@cf/google/gemma-4-26b-a4b-it";
    expect(await res.json()).toMatchObject({ base_url: `${BASE}/v1`, default_model: gemma, aliases: { "gpt-4o-mini": gemma } });
  });

  it("escapes what an operator configured", async () => {
    const { withEnv } = await import("./helpers.js");
    const res = await withEnv(
      { MODEL_ALIASES: '{"<img src=x onerror=alert(1)>": "@cf/meta/llama-3.1-8b-instruct-fp8"}' },
      new Request(`${BASE}/`),
    );
    const html = await res.text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
  });
});

describe("the model catalogue cache", () => {
  it("keeps the catalogue in KV with an expiry, so listings do not ask Workers AI each time", async () => {
    const { env } = await import("cloudflare:workers");
    const kv = (env as unknown as { CACHE: KVNamespace }).CACHE;
    const { forgetCatalogue } = await import("../../worker/src/ai/catalogue.js");
    forgetCatalogue();
    await (await call("GET", "/v1/models")).arrayBuffer();
    const { keys } = await kv.list({ prefix: "catalogue:" });
    expect(keys).toHaveLength(1);
    expect(keys[0].expiration).toBeGreaterThan(Date.now() / 1000);
    // A catalogue in KV is what the proxy serves, without asking Workers AI.
    const only = {
      name: "@cf/acme/only-model",
      task: "Text Generation",
      created: 0,
      functionCalling: false,
      reasoning: false,
      vision: false,
      paidOnly: false,
    };
    await kv.put(keys[0].name, JSON.stringify([only]));
    forgetCatalogue();
    const ids = ((await (await call("GET", "/v1/models")).json()) as any).data.map((m: any) => m.id);
    expect(ids[0]).toBe("@cf/acme/only-model");
    expect(ids).not.toContain("@cf/meta/llama-3.1-8b-instruct-fp8");
  });
});
