// One path for every text answer (chat, completions, assistants runs, responses): cache lookup, the Workers
// AI call with fallbacks, normalising either output form, stop sequences, and the cache write.
import { cacheHeader, lookup, store, type CacheSlot, type CacheStatus } from "../cache/response-cache.js";
import type { Config } from "../config.js";
import type { Env } from "../env.js";
import type { Sampling } from "../openai/sampling.js";
import type { Renderer } from "../render/stream.js";
import { collectStage, ResultCollector } from "./collect.js";
import type { AiEvent } from "./events.js";
import { normaliseTextOutput, type TextResult } from "./output.js";
import { runModel } from "./run.js";
import { coalescingReader, type BatchReader } from "../streams/batch-reader.js";
import { passThroughOpenAiChunks } from "../streams/openai-chunks.js";
import { toApiError } from "../http/errors.js";
import { eventsOnce, renderEvents, renderUpstream, runStages, upstreamEvents, type EventStage } from "./stages.js";
import { applyStop, stopStages } from "./stop.js";
import { resultEvents } from "./stream.js";

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

type WaitUntil = (p: Promise<unknown>) => void;

export async function answerText(env: Env, config: Config, waitUntil: WaitUntil, call: TextCall): Promise<Answered & { result: TextResult }> {
  const slot = await lookup<Cached>(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
  if (slot?.hit) return { cache: "HIT", model: slot.hit.model, result: slot.hit.result };
  const { model, output } = await runModel(env, config, call.model, call.inputs);
  const result = applyStop(await settle(output, call.sampling.maxTokens), call.sampling.stop);
  store(env, config, slot, { model, result } satisfies Cached, waitUntil);
  return { cache: cacheHeader(slot), model, result };
}

/** What a stream is made from: a cached answer, an upstream stream, or a non-stream upstream answer. */
type Source = { events: AiEvent[] } | { upstream: ReadableStream<Uint8Array> };

async function openStream(env: Env, config: Config, waitUntil: WaitUntil, call: TextCall): Promise<Answered & { source: Source; stages: EventStage[] }> {
  const slot = await lookup<Cached>(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
  if (slot?.hit) return { cache: "HIT", model: slot.hit.model, source: { events: resultEvents(slot.hit.result) }, stages: [] };
  const { model, output } = await runModel(env, config, call.model, { ...call.inputs, stream: true });
  const source: Source = output instanceof ReadableStream ? { upstream: output } : { events: resultEvents(normaliseTextOutput(output, call.sampling.maxTokens)) };
  return { cache: cacheHeader(slot), model, source, stages: [...stopStages(call.sampling.stop), ...cacheStages(env, config, slot, model, call, waitUntil)] };
}

/** Collecting the answer costs a call per event: only when it will be cached. */
function cacheStages(env: Env, config: Config, slot: CacheSlot<Cached> | undefined, model: string, call: TextCall, waitUntil: WaitUntil): EventStage[] {
  if (!slot) return [];
  return [collectStage(call.sampling.maxTokens, (result) => store(env, config, slot, { model, result } satisfies Cached, waitUntil))];
}

/** The answer as AiEvents (for APIs that store what they stream). */
export async function streamText(env: Env, config: Config, waitUntil: WaitUntil, call: TextCall): Promise<Answered & { events: BatchReader<AiEvent[]> }> {
  const { source, stages, ...answered } = await openStream(env, config, waitUntil, call);
  if ("upstream" in source) return { ...answered, events: upstreamEvents(source.upstream, stages) };
  const events: AiEvent[] = [];
  runStages(source.events, stages, (event) => void events.push(event));
  return { ...answered, events: eventsOnce(events) };
}

/**
 * The answer rendered straight into a wire format: one stream from upstream bytes to client bytes. With
 * `passThrough` (the caller's format is OpenAI chat chunks and its request needs nothing rewritten), an upstream
 * that already sends chat chunks, with no stop sequence to enforce and nothing to collect for the cache, goes to the
 * client as it came (streams/openai-chunks.ts): `passedThrough` says so.
 */
export async function streamTextRendered(
  env: Env,
  config: Config,
  waitUntil: WaitUntil,
  call: TextCall,
  renderer: Renderer,
  { passThrough }: { passThrough?: { includeUsage: boolean } } = {},
): Promise<Answered & { body: ReadableStream<Uint8Array>; passedThrough: boolean }> {
  const { source, stages, ...answered } = await openStream(env, config, waitUntil, call);
  if (!("upstream" in source)) return { ...answered, body: renderEvents(source.events, stages, renderer), passedThrough: false };
  let upstream: ReadableStream<Uint8Array> | BatchReader<Uint8Array> = source.upstream;
  if (passThrough && !stages.length) {
    const errorFrame = (error: unknown) => renderer.error(toApiError(error));
    const tried = await passThroughOpenAiChunks(coalescingReader(source.upstream), { ...passThrough, errorFrame, flushMs: config.streamFlushMs });
    if ("body" in tried) return { ...answered, body: tried.body, passedThrough: true };
    upstream = tried.reader;
  }
  return { ...answered, body: renderUpstream(upstream, stages, renderer, config.streamFlushMs), passedThrough: false };
}

/** Some models answer a non-stream request with a stream anyway: read it to the end. */
async function settle(output: unknown, maxTokens: number): Promise<TextResult> {
  if (!(output instanceof ReadableStream)) return normaliseTextOutput(output, maxTokens);
  const collector = new ResultCollector();
  const events = upstreamEvents(output);
  for (let batch = await events.read(); batch; batch = await events.read()) batch.forEach((event) => collector.add(event));
  return collector.result(maxTokens);
}
