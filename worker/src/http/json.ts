// Reading request bodies: size limit, JSON syntax, and object shape, each with a clear 400/413.
import { readLimited } from "./body.js";
import { badRequest } from "./errors.js";

/** Larger bodies are refused with 413 before they are parsed (documented in the README). */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;

export async function readJsonObject(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<Record<string, unknown>> {
  const text = new TextDecoder().decode(await readLimited(request, limit));
  if (!text.trim()) throw badRequest("The request body is empty; expected a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw badRequest("The request body must be a JSON object.");
  return value as Record<string, unknown>;
}
