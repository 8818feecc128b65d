// Every mode as the list of stages it runs, in order (src/orchestrator.ts runs them). Before these, src/main.ts
// runs inputs → plan → preflight; after them, report.
import type { RunContext } from "../context.js";
import type { Stage } from "../orchestrator.js";
import { buildStages, type RunState } from "./build.js";
import { cleanupStage } from "./cleanup.js";
import { deployStage, dryRunStage, previewStage } from "./deploy.js";
import { smokeStage } from "./smoke.js";

export function stagesFor(ctx: RunContext): Stage<RunState>[] {
  switch (ctx.plan.mode) {
    case "cleanup":
      return [cleanupStage(ctx)];
    case "deploy":
      return [...buildStages(ctx), deployStage(ctx), ...(ctx.inputs.smokeTest ? [smokeStage(ctx)] : [])];
    case "preview":
      return [...buildStages(ctx), previewStage(ctx)];
    case "dry-run":
      return [...buildStages(ctx), dryRunStage(ctx)];
    case "test":
      return buildStages(ctx);
  }
}
