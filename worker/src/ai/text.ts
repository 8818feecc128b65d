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
import { type ModelRequest, runModel } from "./run.js";
import { byteBatches, type BatchReader } from "../streams/batch-reader.js";
import { passThroughOpenAiChunks } from "../streams/openai-chunks.js";
import { toApiError } from "../http/errors.js";
import { eventsOnce, renderEvents, renderUpstream, runStages, upstreamEvents, type EventStage } from "./stages.js";
import { applyStop, stopStages } from "./stop.js";
import { resultEvents } from "./stream.js";
import { amountsOf, type Meter, meterStage } from "../usage/meter.js";

export interface TextCall {
  /** Names the API in the cache key: the same inputs through another API are another entry. */
  kind: string;
  model: string;
  /** The candidates to try (an alias's list); without it, `model` alone. */
  request?: ModelRequest;
  inputs: Record<string, unknown>;
  sampling: Sampling;
  /** The request's usage meter: told what each answer cost (usage/). */
  meter?: Meter;
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

export async function answerText(
  env: Env,
  config: Config,
  waitUntil: WaitUntil,
  call: TextCall,
): Promise<Answered & { result: TextResult }> {
  const done = call.meter?.expect();
  try {
    const slot = await lookup<Cached>(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
    if (slot?.hit) {
      call.meter?.report(slot.hit.model, amountsOf(slot.hit.result.usage), true);
      return { cache: "HIT", model: slot.hit.model, result: slot.hit.result };
    }
    const { model, output } = await runModel(env, config, call.model, call.inputs, true, { request: call.request, waitUntil });
    const result = applyStop(await settle(output, call.sampling.maxTokens), call.sampling.stop);
    call.meter?.report(model, amountsOf(result.usage));
    store(env, config, slot, { model, result } satisfies Cached, waitUntil);
    return { cache: cacheHeader(slot), model, result };
  } finally {
    done?.();
  }
}

/** What a stream is made from: a cached answer, an upstream stream, or a non-stream upstream answer. */
type Source = { events: AiEvent[] } | { upstream: ReadableStream<Uint8Array> };

/** `stages` rewrite or collect the answer; the usage meter is added by the caller (a pass-through counts without stages). */
async function openStream(
  env: Env,
  config: Config,
  waitUntil: WaitUntil,
  call: TextCall,
): Promise<Answered & { source: Source; stages: EventStage[] }> {
  const slot = await lookup<Cached>(env, config, call.sampling.deterministic, call.kind, call.model, call.inputs);
  if (slot?.hit) {
    call.meter?.report(slot.hit.model, amountsOf(slot.hit.result.usage), true);
    return { cache: "HIT", model: slot.hit.model, source: { events: resultEvents(slot.hit.result) }, stages: [] };
  }
  // Workers AI cannot stream JSON-schema answers (5023): ask for the whole answer and replay it as a stream.
  const streams = (call.inputs.response_format as { type?: string } | undefined)?.type !== "json_schema";
  const inputs = streams ? { ...call.inputs, stream: true } : call.inputs;
  const { model, output } = await runModel(env, config, call.model, inputs, true, { request: call.request, waitUntil });
  const source: Source =
    output instanceof ReadableStream
      ? { upstream: output }
      : { events: resultEvents(normaliseTextOutput(output, call.sampling.maxTokens)) };
  return {
    cache: cacheHeader(slot),
    model,
    source,
    stages: [...stopStages(call.sampling.stop), ...cacheStages(env, config, slot, model, call, waitUntil)],
  };
}

/** Collecting the answer costs a call per event: only when it will be cached. */
function cacheStages(
  env: Env,
  config: Config,
  slot: CacheSlot<Cached> | undefined,
  model: string,
  call: TextCall,
  waitUntil: WaitUntil,
): EventStage[] {
  if (!slot) return [];
  return [collectStage(call.sampling.maxTokens, (result) => store(env, config, slot, { model, result } satisfies Cached, waitUntil))];
}

/** The answer as AiEvents (for APIs that store what they stream). */
export async function streamText(
  env: Env,
  config: Config,
  waitUntil: WaitUntil,
  call: TextCall,
): Promise<Answered & { events: BatchReader<AiEvent[]> }> {
  const { source, stages: rewriting, ...answered } = await openStream(env, config, waitUntil, call);
  const stages = [...rewriting, ...meteredStages(call, answered)];
  if ("upstream" in source) return { ...answered, events: upstreamEvents(source.upstream, stages, config.streamFlushMs) };
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
  const { source, stages: rewriting, ...answered } = await openStream(env, config, waitUntil, call);
  if (!("upstream" in source)) {
    return {
      ...answered,
      body: renderEvents(source.events, [...rewriting, ...meteredStages(call, answered)], renderer),
      passedThrough: false,
    };
  }
  let upstream: ReadableStream<Uint8Array> | BatchReader<string> = source.upstream;
  const meter = answered.cache === "HIT" ? undefined : call.meter?.streamed(answered.model);
  const stages = [...rewriting, ...(meter ? [meterStage(meter)] : [])];
  if (passThrough && !rewriting.length) {
    const errorFrame = (error: unknown) => renderer.error(toApiError(error));
    // Counting needs no parsing: the filter keeps the last usage it passes on (streams/openai-chunks.ts).
    const tried = await passThroughOpenAiChunks(byteBatches(source.upstream, config.streamFlushMs), {
      ...passThrough,
      errorFrame,
      flushMs: config.streamFlushMs,
      meter,
    });
    if ("body" in tried) return { ...answered, body: tried.body, passedThrough: true };
    upstream = tried.reader;
  }
  return { ...answered, body: renderUpstream(upstream, stages, renderer, config.streamFlushMs), passedThrough: false };
}

/** The usage meter's stage for an answer from Workers AI (a cache hit was counted when it was found). */
function meteredStages(call: TextCall, answered: Answered): EventStage[] {
  return call.meter && answered.cache !== "HIT" ? [call.meter.stage(answered.model)] : [];
}

/** Some models answer a non-stream request with a stream anyway: read it to the end. */
async function settle(output: unknown, maxTokens: number): Promise<TextResult> {
  if (!(output instanceof ReadableStream)) return normaliseTextOutput(output, maxTokens);
  const collector = new ResultCollector();
  const events = upstreamEvents(output);
  for (let batch = await events.read(); batch; batch = await events.read()) batch.forEach((event) => collector.add(event));
  return collector.result(maxTokens);
}
