// Runs wrangler as a child process on this very Node (process.execPath: the runner's Node 24),
// quiet and offline-friendly, and returns its machine-readable records.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseOutputFile, findRecord, type WranglerRecord } from "./output.js";

export interface WranglerCall {
  /** Path of wrangler's bin/wrangler.js. */
  bin: string;
  args: string[];
  cwd: string;
  /** CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_BASE_URL …, added to a clean environment. */
  env: Record<string, string | undefined>;
  log: (line: string) => void;
  stdin?: string;
  /** How error messages name the command, e.g. "versions upload" (default: the first argument). */
  command?: string;
  /** Stops the process (SIGTERM): a gated deploy whose contract tests failed. */
  signal?: AbortSignal;
}

export interface WranglerResult {
  records: WranglerRecord[];
  output: string;
}

export class WranglerError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    detail: string,
    readonly records: WranglerRecord[],
  ) {
    super(`wrangler ${command} failed (exit ${exitCode ?? "signal"}): ${detail}`);
    this.name = "WranglerError";
  }
}

/** Environment variables of the parent that wrangler may see; everything else (other secrets) stays out. */
const PASSED_THROUGH = [
  "PATH",
  "HOME",
  "TMPDIR",
  "TEMP",
  "TMP",
  "LANG",
  "SYSTEMROOT",
  "HTTPS_PROXY",
  "HTTP_PROXY",
  "NO_PROXY",
  "https_proxy",
  "http_proxy",
  "no_proxy",
  "NODE_EXTRA_CA_CERTS",
  "CLOUDFLARE_API_BASE_URL",
];

export async function runWrangler(call: WranglerCall): Promise<WranglerResult> {
  const dir = mkdtempSync(join(tmpdir(), "wrangler-out-"));
  const outputFile = join(dir, "output.ndjson");
  const env: Record<string, string> = {};
  for (const key of PASSED_THROUGH) if (process.env[key] !== undefined) env[key] = process.env[key]!;
  Object.assign(env, {
    CI: "true",
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_SEND_ERROR_REPORTS: "false",
    WRANGLER_HIDE_BANNER: "true",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    WRANGLER_OUTPUT_FILE_PATH: outputFile,
  });
  for (const [key, value] of Object.entries(call.env)) if (value !== undefined && value !== "") env[key] = value;

  const command = call.command ?? call.args[0];
  try {
    const { code, output } = await spawnAndStream(call, env);
    const records = readRecords(outputFile);
    if (code !== 0) {
      const failed = findRecord(records, "command-failed");
      // The record says which request failed; Cloudflare's own reason ("… [code: N]") is only in the log.
      const reasons = output
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => /\[code: \d+\]/.test(l));
      const detail = [failed?.message, ...new Set(reasons)].filter(Boolean).join(" ") || lastLines(output) || "no output";
      throw new WranglerError(command, code, detail, records);
    }
    return { records, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readRecords(file: string): WranglerRecord[] {
  try {
    return parseOutputFile(readFileSync(file, "utf8"));
  } catch {
    return [];
  }
}

function spawnAndStream(call: WranglerCall, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry(call.bin), ...call.args], {
      cwd: call.cwd,
      env,
      stdio: ["pipe", "pipe", "pipe"],
      signal: call.signal,
      killSignal: "SIGTERM",
    });
    let output = "";
    let pending = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) call.log(line);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (error) => (error.name === "AbortError" ? resolve({ code: null, output }) : reject(error)));
    child.on("close", (code) => {
      if (pending.trim()) call.log(pending);
      resolve({ code, output });
    });
    child.stdin.end(call.stdin ?? "");
  });
}

/**
 * wrangler's bin/wrangler.js only starts a second Node on wrangler-dist/cli.js with these flags: starting
 * cli.js directly saves a process, and a stop signal then reaches wrangler itself.
 */
function entry(bin: string): string[] {
  const cli = join(dirname(bin), "..", "wrangler-dist", "cli.js");
  return existsSync(cli) ? ["--no-warnings", "--experimental-vm-modules", cli] : [bin];
}

function lastLines(output: string, count = 6): string {
  return output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^[─⛅]/.test(l))
    .slice(-count)
    .join(" / ");
}
