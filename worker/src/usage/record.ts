// One request's usage, as the meter hands it to the ledger. Shared by the meter, the ledger and the Usage API.

/** The Usage API's endpoints (OpenAI's names), each a kind of request the proxy accounts for. */
export const USAGE_KINDS = ["completions", "embeddings", "images", "audio_speeches", "audio_transcriptions"] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

export interface UsageRecord {
  day: string;
  project: string;
  /** The key's name from API_KEYS (never the key). */
  keyName: string;
  /** The Workers AI model that answered, or the one asked for when none did. */
  model: string;
  kind: UsageKind;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /** Estimated from the catalogue's prices (usage/prices.ts). */
  neurons: number;
  /** Answered from the response cache: no Workers AI call, no neurons. */
  cacheHits: number;
  /** What the cache hits would have cost. */
  neuronsSaved: number;
  images: number;
  characters: number;
  audioSeconds: number;
  /** The HTTP status of the answer, when it was an error (≥ 400). */
  errorStatus?: number;
}

export function emptyRecord(day: string, project: string, keyName: string, kind: UsageKind, model: string): UsageRecord {
  return {
    day,
    project,
    keyName,
    model,
    kind,
    requests: 1,
    inputTokens: 0,
    outputTokens: 0,
    cachedTokens: 0,
    reasoningTokens: 0,
    neurons: 0,
    cacheHits: 0,
    neuronsSaved: 0,
    images: 0,
    characters: 0,
    audioSeconds: 0,
  };
}
