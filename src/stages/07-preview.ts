// Stage preview (a pull request's preview that is not a worker of its own, which 07-deploy.ts deploys): a Worker
// Preview (`wrangler preview`, its own URL and Durable Object state) or a version preview (an uploaded version
// with the pr-N alias, serving no production traffic).
import { contentTag } from "../content-tag.js";
import type { RunContext } from "../context.js";
import type { Stage } from "../orchestrator.js";
import type { Plan } from "../plan.js";
import { addFacts, built, planned, type RunState } from "../run-state.js";
import { wranglerContext } from "../steps/deploying.js";
import { secretsToUpload } from "../steps/secrets.js";
import { deployWorkerPreview, uploadPreviewVersion } from "../wrangler/commands.js";

export const previewStage: Stage<RunState> = {
  name: "preview",
  when: ({ plan }) => plan?.mode === "preview" && plan.preview?.strategy !== "worker",
  async run(state, { detail }) {
    const { ctx, plan } = planned(state);
    const preview = plan.preview!;
    const b = built(state);
    const wrangler = await ctx.wrangler();
    const wctx = wranglerContext(ctx, wrangler.bin, b.configPath);
    const message = previewMessage(ctx, plan);
    if (preview.strategy === "preview") {
      const secrets = secretsToUpload(ctx);
      const deployed = await deployWorkerPreview(wctx, {
        name: preview.previewName,
        tag: contentTag(ctx.inputs.apiToken, b.bundle.directory, b.configText, secrets),
        message,
        secrets,
      });
      detail(
        `Worker Preview ${preview.previewName}, deployment ${deployed.deploymentId}${deployed.url ? ` at ${deployed.url}` : " (Cloudflare reported no URL)"}`,
      );
      return {
        versionId: deployed.deploymentId,
        previewUrl: deployed.url,
        ...addFacts(
          state,
          `Worker Preview ${preview.previewName} of ${plan.workerName}: its own URL and Durable Object state; production was not touched. Cron triggers and routes do not run on previews.`,
        ),
      };
    }
    const tag = contentTag(ctx.inputs.apiToken, b.bundle.directory, b.configText, {});
    const uploaded = await uploadPreviewVersion(wctx, { alias: preview.alias, tag, message });
    detail(`version ${uploaded.versionId}${uploaded.previewUrl ? ` at ${uploaded.previewUrl}` : " (Cloudflare reported no preview URL)"}`);
    return { versionId: uploaded.versionId, previewUrl: uploaded.previewUrl };
  },
};

/** The message a pull request's preview carries: its number and head commit. */
const previewMessage = (ctx: RunContext, plan: Plan) =>
  `PR #${plan.preview!.number} ${ctx.event.pullRequest?.headSha.slice(0, 7) ?? ""}`.trim();
