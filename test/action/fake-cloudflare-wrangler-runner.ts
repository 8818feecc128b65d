// Runs the real wrangler (node_modules/wrangler, 4.86, or another one given by path, on a given Node) against a fake Cloudflare API in a throwaway project
// directory with its own HOME, and reads its machine-readable NDJSON records (never its stdout).
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FakeCloudflare } from "../fakes/cloudflare-api/server.js";

const WRANGLER = resolve(import.meta.dirname, "../../node_modules/wrangler/bin/wrangler.js");

export interface WranglerRecord {
  type: string;
  version: number;
  [field: string]: unknown;
}

export interface WranglerRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The NDJSON records this run appended (wrangler-session excluded). */
  records: WranglerRecord[];
  record(type: string): WranglerRecord | undefined;
}

export interface WranglerProject {
  dir: string;
  run(args: string[], options?: { stdin?: string; token?: string; env?: Record<string, string> }): Promise<WranglerRun>;
  write(file: string, content: string): Promise<void>;
  dispose(): Promise<void>;
}

export interface WorkerConfig {
  name: string;
  kvNamespaceId?: string;
  extra?: Record<string, unknown>;
}

/** A tiny worker (index.js) with a KV binding CACHE and an AI binding, in its own temp dir. */
export async function createWranglerProject(
  cf: FakeCloudflare,
  worker: WorkerConfig,
  tool: { wrangler?: string; node?: string } = {},
): Promise<WranglerProject> {
  const dir = await mkdtemp(join(tmpdir(), "fake-cf-wrangler-"));
  const outFile = join(dir, "wrangler-output.ndjson");
  const config = {
    name: worker.name,
    main: "index.js",
    compatibility_date: "2026-04-01",
    ...(worker.kvNamespaceId !== undefined && { kv_namespaces: [{ binding: "CACHE", id: worker.kvNamespaceId }] }),
    ai: { binding: "AI" },
    ...worker.extra,
  };
  await writeFile(join(dir, "wrangler.jsonc"), `// written by the fake Cloudflare tests\n${JSON.stringify(config, null, 2)}\n`);
  await writeFile(
    join(dir, "index.js"),
    `export default {\n  async fetch(request, env) {\n    const hit = await env.CACHE.get("greeting");\n    return new Response(hit ?? "hello from ${worker.name}");\n  },\n};\n`,
  );
  let consumed = 0;

  async function run(args: string[], options: { stdin?: string; token?: string; env?: Record<string, string> } = {}): Promise<WranglerRun> {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, ".config"),
      CLOUDFLARE_API_BASE_URL: cf.apiBase,
      CLOUDFLARE_API_TOKEN: options.token ?? cf.token,
      CLOUDFLARE_ACCOUNT_ID: cf.accountId,
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_SEND_ERROR_REPORTS: "false",
      WRANGLER_HIDE_BANNER: "true",
      WRANGLER_OUTPUT_FILE_PATH: outFile,
      CI: "true",
      NO_COLOR: "1",
      ...options.env,
    };
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(tool.node ?? process.execPath, [tool.wrangler ?? WRANGLER, ...args], {
        cwd: dir,
        env,
        stdio: ["pipe", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
      child.on("error", fail);
      child.on("close", (exit) => done({ code: exit, stdout: out, stderr: err }));
      child.stdin.end(options.stdin ?? "");
    });
    let text = "";
    try {
      text = await readFile(outFile, "utf8");
    } catch {
      // no record written
    }
    const lines = text.split("\n").filter(Boolean);
    const fresh = lines.slice(consumed).map((line) => JSON.parse(line) as WranglerRecord);
    consumed = lines.length;
    const records = fresh.filter((r) => r.type !== "wrangler-session");
    return { code, stdout, stderr, records, record: (type) => records.find((r) => r.type === type) };
  }

  return {
    dir,
    run,
    write: (file, content) => writeFile(join(dir, file), content),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
