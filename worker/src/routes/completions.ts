// POST /v1/completions
import type { Context } from "hono";
import { randomId } from "../ai/output.js";
import { SSE_HEADERS } from "../ai/sse.js";
import { answerText, streamTextRendered } from "../ai/text.js";
import { readConfig } from "../config.js";
import { textCallOf } from "./text-call.js";
import type { Env } from "../env.js";
import { readJsonObject } from "../http/json.js";
import { parseCompletionRequest } from "../openai/completion-request.js";
import { completionStreamRenderer, textCompletion } from "../render/completion.js";

export async function createCompletion(c: Context<{ Bindings: Env }>) {
  const config = readConfig(c.env);
  const request = parseCompletionRequest(await readJsonObject(c.req.raw), config);
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  const call = textCallOf(c, config, request, "completion");
  const id = `cmpl-${randomId(24)}`;
  const created = Math.floor(Date.now() / 1000);
  const echo = request.echo ? request.prompt : "";
  if (request.stream) {
    const renderer = completionStreamRenderer({
      id,
      model: request.requestedModel,
      created,
      includeUsage: request.includeUsage,
      maxTokens: request.sampling.maxTokens,
      echo,
    });
    const { cache, body } = await streamTextRendered(c.env, config, waitUntil, call, renderer);
    return new Response(body, { headers: { ...SSE_HEADERS, "x-cache": cache } });
  }
  const { cache, result } = await answerText(c.env, config, waitUntil, call);
  return c.json(textCompletion(id, request.requestedModel, created, echo + result.text, result), 200, { "x-cache": cache });
}
