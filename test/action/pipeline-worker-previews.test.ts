// Worker Previews (`wrangler preview`) end to end, with today's wrangler on the runner's Node: a pull request on
// the shipped proxy (Durable Objects) gets a preview with its own URL and its own Durable Object state inside
// the production worker, a comment with that URL, and is removed on close; production is never touched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEYS, pullRequestEvent, pushEvent, RUNNERS, startWorld, type World } from "../helpers/pipeline-world.js";
import type { ActionRun } from "../helpers/run-action.js";

const MARKER = "<!-- cf-ai-proxy-action:preview:my-proxy -->";
const PREVIEW_URL = "https://pr-7-my-proxy.fake-account.workers.dev";

describe("preview-strategy auto with wrangler 4.164.0: a Worker Preview for a worker with Durable Objects", () => {
  let world: World;
  let production: ActionRun;
  let opened: ActionRun;
  let synchronized: ActionRun;
  let closed: ActionRun;
  let liveBefore = "";
  let versionsBefore = 0;
  let previewAfterOpen: { deployments: { env: Record<string, any> }[] } | undefined;
  let namespaceAfterOpen: string | undefined;
  let commentAfterOpen = "";
  beforeAll(async () => {
    world = await startWorld();
    const inputs = { "api-keys": API_KEYS, "worker-name": "my-proxy" };
    production = await world.run({ event: pushEvent, inputs });
    liveBefore = world.cf.state.deployedVersion("my-proxy")!.id;
    versionsBefore = world.cf.state.script("my-proxy")!.versions.length;
    opened = await world.run({ event: pullRequestEvent("opened"), inputs });
    const p = world.cf.state.script("my-proxy")!.previews.get("pr-7");
    previewAfterOpen = p && { deployments: p.deployments.map((d) => ({ env: structuredClone(d.env) })) };
    namespaceAfterOpen = world.cf.state.namespaces().find((n) => n.title === "my-proxy-pr-7-CACHE-preview")?.id;
    commentAfterOpen = world.gh.state.commentsOn(7).find((c) => c.body.includes(MARKER))?.body ?? "";
    synchronized = await world.run({ event: pullRequestEvent("synchronize"), inputs });
    closed = await world.run({ event: pullRequestEvent("closed"), inputs: { ...inputs, "api-keys": "" } });
  }, 300_000);
  afterAll(() => world.close());

  it("chooses Worker Previews and says why in the log", () => {
    expect(production.code, production.stdout).toBe(0);
    expect(opened.code, opened.stdout).toBe(0);
    expect(opened.stdout).toContain(
      "preview strategy: preview (auto: Durable Objects need isolated state, and wrangler 4.164.0 has Worker Previews",
    );
  });

  it("deploys the preview pr-7 with its own URL, output and commented", () => {
    expect(opened.outputs["preview-url"]).toBe(PREVIEW_URL);
    expect(commentAfterOpen).toContain(PREVIEW_URL);
    expect(commentAfterOpen).toContain("a Worker Preview of the production worker");
  });

  it("gives the preview isolated state: its own Durable Object namespace and its own KV namespace, and the keys", () => {
    const env = previewAfterOpen!.deployments[0].env;
    expect(namespaceAfterOpen).toMatch(/^[0-9a-f]{32}$/);
    expect(env.CACHE).toEqual({ type: "kv_namespace", namespace_id: namespaceAfterOpen });
    expect(env.CACHE.namespace_id).not.toBe(JSON.parse(production.outputs["kv-namespaces"]).CACHE);
    expect(env.STATE).toMatchObject({
      type: "durable_object_namespace",
      class_name: "StateObject",
      namespace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(env.AI).toEqual({ type: "ai" });
    expect(env.API_KEYS).toEqual({ type: "secret_text", text: API_KEYS });
  });

  it("a second push updates the same preview, with the keys sent again", () => {
    expect(synchronized.code, synchronized.stdout).toBe(0);
    expect(synchronized.outputs["preview-url"]).toBe(PREVIEW_URL);
    expect(world.gh.state.commentsOn(7).filter((c) => c.body.includes(MARKER))).toHaveLength(1);
  });

  it("never touches production: same live version, no new versions, no deployments", () => {
    expect(world.cf.state.deployedVersion("my-proxy")!.id).toBe(liveBefore);
    expect(world.cf.state.script("my-proxy")!.versions).toHaveLength(versionsBefore);
    const prodWrites = world.cf.requests.filter((r) => r.method !== "GET" && /\/workers\/scripts\/my-proxy(\/|$)/.test(r.path));
    const afterProduction = prodWrites.filter(
      (r) => world.cf.requests.indexOf(r) > world.cf.requests.findIndex((x) => x.path.endsWith("/previews/pr-7")),
    );
    expect(afterProduction).toEqual([]);
  });

  it("on close, wrangler preview delete removes it and its namespace; the comment says so", () => {
    expect(closed.code, closed.stdout).toBe(0);
    expect(world.cf.state.script("my-proxy")!.previews.has("pr-7")).toBe(false);
    expect(world.cf.state.namespaces().some((n) => n.title === "my-proxy-pr-7-CACHE-preview")).toBe(false);
    expect(world.cf.state.script("my-proxy")).toBeDefined();
    const comment = world.gh.state.commentsOn(7).find((c) => c.body.includes(MARKER))!;
    expect(comment.body).toContain("Deleted the Worker Preview pr-7 of my-proxy and its deployments; production untouched.");
    expect(comment.body).not.toContain("No preview worker");
  });
});

describe.each(RUNNERS)("preview-strategy preview refusals: $label", ({ runner }) => {
  let world: World;
  beforeAll(async () => (world = await startWorld({ runner })));
  afterAll(() => world.close());

  it("fails before anything is written, naming both inputs", async () => {
    const run = await world.run({
      event: pullRequestEvent("opened"),
      inputs: { "api-keys": API_KEYS, "worker-name": "my-proxy", "preview-strategy": "preview", "wrangler-version": "4.86.0" },
    });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain(
      'input "preview-strategy": "preview" needs Worker Previews (`wrangler preview`), which wrangler 4.86.0 does not have: set input "wrangler-version" to 4.134.0 or later',
    );
    expect(world.cf.requests.filter((r) => r.method !== "GET")).toEqual([]);
  }, 120_000);

  // A Worker Preview needs wrangler 4.134 or later, which needs a newer Node than the test process's: from the bundle only.
  it.runIf(runner === "dist")(
    "the shipped proxy without api-keys is refused before anything is written: a preview does not share production's secrets",
    async () => {
      const run = await world.run({
        event: pullRequestEvent("opened"),
        inputs: { "api-keys": "", "worker-name": "my-proxy", "preview-strategy": "preview" },
      });
      expect(run.code).toBe(1);
      expect(run.errors[0]).toMatch(/^preflight stage failed: a Worker Preview of the proxy gets its API_KEYS only from input "api-keys"/);
      expect(world.cf.requests.filter((r) => r.method !== "GET")).toEqual([]);
    },
    120_000,
  );
});
