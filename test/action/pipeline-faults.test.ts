// The pipeline against a misbehaving Cloudflare: retried bursts, a creation race, a broken upload, and a
// user's malformed config (which must fail before anything is written).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addNamespace } from "../fakes/cloudflare-api/kv.js";
import { IN_PROCESS_WRANGLER, pushEvent, RUNNERS, startWorld, writeCustomWorker, writes, type World } from "../helpers/pipeline-world.js";
import { WRANGLER_VERSIONS } from "../helpers/toolchain.js";

// From the bundle, and from src/ in the test process (which runs only the wrangler its Node can run).
describe.each(RUNNERS)("$label", ({ runner }) => {
  let world: World;
  let workspace: string;
  let dir: string;
  beforeEach(async () => {
    world = await startWorld({ runner });
    workspace = mkdtempSync(join(tmpdir(), "workspace-"));
    dir = writeCustomWorker(workspace);
  });
  afterEach(() => world.close());

  const namespacesPath = () => `/accounts/${world.cf.accountId}/storage/kv/namespaces`;
  const deploy = (inputs: Record<string, string> = {}) =>
    world.run({ workspace, event: pushEvent, inputs: { "worker-directory": dir, "smoke-test": "false", ...inputs } });

  describe("retried faults", () => {
    it("429 and 500 bursts on the KV API are retried until they pass", async () => {
      world.cf.inject({
        method: "GET",
        path: namespacesPath(),
        status: 429,
        code: 10000,
        message: "Too many requests",
        headers: { "retry-after": "0" },
        times: 2,
      });
      world.cf.inject({ method: "POST", path: namespacesPath(), status: 500, code: 10001, message: "Internal error", times: 2 });
      const run = await deploy();
      expect(run.code, run.stdout).toBe(0);
      expect(world.cf.find("POST", namespacesPath())).toHaveLength(3);
      expect(world.cf.state.namespaces().filter((n) => n.title === "my-api-CACHE")).toHaveLength(1);
    }, 120_000);

    it("another run creating the namespace at the same moment (10014) is resolved by listing again", async () => {
      world.cf.inject({
        method: "POST",
        path: namespacesPath(),
        status: 400,
        code: 10014,
        message: "A namespace with this account ID and title already exists.",
        times: 1,
        onMatch: () => addNamespace(world.cf.state.account(), "my-api-CACHE", world.cf.state.now()),
      });
      const run = await deploy();
      expect(run.code, run.stdout).toBe(0);
      const namespaces = world.cf.state.namespaces().filter((n) => n.title === "my-api-CACHE");
      expect(namespaces).toHaveLength(1);
      expect(JSON.parse(run.outputs["kv-namespaces"])).toEqual({ CACHE: namespaces[0].id });
      expect(run.stdout).toContain("created concurrently by another run");
    }, 120_000);

    it("a namespace deleted by hand is created again", async () => {
      expect((await deploy()).code).toBe(0);
      const [ns] = world.cf.state.namespaces();
      world.cf.state.account().namespaces.delete(ns.id);
      const run = await deploy();
      expect(run.code, run.stdout).toBe(0);
      const again = world.cf.state.namespaces().find((n) => n.title === "my-api-CACHE")!;
      expect(again.id).not.toBe(ns.id);
      expect(world.cf.state.deployedVersion("my-api")!.bindings).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: "CACHE", namespace_id: again.id })]),
      );
    }, 180_000);
  });

  describe.each(runner === "src" ? [IN_PROCESS_WRANGLER] : WRANGLER_VERSIONS)("failures, with wrangler %s", (version) => {
    it("a persistent 500 on the upload fails the deploy stage, saying what failed", async () => {
      world.cf.inject({
        method: "PUT",
        path: `/accounts/${world.cf.accountId}/workers/scripts/my-api`,
        status: 500,
        code: 10013,
        message: "An unknown error has occurred",
      });
      const run = await deploy({ "wrangler-version": version });
      expect(run.code).toBe(1);
      expect(run.errors[0]).toMatch(
        /^deploy stage failed: wrangler deploy failed \(exit 1\): A request to the Cloudflare API \(.*\/workers\/scripts\/my-api\) failed\. An unknown error has occurred \[code: 10013\]/,
      );
      expect(run.summary).toMatch(/\| deploy \| [\d.]+ s \| ❌/);
      expect(world.cf.state.script("my-api")).toBeUndefined();
    }, 120_000);

    it.each([
      [
        "wrangler.toml",
        'name = "my-api"\nmain = "index.js"\ncompatibility_date = = "2026-04-01"\n',
        "my-worker/wrangler.toml:3:22: invalid TOML: invalid value",
      ],
      [
        "wrangler.jsonc",
        '{\n  "name": "my-api",\n  "main": "index.js"\n  "compatibility_date": "2026-04-01"\n}\n',
        "my-worker/wrangler.jsonc:4:3: invalid JSON: comma expected",
      ],
    ])(
      "a malformed %s fails with file, line and column, before any request",
      async (file, text, message) => {
        const ws = mkdtempSync(join(tmpdir(), "workspace-"));
        const d = writeCustomWorker(ws, "my-api", { [file]: text });
        if (file !== "wrangler.jsonc") (await import("node:fs")).rmSync(join(ws, d, "wrangler.jsonc"));
        const run = await world.run({ workspace: ws, event: pushEvent, inputs: { "worker-directory": d } });
        expect(run.code).toBe(1);
        expect(run.errors[0]).toBe(`plan stage failed: ${message}`);
        expect(world.cf.requests).toEqual([]);
        expect(writes(world.cf)).toEqual([]);
      },
      60_000,
    );

    it("contract tests that fail stop the pipeline: nothing is deployed", async () => {
      const ws = mkdtempSync(join(tmpdir(), "workspace-"));
      const d = writeCustomWorker(ws, "my-api", {
        "index.js": 'export default { fetch() { return new Response("broken", { status: 500 }); } };\n',
      });
      const run = await world.run({ workspace: ws, event: pushEvent, inputs: { "worker-directory": d, "wrangler-version": version } });
      expect(run.code).toBe(1);
      expect(run.errors[0]).toMatch(/^contract stage failed: 1 of 1 contract checks failed, so nothing was deployed/);
      expect(run.summary).toContain("**smoke › GET / answers below 500**: GET / answered 500");
      expect(world.cf.state.script("my-api")).toBeUndefined();
    }, 120_000);
  });
});
