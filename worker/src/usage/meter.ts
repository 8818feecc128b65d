// Per request: what it cost, recorded after the answer (waitUntil), never on the request's critical path.
// Routes and the text path report what they learn (tokens, images, characters) to the request's meter; the
// meter turns it into one ledger record per model with estimated neurons, once every answer it waits for is in.
import type { Context } from "hono";
import { loadCatalogue, type ModelFacts } from "../ai/catalogue.js";
import type { EventStage } from "../ai/stages.js";
import type { Usage } from "../ai/output.js";
import type { Env } from "../env.js";
import { type Amounts, neuronsFor } from "./prices.js";
import { emptyRecord, type UsageKind, type UsageRecord } from "./record.js";
import { record } from "./recorder.js";
import { ledgerOf } from "./store.js";
import { utcDay } from "./day.js";

declare module "hono" {
  interface ContextVariableMap {
    meter: Meter | undefined;
  }
}

interface Report {
  model: string;
  amounts: Amounts & { reasoningTokens?: number };
  cacheHit: boolean;
}

/** Token counts from a Workers AI usage object, with the details OpenAI-shaped models add. */
export function amountsOf(usage: Usage | undefined): Report["amounts"] {
  const u = (usage ?? {}) as Usage & {
    prompt_tokens_details?: { cached_tokens?: number };
    completion_tokens_details?: { reasoning_tokens?: number };
  };
  const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0);
  return {
    inputTokens: n(u.prompt_tokens),
    outputTokens: n(u.completion_tokens),
    cachedTokens: n(u.prompt_tokens_details?.cached_tokens),
    reasoningTokens: n(u.completion_tokens_details?.reasoning_tokens),
  };
}

export interface StreamMeter {
  usage(usage: Usage | undefined): void;
  end(): void;
  cancel(): void;
}

export class Meter {
  /** The model asked for, recorded when the request fails before any model answers. */
  requested: string | undefined;
  private readonly reports: Report[] = [];
  private pending = 0;
  private closed = false;
  private flushed = false;
  private status = 200;

  constructor(
    private readonly env: Env,
    private readonly waitUntil: (p: Promise<unknown>) => void,
    readonly kind: UsageKind,
    readonly project: string,
    readonly keyName: string,
    private readonly nowMs: number = Date.now(),
  ) {}

  /** What one answer cost. */
  report(model: string, amounts: Report["amounts"], cacheHit = false): void {
    const report = { model, amounts, cacheHit };
    if (this.flushed) this.waitUntil(this.write([report], 0));
    else this.reports.push(report);
  }

  /** An answer that will report later; call the returned function when it has (or has failed). */
  expect(): () => void {
    this.pending++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.pending === 0 && this.closed && !this.flushed) this.flush();
    };
  }

  /** A streamed answer: told its usage as it passes, and when it ends or its reader goes away. */
  streamed(model: string): StreamMeter {
    const done = this.expect();
    let usage: Usage | undefined;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      // An abandoned stream still counts as a request of its model, with what it reported before.
      this.report(model, amountsOf(usage));
      done();
    };
    return { usage: (u) => void (usage = u), end: settle, cancel: settle };
  }

  /** The same as a stage of the event pipeline (ai/stages.ts). */
  stage(model: string): EventStage {
    return meterStage(this.streamed(model));
  }

  /**
   * Called once the handler has answered: records now, or once every answer it waits for is in (a stream that
   * ends, a background run), from within that answer's own work, so no waitUntil waits on a reader.
   */
  close(status: number): void {
    this.status = status;
    this.closed = true;
    if (this.pending === 0) this.flush();
  }

  private flush(): void {
    this.flushed = true;
    this.waitUntil(this.write(this.reports.splice(0), 1, this.status >= 400 ? this.status : undefined));
  }

  /** One record per model; the request itself is counted once, on the first. */
  private async write(reports: Report[], requests: number, errorStatus?: number): Promise<void> {
    if (!ledgerOf(this.env)) return;
    const catalogue = await loadCatalogue(this.env, this.waitUntil).catch(() => []);
    const day = utcDay(this.nowMs);
    const list = reports.length ? reports : [{ model: this.requested ?? "(none)", amounts: {}, cacheHit: false }];
    const records: UsageRecord[] = list.map((r, i) => {
      const neurons = neuronsFor(priceIn(catalogue, r.model), r.amounts);
      return {
        ...emptyRecord(day, this.project, this.keyName, this.kind, r.model),
        requests: i === 0 ? requests : 0,
        inputTokens: r.amounts.inputTokens ?? 0,
        outputTokens: r.amounts.outputTokens ?? 0,
        cachedTokens: r.amounts.cachedTokens ?? 0,
        reasoningTokens: r.amounts.reasoningTokens ?? 0,
        images: r.amounts.images ?? 0,
        characters: r.amounts.characters ?? 0,
        audioSeconds: r.amounts.audioSeconds ?? 0,
        neurons: r.cacheHit ? 0 : neurons,
        cacheHits: r.cacheHit ? 1 : 0,
        neuronsSaved: r.cacheHit ? neurons : 0,
        errorStatus: i === 0 ? errorStatus : undefined,
      };
    });
    await record(this.env, records);
  }
}

/** The model's price from the catalogue (parsed once per catalogue read, in ai/catalogue.ts). */
const priceIn = (catalogue: ModelFacts[], model: string) => catalogue.find((m) => m.name === model)?.price;

/** A stage of the event pipeline that tells `meter` the usage it sees pass, and the stream's end. */
export function meterStage(meter: StreamMeter): EventStage {
  return {
    push(event, emit) {
      if (event.type === "usage") meter.usage(event.usage);
      emit(event);
    },
    end: meter.end,
    cancel: meter.cancel,
  };
}

export const meterOf = (c: Context): Meter | undefined => c.get("meter");
