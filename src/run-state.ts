// The state of a run: what the stages of src/stages/ return, merged in run order by the orchestrator
// (src/orchestrator.ts) into a new frozen object after each stage. The job summary, the outputs and the pull
// request comment are all built from it at the end (src/steps/summary.ts `reportOf`), also after a failure.
// The plan is set by the plan stage and may be replaced only by the preflight's result; nothing else sets it.
import type { CloudflareApi } from "./cloudflare/api.js";
import type { RunContext } from "./context.js";
import type { ContractReport } from "./contract/types.js";
import type { RunEvent } from "./event.js";
import type { Host } from "./host.js";
import type { Inputs } from "./inputs.js";
import type { Resolution } from "./models/check.js";
import type { Plan, WorkerFacts } from "./plan.js";
import type { ProvisionedNamespace } from "./steps/namespaces.js";
import type { UsageDay } from "./steps/usage-summary.js";
import type { BundleInfo } from "./wrangler/commands.js";
import type { GatedDeploy } from "./wrangler/gated-deploy.js";
import type { WorkerSource } from "./worker-dir.js";

export interface RunState {
  /** Given at the start: the runner or the terminal. */
  readonly host: Host;
  /** What the run did, a sentence each (skipped upload, rolled back, …); a stage returns the list with its own added. */
  readonly facts: readonly string[];
  /** What the user should act on although the run went on (a model retiring soon); also logged as warnings. */
  readonly warnings: readonly string[];

  // 01 inputs
  readonly inputs?: Inputs;
  readonly event?: RunEvent;
  // 02 plan (03 preflight may return another plan)
  readonly source?: WorkerSource;
  readonly worker?: WorkerFacts;
  readonly plan?: Plan;
  /** The clients and folders every later stage uses (created once, lazily connected). */
  readonly ctx?: RunContext;
  // 03 preflight
  /** The model check: the catalogue it used and which name serves with which model. */
  readonly models?: { catalogue: string; resolutions: Resolution[] };
  // 04 provision
  readonly namespaces?: ProvisionedNamespace[];
  // 05 patch
  readonly configPath?: string;
  readonly configText?: string;
  // 06 contract
  readonly bundle?: BundleInfo;
  /** A deploy that started beside the contract tests and waits for them; owned (aborted) by the orchestrator. */
  readonly gated?: GatedDeploy;
  readonly contract?: ContractReport;
  readonly contractReportPath?: string;
  // 07 deploy | preview | dry-run
  /** What the deploy stage found live before it uploaded: the smoke test's rollback target. */
  readonly deployed?: { before: Awaited<ReturnType<CloudflareApi["deployments"]>>; uploaded: boolean };
  readonly versionId?: string;
  readonly workerUrl?: string;
  readonly previewUrl?: string;
  // 08 smoke
  /** The deployed proxy's usage of the last 7 days, when its Usage API answered the smoke test's key. */
  readonly usage?: UsageDay[];
}

/** The planned run, for a stage after the plan stage. */
export function planned(state: Readonly<RunState>): { ctx: RunContext; plan: Plan; inputs: Inputs; worker: WorkerFacts } {
  const { ctx, plan, worker } = state;
  if (!ctx || !plan || !worker) throw new Error("internal: a stage that needs the plan runs before the plan stage");
  return { ctx, plan, inputs: ctx.inputs, worker };
}

/** The build's results, for a stage after the contract stage. */
export function built(state: Readonly<RunState>): { configPath: string; configText: string; bundle: BundleInfo } {
  const { configPath, configText, bundle } = state;
  if (configPath === undefined || configText === undefined || bundle === undefined)
    throw new Error("internal: a stage that needs the tested bundle runs before the contract stage");
  return { configPath, configText, bundle };
}

/** A stage's addition to the run's facts. */
export const addFacts = (state: Readonly<RunState>, ...facts: string[]): Pick<RunState, "facts"> => ({ facts: [...state.facts, ...facts] });
