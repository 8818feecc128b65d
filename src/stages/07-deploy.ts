// Stage deploy (mode deploy, and a pull request's preview as a worker of its own): upload and deploy the tested
// worker with its keys, through the gated deploy when the contract stage started one. Returns what it found live
// before (the smoke test's rollback target) and what it deployed. A scheduled run with nothing changed uploads nothing.
import { contentTag } from "../content-tag.js";
import { StageFailed, type Stage } from "../orchestrator.js";
import { addFacts, built, planned, type RunState } from "../run-state.js";
import { deployMessage, wranglerContext } from "../steps/deploying.js";
import { API_KEYS_SECRET, secretsToUpload } from "../steps/secrets.js";
import { deploy } from "../wrangler/commands.js";

export const deployStage: Stage<RunState> = {
  name: "deploy",
  when: ({ plan }) => plan?.mode === "deploy" || (plan?.mode === "preview" && plan.preview?.strategy === "worker"),
  async run(state, { detail }) {
    const { ctx, plan, inputs } = planned(state);
    const b = built(state);
    const gated = state.gated;
    const api = ctx.cloudflare();
    const wrangler = await ctx.wrangler();
    const wctx = wranglerContext(ctx, wrangler.bin, b.configPath);
    const secrets = secretsToUpload(ctx);
    const tag = gated?.tag ?? contentTag(inputs.apiToken, b.bundle.directory, b.configText, secrets);
    const before = await api.deployments(plan.targetName);
    if (ctx.event.name === "schedule" && before?.live.tag === tag) {
      detail("unchanged: upload skipped");
      return {
        deployed: { before, uploaded: false },
        versionId: before.live.versionId,
        workerUrl: await api.workersDevUrl(plan.targetName),
        // The tag itself stays out of the summary and the log: it is derived from the keys.
        ...addFacts(
          state,
          `The live version ${before.live.versionId} already has this run's code, config and keys: nothing to upload (namespaces checked, smoke test still runs).`,
        ),
      };
    }
    const deployed = gated ? await gated.release(secrets) : await deploy(wctx, { tag, message: deployMessage(ctx, plan), secrets });
    const done: Partial<RunState> = { deployed: { before, uploaded: true }, versionId: deployed.versionId };
    let workerUrl: string | undefined;
    try {
      workerUrl = deployed.url ?? (await api.workersDevUrl(plan.targetName));
    } catch (error) {
      throw new StageFailed(done, error);
    }
    detail(`version ${deployed.versionId}${Object.keys(secrets).length ? `, secret ${API_KEYS_SECRET} uploaded with it` : ""}`);
    // A worker preview is deployed like production, under its preview name: its URL is the preview's.
    return { ...done, workerUrl, ...(plan.mode === "preview" && { previewUrl: workerUrl }) };
  },
};
