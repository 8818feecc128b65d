// The run as one list (src/stages/index.ts): the folder listing of src/stages/ is the order the stages run in, and
// each mode runs the stages its `when` selects, as the list's header comment and the README say.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Inputs } from "../../src/inputs.js";
import type { Stage } from "../../src/orchestrator.js";
import type { Plan } from "../../src/plan.js";
import type { RunState } from "../../src/run-state.js";
import { PIPELINE } from "../../src/stages/index.js";
import { recordingHost } from "../helpers/recording-host.js";
import { ROOT } from "../helpers/run-action.js";

const isStage = (value: unknown): value is Stage<RunState> =>
  typeof value === "object" && value !== null && "name" in value && typeof (value as Stage<RunState>).run === "function";

describe("src/stages/", () => {
  it("lists its stage files in the order the run list holds their stages", async () => {
    const dir = join(ROOT, "src/stages");
    const files = readdirSync(dir)
      .filter((f) => /^\d\d-.*\.ts$/.test(f))
      .sort();
    const inFileOrder: Stage<RunState>[] = [];
    for (const file of files) inFileOrder.push(...Object.values(await import(join(dir, file))).filter(isStage));
    expect(inFileOrder).toEqual(PIPELINE);
    expect(new Set(inFileOrder).size).toBe(PIPELINE.length);
  });

  // What `when` reads of the plan and the inputs; the rest of a real plan does not decide which stages run.
  const stagesOf = (plan: Pick<Plan, "mode" | "preview">, smokeTest = true) => {
    const state: RunState = { host: recordingHost(), facts: [], warnings: [], plan: plan as Plan, inputs: { smokeTest } as Inputs };
    return PIPELINE.filter((s) => !s.when || s.when(state)).map((s) => s.name);
  };
  const preview = (strategy: "worker" | "version" | "preview") => ({ strategy }) as Plan["preview"];
  const build = ["inputs", "plan", "preflight", "provision", "patch", "contract"];

  it.each([
    ["deploy", stagesOf({ mode: "deploy", preview: undefined }), [...build, "deploy", "smoke", "report"]],
    ["deploy without smoke test", stagesOf({ mode: "deploy", preview: undefined }, false), [...build, "deploy", "report"]],
    ["preview as a worker of its own", stagesOf({ mode: "preview", preview: preview("worker") }), [...build, "deploy", "report"]],
    ["version preview", stagesOf({ mode: "preview", preview: preview("version") }), [...build, "preview", "report"]],
    ["Worker Preview", stagesOf({ mode: "preview", preview: preview("preview") }), [...build, "preview", "report"]],
    ["dry-run", stagesOf({ mode: "dry-run", preview: undefined }), [...build, "deploy", "report"]],
    ["test", stagesOf({ mode: "test", preview: undefined }), [...build, "report"]],
    ["cleanup", stagesOf({ mode: "cleanup", preview: preview("worker") }), ["inputs", "plan", "preflight", "cleanup", "report"]],
  ])("mode %s runs its stages in order", (_mode, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
