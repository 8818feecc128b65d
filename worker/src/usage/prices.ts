// Estimated neurons from the catalogue's prices. Workers AI bills $0.011 per 1,000 neurons, and its catalogue
// (`env.AI.models()`, GET /ai/models/search) publishes each model's price in USD as the property
// `price`: [{unit: "per M input tokens", price: 0.0605, currency: "USD"}, …]. A neuron estimate is therefore
// price × amount ÷ $0.000011: the same number Cloudflare bills, as long as its published prices are current.
import type { AiModelInfo } from "../env.js";

export const USD_PER_NEURON = 0.011 / 1000;

export interface Price {
  /** USD per token. */
  input?: number;
  output?: number;
  cachedInput?: number;
  /** USD per audio minute (speech recognition). */
  audioMinute?: number;
  /** USD per character (speech synthesis). */
  character?: number;
  /** USD per image or 512×512 tile (image generation; one tile per image is assumed). */
  image?: number;
}

const UNITS: [RegExp, keyof Price, number][] = [
  [/^per m(?:illion)? cached input tokens$/, "cachedInput", 1e6],
  [/^per m(?:illion)? input tokens$/, "input", 1e6],
  [/^per m(?:illion)? output tokens$/, "output", 1e6],
  [/^per k input tokens$/, "input", 1e3],
  [/^per k output tokens$/, "output", 1e3],
  [/^per audio minute$/, "audioMinute", 1],
  [/^per (?:1k|k) characters$/, "character", 1e3],
  [/^per m characters$/, "character", 1e6],
  [/^per (?:512 by 512 tile|image|step)$/, "image", 1],
];

/** The model's price, or undefined when the catalogue gives none this proxy understands. */
export function priceOf(model: AiModelInfo | undefined): Price | undefined {
  const entries = model?.properties?.find((p) => p.property_id === "price")?.value;
  if (!Array.isArray(entries)) return undefined;
  const price: Price = {};
  for (const entry of entries) {
    if (!entry || typeof entry !== "object") continue;
    const unit = String((entry as { unit?: unknown }).unit ?? "")
      .trim()
      .toLowerCase();
    const usd = Number((entry as { price?: unknown }).price);
    if (!Number.isFinite(usd) || usd < 0) continue;
    const known = UNITS.find(([pattern]) => pattern.test(unit));
    if (known) price[known[1]] = usd / known[2];
  }
  return Object.keys(price).length ? price : undefined;
}

export interface Amounts {
  inputTokens?: number;
  outputTokens?: number;
  cachedTokens?: number;
  audioSeconds?: number;
  characters?: number;
  images?: number;
}

/** Neurons for these amounts at this price; cached input tokens at the cached price where there is one. */
export function neuronsFor(price: Price | undefined, a: Amounts): number {
  if (!price) return 0;
  const cached = Math.min(a.cachedTokens ?? 0, a.inputTokens ?? 0);
  const usd =
    ((a.inputTokens ?? 0) - cached) * (price.input ?? 0) +
    cached * (price.cachedInput ?? price.input ?? 0) +
    (a.outputTokens ?? 0) * (price.output ?? 0) +
    ((a.audioSeconds ?? 0) / 60) * (price.audioMinute ?? 0) +
    (a.characters ?? 0) * (price.character ?? 0) +
    (a.images ?? 0) * (price.image ?? 0);
  return usd / USD_PER_NEURON;
}
