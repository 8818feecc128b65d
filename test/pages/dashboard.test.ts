// The usage dashboard in a real browser: traffic from two projects, then /dashboard opened in headless
// Chromium, signed in, and every number on the page compared with what the Usage API says.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalProxy, type LocalProxy } from "../../scripts/local-proxy.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const OUTPUT = join(root, "test-output");
const ALPHA = "sk-alpha-0123456789";
const BETA = "sk-beta-0123456789";
const ADMIN = "sk-admin-0123456789";
const CHAT = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
const EMBED = "@cf/baai/bge-base-en-v1.5";
const KINDS = ["completions", "embeddings", "images", "audio_speeches", "audio_transcriptions"];

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
  if (found) return found;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("No Chromium found: install Debian's package (`apt-get install chromium`; .ci/run does) or set CHROMIUM_PATH.");
  }
}

let proxy: LocalProxy;
let browser: Browser;

async function send(key: string, path: string, body: unknown) {
  const res = await fetch(`${proxy.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

async function usage(key: string, kind: string, query: string) {
  const res = await fetch(`${proxy.url}/v1/organization/usage/${kind}?${query}`, { headers: { authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { data: { start_time: number; results: Record<string, number & string>[] }[] };
}

beforeAll(async () => {
  proxy = await startLocalProxy({
    API_KEYS: `alpha:alpha-app:${ALPHA},beta:beta-app:${BETA}`,
    ADMIN_KEYS: ADMIN,
    BUDGETS: JSON.stringify({ account: { neurons: 9000 }, projects: { alpha: { neurons: 2500 }, beta: { neurons: 1200, requests: 500 } } }),
  });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu"] });
  await seedPastDays();
  const chat = (key: string, content: string, extra = {}) =>
    send(key, "/v1/chat/completions", { model: CHAT, messages: [{ role: "user", content }], ...extra });
  expect(await chat(ALPHA, "alpha one")).toBe(200);
  expect(await chat(ALPHA, "alpha two")).toBe(200);
  expect(await chat(ALPHA, "alpha cached", { temperature: 0 })).toBe(200);
  expect(await chat(ALPHA, "alpha cached", { temperature: 0 })).toBe(200);
  expect(await send(ALPHA, "/v1/embeddings", { model: EMBED, input: ["alpha embeds this"] })).toBe(200);
  expect(await chat(BETA, "beta one")).toBe(200);
  expect(await send(BETA, "/v1/chat/completions", { model: "@cf/nobody/missing", messages: [{ role: "user", content: "x" }] })).toBe(404);
  // Records are written after each answer: wait until the ledger has all seven requests.
  const start = Math.floor(Date.now() / 86_400_000) * 86_400;
  for (let i = 0; i < 50; i++) {
    const pages = await Promise.all(["completions", "embeddings"].map((k) => usage(ADMIN, k, `start_time=${start}`)));
    const n = pages.flatMap((p) => p.data.flatMap((b) => b.results)).reduce((s, r) => s + r.num_model_requests, 0);
    if (n >= 7) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);

/** Two weeks of earlier usage, written into the ledger as the meter writes it, so the charts have history. */
async function seedPastDays() {
  const ns = await proxy.mf.getDurableObjectNamespace("STATE", "proxy");
  const ledger = ns.get(ns.idFromName("usage-ledger")) as unknown as { recordUsage(records: unknown[], nowMs: number): Promise<unknown> };
  const now = Date.now();
  const records = [];
  for (let ago = 14; ago >= 1; ago--) {
    const day = new Date(now - ago * 86_400_000).toISOString().slice(0, 10);
    const wave = 1 + Math.sin(ago / 2);
    for (const [project, model, requests, tokensIn, tokensOut, neurons, hits] of [
      ["alpha", CHAT, Math.round(30 * wave), 9000, 14000, 380 * wave, 4],
      ["alpha", EMBED, 12, 5000, 0, 4, 6],
      ["beta", "@cf/zai-org/glm-4.7-flash", Math.round(18 * wave), 6000, 9000, 240 * wave, 2],
    ] as const) {
      records.push({
        day,
        project,
        keyName: `${project}-app`,
        model,
        kind: model === EMBED ? "embeddings" : "completions",
        requests,
        inputTokens: tokensIn,
        outputTokens: tokensOut,
        cachedTokens: 0,
        reasoningTokens: 0,
        neurons,
        cacheHits: hits,
        neuronsSaved: hits * 10,
        images: 0,
        characters: 0,
        audioSeconds: 0,
      });
    }
  }
  await ledger.recordUsage(records, now);
}

afterAll(async () => {
  await browser?.close();
  await proxy?.dispose();
});

describe("GET /dashboard in Chromium", () => {
  it("shows, for an admin key, the numbers the Usage API gives, split by project, and saves a screenshot", async () => {
    const start = Math.floor(Date.now() / 86_400_000) * 86_400 - 29 * 86_400;
    const pages = await Promise.all(KINDS.map((k) => usage(ADMIN, k, `start_time=${start}&limit=30&group_by=project_id&group_by=model`)));
    const results = pages.flatMap((p) => p.data.flatMap((b) => b.results));
    const sum = (field: string, of = results) => of.reduce((s, r) => s + Number(r[field] ?? 0), 0);
    // The split by project matches what each project sent; every request but the cache hit reached the stub
    // (the unknown model too: Workers AI answered it 5007).
    // (Earlier days were seeded into the ledger; today's bucket is this test's traffic.)
    const today = Math.floor(Date.now() / 86_400_000) * 86_400;
    const todays = pages.flatMap((p) => p.data.filter((b) => b.start_time === today).flatMap((b) => b.results));
    const completions = todays.filter((r) => r.object === "organization.usage.completions.result");
    expect(
      sum(
        "num_model_requests",
        completions.filter((r) => r.project_id === "alpha"),
      ),
    ).toBe(4);
    expect(
      sum(
        "num_model_requests",
        completions.filter((r) => r.project_id === "beta"),
      ),
    ).toBe(2);
    expect(
      sum(
        "cache_hits",
        completions.filter((r) => r.project_id === "alpha"),
      ),
    ).toBe(1);
    expect(
      sum(
        "errors",
        completions.filter((r) => r.project_id === "beta"),
      ),
    ).toBe(1);
    expect((await proxy.stubCalls()).length).toBe(sum("num_model_requests", todays) - sum("cache_hits", todays));

    const page = await browser.newPage({ viewport: { width: 1100, height: 1200 } });
    const external: string[] = [];
    page.on("request", (r) => void (new URL(r.url()).origin !== proxy.url && external.push(r.url())));
    await page.goto(`${proxy.url}/dashboard`);
    await page.fill("#key", ADMIN);
    await page.click("#signin button");
    await page.waitForSelector("[data-testid=total-requests]:not(:empty)");
    const text = async (id: string) => (await page.textContent(`[data-testid=${id}]`))?.trim();
    const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
    expect(await text("total-requests")).toBe(fmt(sum("num_model_requests")));
    expect(await text("total-errors")).toBe(fmt(sum("errors")));
    expect(await text("total-neurons")).toBe(fmt(sum("neurons")));
    expect(await text("cache-hit-rate")).toBe(`${((100 * sum("cache_hits")) / sum("num_model_requests")).toFixed(1)}%`);
    const budgets = (await (
      await fetch(`${proxy.url}/v1/organization/budgets`, { headers: { authorization: `Bearer ${ADMIN}` } })
    ).json()) as {
      account: { neurons_remaining: number };
      projects: { project_id: string; used: { neurons: number } }[];
    };
    expect(await text("remaining-neurons")).toBe(fmt(budgets.account.neurons_remaining));
    expect(await page.locator("[data-testid=budget-line]").count()).toBe(1);
    const rows = await page.locator("#project-rows tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-project")));
    expect(rows).toEqual(["alpha", "beta"]);
    expect(await page.evaluate("sessionStorage.getItem('cf-ai-proxy-key')")).toBe(ADMIN);
    expect(page.url()).not.toContain(ADMIN);
    expect(external).toEqual([]);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, "dashboard.png"), fullPage: true });
    await page.close();
  });

  it("shows a project key only its own project", async () => {
    const page = await browser.newPage();
    await page.goto(`${proxy.url}/dashboard`);
    await page.fill("#key", BETA);
    await page.click("#signin button");
    await page.waitForSelector("[data-testid=total-requests]:not(:empty)");
    expect(await page.textContent("#scope")).toBe("Project beta");
    const start = Math.floor(Date.now() / 86_400_000) * 86_400 - 29 * 86_400;
    const pages = await Promise.all(KINDS.map((k) => usage(BETA, k, `start_time=${start}&limit=30`)));
    const requests = pages.flatMap((p) => p.data.flatMap((b) => b.results)).reduce((n, r) => n + r.num_model_requests, 0);
    expect(requests).toBeGreaterThan(2);
    expect(await page.textContent("[data-testid=total-requests]")).toBe(requests.toLocaleString("en-US"));
    expect(await page.isHidden("#projects")).toBe(true);
    await page.close();
  });

  it("a wrong key is refused and asked for again", async () => {
    const page = await browser.newPage();
    await page.goto(`${proxy.url}/dashboard`);
    await page.fill("#key", "sk-wrong");
    await page.click("#signin button");
    await page.waitForSelector("#status.error");
    expect(await page.textContent("#status")).toMatch(/API key/);
    expect(await page.isVisible("#signin")).toBe(true);
    expect(await page.evaluate("sessionStorage.getItem('cf-ai-proxy-key')")).toBeNull();
    await page.close();
  });
});
