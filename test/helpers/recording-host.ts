// A Host (src/host.ts) that records everything the pipeline tells the runner, for in-process runs of src/.
import type { Host } from "../../src/host.js";

export interface RecordingHost extends Host {
  readonly outputs: Record<string, string>;
  readonly secrets: string[];
  /** Log lines as the runner would show them: `info`, `notice: …`, `warning: …`, `group: name`. */
  readonly lines: string[];
  readonly groups: string[];
  summary: string;
  failure: string | undefined;
}

export function recordingHost(inputs: Record<string, string> = {}, env: Record<string, string | undefined> = {}): RecordingHost {
  const host: RecordingHost = {
    local: false,
    env,
    outputs: {},
    secrets: [],
    lines: [],
    groups: [],
    summary: "",
    failure: undefined,
    input: (name) => inputs[name] ?? "",
    setOutput: (name, value) => {
      host.outputs[name] = value;
    },
    setSecret: (value) => {
      if (value) host.secrets.push(value);
    },
    info: (message) => host.lines.push(message),
    notice: (message) => host.lines.push(`notice: ${message}`),
    warning: (message) => host.lines.push(`warning: ${message}`),
    group: async (name, fn) => {
      host.groups.push(name);
      host.lines.push(`group: ${name}`);
      return fn();
    },
    appendSummary: async (markdown) => {
      host.summary += markdown;
    },
    fail: (message) => {
      host.failure = message;
    },
  };
  return host;
}
