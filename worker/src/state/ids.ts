// Identifiers: OpenAI's prefixes, unbiased random characters, and (for things listed in order) a time-ordered
// key first, so that the id itself is the primary key and the sort order: no secondary index, no extra row.
import { notFound } from "../http/errors.js";
import { ALPHABET, randomChars } from "../random.js";

export { randomChars };

/** 24 characters: 142 random bits. Names a thread's or a conversation's storage object. */
export const OBJECT_KEY_LENGTH = 24;
/** 17 characters: 101 random bits, the part of an ordered key that makes it unguessable. */
const RANDOM_PART = 17;
/** 9 characters of microseconds since 1970: good until the year 2398. */
const ORDER_PART = 9;
export const ORDERED_KEY_LENGTH = ORDER_PART + RANDOM_PART;

function encodeOrder(value: number): string {
  let out = "";
  for (let i = 0; i < ORDER_PART; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

function decodeOrder(key: string): number {
  let value = 0;
  for (const char of key.slice(0, ORDER_PART)) value = value * 62 + ALPHABET.indexOf(char);
  return value;
}

/**
 * A key that sorts after `previous` (when given) and after every key made earlier in this isolate:
 * microseconds from the clock, bumped by one when the clock has not moved on.
 */
export function orderedKey(nowMs: number, previous?: string): string {
  let order = Math.floor(nowMs) * 1000;
  if (previous && previous.length === ORDERED_KEY_LENGTH) order = Math.max(order, decodeOrder(previous) + 1);
  order = Math.max(order, lastOrder + 1);
  lastOrder = order;
  return encodeOrder(order) + randomChars(RANDOM_PART);
}
let lastOrder = 0;

export const PREFIX = {
  assistant: "asst_",
  thread: "thread_",
  message: "msg_",
  run: "run_",
  step: "step_",
  response: "resp_",
  conversation: "conv_",
  functionCall: "fc_",
  functionCallOutput: "fco_",
  toolCall: "call_",
} as const;

const KEY_CHARS = /^[0-9A-Za-z]+$/;

/** The storage key inside an id (`msg_<key>` → `<key>`), or undefined when the id is not of that kind. */
export function keyOf(id: string, prefix: string, length = ORDERED_KEY_LENGTH): string | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const key = id.slice(prefix.length);
  return key.length === length && KEY_CHARS.test(key) ? key : undefined;
}

/** Like keyOf, for ids from a URL: an id of the wrong shape cannot exist, so it is a 404. */
export function requireKey(id: string, prefix: string, what: string, length = ORDERED_KEY_LENGTH): string {
  const key = keyOf(id, prefix, length);
  if (key === undefined) throw notFound(`No ${what} found with id '${id}'.`);
  return key;
}

/** A response id carries the key of the object that stores it (its chain or its conversation). */
export function responseId(objectKey: string): string {
  return PREFIX.response + objectKey + randomChars(RANDOM_PART);
}

export function responseObjectKey(id: string): string {
  return requireKey(id, PREFIX.response, "response", OBJECT_KEY_LENGTH + RANDOM_PART).slice(0, OBJECT_KEY_LENGTH);
}

/** Cursor parameters name an item by id; anything after the prefix compares as a key. */
export const cursorKey = (id: string | undefined): string | undefined => (id === undefined ? undefined : id.slice(id.indexOf("_") + 1));
