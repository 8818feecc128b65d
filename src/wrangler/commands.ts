// The wrangler commands the pipeline runs, each returning what wrangler's output file says.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { deployUrls, findRecord, type WranglerRecord } from "./output.js";
import { runWrangler, WranglerError } from "./run.js";

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
  await runWrangler({
    bin: ctx.bin,
    args: ["deploy", "--dry-run", "--outdir", outdir, "--config", ctx.configPath],
    cwd: dirname(ctx.configPath),
    env: ctx.env,
    log: ctx.log,
  });
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
export async function deploy(
  ctx: WranglerContext,
  o: { tag: string; message: string; secrets: Record<string, string> },
): Promise<Deployed> {
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
export async function uploadPreviewVersion(
  ctx: WranglerContext,
  o: { alias: string | undefined; tag: string; message: string },
): Promise<Uploaded> {
  const { records } = await runWrangler({
    bin: ctx.bin,
    command: "versions upload",
    args: [
      "versions",
      "upload",
      "--config",
      ctx.configPath,
      "--tag",
      o.tag,
      "--message",
      o.message,
      ...(o.alias ? ["--preview-alias", o.alias] : []),
    ],
    cwd: dirname(ctx.configPath),
    env: ctx.env,
    log: ctx.log,
  });
  const record = findRecord(records, "version-upload");
  if (!record?.version_id) throw new Error("wrangler versions upload finished without reporting a version id in its output file");
  return { versionId: record.version_id, previewUrl: record.preview_alias_url || record.preview_url || undefined };
}

export interface PreviewDeployed {
  previewId: string;
  deploymentId: string;
  /** The preview's stable URL (it follows its newest deployment). */
  url: string | undefined;
}

/**
 * `wrangler preview --name <name>`: a Worker Preview of the config's worker, with its own URL and its own
 * Durable Object namespaces, bound to what the config's `previews` block lists; secrets travel with the upload.
 */
export async function deployWorkerPreview(
  ctx: WranglerContext,
  o: { name: string; tag: string; message: string; secrets: Record<string, string> },
): Promise<PreviewDeployed> {
  return withSecretsFile(o.secrets, async (secretsArgs) => {
    const { records } = await runWrangler({
      bin: ctx.bin,
      args: ["preview", "--config", ctx.configPath, "--name", o.name, "--tag", o.tag, "--message", o.message, ...secretsArgs],
      cwd: dirname(ctx.configPath),
      env: ctx.env,
      log: ctx.log,
    });
    const record = findRecord(records, "preview");
    if (!record?.deployment_id) throw new Error("wrangler preview finished without reporting a deployment in its output file");
    const url = [...(record.preview_urls ?? []), ...(record.deployment_urls ?? [])].find((u) => u.startsWith("https://"));
    return { previewId: record.preview_id, deploymentId: record.deployment_id, url };
  });
}

/** `wrangler preview delete`: the preview and all its deployments. False when there was none. */
export async function deleteWorkerPreview(
  ctx: Omit<WranglerContext, "configPath"> & { cwd: string },
  o: { worker: string; name: string },
): Promise<boolean> {
  try {
    await runWrangler({
      bin: ctx.bin,
      command: "preview delete",
      args: ["preview", "delete", "--worker-name", o.worker, "--name", o.name, "--skip-confirmation"],
      cwd: ctx.cwd,
      env: ctx.env,
      log: ctx.log,
    });
    return true;
  } catch (error) {
    // 10025: no such preview; 10007: no such worker. Either way nothing is left to remove.
    if (error instanceof WranglerError && /\[code: (10025|10007)\]/.test(error.message)) return false;
    throw error;
  }
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
