// The model vars (DEFAULT_AI_MODEL, DEFAULT_EMBEDDING_MODEL, MODEL_ALIASES, FALLBACK_MODELS) parsed into
// candidate lists. Pure: the worker reads its settings with it, and the action's preflight imports it to list
// every model a deployment will use before it deploys.
import { BUILT_IN_ALIASES, type Candidates, DEFAULT_CHAT_MODELS, DEFAULT_EMBEDDING_MODELS, isWorkersAiModel } from "./aliases.js";

export interface ModelVars {
  DEFAULT_AI_MODEL?: string;
  DEFAULT_EMBEDDING_MODEL?: string;
  /** JSON text; in a wrangler config's "vars" it may also be written as a JSON object, which wrangler binds as is. */
  MODEL_ALIASES?: string | Record<string, unknown>;
  FALLBACK_MODELS?: string;
}

export type ModelVariable = keyof ModelVars;

export interface ModelSettings {
  /** Requests that name no model: the first of these the catalogue lists. */
  defaultChat: Candidates;
  defaultEmbedding: Candidates;
  /** Built-in aliases with MODEL_ALIASES over them. */
  aliases: ReadonlyMap<string, Candidates>;
  /** Tried in order after a model fails with capacity (3040) or retirement (5028). */
  fallbacks: Candidates;
}

/** A model var that cannot mean anything: the worker answers 500 naming it, the action fails before deploying. */
export class ModelSettingError extends Error {
  constructor(
    readonly variable: ModelVariable,
    readonly detail: string,
  ) {
    super(`${variable} ${detail}`);
    this.name = "ModelSettingError";
  }
}

/** Where a model the deployment uses came from: the action checks each against the catalogue. */
export interface ModelReference {
  variable: ModelVariable;
  /** The name as written (an alias or a Workers AI id); for built-ins, the alias or "(default)". */
  name: string;
  /** The Workers AI ids it may resolve to, in order. */
  candidates: Candidates;
  /** Written by the user (a var) rather than built into the proxy. */
  userSet: boolean;
}

const splitList = (text: string | undefined) =>
  (text ?? "")
    .split(/[\n,]/)
    .map((m) => m.trim())
    .filter(Boolean);

const unique = (names: readonly string[]): Candidates => [...new Set(names)];

/** MODEL_ALIASES as an object: parsed from its JSON text, or as wrangler bound it. */
function aliasObject(value: ModelVars["MODEL_ALIASES"]): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") return value;
  if (!value.trim()) return undefined;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new ModelSettingError(
      "MODEL_ALIASES",
      `is not valid JSON (${(error as Error).message}); expected e.g. {"gpt-4o-mini": ["@cf/zai-org/glm-4.7-flash", "@cf/qwen/qwen3-30b-a3b-fp8"]}.`,
    );
  }
}

function parseAliases(value: ModelVars["MODEL_ALIASES"]): Map<string, Candidates> {
  const aliases = new Map(BUILT_IN_ALIASES);
  const parsed = aliasObject(value);
  if (parsed === undefined) return aliases;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ModelSettingError(
      "MODEL_ALIASES",
      "must be a JSON object of name → Workers AI model id, or → a list of them tried in order.",
    );
  }
  for (const [name, target] of Object.entries(parsed)) {
    const list = typeof target === "string" ? [target] : target;
    if (!Array.isArray(list) || list.length === 0 || !list.every((t) => typeof t === "string" && isWorkersAiModel(t.trim()))) {
      throw new ModelSettingError(
        "MODEL_ALIASES",
        `maps "${name}" to ${JSON.stringify(target)}; expected a Workers AI model id (@cf/… or @hf/…) or a non-empty list of them.`,
      );
    }
    aliases.set(name, unique(list.map((t: string) => t.trim())));
  }
  return aliases;
}

/** A list var: Workers AI ids and alias names, comma- or newline-separated; aliases expand to their candidates. */
function candidatesOf(variable: ModelVariable, text: string | undefined, aliases: ReadonlyMap<string, Candidates>): Candidates {
  return unique(
    splitList(text).flatMap((name) => {
      if (isWorkersAiModel(name)) return [name];
      const target = aliases.get(name);
      if (target) return target;
      throw new ModelSettingError(variable, `names "${name}", which is neither a Workers AI model id (@cf/… or @hf/…) nor an alias.`);
    }),
  );
}

export function parseModelSettings(vars: ModelVars): ModelSettings {
  const aliases = parseAliases(vars.MODEL_ALIASES);
  const chat = candidatesOf("DEFAULT_AI_MODEL", vars.DEFAULT_AI_MODEL, aliases);
  const embedding = candidatesOf("DEFAULT_EMBEDDING_MODEL", vars.DEFAULT_EMBEDDING_MODEL, aliases);
  return {
    defaultChat: chat.length ? chat : DEFAULT_CHAT_MODELS,
    defaultEmbedding: embedding.length ? embedding : DEFAULT_EMBEDDING_MODELS,
    aliases,
    fallbacks: candidatesOf("FALLBACK_MODELS", vars.FALLBACK_MODELS, aliases),
  };
}

/** Every model a deployment with these vars may call, with the var it comes from. Throws ModelSettingError. */
export function modelReferences(vars: ModelVars): ModelReference[] {
  const settings = parseModelSettings(vars);
  const refs: ModelReference[] = [];
  const fromList = (variable: ModelVariable, text: string | undefined) => {
    for (const name of splitList(text))
      refs.push({ variable, name, candidates: candidatesOf(variable, name, settings.aliases), userSet: true });
  };
  if (splitList(vars.DEFAULT_AI_MODEL).length) fromList("DEFAULT_AI_MODEL", vars.DEFAULT_AI_MODEL);
  else refs.push({ variable: "DEFAULT_AI_MODEL", name: "(default)", candidates: DEFAULT_CHAT_MODELS, userSet: false });
  if (splitList(vars.DEFAULT_EMBEDDING_MODEL).length) fromList("DEFAULT_EMBEDDING_MODEL", vars.DEFAULT_EMBEDDING_MODEL);
  else refs.push({ variable: "DEFAULT_EMBEDDING_MODEL", name: "(default)", candidates: DEFAULT_EMBEDDING_MODELS, userSet: false });
  const userAliases = new Set(Object.keys((aliasObject(vars.MODEL_ALIASES) as object | undefined) ?? {}));
  for (const [name, candidates] of settings.aliases)
    refs.push({ variable: "MODEL_ALIASES", name, candidates, userSet: userAliases.has(name) });
  fromList("FALLBACK_MODELS", vars.FALLBACK_MODELS);
  return refs;
}
