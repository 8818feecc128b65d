// The stages after the build: deploy, preview or dry-run hands the tested worker to wrangler (smoke.ts then tests it).
import type { CloudflareApi } from "../cloudflare/api.js";
import { contentTag } from "../content-tag.js";
import type { RunContext } from "../context.js";
import { INPUT } from "../inputs.js";
import type { WranglerConfig } from "../config/parse.js";
import { bundleWorker, deploy, deployWorkerPreview, uploadPreviewVersion, type WranglerContext } from "../wrangler/commands.js";
import { canGate, startGatedDeploy, versionRefusesGate, type GatedDeploy } from "../wrangler/gated-deploy.js";
import type { Stage } from "../orchestrator.js";
import { built, type Built, type RunState } from "./06-contract.js";

/** The secret the shipped proxy reads its client keys from. */
export const API_KEYS_SECRET = "API_KEYS";

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
export function gatedDeployFor(
  ctx: RunContext,
  built: Built & { config: WranglerConfig },
  wranglerVersion: string,
  bin: string,
): GatedDeploy | undefined {
  if (ctx.plan.mode !== "deploy" || ctx.event.name === "schedule" || built.bundle.madeBy !== "config") return undefined;
  const refused = versionRefusesGate(wranglerVersion);
  if (refused) ctx.log(refused);
  if (refused || !canGate(wranglerVersion, built.config)) return undefined;
  const secrets = secretsToUpload(ctx);
  const wctx = wranglerContext(ctx, bin, built.configPath);
  ctx.log("wrangler deploy starts now and waits for the contract tests before it uploads anything");
  return startGatedDeploy(wctx, {
    tag: contentTag(ctx.inputs.apiToken, built.bundle.directory, built.configText, secrets),
    message: deployMessage(ctx),
  });
}

const deployMessage = (ctx: RunContext) =>
  ctx.event.sha ? `${ctx.event.name || "local"} ${ctx.event.sha.slice(0, 7)}` : `cf-ai-proxy-action ${ctx.plan.mode}`;

/** Uploads and deploys the tested worker (through the gated deploy when the contract stage started one). */
export function deployStage(ctx: RunContext, o: { asPreview?: boolean } = {}): Stage<RunState> {
  const { plan, report, inputs, event } = ctx;
  return {
    name: "deploy",
    async run(state, { detail }) {
      const b = built(state);
      const gated = state.gated;
      const api = ctx.cloudflare();
      const wrangler = await ctx.wrangler();
      const wctx = wranglerContext(ctx, wrangler.bin, b.configPath);
      const secrets = secretsToUpload(ctx);
      const tag = gated?.tag ?? contentTag(inputs.apiToken, b.bundle.directory, b.configText, secrets);
      const before = await api.deployments(plan.targetName);
      if (event.name === "schedule" && before?.live.tag === tag) {
        report.versionId = before.live.versionId;
        report.workerUrl = await api.workersDevUrl(plan.targetName);
        // The tag itself stays out of the summary and the log: it is derived from the keys.
        report.facts.push(
          `The live version ${before.live.versionId} already has this run's code, config and keys: nothing to upload (namespaces checked, smoke test still runs).`,
        );
        detail("unchanged: upload skipped");
        return { deployed: { before, uploaded: false } };
      }
      const deployed = gated ? await gated.release(secrets) : await deploy(wctx, { tag, message: deployMessage(ctx), secrets });
      report.versionId = deployed.versionId;
      report.workerUrl = deployed.url ?? (await api.workersDevUrl(plan.targetName));
      // A worker preview is deployed like production, under its preview name: its URL is the preview's.
      if (o.asPreview) report.previewUrl = report.workerUrl;
      detail(`version ${deployed.versionId}${Object.keys(secrets).length ? `, secret ${API_KEYS_SECRET} uploaded with it` : ""}`);
      return { deployed: { before, uploaded: true } };
    },
  };
}

/** A pull request's preview: a worker of its own (deployed like production), a Worker Preview or a version preview. */
export function previewStage(ctx: RunContext): Stage<RunState> {
  const preview = ctx.plan.preview!;
  if (preview.strategy === "worker") return deployStage(ctx, { asPreview: true });
  return preview.strategy === "preview" ? workerPreviewStage(ctx) : versionPreviewStage(ctx);
}

function workerPreviewStage(ctx: RunContext): Stage<RunState> {
  const { plan, report } = ctx;
  const preview = plan.preview!;
  return {
    name: "preview",
    async run(state, { detail }) {
      const b = built(state);
      const wrangler = await ctx.wrangler();
      const wctx = wranglerContext(ctx, wrangler.bin, b.configPath);
      const secrets = secretsToUpload(ctx);
      const message = previewMessage(ctx);
      const deployed = await deployWorkerPreview(wctx, {
        name: preview.previewName,
        tag: contentTag(ctx.inputs.apiToken, b.bundle.directory, b.configText, secrets),
        message,
        secrets,
      });
      report.versionId = deployed.deploymentId;
      report.previewUrl = deployed.url;
      report.facts.push(
        `Worker Preview ${preview.previewName} of ${plan.workerName}: its own URL and Durable Object state; production was not touched. Cron triggers and routes do not run on previews.`,
      );
      detail(
        `Worker Preview ${preview.previewName}, deployment ${deployed.deploymentId}${deployed.url ? ` at ${deployed.url}` : " (Cloudflare reported no URL)"}`,
      );
      return undefined;
    },
  };
}

function versionPreviewStage(ctx: RunContext): Stage<RunState> {
  const { plan, report } = ctx;
  const preview = plan.preview!;
  return {
    name: "preview",
    async run(state, { detail }) {
      const b = built(state);
      const wrangler = await ctx.wrangler();
      const wctx = wranglerContext(ctx, wrangler.bin, b.configPath);
      const tag = contentTag(ctx.inputs.apiToken, b.bundle.directory, b.configText, {});
      const uploaded = await uploadPreviewVersion(wctx, {
        alias: preview.alias,
        tag,
        message: previewMessage(ctx),
      });
      report.versionId = uploaded.versionId;
      report.previewUrl = uploaded.previewUrl;
      detail(
        `version ${uploaded.versionId}${uploaded.previewUrl ? ` at ${uploaded.previewUrl}` : " (Cloudflare reported no preview URL)"}`,
      );
      return undefined;
    },
  };
}

/** Mode dry-run: what a deploy would upload, checked by wrangler itself (`deploy --dry-run`), nothing sent. */
export function dryRunStage(ctx: RunContext): Stage<RunState> {
  return {
    name: "deploy",
    async run(state, { detail }) {
      const b = built(state);
      let bundle = b.bundle;
      if (bundle.madeBy !== "wrangler") {
        const wrangler = await ctx.wrangler();
        bundle = await bundleWorker(
          { bin: wrangler.bin, configPath: b.configPath, env: { NODE_COMPILE_CACHE: ctx.compileCache }, log: ctx.log },
          b.bundle.main,
        );
      }
      ctx.log(
        `would upload ${ctx.plan.targetName} (${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip)${ctx.inputs.apiKeys.length ? ` with secret ${API_KEYS_SECRET}` : ""}`,
      );
      ctx.report.facts.push("Dry run: nothing was created or uploaded; `wrangler deploy --dry-run` checked what would be.");
      detail(`wrangler deploy --dry-run: ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip, nothing uploaded`);
      return undefined;
    },
  };
}

/** How wrangler runs for this worker: the action's own environment (credentials, compile cache) and log. */
function wranglerContext(ctx: RunContext, bin: string, configPath: string): WranglerContext {
  return { bin, configPath, env: ctx.wranglerEnv(), log: ctx.log };
}

/** The message a pull request's preview carries: its number and head commit. */
const previewMessage = (ctx: RunContext) => `PR #${ctx.plan.preview!.number} ${ctx.event.pullRequest?.headSha.slice(0, 7) ?? ""}`.trim();
