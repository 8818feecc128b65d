// The deploy that starts during the contract tests (wrangler waits on a named pipe for its secrets):
// it deploys when the tests pass, writes nothing when they fail, and reports wrangler's own early failures.
// Only with the wrangler whose request order was checked (4.86.0); any other deploys after the tests.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_KEYS, pushEvent, RUNNERS, startWorld, writes, type World } from "../helpers/pipeline-world.js";

describe.each(RUNNERS)("$label", ({ runner }) => {
  let world: World;
  beforeEach(async () => (world = await startWorld({ runner })));
  afterEach(() => world.close());

  const GATE_LINE = "wrangler deploy starts now and waits for the contract tests before it uploads anything";
  /** The wrangler the gate is proven with: every run here names it, as the action's default is newer. */
  const PROVEN = { "wrangler-version": "4.86.0" };

  it("a push deploy of the shipped proxy starts wrangler before the tests and deploys after them", async () => {
    const run = await world.run({ event: pushEvent, inputs: { ...PROVEN, "api-keys": API_KEYS, "worker-name": "gated" } });
    expect(run.code, run.stdout).toBe(0);
    const gateAt = run.stdout.indexOf(GATE_LINE);
    expect(gateAt).toBeGreaterThan(-1);
    expect(gateAt).toBeLessThan(run.stdout.indexOf("running smoke, models"));
    expect(world.cf.state.secrets("gated")).toEqual({ API_KEYS });
    expect(run.outputs["version-id"]).toBe(world.cf.state.deployedVersion("gated")!.id);
  }, 120_000);

  it("failing contract tests stop the waiting wrangler before it writes anything", async () => {
    // A broken var makes every /v1 request of the proxy fail: the contract tests cannot pass. (Not a model var:
    // the preflight's model check would stop those before wrangler starts.)
    const run = await world.run({
      event: pushEvent,
      inputs: { ...PROVEN, "api-keys": API_KEYS, "worker-name": "gated", vars: "CACHE_TTL_SECONDS=soon" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(GATE_LINE);
    expect(run.errors[0]).toMatch(/^contract stage failed: \d+ of \d+ contract checks failed, so nothing was deployed/);
    const created = writes(world.cf).filter((r) => r.path.includes("/workers/"));
    expect(created).toEqual([]);
    expect(world.cf.state.script("gated")).toBeUndefined();
    // wrangler is gone, not waiting on the pipe: nothing else reaches the fake afterwards.
    const seen = world.cf.requests.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(world.cf.requests.length).toBe(seen);
  }, 120_000);

  it("wrangler failing before it reads its secrets is reported, and the run does not hang", async () => {
    world.cf.inject({
      method: "GET",
      path: `/accounts/${world.cf.accountId}/workers/services/gated`,
      status: 500,
      code: 10013,
      message: "An unknown error has occurred",
    });
    const run = await world.run({
      event: pushEvent,
      inputs: { ...PROVEN, "api-keys": API_KEYS, "worker-name": "gated" },
      timeoutMs: 90_000,
    });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /^deploy stage failed: wrangler deploy failed \(exit 1\): .*An unknown error has occurred \[code: 10013\]/,
    );
    expect(world.cf.state.script("gated")).toBeUndefined();
  }, 120_000);

  it("without api-keys the waiting wrangler gets no secrets, and the worker keeps the API_KEYS it has", async () => {
    const first = await world.run({ event: pushEvent, inputs: { ...PROVEN, "api-keys": API_KEYS, "worker-name": "gated" } });
    expect(first.code, first.stdout).toBe(0);
    const second = await world.run({ event: pushEvent, inputs: { ...PROVEN, "api-keys": "", "worker-name": "gated", vars: "REDEPLOY=1" } });
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toContain(GATE_LINE);
    expect(second.outputs["version-id"]).not.toBe(first.outputs["version-id"]);
    expect(world.cf.state.secrets("gated")).toEqual({ API_KEYS });
  }, 180_000);

  // Today's wrangler needs a newer Node than the test process's: from the bundle only.
  it.runIf(runner === "dist")(
    "today's wrangler deploys after the tests instead, says why, and still deploys the tested worker with its secrets",
    async () => {
      const run = await world.run({
        event: pushEvent,
        inputs: { "api-keys": API_KEYS, "worker-name": "after", "wrangler-version": "4.164.0" },
      });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).not.toContain(GATE_LINE);
      const why = run.stdout.indexOf(
        "wrangler 4.164.0 deploys after the contract tests: starting the deploy beside them is proven only with wrangler 4.86.0",
      );
      expect(why).toBeGreaterThan(-1);
      // No write to the worker before the last contract check was reported.
      const lastCheck = run.stdout.lastIndexOf("✓ responses");
      expect(lastCheck).toBeGreaterThan(why);
      expect(run.stdout.indexOf("Uploaded after")).toBeGreaterThan(lastCheck);
      expect(world.cf.state.secrets("after")).toEqual({ API_KEYS });
      expect(run.outputs["version-id"]).toBe(world.cf.state.deployedVersion("after")!.id);
    },
    120_000,
  );
});
