// Stage smoke (mode deploy, input smoke-test): ask the live worker something real. On failure, roll back to the
// version the deploy stage found live before it uploaded (the rollback target it returned), and fail saying both;
// the failure carries the rollback's outcome for the summary.
import { StageFailed, type Stage } from "../orchestrator.js";
import { addFacts, planned, type RunState } from "../run-state.js";
import { rollBack } from "../steps/rollback.js";
import { smokeTest } from "../steps/smoke-test.js";
import { readUsage } from "../steps/usage-summary.js";

export const smokeStage: Stage<RunState> = {
  name: "smoke",
  when: (state) => state.plan?.mode === "deploy" && state.inputs?.smokeTest === true,
  async run(state, { detail }) {
    const { ctx, plan, inputs } = planned(state);
    const base = inputs.smokeTestUrl || state.workerUrl;
    if (!base) {
      detail("skipped: no URL (the worker has no workers.dev route; set smoke-test-url)");
      return undefined;
    }
    const proxy = ctx.source.shipped || /\bmodels\b/.test(String(state.contract?.groups ?? ""));
    const key = inputs.firstKey;
    const url = proxy && key ? `${base}/v1/models` : `${base}/`;
    // How long a new version may take to answer everywhere; CF_AI_PROXY_SMOKE_DEADLINE_MS overrides it.
    const deadlineMs = Number(ctx.host.env.CF_AI_PROXY_SMOKE_DEADLINE_MS) || undefined;
    const result = await smokeTest({ url, key: proxy ? key : undefined }, { deadlineMs });
    if (result.ok) {
      detail(result.detail);
      // The proxy's own Usage API, with the same key: the last 7 days for the summary (left out if it has none).
      return proxy && key ? { usage: await readUsage(base, key) } : undefined;
    }
    const uploaded = state.deployed?.uploaded === true;
    const rollbackTarget = state.deployed?.before?.live.versionId;
    const failed = `smoke test failed after ${result.attempts} attempt(s): ${result.detail}`;
    if (inputs.rollbackOnFailure && uploaded && rollbackTarget) {
      const outcome = await rollBack(ctx.cloudflare(), {
        script: plan.targetName,
        to: rollbackTarget,
        failed: state.versionId,
        log: ctx.log,
      });
      const fact = `${outcome.rolledBack ? "Rollback" : "No rollback"}: ${outcome.sentence}.`;
      throw new StageFailed(addFacts(state, fact), new Error(`${failed}; ${outcome.sentence}`));
    }
    if (inputs.rollbackOnFailure && uploaded) throw new Error(`${failed}; nothing to roll back to (this was the worker's first version)`);
    throw new Error(failed);
  },
};
