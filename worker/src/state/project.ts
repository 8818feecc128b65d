// Projects: every stored object belongs to the project of the key that created it. A project's objects live
// under names no other project can reach, so an id from another project names an object that does not exist
// here (404), whatever the backend. The default project keeps the unprefixed names, so state stored before
// projects existed stays where it was (and belongs to keys without a project).
import { DEFAULT_PROJECT } from "../http/keys.js";
import type { InvokeOptions, Session, StartOptions, StateBackend } from "./backend.js";
import type { OpArgs, OpName, OpResult } from "./registry.js";

/** The storage name of `object` for `project`. Project names hold no ':' or '/', so no two projects share a name. */
export function projectObject(project: string, object: string): string {
  return project === DEFAULT_PROJECT ? object : `project/${project}/${object}`;
}

export class ProjectBackend implements StateBackend {
  readonly name: StateBackend["name"];

  constructor(
    private readonly inner: StateBackend,
    readonly project: string,
  ) {
    this.name = inner.name;
  }

  invoke<N extends OpName>(object: string, op: N, args: OpArgs<N>, options?: InvokeOptions): Promise<OpResult<N>> {
    return this.inner.invoke(projectObject(this.project, object), op, args, options);
  }

  start<N extends OpName>(
    object: string,
    op: N,
    args: OpArgs<N>,
    options?: StartOptions & InvokeOptions,
  ): Promise<{ value: OpResult<N>; session: Session }> {
    return this.inner.start(projectObject(this.project, object), op, args, options);
  }
}
