// Pure: every model a deployment will use, checked against a Workers AI catalogue before anything is deployed.
//
// - A model the user wrote (a var, the `default-model` input, a MODEL_ALIASES target) that is deprecated or
//   unknown is an error naming the var, where it was set, the model, its date and a replacement.
// - The proxy's built-in defaults and aliases are ordered candidate lists and the first active one serves: a
//   first choice that is gone is a warning (the proxy already answers with the next); none active is an error.
// - A model that needs Workers Paid, or whose deprecation is announced within WARN_DAYS, is a warning.
import {
  BUILT_IN_ALIASES,
  type Candidates,
  DEFAULT_CHAT_MODELS,
  DEFAULT_EMBEDDING_MODELS,
  isWorkersAiModel,
} from "../../worker/src/ai/aliases.js";
import {
  type ModelReference,
  ModelSettingError,
  type ModelVariable,
  type ModelVars,
  modelReferences,
} from "../../worker/src/ai/model-settings.js";
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

type Status =
  | { kind: "active"; date: string | undefined; paidOnly: boolean }
  | { kind: "deprecated"; date: string; listed: boolean }
  | { kind: "unknown" };

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
    const problem = `${error.variable} (${origins[error.variable] ?? "built in"}) ${error.detail}`;
    // The proxy would answer every request with a 500 naming it. A worker of your own may read the var its own way.
    if (input.builtIns) return { errors: [problem], warnings, resolutions };
    return { errors, warnings: [`${problem} The model check skipped this worker's models.`], resolutions };
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
    const lists: Candidates[] = task
      ? [...(own ? [own] : []), DEFAULT_CHAT_MODELS, DEFAULT_EMBEDDING_MODELS, ...BUILT_IN_ALIASES.values()]
      : [own ?? byVariable];
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
    const paid = servingStatus?.kind === "active" && servingStatus.paidOnly;
    const planned =
      servingStatus?.kind === "active" && servingStatus.date
        ? { date: servingStatus.date, days: daysBetween(today, servingStatus.date) }
        : undefined;
    const notes = [paid ? "Workers Paid only" : "", planned ? `deprecated on ${planned.date}` : ""].filter(Boolean);
    resolutions.push({ label: labelOf(ref), model: serving, note: serving ? notes.join(", ") : "no active model" });

    // A name in DEFAULT_AI_MODEL or FALLBACK_MODELS that is an alias: its targets are checked with the alias.
    const viaAlias = ref.variable !== "MODEL_ALIASES" && ref.name !== "(default)" && !isWorkersAiModel(ref.name);
    if (viaAlias) continue;
    const alias = ref.variable === "MODEL_ALIASES" ? ref.name : undefined;

    if (ref.userSet) {
      const origin = origins[ref.variable] ?? "built in";
      for (const model of ref.candidates) {
        const subject = alias ? `MODEL_ALIASES (${origin}) maps "${alias}" to ${model}` : `${ref.variable} (${origin}) names ${model}`;
        const s = status(model);
        if (s.kind !== "active") {
          errors.push(`${subject}, ${dead(s)}: ${replacementFor(model, ref.variable, alias)}.`);
          continue;
        }
        if (s.paidOnly)
          warnings.push(`${subject}, which needs the Workers Paid plan: on Workers Free requests to it fail with error 5035 (HTTP 403).`);
        const left = s.date ? daysBetween(today, s.date) : undefined;
        if (left !== undefined && left <= WARN_DAYS) {
          warnings.push(
            `${subject}, which Workers AI will deprecate on ${s.date} (in ${left} days): ${replacementFor(model, ref.variable, alias)} before then.`,
          );
        }
      }
      continue;
    }

    // The proxy's own lists: how the summary names them, and what the user can set to override one.
    const what = alias ? `alias "${alias}"` : ref.variable === "DEFAULT_AI_MODEL" ? "default chat model" : "default embedding model";
    const listed = alias ? `"${alias}"` : `the ${what}`;
    const fix = alias ? `map "${alias}" in MODEL_ALIASES` : `set ${ref.variable}`;
    if (!serving) {
      errors.push(
        `the proxy's built-in ${what} has no active model left: ${ref.candidates.join(", ")} are all retired or missing from ${catalogue.label}. ` +
          `${fix[0]!.toUpperCase()}${fix.slice(1)} to an active model (${replacementFor(ref.candidates[0]!, ref.variable, alias)}), or update the action for newer defaults.`,
      );
      continue;
    }
    const first = ref.candidates[0]!;
    if (first !== serving) {
      const s = status(first);
      const gone =
        s.kind === "deprecated"
          ? `was deprecated on ${s.date}${s.listed ? "" : " and is no longer listed"}`
          : `is not in ${catalogue.label}`;
      group(
        `first ${first} ${serving}`,
        listed,
        (names) => `${first}, the proxy's first choice for ${names}, ${gone}: the proxy answers with ${serving} instead, with no redeploy.`,
      );
    }
    if (paid) {
      group(
        `paid ${serving}`,
        listed,
        (names) =>
          `${serving}, which the proxy uses for ${names}, needs the Workers Paid plan: on Workers Free requests fail with error 5035 (HTTP 403).`,
      );
    }
    if (planned && planned.days <= WARN_DAYS) {
      const next = ref.candidates.slice(ref.candidates.indexOf(serving) + 1).find(active);
      const override = alias ? "MODEL_ALIASES" : ref.variable;
      const then = next
        ? `the proxy then moves to ${next} by itself`
        : `nothing active comes after it in the proxy's list: set ${override} before then`;
      group(
        `soon ${serving} ${next ?? override}`,
        listed,
        (names) =>
          `${serving}, which the proxy uses for ${names}, will be deprecated on ${planned.date} (in ${planned.days} days): ${then}.`,
      );
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
