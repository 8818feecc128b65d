// Workers AI stand-in for tests: bind it as `AI` (service binding, entrypoint "AiStub"). See types.ts.
import { WorkerEntrypoint } from "cloudflare:workers";
import { runSpeechToText, runTextToSpeech } from "./audio";
import { findModel, SERVED_AS } from "./catalogue";
import { runEmbeddings } from "./embeddings";
import { aiError, deprecatedModel, invalidInput, noSuchModel } from "./errors";
import { runImage } from "./images";
import { searchModels } from "./models-search";
import {
  callLog,
  forceFailures,
  onWorkersPaid,
  planDeprecation,
  recordCall,
  resetPlatform,
  resetState,
  restoreModel,
  retiredOn,
  retireModel,
  setWorkersPaid,
  takeForcedFailure,
} from "./state";
import { runText } from "./text";
import type { ModelKind, StubCallRecord, StubFailNext, StubModelInfo, StubModelsParams } from "./types";
import { isRecord } from "./util";

export type { AiStubRpc } from "./types";

export class AiStub extends WorkerEntrypoint {
  /** Mimics `env.AI.run(model, inputs, options)`. */
  // workerd logs every error an RPC method throws ("uncaught exception"); that noise is expected in tests.
  async run(model: string, inputs: unknown, options?: Record<string, unknown>): Promise<unknown> {
    const record = recordCall(model, inputs, options);
    const forced = takeForcedFailure(model);
    if (forced !== undefined) throw aiError(forced, model);
    const listed = findModel(model);
    if (!listed) throw noSuchModel(model);
    const served = SERVED_AS.get(model);
    const spec = served ? findModel(served)! : listed;
    if (!served && listed.deprecated) throw deprecatedModel(listed.deprecatedOn);
    const retired = retiredOn(spec.name);
    if (retired) throw deprecatedModel(retired);
    if (spec.paidOnly && !onWorkersPaid()) throw aiError(5035, model);
    let result: unknown;
    switch (spec.kind) {
      case "text":
        result = await runText(spec, inputs, isRecord(options) ? options : {}, record);
        break;
      case "unsimulated":
        throw invalidInput(`ai-stub: ${model} (${spec.task}) is listed but not simulated`);
      case "embeddings":
        result = runEmbeddings(spec, inputs);
        break;
      case "image-stream":
      case "image-base64":
        result = runImage(spec, inputs);
        break;
      case "asr":
      case "asr-base64":
        result = runSpeechToText(spec, inputs);
        break;
      case "tts-json":
      case "tts-stream":
        result = runTextToSpeech(spec, inputs);
        break;
    }
    return isRecord(options) && options.returnRawResponse === true ? rawResponse(result, spec.kind) : result;
  }

  /** Mimics `env.AI.models(params)`. */
  async models(params?: StubModelsParams): Promise<StubModelInfo[]> {
    return searchModels(params);
  }

  /** The `run` calls since the last reset (JSON-safe copies). */
  async calls(): Promise<StubCallRecord[]> {
    return callLog();
  }

  /** Clears the call log and forced failures, and puts the platform back as the snapshot has it (Workers Free). */
  async reset(): Promise<void> {
    resetState();
    resetPlatform();
  }

  /** Retires `model` now: it leaves `models()` and `run()` throws 5028 with `date`, until `restoreModel` or `reset`. */
  async retireModel(model: string, date: string): Promise<void> {
    if (!findModel(model)) throw new Error(`ai-stub: retireModel: no model ${model} in the catalogue`);
    retireModel(model, date);
  }

  /** Undoes `retireModel` and `planDeprecation` for `model`. */
  async restoreModel(model: string): Promise<void> {
    restoreModel(model);
  }

  /** Gives `model` a `planned_deprecation_date` property in `models()`. */
  async planDeprecation(model: string, date: string): Promise<void> {
    if (!findModel(model)) throw new Error(`ai-stub: planDeprecation: no model ${model} in the catalogue`);
    planDeprecation(model, date);
  }

  /** The account's plan: on Workers Paid the paid-only models answer instead of throwing 5035. */
  async setWorkersPaid(paid: boolean): Promise<void> {
    setWorkersPaid(paid === true);
  }

  /** Makes the next `times` calls (of `model`, if given) throw Workers AI error `code`. */
  async failNext(spec: StubFailNext): Promise<void> {
    forceFailures(spec);
  }
}

/** `options.returnRawResponse`: the result as the HTTP response the binding would have wrapped. */
function rawResponse(result: unknown, kind: ModelKind): Response {
  if (result instanceof ReadableStream) {
    const type = kind === "text" ? "text/event-stream" : kind === "image-stream" ? "image/png" : "audio/mpeg";
    return new Response(result, { headers: { "content-type": type } });
  }
  return Response.json(result);
}

export default {
  fetch(): Response {
    return new Response("ai-stub: a Workers AI stand-in for tests; use it over RPC as the AI binding (entrypoint AiStub).\n");
  },
};
