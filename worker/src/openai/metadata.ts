// `metadata` as OpenAI limits it: up to 16 pairs, keys up to 64 characters, string values up to 512.
import { badRequest } from "../http/errors.js";
import { optionalObject } from "../http/fields.js";

export const METADATA_LIMITS = { pairs: 16, keyLength: 64, valueLength: 512 } as const;

/** undefined when absent (nothing to change), `{}` when null (cleared). */
export function parseMetadata(body: Record<string, unknown>, field = "metadata", param = field): Record<string, string> | undefined {
  if (body[field] === null) return {};
  const metadata = optionalObject(body, field, param);
  if (metadata === undefined) return undefined;
  const entries = Object.entries(metadata);
  if (entries.length > METADATA_LIMITS.pairs)
    throw badRequest(`'${param}' may have at most ${METADATA_LIMITS.pairs} pairs, got ${entries.length}.`, param);
  for (const [key, value] of entries) {
    if (key.length > METADATA_LIMITS.keyLength)
      throw badRequest(
        `'${param}' keys may be at most ${METADATA_LIMITS.keyLength} characters; '${key.slice(0, 20)}…' has ${key.length}.`,
        param,
      );
    if (typeof value !== "string") throw badRequest(`'${param}.${key}' must be a string.`, `${param}.${key}`);
    if (value.length > METADATA_LIMITS.valueLength)
      throw badRequest(
        `'${param}.${key}' may be at most ${METADATA_LIMITS.valueLength} characters, got ${value.length}.`,
        `${param}.${key}`,
      );
  }
  return metadata as Record<string, string>;
}
