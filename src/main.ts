// The pipeline: inputs → plan → provision → patch → contract → deploy | preview | cleanup → smoke → report.
// Every failure ends here as one `fail()` naming the stage it came from; the summary is written either way.
import { configFacts, parseConfig } from "./config/parse.js";
import { createContext, type RunContext } from "./context.js";
import { readEvent } from "./event.js";
import type { Host } from "./host.js";
import { INPUT, parseInputs } from "./inputs.js";
import { ContractTestsFailed } from "./modes/build.js";
import { requireApiKeys } from "./modes/deploy.js";
import { stagesFor } from "./modes/index.js";
import { runStages } from "./orchestrator.js";
import { StageError, Stages } from "./pipeline.js";
import { plan, supportsWorkerPreviews, type Plan, type WorkerFacts } from "./plan.js";
import { checkDeploymentModels } from "./stages/models.js";
import { notifyPullRequest } from "./stages/notify.js";
import { renderSummary, setOutputs, type RunReport } from "./stages/report.js";
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
    const online = thePlan.mode === "deploy" || thePlan.mode === "preview" || thePlan.mode === "cleanup";
    // From here on the plan is fixed: the preflight's (it may choose another preview strategy), never changed again.
    const finalPlan = online ? await preflight(planned, facts) : await offlinePreflight(planned);
    report.plan = finalPlan;
    const c: RunContext = (ctx = { ...planned, plan: finalPlan });
    describePlan(c, finalPlan);
    if (finalPlan.notice) host.notice(finalPlan.notice);

    if (finalPlan.mode !== "cleanup") await c.wrangler();
    await runStages(stages, stagesFor(c), {});
    await stages.run("report", async () => {
      if (ctx) await notifyPullRequest(ctx, ctx.plan.mode === "cleanup" ? "closed" : "deployed");
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

/** Offline modes check the models against the catalogue snapshot the contract tests' stub serves. */
async function offlinePreflight(ctx: RunContext): Promise<Plan> {
  await ctx.stages.run("preflight", async (detail) => detail((await checkDeploymentModels(ctx, undefined)) ?? "no model vars to check"));
  return ctx.plan;
}

/**
 * Reads Cloudflare (never writes) to catch what would fail halfway: credentials, keys, the preview strategy.
 * Returns the plan the run goes on with: planned again when the preview strategy depends on what it found.
 */
async function preflight(ctx: RunContext, facts: WorkerFacts): Promise<Plan> {
  return ctx.stages.run("preflight", async (detail) => {
    const api = ctx.cloudflare();
    const { inputs, event } = ctx;
    ctx.log(`Cloudflare account: ${await api.accountName()}`);
    let p = ctx.plan;
    try {
      if (p.preview) {
        // The preview strategy may depend on the wrangler in use (Worker Previews): plan again, knowing it.
        const w = await ctx.wrangler();
        p = plan(inputs, event, { ...facts, workerPreviews: { supported: supportsWorkerPreviews(w.version), version: w.version } });
        ctx.log(`preview strategy: ${p.preview!.strategy} (${p.preview!.why})`);
      }
      // Before any write: a retired model would fail every request of the deployed worker.
      const models = p.mode === "cleanup" ? undefined : await checkDeploymentModels({ ...ctx, plan: p }, api);
      if (
        p.mode === "preview" &&
        p.preview?.strategy === "version" &&
        inputs.previewStrategy === "auto" &&
        (await api.deployments(p.workerName)) === undefined
      ) {
        // Version previews need the worker to exist already; before the first production deploy, use a worker preview.
        const first = p;
        p = plan({ ...inputs, previewStrategy: "worker" }, event, facts);
        ctx.report.facts.push(
          `${first.workerName} is not deployed yet, so this preview is a worker of its own (${p.targetName}) instead of a version preview.`,
        );
      }
      if (p.mode === "preview" && p.preview?.strategy === "preview" && ctx.source.shipped && !inputs.apiKeys.length) {
        throw new Error(
          `a Worker Preview of the proxy gets its API_KEYS only from input "${INPUT.apiKeys}" (it does not share production's secrets), ` +
            `which is empty: pass it, e.g. \`${INPUT.apiKeys}: \${{ secrets.PROXY_API_KEYS }}\``,
        );
      }
      const deploysAWorker = p.mode === "deploy" || (p.mode === "preview" && p.preview?.strategy === "worker");
      if (deploysAWorker) await requireApiKeys(ctx, api, p.targetName);
      detail(`credentials and secrets checked${models ? `; ${models}` : ""}`);
      return p;
    } catch (error) {
      throw new FailedWithPlan(p, error);
    }
  });
}

/** A preflight failure after planning again: the summary and the pull request show the plan it failed with. */
class FailedWithPlan extends Error {
  constructor(
    readonly plan: Plan,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "FailedWithPlan";
  }
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
