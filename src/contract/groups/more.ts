// Completions, embeddings, the response cache, images and audio.
import { deepEqual, equal, ok, sseData } from "../assert.js";
import type { Group } from "../types.js";

export const completions: Group = {
  name: "completions",
  description: "POST /v1/completions, plain and streamed",
  checks: [
    {
      name: "text_completion",
      async run(c) {
        const r = await c.json("POST", "/v1/completions", { prompt: "legacy", max_tokens: 20 });
        equal(r.object, "text_completion", "object");
        equal(r.choices[0].text, "Echo: legacy", "text");
      },
    },
    {
      name: "streamed",
      async run(c) {
        const res = await c.request("POST", "/v1/completions", { prompt: "legacy stream", max_tokens: 20, stream: true });
        const events = sseData(await res.text());
        equal(events.at(-1), "[DONE]", "last event");
        equal(
          events
            .slice(0, -1)
            .map((e) => e.choices[0].text)
            .join(""),
          "Echo: legacy stream",
          "text",
        );
      },
    },
  ],
};

export const embeddings: Group = {
  name: "embeddings",
  description: "POST /v1/embeddings, float and base64",
  checks: [
    {
      name: "float and base64 agree",
      async run(c) {
        const float = await c.json("POST", "/v1/embeddings", { input: ["a", "b"], encoding_format: "float" });
        const b64 = await c.json("POST", "/v1/embeddings", { input: ["a", "b"], encoding_format: "base64" });
        equal(float.data.length, 2, "embeddings");
        const bytes = Buffer.from(b64.data[0].embedding, "base64");
        const decoded = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
        equal(decoded.length, float.data[0].embedding.length, "dimensions");
        ok(
          decoded.every((x, i) => Math.abs(x - float.data[0].embedding[i]) < 1e-6),
          "base64 decodes to the float vector",
        );
        ok(float.usage.prompt_tokens > 0, "usage");
      },
    },
  ],
};

export const cache: Group = {
  name: "cache",
  description: "deterministic requests answered from KV",
  checks: [
    {
      name: "temperature 0: MISS, then HIT with the same answer",
      async run(c) {
        const body = { temperature: 0, messages: [{ role: "user", content: `cache ${crypto.randomUUID()}` }] };
        const first = await c.request("POST", "/v1/chat/completions", body);
        const a = (await first.json()) as { choices: unknown };
        equal(first.headers.get("x-cache"), "MISS", "first x-cache");
        let second: Response | undefined;
        // KV writes land after the answer (waitUntil): give them a moment.
        for (let i = 0; i < 20; i++) {
          second = await c.request("POST", "/v1/chat/completions", body);
          if (second.headers.get("x-cache") === "HIT") break;
          await second.arrayBuffer();
          await new Promise((r) => setTimeout(r, 50));
        }
        equal(second!.headers.get("x-cache"), "HIT", "second x-cache");
        deepEqual(((await second!.json()) as { choices: unknown }).choices, a.choices, "cached choices");
      },
    },
  ],
};

export const images: Group = {
  name: "images",
  description: "POST /v1/images/generations",
  checks: [
    {
      name: "b64_json PNG",
      async run(c) {
        const r = await c.json("POST", "/v1/images/generations", { prompt: "a lighthouse", response_format: "b64_json" });
        const bytes = Buffer.from(r.data[0].b64_json, "base64");
        deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "PNG signature");
      },
    },
  ],
};

export const audio: Group = {
  name: "audio",
  description: "POST /v1/audio/transcriptions and /v1/audio/speech",
  checks: [
    {
      name: "transcribes a multipart upload",
      async run(c) {
        const form = new FormData();
        form.append("file", new Blob([new TextEncoder().encode("hello contract")], { type: "audio/mpeg" }), "a.mp3");
        form.append("model", "whisper-1");
        const res = await c.request("POST", "/v1/audio/transcriptions", form);
        const body = await res.text();
        equal(res.status, 200, `status (${body.slice(0, 200)})`);
        equal(JSON.parse(body).text, "hello contract", "text");
      },
    },
    {
      name: "speech is audio/mpeg",
      async run(c) {
        const res = await c.request("POST", "/v1/audio/speech", { model: "tts-1", input: "hello", voice: "alloy" });
        equal(res.status, 200, "status");
        equal(res.headers.get("content-type"), "audio/mpeg", "content-type");
        ok((await res.arrayBuffer()).byteLength > 0, "audio bytes");
      },
    },
  ],
};
