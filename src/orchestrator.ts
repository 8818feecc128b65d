// The one place that runs stages. The run is one list of stages (src/stages/index.ts, in the order of the files
// in src/stages/); each stage reads the state the stages before it returned and returns what it adds. The
// orchestrator skips a stage whose `when` says it has no part in this run, runs the others in order, times each
// and names it in any error (through `Stages`), merges each result into a new frozen state (no stage writes
// another's, and nothing else holds run state), and releases every resource a stage took (a wrangler waiting to
// deploy, …) in its `finally`.
//
// A failure stops the run, but what was done before it still counts (the report shows the namespaces created,
// the version deployed before its smoke test failed): the run's result is the state reached, with the failure
// beside it. A stage that fails after producing something throws `StageFailed` carrying its own additions (the
// contract results that failed, the plan the preflight failed with, the rollback it did), merged like a result.
import { StageError, type StageName, type Stages } from "./pipeline.js";

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
  /** Whether this run includes the stage, decided from the state before it (the mode, an input); absent: always. */
  when?(state: Readonly<S>): boolean;
  /** What this stage adds to the state (merged over it), or nothing. To fail with additions, throw StageFailed. */
  run(state: Readonly<S>, tools: StageTools): Promise<Partial<S> | undefined>;
}

/** Thrown by a stage that fails after producing something the run's report must still show. */
export class StageFailed<S extends object = object> extends Error {
  constructor(
    /** Merged into the state like a stage's result, before the run stops. */
    readonly added: Partial<S>,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "StageFailed";
  }
}

export interface RunResult<S extends object> {
  /** The merged state: of every stage, or of those before the failure plus the failing stage's additions. */
  state: Readonly<S>;
  /** The first failure, naming its stage; the stages after it did not run. */
  failure?: StageError;
}

/** Runs `list` in order from `initial`. Owned resources are released, newest first, before it returns. */
export async function runStages<S extends object>(stages: Stages, list: readonly Stage<S>[], initial: S): Promise<RunResult<S>> {
  let state: Readonly<S> = Object.freeze({ ...initial });
  const owned: Resource[] = [];
  const own = <R extends Resource>(resource: R) => {
    owned.push(resource);
    return resource;
  };
  let current: StageName | undefined;
  try {
    for (const stage of list) {
      current = stage.name;
      if (stage.when && !stage.when(state)) continue;
      const added = await stages.run(stage.name, (detail) => stage.run(state, { detail, own }));
      if (added) state = Object.freeze({ ...state, ...added });
    }
    return { state };
  } catch (error) {
    // Stages.run names the stage in every error; only a `when` that throws (a bug) arrives here unnamed.
    const failure = error instanceof StageError ? error : new StageError(current ?? "inputs", error);
    const partial = failure.cause instanceof StageFailed ? (failure.cause.added as Partial<S>) : undefined;
    return { state: partial ? Object.freeze({ ...state, ...partial }) : state, failure };
  } finally {
    // A release that fails must not hide the run's own error, nor stop the other releases.
    for (const resource of owned.reverse()) await resource.abort().catch(() => {});
  }
}
