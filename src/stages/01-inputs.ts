// Stage inputs: mask the secrets before anything can print them, read every input (a bad one fails here, naming
// it) and what triggered the run.
import { readEvent } from "../event.js";
import type { Host } from "../host.js";
import { INPUT, parseInputs } from "../inputs.js";
import type { Stage } from "../orchestrator.js";
import type { RunState } from "../run-state.js";

export const inputsStage: Stage<RunState> = {
  name: "inputs",
  async run({ host }) {
    maskSecrets(host);
    const inputs = parseInputs((name) => host.input(name));
    return { inputs, event: readEvent(host.env) };
  },
};

/** The runner replaces masked values with *** in every log line. */
function maskSecrets(host: Host) {
  host.setSecret(host.input(INPUT.apiToken).trim());
  // An entry is key, project:key or project:name:key: mask the entry, and what follows each of its first two colons.
  for (const entry of host.input(INPUT.apiKeys).split(/[\n,]/)) {
    const trimmed = entry.trim();
    host.setSecret(trimmed);
    const first = trimmed.indexOf(":");
    if (first >= 0) host.setSecret(trimmed.slice(first + 1));
    const second = trimmed.indexOf(":", first + 1);
    if (first >= 0 && second >= 0) host.setSecret(trimmed.slice(second + 1));
  }
}
