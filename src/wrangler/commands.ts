// The wrangler commands the pipeline runs, each returning what wrangler's output file says.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { deployUrls, findRecord, type WranglerRecord } from "./output.js";
import { runWrangler } from "./run.js";

export interface WranglerContext {
  bin: string;
  configPath: string;
  /** CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_BASE_URL. */
  env: Record<string, string | undefined>;
  log: (line: string) => void;
}

export interface BundleInfo {
  directory: string;
  /** The main module, as deployed. */
  main: string;
  /** Made by `wrangler deploy --dry-run`, or the config's own module (no_bundle). */
  madeBy: "wrangler" | "config";
  bytes: number;
  gzipBytes: number;
}

/** `wrangler deploy --dry-run --outdir`: the exact bundle a deploy uploads; no API call, no account. */
export async function bundleWorker(ctx: WranglerContext, main: string): Promise<BundleInfo> {
  const outdir = mkdtempSync(join(tmpdir(), "cf-ai-proxy-bundle-"));
  await runWrangler({ bin: ctx.bin, args: ["deploy", "--dry-run", "--outdir", outdir, "--config", ctx.configPath], cwd: dirname(ctx.configPath), env: ctx.env, log: ctx.log });
  // wrangler names the bundle after the entry point: src/worker.ts → worker.js.
  const named = join(outdir, basename(main).replace(/\.[cm]?[jt]sx?$/, ".js"));
  const scripts = readdirSync(outdir).filter((f) => /\.m?js$/.test(f));
  const entry = existsSync(named) ? named : scripts.length === 1 ? join(outdir, scripts[0]) : join(outdir, "index.js");
  return measure(outdir, entry, "wrangler");
}

/** A config with `no_bundle` deploys its main module as it is: that file is the bundle. */
export function prebundled(main: string): BundleInfo {
  return measure(dirname(main), main, "config");
}

function measure(outdir: string, main: string, madeBy: BundleInfo["madeBy"]): BundleInfo {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of readdirSync(outdir)) {
    if (!/\.(m?js|wasm)$/.test(file) || !statSync(join(outdir, file)).isFile()) continue;
    const content = readFileSync(join(outdir, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { directory: outdir, main, madeBy, bytes, gzipBytes };
}

export interface Deployed {
  versionId: string;
  url: string | undefined;
}

/** `wrangler deploy`, with the secrets in the same upload so the new code never runs without them. */
export async function deploy(ctx: WranglerContext, o: { tag: string; message: string; secrets: Record<string, string> }): Promise<Deployed> {
  return withSecretsFile(o.secrets, async (secretsArgs) => {
    const { records } = await runWrangler({
      bin: ctx.bin,
      args: ["deploy", "--config", ctx.configPath, "--tag", o.tag, "--message", o.message, ...secretsArgs],
      cwd: dirname(ctx.configPath),
      env: ctx.env,
      log: ctx.log,
    });
    return deployedFrom(records);
  });
}

/** What a finished `wrangler deploy` reported in its output file. */
export function deployedFrom(records: WranglerRecord[]): Deployed {
  const record = findRecord(records, "deploy");
  if (!record?.version_id) throw new Error("wrangler deploy finished without reporting a version id in its output file");
  return { versionId: record.version_id, url: deployUrls(record)[0] };
}

export interface Uploaded {
  versionId: string;
  previewUrl: string | undefined;
}

/** `wrangler versions upload --preview-alias`: a version that serves no traffic, only its preview URLs. */
export async function uploadPreviewVersion(ctx: WranglerContext, o: { alias: string | undefined; tag: string; message: string }): Promise<Uploaded> {
  const { records } = await runWrangler({
    bin: ctx.bin,
    command: "versions upload",
    args: ["versions", "upload", "--config", ctx.configPath, "--tag", o.tag, "--message", o.message, ...(o.alias ? ["--preview-alias", o.alias] : [])],
    cwd: dirname(ctx.configPath),
    env: ctx.env,
    log: ctx.log,
  });
  const record = findRecord(records, "version-upload");
  if (!record?.version_id) throw new Error("wrangler versions upload finished without reporting a version id in its output file");
  return { versionId: record.version_id, previewUrl: record.preview_alias_url || record.preview_url || undefined };
}

/** Secrets go to wrangler in a private temporary file that is removed whatever happens. */
async function withSecretsFile<T>(secrets: Record<string, string>, fn: (args: string[]) => Promise<T>): Promise<T> {
  if (Object.keys(secrets).length === 0) return fn([]);
  const dir = mkdtempSync(join(tmpdir(), "cf-ai-proxy-secrets-"));
  const file = join(dir, "secrets.json");
  try {
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
    return await fn(["--secrets-file", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
