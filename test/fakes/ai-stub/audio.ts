// Speech to text (whisper family) and text to speech (melotts, Deepgram aura).
// Transcripts: audio bytes that are valid UTF-8 text (no control characters but tab/newline) are "what was said";
// anything else transcribes as `Stub transcript of <n> bytes of audio.` Each word lasts 0.4 s.
import type { ModelSpec } from "./catalogue";
import { errorDirectiveFor, parseDirectives } from "./directives";
import { aiError, invalidInput, required, typeMismatch } from "./errors";
import { byteStream } from "./sse";
import { base64ToBytes, bytesToBase64, concat, isRecord, jsonType, strictUtf8, utf8 } from "./util";

const WORD_SECONDS = 0.4;

export function runSpeechToText(spec: ModelSpec, inputs: unknown): Record<string, unknown> {
  const bytes = spec.kind === "asr-base64" ? base64Audio(inputs) : arrayAudio(inputs);
  const text = transcript(bytes);
  const words = (text.match(/\S+/g) ?? []).map((word, i) => ({
    word,
    start: round(i * WORD_SECONDS),
    end: round((i + 1) * WORD_SECONDS),
  }));
  const duration = round(words.length * WORD_SECONDS);
  const vtt = `WEBVTT\n\n${words.length ? `${clock(0)} --> ${clock(duration)}\n${text}\n\n` : ""}`;
  if (spec.kind === "asr") return { text, word_count: words.length, words, vtt };
  const opts = inputs as Record<string, unknown>;
  return {
    transcription_info: {
      language: typeof opts.language === "string" ? opts.language : "en",
      language_probability: 1,
      duration,
      duration_after_vad: duration,
    },
    text,
    word_count: words.length,
    segments: words.length
      ? [{ start: 0, end: duration, text, temperature: 0, avg_logprob: -0.1, compression_ratio: 1, no_speech_prob: 0, words }]
      : [],
    vtt,
  };
}

function arrayAudio(inputs: unknown): Uint8Array {
  if (inputs instanceof ArrayBuffer) return new Uint8Array(inputs);
  if (inputs instanceof Uint8Array) return inputs;
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  if (!("audio" in inputs)) throw invalidInput(required("/", ["audio"]));
  const audio = inputs.audio;
  if (!Array.isArray(audio)) throw invalidInput(typeMismatch("/audio", jsonType(audio), "array"));
  audio.forEach((v, i) => {
    if (typeof v !== "number") throw invalidInput(typeMismatch(`/audio/${i}`, jsonType(v), "number"));
  });
  return Uint8Array.from(audio as number[]);
}

function base64Audio(inputs: unknown): Uint8Array {
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  if (!("audio" in inputs)) throw invalidInput(required("/", ["audio"]));
  if (typeof inputs.audio !== "string") throw invalidInput(typeMismatch("/audio", jsonType(inputs.audio), "string"));
  const bytes = base64ToBytes(inputs.audio);
  if (!bytes) throw aiError(5004, "");
  return bytes;
}

export function transcript(bytes: Uint8Array): string {
  const text = strictUtf8(bytes);
  if (text !== null && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return text;
  return `Stub transcript of ${bytes.length} bytes of audio.`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function clock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = Math.floor((ms % 60000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

export function runTextToSpeech(spec: ModelSpec, inputs: unknown): unknown {
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  const field = spec.kind === "tts-json" ? "prompt" : "text";
  if (!(field in inputs)) throw invalidInput(required("/", [field]));
  const text = inputs[field];
  if (typeof text !== "string") throw invalidInput(typeMismatch(`/${field}`, jsonType(text), "string"));
  if (spec.kind === "tts-json" && text.length < 1) throw invalidInput("String is too short (0 < 1) at '/prompt'");
  const code = errorDirectiveFor(parseDirectives(text).directives, spec.name);
  if (code !== undefined) throw aiError(code, spec.name);
  const voice = String(spec.kind === "tts-json" ? (inputs.lang ?? "en") : (inputs.speaker ?? "angus"));
  const mp3 = mp3For(text, voice);
  if (spec.kind === "tts-json") return { audio: bytesToBase64(mp3) };
  const half = Math.floor(mp3.length / 2);
  return byteStream(mp3, [half, mp3.length]);
}

/** An MP3 file: an ID3v2.3 tag holding the text (TIT2) and voice (TPE1), then one silent frame per word (+1). */
export function mp3For(text: string, voice: string): Uint8Array {
  const frames = [id3Frame("TIT2", text), id3Frame("TPE1", voice)];
  const body = concat(frames);
  const size = body.length;
  const header = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  const count = 1 + (text.match(/\S+/g) ?? []).length;
  const frame = new Uint8Array(417); // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417 bytes
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return concat([header, body, ...Array.from({ length: count }, () => frame)]);
}

function id3Frame(id: string, text: string): Uint8Array {
  const units = new Uint8Array(2 + text.length * 2);
  units.set([0xff, 0xfe]); // UTF-16LE BOM
  for (let i = 0; i < text.length; i++) {
    units[2 + i * 2] = text.charCodeAt(i) & 0xff;
    units[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  const data = concat([new Uint8Array([1]), units]);
  const head = new Uint8Array(10);
  head.set(utf8(id));
  new DataView(head.buffer).setUint32(4, data.length);
  return concat([head, data]);
}
