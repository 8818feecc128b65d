// Which model vars a deployment will run with, and where each came from: the config's "vars", then the `vars`
// input over them, then `default-model` (the same order the patch stage writes them in). Pure.
import type { ModelVariable, ModelVars } from "../../worker/src/ai/model-settings.js";
import { INPUT, InputError, type Inputs } from "../inputs.js";

export const MODEL_VARIABLES: readonly ModelVariable[] = [
  "DEFAULT_AI_MODEL",
  "DEFAULT_EMBEDDING_MODEL",
  "MODEL_ALIASES",
  "FALLBACK_MODELS",
];

export interface DeploymentModelVars {
  vars: ModelVars;
  /** Where each set var came from, for messages: `input "vars"`, `"vars" in my-worker/wrangler.jsonc`. */
  origins: Partial<Record<ModelVariable, string>>;
}

/** The vars the patch stage writes into the config: `vars`, plus `default-model` as DEFAULT_AI_MODEL. */
export function varsToPatch(inputs: Pick<Inputs, "vars" | "defaultModel">): Record<string, string> {
  // Prototype-free: a var may be named like any property of Object.prototype.
  const vars: Record<string, string> = Object.assign(Object.create(null), inputs.vars);
  if (inputs.defaultModel) {
    if (Object.hasOwn(vars, "DEFAULT_AI_MODEL"))
      throw new InputError(INPUT.vars, `DEFAULT_AI_MODEL is also set by input "${INPUT.defaultModel}": set it in one place`);
    vars.DEFAULT_AI_MODEL = inputs.defaultModel;
  }
  return vars;
}

/** wrangler binds a JSON value of "vars" as it is; the model settings read text, so objects are read as their JSON. */
const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

export function deploymentModelVars(
  configVars: unknown,
  inputs: Pick<Inputs, "vars" | "defaultModel">,
  configLabel: string,
): DeploymentModelVars {
  const vars: ModelVars = {};
  const origins: DeploymentModelVars["origins"] = {};
  const fromConfig =
    configVars && typeof configVars === "object" && !Array.isArray(configVars) ? (configVars as Record<string, unknown>) : {};
  const patched = varsToPatch(inputs);
  for (const name of MODEL_VARIABLES) {
    if (Object.hasOwn(patched, name)) {
      vars[name] = patched[name];
      origins[name] = name === "DEFAULT_AI_MODEL" && inputs.defaultModel ? `input "${INPUT.defaultModel}"` : `input "${INPUT.vars}"`;
    } else if (fromConfig[name] !== undefined && fromConfig[name] !== null) {
      vars[name] = asText(fromConfig[name]);
      origins[name] = `"vars" in ${configLabel}`;
    }
  }
  return { vars, origins };
}
