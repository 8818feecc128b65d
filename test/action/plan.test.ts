import { describe, expect, it } from "vitest";
import { parseEvent } from "../../src/event.js";
import { parseInputs } from "../../src/inputs.js";
import { plan, previewWorkerName, PlanError, supportsWorkerPreviews } from "../../src/plan.js";

/** Inputs as a workflow with the api-token secret passes them (unless `api-token` is given). */
const inputs = (values: Record<string, string> = {}) => parseInputs((name) => ({ "api-token": "cf-token", ...values })[name] ?? "");
const event = (name: string, payload: unknown = {}) => parseEvent({ GITHUB_EVENT_NAME: name, GITHUB_REPOSITORY: "o/r" }, payload);
const pr = (action: string, number = 12, fork = false) =>
  event("pull_request", {
    action,
    number,
    pull_request: {
      number,
      head: { sha: "abc", ref: "feature", repo: { full_name: fork ? "someone/r" : "o/r" } },
      base: { repo: { full_name: "o/r" } },
    },
  });
const worker = { name: "my-proxy", configLabel: "wrangler.jsonc", hasDurableObjects: false };

describe("mode from the event", () => {
  it.each([
    ["push", {}, "deploy"],
    ["schedule", {}, "deploy"],
    ["workflow_dispatch", {}, "deploy"],
  ])("%s → %s", (name, payload, mode) => {
    expect(plan(inputs(), event(name, payload), worker).mode).toBe(mode);
  });
  it.each(["opened", "synchronize", "reopened"])("pull_request %s → preview", (action) => {
    expect(plan(inputs(), pr(action), worker).mode).toBe("preview");
  });
  it("pull_request closed → cleanup", () => {
    expect(plan(inputs(), pr("closed"), worker).mode).toBe("cleanup");
  });
  it("a pull request run without a token (forks, Dependabot) tests only", () => {
    expect(plan(inputs({ "api-token": "" }), pr("opened"), worker)).toMatchObject({
      mode: "test",
      notice: expect.stringContaining("without the api-token secret"),
    });
    expect(plan(inputs({ "api-token": "" }), pr("closed", 3, true), worker)).toMatchObject({
      mode: "test",
      notice: expect.stringContaining("nothing to clean up"),
    });
  });
  it("a local run is a dry run", () => {
    expect(plan(inputs(), parseEvent({}, {}), worker).mode).toBe("dry-run");
  });
  it("names an event it cannot handle", () => {
    expect(() => plan(inputs(), event("release"), worker)).toThrow('event "release" has no automatic mode');
    expect(() => plan(inputs(), pr("labeled"), worker)).toThrow('event "pull_request" with action "labeled"');
    expect(() => plan(inputs(), event("pull_request_target", {}), worker)).toThrow(/pull_request_target.*secrets/);
  });
  it("an explicit mode wins over the event", () => {
    expect(plan(inputs({ mode: "test" }), event("push"), worker)).toMatchObject({ mode: "test", reason: 'input "mode" is "test"' });
  });
  it("preview without a pull request is refused", () => {
    expect(() => plan(inputs({ mode: "preview" }), event("push"), worker)).toThrow(PlanError);
  });
  it("a fork's pull request only runs the tests, with a notice saying why", () => {
    const p = plan(inputs(), pr("opened", 3, true), worker);
    expect(p.mode).toBe("test");
    expect(p.notice).toContain("fork");
  });
});

describe("names", () => {
  it("production namespaces are <worker>-<binding>", () => {
    const p = plan(inputs({ "kv-namespaces": "CACHE\nSTATE_KV" }), event("push"), worker);
    expect(p.namespaces).toEqual([
      { binding: "CACHE", title: "my-proxy-CACHE" },
      { binding: "STATE_KV", title: "my-proxy-STATE_KV" },
    ]);
  });
  it("a version preview uses alias pr-<N> and <worker>-<binding>-preview namespaces", () => {
    const p = plan(inputs(), pr("opened", 7), worker);
    expect(p.preview).toMatchObject({ number: 7, strategy: "version", alias: "pr-7" });
    expect(p.targetName).toBe("my-proxy");
    expect(p.namespaces).toEqual([{ binding: "CACHE", title: "my-proxy-CACHE-preview" }]);
  });
  it("a worker with Durable Objects previews as its own worker <worker>-pr-<N>", () => {
    const p = plan(inputs(), pr("opened", 7), { ...worker, hasDurableObjects: true });
    expect(p.preview?.strategy).toBe("worker");
    expect(p.targetName).toBe("my-proxy-pr-7");
    expect(p.namespaces[0].title).toBe("my-proxy-pr-7-CACHE-preview");
  });
  it("refuses a version preview of a worker with Durable Objects when asked for explicitly", () => {
    expect(() => plan(inputs({ "preview-strategy": "version" }), pr("opened"), { ...worker, hasDurableObjects: true })).toThrow(
      /Durable Objects/,
    );
  });
  it("the input worker-name wins over the config's name, and must be a DNS label", () => {
    expect(plan(inputs({ "worker-name": "other" }), event("push"), worker).workerName).toBe("other");
    expect(() => plan(inputs({ "worker-name": "My_Proxy" }), event("push"), worker)).toThrow(
      'input "worker-name": "My_Proxy" is not a valid worker name',
    );
    expect(() => plan(inputs(), event("push"), { ...worker, name: "-bad" })).toThrow('"name" in wrangler.jsonc: "-bad"');
    expect(() => plan(inputs(), event("push"), { ...worker, name: undefined })).toThrow("no worker name");
  });
  it("preview worker names always fit one DNS label and stay distinct", () => {
    const long = "a".repeat(60);
    const a = previewWorkerName(long, 1234);
    const b = previewWorkerName(`${long}b`, 1234);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).toMatch(/^[a-z0-9-]+-pr-1234$/);
    expect(a).not.toBe(b);
    expect(previewWorkerName("short", 5)).toBe("short-pr-5");
  });
  it("drops the preview alias when alias and worker name would not fit 63 characters", () => {
    const p = plan(inputs(), pr("opened", 12345), { ...worker, name: "x".repeat(57) });
    expect(p.preview?.alias).toBeUndefined();
  });
});

describe("preview strategy and the wrangler in use", () => {
  const withDO = { ...worker, hasDurableObjects: true };
  const wranglerWith = (version: string) => ({ workerPreviews: { supported: supportsWorkerPreviews(version), version } });

  it("Worker Previews exist from wrangler 4.134.0 (out of private beta, with --secrets-file)", () => {
    expect([
      supportsWorkerPreviews("4.86.0"),
      supportsWorkerPreviews("4.133.0"),
      supportsWorkerPreviews("4.134.0"),
      supportsWorkerPreviews("4.164.0"),
    ]).toEqual([false, false, true, true]);
  });

  it("auto: Durable Objects and a wrangler with Worker Previews → a Worker Preview pr-<N> of the production worker, with its own namespaces", () => {
    const p = plan(inputs(), pr("opened", 7), { ...withDO, ...wranglerWith("4.164.0") });
    expect(p.preview).toMatchObject({
      strategy: "preview",
      previewName: "pr-7",
      why: expect.stringContaining("wrangler 4.164.0 has Worker Previews"),
    });
    expect(p.targetName).toBe("my-proxy");
    expect(p.namespaces[0].title).toBe("my-proxy-pr-7-CACHE-preview");
  });

  it("auto: Durable Objects and an older wrangler → a worker of its own, saying why", () => {
    const p = plan(inputs(), pr("opened", 7), { ...withDO, ...wranglerWith("4.86.0") });
    expect(p.preview).toMatchObject({
      strategy: "worker",
      why: expect.stringContaining("wrangler 4.86.0 has no Worker Previews (they need 4.134.0+)"),
    });
  });

  it("auto: no Durable Objects → a version preview whatever the wrangler", () => {
    expect(plan(inputs(), pr("opened", 7), { ...worker, ...wranglerWith("4.164.0") }).preview?.strategy).toBe("version");
  });

  it("preview asked for with a wrangler without Worker Previews is refused, naming both inputs", () => {
    const run = () => plan(inputs({ "preview-strategy": "preview" }), pr("opened", 7), { ...withDO, ...wranglerWith("4.86.0") });
    expect(run).toThrow(PlanError);
    expect(run).toThrow(
      'input "preview-strategy": "preview" needs Worker Previews (`wrangler preview`), which wrangler 4.86.0 does not have: set input "wrangler-version" to 4.134.0',
    );
  });

  it("worker and version stay available with any wrangler", () => {
    expect(
      plan(inputs({ "preview-strategy": "worker" }), pr("opened", 7), { ...withDO, ...wranglerWith("4.164.0") }).preview?.strategy,
    ).toBe("worker");
    expect(
      plan(inputs({ "preview-strategy": "version" }), pr("opened", 7), { ...worker, ...wranglerWith("4.86.0") }).preview?.strategy,
    ).toBe("version");
  });
});
