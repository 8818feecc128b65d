// The whole run as one list: every stage, in the order the files of this folder list them (src/orchestrator.ts
// runs it). A stage's `when` decides from the plan whether it has a part in this run; per mode that gives:
//   deploy    inputs → plan → preflight → provision → patch → contract → deploy → smoke → report
//   preview   inputs → plan → preflight → provision → patch → contract → deploy (a worker of its own)
//                                                                      | preview (Worker or version preview) → report
//   dry-run   inputs → plan → preflight → provision → patch → contract → deploy (`wrangler deploy --dry-run`) → report
//   test      inputs → plan → preflight → provision → patch → contract → report
//   cleanup   inputs → plan → preflight → cleanup → report
import type { Stage } from "../orchestrator.js";
import type { RunState } from "../run-state.js";
import { inputsStage } from "./01-inputs.js";
import { planStage } from "./02-plan.js";
import { preflightStage } from "./03-preflight.js";
import { provisionStage } from "./04-provision.js";
import { patchStage } from "./05-patch.js";
import { contractStage } from "./06-contract.js";
import { cleanupStage } from "./07-cleanup.js";
import { deployStage } from "./07-deploy.js";
import { dryRunStage } from "./07-dry-run.js";
import { previewStage } from "./07-preview.js";
import { smokeStage } from "./08-smoke.js";
import { reportStage } from "./09-report.js";

export const PIPELINE: readonly Stage<RunState>[] = [
  inputsStage,
  planStage,
  preflightStage,
  provisionStage,
  patchStage,
  contractStage,
  cleanupStage,
  deployStage,
  dryRunStage,
  previewStage,
  smokeStage,
  reportStage,
];
