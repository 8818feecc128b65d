// The Workers AI stub: embeddings, images, speech to text, text to speech.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { joinBytes, readChunks } from "../fakes/ai-stub/test-helpers";
import type { AiStubRpc } from "../fakes/ai-stub/types";

const ai = (env as unknown as { AI: AiStubRpc }).AI;
const run = async (model: string, inputs: unknown): Promise<any> => await ai.run(model, inputs);
const bytesOf = async (s: unknown) => joinBytes(await readChunks(s as ReadableStream<Uint8Array>));
const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const norm = (v: number[]) => Math.hypot(...v);

describe("embeddings", () => {
  it.each([
    ["@cf/baai/bge-small-en-v1.5", 384],
    ["@cf/baai/bge-base-en-v1.5", 768],
    ["@cf/baai/bge-large-en-v1.5", 1024],
    ["@cf/baai/bge-m3", 1024],
    ["@cf/google/embeddinggemma-300m", 768],
    ["@cf/qwen/qwen3-embedding-0.6b", 1024],
  ])("%s gives %i-dimensional unit vectors", async (model, dims) => {
    const out = await run(model, { text: ["first", "second ü", "third"] });
    expect(out.shape).toEqual([3, dims]);
    expect(out.data).toHaveLength(3);
    for (const v of out.data) {
      expect(v).toHaveLength(dims);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(out).not.toHaveProperty("usage");
  });

  it("reports pooling for bge models only", async () => {
    expect((await run("@cf/baai/bge-base-en-v1.5", { text: "x" })).pooling).toBe("mean");
    expect((await run("@cf/baai/bge-base-en-v1.5", { text: "x", pooling: "cls" })).pooling).toBe("cls");
    expect(await run("@cf/google/embeddinggemma-300m", { text: "x" })).not.toHaveProperty("pooling");
  });

  it("are deterministic per (model, text) and differ between texts", async () => {
    const a = await run("@cf/baai/bge-small-en-v1.5", { text: "hello" });
    const b = await run("@cf/baai/bge-small-en-v1.5", { text: ["hello", "world"] });
    const c = await run("@cf/baai/bge-base-en-v1.5", { text: "hello" });
    expect(a.shape).toEqual([1, 384]);
    expect(b.data[0]).toEqual(a.data[0]);
    expect(b.data[1]).not.toEqual(a.data[0]);
    expect(c.data[0].slice(0, 5)).not.toEqual(a.data[0].slice(0, 5));
  });

  it("validate inputs like Workers AI", async () => {
    await expect(run("@cf/baai/bge-small-en-v1.5", { input: "x" })).rejects.toThrow(
      "5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'text', required properties at '/' are 'requests'",
    );
    await expect(run("@cf/baai/bge-small-en-v1.5", { text: "" })).rejects.toThrow(/^5006: /);
    await expect(run("@cf/baai/bge-small-en-v1.5", { text: Array(101).fill("x") })).rejects.toThrow("Array is too long (101 > 100)");
    await expect(run("@cf/baai/bge-small-en-v1.5", { text: ["ok [[stub:error=3040]]"] })).rejects.toThrow(/^3040: /);
  });
});

describe("images", () => {
  it.each(["@cf/stabilityai/stable-diffusion-xl-base-1.0", "@cf/bytedance/stable-diffusion-xl-lightning", "@cf/lykon/dreamshaper-8-lcm"])(
    "%s streams PNG bytes",
    async (model) => {
      const png = await bytesOf(await run(model, { prompt: "a red fox" }));
      expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(new TextDecoder().decode(png.slice(12, 16))).toBe("IHDR");
      expect(new DataView(png.buffer).getUint32(16)).toBe(16);
      expect(new TextDecoder().decode(png.slice(-8, -4))).toBe("IEND");
    },
  );

  it("are deterministic per prompt and differ between prompts", async () => {
    const model = "@cf/stabilityai/stable-diffusion-xl-base-1.0";
    const a = await bytesOf(await run(model, { prompt: "cat" }));
    const b = await bytesOf(await run(model, { prompt: "cat" }));
    const c = await bytesOf(await run(model, { prompt: "dog" }));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("flux answers {image: base64} that decodes to an image", async () => {
    const out = await run("@cf/black-forest-labs/flux-1-schnell", { prompt: "a lighthouse", steps: 4 });
    expect(Object.keys(out)).toEqual(["image"]);
    const png = fromBase64(out.image);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const decoded = await inflatesToPixels(png);
    expect(decoded).toBe(true);
  });

  it("need a prompt", async () => {
    await expect(run("@cf/black-forest-labs/flux-1-schnell", {})).rejects.toThrow("5006: Error: required properties at '/' are 'prompt'");
  });
});

/** Checks that the PNG's zlib data inflates to 16 rows of 49 bytes. */
async function inflatesToPixels(png: Uint8Array): Promise<boolean> {
  const idatStart = 8 + 25; // signature + IHDR chunk
  const len = new DataView(png.buffer).getUint32(idatStart);
  const zlib = png.slice(idatStart + 8, idatStart + 8 + len);
  const raw = new Uint8Array(await new Response(new Blob([zlib]).stream().pipeThrough(new DecompressionStream("deflate"))).arrayBuffer());
  return raw.length === 16 * (1 + 16 * 3);
}

describe("speech to text", () => {
  const said = "Hello from the stub, ünïcode included";
  const bytes = [...new TextEncoder().encode(said)];

  it.each(["@cf/openai/whisper", "@cf/openai/whisper-tiny-en"])("%s transcribes UTF-8 audio bytes exactly", async (model) => {
    const out = await run(model, { audio: bytes });
    expect(out.text).toBe(said);
    expect(out.word_count).toBe(6);
    expect(out.words[0]).toEqual({ word: "Hello", start: 0, end: 0.4 });
    expect(out.words.at(-1)).toEqual({ word: "included", start: 2, end: 2.4 });
    expect(out.vtt).toBe(`WEBVTT\n\n00:00:00.000 --> 00:00:02.400\n${said}\n\n`);
  });

  it("transcribes other audio as a fixed phrase with the byte count", async () => {
    const out = await run("@cf/openai/whisper", { audio: [0x52, 0x49, 0x46, 0x46, 0xff, 0x00, 0x80, 0x90] });
    expect(out.text).toBe("Stub transcript of 8 bytes of audio.");
  });

  it("whisper-large-v3-turbo takes base64 and answers with segments", async () => {
    const out = await run("@cf/openai/whisper-large-v3-turbo", { audio: toBase64(new Uint8Array(bytes)), language: "de" });
    expect(out).toMatchObject({
      transcription_info: { language: "de", duration: 2.4 },
      text: said,
      word_count: 6,
      segments: [{ start: 0, end: 2.4, text: said }],
    });
    expect(out.segments[0].words).toHaveLength(6);
    expect(out.vtt.startsWith("WEBVTT")).toBe(true);
  });

  it("reject the other input form", async () => {
    await expect(run("@cf/openai/whisper-large-v3-turbo", { audio: bytes })).rejects.toThrow(
      "Type mismatch of '/audio', 'array' not in 'string'",
    );
    await expect(run("@cf/openai/whisper", { audio: "aGVsbG8=" })).rejects.toThrow("Type mismatch of '/audio', 'string' not in 'array'");
    await expect(run("@cf/openai/whisper", {})).rejects.toThrow("5006: Error: required properties at '/' are 'audio'");
  });
});

describe("text to speech", () => {
  it("melotts answers {audio: base64 MP3}, deterministic per prompt and language", async () => {
    const a = await run("@cf/myshell-ai/melotts", { prompt: "Bonjour", lang: "fr" });
    const b = await run("@cf/myshell-ai/melotts", { prompt: "Bonjour", lang: "fr" });
    const c = await run("@cf/myshell-ai/melotts", { prompt: "Bonjour", lang: "en" });
    expect(Object.keys(a)).toEqual(["audio"]);
    const mp3 = fromBase64(a.audio);
    expect(new TextDecoder().decode(mp3.slice(0, 3))).toBe("ID3");
    expect(a.audio).toBe(b.audio);
    expect(a.audio).not.toBe(c.audio);
  });

  it.each(["@cf/deepgram/aura-1", "@cf/deepgram/aura-2-en"])("%s streams MP3 bytes", async (model) => {
    const mp3 = await bytesOf(await run(model, { text: "Hello world", speaker: "luna" }));
    expect(new TextDecoder().decode(mp3.slice(0, 3))).toBe("ID3");
    const tagSize = ((mp3[6] << 21) | (mp3[7] << 14) | (mp3[8] << 7) | mp3[9]) + 10;
    expect([...mp3.slice(tagSize, tagSize + 2)]).toEqual([0xff, 0xfb]);
    expect(mp3.length).toBe(tagSize + 3 * 417);
    const other = await bytesOf(await run(model, { text: "Hello world", speaker: "zeus" }));
    expect(other).not.toEqual(mp3);
  });

  it("need their text", async () => {
    await expect(run("@cf/deepgram/aura-1", { prompt: "x" })).rejects.toThrow("required properties at '/' are 'text'");
    await expect(run("@cf/myshell-ai/melotts", { text: "x" })).rejects.toThrow("required properties at '/' are 'prompt'");
  });
});
