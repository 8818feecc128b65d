// Mode cleanup (a pull request closed): remove its preview worker and preview-only namespaces.
// Production is never touched: only names of the form <worker>-pr-<N>… are deleted.
import type { RunContext } from "../context.js";
import { previewWorkerName } from "../plan.js";
import { deleteNamespaces } from "../stages/provision.js";

export async function cleanupMode(ctx: RunContext): Promise<void> {
  const { plan, report, inputs } = ctx;
  const number = plan.preview!.number;
  const previewWorker = previewWorkerName(plan.workerName, number);
  if (previewWorker === plan.workerName) throw new Error(`refusing to delete ${previewWorker}: it is the production worker`);
  await ctx.stages.run("cleanup", async (detail) => {
    const api = ctx.cloudflare();
    // Whatever strategy the preview used, only a worker preview leaves a worker and namespaces of its own.
    const deleted = await api.deleteScript(previewWorker);
    ctx.log(deleted ? `deleted preview worker ${previewWorker}` : `preview worker ${previewWorker} does not exist (a version preview, or already removed)`);
    const titles = inputs.kvNamespaces.map((binding) => `${previewWorker}-${binding}-preview`);
    const gone = await deleteNamespaces(api, titles, ctx.log);
    report.facts.push(
      deleted
        ? `Deleted the preview worker ${previewWorker}.`
        : `No preview worker ${previewWorker} existed: a version preview stays in ${plan.workerName}'s version history, serving no traffic, and its shared preview namespaces stay for other pull requests.`,
    );
    if (gone.length) report.facts.push(`Deleted its KV namespaces ${gone.join(", ")}.`);
    detail(`${deleted ? "worker deleted" : "no worker"}, ${gone.length} namespace(s) deleted`);
  });
}
