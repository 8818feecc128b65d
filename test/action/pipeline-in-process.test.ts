// The pipeline imported from src/ (not the bundle) with a recording host, against the fake Cloudflare and GitHub
// APIs: deploy and preview runs, their stages in order, and the gated deploy released when the tests fail.
// wrangler 4.86.0: it runs on this Node (vitest's), and it is the one the gated deploy is proven with.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEYS, pullRequestEvent, pushEvent, startWorld, writes, type World } from "../helpers/pipeline-world.js";
import { runInProcess, runInProcessAsAction, type InProcessRun } from "../helpers/run-in-process.js";

/** wrangler deploys started by this process (runWrangler spawns them directly) that still wait on their secrets pipe. */
const waitingWranglers = () =>
  execFileSync("ps", ["--ppid", String(process.pid), "-o", "args="], { encoding: "utf8" })
    .split("\n")
    .filter((args) => args.includes("--secrets-file"));

const W = { "wrangler-version": "4.86.0" };
const GATE_LINE = "wrangler deploy starts now and waits for the contract tests before it uploads anything";

describe("in-process runs of src/", () => {
  let world: World;
  beforeAll(async () => (world = await startWorld()));
  afterAll(() => world.close());

  let deployed: InProcessRun;
  it("deploy mode: every stage in order, the gated deploy released with the keys, the worker smoke-tested", async () => {
    deployed = await runInProcess(world, { event: pushEvent, inputs: { ...W, "api-keys": API_KEYS, "worker-name": "inproc" } });
    const { host, report } = deployed;
    expect(host.failure, host.lines.join("\n")).toBeUndefined();
    expect(report.stages.map((s) => [s.name, s.ok])).toEqual(
      ["inputs", "plan", "preflight", "provision", "patch", "contract", "deploy", "smoke", "report"].map((n) => [n, true]),
    );
    expect(report.stages.every((s) => Number.isInteger(s.ms) && s.ms >= 0)).toBe(true);
    expect(host.lines).toContain(GATE_LINE);
    expect(host.outputs).toMatchObject({ mode: "deploy", "worker-url": "https://inproc.fake-account.workers.dev" });
    expect(host.outputs["version-id"]).toBe(world.cf.state.deployedVersion("inproc")!.id);
    expect(world.cf.state.secrets("inproc")).toEqual({ API_KEYS });
    expect(host.summary).toContain("## cf-ai-proxy-action: deploy\n");
    expect(host.secrets).toEqual(expect.arrayContaining(["sk-live-key-1", "sk-live-key-2"]));
  }, 120_000);

  it("deploy mode with failing contract tests: the waiting wrangler is stopped before it writes anything", async () => {
    const before = writes(world.cf).length;
    const { host, report } = await runInProcess(world, {
      event: pushEvent,
      inputs: { ...W, "api-keys": API_KEYS, "worker-name": "inproc-broken", vars: "CACHE_TTL_SECONDS=soon" },
    });
    expect(host.lines).toContain(GATE_LINE);
    expect(host.failure).toMatch(/^contract stage failed: \d+ of \d+ contract checks failed, so nothing was deployed/);
    expect(report.stages.map((s) => s.name)).toEqual(["inputs", "plan", "preflight", "provision", "patch", "contract"]);
    expect(report.stages.at(-1)?.ok).toBe(false);
    // The failing contract stage's results and what the stages before it made are in the report all the same.
    expect(report.contract?.failed).toBeGreaterThan(0);
    expect(report.bundle?.gzipBytes).toBeGreaterThan(0);
    expect(report.namespaces.map((ns) => [ns.title, ns.action])).toEqual([["inproc-broken-CACHE", "created"]]);
    expect(JSON.parse(host.outputs["kv-namespaces"]!)).toEqual({ CACHE: report.namespaces[0]!.id });
    expect(host.outputs["contract-report"]).toMatch(/contract-report\.json$/);
    expect(host.summary).toContain("### Contract tests");
    expect(host.summary).toContain("| `CACHE` | `inproc-broken-CACHE` |");
    expect(
      writes(world.cf)
        .slice(before)
        .filter((r) => r.path.includes("/workers/")),
    ).toEqual([]);
    expect(world.cf.state.script("inproc-broken")).toBeUndefined();
    // wrangler is gone, not waiting on its pipe: no child of this process waits for a secrets file, and nothing
    // else reaches the fake afterwards.
    // (abort() sends SIGTERM and does not wait for the exit: give it a moment.)
    for (let tries = 0; tries < 50 && waitingWranglers().length; tries++) await new Promise((r) => setTimeout(r, 100));
    expect(waitingWranglers()).toEqual([]);
    const seen = world.cf.requests.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(world.cf.requests.length).toBe(seen);
  }, 120_000);

  it("preview mode: a worker of its own for the pull request, with its URL and the sticky comment", async () => {
    const { host, report } = await runInProcess(world, {
      event: pullRequestEvent("opened"),
      inputs: { ...W, "api-keys": API_KEYS, "worker-name": "inproc", "preview-strategy": "worker" },
    });
    expect(host.failure, host.lines.join("\n")).toBeUndefined();
    expect(report.plan?.preview?.strategy).toBe("worker");
    // A worker preview is deployed like production (the deploy stage) but never smoke-tested.
    expect(report.stages.map((s) => s.name)).toEqual(["inputs", "plan", "preflight", "provision", "patch", "contract", "deploy", "report"]);
    expect(host.outputs).toMatchObject({ mode: "preview", "preview-url": "https://inproc-pr-7.fake-account.workers.dev" });
    expect(world.cf.state.script("inproc-pr-7")).toBeDefined();
    expect(host.lines).not.toContain(GATE_LINE);
    const comments = world.gh.state.commentsOn(7);
    expect(comments.some((c) => c.body.includes("https://inproc-pr-7.fake-account.workers.dev"))).toBe(true);
  }, 120_000);

  it("smoke failure: the smoke stage rolls back to the version the deploy stage found live, and fails saying both", async () => {
    const good = world.cf.state.deployedVersion("inproc")!.id;
    world.edge.status = 500;
    const { host, report } = await runInProcess(world, {
      event: pushEvent,
      inputs: { ...W, "api-keys": API_KEYS, "worker-name": "inproc", vars: "BROKEN=yes" },
      env: { CF_AI_PROXY_SMOKE_DEADLINE_MS: "1500" },
    }).finally(() => (world.edge.status = 200));
    expect(host.failure).toMatch(/^smoke stage failed: smoke test failed after \d+ attempt\(s\): GET .*\/v1\/models answered 500/);
    expect(host.failure).toContain(`rolled back to version ${good}, which was live before this run`);
    expect(report.stages.map((s) => [s.name, s.ok]).slice(-2)).toEqual([
      ["deploy", true],
      ["smoke", false],
    ]);
    expect(world.cf.state.deployedVersion("inproc")!.id).toBe(good);
    // What the stages did before and during the failure is still reported: the version the deploy stage made (now
    // rolled back) and the rollback the failing smoke stage did.
    expect(report.versionId).not.toBe(good);
    expect(host.outputs).toMatchObject({ "version-id": report.versionId, "worker-url": "https://inproc.fake-account.workers.dev" });
    expect(report.facts).toEqual([`Rollback: rolled back to version ${good}, which was live before this run.`]);
    expect(host.summary).toContain(`- Rollback: rolled back to version ${good}, which was live before this run.`);
    expect(host.summary).toContain(`| Version | \`${report.versionId}\` |`);
  }, 120_000);

  it("a preview whose contract tests fail: the pull request is told so, with the results, and the summary keeps its namespace", async () => {
    const { host, report } = await runInProcess(world, {
      event: pullRequestEvent("opened", 8),
      inputs: { ...W, "api-keys": API_KEYS, "worker-name": "inproc-failing", "preview-strategy": "worker", vars: "CACHE_TTL_SECONDS=soon" },
    });
    expect(host.failure).toMatch(/^contract stage failed: \d+ of \d+ contract checks failed/);
    expect(report.namespaces.map((ns) => ns.title)).toEqual(["inproc-failing-pr-8-CACHE-preview"]);
    expect(host.summary).toContain("### KV namespaces");
    const comment = world.gh.state.commentsOn(8).find((c) => c.body.includes("cf-ai-proxy-action:preview:inproc-failing"))!;
    expect(comment.body).toContain("### ❌ Preview of `inproc-failing` not deployed: contract tests failed at");
    expect(comment.body).toContain(`Contract tests: **${report.contract!.passed} passed, ${report.contract!.failed} failed**`);
    expect(world.cf.state.script("inproc-failing-pr-8")).toBeUndefined();
  }, 120_000);

  it("cleanup mode: the closed pull request's preview worker is deleted, production untouched", async () => {
    const { host, report } = await runInProcess(world, {
      event: pullRequestEvent("closed"),
      inputs: { ...W, "api-keys": "", "worker-name": "inproc", "preview-strategy": "worker" },
    });
    expect(host.failure, host.lines.join("\n")).toBeUndefined();
    expect(report.stages.map((s) => s.name)).toEqual(["inputs", "plan", "preflight", "cleanup", "report"]);
    expect(host.outputs.mode).toBe("cleanup");
    expect(world.cf.state.script("inproc-pr-7")).toBeUndefined();
    expect(world.cf.state.script("inproc")).toBeDefined();
  }, 120_000);

  it("dry-run mode: the build stages and wrangler's dry run, nothing written", async () => {
    const before = writes(world.cf).length;
    const { host, report } = await runInProcess(world, {
      event: pushEvent,
      inputs: { ...W, mode: "dry-run", "worker-name": "inproc-dry" },
    });
    expect(host.failure, host.lines.join("\n")).toBeUndefined();
    expect(report.stages.map((s) => s.name)).toEqual(["inputs", "plan", "preflight", "provision", "patch", "contract", "deploy", "report"]);
    expect(report.stages.find((s) => s.name === "deploy")?.detail).toMatch(/^wrangler deploy --dry-run: .* KiB gzip, nothing uploaded$/);
    expect(writes(world.cf).length).toBe(before);
  }, 120_000);

  it("a preflight that fails after planning the preview again reports the plan it failed with, and writes nothing", async () => {
    const { host, report } = await runInProcess(world, {
      event: pullRequestEvent("opened", 8),
      inputs: { ...W, "api-keys": "", "worker-name": "inproc-nokeys" },
    });
    expect(host.failure).toMatch(/^preflight stage failed: the proxy would refuse every request: input "api-keys" is empty/);
    expect(report.plan?.targetName).toBe("inproc-nokeys-pr-8");
    expect(report.plan?.preview?.strategy).toBe("worker");
    expect(host.summary).toContain("## cf-ai-proxy-action: preview failed");
    expect(writes(world.cf).filter((r) => r.path.includes("inproc-nokeys"))).toEqual([]);
  }, 120_000);
});

// The bad inputs dist-e2e.test.ts gives the bundle, given to src/: each fails in the stage that reads it, naming it.
describe("in-process runs of src/ on bad input", () => {
  let world: World;
  beforeAll(async () => (world = await startWorld()));
  afterAll(() => world.close());
  const run = (o: Parameters<typeof runInProcessAsAction>[1]) => runInProcessAsAction(world, { ...o, inputs: { ...W, ...o.inputs } });

  it("an unknown mode fails the inputs stage, naming the input", async () => {
    const bad = await run({ inputs: { mode: "sideways" } });
    expect(bad.code).toBe(1);
    expect(bad.errors).toEqual([
      `inputs stage failed: input "mode": "sideways" is not one of auto | deploy | preview | cleanup | test | dry-run`,
    ]);
    expect(bad.summary).toContain("## cf-ai-proxy-action: not started failed");
  });

  it("a malformed vars line fails, naming the line", async () => {
    const bad = await run({ inputs: { mode: "dry-run", vars: "A=1\nthis is not a var" } });
    expect(bad.errors[0]).toContain('input "vars": line 2: expected KEY=VALUE');
  });

  it("a var wrangler cannot bind is refused in the provision stage, before anything is written", async () => {
    const bad = await run({ inputs: { mode: "dry-run", vars: "GREETING=hi\ntoString=x" } });
    expect(bad.errors[0]).toMatch(/^provision stage failed: input "vars": "toString" cannot be a binding name: .* Rename it\.$/);
    expect(writes(world.cf)).toEqual([]);
  });

  it("an event with no mode fails the plan stage, naming the event; a missing worker directory names the directory", async () => {
    const event = await run({ event: { name: "issue_comment" } });
    expect(event.errors[0]).toContain('plan stage failed: event "issue_comment" has no automatic mode');
    const dir = await run({ inputs: { mode: "dry-run", "worker-directory": "no/such/dir" } });
    expect(dir.errors[0]).toMatch(/plan stage failed: input "worker-directory": .*no\/such\/dir does not exist/);
  });

  it("a dry run masks the token and the keys, groups every stage, and prints neither", async () => {
    const dry = await run({ inputs: { mode: "dry-run", "api-keys": API_KEYS } });
    expect(dry.code, dry.stdout).toBe(0);
    expect(dry.stdout).toContain(`::add-mask::${world.cf.token}`);
    for (const stage of ["inputs", "plan", "preflight", "provision", "patch", "contract", "deploy", "report"])
      expect(dry.stdout).toContain(`::group::${stage}`);
    const printed = dry.stdout.replace(/::add-mask::.*\n/g, "") + dry.summary + JSON.stringify(dry.outputs);
    expect(printed).not.toContain(world.cf.token);
    expect(printed).not.toContain("sk-live-key-1");
  });
});
