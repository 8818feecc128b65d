// A deploy that starts while the contract tests run and waits for them. wrangler spends about a second
// starting and reading the worker's state before it uploads anything; here it does that during the tests,
// then stops to read its secrets from a named pipe. Passing tests write the secrets and the upload goes on;
// failing tests stop wrangler before it has written anything. Measured in bench/pipeline.
import { execFileSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { WranglerConfig } from "../config/parse.js";
import { deployedFrom, type Deployed, type WranglerContext } from "./commands.js";
import { runWrangler, type WranglerResult } from "./run.js";

/**
 * The wrangler versions whose deploy is known to make only read requests before it reads --secrets-file
 * (checked in wrangler 4.86.0's deploy: services, settings, deployments, secrets; then the secrets file,
 * then the upload). Other versions deploy the plain way, after the tests.
 */
export const GATE_SAFE_VERSIONS: ReadonlySet<string> = new Set(["4.86.0"]);

/** Why this wrangler deploys after the tests rather than beside them; undefined when it may wait beside them. */
export function versionRefusesGate(wranglerVersion: string): string | undefined {
  if (GATE_SAFE_VERSIONS.has(wranglerVersion)) return undefined;
  const proven = [...GATE_SAFE_VERSIONS].join(", ");
  return (
    `wrangler ${wranglerVersion} deploys after the contract tests: starting the deploy beside them is proven only with wrangler ${proven}, ` +
    "whose deploy sends nothing but reads before it opens its secrets file"
  );
}

export function canGate(wranglerVersion: string, config: WranglerConfig): boolean {
  if (process.platform === "win32" || versionRefusesGate(wranglerVersion)) return false;
  // Static assets and Workers Sites are uploaded before the secrets are read.
  if (config.assets !== undefined || config.site !== undefined) return false;
  try {
    execFileSync("mkfifo", ["--version"], { stdio: "ignore" });
  } catch {
    return process.platform === "darwin"; // BSD mkfifo has no --version; it is there on macOS
  }
  return true;
}

export interface GatedDeploy {
  /** The content-hash tag the version will carry. */
  readonly tag: string;
  /** The tests passed: hand wrangler its secrets; resolves when the deploy is done. */
  release(secrets: Record<string, string>): Promise<Deployed>;
  /** The tests failed (or anything else did): stop wrangler before it writes. Safe to call more than once. */
  abort(): Promise<void>;
}

export function startGatedDeploy(ctx: WranglerContext, o: { tag: string; message: string }): GatedDeploy {
  const dir = mkdtempSync(join(tmpdir(), "cf-ai-proxy-gate-"));
  const gate = join(dir, "secrets.json");
  execFileSync("mkfifo", ["-m", "600", gate]);
  const stop = new AbortController();
  const running: Promise<WranglerResult> = runWrangler({
    bin: ctx.bin,
    args: ["deploy", "--config", ctx.configPath, "--tag", o.tag, "--message", o.message, "--secrets-file", gate],
    cwd: dirname(ctx.configPath),
    env: ctx.env,
    log: ctx.log,
    signal: stop.signal,
  });
  running.catch(() => {}); // awaited in release(); after abort() nobody wants it
  let settled = false;
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });

  return {
    tag: o.tag,
    async release(secrets) {
      if (settled) throw new Error("the gated deploy was already released or aborted");
      settled = true;
      const writing = writeFile(gate, JSON.stringify(secrets));
      // Opening the pipe waits for wrangler to read it; if wrangler ended first (it failed), unblock our side.
      const first = await Promise.race([
        writing.then(() => "written" as const),
        running.then(
          () => "ended" as const,
          () => "ended" as const,
        ),
      ]);
      if (first === "ended") unblock(gate, writing);
      try {
        return deployedFrom((await running).records);
      } finally {
        await writing.catch(() => {});
        cleanUp();
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      stop.abort();
      await running.catch(() => {});
      cleanUp();
    },
  };
}

/** A writer waiting on a pipe nobody will read: become the reader for a moment, so its open and write finish. */
function unblock(pipe: string, writing: Promise<void>) {
  try {
    const fd = openSync(pipe, constants.O_RDONLY | constants.O_NONBLOCK);
    void writing.finally(() => closeSync(fd));
  } catch {
    // the pipe is gone: nothing waits on it
  }
}
