// The one seam between the pipeline and where it runs: a GitHub runner (@actions/core) or a terminal
// (`npm start`). Stages talk to a Host, never to @actions/core, so tests and local runs swap it freely.
import type { OutputName } from "./inputs.js";

export interface Host {
  /** True for `npm start` in a terminal, false on a GitHub runner. */
  readonly local: boolean;
  readonly env: Record<string, string | undefined>;
  input(name: string): string;
  setOutput(name: OutputName, value: string): void;
  setSecret(value: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  appendSummary(markdown: string): Promise<void>;
  fail(message: string): void;
}
