// Runs each stage in its own log group, times it, and names it in any error that escapes it.
import type { Host } from "./host.js";

export type StageName =
  | "inputs"
  | "plan"
  | "preflight"
  | "provision"
  | "patch"
  | "contract"
  | "deploy"
  | "preview"
  | "cleanup"
  | "smoke"
  | "report";

export interface StageRecord {
  name: StageName;
  ms: number;
  ok: boolean;
  detail: string;
}

export class StageError extends Error {
  constructor(
    readonly stage: StageName,
    cause: unknown,
  ) {
    super(`${stage} stage failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "StageError";
  }
}

export class Stages {
  readonly records: StageRecord[] = [];
  constructor(
    private readonly host: Host,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `fn` as stage `name`; `fn` may return a one-line detail for the summary through `detail`. */
  async run<T>(name: StageName, fn: (detail: (text: string) => void) => Promise<T>): Promise<T> {
    const started = this.now();
    let detail = "";
    const record = (ok: boolean) => this.records.push({ name, ms: Math.round(this.now() - started), ok, detail });
    try {
      const result = await this.host.group(name, () => fn((text) => (detail = text)));
      record(true);
      return result;
    } catch (error) {
      record(false);
      throw error instanceof StageError ? error : new StageError(name, error);
    }
  }
}
