// Mode cleanup (a pull request closed): remove its preview worker and preview-only namespaces.
// Production is never touched: only names of the form <worker>-pr-<N>… are deleted.
import type { RunContext } from "../context.js";
import type { Stage } from "../orchestrator.js";
import type { RunState } from "./06-contract.js";
import { previewWorkerName } from "../plan.js";
import { deleteNamespaces } from "../steps/namespaces.js";
import { deleteWorkerPreview } from "../wrangler/commands.js";

/** The cleanup stage; refuses (before any stage runs) to name the production worker as the one to delete. */
export function cleanupStage(ctx: RunContext): Stage<RunState> {
  const { plan, report, inputs } = ctx;
  const number = plan.preview!.number;
  const previewWorker = previewWorkerName(plan.workerName, number);
  if (previewWorker === plan.workerName) throw new Error(`refusing to delete ${previewWorker}: it is the production worker`);
  return {
    name: "cleanup",
    run: async (_state, { detail }) => {
      const api = ctx.cloudflare();
      // A Worker Preview lives inside the production worker: `wrangler preview delete` removes it and its deployments.
      const workerPreview = plan.preview!.strategy === "preview";
      if (workerPreview) {
        const wrangler = await ctx.wrangler();
        const name = plan.preview!.previewName;
        const removed = await deleteWorkerPreview(
          { bin: wrangler.bin, cwd: ctx.workDir, env: ctx.wranglerEnv(), log: ctx.log },
          { worker: plan.workerName, name },
        );
        ctx.log(
          removed
            ? `deleted Worker Preview ${name} of ${plan.workerName}`
            : `${plan.workerName} has no Worker Preview ${name} (already removed)`,
        );
        report.facts.push(
          removed
            ? `Deleted the Worker Preview ${name} of ${plan.workerName} and its deployments; production untouched.`
            : `No Worker Preview ${name} of ${plan.workerName} existed.`,
        );
      }
      // Whatever strategy the preview used (it may have changed since the pull request opened), a worker preview
      // leaves a worker of its own; worker and Worker Previews leave namespaces of their own.
      const deleted = await api.deleteScript(previewWorker);
      ctx.log(
        deleted
          ? `deleted preview worker ${previewWorker}`
          : `preview worker ${previewWorker} does not exist (${workerPreview ? "a Worker Preview" : "a version preview"}, or already removed)`,
      );
      const titles = inputs.kvNamespaces.map((binding) => `${previewWorker}-${binding}-preview`);
      const gone = await deleteNamespaces(api, titles, ctx.log);
      if (deleted || !workerPreview)
        report.facts.push(
          deleted
            ? `Deleted the preview worker ${previewWorker}.`
            : `No preview worker ${previewWorker} existed: a version preview stays in ${plan.workerName}'s version history, serving no traffic, and its shared preview namespaces stay for other pull requests.`,
        );
      if (gone.length) report.facts.push(`Deleted its KV namespaces ${gone.join(", ")}.`);
      detail(`${deleted ? "worker deleted" : "no worker"}, ${gone.length} namespace(s) deleted`);
      return undefined;
    },
  };
}
