// For the smoke stage: ask the live worker something real. A fresh deploy can take a few seconds to reach every
// location, so a failure is retried for a while before it counts.

export interface SmokeTarget {
  url: string;
  /** Bearer key, when the worker wants one. */
  key: string | undefined;
}

export interface SmokeResult {
  ok: boolean;
  detail: string;
  attempts: number;
}

export async function smokeTest(
  target: SmokeTarget,
  o: { deadlineMs?: number; fetcher?: typeof fetch; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SmokeResult> {
  const fetcher = o.fetcher ?? fetch;
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const deadline = Date.now() + (o.deadlineMs ?? 45_000);
  let attempts = 0;
  let detail = "";
  for (let wait = 1000; ; wait = Math.min(wait * 2, 8000)) {
    attempts++;
    try {
      const res = await fetcher(target.url, {
        headers: target.key ? { authorization: `Bearer ${target.key}` } : {},
        signal: AbortSignal.timeout(15_000),
      });
      const body = await res.text();
      if (res.ok) return { ok: true, detail: `GET ${target.url} answered ${res.status}`, attempts };
      detail = `GET ${target.url} answered ${res.status}: ${body.replace(/\s+/g, " ").slice(0, 200)}`;
      // Auth and routing problems do not fix themselves by waiting.
      if (res.status === 401 || res.status === 403 || res.status === 404) return { ok: false, detail, attempts };
    } catch (error) {
      detail = `GET ${target.url} failed: ${(error as Error).message}`;
    }
    if (Date.now() + wait > deadline) return { ok: false, detail, attempts };
    await sleep(wait);
  }
}
