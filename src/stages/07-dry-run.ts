// Stage deploy of mode dry-run: what a deploy would upload, checked by wrangler itself (`deploy --dry-run`),
// nothing sent.
import type { Stage } from "../orchestrator.js";
import { addFacts, built, planned, type RunState } from "../run-state.js";
import { API_KEYS_SECRET } from "../steps/secrets.js";
import { bundleWorker } from "../wrangler/commands.js";

export const dryRunStage: Stage<RunState> = {
  name: "deploy",
  when: (state) => state.plan?.mode === "dry-run",
  async run(state, { detail }) {
    const { ctx, plan, inputs } = planned(state);
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
      `would upload ${plan.targetName} (${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip)${inputs.apiKeys.length ? ` with secret ${API_KEYS_SECRET}` : ""}`,
    );
    detail(`wrangler deploy --dry-run: ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip, nothing uploaded`);
    return addFacts(state, "Dry run: nothing was created or uploaded; `wrangler deploy --dry-run` checked what would be.");
  },
};
