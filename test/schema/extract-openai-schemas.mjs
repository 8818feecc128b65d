// Extracts, from OpenAI's published OpenAPI spec (openai/openai-openapi, the document the official SDKs are
// generated from), what the worker's wire-format tests need: for every route the worker serves, the schema of
// its 200 answer (JSON, and the stream event where the spec gives one), the error body, and every component
// schema those reach through $ref. The output is data (test/schema/openai-wire.json); the tests never read the
// spec itself, so the project does not depend on where it came from.
//
//   node test/schema/extract-openai-schemas.mjs path/to/openai-openapi.json
//
// Rerun it when a newer spec is adopted; the output records the spec's title and version.
import { readFileSync, writeFileSync } from "node:fs";

const source = process.argv[2];
if (!source) {
  console.error("usage: node test/schema/extract-openai-schemas.mjs <openai-openapi.json>");
  process.exit(2);
}
const spec = JSON.parse(readFileSync(source, "utf8"));

/** The worker's routes, as the spec spells them (paths below /v1). */
const ROUTES = [
  ["POST", "/chat/completions"],
  ["POST", "/completions"],
  ["POST", "/embeddings"],
  ["GET", "/models"],
  ["GET", "/models/{model}"],
  ["POST", "/images/generations"],
  ["POST", "/audio/transcriptions"],
  ["GET", "/assistants"],
  ["POST", "/assistants"],
  ["GET", "/assistants/{assistant_id}"],
  ["POST", "/assistants/{assistant_id}"],
  ["DELETE", "/assistants/{assistant_id}"],
  ["POST", "/threads"],
  ["POST", "/threads/runs"],
  ["GET", "/threads/{thread_id}"],
  ["POST", "/threads/{thread_id}"],
  ["DELETE", "/threads/{thread_id}"],
  ["GET", "/threads/{thread_id}/messages"],
  ["POST", "/threads/{thread_id}/messages"],
  ["GET", "/threads/{thread_id}/messages/{message_id}"],
  ["POST", "/threads/{thread_id}/messages/{message_id}"],
  ["DELETE", "/threads/{thread_id}/messages/{message_id}"],
  ["GET", "/threads/{thread_id}/runs"],
  ["POST", "/threads/{thread_id}/runs"],
  ["GET", "/threads/{thread_id}/runs/{run_id}"],
  ["POST", "/threads/{thread_id}/runs/{run_id}"],
  ["POST", "/threads/{thread_id}/runs/{run_id}/cancel"],
  ["POST", "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs"],
  ["GET", "/threads/{thread_id}/runs/{run_id}/steps"],
  ["GET", "/threads/{thread_id}/runs/{run_id}/steps/{step_id}"],
  ["POST", "/responses"],
  ["GET", "/responses/{response_id}"],
  ["DELETE", "/responses/{response_id}"],
  ["GET", "/responses/{response_id}/input_items"],
  ["POST", "/responses/{response_id}/cancel"],
  ["POST", "/conversations"],
  ["GET", "/conversations/{conversation_id}"],
  ["POST", "/conversations/{conversation_id}"],
  ["DELETE", "/conversations/{conversation_id}"],
  ["GET", "/conversations/{conversation_id}/items"],
  ["POST", "/conversations/{conversation_id}/items"],
  ["GET", "/conversations/{conversation_id}/items/{item_id}"],
  ["DELETE", "/conversations/{conversation_id}/items/{item_id}"],
];

/**
 * The spec documents the Assistants stream events (`AssistantStreamEvent`, `{event, data}` pairs) but does not
 * attach them to the run routes' text/event-stream answers: the SDK's AssistantStream reads them there.
 */
const ASSISTANT_STREAM = { $ref: "#/components/schemas/AssistantStreamEvent" };
const STREAMED_RUN_ROUTES = new Set([
  "/threads/runs",
  "/threads/{thread_id}/runs",
  "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs",
]);

const routes = ROUTES.map(([method, path]) => {
  const operation = spec.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`the spec has no ${method} ${path}`);
  const ok = operation.responses["200"] ?? operation.responses["201"];
  const content = ok?.content ?? {};
  const json = content["application/json"]?.schema ?? null;
  let sse = content["text/event-stream"]?.schema ?? null;
  if (!sse && STREAMED_RUN_ROUTES.has(path)) sse = { kind: "assistants", ...ASSISTANT_STREAM };
  return { method, path, json, sse };
});

const schemas = spec.components.schemas;
const needed = new Set(["ErrorResponse"]);
const visit = (node) => {
  if (Array.isArray(node)) return node.forEach(visit);
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") {
      const name = value.replace("#/components/schemas/", "");
      if (!schemas[name]) throw new Error(`unresolved $ref ${value}`);
      if (!needed.has(name)) {
        needed.add(name);
        visit(schemas[name]);
      }
    } else visit(value);
  }
};
visit(routes);
visit(schemas.ErrorResponse);

/** Documentation-only keys make up most of the spec's bytes and nothing of its meaning: leave them out. */
const strip = (node) => {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "description" || key === "title" || key === "example" || key === "examples" || key.startsWith("x-")) {
      // …but a property *named* description/title is kept (they sit under `properties`).
      if (
        typeof value !== "object" ||
        value === null ||
        Array.isArray(value) ||
        !("type" in value || "$ref" in value || "anyOf" in value || "oneOf" in value)
      )
        continue;
    }
    out[key] = strip(value);
  }
  return out;
};

const output = {
  source: {
    title: spec.info.title,
    version: spec.info.version,
    openapi: spec.openapi,
    extractedBy: "test/schema/extract-openai-schemas.mjs",
  },
  routes: strip(routes),
  components: { schemas: Object.fromEntries([...needed].sort().map((name) => [name, strip(schemas[name])])) },
};
writeFileSync(new URL("./openai-wire.json", import.meta.url), `${JSON.stringify(output, null, 1)}\n`);
console.log(`${routes.length} routes, ${needed.size} component schemas → test/schema/openai-wire.json`);
