// The fake Cloudflare API's rollback rule (10220) and version content download, over plain HTTP: what the
// action's rollback relies on when a push that rotated secrets fails its smoke test.
import { afterEach, describe, expect, it } from "vitest";
import { startFakeCloudflare, type FakeCloudflare } from "../fakes/cloudflare-api/server.js";

let cf: FakeCloudflare;
afterEach(() => cf?.close());

const call = async (method: string, path: string, body?: FormData | object) => {
  const headers: Record<string, string> = { authorization: `Bearer ${cf.token}` };
  if (body && !(body instanceof FormData)) headers["content-type"] = "application/json";
  const res = await fetch(`${cf.apiBase}/accounts/${cf.accountId}/workers/scripts/w${path}`, {
    method,
    headers,
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  return res;
};

/** A version upload: one module and the given secrets (plus a plain var). */
function upload(code: string, secrets: Record<string, string>): FormData {
  const form = new FormData();
  const bindings = [
    { name: "GREETING", type: "plain_text", text: "hi" },
    ...Object.entries(secrets).map(([name, text]) => ({ name, type: "secret_text", text })),
  ];
  form.set("metadata", JSON.stringify({ main_module: "index.js", compatibility_date: "2026-04-01", bindings }));
  form.set("index.js", new File([code], "index.js", { type: "application/javascript+module" }));
  return form;
}

async function deployNew(code: string, secrets: Record<string, string>): Promise<string> {
  const created = (await (await call("POST", "/versions", upload(code, secrets))).json()) as { result: { id: string } };
  const deployed = await call("POST", "/deployments", {
    strategy: "percentage",
    versions: [{ version_id: created.result.id, percentage: 100 }],
  });
  expect(deployed.status, await deployed.clone().text()).toBe(200);
  return created.result.id;
}

const rollBack = (versionId: string, query = "") =>
  call("POST", `/deployments${query}`, {
    strategy: "percentage",
    versions: [{ version_id: versionId, percentage: 100 }],
    annotations: { "workers/message": "rollback" },
  });

describe("fake Cloudflare: deployments across a secret change (10220)", () => {
  it("deploying a new version that brings new secrets is allowed; going back to the old secrets is refused like Cloudflare does", async () => {
    cf = await startFakeCloudflare();
    await call("PUT", "", upload("export default {}", {}));
    const v1 = await deployNew("// one\nexport default {}", { API_KEYS: "old", OTHER: "same", GONE: "x" });
    const v2 = await deployNew("// two\nexport default {}", { API_KEYS: "new", OTHER: "same", ADDED: "y" });
    // v2 dropped GONE; the fake keeps secrets the upload leaves out, so remove it the way a user would.
    expect((await call("DELETE", "/secrets/GONE")).status).toBe(200);
    const newest = cf.state.script("w")!.versions.at(-1)!.id;

    const refused = await rollBack(v1);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { success: boolean; result: unknown; errors: { code: number; message: string }[] };
    expect(body.success).toBe(false);
    expect(body.result).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.code).toBe(10220);
    expect(body.errors[0]!.message).toMatch(
      /^A secret has changed since this version was active\. .*\?force=true.* The following secrets have changed: ADDED, API_KEYS, GONE$/,
    );
    expect(cf.state.deployedVersion("w")!.id).toBe(newest);

    // A version whose secrets equal the current ones deploys without force; ?force=true overrides the rule.
    expect(v2).not.toBe(newest);
    expect((await rollBack(newest)).status).toBe(200);
    expect((await rollBack(v1, "?force=true")).status).toBe(200);
    expect(cf.state.deployedVersion("w")!.id).toBe(v1);
  });
});

describe("fake Cloudflare: a version's content (GET …/content/v2?version=)", () => {
  it("answers that version's modules as multipart with the entry point named, and 404 for an unknown version", async () => {
    cf = await startFakeCloudflare();
    await call("PUT", "", upload("export default {}", {}));
    const v1 = await deployNew("// one\nexport default {}", {});
    await deployNew("// two\nexport default {}", {});
    const res = await call("GET", `/content/v2?version=${v1}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cf-entrypoint")).toBe("index.js");
    const form = await res.formData();
    const main = form.get("index.js") as File;
    expect(await main.text()).toBe("// one\nexport default {}");
    expect(main.type).toBe("application/javascript+module");
    const live = await (await call("GET", "/content/v2")).formData();
    expect(await (live.get("index.js") as File).text()).toBe("// two\nexport default {}");
    const unknown = await call("GET", "/content/v2?version=00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
  });
});
