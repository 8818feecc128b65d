// `npm start`: the built action in a terminal, where it defaults to a dry run of the shipped worker.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startFakeCloudflare } from "../fakes/cloudflare-api/server.js";
import { ROOT } from "../helpers/run-action.js";

function start(args: string[] = [], extraEnv: Record<string, string> = {}) {
  const env = { PATH: process.env.PATH ?? "", HOME: mkdtempSync(join(tmpdir(), "start-home-")), ...extraEnv };
  return spawnSync(process.execPath, [join(ROOT, "dist/index.js"), ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
}

/** spawnSync would block the fake server in this process: run asynchronously. */
async function startAsync(args: string[], extraEnv: Record<string, string>) {
  const { spawn } = await import("node:child_process");
  const env = { PATH: process.env.PATH ?? "", HOME: mkdtempSync(join(tmpdir(), "start-home-")), ...extraEnv };
  return new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "dist/index.js"), ...args], { cwd: ROOT, env });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stdout += d));
    child.on("close", (status) => resolve({ status, stdout }));
  });
}

describe("npm start", () => {
  it("dry-runs the pipeline and prints what it did", () => {
    const run = start();
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("mode: dry-run (not running in GitHub Actions: local dry run)");
    expect(run.stdout).toContain('would find or create KV namespace "cf-ai-proxy-CACHE" (binding CACHE)');
    expect(run.stdout).toMatch(/patched config written to .*wrangler\.jsonc/);
    expect(run.stdout).toContain("--dry-run: exiting now.");
    expect(run.stdout).toMatch(/mode=dry-run/);
    // Which name serves with which model, checked offline against the snapshot the stub serves.
    expect(run.stdout).toMatch(
      /models the worker will use, checked against the Workers AI catalogue snapshot of December 2026 bundled with the action \(\d+ active models\):/,
    );
    expect(run.stdout).toContain("gpt-4o-mini → @cf/google/gemma-4-26b-a4b-it");
    expect(run.stdout).toContain("text-embedding-3-small → @cf/baai/bge-base-en-v1.5");
    expect(run.stdout).toContain("whisper-1 → @cf/openai/whisper-large-v3-turbo");
  }, 120_000);

  it("fails offline, before building anything, when a model is retired", () => {
    const run = start(["--default-model", "@cf/meta/llama-3.1-8b-instruct"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'error: preflight stage failed: DEFAULT_AI_MODEL (input "default-model") names @cf/meta/llama-3.1-8b-instruct, which Workers AI deprecated on 2026-05-30 ' +
        "(requests to it fail with error 5028): use @cf/google/gemma-4-26b-a4b-it instead.",
    );
    expect(run.stdout).not.toContain("▸ provision");
  });

  it("takes inputs as flags", () => {
    const run = start(["--worker-name", "my-proxy", "--kv-namespaces", "CACHE\nSESSIONS"]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('would find or create KV namespace "my-proxy-SESSIONS" (binding SESSIONS)');
  }, 120_000);

  it("deploys for real with --mode deploy and the credentials wrangler reads", async () => {
    const cf = await startFakeCloudflare();
    try {
      const run = await startAsync(
        ["--mode", "deploy", "--api-keys", "sk-local-1", "--smoke-test", "false", "--worker-name", "from-laptop"],
        {
          CLOUDFLARE_API_TOKEN: cf.token,
          CLOUDFLARE_ACCOUNT_ID: cf.accountId,
          CLOUDFLARE_API_BASE_URL: cf.apiBase,
        },
      );
      expect(run.status, run.stdout).toBe(0);
      expect(run.stdout).toContain("worker-url=https://from-laptop.fake-account.workers.dev");
      expect(cf.state.secrets("from-laptop")).toEqual({ API_KEYS: "sk-local-1" });
      expect(run.stdout).not.toContain(cf.token);
    } finally {
      await cf.close();
    }
  }, 120_000);

  it("explains an unknown flag and exits 2", () => {
    const run = start(["--colour", "blue"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown argument "--colour"');
    expect(run.stderr).toContain("Usage: npm start");
  });

  it("fails with exit 1 and the stage on a bad input", () => {
    const run = start(["--worker-name", "Not_Valid"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('error: plan stage failed: input "worker-name": "Not_Valid" is not a valid worker name');
  });
});
