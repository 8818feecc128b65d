// The Workers AI call a text route makes, from its parsed request: shared by /v1/chat/completions and
// /v1/completions, which differ only in the cache kind that keeps their answers apart.
import type { Context } from "hono";
import type { ModelRequest } from "../ai/run.js";
import type { TextCall } from "../ai/text.js";
import { scopedKind } from "../cache/response-cache.js";
import type { Config } from "../config.js";
import type { Env } from "../env.js";
import { principal } from "../http/principal.js";
import type { Sampling } from "../openai/sampling.js";
import { meterOf } from "../usage/meter.js";

export interface ParsedTextRequest {
  model: string;
  modelRequest: ModelRequest;
  inputs: Record<string, unknown>;
  sampling: Sampling;
}

export function textCallOf(c: Context<{ Bindings: Env }>, config: Config, request: ParsedTextRequest, kind: string): TextCall {
  return {
    kind: scopedKind(config, principal(c).project, kind),
    model: request.model,
    request: request.modelRequest,
    inputs: request.inputs,
    sampling: request.sampling,
    meter: meterOf(c),
  };
}
