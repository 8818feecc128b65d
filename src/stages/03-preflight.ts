// Stage preflight: reads Cloudflare (never writes) to catch what would fail halfway, before any stage writes.
// It is the one stage that may plan again (the preview strategy can depend on what it finds): it returns the
// plan the run goes on with, and the run never changes it afterwards.
import type { RunContext } from "../context.js";
import { INPUT } from "../inputs.js";
import type { Stage } from "../orchestrator.js";
import { plan, supportsWorkerPreviews, type Plan, type WorkerFacts } from "../plan.js";
import { checkDeploymentModels } from "../steps/models.js";
import { requireApiKeys } from "./07-deploy.js";

export function preflightStage(ctx: RunContext, facts: WorkerFacts): Stage<{ plan: Plan }> {
  const online = ctx.plan.mode === "deploy" || ctx.plan.mode === "preview" || ctx.plan.mode === "cleanup";
  return {
    name: "preflight",
    run: online ? (_state, { detail }) => preflight(ctx, facts, detail) : (_state, { detail }) => offline(ctx, detail),
  };
}

/** Offline modes check the models against the catalogue snapshot the contract tests' stub serves. */
async function offline(ctx: RunContext, detail: (text: string) => void): Promise<{ plan: Plan }> {
  detail((await checkDeploymentModels(ctx, undefined)) ?? "no model vars to check");
  return { plan: ctx.plan };
}

/** Credentials, keys, the models and the preview strategy; returns the plan, planned again where it depends on them. */
async function preflight(ctx: RunContext, facts: WorkerFacts, detail: (text: string) => void): Promise<{ plan: Plan }> {
  const api = ctx.cloudflare();
  const { inputs, event } = ctx;
  ctx.log(`Cloudflare account: ${await api.accountName()}`);
  let p = ctx.plan;
  try {
    if (p.preview) {
      // The preview strategy may depend on the wrangler in use (Worker Previews): plan again, knowing it.
      const w = await ctx.wrangler();
      p = plan(inputs, event, { ...facts, workerPreviews: { supported: supportsWorkerPreviews(w.version), version: w.version } });
      ctx.log(`preview strategy: ${p.preview!.strategy} (${p.preview!.why})`);
    }
    // Before any write: a retired model would fail every request of the deployed worker.
    const models = p.mode === "cleanup" ? undefined : await checkDeploymentModels({ ...ctx, plan: p }, api);
    if (
      p.mode === "preview" &&
      p.preview?.strategy === "version" &&
      inputs.previewStrategy === "auto" &&
      (await api.deployments(p.workerName)) === undefined
    ) {
      // Version previews need the worker to exist already; before the first production deploy, use a worker preview.
      const first = p;
      p = plan({ ...inputs, previewStrategy: "worker" }, event, facts);
      ctx.report.facts.push(
        `${first.workerName} is not deployed yet, so this preview is a worker of its own (${p.targetName}) instead of a version preview.`,
      );
    }
    if (p.mode === "preview" && p.preview?.strategy === "preview" && ctx.source.shipped && !inputs.apiKeys.length) {
      throw new Error(
        `a Worker Preview of the proxy gets its API_KEYS only from input "${INPUT.apiKeys}" (it does not share production's secrets), ` +
          `which is empty: pass it, e.g. \`${INPUT.apiKeys}: \${{ secrets.PROXY_API_KEYS }}\``,
      );
    }
    const deploysAWorker = p.mode === "deploy" || (p.mode === "preview" && p.preview?.strategy === "worker");
    if (deploysAWorker) await requireApiKeys(ctx, api, p.targetName);
    detail(`credentials and secrets checked${models ? `; ${models}` : ""}`);
    return { plan: p };
  } catch (error) {
    throw new FailedWithPlan(p, error);
  }
}

/** A preflight failure after planning again: the summary and the pull request show the plan it failed with. */
export class FailedWithPlan extends Error {
  constructor(
    readonly plan: Plan,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "FailedWithPlan";
  }
}
