// The one place that runs stages. A mode is a list of stages (src/modes/index.ts); each stage reads what the
// stages before it returned and returns what it adds. The orchestrator runs the list in order, times each stage
// and names it in any error (through `Stages`), merges each result into a new frozen state (no stage writes
// another's), and releases every resource a stage took (a wrangler waiting to deploy, …) in its `finally`.
import type { StageName, Stages } from "./pipeline.js";

/** Something a stage started that must be undone if the run does not get to use it. */
export interface Resource {
  /** Undo or stop it; must be safe after the resource was used, and safe to call more than once. */
  abort(): Promise<void>;
}

export interface StageTools {
  /** A one-line detail for the job summary's stage table. */
  detail(text: string): void;
  /**
   * Hands a resource to the orchestrator before the stage returns it: released when the run ends, even when
   * this very stage fails after taking it. Returns the resource.
   */
  own<R extends Resource>(resource: R): R;
}

export interface Stage<S extends object> {
  readonly name: StageName;
  /** What this stage adds to the state (merged over it), or nothing. */
  run(state: Readonly<S>, tools: StageTools): Promise<Partial<S> | undefined>;
}

/**
 * Runs `list` in order from `initial`; returns the merged state. The first failure stops the run (as a
 * StageError naming the stage, from `Stages`); owned resources are released, newest first, either way.
 */
export async function runStages<S extends object>(stages: Stages, list: readonly Stage<S>[], initial: S): Promise<Readonly<S>> {
  let state: Readonly<S> = Object.freeze({ ...initial });
  const owned: Resource[] = [];
  const own = <R extends Resource>(resource: R) => {
    owned.push(resource);
    return resource;
  };
  try {
    for (const stage of list) {
      const added = await stages.run(stage.name, (detail) => stage.run(state, { detail, own }));
      if (added) state = Object.freeze({ ...state, ...added });
    }
    return state;
  } finally {
    // A release that fails must not hide the run's own error, nor stop the other releases.
    for (const resource of owned.reverse()) await resource.abort().catch(() => {});
  }
}
