// Every mode as the list of stages it runs, in order (src/orchestrator.ts runs them). Before these, src/main.ts
// runs inputs → plan → preflight (preflight.ts); after them, report.
import type { RunContext } from "../context.js";
import type { Stage } from "../orchestrator.js";
import { contractStage, patchStage, provisionStage, type RunState } from "./06-contract.js";
import { cleanupStage } from "./07-cleanup.js";
import { deployStage, dryRunStage, previewStage } from "./07-deploy.js";
import { smokeStage } from "./08-smoke.js";

export function stagesFor(ctx: RunContext): Stage<RunState>[] {
  const smoke = ctx.inputs.smokeTest ? [smokeStage(ctx)] : [];
  switch (ctx.plan.mode) {
    case "deploy":
      return [provisionStage(ctx), patchStage(ctx), contractStage(ctx), deployStage(ctx), ...smoke];
    case "preview":
      // A worker preview is deployed like production (a deploy stage), but not smoke-tested.
      return [provisionStage(ctx), patchStage(ctx), contractStage(ctx), previewStage(ctx)];
    case "dry-run":
      return [provisionStage(ctx), patchStage(ctx), contractStage(ctx), dryRunStage(ctx)];
    case "test":
      return [provisionStage(ctx), patchStage(ctx), contractStage(ctx)];
    case "cleanup":
      return [cleanupStage(ctx)];
  }
}
