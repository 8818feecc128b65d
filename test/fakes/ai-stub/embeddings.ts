// Text embeddings: `{text: string | string[]}` → `{shape:[n, dim], data, pooling?}`, unit vectors seeded by text.
import type { ModelSpec } from "./catalogue";
import { errorDirectiveFor, parseDirectives } from "./directives";
import { aiError, invalidInput, oneOfNotMet, required, typeMismatch } from "./errors";
import { fnv1a, isRecord, jsonType, prng } from "./util";

const MAX_ITEMS = 100;

export function runEmbeddings(spec: ModelSpec, inputs: unknown): Record<string, unknown> {
  if (!isRecord(inputs)) throw invalidInput(typeMismatch("/", jsonType(inputs), "object"));
  const texts = readTexts(spec, inputs);
  for (const t of texts) {
    const code = errorDirectiveFor(parseDirectives(t).directives, spec.name);
    if (code !== undefined) throw aiError(code, spec.name);
  }
  const dims = spec.dims ?? 768;
  const out: Record<string, unknown> = {
    shape: [texts.length, dims],
    data: texts.map((t) => embed(spec.name, t, dims)),
  };
  if (spec.pooling) out.pooling = inputs.pooling === "cls" ? "cls" : "mean";
  return out;
}

function readTexts(spec: ModelSpec, inputs: Record<string, unknown>): string[] {
  if (!("text" in inputs)) {
    if (spec.pooling) throw oneOfNotMet([required("/", ["text"]), required("/", ["requests"])]);
    throw invalidInput(required("/", ["text"]));
  }
  const text = inputs.text;
  if (typeof text === "string") {
    if (spec.pooling && text.length < 1) throw invalidInput("String is too short (0 < 1) at '/text'");
    return [text];
  }
  if (!Array.isArray(text)) throw invalidInput(typeMismatch("/text", jsonType(text), "string,array"));
  if (spec.pooling && text.length > MAX_ITEMS) throw invalidInput(`Array is too long (${text.length} > ${MAX_ITEMS}) at '/text'`);
  text.forEach((t, i) => {
    if (typeof t !== "string") throw invalidInput(typeMismatch(`/text/${i}`, jsonType(t), "string"));
    if (spec.pooling && t.length < 1) throw invalidInput(`String is too short (0 < 1) at '/text/${i}'`);
  });
  return text as string[];
}

/** A deterministic unit vector for (model, text); components are float32 values. */
export function embed(model: string, text: string, dims: number): number[] {
  const rand = prng(fnv1a(`${model}\u0000${text}`));
  const v = Array.from({ length: dims }, () => rand() * 2 - 1);
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => Math.fround(x / norm));
}
