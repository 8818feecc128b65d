// /v1/conversations: a conversation is its own stored object, and the object of the responses made in it.
import { notFound } from "../http/errors.js";
import { readJsonObject } from "../http/json.js";
import { parseMetadata } from "../openai/metadata.js";
import { objectName } from "../state/backend.js";
import { keyOf, OBJECT_KEY_LENGTH, PREFIX, randomChars } from "../state/ids.js";
import { parsePageQuery } from "../state/paging.js";
import { readOptionalBody, stateRequest, type StateContext } from "../state/request.js";
import { ITEM_PREFIX } from "./items.js";
import { parseItems } from "./request.js";

/** OpenAI adds at most 20 items per request. */
const MAX_ITEMS_PER_REQUEST = 20;

function conversationOf(c: StateContext) {
  const conversationId = c.req.param("conversation_id")!;
  return {
    conversationId,
    object: objectName.responses(stateRequest(c).key("conversation_id", PREFIX.conversation, "conversation", OBJECT_KEY_LENGTH)),
  };
}

function itemOf(c: StateContext) {
  const itemId = c.req.param("item_id")!;
  const key = Object.values(ITEM_PREFIX)
    .map((prefix) => keyOf(itemId, prefix))
    .find((k) => k !== undefined);
  if (!key) throw notFound(`No item found with id '${itemId}'.`);
  return { ...conversationOf(c), key, itemId };
}

export async function createConversation(c: StateContext) {
  const s = stateRequest(c);
  const body = await readOptionalBody(c.req.raw);
  const items = body.items === undefined || body.items === null ? [] : parseItems(body.items, "items", MAX_ITEMS_PER_REQUEST);
  const key = randomChars(OBJECT_KEY_LENGTH);
  const args = { conversationId: PREFIX.conversation + key, metadata: parseMetadata(body) ?? {}, items };
  return c.json(await s.backend.invoke(objectName.responses(key), "conversations.create", args, { fresh: true }));
}

export async function retrieveConversation(c: StateContext) {
  const { conversationId, object } = conversationOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "conversations.get", { conversationId }));
}

export async function updateConversation(c: StateContext) {
  const { conversationId, object } = conversationOf(c);
  const metadata = parseMetadata(await readJsonObject(c.req.raw)) ?? {};
  return c.json(await stateRequest(c).backend.invoke(object, "conversations.update", { conversationId, metadata }));
}

export async function deleteConversation(c: StateContext) {
  const { conversationId, object } = conversationOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "conversations.delete", { conversationId }));
}

export async function addItems(c: StateContext) {
  const { conversationId, object } = conversationOf(c);
  const body = await readJsonObject(c.req.raw);
  const items = parseItems(body.items ?? null, "items", MAX_ITEMS_PER_REQUEST);
  return c.json(await stateRequest(c).backend.invoke(object, "items.add", { conversationId, items }));
}

export async function listItems(c: StateContext) {
  const s = stateRequest(c);
  const { conversationId, object } = conversationOf(c);
  return c.json(await s.backend.invoke(object, "items.list", { conversationId, query: parsePageQuery(s.url) }));
}

export async function retrieveItem(c: StateContext) {
  const { object, ...args } = itemOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "items.get", args));
}

export async function deleteItem(c: StateContext) {
  const { object, ...args } = itemOf(c);
  return c.json(await stateRequest(c).backend.invoke(object, "items.delete", args));
}
