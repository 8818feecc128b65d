// /v1/assistants and /v1/threads (threads and messages). Runs: run-routes.ts.
import { readJsonObject } from "../http/json.js";
import { parseMetadata } from "../openai/metadata.js";
import { objectName } from "../state/backend.js";
import { OBJECT_KEY_LENGTH, PREFIX, randomChars } from "../state/ids.js";
import { parsePageQuery } from "../state/paging.js";
import { readOptionalBody, stateRequest, type StateContext } from "../state/request.js";
import { remember } from "./assistant-cache.js";
import { parseAssistant, parseMessage, parseThread } from "./requests.js";
import type { AssistantFields } from "./assistant-ops.js";

const assistantKey = (c: StateContext) => stateRequest(c).key("assistant_id", PREFIX.assistant, "assistant");

export async function createAssistant(c: StateContext) {
  const s = stateRequest(c);
  const fields = parseAssistant(await readJsonObject(c.req.raw), s.config, true) as AssistantFields;
  const assistant = await s.backend.invoke(objectName.assistants, "assistants.create", { fields });
  remember(s.backend, assistant.id, assistant);
  return c.json(assistant);
}

export async function listAssistants(c: StateContext) {
  const s = stateRequest(c);
  return c.json(await s.backend.invoke(objectName.assistants, "assistants.list", { query: parsePageQuery(s.url) }));
}

export async function retrieveAssistant(c: StateContext) {
  const s = stateRequest(c);
  return c.json(
    await s.backend.invoke(objectName.assistants, "assistants.get", { key: assistantKey(c), assistantId: c.req.param("assistant_id")! }),
  );
}

export async function modifyAssistant(c: StateContext) {
  const s = stateRequest(c);
  const key = assistantKey(c);
  const fields = parseAssistant(await readJsonObject(c.req.raw), s.config, false);
  const assistant = await s.backend.invoke(objectName.assistants, "assistants.update", {
    key,
    assistantId: c.req.param("assistant_id")!,
    fields,
  });
  remember(s.backend, assistant.id, assistant);
  return c.json(assistant);
}

export async function deleteAssistant(c: StateContext) {
  const s = stateRequest(c);
  const id = c.req.param("assistant_id")!;
  const deleted = await s.backend.invoke(objectName.assistants, "assistants.delete", { key: assistantKey(c), assistantId: id });
  remember(s.backend, id, null);
  return c.json(deleted);
}

/** The thread's id and the name of the object that stores it. */
export function threadOf(c: StateContext): { threadId: string; object: string } {
  const key = stateRequest(c).key("thread_id", PREFIX.thread, "thread", OBJECT_KEY_LENGTH);
  return { threadId: c.req.param("thread_id")!, object: objectName.thread(key) };
}

export async function createThread(c: StateContext) {
  const s = stateRequest(c);
  const body = await readOptionalBody(c.req.raw);
  const key = randomChars(OBJECT_KEY_LENGTH);
  const threadId = PREFIX.thread + key;
  const thread = await s.backend.invoke(objectName.thread(key), "threads.create", { threadId, ...parseThread(body) }, { fresh: true });
  return c.json(thread);
}

export async function retrieveThread(c: StateContext) {
  const { threadId, object } = threadOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "threads.get", { threadId }));
}

export async function modifyThread(c: StateContext) {
  const { threadId, object } = threadOf(c);
  const body = await readJsonObject(c.req.raw);
  const tool_resources =
    body.tool_resources === undefined ? undefined : parseThread({ tool_resources: body.tool_resources }).tool_resources;
  return c.json(
    await stateRequest(c).backend.invoke(object, "threads.update", { threadId, metadata: parseMetadata(body), tool_resources }),
  );
}

export async function deleteThread(c: StateContext) {
  const { threadId, object } = threadOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "threads.delete", { threadId }));
}

export async function createMessage(c: StateContext) {
  const { threadId, object } = threadOf(c);
  const message = parseMessage(await readJsonObject(c.req.raw));
  return c.json(await stateRequest(c).backend.invoke(object, "messages.create", { threadId, message }));
}

export async function listMessages(c: StateContext) {
  const s = stateRequest(c);
  const { threadId, object } = threadOf(c);
  const runId = s.url.searchParams.get("run_id") || undefined;
  return c.json(await s.backend.invoke(object, "messages.list", { threadId, query: parsePageQuery(s.url), runId }));
}

function messageArgs(c: StateContext) {
  const { threadId, object } = threadOf(c);
  const key = stateRequest(c).key("message_id", PREFIX.message, "message");
  return { object, args: { threadId, key, messageId: c.req.param("message_id")! } };
}

export async function retrieveMessage(c: StateContext) {
  const { object, args } = messageArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "messages.get", args));
}

export async function modifyMessage(c: StateContext) {
  const { object, args } = messageArgs(c);
  const metadata = parseMetadata(await readJsonObject(c.req.raw));
  if (metadata === undefined) return c.json(await stateRequest(c).backend.invoke(object, "messages.get", args));
  return c.json(await stateRequest(c).backend.invoke(object, "messages.update", { ...args, metadata }));
}

export async function deleteMessage(c: StateContext) {
  const { object, args } = messageArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "messages.delete", args));
}
