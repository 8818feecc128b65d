// The fake Cloudflare API's Workers AI model search: Cloudflare's envelope and record shape (checked against the
// operation's schema in Cloudflare's OpenAPI document), pagination, and deprecation as the real catalogue marks it.
import Cloudflare from "cloudflare";
import { describe, it, type TestContext } from "vitest";
import { AI_MODELS, listed } from "../fakes/cloudflare-api/ai.js";
import { startFakeCloudflare } from "../fakes/cloudflare-api/server.js";
import snapshot from "../fakes/workers-ai-models.json" with { type: "json" };

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[] };

/**
 * The 200 answer of operation `workers-ai-search-model` (GET /accounts/{account_id}/ai/models/search), copied from
 * cloudflare/api-schemas openapi.json @ cca3064f1aba (2024-08-06). It types each result only as an object.
 */
const SEARCH_RESPONSE: Schema = {
  type: "object",
  required: ["success", "result", "errors", "messages"],
  properties: {
    errors: { type: "array", items: { type: "object" } },
    messages: { type: "array", items: { type: "object" } },
    result: { type: "array", items: { type: "object" } },
    success: { type: "boolean" },
  },
};

/** One result as wrangler types it (its `Model`), plus the `properties` list the dashboard and docs read. */
const MODEL_RECORD: Schema = {
  type: "object",
  required: ["id", "source", "name", "description", "task", "tags", "properties"],
  properties: {
    id: { type: "string" },
    source: { type: "number" },
    name: { type: "string" },
    description: { type: "string" },
    task: {
      type: "object",
      required: ["id", "name", "description"],
      properties: { id: { type: "string" }, name: { type: "string" }, description: { type: "string" } },
    },
    tags: { type: "array", items: { type: "string" } },
    properties: {
      type: "array",
      items: { type: "object", required: ["property_id", "value"], properties: { property_id: { type: "string" } } },
    },
  },
};

/** The few JSON Schema keywords the schemas above use; returns the paths that break them. */
function violations(value: unknown, schema: Schema, path = "$"): string[] {
  const type = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  if (schema.type && schema.type !== type && !(schema.type === "integer" && Number.isInteger(value)))
    return [`${path}: ${type}, expected ${schema.type}`];
  const out: string[] = [];
  if (type === "object") {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) out.push(`${path}.${key}: missing`);
    for (const [key, sub] of Object.entries(schema.properties ?? {}))
      if (key in obj) out.push(...violations(obj[key], sub, `${path}.${key}`));
  }
  if (type === "array" && schema.items)
    (value as unknown[]).forEach((item, i) => out.push(...violations(item, schema.items!, `${path}[${i}]`)));
  return out;
}

async function setup(context: TestContext) {
  const cf = await startFakeCloudflare();
  context.onTestFinished(() => cf.close());
  const search = async (query = "") => {
    const response = await fetch(`${cf.apiBase}/accounts/${cf.accountId}/ai/models/search${query}`, {
      headers: { authorization: `Bearer ${cf.token}` },
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        result: { name: string; properties: { property_id: string; value: unknown }[] }[];
        result_info: Record<string, number>;
      },
    };
  };
  return { cf, search, expect: context.expect };
}

const property = (model: { properties: { property_id: string; value: unknown }[] }, id: string) =>
  model.properties.find((p) => p.property_id === id)?.value;

describe.concurrent("the fake Workers AI model search", () => {
  it("the schema check itself rejects what the operation's schema rejects", ({ expect }) => {
    expect(violations({ success: true, result: [], errors: [], messages: [] }, SEARCH_RESPONSE)).toEqual([]);
    expect(violations({ success: "yes", result: {}, errors: [] }, SEARCH_RESPONSE)).toEqual([
      "$.messages: missing",
      "$.result: object, expected array",
      "$.success: string, expected boolean",
    ]);
    expect(violations({ ...AI_MODELS[0], task: { id: "x", name: "y" } }, MODEL_RECORD)).toEqual(["$.task.description: missing"]);
  });

  it("answers in the operation's envelope, each record shaped as Cloudflare's, paged with result_info", async (context) => {
    const { cf, search, expect } = await setup(context);
    cf.ai.today = () => new Date("2026-06-15T00:00:00Z"); // 74 active + 18 deprecated within three months
    const page = await search("?per_page=50&page=2&include_deprecated=true");
    expect(page.status).toBe(200);
    expect(violations(page.body, SEARCH_RESPONSE)).toEqual([]);
    expect(page.body.result.flatMap((m, i) => violations(m, MODEL_RECORD, `$.result[${i}]`))).toEqual([]);
    expect(page.body.result).toHaveLength(42);
    expect(page.body.result_info).toEqual({ page: 2, per_page: 50, count: 42, total_count: 92, total_pages: 2 });
    const glm = (await search("?search=glm-4.7-flash")).body.result[0]!;
    expect(glm).toMatchObject({ name: "@cf/zai-org/glm-4.7-flash", source: 1, task: { name: "Text Generation" } });
    expect(property(glm, "context_window")).toBe("131072");
    expect(property(glm, "function_calling")).toBe("true");
    expect(property(glm, "price")).toEqual([
      { unit: "per M input tokens", price: 0.0605, currency: "USD" },
      { unit: "per M output tokens", price: 0.4, currency: "USD" },
    ]);
  });

  it("lists every active model of the snapshot through the SDK's pagination, and no deprecated one by default", async (context) => {
    const { cf, expect } = await setup(context);
    const sdk = new Cloudflare({ apiToken: cf.token, baseURL: cf.apiBase, maxRetries: 0 });
    const names: string[] = [];
    for await (const m of sdk.ai.models.list({ account_id: cf.accountId, per_page: 30 })) names.push((m as { name: string }).name);
    const active = (snapshot as { name: string; status: string }[]).filter((m) => m.status === "active").map((m) => m.name);
    expect(names.sort()).toEqual(active.sort());
    expect(names).not.toContain("@cf/meta/llama-3.1-8b-instruct");
  });

  it("marks deprecation with planned_deprecation_date and lists deprecated models only with include_deprecated, for three months", async (context) => {
    const { cf, search, expect } = await setup(context);
    cf.ai.today = () => new Date("2026-06-15T12:00:00Z");
    const names = async (query: string) => (await search(query)).body.result.map((m) => m.name);
    expect(await names("?per_page=100&search=llama-3.1-8b")).toEqual([
      "@cf/meta/llama-3.1-8b-instruct-fp8",
      "@cf/meta/llama-3.1-8b-instruct-fast",
    ]);
    const withDeprecated = (await search("?per_page=100&search=llama-3.1-8b&include_deprecated=true")).body.result;
    const old = withDeprecated.find((m) => m.name === "@cf/meta/llama-3.1-8b-instruct")!;
    expect(property(old, "planned_deprecation_date")).toBe("2026-05-30");
    // Retired in October 2025: past the three months even on 2026-06-15.
    expect(await names("?per_page=100&search=zephyr&include_deprecated=true")).toEqual([]);
    cf.ai.today = () => new Date("2026-08-30T00:00:00Z");
    expect(await names("?per_page=100&search=llama-3.1-8b-instruct-awq&include_deprecated=true")).toEqual([
      "@cf/meta/llama-3.1-8b-instruct-awq",
    ]);
    cf.ai.today = () => new Date("2026-08-31T00:00:00Z");
    expect(await names("?per_page=100&search=llama-3.1-8b-instruct-awq&include_deprecated=true")).toEqual([]);
  });

  it("a planned deprecation is listed as active with its date; paid-only models say require_workers_paid", async (context) => {
    const { cf, search, expect } = await setup(context);
    cf.ai.today = () => new Date("2026-12-04T00:00:00Z");
    cf.ai.planDeprecation("@cf/zai-org/glm-4.7-flash", "2027-01-15");
    const glm = (await search("?search=glm-4.7-flash")).body.result[0]!;
    expect(property(glm, "planned_deprecation_date")).toBe("2027-01-15");
    const paid = (await search("?per_page=100&include_deprecated=true")).body.result.filter(
      (m) => property(m, "require_workers_paid") === "true",
    );
    expect(paid.map((m) => m.name).sort()).toEqual(
      (snapshot as { name: string; paid_only: boolean }[])
        .filter((m) => m.paid_only)
        .map((m) => m.name)
        .sort(),
    );
  });

  it("keeps every snapshot model whose retirement date is known, and drops the one without", ({ expect }) => {
    expect(AI_MODELS).toHaveLength(111);
    expect(AI_MODELS.map((m) => m.name)).not.toContain("@cf/deepseek-ai/deepseek-math-7b-base");
    const deprecated = AI_MODELS.filter((m) => !listed(m, new Date("2026-12-04"), false));
    expect(deprecated).toHaveLength(37);
  });
});
