// Modes deploy and preview: hand the tested worker to wrangler, then smoke-test the live one.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CloudflareApi } from "../cloudflare/api.js";
import type { RunContext } from "../context.js";
import { INPUT } from "../inputs.js";
import { smokeTest } from "../stages/smoke.js";
import type { WranglerConfig } from "../config/parse.js";
import { bundleWorker, deploy, deployWorkerPreview, uploadPreviewVersion, type BundleInfo, type WranglerContext } from "../wrangler/commands.js";
import { canGate, startGatedDeploy, versionRefusesGate, type GatedDeploy } from "../wrangler/gated-deploy.js";
import type { Built } from "./build.js";

/** The secret the shipped proxy reads its client keys from. */
export const API_KEYS_SECRET = "API_KEYS";

/** What the uploaded worker is: its bundle, its config and its keys. Tags the version; equal hash = nothing to upload. */
export function contentHash(bundleDir: string, configText: string, secrets: Record<string, string>): string {
  const hash = createHash("sha256");
  // Source maps name the (temporary) build folder: only the modules themselves count.
  for (const file of readdirSync(bundleDir).filter((f) => /\.(m?js|cjs|wasm|txt|html|sql|bin)$/.test(f)).sort()) {
    hash.update(file).update("\0").update(readFileSync(join(bundleDir, file))).update("\0");
  }
  hash.update(configText).update("\0");
  for (const name of Object.keys(secrets).sort()) hash.update(name).update("=").update(createHash("sha256").update(secrets[name]).digest("hex")).update("\0");
  return `cfap-${hash.digest("hex").slice(0, 16)}`;
}

function secretsToUpload(ctx: RunContext): Record<string, string> {
  return ctx.inputs.apiKeys.length ? { [API_KEYS_SECRET]: ctx.inputs.apiKeys.join(",") } : {};
}

/** The shipped proxy refuses every request without API_KEYS: never deploy it that way (checked before any write). */
export async function requireApiKeys(ctx: RunContext, api: CloudflareApi, script: string): Promise<void> {
  if (!ctx.source.shipped || ctx.inputs.apiKeys.length) return;
  const names = await api.secretNames(script);
  if (names?.includes(API_KEYS_SECRET)) {
    ctx.log(`no "${INPUT.apiKeys}" input: keeping the ${API_KEYS_SECRET} secret already on ${script}`);
    return;
  }
  throw new Error(
    `the proxy would refuse every request: input "${INPUT.apiKeys}" is empty and worker ${script} has no ${API_KEYS_SECRET} secret${names === undefined ? " (it does not exist yet)" : ""}. ` +
      `Create a repository secret (e.g. PROXY_API_KEYS, one or more keys separated by commas) and pass it as \`${INPUT.apiKeys}: \${{ secrets.PROXY_API_KEYS }}\`, or set it once with \`wrangler secret put ${API_KEYS_SECRET} --name ${script}\`.`,
  );
}

/**
 * For a push or manual deploy of a worker whose bundle is known before the tests (the shipped proxy), start
 * wrangler now and let it wait for the tests (gated-deploy.ts). Scheduled runs may skip the upload: not them.
 */
export function gatedDeployFor(ctx: RunContext, bundle: BundleInfo, configText: string, config: WranglerConfig, wranglerVersion: string, bin: string): GatedDeploy | undefined {
  if (ctx.plan.mode !== "deploy" || ctx.event.name === "schedule" || bundle.madeBy !== "config") return undefined;
  const refused = versionRefusesGate(wranglerVersion);
  if (refused) ctx.log(refused);
  if (refused || !canGate(wranglerVersion, config)) return undefined;
  const secrets = secretsToUpload(ctx);
  const wctx: WranglerContext = { bin, configPath: ctx.report.configPath!, env: ctx.wranglerEnv(), log: ctx.log };
  ctx.log("wrangler deploy starts now and waits for the contract tests before it uploads anything");
  return startGatedDeploy(wctx, { tag: contentHash(bundle.directory, configText, secrets), message: deployMessage(ctx) });
}

const deployMessage = (ctx: RunContext) => (ctx.event.sha ? `${ctx.event.name || "local"} ${ctx.event.sha.slice(0, 7)}` : `cf-ai-proxy-action ${ctx.plan.mode}`);

export async function deployMode(ctx: RunContext, built: Built, gated?: GatedDeploy): Promise<void> {
  const { plan, report, inputs, event } = ctx;
  const api = ctx.cloudflare();
  const wrangler = await ctx.wrangler();
  const wctx: WranglerContext = { bin: wrangler.bin, configPath: built.configPath, env: ctx.wranglerEnv(), log: ctx.log };
  const secrets = secretsToUpload(ctx);
  const tag = gated?.tag ?? contentHash(built.bundle.directory, built.configText, secrets);

  const before = await ctx.stages.run("deploy", async (detail) => {
    const before = await api.deployments(plan.targetName);
    if (event.name === "schedule" && before?.live.tag === tag) {
      report.versionId = before.live.versionId;
      report.workerUrl = await api.workersDevUrl(plan.targetName);
      report.facts.push(`The live version ${before.live.versionId} already carries content hash ${tag}: nothing to upload (namespaces checked, smoke test still runs).`);
      detail(`unchanged (${tag}): upload skipped`);
      return { before, uploaded: false };
    }
    const deployed = gated ? await gated.release(secrets) : await deploy(wctx, { tag, message: deployMessage(ctx), secrets });
    report.versionId = deployed.versionId;
    report.workerUrl = deployed.url ?? (await api.workersDevUrl(plan.targetName));
    detail(`version ${deployed.versionId}${Object.keys(secrets).length ? `, secret ${API_KEYS_SECRET} uploaded with it` : ""}`);
    return { before, uploaded: true };
  });

  if (!inputs.smokeTest) return;
  await ctx.stages.run("smoke", async (detail) => {
    const base = inputs.smokeTestUrl || report.workerUrl;
    if (!base) {
      detail("skipped: no URL (the worker has no workers.dev route; set smoke-test-url)");
      return;
    }
    const proxy = ctx.source.shipped || /\bmodels\b/.test(String(ctx.report.contract?.groups ?? ""));
    const key = inputs.apiKeys[0];
    const url = proxy && key ? `${base}/v1/models` : `${base}/`;
    // How long a new version may take to answer everywhere; CF_AI_PROXY_SMOKE_DEADLINE_MS overrides it.
    const deadlineMs = Number(ctx.host.env.CF_AI_PROXY_SMOKE_DEADLINE_MS) || undefined;
    const result = await smokeTest({ url, key: proxy ? key : undefined }, { deadlineMs });
    if (result.ok) {
      detail(result.detail);
      return;
    }
    let rollback = "";
    if (inputs.rollbackOnFailure && before.uploaded && before.before?.live.versionId) {
      await api.deployVersion(plan.targetName, before.before.live.versionId, `rollback: smoke test failed for ${report.versionId}`);
      rollback = `; rolled back to version ${before.before.live.versionId}, which was live before this run`;
      report.facts.push(`Rolled back to version ${before.before.live.versionId}.`);
    } else if (inputs.rollbackOnFailure && before.uploaded) {
      rollback = "; nothing to roll back to (this was the worker's first version)";
    }
    throw new Error(`smoke test failed after ${result.attempts} attempt(s): ${result.detail}${rollback}`);
  });
}

export async function previewMode(ctx: RunContext, built: Built): Promise<void> {
  const { plan, report } = ctx;
  const preview = plan.preview!;
  if (preview.strategy === "worker") {
    // A worker of its own: deployed like production, under its preview name, with its own storage.
    await deployMode({ ...ctx, inputs: { ...ctx.inputs, smokeTest: false } }, built);
    report.previewUrl = report.workerUrl;
    return;
  }
  const wrangler = await ctx.wrangler();
  if (preview.strategy === "preview") {
    await ctx.stages.run("preview", async (detail) => {
      const wctx: WranglerContext = { bin: wrangler.bin, configPath: built.configPath, env: ctx.wranglerEnv(), log: ctx.log };
      const secrets = secretsToUpload(ctx);
      const message = `PR #${preview.number} ${ctx.event.pullRequest?.headSha.slice(0, 7) ?? ""}`.trim();
      const deployed = await deployWorkerPreview(wctx, { name: preview.previewName, tag: contentHash(built.bundle.directory, built.configText, secrets), message, secrets });
      report.versionId = deployed.deploymentId;
      report.previewUrl = deployed.url;
      report.facts.push(`Worker Preview ${preview.previewName} of ${plan.workerName}: its own URL and Durable Object state; production was not touched. Cron triggers and routes do not run on previews.`);
      detail(`Worker Preview ${preview.previewName}, deployment ${deployed.deploymentId}${deployed.url ? ` at ${deployed.url}` : " (Cloudflare reported no URL)"}`);
    });
    return;
  }
  await ctx.stages.run("preview", async (detail) => {
    const wctx: WranglerContext = { bin: wrangler.bin, configPath: built.configPath, env: ctx.wranglerEnv(), log: ctx.log };
    const tag = contentHash(built.bundle.directory, built.configText, {});
    const uploaded = await uploadPreviewVersion(wctx, { alias: preview.alias, tag, message: `PR #${preview.number} ${ctx.event.pullRequest?.headSha.slice(0, 7) ?? ""}`.trim() });
    report.versionId = uploaded.versionId;
    report.previewUrl = uploaded.previewUrl;
    detail(`version ${uploaded.versionId}${uploaded.previewUrl ? ` at ${uploaded.previewUrl}` : " (Cloudflare reported no preview URL)"}`);
  });
}

/** Mode dry-run: what a deploy would upload, checked by wrangler itself (`deploy --dry-run`), nothing sent. */
export async function dryRunMode(ctx: RunContext, built: Built): Promise<void> {
  await ctx.stages.run("deploy", async (detail) => {
    let bundle = built.bundle;
    if (bundle.madeBy !== "wrangler") {
      const wrangler = await ctx.wrangler();
      bundle = await bundleWorker({ bin: wrangler.bin, configPath: built.configPath, env: { NODE_COMPILE_CACHE: ctx.compileCache }, log: ctx.log }, built.bundle.main);
    }
    const tag = contentHash(built.bundle.directory, built.configText, secretsToUpload(ctx));
    ctx.log(`would upload ${ctx.plan.targetName} (${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip) tagged ${tag}${ctx.inputs.apiKeys.length ? ` with secret ${API_KEYS_SECRET}` : ""}`);
    ctx.report.facts.push("Dry run: nothing was created or uploaded; `wrangler deploy --dry-run` checked what would be.");
    detail(`wrangler deploy --dry-run: ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip, nothing uploaded`);
  });
}
