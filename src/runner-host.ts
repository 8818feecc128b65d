// Host on a GitHub runner: inputs from INPUT_*, outputs to GITHUB_OUTPUT, summary to GITHUB_STEP_SUMMARY.
import * as core from "@actions/core";
import type { Host } from "./host.js";

export function runnerHost(env: Record<string, string | undefined> = process.env): Host {
  return {
    local: false,
    env,
    input: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    info: (message) => core.info(message),
    notice: (message) => core.notice(message),
    warning: (message) => core.warning(message),
    group: (name, fn) => core.group(name, fn),
    appendSummary: async (markdown) => {
      if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
    },
    fail: (message) => core.setFailed(message),
  };
}
