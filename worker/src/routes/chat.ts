// POST /v1/chat/completions
import type { Context } from "hono";
import { randomId } from "../ai/output.js";
import { answerText, streamTextRendered } from "../ai/text.js";
import { readConfig } from "../config.js";
import { textCallOf } from "./text-call.js";
import type { Env } from "../env.js";
import { readJsonObject } from "../http/json.js";
import { parseChatRequest } from "../openai/chat-request.js";
import { chatCompletion } from "../render/chat.js";
import { chatStreamRenderer } from "../render/chat-stream.js";
import { SSE_HEADERS } from "../ai/sse.js";

/** Says how a chat stream was made: `passthrough` (the upstream's chat chunks as they came) or `rendered`. */
export const STREAM_PATH_HEADER = "x-stream-path";

export async function createChatCompletion(c: Context<{ Bindings: Env }>) {
  const config = readConfig(c.env);
  const request = parseChatRequest(await readJsonObject(c.req.raw), config);
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  const call = textCallOf(c, config, request, "chat");
  const id = `chatcmpl-${randomId(24)}`;
  const created = Math.floor(Date.now() / 1000);
  if (request.stream) {
    const renderer = chatStreamRenderer({
      id,
      model: request.requestedModel,
      created,
      includeUsage: request.includeUsage,
      maxTokens: request.sampling.maxTokens,
    });
    // Tool calls are re-indexed and given their header first by the renderer: such a stream is always rendered.
    const passThrough = request.inputs.tools ? undefined : { includeUsage: request.includeUsage };
    const { cache, body, passedThrough } = await streamTextRendered(c.env, config, waitUntil, call, renderer, { passThrough });
    return new Response(body, {
      headers: { ...SSE_HEADERS, "x-cache": cache, [STREAM_PATH_HEADER]: passedThrough ? "passthrough" : "rendered" },
    });
  }
  const { cache, result } = await answerText(c.env, config, waitUntil, call);
  return c.json(chatCompletion(id, request.requestedModel, created, result), 200, { "x-cache": cache });
}
