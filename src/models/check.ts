// Pure: every model a deployment will use, checked against a Workers AI catalogue before anything is deployed.
//
// - A model the user wrote (a var, the `default-model` input, a MODEL_ALIASES target) that is deprecated or
//   unknown is an error naming the var, where it was set, the model, its date and a replacement.
// - The proxy's built-in defaults and aliases are ordered candidate lists and the first active one serves: a
//   first choice that is gone is a warning (the proxy already answers with the next); none active is an error.
// - A model that needs Workers Paid, or whose deprecation is announced within WARN_DAYS, is a warning.
import { BUILT_IN_ALIASES, type Candidates, DEFAULT_CHAT_MODELS, DEFAULT_EMBEDDING_MODELS, isWorkersAiModel } from "../../worker/src/ai/aliases.js";
import { type ModelReference, ModelSettingError, type ModelVariable, type ModelVars, modelReferences } from "../../worker/src/ai/model-settings.js";
import type { Catalogue } from "./catalogue.js";

/** An announced deprecation this close is worth a warning: a weekly run reports it about eight times. */
export const WARN_DAYS = 60;
const MODELS_PAGE = "https://developers.cloudflare.com/workers-ai/models/";

export interface ModelCheckInput {
  vars: ModelVars;
  /** Where each var was set (`input "vars"`, `"vars" in wrangler.jsonc`); unset vars are the proxy's built-ins. */
  origins: Partial<Record<ModelVariable, string>>;
  catalogue: Catalogue;
  /** Dates a model the catalogue no longer lists (Cloudflare drops them three months after they retire). */
  snapshot?: Catalogue;
  /** YYYY-MM-DD (UTC). */
  today: string;
  /** The shipped proxy: its built-in defaults and aliases are checked too (a user's own worker has none). */
  builtIns: boolean;
}

/** One line of "which name serves with which model", for the log and the summary. */
export interface Resolution {
  label: string;
  model: string | undefined;
  note: string;
}

export interface ModelCheck {
  errors: string[];
  warnings: string[];
  resolutions: Resolution[];
}

type Status = { kind: "active"; date: string | undefined; paidOnly: boolean } | { kind: "deprecated"; date: string; listed: boolean } | { kind: "unknown" };

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

function listNames(names: readonly string[]): string {
  const shown = names.length > 6 ? [...names.slice(0, 5), `${names.length - 5} more`] : names;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : (shown[0] ?? "");
}

export function checkModels(input: ModelCheckInput): ModelCheck {
  const { catalogue, snapshot, today, origins } = input;
  const errors: string[] = [];
  const warnings: string[] = [];
  const resolutions: Resolution[] = [];

  let refs: ModelReference[];
  try {
    refs = modelReferences(input.vars);
  } catch (error) {
    if (!(error instanceof ModelSettingError)) throw error;
    return { errors: [`${error.variable} (${origins[error.variable] ?? "built in"}) ${error.detail}`], warnings, resolutions };
  }

  const status = (name: string): Status => {
    const listed = catalogue.models.get(name);
    if (listed) {
      const date = listed.deprecationDate;
      return date && date <= today ? { kind: "deprecated", date, listed: true } : { kind: "active", date, paidOnly: listed.paidOnly };
    }
    const old = snapshot?.models.get(name)?.deprecationDate;
    return old && old <= today ? { kind: "deprecated", date: old, listed: false } : { kind: "unknown" };
  };
  const active = (name: string) => status(name).kind === "active";
  const usable = (name: string) => {
    const s = status(name);
    return s.kind === "active" && !s.paidOnly;
  };
  const soon = (s: Status) => (s.kind === "active" && s.date ? daysBetween(today, s.date) : undefined);
  const taskOf = (name: string) => catalogue.models.get(name)?.task ?? snapshot?.models.get(name)?.task;

  const dead = (s: Status) =>
    s.kind === "deprecated"
      ? `which Workers AI deprecated on ${s.date}${s.listed ? "" : " and no longer lists"} (requests to it fail with error 5028)`
      : `which ${catalogue.label} does not list (a typo, or a model retired since)`;

  /** The first active Free-plan model of the built-in list for the same kind of task (an alias's own list first). */
  const replacementFor = (name: string, variable: ModelVariable, alias?: string): string => {
    const own = alias ? BUILT_IN_ALIASES.get(alias) : undefined;
    const byVariable = variable === "DEFAULT_EMBEDDING_MODEL" ? DEFAULT_EMBEDDING_MODELS : DEFAULT_CHAT_MODELS;
    const task = taskOf(name) ?? (own ?? byVariable).map(taskOf).find(Boolean);
    // Unknown task (a model no catalogue knows): only the list the name or the var implies.
    const lists: Candidates[] = task ? [...(own ? [own] : []), DEFAULT_CHAT_MODELS, DEFAULT_EMBEDDING_MODELS, ...BUILT_IN_ALIASES.values()] : [own ?? byVariable];
    for (const list of lists) {
      if (task && list.map(taskOf).find(Boolean) !== task) continue;
      const pick = list.find((c) => c !== name && usable(c));
      if (pick) return `use ${pick} instead`;
    }
    return `choose an active${task ? ` ${task}` : ""} model from ${MODELS_PAGE}`;
  };

  const labelOf = (ref: ModelReference) => {
    if (ref.variable === "MODEL_ALIASES") return ref.userSet ? `${ref.name} (MODEL_ALIASES)` : ref.name;
    if (ref.name === "(default)") return `${ref.variable} (built in)`;
    return isWorkersAiModel(ref.name) ? ref.variable : `${ref.variable} = ${ref.name}`;
  };

  // Findings about the built-ins are grouped by model: one retired model may be the first choice of many aliases.
  const grouped = new Map<string, { names: string[]; say: (names: string) => string }>();
  const group = (key: string, name: string, say: (names: string) => string) => {
    const entry = grouped.get(key) ?? { names: [], say };
    entry.names.push(name);
    grouped.set(key, entry);
  };

  for (const ref of refs) {
    if (!input.builtIns && !ref.userSet) continue;
    const serving = ref.candidates.find(active);
    const servingStatus = serving ? status(serving) : undefined;
    const days = servingStatus && soon(servingStatus);
    const notes = [
      servingStatus?.kind === "active" && servingStatus.paidOnly ? "Workers Paid only" : "",
      days !== undefined && days > 0 ? `deprecated on ${(servingStatus as { date: string }).date}` : "",
    ].filter(Boolean);
    resolutions.push({ label: labelOf(ref), model: serving, note: serving ? notes.join(", ") : "no active model" });

    // A name in DEFAULT_AI_MODEL or FALLBACK_MODELS that is an alias: its targets are checked with the alias.
    const viaAlias = ref.variable !== "MODEL_ALIASES" && ref.name !== "(default)" && !isWorkersAiModel(ref.name);
    if (viaAlias) continue;

    if (ref.userSet) {
      const origin = origins[ref.variable] ?? "built in";
      for (const model of ref.candidates) {
        const subject = ref.variable === "MODEL_ALIASES" ? `MODEL_ALIASES (${origin}) maps "${ref.name}" to ${model}` : `${ref.variable} (${origin}) names ${model}`;
        const alias = ref.variable === "MODEL_ALIASES" ? ref.name : undefined;
        const s = status(model);
        if (s.kind !== "active") {
          errors.push(`${subject}, ${dead(s)}: ${replacementFor(model, ref.variable, alias)}.`);
          continue;
        }
        if (s.paidOnly) warnings.push(`${subject}, which needs the Workers Paid plan: on Workers Free requests to it fail with error 5035 (HTTP 403).`);
        const left = soon(s);
        if (left !== undefined && left > 0 && left <= WARN_DAYS) {
          warnings.push(`${subject}, which Workers AI will deprecate on ${s.date} (in ${left} days): ${replacementFor(model, ref.variable, alias)} before then.`);
        }
      }
      continue;
    }

    const name = ref.variable === "MODEL_ALIASES" ? `"${ref.name}"` : ref.variable === "DEFAULT_AI_MODEL" ? "the default chat model" : "the default embedding model";
    if (!serving) {
      const fix = ref.variable === "MODEL_ALIASES" ? `map "${ref.name}" in MODEL_ALIASES` : `set ${ref.variable}`;
      errors.push(
        `the proxy's built-in ${ref.variable === "MODEL_ALIASES" ? `alias ${name}` : name.replace(/^the /, "")} has no active model left: ` +
          `${ref.candidates.join(", ")} are all retired or missing from ${catalogue.label}. ${fix[0]!.toUpperCase()}${fix.slice(1)} to an active model ` +
          `(${replacementFor(ref.candidates[0]!, ref.variable, ref.variable === "MODEL_ALIASES" ? ref.name : undefined)}), or update the action for newer defaults.`,
      );
      continue;
    }
    const first = ref.candidates[0]!;
    if (first !== serving) {
      group(`first ${first} ${serving}`, name, (names) => `${first}, the proxy's first choice for ${names}, is gone, ${dead(status(first)).replace(/^which /, "")}: the proxy answers with ${serving} instead, with no redeploy.`);
    }
    if (servingStatus?.kind === "active" && servingStatus.paidOnly) {
      group(`paid ${serving}`, name, (names) => `${serving}, which the proxy uses for ${names}, needs the Workers Paid plan: on Workers Free requests fail with error 5035 (HTTP 403).`);
    }
    if (days !== undefined && days > 0 && days <= WARN_DAYS) {
      const next = ref.candidates.slice(ref.candidates.indexOf(serving) + 1).find(active);
      const then = next ? `the proxy then moves to ${next} by itself` : `nothing active comes after it: set ${ref.variable} before then`;
      const date = (servingStatus as { date: string }).date;
      group(`soon ${serving} ${next}`, name, (names) => `${serving}, which the proxy uses for ${names}, will be deprecated on ${date} (in ${days} days): ${then}.`);
    }
  }
  for (const { names, say } of grouped.values()) warnings.push(say(listNames(names)));
  return { errors, warnings, resolutions };
}

/** The error a failed check ends the run with: every problem, numbered when there are several. */
export function modelCheckFailure(errors: readonly string[]): string {
  if (errors.length === 1) return errors[0]!;
  return `${errors.length} models the worker would use are retired or unknown: ${errors.map((e, i) => `(${i + 1}) ${e}`).join(" ")}`;
}
