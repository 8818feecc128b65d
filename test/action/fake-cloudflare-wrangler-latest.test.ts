// Fidelity of the fake Cloudflare API against today's wrangler (4.164.0, the action's default) on the runner's
// Node 24: every command the action runs, plus what a user runs around it, and every answer the fake gave
// checked against the OpenAPI subset (answers on paths the subset leaves out are listed, not passed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkExchange, type Finding } from "../fakes/cloudflare-api/openapi-check.js";
import { startFakeCloudflare, type FakeCloudflare } from "../fakes/cloudflare-api/server.js";
import { runnerNode, WRANGLER_DIRS } from "../helpers/toolchain.js";
import { createWranglerProject, type WranglerProject } from "./fake-cloudflare-wrangler-runner.js";
import { join } from "node:path";

const tool = { wrangler: join(WRANGLER_DIRS.latest, "bin", "wrangler.js"), node: runnerNode() };
/** Paths wrangler calls that the subset does not cover (CLOUDFLARE-API-NOTES.md, "outside this subset"). */
const OUTSIDE_SUBSET = [
  /\/workers\/services\/[^/]+$/,
  /\/containers\/applications$/,
  /\/workers\/scripts\/[^/]+\/references$/,
  /\/workers\/tails\/by-consumer\/[^/]+$/,
];

/**
 * Where the 2024 spec in the subset is older than the API wrangler 4.164 talks to, the fake follows the API:
 * `usage_model: "standard"` (Workers Standard pricing, after the spec's bundled|unbound) and binding types the
 * spec's list lacks (ai, secret_text, version_metadata). Every other schema error fails the test.
 */
function knownDeviation(path: string, body: any): boolean {
  if (/\/usage_model$/.test(path)) return body?.result?.usage_model === "standard";
  const binding = /^\/result\/bindings\/(\d+)(\/|$)/.exec(path);
  return binding !== null && ["ai", "secret_text", "version_metadata"].includes(body?.result?.bindings?.[Number(binding[1])]?.type);
}

describe("wrangler 4.164.0 on Node 24 against the fake Cloudflare API", () => {
  let cf: FakeCloudflare;
  let project: WranglerProject;
  const ok = async (args: string[], stdin?: string) => {
    const run = await project.run(args, { stdin });
    expect(run.code, `wrangler ${args.join(" ")}\n${run.stdout}\n${run.stderr}`).toBe(0);
    return run;
  };
  beforeAll(async () => {
    cf = await startFakeCloudflare({ kvNamespaces: ["latest-cache"] });
    project = await createWranglerProject(cf, { name: "latest-worker", kvNamespaceId: cf.state.namespaces()[0]!.id }, tool);
  });
  afterAll(async () => {
    await cf.close();
    await project.dispose();
  });

  it("runs on Node 24", async () => {
    expect((await ok(["--version"])).stdout).toContain("4.164.0");
  });

  it("kv namespace create and list", async () => {
    const created = await ok(["kv", "namespace", "create", "made-by-latest"]);
    expect(created.code).toBe(0);
    expect(cf.state.namespaces().map((n) => n.title)).toContain("made-by-latest");
    const listed = JSON.parse((await ok(["kv", "namespace", "list"])).stdout) as { title: string }[];
    expect(listed.map((n) => n.title)).toEqual(expect.arrayContaining(["latest-cache", "made-by-latest"]));
  });

  it("deploys a new worker with secrets in the upload, then the existing one again", async () => {
    await project.write("secrets.json", JSON.stringify({ API_KEYS: "sk-1" }));
    const first = await ok(["deploy", "--secrets-file", "secrets.json", "--tag", "t1", "--message", "first"]);
    expect(first.record("deploy")).toMatchObject({
      worker_name: "latest-worker",
      targets: expect.arrayContaining(["https://latest-worker.fake-account.workers.dev"]),
    });
    expect(cf.state.secrets("latest-worker")).toEqual({ API_KEYS: "sk-1" });
    await project.write("secrets.json", JSON.stringify({ API_KEYS: "sk-2" }));
    const second = await ok(["deploy", "--secrets-file", "secrets.json", "--tag", "t2", "--message", "second"]);
    expect(second.record("deploy")!.version_id).toBe(cf.state.deployedVersion("latest-worker")!.id);
    expect(cf.state.secrets("latest-worker")).toEqual({ API_KEYS: "sk-2" });
    expect(cf.state.script("latest-worker")!.versions.map((v) => v.annotations["workers/tag"])).toEqual(["t1", "t2"]);
  });

  it("uploads a preview version with an alias and reports its URLs", async () => {
    const run = await ok(["versions", "upload", "--preview-alias", "pr-3", "--tag", "t3", "--message", "preview"]);
    const record = run.record("version-upload")!;
    expect(record.preview_alias_url).toBe("https://pr-3-latest-worker.fake-account.workers.dev");
    expect(cf.state.script("latest-worker")!.aliases.get("pr-3")).toBe(record.version_id);
    expect(cf.state.deployedVersion("latest-worker")!.annotations["workers/tag"]).toBe("t2");
  });

  it("rolls back to the previous deployment's version, confirming the changed secret itself (CI)", async () => {
    const script = cf.state.script("latest-worker")!;
    const target = script.versions[0]!;
    await ok(["rollback", "--message", "back"]);
    expect(cf.state.deployedVersion("latest-worker")!.id).toBe(target.id);
  });

  it("creates a Worker Preview with its own URL and secrets, updates it, and deletes it", async () => {
    await project.write(
      "wrangler.jsonc",
      JSON.stringify({
        name: "latest-worker",
        main: "index.js",
        compatibility_date: "2026-04-01",
        kv_namespaces: [{ binding: "CACHE", id: cf.state.namespaces()[0]!.id }],
        previews: { kv_namespaces: [{ binding: "CACHE", id: cf.state.namespaces()[1]!.id }] },
      }),
    );
    await project.write("secrets.json", JSON.stringify({ API_KEYS: "sk-preview" }));
    const created = await ok(["preview", "--name", "pr-3", "--tag", "p1", "--message", "PR 3", "--secrets-file", "secrets.json"]);
    expect(created.record("preview")).toMatchObject({
      worker_name: "latest-worker",
      preview_name: "pr-3",
      preview_urls: ["https://pr-3-latest-worker.fake-account.workers.dev"],
    });
    const preview = cf.state.script("latest-worker")!.previews.get("pr-3")!;
    expect(preview.deployments[0]!.env).toEqual({
      CACHE: { type: "kv_namespace", namespace_id: cf.state.namespaces()[1]!.id },
      API_KEYS: { type: "secret_text", text: "sk-preview" },
    });
    // A later run without the secret inherits it from the latest deployment.
    await ok(["preview", "--name", "pr-3", "--tag", "p2", "--message", "PR 3 again"]);
    expect(preview.deployments[1]!.env.API_KEYS).toEqual({ type: "secret_text", text: "sk-preview" });
    await ok(["preview", "delete", "--name", "pr-3", "--skip-confirmation"]);
    expect(cf.state.script("latest-worker")!.previews.size).toBe(0);
  });

  it("deletes a worker with a Durable Object, after asking for its namespaces and container applications", async () => {
    await project.write(
      "index.js",
      "export class Counter { fetch() { return new Response('1'); } }\nexport default { fetch() { return new Response('ok'); } };\n",
    );
    await project.write(
      "wrangler.jsonc",
      JSON.stringify({
        name: "latest-worker",
        main: "index.js",
        compatibility_date: "2026-04-01",
        durable_objects: { bindings: [{ name: "COUNTER", class_name: "Counter" }] },
        migrations: [{ tag: "v1", new_sqlite_classes: ["Counter"] }],
      }),
    );
    await ok(["deploy"]);
    await ok(["delete"]);
    expect(cf.state.script("latest-worker")).toBeUndefined();
    expect(cf.find("GET", `/accounts/${cf.accountId}/workers/durable_objects/namespaces`).length).toBeGreaterThan(0);
    expect(cf.find("GET", `/accounts/${cf.accountId}/containers/applications`).length).toBeGreaterThan(0);
  });

  it("every answer the fake gave validates against the OpenAPI subset", () => {
    const findings = cf.exchanges.map(checkExchange).filter((f): f is Finding => f !== undefined);
    const outside = findings.filter(
      (f) => f.problem === "path not in the OpenAPI subset" && OUTSIDE_SUBSET.some((p) => p.test(f.request.split(" ")[1]!)),
    );
    const deviating = findings.filter(
      (f) => f.paths?.length && f.paths.every((p) => p === "" || knownDeviation(p, f.body)) && f.paths.some((p) => p !== ""),
    );
    expect(
      findings.filter((f) => !outside.includes(f) && !deviating.includes(f)).map(({ request, problem }) => ({ request, problem })),
    ).toEqual([]);
    expect(cf.exchanges.length - findings.length).toBeGreaterThan(30);
  });
});
