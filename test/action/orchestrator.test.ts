// The orchestrator (src/orchestrator.ts) in-process: order, timing records, the stage named in errors,
// merged frozen state (also what a failing stage produced), skipped stages, and resources released when a stage fails.
import { describe, expect, it } from "vitest";
import { runStages, StageFailed, type Resource, type Stage } from "../../src/orchestrator.js";
import { StageError, Stages } from "../../src/pipeline.js";
import { recordingHost } from "../helpers/recording-host.js";

interface State {
  trail: string[];
  bundle?: string;
  held?: Resource;
}

/** A clock that advances 10 ms every time it is read. */
const ticking = () => {
  let t = 0;
  return () => (t += 10);
};

const step = (name: Stage<State>["name"], fn?: Stage<State>["run"]): Stage<State> => ({
  name,
  run: fn ?? (async (state) => ({ trail: [...state.trail, name] })),
});

describe("runStages", () => {
  it("runs the stages in order, each seeing what the earlier ones returned, and times each one", async () => {
    const host = recordingHost();
    const stages = new Stages(host, ticking());
    const seen: string[][] = [];
    const { state: final, failure } = await runStages(
      stages,
      [
        step("provision"),
        step("patch", async (state, { detail }) => {
          seen.push(state.trail);
          detail("patched into a temporary copy");
          return { trail: [...state.trail, "patch"], bundle: "b.js" };
        }),
        step("contract", async (state) => {
          seen.push(state.trail);
          return undefined;
        }),
      ],
      { trail: [] },
    );
    expect(failure).toBeUndefined();
    expect(final).toEqual({ trail: ["provision", "patch"], bundle: "b.js" });
    expect(Object.isFrozen(final)).toBe(true);
    expect(seen).toEqual([["provision"], ["provision", "patch"]]);
    expect(host.groups).toEqual(["provision", "patch", "contract"]);
    expect(stages.records).toEqual([
      { name: "provision", ms: 10, ok: true, detail: "" },
      { name: "patch", ms: 10, ok: true, detail: "patched into a temporary copy" },
      { name: "contract", ms: 10, ok: true, detail: "" },
    ]);
  });

  it("stops at the first failure, names that stage in the error, records it as failed, and returns the state before it", async () => {
    const stages = new Stages(recordingHost(), ticking());
    let ranAfter = false;
    const { state, failure } = await runStages(
      stages,
      [
        step("provision"),
        step("contract", async () => {
          throw new Error("2 of 9 contract checks failed");
        }),
        step("deploy", async () => {
          ranAfter = true;
          return undefined;
        }),
      ],
      { trail: [] },
    );
    expect(failure).toBeInstanceOf(StageError);
    expect(failure).toMatchObject({ stage: "contract", message: "contract stage failed: 2 of 9 contract checks failed" });
    expect(state).toEqual({ trail: ["provision"] });
    expect(ranAfter).toBe(false);
    expect(stages.records.map((r) => [r.name, r.ok])).toEqual([
      ["provision", true],
      ["contract", false],
    ]);
  });

  it("releases a resource a stage owned when a later stage fails, and when the owning stage itself fails", async () => {
    const released: string[] = [];
    const resource = (name: string): Resource => ({ abort: async () => void released.push(name) });
    const stages = new Stages(recordingHost());
    const later = await runStages(
      stages,
      [
        step("contract", async (_state, { own }) => ({ held: own(resource("gate")) })),
        step("deploy", async () => {
          expect(released).toEqual([]); // still held while the run goes on
          throw new Error("wrangler exited with 1");
        }),
      ],
      { trail: [] },
    );
    expect(later.failure?.message).toBe("deploy stage failed: wrangler exited with 1");
    expect(released).toEqual(["gate"]);

    released.length = 0;
    const itself = await runStages(
      new Stages(recordingHost()),
      [
        step("contract", async (_state, { own }) => {
          own(resource("first"));
          own(resource("second"));
          throw new Error("bundle failed");
        }),
      ],
      { trail: [] },
    );
    expect(itself.failure?.message).toBe("contract stage failed: bundle failed");
    expect(released).toEqual(["second", "first"]);
  });

  it("releases resources after a successful run too, and a failing release neither hides the result nor stops the others", async () => {
    const released: string[] = [];
    const { state: final } = await runStages(
      new Stages(recordingHost()),
      [
        step("contract", async (_state, { own }) => {
          own({ abort: async () => void released.push("a") });
          own({ abort: () => Promise.reject(new Error("already gone")) });
          return { bundle: "x.js" };
        }),
      ],
      { trail: [] },
    );
    expect(final.bundle).toBe("x.js");
    expect(released).toEqual(["a"]);
  });

  it("a stage that fails with StageFailed adds what it produced to the state it stops with; its error is the cause's", async () => {
    const stages = new Stages(recordingHost());
    const { state, failure } = await runStages(
      stages,
      [
        step("provision"),
        step("contract", async (state) => {
          throw new StageFailed<State>(
            { trail: [...state.trail, "contract"], bundle: "tested.js" },
            new Error("1 of 9 contract checks failed"),
          );
        }),
      ],
      { trail: [] },
    );
    expect(failure?.message).toBe("contract stage failed: 1 of 9 contract checks failed");
    expect(state).toEqual({ trail: ["provision", "contract"], bundle: "tested.js" });
    expect(Object.isFrozen(state)).toBe(true);
    expect(stages.records.map((r) => [r.name, r.ok])).toEqual([
      ["provision", true],
      ["contract", false],
    ]);
  });

  it("skips a stage whose `when` is false for the state before it, leaving no record of it", async () => {
    const host = recordingHost();
    const stages = new Stages(host);
    const onlyAfterBundle = (name: Stage<State>["name"]): Stage<State> => ({ ...step(name), when: (state) => state.bundle !== undefined });
    const { state } = await runStages(
      stages,
      [
        onlyAfterBundle("deploy"),
        step("contract", async (s) => ({ trail: [...s.trail, "contract"], bundle: "b.js" })),
        onlyAfterBundle("smoke"),
      ],
      { trail: [] },
    );
    expect(state.trail).toEqual(["contract", "smoke"]);
    expect(stages.records.map((r) => r.name)).toEqual(["contract", "smoke"]);
    expect(host.groups).toEqual(["contract", "smoke"]);
  });
});
