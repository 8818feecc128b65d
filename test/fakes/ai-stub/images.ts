// Text-to-image: SDXL-type models return a stream of PNG bytes, flux-type `{image: "<base64>"}`.
// The image is a tiny (16×16) valid PNG whose colours derive from the prompt (and seed), so it is deterministic.
import type { ModelSpec } from "./catalogue";
import { errorDirectiveFor, parseDirectives } from "./directives";
import { aiError, invalidInput, required, typeMismatch } from "./errors";
import { byteStream } from "./sse";
import { bytesToBase64, concat, crc32, fnv1a, isRecord, jsonType, prng, utf8 } from "./util";

export const IMAGE_SIZE = 16;

export function runImage(spec: ModelSpec, inputs: unknown): unknown {
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  if (!("prompt" in inputs)) throw invalidInput(required("/", ["prompt"]));
  if (typeof inputs.prompt !== "string") throw invalidInput(typeMismatch("/prompt", jsonType(inputs.prompt), "string"));
  if (inputs.prompt.length < 1) throw invalidInput("String is too short (0 < 1) at '/prompt'");
  const code = errorDirectiveFor(parseDirectives(inputs.prompt).directives, spec.name);
  if (code !== undefined) throw aiError(code, spec.name);
  const png = pngFor(`${inputs.prompt}\u0000${String(inputs.seed ?? "")}`);
  if (spec.kind === "image-base64") return { image: bytesToBase64(png) };
  const half = Math.floor(png.length / 2);
  return byteStream(png, [half, png.length]);
}

/** A 16×16 RGB PNG: a gradient between two colours chosen by hashing `key`. */
export function pngFor(key: string): Uint8Array {
  const rand = prng(fnv1a(key));
  const a = [0, 0, 0].map(() => Math.floor(rand() * 256));
  const b = [0, 0, 0].map(() => Math.floor(rand() * 256));
  const n = IMAGE_SIZE;
  const raw = new Uint8Array(n * (1 + n * 3));
  for (let y = 0; y < n; y++) {
    const row = y * (1 + n * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < n; x++) {
      const t = (x + y) / (2 * n - 2);
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = Math.round(a[c] + (b[c] - a[c]) * t);
    }
  }
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, n);
  dv.setUint32(4, n);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filtering, no interlace
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  const dv = new DataView(head.buffer);
  dv.setUint32(0, data.length);
  head.set(utf8(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat([utf8(type), data])));
  return concat([head, data, crc]);
}

/** zlib stream with stored (uncompressed) deflate blocks. */
function zlibStored(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array([0x78, 0x01])];
  for (let off = 0; off < data.length || off === 0; off += 0xffff) {
    const block = data.subarray(off, off + 0xffff);
    const last = off + 0xffff >= data.length ? 1 : 0;
    parts.push(new Uint8Array([last, block.length & 0xff, block.length >> 8, ~block.length & 0xff, (~block.length >> 8) & 0xff]));
    parts.push(block);
    if (data.length === 0) break;
  }
  let s1 = 1;
  let s2 = 0;
  for (const byte of data) {
    s1 = (s1 + byte) % 65521;
    s2 = (s2 + s1) % 65521;
  }
  const adler = new Uint8Array(4);
  new DataView(adler.buffer).setUint32(0, ((s2 << 16) | s1) >>> 0);
  parts.push(adler);
  return concat(parts);
}
