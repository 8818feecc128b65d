// One path for every text answer (chat, completions, and later assistants and responses): cache lookup,
// the Workers AI call with fallbacks, normalising either output form, stop sequences, and the cache write.
import { cacheHeader, lookup, store, type CacheStatus } from "../cache/response-cache.js";
import type { Config } from "../config.js";
import type { Env } from "../env.js";
import type { Sampling } from "../openai/sampling.js";
import { eventsStream } from "../render/stream.js";
import { collectInto, ResultCollector } from "./collect.js";
import type { AiEvent } from "./events.js";
import { normaliseTextOutput, type TextResult } from "./output.js";
import { runModel } from "./run.js";
import { applyStop, stopFilter } from "./stop.js";
import { normaliseStream, resultEvents } from "./stream.js";

export interface TextCall {
  /** Names the API in the cache key: the same inputs through another API are another entry. */
  kind: string;
  model: string;
  inputs: Record<string, unknown>;
  sampling: Sampling;
}

interface Cached {
  model: string;
  result: TextResult;
}

export interface Answered {
  cache: CacheStatus;
  /** The model that answered (a fallback model, when the requested one was over capacity). */
  model: string;
}

export async function answerText(env: Env, config: Config, waitUntil: (p: Promise<unknown>) => void, call: TextCall): Promise<Answered & { result: TextResult }> {
  const slot = await lookup<Cached>(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
  if (slot?.hit) return { cache: "HIT", model: slot.hit.model, result: slot.hit.result };
  const { model, output } = await runModel(env, config, call.model, call.inputs);
  const result = applyStop(await settle(output, call.sampling.maxTokens), call.sampling.stop);
  store(env, config, slot, { model, result } satisfies Cached, waitUntil);
  return { cache: cacheHeader(slot), model, result };
}

export async function streamText(env: Env, config: Config, waitUntil: (p: Promise<unknown>) => void, call: TextCall): Promise<Answered & { events: ReadableStream<AiEvent> }> {
  const slot = await lookup<Cached>(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
  if (slot?.hit) return { cache: "HIT", model: slot.hit.model, events: eventsStream(resultEvents(slot.hit.result)) };
  const { model, output } = await runModel(env, config, call.model, { ...call.inputs, stream: true });
  const upstream = output instanceof ReadableStream ? normaliseStream(output) : eventsStream(resultEvents(normaliseTextOutput(output, call.sampling.maxTokens)));
  const events = upstream
    .pipeThrough(stopFilter(call.sampling.stop))
    .pipeThrough(collectInto(call.sampling.maxTokens, (result) => store(env, config, slot, { model, result } satisfies Cached, waitUntil)));
  return { cache: cacheHeader(slot), model, events };
}

/** Some models answer a non-stream request with a stream anyway: read it to the end. */
async function settle(output: unknown, maxTokens: number): Promise<TextResult> {
  if (!(output instanceof ReadableStream)) return normaliseTextOutput(output, maxTokens);
  const collector = new ResultCollector();
  await normaliseStream(output).pipeTo(new WritableStream({ write: (event) => collector.add(event) }));
  return collector.result(maxTokens);
}
