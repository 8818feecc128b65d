// The contract stage in the Miniflare of the wrangler in use (4: options as written; 5: through its converter),
// including configs only wrangler's own API can translate (here a queue producer), for every tested wrangler.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorld, writeCustomWorker, type World } from "../helpers/pipeline-world.js";
import { WRANGLER_VERSIONS } from "../helpers/toolchain.js";

describe.each(WRANGLER_VERSIONS)("contract tests with wrangler %s", (version) => {
  let world: World;
  beforeAll(async () => (world = await startWorld()));
  afterAll(() => world.close());

  it("a config with a binding only wrangler translates runs in that wrangler's Miniflare", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "workspace-"));
    const config = `{\n  "name": "queued",\n  "main": "index.js",\n  "compatibility_date": "2026-04-01",\n  "queues": { "producers": [{ "binding": "JOBS", "queue": "jobs" }] },\n  "vars": { "CONTRACT_GROUPS": "smoke" }\n}\n`;
    const index = `export default { async fetch(request, env) { await env.JOBS.send({ at: request.url }); return new Response("queued"); } };\n`;
    const dir = writeCustomWorker(workspace, "queued", { "wrangler.jsonc": config, "index.js": index });
    const run = await world.run({
      workspace,
      inputs: { mode: "test", "worker-directory": dir, "wrangler-version": version, "api-token": "", "account-id": "" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^wrangler ${version.replaceAll(".", "\\.")} \\((action|tool-cache)\\)$`, "m"));
    expect(run.stdout).toMatch(/✓ smoke › GET \/ answers below 500/);
    expect(world.cf.requests).toEqual([]);
  }, 120_000);
});
