// The pipeline: inputs → plan → preflight → the mode's stages (src/modes/index.ts: provision → patch → contract →
// deploy | preview | cleanup → smoke) → report, each run by the orchestrator (src/orchestrator.ts) or `Stages`.
// Every failure ends here as one `fail()` naming the stage it came from; the summary is written either way.
import { configFacts, parseConfig } from "./config/parse.js";
import { createContext, type RunContext } from "./context.js";
import { readEvent } from "./event.js";
import type { Host } from "./host.js";
import { INPUT, parseInputs } from "./inputs.js";
import { ContractTestsFailed } from "./stages/06-contract.js";
import { stagesFor } from "./stages/index.js";
import { FailedWithPlan, preflightStage } from "./stages/03-preflight.js";
import { runStages } from "./orchestrator.js";
import { StageError, Stages } from "./pipeline.js";
import { plan, type Plan, type WorkerFacts } from "./plan.js";
import { notifyPullRequest } from "./steps/notify.js";
import { renderSummary, setOutputs, type RunReport } from "./steps/summary.js";
import { findWorker } from "./worker-dir.js";

export async function run(host: Host): Promise<RunReport> {
  const stages = new Stages(host);
  const report: RunReport = { plan: undefined, namespaces: [], facts: [], warnings: [], stages: stages.records };
  let ctx: RunContext | undefined;
  try {
    maskSecrets(host);
    const inputs = await stages.run("inputs", async () => parseInputs((name) => host.input(name)));
    const event = readEvent(host.env);
    const workspace = host.env.GITHUB_WORKSPACE || process.cwd();

    const { source, facts, thePlan } = await stages.run("plan", async (detail) => {
      const source = findWorker(inputs, workspace);
      const facts: WorkerFacts = {
        ...configFacts(parseConfig(source.text, source.format, source.configLabel)),
        configLabel: source.configLabel,
      };
      const thePlan = plan(inputs, event, facts);
      detail(`${thePlan.mode}: ${thePlan.reason}`);
      return { source, facts, thePlan };
    });
    report.plan = thePlan;
    const planned = createContext({ host, inputs, event, plan: thePlan, source, stages, report });
    ctx = planned; // so that a failing preflight still reports to the pull request
    // From here on the plan is fixed: the preflight's (it may choose another preview strategy), never changed again.
    const { plan: finalPlan } = await runStages(stages, [preflightStage(planned, facts)], { plan: thePlan });
    report.plan = finalPlan;
    const c: RunContext = (ctx = { ...planned, plan: finalPlan });
    describePlan(c, finalPlan);
    if (finalPlan.notice) host.notice(finalPlan.notice);

    if (finalPlan.mode !== "cleanup") await c.wrangler();
    await runStages(stages, stagesFor(c), {});
    await stages.run("report", async () => {
      await notifyPullRequest(c, c.plan.mode === "cleanup" ? "closed" : "deployed");
    });
  } catch (error) {
    report.failure = error instanceof Error ? error.message : String(error);
    if (ctx && error instanceof StageError && error.cause instanceof FailedWithPlan) {
      report.plan = error.cause.plan;
      ctx = { ...ctx, plan: error.cause.plan };
    }
    if (ctx) {
      const state = error instanceof StageError && error.cause instanceof ContractTestsFailed ? "tests-failed" : "failed";
      await notifyPullRequest(ctx, state).catch(() => {});
    }
  }
  setOutputs(host, report);
  await host.appendSummary(renderSummary(report));
  if (report.failure) host.fail(report.failure);
  return report;
}

function describePlan(ctx: RunContext, p: Plan) {
  ctx.log(`mode: ${p.mode} (${p.reason})`);
  ctx.log(`worker: ${p.targetName}${ctx.source.shipped ? " (the proxy shipped with the action)" : ""}`);
  ctx.log(`config: ${ctx.source.configLabel}`);
  for (const ns of p.namespaces) ctx.log(`KV binding ${ns.binding} → namespace "${ns.title}"`);
}

/** Before anything can print them: the runner replaces masked values with *** in every log line. */
function maskSecrets(host: Host) {
  host.setSecret(host.input(INPUT.apiToken).trim());
  // An entry is key, project:key or project:name:key: mask the entry, and what follows each of its first two colons.
  for (const entry of host.input(INPUT.apiKeys).split(/[\n,]/)) {
    const trimmed = entry.trim();
    host.setSecret(trimmed);
    const first = trimmed.indexOf(":");
    if (first >= 0) host.setSecret(trimmed.slice(first + 1));
    const second = trimmed.indexOf(":", first + 1);
    if (first >= 0 && second >= 0) host.setSecret(trimmed.slice(second + 1));
  }
}
