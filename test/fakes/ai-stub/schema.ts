// Minimal valid instances of JSON schemas: tool-call arguments and JSON-mode replies.
import { isRecord } from "./util";

type Schema = Record<string, unknown>;

const FORMATS: Record<string, string> = {
  "date-time": "2026-01-01T00:00:00Z",
  date: "2026-01-01",
  time: "00:00:00Z",
  email: "test@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  uuid: "00000000-0000-4000-8000-000000000000",
  ipv4: "127.0.0.1",
  hostname: "example.com",
};

/** A minimal instance of `schema`: required properties only; strings "test", numbers 42, booleans true, arrays []. */
export function minimalInstance(schema: unknown): unknown {
  return build(schema, isRecord(schema) ? schema : {}, 0);
}

function build(node: unknown, root: Schema, depth: number): unknown {
  if (!isRecord(node) || depth > 12) return {};
  if (typeof node.$ref === "string") return build(resolveRef(node.$ref, root), root, depth + 1);
  if ("const" in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length) return node.enum[0];
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = node[key];
    if (Array.isArray(options) && options.length) {
      const pick = options.find((o) => !(isRecord(o) && o.type === "null")) ?? options[0];
      return build({ ...withoutKey(node, key), ...(isRecord(pick) ? pick : {}) }, root, depth + 1);
    }
  }
  if (Array.isArray(node.allOf)) {
    const merged: Schema = { ...withoutKey(node, "allOf") };
    for (const part of node.allOf) if (isRecord(part)) mergeInto(merged, part);
    return build(merged, root, depth + 1);
  }
  switch (typeOf(node)) {
    case "object":
      return buildObject(node, root, depth);
    case "array":
      return buildArray(node, root, depth);
    case "string":
      return buildString(node);
    case "integer":
      return buildNumber(node, true);
    case "number":
      return buildNumber(node, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return {};
  }
}

function typeOf(node: Schema): string | undefined {
  const t = node.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return (t.find((x) => x !== "null") ?? t[0]) as string | undefined;
  if (isRecord(node.properties) || Array.isArray(node.required)) return "object";
  if (node.items !== undefined || Array.isArray(node.prefixItems)) return "array";
  return undefined;
}

function buildObject(node: Schema, root: Schema, depth: number): Record<string, unknown> {
  const props = isRecord(node.properties) ? node.properties : {};
  const out: Record<string, unknown> = {};
  const req = Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === "string") : [];
  for (const name of req) out[name] = name in props ? build(props[name], root, depth + 1) : "test";
  return out;
}

function buildArray(node: Schema, root: Schema, depth: number): unknown[] {
  const min = typeof node.minItems === "number" ? node.minItems : 0;
  const tuple = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : null;
  const out: unknown[] = [];
  for (let i = 0; i < min; i++) {
    const item = tuple ? (tuple[i] ?? (isRecord(node.items) ? node.items : {})) : node.items;
    out.push(build(item, root, depth + 1));
  }
  return out;
}

function buildString(node: Schema): string {
  let s = typeof node.format === "string" && FORMATS[node.format] ? FORMATS[node.format] : "test";
  const min = typeof node.minLength === "number" ? node.minLength : 0;
  const max = typeof node.maxLength === "number" ? node.maxLength : Infinity;
  while (s.length < min) s += "x";
  return s.slice(0, max);
}

function buildNumber(node: Schema, integer: boolean): number {
  let n = 42;
  const lo = num(node.minimum) ?? (num(node.exclusiveMinimum) !== undefined ? num(node.exclusiveMinimum)! + 1 : undefined);
  const hi = num(node.maximum) ?? (num(node.exclusiveMaximum) !== undefined ? num(node.exclusiveMaximum)! - 1 : undefined);
  if (lo !== undefined && n < lo) n = lo;
  if (hi !== undefined && n > hi) n = hi;
  return integer ? Math.ceil(n) : n;
}

function num(v: unknown): number | undefined {
  return typeof v === "number" ? v : undefined;
}

function resolveRef(ref: string, root: Schema): unknown {
  if (!ref.startsWith("#")) return {};
  let cur: unknown = root;
  for (const part of ref.slice(1).split("/").filter(Boolean)) {
    cur = isRecord(cur) ? cur[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  return cur ?? {};
}

function withoutKey(node: Schema, key: string): Schema {
  const copy = { ...node };
  delete copy[key];
  return copy;
}

function mergeInto(target: Schema, part: Schema): void {
  for (const [k, v] of Object.entries(part)) {
    if (k === "properties" && isRecord(v)) target.properties = { ...(isRecord(target.properties) ? target.properties : {}), ...v };
    else if (k === "required" && Array.isArray(v)) target.required = [...(Array.isArray(target.required) ? target.required : []), ...v];
    else if (!(k in target)) target[k] = v;
  }
}
