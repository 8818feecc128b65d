// Checks the fake's JSON answers against the OpenAPI subset of the endpoints this project touches
// (openapi-subset.json: a copy of ../shared/cloudflare-openapi-subset.json, see CLOUDFLARE-API-NOTES.md).
// An answer whose path or status the subset does not document is reported as such, not silently passed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import type { Exchange } from "./server.js";

type Json = Record<string, any>;
const spec = JSON.parse(readFileSync(join(import.meta.dirname, "openapi-subset.json"), "utf8")) as Json;

/** The spec's internal refs point at "#/components/…": make them point into the registered document. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `spec${v}` : rebase(v)]),
    );
  }
  return value;
}

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: "spec", components: rebase(spec.components) });
const templates = Object.keys(spec.paths as Json).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  specificity: template.split("{").length,
}));
const compiled = new Map<string, ValidateFunction>();
const FAILURE = { $ref: "#/components/schemas/workers_api-response-common-failure" };

export interface Finding {
  request: string;
  problem: string;
  /** Where in the body each schema error is (JSON pointers), when the body failed its schema. */
  paths?: string[];
  body?: unknown;
}

/** The subset's path templates for a request path, most literal first (`deployments/latest` before `{id}`). */
export function templatesOf(path: string): string[] {
  const apiPath = path.replace(/^\/client\/v4/, "");
  return templates
    .filter((t) => t.pattern.test(apiPath))
    .sort((a, b) => a.specificity - b.specificity)
    .map((t) => t.template);
}

export function checkExchange({ request, reply }: Exchange): Finding | undefined {
  const name = `${request.method} ${request.path} → ${reply.status}`;
  const candidates = templatesOf(request.path);
  if (!candidates.length) return { request: name, problem: "path not in the OpenAPI subset" };
  const template = candidates.find((t) => (spec.paths as Json)[t][request.method.toLowerCase()]) ?? candidates[0]!;
  const operation = (spec.paths as Json)[template][request.method.toLowerCase()] as Json | undefined;
  if (!operation) return { request: name, problem: `method not in the OpenAPI subset for ${template}` };
  const status = String(reply.status);
  const responses = operation.responses as Json;
  const key = [status, `${status[0]}XX`, "default"].find((k) => responses[k]);
  if (!key)
    return {
      request: name,
      problem: `status not documented for ${request.method} ${template} (documented: ${Object.keys(responses).join(", ")})`,
    };
  // The subset's 4XX schemas are allOf(the success body, the failure envelope): success must be true and false at
  // once, which no answer satisfies. Failures are checked against the failure envelope alone.
  const schema = reply.status >= 400 ? FAILURE : responses[key].content?.["application/json"]?.schema;
  if (!schema) return undefined; // documented without a JSON body (e.g. the script content download)
  const id = `${request.method} ${template} ${key}`;
  let validate = compiled.get(id);
  if (!validate) compiled.set(id, (validate = ajv.compile(rebase(schema) as Json)));
  const body = typeof reply.body === "string" || Buffer.isBuffer(reply.body) ? safeJson(reply.body) : reply.body;
  if (body === undefined) return { request: name, problem: "documented as JSON, answered with something else" };
  if (validate(body)) return undefined;
  return {
    request: name,
    problem: ajv.errorsText(validate.errors, { dataVar: "body" }),
    paths: [...new Set((validate.errors ?? []).map((e) => e.instancePath))],
    body,
  };
}

function safeJson(text: string | Buffer): unknown {
  try {
    return JSON.parse(text.toString());
  } catch {
    return undefined;
  }
}
