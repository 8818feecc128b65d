// Stage smoke (mode deploy): ask the live worker something real. On failure, roll back to the version the deploy
// stage found live before it uploaded (the rollback target it returned), and fail saying both.
import type { RunContext } from "../context.js";
import type { Stage } from "../orchestrator.js";
import { rollBack } from "../steps/rollback.js";
import { smokeTest } from "../steps/smoke-test.js";
import { readUsage } from "../steps/usage-summary.js";
import type { RunState } from "./06-contract.js";

/** Asks the live worker something real; on failure rolls back to what the deploy stage found live before it. */
export function smokeStage(ctx: RunContext): Stage<RunState> {
  const { plan, report, inputs } = ctx;
  return {
    name: "smoke",
    async run(state, { detail }) {
      const base = inputs.smokeTestUrl || report.workerUrl;
      if (!base) {
        detail("skipped: no URL (the worker has no workers.dev route; set smoke-test-url)");
        return undefined;
      }
      const proxy = ctx.source.shipped || /\bmodels\b/.test(String(ctx.report.contract?.groups ?? ""));
      const key = inputs.firstKey;
      const url = proxy && key ? `${base}/v1/models` : `${base}/`;
      // How long a new version may take to answer everywhere; CF_AI_PROXY_SMOKE_DEADLINE_MS overrides it.
      const deadlineMs = Number(ctx.host.env.CF_AI_PROXY_SMOKE_DEADLINE_MS) || undefined;
      const result = await smokeTest({ url, key: proxy ? key : undefined }, { deadlineMs });
      if (result.ok) {
        detail(result.detail);
        // The proxy's own Usage API, with the same key: the last 7 days for the summary (left out if it has none).
        if (proxy && key) report.usage = await readUsage(base, key);
        return undefined;
      }
      const uploaded = state.deployed?.uploaded === true;
      const rollbackTarget = state.deployed?.before?.live.versionId;
      let rollback = "";
      if (inputs.rollbackOnFailure && uploaded && rollbackTarget) {
        const outcome = await rollBack(ctx.cloudflare(), {
          script: plan.targetName,
          to: rollbackTarget,
          failed: report.versionId,
          log: ctx.log,
        });
        rollback = `; ${outcome.sentence}`;
        report.facts.push(`${outcome.rolledBack ? "Rollback" : "No rollback"}: ${outcome.sentence}.`);
      } else if (inputs.rollbackOnFailure && uploaded) {
        rollback = "; nothing to roll back to (this was the worker's first version)";
      }
      throw new Error(`smoke test failed after ${result.attempts} attempt(s): ${result.detail}${rollback}`);
    },
  };
}
