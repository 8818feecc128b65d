// Workers AI stand-in for tests: bind it as `AI` (service binding, entrypoint "AiStub"). See types.ts.
import { WorkerEntrypoint } from "cloudflare:workers";
import { runSpeechToText, runTextToSpeech } from "./audio";
import { findModel } from "./catalogue";
import { runEmbeddings } from "./embeddings";
import { aiError, noSuchModel } from "./errors";
import { runImage } from "./images";
import { searchModels } from "./models-search";
import { callLog, forceFailures, recordCall, resetState, takeForcedFailure } from "./state";
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
    const spec = findModel(model);
    if (!spec) throw noSuchModel(model);
    let result: unknown;
    switch (spec.kind) {
      case "text":
        result = runText(spec, inputs, record);
        break;
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

  /** Clears the call log and forced failures. */
  async reset(): Promise<void> {
    resetState();
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
