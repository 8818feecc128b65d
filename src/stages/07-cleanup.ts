// Stage cleanup (mode cleanup, a pull request closed): remove its preview worker and preview-only namespaces.
// Production is never touched: only names of the form <worker>-pr-<N>… are deleted. A failure halfway carries
// what was already removed.
import { StageFailed, type Stage } from "../orchestrator.js";
import { previewWorkerName } from "../plan.js";
import { addFacts, planned, type RunState } from "../run-state.js";
import { deleteNamespaces } from "../steps/namespaces.js";
import { deleteWorkerPreview } from "../wrangler/commands.js";

export const cleanupStage: Stage<RunState> = {
  name: "cleanup",
  when: (state) => state.plan?.mode === "cleanup",
  async run(state, { detail }) {
    const { ctx, plan, inputs } = planned(state);
    const number = plan.preview!.number;
    const previewWorker = previewWorkerName(plan.workerName, number);
    if (previewWorker === plan.workerName) throw new Error(`refusing to delete ${previewWorker}: it is the production worker`);
    const facts: string[] = [];
    try {
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
        facts.push(
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
      if (deleted || !workerPreview)
        facts.push(
          deleted
            ? `Deleted the preview worker ${previewWorker}.`
            : `No preview worker ${previewWorker} existed: a version preview stays in ${plan.workerName}'s version history, serving no traffic, and its shared preview namespaces stay for other pull requests.`,
        );
      const titles = inputs.kvNamespaces.map((binding) => `${previewWorker}-${binding}-preview`);
      const gone = await deleteNamespaces(api, titles, ctx.log);
      if (gone.length) facts.push(`Deleted its KV namespaces ${gone.join(", ")}.`);
      detail(`${deleted ? "worker deleted" : "no worker"}, ${gone.length} namespace(s) deleted`);
      return addFacts(state, ...facts);
    } catch (error) {
      throw new StageFailed(addFacts(state, ...facts), error);
    }
  },
};
