// Calling Workers AI: the request's candidates in the order the live catalogue allows, through AI Gateway when
// configured, moving on to the next candidate (then FALLBACK_MODELS) when a model is retired (5028), busy (3040,
// asked with rejectIfBusy so that it fails at once instead of queueing) or, for an alias, paid-only (5035) or
// gone (5007); every failure becomes an OpenAI-shaped ApiError, never a 5xx for a model that is merely gone.
import type { Candidates } from "./aliases.js";
import type { Config } from "../config.js";
import type { AiRunOptions, Env } from "../env.js";
import { type CatalogueIndex, catalogueForChoosing, learnRetired, retiredOn } from "./catalogue.js";
import { aiErrorCode, deprecationDate, mapAiError, modelRetired } from "./errors.js";
import { modelInputs, SESSION_INPUT } from "./reasoning.js";
import { firstListed, servingOrder } from "./resolve.js";

export interface RunOutcome {
  /** The model that answered (another candidate or a fallback model when the first could not). */
  model: string;
  output: unknown;
}

/** How the model was asked for (openai/model.ts resolves it). */
export interface ModelRequest {
  /** What to try, in order: an alias's or default's list, or the one Workers AI id the client named. */
  candidates: Candidates;
  /** The client named this Workers AI id: if it is gone the answer says so (no silent substitute but FALLBACK_MODELS). */
  explicit: boolean;
  /** The list whose serving model is named as the replacement when a model is gone (the API's default). */
  replacements?: Candidates;
}

export interface RunHow {
  request?: ModelRequest;
  waitUntil?: (p: Promise<unknown>) => void;
}

type Inputs = Record<string, unknown>;

export async function runModel(
  env: Env,
  config: Config,
  model: string,
  inputs: Inputs | ((model: string) => Inputs),
  useFallbacks = true,
  how: RunHow = {},
): Promise<RunOutcome> {
  const request = how.request ?? { candidates: [model], explicit: true };
  const catalogue = await catalogueForChoosing(env, how.waitUntil);
  const order = servingOrder(request.candidates, catalogue, retiredOn);
  const fallbacks = useFallbacks ? servingOrder(config.fallbackModels, catalogue, retiredOn) : [];
  const chain = [...new Set([...order, ...fallbacks])];
  const replacement = () => replacementFor(config, catalogue, request);
  if (chain.length === 0) {
    const gone = request.candidates[0] ?? model;
    throw modelRetired(gone, retiredOn(gone) ?? null, replacement());
  }
  let lastError: unknown;
  let lastModel = chain[0];
  for (const [i, candidate] of chain.entries()) {
    const hasNext = i < chain.length - 1;
    const { inputs: modelIn, session } = modelInputs(candidate, typeof inputs === "function" ? inputs(candidate) : inputs);
    const options: AiRunOptions = {};
    if (config.gatewayId) options.gateway = { id: config.gatewayId };
    if (session) options.extraHeaders = { "x-session-affinity": session };
    // With somewhere else to go, a busy model should say so at once rather than queue the request.
    if (hasNext) options.rejectIfBusy = true;
    try {
      const output = await env.AI.run(candidate, modelIn, Object.keys(options).length ? options : undefined);
      return { model: candidate, output };
    } catch (error) {
      lastError = error;
      lastModel = candidate;
      const code = aiErrorCode(error);
      if (code === 5028) learnRetired(candidate, deprecationDate(error));
      const named = request.explicit && candidate === request.candidates[0];
      // An alias moves past a model that is gone or paid-only; a model the client named is reported as such.
      const movesOn = code === 3040 || code === 5028 || (!named && (code === 5007 || code === 5035));
      if (!movesOn || !hasNext) break;
    }
  }
  throw mapAiError(lastError, lastModel, replacement());
}

/** The model the proxy would serve instead: the API's default list as the catalogue resolves it now. */
function replacementFor(config: Config, catalogue: CatalogueIndex, request: ModelRequest): string | undefined {
  const list = request.replacements ?? config.models.defaultChat;
  return firstListed(list, catalogue, retiredOn) ?? servingOrder(list, catalogue, retiredOn)[0];
}

/**
 * For APIs that build model-specific inputs (images, audio, embeddings): the model that will serve, chosen
 * before the call. A model the client named that is known to be retired is a 404 naming the replacement.
 */
export async function chooseModel(
  env: Env,
  config: Config,
  request: ModelRequest,
  waitUntil?: (p: Promise<unknown>) => void,
): Promise<string> {
  const catalogue = await catalogueForChoosing(env, waitUntil);
  const order = servingOrder(request.candidates, catalogue, retiredOn);
  if (order.length) return order[0];
  const gone = request.candidates[0];
  throw modelRetired(gone, retiredOn(gone) ?? null, replacementFor(config, catalogue, request));
}

export { SESSION_INPUT };
