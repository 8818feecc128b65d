// After a smoke test that passed: the deployed proxy's usage of the last 7 days, read from its own Usage API
// with the first key, for the job summary. Optional: a worker without the Usage API (an older proxy, your own
// worker) or a key that may not read it simply leaves the table out.

export interface UsageDay {
  day: string;
  requests: number;
  tokens: number;
  neurons: number;
  cacheHits: number;
  errors: number;
  /** The model that spent the most neurons that day. */
  topModel: string | null;
}

const KINDS = ["completions", "embeddings", "images", "audio_speeches", "audio_transcriptions"];
const DAYS = 7;

interface Result {
  model?: string | null;
  num_model_requests?: number;
  input_tokens?: number;
  output_tokens?: number;
  neurons?: number;
  cache_hits?: number;
  errors?: number;
}
interface Page {
  data?: { start_time?: number; results?: Result[] }[];
}

/** Folds Usage API pages (one per kind, grouped by model) into a row per day. Pure. */
export function usageDays(pages: Page[], startSeconds: number): UsageDay[] {
  const days = Array.from({ length: DAYS }, (_, i) => ({
    day: new Date((startSeconds + i * 86_400) * 1000).toISOString().slice(0, 10),
    requests: 0,
    tokens: 0,
    neurons: 0,
    cacheHits: 0,
    errors: 0,
    byModel: new Map<string, number>(),
  }));
  for (const page of pages) {
    for (const bucket of page.data ?? []) {
      const day = days[Math.round(((bucket.start_time ?? 0) - startSeconds) / 86_400)];
      if (!day) continue;
      for (const r of bucket.results ?? []) {
        day.requests += r.num_model_requests ?? 0;
        day.tokens += (r.input_tokens ?? 0) + (r.output_tokens ?? 0);
        day.neurons += r.neurons ?? 0;
        day.cacheHits += r.cache_hits ?? 0;
        day.errors += r.errors ?? 0;
        const model = r.model ?? "(all)";
        day.byModel.set(model, (day.byModel.get(model) ?? 0) + (r.neurons ?? 0));
      }
    }
  }
  return days.map(({ byModel, ...day }) => ({ ...day, topModel: [...byModel].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null }));
}

/** Reads the last 7 days; undefined when the worker has no Usage API or refuses the key. */
export async function readUsage(
  baseUrl: string,
  key: string,
  fetcher: typeof fetch = fetch,
  nowMs = Date.now(),
): Promise<UsageDay[] | undefined> {
  const start = Math.floor(nowMs / 86_400_000) * 86_400 - (DAYS - 1) * 86_400;
  const pages: Page[] = [];
  for (const kind of KINDS) {
    const url = `${baseUrl.replace(/\/$/, "")}/v1/organization/usage/${kind}?start_time=${start}&bucket_width=1d&limit=${DAYS}&group_by=model`;
    try {
      const res = await fetcher(url, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(10_000) });
      if (!res.ok) return undefined;
      pages.push((await res.json()) as Page);
    } catch {
      return undefined;
    }
  }
  return usageDays(pages, start);
}

const num = (x: number) => Math.round(x).toLocaleString("en-US");
const cell = (text: string) => text.replace(/\|/g, "\\|");

/** A markdown table for the job summary. Pure. */
export function renderUsage(days: UsageDay[]): string {
  const lines = [
    "### Usage, last 7 days",
    "",
    "Read from the deployed proxy's Usage API with the first key (its project). Neurons are estimated from Workers AI's published prices.",
    "",
    "| day (UTC) | requests | tokens | neurons | cache hits | errors | most neurons |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const d of days) {
    lines.push(
      `| ${d.day} | ${num(d.requests)} | ${num(d.tokens)} | ${num(d.neurons)} | ${num(d.cacheHits)} | ${num(d.errors)} | ${d.topModel ? `\`${cell(d.topModel)}\`` : ""} |`,
    );
  }
  return lines.join("\n");
}
