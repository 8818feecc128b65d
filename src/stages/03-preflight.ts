// Stage preflight: reads Cloudflare (never writes) to catch what would fail halfway, before any stage writes.
// It is the one stage that may plan again (the preview strategy can depend on what it finds): the plan it
// returns replaces the plan stage's, and no stage after it returns one. A failure carries the plan it failed
// with, so the summary and the pull request show that plan.
import type { RunContext } from "../context.js";
import { INPUT } from "../inputs.js";
import { StageFailed, type Stage } from "../orchestrator.js";
import { plan, supportsWorkerPreviews, type Plan, type WorkerFacts } from "../plan.js";
import { addFacts, planned, type RunState } from "../run-state.js";
import { checkDeploymentModels, type ModelCheck } from "../steps/models.js";
import { requireApiKeys } from "../steps/secrets.js";

export const preflightStage: Stage<RunState> = {
  name: "preflight",
  async run(state, { detail }) {
    const { ctx, plan: initial, worker } = planned(state);
    const online = initial.mode === "deploy" || initial.mode === "preview" || initial.mode === "cleanup";
    // What the preflight found so far: returned, or carried by its failure.
    let p = initial;
    let check: ModelCheck | undefined;
    const facts: string[] = [];
    const found = (): Partial<RunState> => ({
      plan: p,
      ...(check?.models && { models: check.models }),
      warnings: [...state.warnings, ...(check?.warnings ?? [])],
      ...addFacts(state, ...facts),
    });
    try {
      if (online) {
        const api = ctx.cloudflare();
        ctx.log(`Cloudflare account: ${await api.accountName()}`);
        if (p.preview) p = await planForWrangler(ctx, worker);
        // Before any write: a retired model would fail every request of the deployed worker.
        check = p.mode === "cleanup" ? undefined : await checkDeploymentModels(ctx, api);
        if (check?.failure) throw new Error(check.failure);
        const fallback = await versionPreviewFallback(ctx, p, worker);
        if (fallback) {
          facts.push(fallback.fact);
          p = fallback.plan;
        }
        await refuseKeylessProxy(ctx, p);
        detail(`credentials and secrets checked${check?.detail ? `; ${check.detail}` : ""}`);
      } else {
        // Offline modes check the models against the catalogue snapshot the contract tests' stub serves.
        check = await checkDeploymentModels(ctx, undefined);
        if (check.failure) throw new Error(check.failure);
        detail(check.detail ?? "no model vars to check");
      }
      describePlan(ctx, p);
      if (p.notice) ctx.host.notice(p.notice);
      // Every mode but cleanup needs wrangler: find (or install) it now, before anything is written.
      if (p.mode !== "cleanup") await ctx.wrangler();
      return found();
    } catch (error) {
      throw new StageFailed(found(), error);
    }
  },
};

/** The preview strategy may depend on the wrangler in use (Worker Previews): plan again, knowing it. */
async function planForWrangler(ctx: RunContext, worker: WorkerFacts): Promise<Plan> {
  const w = await ctx.wrangler();
  const again = plan(ctx.inputs, ctx.event, {
    ...worker,
    workerPreviews: { supported: supportsWorkerPreviews(w.version), version: w.version },
  });
  ctx.log(`preview strategy: ${again.preview!.strategy} (${again.preview!.why})`);
  return again;
}

/** Version previews need the worker to exist already; before the first production deploy, a worker preview. */
async function versionPreviewFallback(ctx: RunContext, p: Plan, worker: WorkerFacts): Promise<{ plan: Plan; fact: string } | undefined> {
  const auto = ctx.inputs.previewStrategy === "auto";
  if (p.mode !== "preview" || p.preview?.strategy !== "version" || !auto) return undefined;
  if ((await ctx.cloudflare().deployments(p.workerName)) !== undefined) return undefined;
  const instead = plan({ ...ctx.inputs, previewStrategy: "worker" }, ctx.event, worker);
  return {
    plan: instead,
    fact: `${p.workerName} is not deployed yet, so this preview is a worker of its own (${instead.targetName}) instead of a version preview.`,
  };
}

/** A deploy or preview that would leave the proxy refusing every request (no keys) is refused before any write. */
async function refuseKeylessProxy(ctx: RunContext, p: Plan): Promise<void> {
  if (p.mode === "preview" && p.preview?.strategy === "preview" && ctx.source.shipped && !ctx.inputs.apiKeys.length) {
    throw new Error(
      `a Worker Preview of the proxy gets its API_KEYS only from input "${INPUT.apiKeys}" (it does not share production's secrets), ` +
        `which is empty: pass it, e.g. \`${INPUT.apiKeys}: \${{ secrets.PROXY_API_KEYS }}\``,
    );
  }
  const deploysAWorker = p.mode === "deploy" || (p.mode === "preview" && p.preview?.strategy === "worker");
  if (deploysAWorker) await requireApiKeys(ctx, ctx.cloudflare(), p.targetName);
}

function describePlan(ctx: RunContext, p: Plan) {
  ctx.log(`mode: ${p.mode} (${p.reason})`);
  ctx.log(`worker: ${p.targetName}${ctx.source.shipped ? " (the proxy shipped with the action)" : ""}`);
  ctx.log(`config: ${ctx.source.configLabel}`);
  for (const ns of p.namespaces) ctx.log(`KV binding ${ns.binding} → namespace "${ns.title}"`);
}
