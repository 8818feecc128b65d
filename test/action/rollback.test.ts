// Rollback after a failed smoke test, against the fake Cloudflare API through the action's own client:
// across a secret change it brings back the earlier code with the CURRENT secrets, never the old ones.
import { afterEach, describe, expect, it } from "vitest";
import { cloudflareApi } from "../../src/cloudflare/api.js";
import { copyMetadata, rollBack } from "../../src/steps/rollback.js";
import { startFakeCloudflare, type FakeCloudflare } from "../fakes/cloudflare-api/server.js";
import type { Binding } from "../fakes/cloudflare-api/state.js";

let cf: FakeCloudflare;
afterEach(() => cf?.close());

const S = () => `${cf.apiBase}/accounts/${cf.accountId}/workers/scripts/proxy`;

async function send(method: string, url: string, body: FormData | object) {
  const json = !(body instanceof FormData);
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${cf.token}`, ...(json && { "content-type": "application/json" }) },
    body: json ? JSON.stringify(body) : body,
  });
  const answer = (await res.json()) as { success: boolean; result: { id: string } };
  if (!answer.success) throw new Error(JSON.stringify(answer));
  return answer.result;
}

/** Uploads and deploys a version the way a `wrangler deploy` with --secrets-file does. */
async function deployVersion(code: string, bindings: Binding[]): Promise<string> {
  const form = new FormData();
  form.set(
    "metadata",
    JSON.stringify({ main_module: "worker.js", compatibility_date: "2026-04-01", compatibility_flags: ["nodejs_compat"], bindings }),
  );
  form.set("worker.js", new File([code], "worker.js", { type: "application/javascript+module" }));
  form.set("chunk.js", new File([`// chunk of ${code}`], "chunk.js", { type: "application/javascript+module" }));
  const { id } = await send("POST", `${S()}/versions`, form);
  await send("POST", `${S()}/deployments`, { strategy: "percentage", versions: [{ version_id: id, percentage: 100 }] });
  return id;
}

const keys = (text: string): Binding => ({ name: "API_KEYS", type: "secret_text", text });
const greeting = (text: string): Binding => ({ name: "GREETING", type: "plain_text", text });
const secretOf = (name: string) => cf.state.deployedVersion("proxy")!.bindings.find((b) => b.name === name)?.text;

async function twoVersions(before: Binding[], after: Binding[]) {
  cf = await startFakeCloudflare();
  const kv = (await send("POST", `${cf.apiBase}/accounts/${cf.accountId}/storage/kv/namespaces`, { title: "proxy-CACHE" })).id;
  const cache: Binding = { name: "CACHE", type: "kv_namespace", namespace_id: kv };
  await send(
    "PUT",
    S(),
    (() => {
      const form = new FormData();
      form.set("metadata", JSON.stringify({ main_module: "worker.js", bindings: [] }));
      form.set("worker.js", new File(["export default {}"], "worker.js", { type: "application/javascript+module" }));
      return form;
    })(),
  );
  const good = await deployVersion("export default { good: 1 }", [cache, ...before]);
  const bad = await deployVersion("export default { bad: 1 }", [cache, ...after]);
  return {
    good,
    bad,
    api: cloudflareApi({ token: cf.token, accountId: cf.accountId, baseURL: cf.apiBase, maxRetries: 0 }),
    log: [] as string[],
  };
}

describe("rollBack", () => {
  it("across a key rotation: the earlier code, vars and bindings with the current keys, never with force", async () => {
    const { good, bad, api, log } = await twoVersions(
      [greeting("one"), keys("sk-old,sk-revoked")],
      [greeting("two"), { name: "BROKEN", type: "plain_text", text: "yes" }, keys("sk-old,sk-new")],
    );
    const outcome = await rollBack(api, { script: "proxy", to: good, failed: bad, log: (l) => log.push(l) });
    const live = cf.state.deployedVersion("proxy")!;
    expect(outcome).toEqual({
      rolledBack: true,
      sentence: `redeployed the code of version ${good}, which was live before this run, with the current secrets (API_KEYS changed since then) as version ${live.id}`,
    });
    const goodVersion = cf.state.script("proxy")!.versions.find((v) => v.id === good)!;
    expect(live.modules.map((m) => [m.name, m.type, m.content.toString()])).toEqual(
      goodVersion.modules.map((m) => [m.name, m.type, m.content.toString()]),
    );
    expect(live.main_module).toBe("worker.js");
    expect(live.compatibility_flags).toEqual(["nodejs_compat"]);
    expect(secretOf("API_KEYS")).toBe("sk-old,sk-new");
    expect(secretOf("GREETING")).toBe("one");
    expect(live.bindings.map((b) => b.name).sort()).toEqual(["API_KEYS", "CACHE", "GREETING"]);
    expect(live.annotations["workers/message"]).toBe(`rollback of ${bad.slice(0, 8)}: smoke test failed`);
    expect(cf.requests.filter((r) => r.query.force !== undefined)).toEqual([]);
    expect(log.join("\n")).toContain("API_KEYS changed since");
  });

  it("with unchanged secrets: the earlier version itself", async () => {
    const { good, bad, api } = await twoVersions([greeting("one"), keys("sk-same")], [greeting("two"), keys("sk-same")]);
    expect(await rollBack(api, { script: "proxy", to: good, failed: bad, log: () => {} })).toEqual({
      rolledBack: true,
      sentence: `rolled back to version ${good}, which was live before this run`,
    });
    expect(cf.state.deployedVersion("proxy")!.id).toBe(good);
  });

  it("when the earlier code cannot be copied: no rollback, the failing version keeps the current keys, and it says why and what to do", async () => {
    const assets = { name: "ASSETS", type: "assets" } as Binding;
    const { good, bad, api } = await twoVersions([assets, keys("sk-old")], [keys("sk-new")]);
    const outcome = await rollBack(api, { script: "proxy", to: good, failed: bad, log: () => {} });
    expect(outcome.rolledBack).toBe(false);
    expect(outcome.sentence).toBe(
      `did not roll back: version ${good}, which was live before this run, ran with other secrets (API_KEYS) and deploying it would bring them back, ` +
        "and uploading its code again with the current secrets failed: binding ASSETS: it serves static assets, which a version upload cannot copy from another version. " +
        `Version ${bad} stays live with the current secrets: push a fix, or re-run the workflow of the last good commit`,
    );
    expect(cf.state.deployedVersion("proxy")!.id).toBe(bad);
    expect(secretOf("API_KEYS")).toBe("sk-new");
  });

  it("a refused upload of the copy, or a refused plain rollback, is reported with Cloudflare's reason", async () => {
    const { good, bad, api } = await twoVersions([keys("sk-old")], [keys("sk-new")]);
    cf.inject({
      method: "POST",
      path: `/accounts/${cf.accountId}/workers/scripts/proxy/versions`,
      status: 400,
      code: 10021,
      message: "Uncaught SyntaxError",
      times: 1,
    });
    const refused = await rollBack(api, { script: "proxy", to: good, failed: bad, log: () => {} });
    expect(refused.sentence).toContain("failed: Cloudflare refused to upload a version (HTTP 400): Uncaught SyntaxError [code: 10021]");
    expect(cf.state.deployedVersion("proxy")!.id).toBe(bad);

    cf.inject({ method: "POST", path: `/accounts/${cf.accountId}/workers/scripts/proxy/deployments`, status: 403, times: 1 });
    const forbidden = await rollBack(api, { script: "proxy", to: good, failed: bad, log: () => {} });
    expect(forbidden).toEqual({
      rolledBack: false,
      sentence: expect.stringMatching(
        new RegExp(
          `^rolling back to version ${good}, which was live before this run, failed: Cloudflare refused to deploy a version \\(HTTP 403\\)`,
        ),
      ),
    });
  });
});

describe("copyMetadata", () => {
  it("keeps the earlier non-secret bindings, inherits every current secret, drops the earlier secrets", () => {
    const meta = copyMetadata(
      {
        id: "v1",
        bindings: [
          { name: "OLD_SECRET", type: "secret_text" },
          { name: "API_KEYS", type: "plain_text", text: "was a var" },
          { name: "AI", type: "ai" },
        ],
        compatibilityDate: "2026-04-01",
        compatibilityFlags: [],
        usageModel: "standard",
        limits: undefined,
      },
      "index.js",
      ["API_KEYS", "TOKEN"],
      "rollback",
    );
    expect(meta).toEqual({
      main_module: "index.js",
      bindings: [
        { name: "AI", type: "ai" },
        { name: "API_KEYS", type: "inherit" },
        { name: "TOKEN", type: "inherit" },
      ],
      compatibility_date: "2026-04-01",
      compatibility_flags: [],
      usage_model: "standard",
      annotations: { "workers/message": "rollback" },
    });
  });
});
