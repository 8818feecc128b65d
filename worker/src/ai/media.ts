// Images and audio come back from Workers AI as bytes, as streams of bytes, or as base64 in an object:
// one place turns any of them into bytes or base64, and knows which model family takes which input.
import { ApiError } from "../http/errors.js";

export async function bytesOf(output: unknown, field: string, model: string): Promise<Uint8Array> {
  if (output instanceof ReadableStream) return new Uint8Array(await new Response(output).arrayBuffer());
  if (output instanceof Uint8Array) return output;
  if (output instanceof ArrayBuffer) return new Uint8Array(output);
  if (output instanceof Response) return new Uint8Array(await output.arrayBuffer());
  const value = (output as Record<string, unknown> | null)?.[field];
  if (typeof value === "string") return base64ToBytes(value);
  throw new ApiError(502, `${model} returned no ${field} data.`, "server_error", null, "upstream_bad_response");
}

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64.replace(/^data:[^,]*,/, ""));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The picture's type from its first bytes (PNG, JPEG, WebP), for data: URLs. */
export function imageType(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  if (bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "image/webp";
  return "application/octet-stream";
}

/** flux models take only a prompt (and steps); the SDXL family takes the size too. */
export function imageInputs(model: string, prompt: string, size: { width: number; height: number } | undefined): Record<string, unknown> {
  if (/flux/.test(model)) return { prompt };
  return size ? { prompt, width: size.width, height: size.height } : { prompt };
}

/** whisper-large-v3-turbo takes base64 audio; whisper and whisper-tiny-en take an array of byte values. */
export function transcriptionInputs(
  model: string,
  audio: Uint8Array,
  language: string | undefined,
  prompt: string | undefined,
): Record<string, unknown> {
  if (/whisper-large-v3-turbo/.test(model)) {
    const inputs: Record<string, unknown> = { audio: bytesToBase64(audio) };
    if (language) inputs.language = language;
    if (prompt) inputs.initial_prompt = prompt;
    return inputs;
  }
  return { audio: Array.from(audio) };
}

/** melotts reads `prompt` (and `lang`); Deepgram's aura models read `text` (and `speaker`). */
export function speechInputs(model: string, text: string, voice: string | undefined): Record<string, unknown> {
  if (/aura/.test(model)) return voice && !OPENAI_VOICES.has(voice) ? { text, speaker: voice } : { text };
  return { prompt: text, lang: "en" };
}

/** OpenAI's voice names mean nothing to Workers AI models: they select the model's default voice. */
const OPENAI_VOICES = new Set(["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse"]);
