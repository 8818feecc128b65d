// dist/index.js as a runner runs it, against the fake Cloudflare and GitHub APIs: the production path; and the same
// scenarios from src/ in the test process (run-in-process.ts), so a change in src/ is tested before it is bundled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API_KEYS,
  pullRequestEvent,
  pushEvent,
  RUNNERS,
  scheduleEvent,
  startWorld,
  VARIANTS,
  writes,
  type World,
} from "../helpers/pipeline-world.js";
import type { ActionRun } from "../helpers/run-action.js";

const uploads = (world: World, name: string) =>
  world.cf.requests.filter(
    (r) => (r.method === "PUT" || r.method === "POST") && new RegExp(`/workers/scripts/${name}(/versions)?$`).test(r.path),
  );

// The lifecycle runs the bundle with the oldest supported wrangler and with today's (the default), both on Node 24,
// and src/ in-process with the oldest (the one that runs on the test process's Node).
describe.each(VARIANTS)("push, twice, then a scheduled run: $label", ({ runner, version }) => {
  const W = { "wrangler-version": version };
  let world: World;
  let first: ActionRun;
  let second: ActionRun;
  let scheduled: ActionRun;
  let requestsAfterSecond = 0;
  let liveAfterSecond = "";
  beforeAll(async () => {
    world = await startWorld({ runner });
    first = await world.run({ event: pushEvent, inputs: { ...W, "api-keys": API_KEYS, "worker-name": "my-proxy" } });
    second = await world.run({ event: pushEvent, inputs: { ...W, "api-keys": API_KEYS, "worker-name": "my-proxy" } });
    requestsAfterSecond = world.cf.requests.length;
    liveAfterSecond = world.cf.state.deployedVersion("my-proxy")!.id;
    scheduled = await world.run({ event: scheduleEvent, inputs: { ...W, "api-keys": API_KEYS, "worker-name": "my-proxy" } });
  }, 240_000);
  afterAll(() => world.close());

  it("deploys, with outputs for the URL, version and namespaces", () => {
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ mode: "deploy", "worker-url": "https://my-proxy.fake-account.workers.dev" });
    expect(second.outputs["version-id"]).toBe(liveAfterSecond);
    const namespaces = JSON.parse(first.outputs["kv-namespaces"]);
    expect(namespaces).toEqual({ CACHE: world.cf.state.namespaces().find((n) => n.title === "my-proxy-CACHE")!.id });
  });

  it("is idempotent: the second run finds the namespace instead of creating another", () => {
    expect(second.code, second.stdout).toBe(0);
    expect(world.cf.state.namespaces().filter((n) => n.title === "my-proxy-CACHE")).toHaveLength(1);
    expect(JSON.parse(second.outputs["kv-namespaces"])).toEqual(JSON.parse(first.outputs["kv-namespaces"]));
    expect(second.summary).toMatch(/\| `CACHE` \| `my-proxy-CACHE` \| `[0-9a-f]{32}` \| found \|/);
  });

  it("binds the namespace and uploads the keys with the code", () => {
    const live = world.cf.state.deployedVersion("my-proxy")!;
    expect(live.bindings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "CACHE", type: "kv_namespace", namespace_id: JSON.parse(first.outputs["kv-namespaces"]).CACHE }),
      ]),
    );
    expect(world.cf.state.secrets("my-proxy")).toEqual({ API_KEYS });
    expect(live.annotations["workers/tag"]).toMatch(/^cfap-[0-9a-f]{16}$/);
  });

  it("smoke-tests the live worker with the first key", () => {
    const smoke = world.edge.requests.filter((r) => r.path === "/v1/models");
    expect(smoke.length).toBeGreaterThanOrEqual(3);
    expect(smoke.every((r) => r.headers.authorization === "Bearer sk-live-key-1")).toBe(true);
  });

  it("shows the deployed proxy's usage of the last 7 days in the job summary, read with the first key", () => {
    const usage = world.edge.requests.filter((r) => r.path.startsWith("/v1/organization/usage/"));
    expect(usage.length).toBeGreaterThanOrEqual(5);
    expect(usage.every((r) => r.headers.authorization === "Bearer sk-live-key-1")).toBe(true);
    expect(first.summary).toContain("### Usage, last 7 days");
    const today = new Date().toISOString().slice(0, 10);
    expect(first.summary).toContain(`| ${today} | 3 | 90 | 13 | 1 | 0 | \`@cf/google/gemma-4-26b-a4b-it\` |`);
  });

  it("a scheduled run with nothing changed uploads nothing but still checks namespaces and smoke-tests", () => {
    expect(scheduled.code, scheduled.stdout).toBe(0);
    const fresh = world.cf.requests.slice(requestsAfterSecond);
    expect(fresh.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(fresh.some((r) => r.path.endsWith("/storage/kv/namespaces"))).toBe(true);
    expect(scheduled.summary).toContain("nothing to upload");
    expect(scheduled.outputs["version-id"]).toBe(liveAfterSecond);
    // The tag is derived from the keys: it stays between the action and Cloudflare.
    const tag = world.cf.state.deployedVersion("my-proxy")!.annotations["workers/tag"]!;
    for (const run of [first, second, scheduled]) expect(run.summary + run.stdout).not.toContain(tag);
  });

  it("a scheduled run redeploys when the configuration changed", async () => {
    const before = uploads(world, "my-proxy").length;
    const run = await world.run({
      event: scheduleEvent,
      inputs: { ...W, "api-keys": API_KEYS, "worker-name": "my-proxy", vars: "GREETING=changed" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(uploads(world, "my-proxy").length).toBe(before + 1);
  }, 120_000);

  it("writes a summary with the stages and contract results", () => {
    expect(first.summary).toContain("## cf-ai-proxy-action: deploy");
    for (const stage of ["plan", "provision", "patch", "contract", "deploy", "smoke"])
      expect(first.summary).toMatch(new RegExp(`\\| ${stage} \\| \\d+\\.\\d\\d s \\| ✅`));
    expect(first.summary).toContain("### Contract tests");
    expect(first.outputs["contract-report"]).toMatch(/contract-report\.json$/);
  });

  it("never prints the token or the keys", () => {
    for (const run of [first, second, scheduled]) {
      const printed = run.stdout.replace(/::add-mask::.*\n/g, "") + run.stderr + run.summary + JSON.stringify(run.outputs);
      expect(printed).not.toContain(world.cf.token);
      expect(printed).not.toContain("sk-live-key-1");
    }
  });
});

describe.each(RUNNERS)("refusals before anything is written: $label", ({ runner }) => {
  let world: World;
  beforeAll(async () => (world = await startWorld({ runner })));
  afterAll(() => world.close());

  it("the shipped proxy without api-keys and without an API_KEYS secret", async () => {
    const run = await world.run({ event: pushEvent, inputs: { "worker-name": "keyless" } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /^preflight stage failed: the proxy would refuse every request: input "api-keys" is empty and worker keyless has no API_KEYS secret/,
    );
    expect(run.errors[0]).toContain("secrets.PROXY_API_KEYS");
    expect(writes(world.cf)).toEqual([]);
  }, 120_000);

  it("a wrong token is refused in preflight, with Cloudflare's reason and what to check", async () => {
    const run = await world.run({
      event: pushEvent,
      inputs: { "api-keys": API_KEYS, "api-token": "wrong-token-wrong-token-wrong-token-1234" },
    });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toBe(
      "preflight stage failed: Cloudflare refused to read the account (HTTP 401): Authentication error [code: 10000] — the API token is invalid or expired",
    );
    expect(writes(world.cf)).toEqual([]);
  }, 120_000);

  it("a wrong account id is refused in preflight, saying to check it", async () => {
    const run = await world.run({ event: pushEvent, inputs: { "api-keys": API_KEYS, "account-id": "ffffffffffffffffffffffffffffffff" } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /^preflight stage failed: Cloudflare refused to read the account \(HTTP 404\): .*\[code: 7003\].* — check account-id/,
    );
    expect(writes(world.cf)).toEqual([]);
  }, 120_000);

  it("an api-keys entry that is not key, project:key or project:name:key is refused, naming its position, never the key", async () => {
    const run = await world.run({ event: pushEvent, inputs: { "api-keys": "sk-fine-1,bad*project:sk-secret-2", "worker-name": "keys" } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/^inputs stage failed: input "api-keys": entry 2 \(of 2\) has a project name/);
    expect(run.errors[0]).not.toContain("sk-secret-2");
    expect(writes(world.cf)).toEqual([]);
  }, 120_000);

  it("deploy without an API token names the input", async () => {
    const run = await world.run({ event: pushEvent, inputs: { "api-token": "", "api-keys": API_KEYS } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/preflight stage failed: input "api-token": mode "deploy" talks to Cloudflare and needs an API token/);
    expect(writes(world.cf)).toEqual([]);
  }, 120_000);
});

describe.each(RUNNERS)("keys with projects: $label", ({ runner }) => {
  let world: World;
  beforeAll(async () => (world = await startWorld({ runner })));
  afterAll(() => world.close());

  it("uploads the entries as they are, smoke-tests with the first entry's key alone, and masks every part", async () => {
    const keys = "team:ci:sk-live-key-1,home:sk-home-key-2";
    const run = await world.run({ event: pushEvent, inputs: { "api-keys": keys, "worker-name": "team-proxy" } });
    expect(run.code, run.stdout).toBe(0);
    expect(world.cf.state.secrets("team-proxy")).toEqual({ API_KEYS: keys });
    const smoke = world.edge.requests.filter((r) => r.path === "/v1/models");
    expect(smoke.length).toBeGreaterThan(0);
    expect(smoke.every((r) => r.headers.authorization === "Bearer sk-live-key-1")).toBe(true);
    for (const secret of ["sk-live-key-1", "ci:sk-live-key-1", "sk-home-key-2"]) expect(run.stdout).toContain(`::add-mask::${secret}`);
  }, 120_000);
});

describe.each(VARIANTS)("smoke test failure: $label", ({ runner, version }) => {
  const W = { "wrangler-version": version };
  let world: World;
  beforeAll(async () => (world = await startWorld({ runner })));
  afterAll(() => world.close());

  it("rolls back to the version that was live before, and fails saying both", async () => {
    const good = await world.run({ event: pushEvent, inputs: { ...W, "api-keys": API_KEYS, "worker-name": "rolling" } });
    expect(good.code, good.stdout).toBe(0);
    const goodVersion = good.outputs["version-id"];
    world.edge.status = 500;
    const bad = await world.run({
      event: pushEvent,
      inputs: { ...W, "api-keys": API_KEYS, "worker-name": "rolling", vars: "BROKEN=yes" },
      env: { CF_AI_PROXY_SMOKE_DEADLINE_MS: "1500" },
    });
    world.edge.status = 200;
    expect(bad.code).toBe(1);
    expect(bad.errors[0]).toMatch(/^smoke stage failed: smoke test failed after \d+ attempt\(s\): GET .*\/v1\/models answered 500/);
    expect(bad.errors[0]).toContain(`rolled back to version ${goodVersion}, which was live before this run`);
    expect(world.cf.state.deployedVersion("rolling")!.id).toBe(goodVersion);
  }, 240_000);

  it("a push that rotates the keys and fails its smoke test never leaves the old keys live, and says what failed and what the rollback did", async () => {
    const oldKeys = "sk-live-key-1,sk-revoked-key-2";
    const newKeys = "sk-live-key-1,sk-new-key-3";
    const good = await world.run({ event: pushEvent, inputs: { ...W, "api-keys": oldKeys, "worker-name": "rotating" } });
    expect(good.code, good.stdout).toBe(0);
    const goodVersion = world.cf.state.deployedVersion("rotating")!;
    const deploymentsBefore = world.cf.state.script("rotating")!.deployments.length;
    world.edge.status = 500;
    const bad = await world.run({
      event: pushEvent,
      inputs: { ...W, "api-keys": newKeys, "worker-name": "rotating", vars: "BROKEN=yes" },
      env: { CF_AI_PROXY_SMOKE_DEADLINE_MS: "1500" },
    });
    world.edge.status = 200;
    expect(bad.code).toBe(1);
    expect(bad.errors[0]).toMatch(/^smoke stage failed: smoke test failed after \d+ attempt\(s\): GET .*\/v1\/models answered 500/);
    expect(bad.errors[0]).toContain(
      `redeployed the code of version ${goodVersion.id}, which was live before this run, with the current secrets (API_KEYS changed since then)`,
    );
    // Live now: the good version's code and vars, the new keys. No deployment since the bad push served the old keys.
    const script = world.cf.state.script("rotating")!;
    const live = world.cf.state.deployedVersion("rotating")!;
    const keysOf = (v: typeof live) => v.bindings.find((b) => b.name === "API_KEYS")?.text;
    expect(keysOf(live)).toBe(newKeys);
    expect(live.id).not.toBe(goodVersion.id);
    expect(live.modules.map((m) => [m.name, m.content.toString("base64")])).toEqual(
      goodVersion.modules.map((m) => [m.name, m.content.toString("base64")]),
    );
    expect(live.bindings.some((b) => b.name === "BROKEN")).toBe(false);
    for (const d of script.deployments.slice(deploymentsBefore)) {
      const served = script.versions.find((v) => v.id === d.versions[0]!.version_id)!;
      expect(keysOf(served)).toBe(newKeys);
    }
    expect(world.cf.requests.filter((r) => r.query.force === "true")).toEqual([]);
  }, 240_000);
});

describe.each(VARIANTS)("runs that deploy nothing: $label", ({ runner, version }) => {
  const W = { "wrangler-version": version };
  let world: World;
  beforeAll(async () => (world = await startWorld({ runner })));
  afterAll(() => world.close());

  it("a dry run with no credentials sends no request to Cloudflare", async () => {
    const run = await world.run({ inputs: { ...W, mode: "dry-run", "api-token": "", "account-id": "" } });
    expect(run.code, run.stdout).toBe(0);
    expect(world.cf.requests).toEqual([]);
  }, 120_000);

  it("a closed pull request from a fork has nothing to clean up, and says so", async () => {
    const run = await world.run({
      event: pullRequestEvent("closed", 8, true),
      inputs: { ...W, "api-token": "", "account-id": "", "api-keys": "" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/::notice::Pull request #8 comes from a fork: it never had a preview, so there is nothing to clean up/);
    expect(world.cf.requests).toEqual([]);
  }, 120_000);

  it("a pull request without the token secret (Dependabot) is tested, not deployed, and says why", async () => {
    const run = await world.run({ event: pullRequestEvent("opened", 8), inputs: { ...W, "api-token": "", "api-keys": "" } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.mode).toBe("test");
    expect(run.stdout).toMatch(/::notice::Pull request #8 runs without the api-token secret/);
    expect(world.cf.requests).toEqual([]);
  }, 120_000);

  it("a pull request from a fork runs the contract tests, deploys nothing and says why", async () => {
    const run = await world.run({
      event: pullRequestEvent("opened", 8, true),
      inputs: { ...W, "api-token": "", "account-id": "", "api-keys": "" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.mode).toBe("test");
    expect(run.stdout).toMatch(/::notice::Pull request #8 comes from a fork/);
    expect(run.summary).toMatch(/\| contract \| [\d.]+ s \| ✅/);
    expect(world.cf.requests).toEqual([]);
    expect(world.gh.requests).toEqual([]);
  }, 120_000);
});
