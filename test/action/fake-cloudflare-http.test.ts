// Direct HTTP checks of the fake Cloudflare API: envelope, pagination, auth and routing errors, KV values,
// the endpoints of the newer wrangler 4.16x generation (which needs Node 22, so no real client here) and the
// Workers version rules (Durable Objects and previews, 10215, 10220).
import { describe, it, type TestContext } from "vitest";
import { startFakeCloudflare, type FakeCloudflare, type FakeCloudflareOptions } from "../fakes/cloudflare-api/server.js";

interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of many shapes
  body: any;
  raw: string;
}

async function setup(context: TestContext, options: FakeCloudflareOptions = {}) {
  const cf = await startFakeCloudflare(options);
  context.onTestFinished(() => cf.close());
  const api = async (
    method: string,
    path: string,
    init: { json?: unknown; body?: string | FormData; headers?: Record<string, string>; auth?: string | null } = {},
  ): Promise<Answer> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.auth !== null) headers.authorization = init.auth ?? `Bearer ${cf.token}`;
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers["content-type"] = "application/json";
    }
    const response = await fetch(path.startsWith("http") ? path : `${cf.apiBase}${path}`, { method, headers, body });
    const raw = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, raw };
  };
  return { cf, api, expect: context.expect, A: `/accounts/${cf.accountId}` };
}

function workerForm(metadata: Record<string, unknown>, files: Record<string, [string, string]>): FormData {
  const form = new FormData();
  form.set("metadata", JSON.stringify(metadata));
  for (const [name, [content, type]] of Object.entries(files)) form.set(name, new File([content], name, { type }));
  return form;
}

const moduleWorker = (extra: Record<string, unknown> = {}) =>
  workerForm(
    { main_module: "index.js", compatibility_date: "2026-04-01", bindings: [], ...extra },
    { "index.js": ["export default { fetch() { return new Response('x'); } };", "application/javascript+module"] },
  );

async function deployedWorker(
  cf: FakeCloudflare,
  api: Awaited<ReturnType<typeof setup>>["api"],
  name: string,
  extra: Record<string, unknown> = {},
) {
  const put = await api("PUT", `/accounts/${cf.accountId}/workers/scripts/${name}`, { body: moduleWorker(extra) });
  if (put.status !== 200) throw new Error(put.raw);
  return put.body.result as { deployment_id: string };
}

describe.concurrent("the fake Cloudflare API over plain HTTP", () => {
  it("wraps every answer in the v4 envelope and paginates with result_info", async (context) => {
    const { api, expect, A } = await setup(context, { kvNamespaces: 12 });
    const page = await api("GET", `${A}/storage/kv/namespaces?per_page=5&page=2&order=title&direction=asc`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(page.body).sort()).toEqual(["errors", "messages", "result", "result_info", "success"]);
    expect(page.body).toMatchObject({
      success: true,
      errors: [],
      messages: [],
      result_info: { page: 2, per_page: 5, count: 5, total_count: 12, total_pages: 3 },
    });
    expect(page.body.result.map((n: { title: string }) => n.title)).toEqual([
      "preexisting-00006",
      "preexisting-00007",
      "preexisting-00008",
      "preexisting-00009",
      "preexisting-00010",
    ]);
    const past = await api("GET", `${A}/storage/kv/namespaces?per_page=5&page=9`);
    expect(past.body).toMatchObject({ success: true, result: [], result_info: { page: 9, count: 0, total_count: 12 } });
    const clamped = await api("GET", `${A}/storage/kv/namespaces?per_page=5000`);
    expect(clamped.body.result_info).toMatchObject({ per_page: 1000, count: 12, total_pages: 1 });
    const defaults = await api("GET", `${A}/storage/kv/namespaces`);
    expect(defaults.body.result_info).toMatchObject({ page: 1, per_page: 20 });
    const members = await api("GET", "/memberships");
    expect(members.body.result[0].account.id).toBe(A.split("/")[2]);
    expect(members.body.result_info).toMatchObject({ page: 1, total_count: 1 });
  });

  it("answers missing, malformed and wrong credentials like Cloudflare", async (context) => {
    const { api, expect, A } = await setup(context);
    const missing = await api("GET", `${A}/storage/kv/namespaces`, { auth: null });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      success: false,
      errors: [{ code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers" }],
      messages: [],
      result: null,
    });
    const malformed = await api("GET", `${A}/storage/kv/namespaces`, { auth: "Token abc def" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([
      { code: 6003, message: "Invalid request headers", error_chain: [{ code: 6111, message: "Invalid format for Authorization header" }] },
    ]);
    const wrong = await api("GET", `${A}/storage/kv/namespaces`, { auth: `Bearer ${"y".repeat(40)}` });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors).toEqual([{ code: 10000, message: "Authentication error" }]);
    const verifyWrong = await api("GET", "/user/tokens/verify", { auth: `Bearer ${"y".repeat(40)}` });
    expect([verifyWrong.status, verifyWrong.body.errors[0].code]).toEqual([401, 1000]);
    const verified = await api("GET", `${A}/tokens/verify`);
    expect(verified.body).toMatchObject({
      success: true,
      result: { status: "active" },
      messages: [{ code: 10000, message: "This API Token is valid and active" }],
    });
  });

  it("answers unknown routes, accounts and methods with Cloudflare's routing errors", async (context) => {
    const { cf, api, expect, A } = await setup(context);
    const unknownAccount = await api("GET", `/accounts/${"e".repeat(32)}/storage/kv/namespaces`);
    expect(unknownAccount.status).toBe(404);
    expect(unknownAccount.body.errors.map((e: { code: number }) => e.code)).toEqual([7003, 7000]);
    expect(unknownAccount.body.errors[0].message).toBe(
      `Could not route to /client/v4/accounts/${"e".repeat(32)}/storage/kv/namespaces, perhaps your object identifier is invalid?`,
    );
    const unknownRoute = await api("GET", `${A}/no/such/thing`);
    expect([unknownRoute.status, unknownRoute.body.errors[1]]).toEqual([400, { code: 7000, message: "No route for that URI" }]);
    const method = await api("DELETE", `${A}/storage/kv/namespaces`);
    expect([method.status, method.body.errors[0].code]).toEqual([405, 10000]);
    const outside = await api("GET", `${cf.origin}/v3/whatever`);
    expect([outside.status, outside.body.errors[0].code]).toEqual([404, 7000]);
    expect((await api("GET", `${A}`)).body.result).toMatchObject({ id: cf.accountId, name: "Fake Account", type: "standard" });
  });

  it("stores KV values: single put/get with metadata, bulk write, key listing with a cursor, bulk get and delete", async (context) => {
    const { cf, api, expect, A } = await setup(context, { kvNamespaces: ["data"] });
    const ns = `${A}/storage/kv/namespaces/${cf.state.namespaces()[0]!.id}`;
    expect((await api("PUT", `${ns}/values/${encodeURIComponent("a/b")}`, { body: "raw value" })).body.success).toBe(true);
    const got = await api("GET", `${ns}/values/${encodeURIComponent("a/b")}`);
    expect([got.status, got.raw]).toEqual([200, "raw value"]);
    const form = new FormData();
    form.set("value", "with meta");
    form.set("metadata", JSON.stringify({ owner: "ci" }));
    await api("PUT", `${ns}/values/meta`, { body: form });
    expect((await api("GET", `${ns}/metadata/meta`)).body.result).toEqual({ owner: "ci" });
    const pairs = Array.from({ length: 25 }, (_, i) => ({ key: `k${String(i).padStart(2, "0")}`, value: `v${i}` }));
    expect((await api("PUT", `${ns}/bulk`, { json: pairs })).body.result).toEqual({ successful_key_count: 25, unsuccessful_keys: [] });
    const first = await api("GET", `${ns}/keys?prefix=k&limit=10`);
    expect(first.body.result).toHaveLength(10);
    expect(first.body.result_info.cursor).not.toBe("");
    let cursor = first.body.result_info.cursor as string;
    const names: string[] = first.body.result.map((k: { name: string }) => k.name);
    while (cursor) {
      const next = await api("GET", `${ns}/keys?prefix=k&limit=10&cursor=${cursor}`);
      names.push(...next.body.result.map((k: { name: string }) => k.name));
      cursor = next.body.result_info.cursor;
    }
    expect(names).toEqual(pairs.map((p) => p.key));
    expect((await api("POST", `${ns}/bulk/get`, { json: { keys: ["k01", "nope"] } })).body.result).toEqual({
      values: { k01: "v1", nope: null },
    });
    await api("POST", `${ns}/bulk/delete`, { json: ["k01"] });
    const missing = await api("GET", `${ns}/values/k01`);
    expect([missing.status, missing.body.errors[0].code]).toEqual([404, 10009]);
    const noNamespace = await api("GET", `${A}/storage/kv/namespaces/${"0".repeat(32)}`);
    expect([noNamespace.status, noNamespace.body.errors[0]]).toEqual([404, { code: 10013, message: "namespace not found" }]);
  });

  it("serves the 4.16x endpoints: source maps in the upload, S/secrets, /workers/workers/:name, secrets-bulk", async (context) => {
    const { cf, api, expect, A } = await setup(context);
    const S = `${A}/workers/scripts/mapped`;
    const form = workerForm(
      { main_module: "index.js", compatibility_date: "2026-04-01", bindings: [{ name: "OLD", type: "secret_text", text: "old" }] },
      {
        "index.js": ["export default { fetch() {} };\n//# sourceMappingURL=index.js.map", "application/javascript+module"],
        "index.js.map": ['{"version":3,"sources":[],"mappings":""}', "application/source-map"],
      },
    );
    expect((await api("PUT", S, { body: form })).status).toBe(200);
    const version = cf.state.script("mapped")!.versions[0]!;
    expect(version.modules.map((m) => m.name)).toEqual(["index.js"]);
    expect(version.source_maps.map((m) => m.name)).toEqual(["index.js.map"]);

    const worker = await api("GET", `${A}/workers/workers/mapped`);
    expect(worker.body.result).toMatchObject({
      name: "mapped",
      id: cf.state.script("mapped")!.tag,
      subdomain: { enabled: false, previews_enabled: false },
    });
    expect((await api("GET", `${A}/workers/workers/nope`)).body.errors[0].code).toBe(10007);

    const bulk = await api("PATCH", `${S}/secrets-bulk`, {
      json: {
        secrets: {
          OLD: null,
          NEW: { name: "NEW", type: "secret_text", text: "n3w" },
          KEY: { name: "KEY", type: "secret_text", text: "k" },
        },
        version_tags: { "workers/tag": "sha-1" },
      },
    });
    expect(bulk.body.result).toEqual({ NEW: { name: "NEW", type: "secret_text" }, KEY: { name: "KEY", type: "secret_text" } });
    expect(cf.state.secrets("mapped")).toEqual({ NEW: "n3w", KEY: "k" });
    const script = cf.state.script("mapped")!;
    expect(script.versions).toHaveLength(2); // one version for the whole patch, deployed at once
    expect(script.versions[1]!.annotations).toEqual({ "workers/tag": "sha-1", "workers/triggered_by": "secret" });
    expect(cf.state.deployedVersion("mapped")!.id).toBe(script.versions[1]!.id);
    const secrets = await api("GET", `${S}/secrets`);
    expect(secrets.body.result).toEqual([
      { name: "NEW", type: "secret_text" },
      { name: "KEY", type: "secret_text" },
    ]);
    expect(secrets.raw).not.toContain("n3w");
    const unknown = await api("GET", `${A}/workers/scripts/nope/secrets`);
    expect([unknown.status, unknown.body.errors[0]]).toEqual([404, { code: 10007, message: "workers.api.error.script_not_found" }]);
    const service = await api("GET", `${A}/workers/services/nope`);
    expect([service.status, service.body.errors[0]]).toEqual([404, { code: 10090, message: "workers.api.error.service_not_found" }]);
  });

  it("keeps the Workers version rules: no previews with Durable Objects, 10215 for secret edits, 10220 for rollbacks", async (context) => {
    const { cf, api, expect, A } = await setup(context);
    const S = `${A}/workers/scripts/rules`;
    const put = await deployedWorker(cf, api, "rules");
    const v1 = cf.state.script("rules")!.versions[0]!;
    expect(put.deployment_id).toBe(v1.id.replaceAll("-", ""));
    expect(v1.has_preview).toBe(true);

    await api("PUT", `${S}/secrets`, { json: { name: "TOKEN", text: "one", type: "secret_text" } });
    const withDo = await api("POST", `${S}/versions?bindings_inherit=strict`, {
      body: moduleWorker({
        migrations: { new_tag: "v1", steps: [{ new_sqlite_classes: ["Counter"] }] },
        annotations: { "workers/alias": "pr-1" },
      }),
    });
    expect(withDo.body.result).toMatchObject({
      number: 3,
      metadata: { has_preview: false, source: "api" },
      annotations: { "workers/triggered_by": "version_upload", "workers/alias": "pr-1" },
    });
    expect(withDo.body.result.resources.bindings).toEqual([{ name: "TOKEN", type: "secret_text" }]);
    expect(cf.state.script("rules")!.migration_tag).toBe("v1");

    const refused = await api("PUT", `${S}/secrets`, { json: { name: "TOKEN", text: "two", type: "secret_text" } });
    expect([refused.status, refused.body.errors[0].code]).toEqual([400, 10215]);

    const latest = withDo.body.result.id as string;
    await api("POST", `${S}/deployments`, { json: { strategy: "percentage", versions: [{ version_id: latest, percentage: 100 }] } });
    await api("PUT", `${S}/secrets`, { json: { name: "TOKEN", text: "two", type: "secret_text" } });
    const rollback = await api("POST", `${S}/deployments`, {
      json: { strategy: "percentage", versions: [{ version_id: latest, percentage: 100 }] },
    });
    expect([rollback.status, rollback.body.errors[0].code]).toEqual([400, 10220]);
    expect(rollback.body.errors[0].message).toContain("The following secrets have changed: TOKEN");
    const forced = await api("POST", `${S}/deployments?force=true`, {
      json: { strategy: "percentage", versions: [{ version_id: latest, percentage: 100 }], annotations: { "workers/message": "rollback" } },
    });
    expect(forced.body.result).toMatchObject({
      strategy: "percentage",
      source: "api",
      annotations: { "workers/triggered_by": "deployment", "workers/message": "rollback" },
    });

    const split = await api("POST", `${S}/deployments`, {
      json: {
        strategy: "percentage",
        versions: [
          { version_id: latest, percentage: 60 },
          { version_id: v1.id, percentage: 30 },
        ],
      },
    });
    expect(split.status).toBe(400);
    const inherit = await api("POST", `${S}/versions?bindings_inherit=strict`, {
      body: moduleWorker({ bindings: [{ name: "GONE", type: "inherit" }] }),
    });
    expect([inherit.status, inherit.body.errors[0].code]).toEqual([400, 10057]);
    expect(inherit.body.errors[0].message).toMatch(/^inherit binding 'GONE' is invalid/);
    const versions = await api("GET", `${S}/versions?per_page=2`);
    expect(versions.body.result.items.map((v: { number: number }) => v.number)).toEqual([4, 3]);
    expect(versions.body.result_info).toMatchObject({ page: 1, per_page: 2, total_count: 4, total_pages: 2 });
  });

  it("injects faults with Cloudflare error bodies, delays and retry-after headers", async (context) => {
    const { cf, api, expect, A } = await setup(context);
    cf.inject({ path: `${A}/storage/kv/namespaces`, status: 429, headers: { "retry-after": "7" }, times: 1 });
    const limited = await api("GET", `${A}/storage/kv/namespaces`);
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "7"]);
    expect(limited.body).toEqual({
      success: false,
      errors: [{ code: 971, message: "Please wait and consider throttling your request speed" }],
      messages: [],
      result: null,
    });
    cf.inject({ path: /\/workers\/subdomain$/, delayMs: 150, times: 1 });
    const started = Date.now();
    const slow = await api("GET", `${A}/workers/subdomain`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(slow.body.result).toEqual({ subdomain: "fake-account" });
    expect((await api("GET", `${A}/storage/kv/namespaces`)).status).toBe(200);
    expect(cf.find("GET", /\/storage\/kv\/namespaces$/)).toHaveLength(2);
  });
});
