// POST /v1/audio/transcriptions (multipart upload) and POST /v1/audio/speech
import { meterOf } from "../usage/meter.js";
import type { Context } from "hono";
import { bytesOf, speechInputs, transcriptionInputs } from "../ai/media.js";
import { chooseModel, runModel } from "../ai/run.js";
import { readConfig } from "../config.js";
import type { Env } from "../env.js";
import { ApiError, badRequest } from "../http/errors.js";
import { optionalEnum, optionalNumber, requiredString } from "../http/fields.js";
import { readLimited } from "../http/body.js";
import { readJsonObject } from "../http/json.js";
import { resolveModel } from "../openai/model.js";

/** OpenAI's own upload limit for audio files. */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;
/** Room for the multipart framing and the other fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/**
 * The legacy whisper models take the audio as a JSON array of numbers, one element per byte (8+ bytes of
 * memory each, and again when serialised): only this much audio goes to them. whisper-large-v3-turbo takes
 * base64 and the full 25 MiB.
 */
export const MAX_ARRAY_AUDIO_BYTES = 2 * 1024 * 1024;

type Ctx = Context<{ Bindings: Env }>;

export async function createTranscription(c: Ctx) {
  const config = readConfig(c.env);
  const contentType = c.req.header("content-type") ?? "";
  if (!contentType.includes("multipart/form-data")) throw badRequest("Send the audio as multipart/form-data with a 'file' field.", "file");
  // Counted while it arrives: a chunked upload cannot get past the limit before it is refused.
  const bytes = await readLimited(c.req.raw, MAX_AUDIO_BYTES + MULTIPART_OVERHEAD_BYTES, tooLarge);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw badRequest("The multipart body could not be read.", "file");
  }
  const file = form.get("file") as unknown as File | string | null;
  if (!file || typeof file === "string") throw badRequest("'file' is required: the audio file to transcribe.", "file");
  if (file.size > MAX_AUDIO_BYTES) throw tooLarge();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const model = await chooseModel(c.env, config, resolveModel({ model: field("model") }, config, "whisper-1").request, (p) =>
    c.executionCtx.waitUntil(p),
  );
  const format =
    optionalEnum({ response_format: field("response_format") }, "response_format", [
      "json",
      "text",
      "srt",
      "verbose_json",
      "vtt",
    ] as const) ?? "json";
  if (!/whisper-large-v3-turbo/.test(model) && file.size > MAX_ARRAY_AUDIO_BYTES) {
    throw new ApiError(
      413,
      `${model} takes at most ${MAX_ARRAY_AUDIO_BYTES / (1024 * 1024)} MiB of audio (it is sent as an array of numbers); use @cf/openai/whisper-large-v3-turbo for files up to ${MAX_AUDIO_BYTES / (1024 * 1024)} MiB.`,
      "invalid_request_error",
      "file",
      "request_too_large",
    );
  }
  const audio = new Uint8Array(await file.arrayBuffer());
  const { output } = await runModel(c.env, config, model, transcriptionInputs(model, audio, field("language"), field("prompt")), false);
  const result = output as {
    text?: string;
    vtt?: string;
    words?: unknown[];
    segments?: { words?: unknown[] }[];
    transcription_info?: { language?: string; duration?: number };
  };
  const text = (result.text ?? "").trim();
  // whisper lists the words at the top; whisper-large-v3-turbo inside each segment.
  const words = result.words ?? (result.segments ?? []).flatMap((segment) => segment.words ?? []);
  meterOf(c)?.report(model, { audioSeconds: result.transcription_info?.duration ?? lastEnd(words) });
  switch (format) {
    case "text":
      return c.text(text);
    case "vtt":
      return c.body(result.vtt ?? "WEBVTT\n\n", 200, { "content-type": "text/vtt; charset=utf-8" });
    case "srt":
      return c.body(vttToSrt(result.vtt ?? ""), 200, { "content-type": "application/x-subrip; charset=utf-8" });
    case "verbose_json":
      return c.json({
        task: "transcribe",
        language: result.transcription_info?.language ?? field("language") ?? "en",
        duration: result.transcription_info?.duration ?? lastEnd(words),
        text,
        words,
        segments: result.segments ?? [],
      });
    default:
      return c.json({ text });
  }
}

export async function createSpeech(c: Ctx) {
  const config = readConfig(c.env);
  const body = await readJsonObject(c.req.raw);
  const input = requiredString(body, "input");
  if (input.length > 4096) throw badRequest("'input' may be at most 4096 characters.", "input");
  const model = await chooseModel(c.env, config, resolveModel(body, config, "tts-1").request, (p) => c.executionCtx.waitUntil(p));
  const format = optionalEnum(body, "response_format", ["mp3", "opus", "aac", "flac", "wav", "pcm"] as const) ?? "mp3";
  if (format !== "mp3")
    throw badRequest(
      `'response_format' ${format} is not available: Workers AI speech models produce mp3.`,
      "response_format",
      "unsupported_parameter",
    );
  optionalNumber(body, "speed", { min: 0.25, max: 4 });
  const voice = typeof body.voice === "string" ? body.voice : undefined;
  const { output } = await runModel(c.env, config, model, speechInputs(model, input, voice), false);
  const bytes = await bytesOf(output, "audio", model);
  meterOf(c)?.report(model, { characters: input.length });
  return new Response(bytes, { headers: { "content-type": "audio/mpeg" } });
}

function tooLarge(): ApiError {
  return new ApiError(
    413,
    `The audio file is larger than ${MAX_AUDIO_BYTES / (1024 * 1024)} MiB.`,
    "invalid_request_error",
    "file",
    "request_too_large",
  );
}

function lastEnd(words: unknown[] | undefined): number {
  const last = words?.at(-1) as { end?: number } | undefined;
  return last?.end ?? 0;
}

/** WebVTT cues → SubRip: numbered cues, comma before the milliseconds, no header. */
export function vttToSrt(vtt: string): string {
  const cues = vtt
    .replace(/\r/g, "")
    .split(/\n\n+/)
    .filter((block) => block.includes("-->"));
  return cues
    .map((cue, i) => {
      const lines = cue.split("\n");
      const at = lines.findIndex((l) => l.includes("-->"));
      const timing = lines[at].replace(/(\d\d:\d\d:\d\d)\.(\d\d\d)/g, "$1,$2").replace(/^(\d\d:\d\d)[.,](\d\d\d)/, "00:$1,$2");
      return `${i + 1}\n${timing}\n${lines.slice(at + 1).join("\n")}\n`;
    })
    .join("\n");
}
