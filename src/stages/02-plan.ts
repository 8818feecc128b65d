// Stage plan: find the worker and its config, and decide from the event and the inputs what this run does
// (src/plan.ts, pure). Creates the run's clients and folders (src/context.ts) for the stages after it.
import { configFacts, parseConfig } from "../config/parse.js";
import { createContext } from "../context.js";
import type { Stage } from "../orchestrator.js";
import { plan, type WorkerFacts } from "../plan.js";
import type { RunState } from "../run-state.js";
import { findWorker } from "../worker-dir.js";

export const planStage: Stage<RunState> = {
  name: "plan",
  async run({ host, inputs, event }, { detail }) {
    if (!inputs || !event) throw new Error("internal: the plan stage runs before the inputs stage");
    const source = findWorker(inputs, host.env.GITHUB_WORKSPACE || process.cwd());
    const worker: WorkerFacts = {
      ...configFacts(parseConfig(source.text, source.format, source.configLabel)),
      configLabel: source.configLabel,
    };
    const p = plan(inputs, event, worker);
    detail(`${p.mode}: ${p.reason}`);
    return { source, worker, plan: p, ctx: createContext({ host, inputs, event, source }, p.mode) };
  },
};
