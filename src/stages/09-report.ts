// Stage report: on a pull request, the sticky comment and the GitHub deployment (src/steps/notify.ts), from the
// report of the state the run reached. The outputs and the job summary are written after every run, failed or
// not, by src/main.ts (they list this stage too).
import type { Stage } from "../orchestrator.js";
import { planned, type RunState } from "../run-state.js";
import { notifyPullRequest } from "../steps/notify.js";
import { reportOf } from "../steps/summary.js";

export const reportStage: Stage<RunState> = {
  name: "report",
  async run(state) {
    const { ctx, plan } = planned(state);
    await notifyPullRequest(ctx, plan, reportOf(state, []), plan.mode === "cleanup" ? "closed" : "deployed");
    return undefined;
  },
};
