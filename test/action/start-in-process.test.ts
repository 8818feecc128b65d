// `npm start`'s host (src/local-host.ts) driving src/main.ts in the test process: the runs start.test.ts makes of
// the bundle in a terminal, seen from src/ (the action's own wrangler, 4.86.0, runs on this Node).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localHost } from "../../src/local-host.js";
import { run } from "../../src/main.js";
import { startFakeCloudflare } from "../fakes/cloudflare-api/server.js";

/** A terminal run: its printed lines, outputs, and the exit code the host set (reset, as this is the test process). */
async function start(argv: string[], env: Record<string, string> = {}) {
  const lines: string[] = [];
  const host = localHost(argv, { HOME: mkdtempSync(join(tmpdir(), "start-home-")), ...env }, (line) => lines.push(line));
  const report = await run(host);
  const code = process.exitCode ?? 0;
  process.exitCode = 0;
  return { code, stdout: lines.join("\n"), outputs: host.outputs, report };
}

describe("npm start, in-process", () => {
  afterEach(() => {
    process.exitCode = 0;
  });

  it("dry-runs the shipped worker by default, offline, and prints what it did and which model serves each name", async () => {
    const r = await start([]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain("mode: dry-run (not running in GitHub Actions: local dry run)");
    expect(r.stdout).toContain('would find or create KV namespace "cf-ai-proxy-CACHE" (binding CACHE)');
    expect(r.stdout).toMatch(/patched config written to .*wrangler\.jsonc/);
    expect(r.stdout).toContain("gpt-4o-mini → @cf/google/gemma-4-26b-a4b-it");
    expect(r.outputs.mode).toBe("dry-run");
    expect(r.report.stages.map((s) => s.name)).toEqual([
      "inputs",
      "plan",
      "preflight",
      "provision",
      "patch",
      "contract",
      "deploy",
      "report",
    ]);
  }, 120_000);

  it("fails offline in the preflight, before building anything, when a model is retired", async () => {
    const r = await start(["--default-model", "@cf/meta/llama-3.1-8b-instruct"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'error: preflight stage failed: DEFAULT_AI_MODEL (input "default-model") names @cf/meta/llama-3.1-8b-instruct',
    );
    expect(r.stdout).not.toContain("▸ provision");
    // The failing check still reports which name resolves to what.
    expect(r.report.models?.resolutions.length).toBeGreaterThan(0);
  }, 120_000);

  it("takes inputs as flags, and a bad one fails its stage, naming it", async () => {
    const flags = await start(["--worker-name", "my-proxy", "--kv-namespaces", "CACHE\nSESSIONS"]);
    expect(flags.code, flags.stdout).toBe(0);
    expect(flags.stdout).toContain('would find or create KV namespace "my-proxy-SESSIONS" (binding SESSIONS)');
    const bad = await start(["--worker-name", "Not_Valid"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('error: plan stage failed: input "worker-name": "Not_Valid" is not a valid worker name');
    expect(() => localHost(["--colour", "blue"])).toThrow(/unknown argument "--colour"\nUsage: npm start/);
  }, 120_000);

  it("deploys for real with --mode deploy and the credentials wrangler reads, printing neither", async () => {
    const cf = await startFakeCloudflare();
    try {
      const r = await start(["--mode", "deploy", "--api-keys", "sk-local-1", "--smoke-test", "false", "--worker-name", "from-laptop"], {
        CLOUDFLARE_API_TOKEN: cf.token,
        CLOUDFLARE_ACCOUNT_ID: cf.accountId,
        CLOUDFLARE_API_BASE_URL: cf.apiBase,
      });
      expect(r.code, r.stdout).toBe(0);
      expect(r.outputs["worker-url"]).toBe("https://from-laptop.fake-account.workers.dev");
      expect(cf.state.secrets("from-laptop")).toEqual({ API_KEYS: "sk-local-1" });
      expect(r.stdout).not.toContain(cf.token);
      expect(r.stdout).not.toContain("sk-local-1");
    } finally {
      await cf.close();
    }
  }, 120_000);
});
