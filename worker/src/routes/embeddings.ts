// POST /v1/embeddings: string or array input, float or base64 (the openai SDK asks for base64 by default).
import { meterOf } from "../usage/meter.js";
import type { Context } from "hono";
import { bytesToBase64 } from "../ai/media.js";
import { chooseModel, runModel } from "../ai/run.js";
import { cacheHeader, lookup, scopedKind, store } from "../cache/response-cache.js";
import { readConfig } from "../config.js";
import type { Env } from "../env.js";
import { ApiError, badRequest } from "../http/errors.js";
import { optionalEnum, optionalNumber } from "../http/fields.js";
import { readJsonObject } from "../http/json.js";
import { principal } from "../http/principal.js";
import { resolveModel } from "../openai/model.js";

/** Workers AI embedding models take at most 100 texts a call; longer inputs are sent in batches. */
const BATCH = 100;
/** OpenAI's own limit on the number of inputs. */
const MAX_INPUTS = 2048;

export async function createEmbeddings(c: Context<{ Bindings: Env }>) {
  const config = readConfig(c.env);
  const body = await readJsonObject(c.req.raw);
  const resolved = resolveModel(body, config, config.defaultEmbeddingModel);
  const requested = resolved.requested;
  // Vectors of one request come from one model: chosen once, before the batches.
  const model = await chooseModel(c.env, config, resolved.request, (p) => c.executionCtx.waitUntil(p));
  const texts = parseInput(body.input);
  const format = optionalEnum(body, "encoding_format", ["float", "base64"] as const) ?? "float";
  const dimensions = optionalNumber(body, "dimensions", { min: 1, max: 65_536, integer: true });

  // Embeddings are deterministic: always worth a cache lookup.
  const slot = await lookup<{ vectors: number[][] }>(c.env, config, true, scopedKind(config, principal(c).project, "embeddings"), model, {
    text: texts,
  });
  let vectors = slot?.hit?.vectors;
  if (!vectors) {
    vectors = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const { output } = await runModel(c.env, config, model, { text: texts.slice(i, i + BATCH) }, false);
      vectors.push(...vectorsOf(output, model));
    }
    if (vectors.length !== texts.length)
      throw new ApiError(
        502,
        `Workers AI returned ${vectors.length} embeddings for ${texts.length} inputs.`,
        "server_error",
        null,
        "upstream_bad_response",
      );
    store(c.env, config, slot, { vectors }, (p) => c.executionCtx.waitUntil(p));
  }
  const native = vectors[0]?.length ?? 0;
  if (dimensions !== undefined && dimensions !== native) {
    throw badRequest(
      `'dimensions' ${dimensions} is not available: ${model} makes ${native}-dimensional embeddings and cannot shorten them. Omit 'dimensions' or set it to ${native}.`,
      "dimensions",
      "unsupported_parameter",
    );
  }
  const tokens = texts.reduce((sum, text) => sum + estimateTokens(text), 0);
  meterOf(c)?.report(model, { inputTokens: tokens }, slot?.hit !== undefined);
  return c.json(
    {
      object: "list",
      data: vectors.map((vector, index) => ({ object: "embedding", index, embedding: format === "base64" ? toBase64(vector) : vector })),
      model: requested,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
    200,
    { "x-cache": cacheHeader(slot) },
  );
}

function parseInput(input: unknown): string[] {
  const texts = typeof input === "string" ? [input] : input;
  if (!Array.isArray(texts) || texts.length === 0)
    throw badRequest("'input' must be a non-empty string or a non-empty array of strings.", "input");
  if (texts.length > MAX_INPUTS) throw badRequest(`'input' may hold at most ${MAX_INPUTS} items.`, "input");
  texts.forEach((text, i) => {
    if (typeof text !== "string")
      throw badRequest("'input' must be text: token arrays cannot be sent to Workers AI models.", `input[${i}]`);
    if (text === "") throw badRequest(`'input[${i}]' is empty; every input must contain text.`, `input[${i}]`);
  });
  return texts as string[];
}

function vectorsOf(output: unknown, model: string): number[][] {
  const data = (output as { data?: unknown })?.data;
  if (!Array.isArray(data) || !data.every(Array.isArray)) {
    throw new ApiError(
      502,
      `${model} did not return embeddings (is it an embedding model?).`,
      "server_error",
      null,
      "upstream_bad_response",
    );
  }
  return data as number[][];
}

/** Workers AI reports no usage for embeddings: about four characters a token, as OpenAI's own rule of thumb. */
function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The raw bytes of a little-endian Float32Array, base64-encoded: what the openai SDK decodes. */
export function toBase64(vector: number[]): string {
  return bytesToBase64(new Uint8Array(new Float32Array(vector).buffer));
}
