// Typed reads of request fields: each wrong type is a 400 that names the field, as OpenAI does.
import { badRequest } from "./errors.js";

type Body = Record<string, unknown>;

const describe = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;

export function optionalString(body: Body, field: string, param = field): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`'${param}' must be a string, got ${describe(value)}.`, param);
  return value;
}

export function requiredString(body: Body, field: string, param = field): string {
  const value = optionalString(body, field, param);
  if (value === undefined || value === "") throw badRequest(`'${param}' is required.`, param);
  return value;
}

export function optionalNumber(
  body: Body,
  field: string,
  range: { min?: number; max?: number; integer?: boolean } = {},
  param = field,
): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) throw badRequest(`'${param}' must be a number, got ${describe(value)}.`, param);
  if (range.integer && !Number.isInteger(value)) throw badRequest(`'${param}' must be an integer, got ${value}.`, param);
  if (range.min !== undefined && value < range.min) throw badRequest(`'${param}' must be at least ${range.min}, got ${value}.`, param);
  if (range.max !== undefined && value > range.max) throw badRequest(`'${param}' must be at most ${range.max}, got ${value}.`, param);
  return value;
}

export function optionalBoolean(body: Body, field: string, param = field): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw badRequest(`'${param}' must be a boolean, got ${describe(value)}.`, param);
  return value;
}

export function optionalObject(body: Body, field: string, param = field): Body | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest(`'${param}' must be an object, got ${describe(value)}.`, param);
  return value as Body;
}

export function optionalArray(body: Body, field: string, param = field): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest(`'${param}' must be an array, got ${describe(value)}.`, param);
  return value;
}

export function requiredArray(body: Body, field: string, param = field): unknown[] {
  const value = optionalArray(body, field, param);
  if (value === undefined) throw badRequest(`'${param}' is required.`, param);
  return value;
}

export function optionalEnum<T extends string>(body: Body, field: string, choices: readonly T[], param = field): T | undefined {
  const value = optionalString(body, field, param);
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value))
    throw badRequest(`'${param}' must be one of ${choices.map((c) => `'${c}'`).join(", ")}, got '${value}'.`, param);
  return value as T;
}

export function asObject(value: unknown, param: string): Body {
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw badRequest(`'${param}' must be an object, got ${describe(value)}.`, param);
  return value as Body;
}
