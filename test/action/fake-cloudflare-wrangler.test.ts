// Fidelity of the fake Cloudflare API against the real wrangler 4.86: each test runs wrangler as a child
// process (own HOME and project dir, own fake) and checks its NDJSON records, the requests it made and the
// state it left. Where a command has no record (lists), its --json / JSON stdout is the machine output.
import { describe, it, type TestContext } from "vitest";
import { startFakeCloudflare, type FakeCloudflare } from "../fakes/cloudflare-api/server.js";
import { createWranglerProject } from "./fake-cloudflare-wrangler-runner.js";

const TIMEOUT = 120_000;

/** Each test: its own fake API, its own project dir and HOME, cleaned up when that test ends (tests run concurrently). */
async function setup(context: TestContext, options: Parameters<typeof startFakeCloudflare>[0], worker: { name: string; kv?: boolean }) {
  const cf = await startFakeCloudflare(options);
  const kvNamespaceId = worker.kv ? cf.state.namespaces()[0]!.id : undefined;
  const project = await createWranglerProject(cf, { name: worker.name, kvNamespaceId });
  context.onTestFinished(async () => {
    await cf.close();
    await project.dispose();
  });
  const expect = context.expect;
  const ok = async (args: string[], stdin?: string) => {
    const run = await project.run(args, { stdin });
    expect(run.code, `wrangler ${args.join(" ")}\n${run.stderr}`).toBe(0);
    return run;
  };
  return { cf, project, kvNamespaceId, expect, ok };
}

const acct = (cf: FakeCloudflare) => `/accounts/${cf.accountId}`;

describe.concurrent("wrangler 4.86 against the fake Cloudflare API", () => {
  it("kv namespace create, then list over several pages (2,500 namespaces exist), then a duplicate title", {
    timeout: TIMEOUT,
  }, async (context) => {
    const { cf, project, expect, ok } = await setup(context, { kvNamespaces: 2500 }, { name: "kv-worker" });

    await ok(["kv", "namespace", "create", "action-cache"]);
    const created = cf.state.namespaces().filter((n) => n.title === "action-cache");
    expect(created).toHaveLength(1);
    expect(created[0]!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(cf.find("POST", `${acct(cf)}/storage/kv/namespaces`).map((r) => r.json)).toEqual([{ title: "action-cache" }]);

    const listed = await ok(["kv", "namespace", "list"]);
    const namespaces = JSON.parse(listed.stdout) as { id: string; title: string }[];
    expect(namespaces).toHaveLength(2501);
    expect(new Set(namespaces.map((n) => n.title)).size).toBe(2501);
    expect(namespaces.map((n) => n.title)).toEqual(
      cf.state
        .namespaces()
        .map((n) => n.title)
        .sort((a, b) => a.localeCompare(b, "en")),
    );
    // wrangler's SDK asks for pages of 1000 sorted by title and stops on the first empty page.
    const pages = cf.find("GET", `${acct(cf)}/storage/kv/namespaces`).map((r) => r.query);
    expect(pages.map((q) => q.page ?? "1")).toEqual(["1", "2", "3", "4"]);
    expect(pages.every((q) => q.per_page === "1000" && q.order === "title" && q.direction === "asc")).toBe(true);

    const duplicate = await project.run(["kv", "namespace", "create", "action-cache"]);
    expect(duplicate.code).not.toBe(0);
    expect(String(duplicate.record("command-failed")?.message)).toContain('A KV namespace with the title "action-cache" already exists');
    expect(cf.state.namespaces().filter((n) => n.title === "action-cache")).toHaveLength(1);
  });

  it("deploys a new worker, deploys it again, uploads a preview version and lists versions and deployments", {
    timeout: TIMEOUT,
  }, async (context) => {
    const { cf, project, kvNamespaceId, expect, ok } = await setup(
      context,
      { kvNamespaces: ["proxy-cache"] },
      { name: "proxy-worker", kv: true },
    );
    const S = `${acct(cf)}/workers/scripts/proxy-worker`;

    // New worker: the service lookup 404s (10090) and wrangler takes the legacy upload path.
    const first = await ok(["deploy"]);
    const script = cf.state.script("proxy-worker")!;
    expect(script.versions).toHaveLength(1);
    const v1 = script.versions[0]!;
    expect(first.record("deploy")).toMatchObject({
      worker_name: "proxy-worker",
      worker_tag: null,
      version_id: v1.id,
      targets: ["https://proxy-worker.fake-account.workers.dev"],
    });
    expect(cf.find("PUT", S).map((r) => r.query)).toEqual([{ excludeScript: "true", bindings_inherit: "strict" }]);
    expect(cf.find("POST", `${S}/versions`)).toHaveLength(0);
    expect(v1.bindings).toEqual(
      expect.arrayContaining([
        { name: "CACHE", type: "kv_namespace", namespace_id: kvNamespaceId },
        { name: "AI", type: "ai" },
      ]),
    );
    expect(v1).toMatchObject({ main_module: "index.js", compatibility_date: "2026-04-01", source: "wrangler", has_preview: true });
    expect(v1.modules.map((m) => m.name)).toEqual(["index.js"]);
    expect(v1.modules[0]!.content.toString()).toContain("hello from proxy-worker");
    expect(script.subdomain).toEqual({ enabled: true, previews_enabled: true });
    expect(cf.find("POST", `${S}/subdomain`).map((r) => r.json)).toEqual([{ enabled: true }]);

    // Existing worker: versions + deployments API.
    const second = await ok(["deploy"]);
    const v2 = script.versions[1]!;
    expect(second.record("deploy")).toMatchObject({
      version_id: v2.id,
      worker_tag: script.tag,
      targets: ["https://proxy-worker.fake-account.workers.dev"],
    });
    expect(cf.find("POST", `${S}/versions`).map((r) => r.query)).toEqual([{ bindings_inherit: "strict" }]);
    expect(cf.find("POST", `${S}/deployments`).map((r) => r.json)).toEqual([
      { strategy: "percentage", versions: [{ version_id: v2.id, percentage: 100 }], annotations: {} },
    ]);
    expect(cf.find("PATCH", `${S}/script-settings`)).toHaveLength(1);
    expect(script.deployments.map((d) => d.versions)).toEqual([
      [{ version_id: v1.id, percentage: 100 }],
      [{ version_id: v2.id, percentage: 100 }],
    ]);

    // A preview version: uploaded, not deployed.
    const upload = await ok(["versions", "upload", "--preview-alias", "pr-7", "--tag", "abc", "--message", "m"]);
    const v3 = script.versions[2]!;
    expect(upload.record("version-upload")).toMatchObject({
      worker_name: "proxy-worker",
      version_id: v3.id,
      preview_url: `https://${v3.id.slice(0, 8)}-proxy-worker.fake-account.workers.dev`,
      preview_alias_url: "https://pr-7-proxy-worker.fake-account.workers.dev",
    });
    expect(v3.annotations).toEqual({
      "workers/triggered_by": "version_upload",
      "workers/alias": "pr-7",
      "workers/tag": "abc",
      "workers/message": "m",
    });
    expect(script.aliases.get("pr-7")).toBe(v3.id);
    expect(cf.state.deployedVersion("proxy-worker")!.id).toBe(v2.id);

    const versions = JSON.parse((await ok(["versions", "list", "--json"])).stdout) as { id: string; annotations: Record<string, string> }[];
    expect(versions.map((v) => v.id)).toEqual([v1.id, v2.id, v3.id]);
    expect(versions[2]!.annotations["workers/tag"]).toBe("abc");
    expect(cf.find("GET", `${S}/versions`).at(-1)!.query).toEqual({ deployable: "true" });

    const deployments = JSON.parse((await ok(["deployments", "list", "--json"])).stdout) as {
      versions: { version_id: string }[];
      annotations: Record<string, string>;
    }[];
    expect(deployments.map((d) => d.versions[0]!.version_id)).toEqual([v1.id, v2.id]);
    expect(deployments.map((d) => d.annotations["workers/triggered_by"])).toEqual(["upload", "deployment"]);

    // Promote the preview version, then add a cron trigger.
    const promoted = await ok(["versions", "deploy", `${v3.id}@100`, "--yes", "--message", "promote"]);
    expect(promoted.record("version-deploy")).toMatchObject({ worker_name: "proxy-worker", deployment_id: script.deployments.at(-1)!.id });
    expect(cf.state.deployedVersion("proxy-worker")!.id).toBe(v3.id);
    expect(script.deployments.at(-1)!.annotations).toEqual({ "workers/triggered_by": "deployment", "workers/message": "promote" });
    await project.write(
      "wrangler.jsonc",
      JSON.stringify({ name: "proxy-worker", main: "index.js", compatibility_date: "2026-04-01", triggers: { crons: ["*/30 * * * *"] } }),
    );
    await ok(["triggers", "deploy"]);
    expect(script.schedules.map((s) => s.cron)).toEqual(["*/30 * * * *"]);
    expect(cf.find("PUT", `${S}/schedules`).map((r) => r.json)).toEqual([[{ cron: "*/30 * * * *" }]]);
  });

  it("uploads secrets in bulk, refuses a secret edit while a newer version is undeployed, rolls back and deletes", {
    timeout: TIMEOUT,
  }, async (context) => {
    const { cf, project, expect, ok } = await setup(context, { kvNamespaces: ["secrets-cache"] }, { name: "secret-worker", kv: true });
    const S = `${acct(cf)}/workers/scripts/secret-worker`;
    await ok(["deploy"]);
    const script = cf.state.script("secret-worker")!;

    await project.write("secrets.json", JSON.stringify({ UPSTREAM_KEY: "sk-123", PROXY_TOKEN: "t0k" }));
    await ok(["secret", "bulk", "secrets.json"]);
    // wrangler re-sends the existing bindings as {type, name} (keep them) plus the new secret_text ones.
    const patch = cf.find("PATCH", `${S}/settings`);
    expect(patch).toHaveLength(1);
    expect(patch[0]!.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(cf.state.secrets("secret-worker")).toEqual({ UPSTREAM_KEY: "sk-123", PROXY_TOKEN: "t0k" });
    const v2 = script.versions[1]!;
    expect(v2.annotations["workers/triggered_by"]).toBe("secret");
    expect(v2.bindings.map((b) => b.name).sort()).toEqual(["AI", "CACHE", "PROXY_TOKEN", "UPSTREAM_KEY"]);
    expect(cf.state.deployedVersion("secret-worker")!.id).toBe(v2.id);

    const listed = JSON.parse((await ok(["secret", "list"])).stdout) as { name: string; type: string; text?: string }[];
    expect(listed).toEqual(
      expect.arrayContaining([
        { name: "UPSTREAM_KEY", type: "secret_text" },
        { name: "PROXY_TOKEN", type: "secret_text" },
      ]),
    );
    expect(JSON.stringify(listed)).not.toContain("sk-123");

    await ok(["secret", "put", "EXTRA"], "extra-value\n");
    expect(cf.find("PUT", `${S}/secrets`).map((r) => r.json)).toEqual([{ name: "EXTRA", text: "extra-value", type: "secret_text" }]);
    expect(cf.state.secrets("secret-worker").EXTRA).toBe("extra-value");
    await ok(["secret", "delete", "EXTRA"]);
    expect(cf.find("DELETE", `${S}/secrets/EXTRA`).map((r) => r.query)).toEqual([{ url_encoded: "true" }]);
    expect(cf.state.secrets("secret-worker")).toEqual({ UPSTREAM_KEY: "sk-123", PROXY_TOKEN: "t0k" });
    expect(script.deployments.map((d) => d.annotations["workers/triggered_by"])).toEqual(["upload", "secret", "secret", "secret"]);

    await ok(["versions", "upload", "--message", "next"]);
    const v3 = script.versions.at(-1)!;
    expect(
      v3.bindings
        .filter((b) => b.type === "secret_text")
        .map((b) => b.text)
        .sort(),
    ).toEqual(["sk-123", "t0k"]);
    const refused = await project.run(["secret", "put", "LATE"], { stdin: "late-value\n" });
    expect(refused.code).not.toBe(0);
    expect(String(refused.record("command-failed")?.message)).toContain("latest version of your Worker isn't currently deployed");
    expect(script.versions).toHaveLength(5);

    // Rollback picks the previous deployment's version (the one that still had EXTRA): its secrets differ from the
    // current ones, so the API first answers 10220, wrangler confirms (CI fallback) and repeats with ?force=true.
    const target = script.versions[2]!;
    expect(script.deployments.at(-2)!.versions).toEqual([{ version_id: target.id, percentage: 100 }]);
    await ok(["rollback", "--message", "back"]);
    const posts = cf.find("POST", `${S}/deployments`);
    expect(posts.map((r) => r.query)).toEqual([{}, { force: "true" }]);
    expect(posts.map((r) => r.json)).toEqual(
      Array(2).fill({
        strategy: "percentage",
        versions: [{ version_id: target.id, percentage: 100 }],
        annotations: { "workers/message": "back" },
      }),
    );
    expect(cf.state.deployedVersion("secret-worker")!.id).toBe(target.id);
    expect(script.versions).toHaveLength(5); // a rollback deploys an existing version

    await ok(["delete"]);
    expect(cf.state.script("secret-worker")).toBeUndefined();
    expect(cf.find("DELETE", `${acct(cf)}/workers/services/secret-worker`).map((r) => r.query)).toEqual([{ force: "false" }]);
    const again = await project.run(["delete"]);
    expect(again.code).not.toBe(0);
    expect(again.record("command-failed")).toMatchObject({ code: 10007 });
  });

  it("fails like the real API: versions upload before the first deploy (10007), a wrong token (10000), an unknown KV namespace (10041)", {
    timeout: TIMEOUT,
  }, async (context) => {
    const { cf, project, expect } = await setup(context, { kvNamespaces: ["only"] }, { name: "edge-worker" });

    const early = await project.run(["versions", "upload"]);
    expect(early.code).not.toBe(0);
    expect(early.record("command-failed")).toMatchObject({ code: 10007 });

    const denied = await project.run(["deploy"], { token: "0000000000000000000000000000000000000000" });
    expect(denied.code).not.toBe(0);
    expect(denied.record("command-failed")).toMatchObject({ code: 10000 });
    expect(cf.state.script("edge-worker")).toBeUndefined();

    await project.write(
      "wrangler.jsonc",
      JSON.stringify({
        name: "edge-worker",
        main: "index.js",
        compatibility_date: "2026-04-01",
        kv_namespaces: [{ binding: "CACHE", id: "ffffffffffffffffffffffffffffffff" }],
      }),
    );
    const unknown = await project.run(["deploy"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.record("command-failed")).toMatchObject({ code: 10041 });
    expect(cf.state.script("edge-worker")).toBeUndefined();
  });
});
