// Strict wire format: every answer the worker tests read is checked against OpenAI's published schemas
// (test/schema/openai-wire.json, extracted from the spec the SDKs are generated from). Bodies are checked as the
// test reads them (a stream is inspected chunk by chunk, never read ahead), and what does not validate is kept
// in `violations`, which wire-setup.ts asserts empty after every test.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import wire from "../schema/openai-wire.json";

type Schema = Record<string, unknown>;
interface Route {
  method: string;
  pattern: RegExp;
  params: number;
  path: string;
  json: Schema | null;
  sse: Schema | null;
}

export const violations: string[] = [];
/** How many bodies and stream events were checked, for the suite's own sanity. */
export const checked = { bodies: 0, events: 0 };

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
ajv.addSchema({ $id: "openai", components: nullables(wire.components) });

/**
 * The spec is OpenAPI 3.1 but still marks some fields `nullable: true` (3.0's keyword, e.g. a chat chunk's
 * `usage`), which JSON Schema ignores: read it as the spec means it, "this schema, or null".
 */
function nullables(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullables);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== "nullable") out[key] = nullables(value);
  return (node as Schema).nullable === true ? { anyOf: [out, { type: "null" }] } : out;
}

/** The spec's refs point into its own document; here that document is "openai". */
const rebase = (schema: Schema): Schema => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openai#/components/'));
const compiled = new Map<string, ValidateFunction>();
function validator(schema: Schema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) compiled.set(key, (validate = ajv.compile(rebase(schema))));
  return validate;
}
const ERROR = { $ref: "#/components/schemas/ErrorResponse" };

const routes: Route[] = (wire.routes as { method: string; path: string; json: Schema | null; sse: Schema | null }[])
  .map((r) => ({
    ...r,
    pattern: new RegExp(`^/v1${r.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    params: (r.path.match(/\{/g) ?? []).length,
  }))
  // A literal segment wins over a parameter (/threads/runs before /threads/{thread_id}).
  .sort((a, b) => a.params - b.params);

function routeOf(method: string, pathname: string): Route | undefined {
  return routes.find((r) => r.method === method && r.pattern.test(pathname));
}

const components = wire.components.schemas as Record<string, Schema>;
const deref = (schema: Schema): Schema =>
  typeof schema.$ref === "string" ? components[schema.$ref.replace("#/components/schemas/", "")] : schema;

/**
 * In a union told apart by a constant `type` (or `event`), the one branch that names the value's: its errors
 * say what is wrong, where the union's would list every branch's.
 */
function narrow(schema: Schema, value: unknown): Schema {
  const union = deref(schema);
  const branches = (union.anyOf ?? union.oneOf) as Schema[] | undefined;
  if (!branches || !value || typeof value !== "object") return schema;
  for (const tag of ["type", "event"]) {
    const want = (value as Record<string, unknown>)[tag];
    if (typeof want !== "string") continue;
    const match = branches.find((b) =>
      ((deref(b).properties as Record<string, Schema> | undefined)?.[tag]?.enum as unknown[] | undefined)?.includes(want),
    );
    if (match) return narrow(match, value);
  }
  return schema;
}

function check(schema: Schema, value: unknown, where: string): void {
  const validate = validator(narrow(schema, value));
  if (validate(value)) return;
  const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  violations.push(`${where}: ${errors.join("; ")} in ${JSON.stringify(value).slice(0, 400)}`);
}

/** One SSE event's data, checked against the route's stream schema (or the error body, for an error event). */
function checkEvent(route: Route | undefined, where: string, event: string | undefined, data: string): void {
  if (data === "[DONE]") return;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return void violations.push(`${where}: stream data is not JSON: ${data.slice(0, 200)}`);
  }
  checked.events++;
  if (event === "error" || (value && typeof value === "object" && "error" in value && !("type" in value) && !("object" in value)))
    return void check(ERROR, value, `${where} (error event)`);
  // The spec has no chunk schema for legacy completions: chunks have the body's shape, and (as OpenAI's own
  // stream does) a finish_reason of null until the last one.
  if (route?.path === "/completions") return void check(route.json!, withFinishReasons(value), `${where} chunk`);
  const schema = route?.sse;
  if (!schema) return;
  if ((schema as { kind?: string }).kind === "assistants") return void check(schema, { event, data: value }, `${where} event ${event}`);
  check(schema, value, `${where} event ${(value as { type?: string }).type ?? ""}`);
}

/**
 * The response with a body that is checked as it is read. Error answers must be OpenAI error bodies; JSON and
 * stream answers must match the route's schemas. Bodies that are not JSON or SSE (audio, text) pass unchecked.
 */
export function checkedResponse(request: Request, response: Response): Response {
  const url = new URL(request.url);
  const where = `${request.method} ${url.pathname} → ${response.status}`;
  const type = response.headers.get("content-type") ?? "";
  if (!response.body || request.method === "OPTIONS" || !url.pathname.startsWith("/v1/")) return response;
  const route = routeOf(request.method, url.pathname);
  const sse = type.startsWith("text/event-stream");
  const json = type.startsWith("application/json");
  if (!sse && !json) {
    if (response.status >= 400) violations.push(`${where}: an error answered as '${type}', not application/json`);
    return response;
  }
  const decoder = new TextDecoder();
  let text = "";
  const inspect = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      controller.enqueue(chunk);
      text += decoder.decode(chunk, { stream: true });
      if (!sse) return;
      // Check every complete event as it arrives; keep the unfinished rest.
      let cut: number;
      while ((cut = text.indexOf("\n\n")) >= 0) {
        const block = text.slice(0, cut);
        text = text.slice(cut + 2);
        const lines = block.split("\n");
        const event = lines.find((l) => l.startsWith("event: "))?.slice(7);
        const data = lines
          .filter((l) => l.startsWith("data: "))
          .map((l) => l.slice(6))
          .join("\n");
        if (data) checkEvent(route, where, event, data);
      }
    },
    flush() {
      text += decoder.decode();
      if (sse) return;
      checked.bodies++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return void violations.push(`${where}: the body is not JSON: ${text.slice(0, 200)}`);
      }
      if (response.status >= 400) return check(ERROR, value, where);
      if (route?.json) check(route.json, route.path === "/embeddings" ? withFloatEmbeddings(value) : withEmptyListIds(value), where);
    },
  });
  return new Response(response.body.pipeThrough(inspect), response);
}

/** The violations so far, emptied. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

/** A completion chunk with every null finish_reason read as the final one's would be. */
function withFinishReasons(value: unknown): unknown {
  const chunk = structuredClone(value) as { choices?: { finish_reason?: unknown }[] };
  for (const choice of chunk.choices ?? []) if (choice.finish_reason === null) choice.finish_reason = "stop";
  return chunk;
}

/**
 * `encoding_format: "base64"` (what the SDK asks for by default) answers each embedding as a base64 string,
 * which the spec's `embedding: number[]` does not describe: such a string must decode to whole float32s.
 */
function withFloatEmbeddings(value: unknown): unknown {
  const list = structuredClone(value) as { data?: { embedding?: unknown }[] };
  for (const item of list.data ?? []) {
    if (typeof item.embedding !== "string") continue;
    const bytes = atob(item.embedding).length;
    item.embedding = bytes % 4 === 0 ? [] : "not whole float32s";
  }
  return list;
}

/**
 * The spec types a cursor list's first_id and last_id as strings; an empty list has neither, and OpenAI's own
 * empty lists answer null (as the worker does). Only then is null read as absent-but-fine.
 */
function withEmptyListIds(value: unknown): unknown {
  const list = value as { object?: unknown; data?: unknown[]; first_id?: unknown; last_id?: unknown };
  if (list?.object !== "list" || !Array.isArray(list.data) || list.data.length > 0 || list.first_id !== null || list.last_id !== null)
    return value;
  return { ...list, first_id: "", last_id: "" };
}
