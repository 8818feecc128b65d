// A run of the action: the stages of src/stages/index.ts, run by the orchestrator (src/orchestrator.ts) from the
// host alone; then the report of the state it reached, failed or not: the pull request told of a failure, the
// outputs, the job summary, and the failure (naming its stage) handed to the host.
import type { Host } from "./host.js";
import { runStages } from "./orchestrator.js";
import { Stages } from "./pipeline.js";
import { PIPELINE } from "./stages/index.js";
import { notifyPullRequest } from "./steps/notify.js";
import { renderSummary, reportOf, setOutputs, type RunReport } from "./steps/summary.js";

export async function run(host: Host): Promise<RunReport> {
  const stages = new Stages(host);
  const { state, failure } = await runStages(stages, PIPELINE, { host, facts: [], warnings: [] });
  const report = reportOf(state, stages.records, failure?.message);
  // A run that got as far as a plan tells the pull request it failed (the report stage does when it did not).
  if (failure && state.ctx && state.plan) {
    const testsFailed = failure.stage === "contract" && (state.contract?.failed ?? 0) > 0;
    await notifyPullRequest(state.ctx, state.plan, report, testsFailed ? "tests-failed" : "failed").catch(() => {});
  }
  setOutputs(host, report);
  await host.appendSummary(renderSummary(report));
  if (report.failure) host.fail(report.failure);
  return report;
}
