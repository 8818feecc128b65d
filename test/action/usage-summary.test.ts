import { describe, expect, it } from "vitest";
import { readUsage, renderUsage, usageDays } from "../../src/steps/usage-summary.js";

const DAY = 86_400;
const start = Date.UTC(2026, 11, 1) / 1000;

describe("the usage table in the job summary", () => {
  it("folds every kind's buckets into a row per day, naming the model that spent most", () => {
    const pages = [
      {
        data: [
          {
            start_time: start,
            results: [
              { model: "@cf/a", num_model_requests: 3, input_tokens: 10, output_tokens: 20, neurons: 5, cache_hits: 1, errors: 1 },
              { model: "@cf/b", num_model_requests: 1, neurons: 9 },
            ],
          },
        ],
      },
      { data: [{ start_time: start + 2 * DAY, results: [{ model: "@cf/e", num_model_requests: 2, input_tokens: 8, neurons: 0.5 }] }] },
    ];
    const days = usageDays(pages, start);
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ day: "2026-12-01", requests: 4, tokens: 30, neurons: 14, cacheHits: 1, errors: 1, topModel: "@cf/b" });
    expect(days[1]).toMatchObject({ day: "2026-12-02", requests: 0, topModel: null });
    expect(days[2]).toMatchObject({ requests: 2, tokens: 8, topModel: "@cf/e" });
    const table = renderUsage(days);
    expect(table).toContain("| 2026-12-01 | 4 | 30 | 14 | 1 | 1 | `@cf/b` |");
    expect(table.split("\n").filter((l) => l.startsWith("| 2026-"))).toHaveLength(7);
  });

  it("reads the five Usage API endpoints with the key, and gives up quietly on a worker without them", async () => {
    const seen: string[] = [];
    const ok = (async (url: string, init: RequestInit) => {
      seen.push(`${url} ${(init.headers as Record<string, string>).authorization}`);
      return Response.json({ object: "page", data: [], has_more: false, next_page: null });
    }) as unknown as typeof fetch;
    const days = await readUsage("https://w.example.workers.dev/", "sk-1", ok, (Date.UTC(2026, 11, 7, 12) / 1000) * 1000);
    expect(days).toHaveLength(7);
    expect(days![0].day).toBe("2026-12-01");
    expect(seen).toHaveLength(5);
    expect(seen[0]).toBe(
      `https://w.example.workers.dev/v1/organization/usage/completions?start_time=${start}&bucket_width=1d&limit=7&group_by=model Bearer sk-1`,
    );
    const missing = (async () => new Response("not found", { status: 404 })) as unknown as typeof fetch;
    expect(await readUsage("https://w.example", "sk-1", missing)).toBeUndefined();
    const down = (async () => {
      throw new Error("ECONNREFUSED");
    }) as unknown as typeof fetch;
    expect(await readUsage("https://w.example", "sk-1", down)).toBeUndefined();
  });
});
