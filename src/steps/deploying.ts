// What the stages that hand the worker to wrangler share: how wrangler runs for it, the message a version
// carries, and the gated deploy the contract stage starts for the deploy stage to release.
import type { WranglerConfig } from "../config/parse.js";
import { contentTag } from "../content-tag.js";
import type { RunContext } from "../context.js";
import type { Plan } from "../plan.js";
import type { BundleInfo, WranglerContext } from "../wrangler/commands.js";
import { canGate, startGatedDeploy, versionRefusesGate, type GatedDeploy } from "../wrangler/gated-deploy.js";
import { secretsToUpload } from "./secrets.js";

/** How wrangler runs for this worker: the action's own environment (credentials, compile cache) and log. */
export function wranglerContext(ctx: RunContext, bin: string, configPath: string): WranglerContext {
  return { bin, configPath, env: ctx.wranglerEnv(), log: ctx.log };
}

/** The message a production version carries: the event and its commit. */
export const deployMessage = (ctx: RunContext, plan: Plan) =>
  ctx.event.sha ? `${ctx.event.name || "local"} ${ctx.event.sha.slice(0, 7)}` : `cf-ai-proxy-action ${plan.mode}`;

/**
 * For a push or manual deploy of a worker whose bundle is known before the tests (the shipped proxy), start
 * wrangler now and let it wait for the tests (src/wrangler/gated-deploy.ts). Scheduled runs may skip the upload: not them.
 */
export function gatedDeployFor(
  ctx: RunContext,
  plan: Plan,
  built: { bundle: BundleInfo; configPath: string; configText: string; config: WranglerConfig },
  wranglerVersion: string,
  bin: string,
): GatedDeploy | undefined {
  if (plan.mode !== "deploy" || ctx.event.name === "schedule" || built.bundle.madeBy !== "config") return undefined;
  const refused = versionRefusesGate(wranglerVersion);
  if (refused) ctx.log(refused);
  if (refused || !canGate(wranglerVersion, built.config)) return undefined;
  const secrets = secretsToUpload(ctx);
  const wctx = wranglerContext(ctx, bin, built.configPath);
  ctx.log("wrangler deploy starts now and waits for the contract tests before it uploads anything");
  return startGatedDeploy(wctx, {
    tag: contentTag(ctx.inputs.apiToken, built.bundle.directory, built.configText, secrets),
    message: deployMessage(ctx, plan),
  });
}
