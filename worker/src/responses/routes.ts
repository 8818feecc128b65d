// /v1/responses: one turn = the stored context (previous response or conversation), the model's answer,
// and one write that stores the response (and, in a conversation, its items) through the same session.
import { readToTheEnd, settledToolCalls, type TurnEnd } from "../ai/turn.js";
import type { AiEvent } from "../ai/events.js";
import { eventsFailing } from "../ai/stages.js";
import type { BatchReader } from "../streams/batch-reader.js";
import { SSE_HEADERS } from "../ai/sse.js";
import { answerText, streamText } from "../ai/text.js";
import { scopedKind } from "../cache/response-cache.js";
import { badRequest } from "../http/errors.js";
import { readJsonObject } from "../http/json.js";
import { parseChatRequest } from "../openai/chat-request.js";
import { responseStreamRenderer } from "../render/responses-stream.js";
import { renderStream } from "../render/stream.js";
import { objectName, type Session } from "../state/backend.js";
import { OBJECT_KEY_LENGTH, PREFIX, randomChars, requireKey, responseId, responseObjectKey } from "../state/ids.js";
import { parsePageQuery } from "../state/paging.js";
import { stateRequest, type StateContext } from "../state/request.js";
import { itemsToChat, type Item } from "./items.js";
import { failedResponse, finishedResponse, OutputIds, responseObject, type ResponseShell } from "./object.js";
import { parseResponseRequest } from "./request.js";
import type { StoredResponse } from "./response-ops.js";
import { meterOf } from "../usage/meter.js";

export async function createResponse(c: StateContext) {
  const s = stateRequest(c);
  const request = parseResponseRequest(await readJsonObject(c.req.raw), s.config);
  const fresh = !request.conversationId && !request.previousResponseId;
  const objectKey = request.conversationId
    ? requireKey(request.conversationId, PREFIX.conversation, "conversation", OBJECT_KEY_LENGTH)
    : request.previousResponseId
      ? responseObjectKey(request.previousResponseId)
      : randomChars(OBJECT_KEY_LENGTH);
  const object = objectName.responses(objectKey);

  let context: Item[] = [];
  let floor: string | undefined;
  let session: Session | undefined;
  if (!fresh) {
    const args = { previousResponseId: request.previousResponseId, conversationId: request.conversationId };
    // Stored turns read the context and save the answer in one Durable Object session: one billed request.
    if (request.store)
      ({
        value: { items: context, floor },
        session,
      } = await s.backend.start(object, "responses.context", args));
    else ({ items: context, floor } = await s.backend.invoke(object, "responses.context", args));
  }
  const ids = new OutputIds(floor);
  const input = ids.inputIds(request.input);
  const shell: ResponseShell = {
    id: responseId(objectKey),
    created_at: Math.floor(Date.now() / 1000),
    request,
    conversationId: request.conversationId,
  };
  const save = async (response: StoredResponse): Promise<void> => {
    if (!request.store) return;
    const args = { response, input, inConversation: !!request.conversationId };
    if (!session) return void (await s.backend.invoke(object, "responses.save", args, { fresh }));
    try {
      await session.finish("responses.save", args);
    } finally {
      session.close();
    }
  };

  try {
    const messages = [
      ...(request.instructions ? [{ role: "system", content: request.instructions }] : []),
      ...itemsToChat(context),
      ...itemsToChat(input),
    ];
    const chat = parseChatRequest({ ...request.chat, messages }, s.config, request.stream);
    const call = {
      kind: scopedKind(s.config, s.backend.project, "responses"),
      model: chat.model,
      request: chat.modelRequest,
      inputs: chat.inputs,
      sampling: chat.sampling,
      meter: meterOf(c),
    };
    if (!request.stream) {
      const { result } = await answerText(s.env, s.config, s.waitUntil, call);
      const response = finishedResponse(shell, result, ids);
      await save(response);
      return c.json(response);
    }
    let finished: StoredResponse | undefined;
    const store = async (end: TurnEnd) => {
      const response = "error" in end ? failedResponse(shell, end.error) : finishedResponse(shell, end.result, ids);
      await save(response);
      finished = response;
    };
    let events: BatchReader<AiEvent[]>;
    try {
      events = settledToolCalls((await streamText(s.env, s.config, s.waitUntil, call)).events);
    } catch (error) {
      events = eventsFailing(error);
    }
    const stored = readToTheEnd(events, chat.sampling.maxTokens, s.waitUntil, store);
    const renderer = responseStreamRenderer({ initial: responseObject(shell, "in_progress", []), ids, finished: () => finished });
    return new Response(renderStream(stored, renderer, s.config.streamFlushMs), { headers: SSE_HEADERS });
  } catch (error) {
    session?.close();
    throw error;
  }
}

function responseArgs(c: StateContext) {
  const id = c.req.param("response_id")!;
  return { object: objectName.responses(responseObjectKey(id)), id };
}

export async function retrieveResponse(c: StateContext) {
  const s = stateRequest(c);
  if (s.url.searchParams.get("stream") === "true")
    throw badRequest("Streaming a stored response again is not supported by this proxy.", "stream", "unsupported_parameter");
  const { object, id } = responseArgs(c);
  return c.json(await s.backend.invoke(object, "responses.get", { id }));
}

export async function deleteResponse(c: StateContext) {
  const { object, id } = responseArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "responses.delete", { id }));
}

export async function listInputItems(c: StateContext) {
  const s = stateRequest(c);
  const { object, id } = responseArgs(c);
  return c.json(await s.backend.invoke(object, "responses.inputItems", { id, query: parsePageQuery(s.url) }));
}

export async function cancelResponse(c: StateContext) {
  const { object, id } = responseArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "responses.cancel", { id }));
}
