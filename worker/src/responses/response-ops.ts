// Operations on the object that stores a chain of responses, or a conversation and the responses made in it.
import { badRequest, notFound } from "../http/errors.js";
import { cursorKey } from "../state/ids.js";
import type { Op, OpContext } from "../state/op.js";
import { scanFor, toPage, type Page, type PageQuery } from "../state/paging.js";
import { scanSorted, type Tables } from "../state/tables.js";
import { ITEM_PREFIX, type Item, type NewItem } from "./items.js";

export type Metadata = Record<string, string>;
export interface Conversation {
  id: string;
  object: "conversation";
  created_at: number;
  metadata: Metadata;
}

/** The parts of a stored response these operations read; the rest is the API object as sent. */
export interface StoredResponse {
  id: string;
  previous_response_id: string | null;
  conversation: { id: string } | null;
  output: Item[];
  [field: string]: unknown;
}

interface ResponseRow {
  response: StoredResponse;
  input: Item[];
  /** In a conversation: the key of its last item, so a later previous_response_id sees what it saw. */
  lastItemKey: string | null;
}

const CONVERSATION_KEY = "c";
const conversations = (tables: Tables) => tables.table<Conversation>("conversation");
const items = (tables: Tables) => tables.table<Item>("items");
const responses = (tables: Tables) => tables.table<ResponseRow>("responses");

function requireConversation(tables: Tables, id: string): Conversation {
  const conversation = conversations(tables).get(CONVERSATION_KEY);
  if (!conversation) throw notFound(`No conversation found with id '${id}'.`, "conversation");
  return conversation;
}

function requireResponse(tables: Tables, id: string, param: string | null = null): ResponseRow {
  const row = responses(tables).get(id);
  if (!row) throw notFound(`No response found with id '${id}'.`, param);
  return row;
}

function addItems(tables: Tables, ctx: OpContext, added: readonly NewItem[]): Item[] {
  return added.map((item) => {
    const key = ctx.key(tables, "items");
    const stored = { ...item, id: ITEM_PREFIX[item.type] + key } as Item;
    items(tables).put(key, stored);
    return stored;
  });
}

/**
 * A turn sends at most this many stored items before its input, the newest ones (the same bound as an
 * Assistants run's `truncation_strategy: auto`), and reads no more rows than it sends.
 */
export const MAX_CONTEXT_ITEMS = 256;
/**
 * …and at most this many characters of them (about 100,000 tokens at four characters a token): older items
 * beyond it are left out, so a long conversation keeps its newest turns instead of overflowing the model.
 */
export const MAX_CONTEXT_CHARACTERS = 400_000;

/** The newest items up to `lastKey` (inclusive), oldest first: at most MAX_CONTEXT_ITEMS rows are read. */
const itemsUpTo = (tables: Tables, lastKey?: string | null) =>
  items(tables)
    .scan({ below: lastKey ? `${lastKey}~` : undefined, descending: true, limit: MAX_CONTEXT_ITEMS })
    .reverse();

const itemCharacters = (item: Item) =>
  item.type === "message"
    ? item.content.reduce((n, c) => n + (c.type === "input_image" ? c.image_url.length : c.text.length), 0)
    : item.type === "function_call"
      ? item.arguments.length + item.name.length
      : item.type === "reasoning"
        ? item.content.reduce((n, c) => n + c.text.length, 0)
        : item.output.length;

/**
 * The newest of `all` (oldest first) that fit MAX_CONTEXT_ITEMS and MAX_CONTEXT_CHARACTERS. The newest item is
 * always kept; a tool output whose call was left out is left out too (the model cannot take one alone).
 */
export function newestWithinContext(all: readonly Item[]): Item[] {
  let start = all.length;
  let characters = 0;
  while (start > 0 && all.length - start < MAX_CONTEXT_ITEMS) {
    characters += itemCharacters(all[start - 1]);
    if (characters > MAX_CONTEXT_CHARACTERS && start < all.length) break;
    start--;
  }
  while (start < all.length - 1 && all[start].type === "function_call_output") start++;
  return all.slice(start);
}

export interface ContextArgs {
  previousResponseId?: string;
  conversationId?: string;
}

/** What the model sees before the new input, and a key every new item must sort after. */
function context(tables: Tables, args: ContextArgs): { items: Item[]; floor: string | undefined } {
  const floor = items(tables).lastKey();
  if (args.conversationId) {
    requireConversation(tables, args.conversationId);
    return { items: newestWithinContext(itemsUpTo(tables)), floor };
  }
  const chain: ResponseRow[] = [];
  let id: string | null | undefined = args.previousResponseId;
  let start: Item[] = [];
  let first = true;
  let collected = 0;
  // Walk back only as far as the context reaches: a chain of 10,000 turns reads the rows it sends, not all.
  while (id && collected < MAX_CONTEXT_ITEMS && chain.length < MAX_CONTEXT_ITEMS) {
    const row: ResponseRow | undefined = first ? requireResponse(tables, id, "previous_response_id") : responses(tables).get(id);
    first = false;
    // A deleted response ends the chain: what came before it is no longer known.
    if (!row) break;
    chain.unshift(row);
    collected += row.input.length + row.response.output.length;
    if (row.response.conversation) {
      start = itemsUpTo(tables, row.lastItemKey);
      break;
    }
    id = row.response.previous_response_id;
  }
  // A response made in a conversation is already in the conversation's items, up to its own output.
  const turns = chain.flatMap((row) => (row.response.conversation ? [] : [...row.input, ...row.response.output]));
  return { items: newestWithinContext([...start, ...turns]), floor };
}

export interface SaveArgs {
  response: StoredResponse;
  input: Item[];
  /** Also append the input and the output to the conversation stored in this object. */
  inConversation: boolean;
}

function save(tables: Tables, args: SaveArgs): StoredResponse {
  let lastItemKey: string | null = null;
  if (args.inConversation) {
    requireConversation(tables, args.response.conversation!.id);
    for (const item of [...args.input, ...args.response.output]) {
      const key = cursorKey(item.id)!;
      items(tables).put(key, item);
      lastItemKey = key;
    }
  }
  responses(tables).put(args.response.id, { response: args.response, input: args.input, lastItemKey });
  return args.response;
}

type IdArgs = { id: string };
type ConversationArgs = { conversationId: string };

export const responseOps = {
  "responses.context": context as Op<ContextArgs, { items: Item[]; floor: string | undefined }>,
  "responses.save": save as Op<SaveArgs, StoredResponse>,
  "responses.get": ((tables, args) => requireResponse(tables, args.id).response) as Op<IdArgs, StoredResponse>,
  "responses.delete": ((tables, args) => {
    requireResponse(tables, args.id);
    responses(tables).delete(args.id);
    return { id: args.id, object: "response.deleted", deleted: true };
  }) as Op<IdArgs, { id: string; object: "response.deleted"; deleted: true }>,
  "responses.inputItems": ((tables, args) => {
    const row = requireResponse(tables, args.id);
    const { scan, reverse } = scanFor(args.query);
    const entries = row.input.map((item) => [cursorKey(item.id)!, item, null] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return toPage(scanSorted(entries, scan), args.query, reverse);
  }) as Op<IdArgs & { query: PageQuery }, Page<Item>>,
  "responses.cancel": ((tables, args) => {
    requireResponse(tables, args.id);
    throw badRequest(
      "Only responses created with background=true can be cancelled; this one has already finished.",
      null,
      "response_not_cancellable",
    );
  }) as Op<IdArgs, never>,

  "conversations.create": ((tables, args, ctx) => {
    if (conversations(tables).get(CONVERSATION_KEY)) throw badRequest(`Conversation ${args.conversationId} already exists.`);
    const conversation: Conversation = {
      id: args.conversationId,
      object: "conversation",
      created_at: ctx.seconds,
      metadata: args.metadata,
    };
    conversations(tables).put(CONVERSATION_KEY, conversation);
    addItems(tables, ctx, args.items);
    return conversation;
  }) as Op<ConversationArgs & { metadata: Metadata; items: NewItem[] }, Conversation>,
  "conversations.get": ((tables, args) => requireConversation(tables, args.conversationId)) as Op<ConversationArgs, Conversation>,
  "conversations.update": ((tables, args) => {
    const conversation = { ...requireConversation(tables, args.conversationId), metadata: args.metadata };
    conversations(tables).put(CONVERSATION_KEY, conversation);
    return conversation;
  }) as Op<ConversationArgs & { metadata: Metadata }, Conversation>,
  "conversations.delete": ((tables, args) => {
    requireConversation(tables, args.conversationId);
    tables.clear();
    return { id: args.conversationId, object: "conversation.deleted", deleted: true };
  }) as Op<ConversationArgs, { id: string; object: "conversation.deleted"; deleted: true }>,
  "items.add": ((tables, args, ctx) => {
    requireConversation(tables, args.conversationId);
    const added = addItems(tables, ctx, args.items);
    return { object: "list", data: added, first_id: added[0]?.id ?? null, last_id: added.at(-1)?.id ?? null, has_more: false };
  }) as Op<ConversationArgs & { items: NewItem[] }, Page<Item>>,
  "items.list": ((tables, args) => {
    requireConversation(tables, args.conversationId);
    const { scan, reverse } = scanFor(args.query);
    return toPage(items(tables).scan(scan), args.query, reverse);
  }) as Op<ConversationArgs & { query: PageQuery }, Page<Item>>,
  "items.get": ((tables, args) => {
    requireConversation(tables, args.conversationId);
    const item = items(tables).get(args.key);
    if (!item) throw notFound(`No item found with id '${args.itemId}'.`);
    return item;
  }) as Op<ConversationArgs & { key: string; itemId: string }, Item>,
  "items.delete": ((tables, args) => {
    const conversation = requireConversation(tables, args.conversationId);
    if (!items(tables).delete(args.key)) throw notFound(`No item found with id '${args.itemId}'.`);
    return conversation;
  }) as Op<ConversationArgs & { key: string; itemId: string }, Conversation>,
};
