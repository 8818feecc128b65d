// Pull requests end to end: preview deploys, the sticky comment, GitHub deployments, clean-up on close.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API_KEYS,
  PR_HEAD_SHA,
  pullRequestEvent,
  pushEvent,
  RUNNERS,
  startWorld,
  VARIANTS,
  writeCustomWorker,
  type World,
} from "../helpers/pipeline-world.js";
import type { ActionRun } from "../helpers/run-action.js";
import type { StoredComment } from "../fakes/github-api/state.js";

const MARKER = (worker: string) => `<!-- cf-ai-proxy-action:preview:${worker} -->`;
const MALLORY = { login: "mallory", id: 666, type: "User" as const };

describe.each(VARIANTS)(
  "preview-strategy worker (what auto picks for workers with Durable Objects before wrangler 4.134): $label",
  ({ runner, version }) => {
    let world: World;
    let opened: ActionRun;
    let synchronized: ActionRun;
    let closed: ActionRun;
    let namespaceAfterOpen: string | undefined;
    let scriptAfterOpen = false;
    let planted: StoredComment;
    beforeAll(async () => {
      world = await startWorld({ runner });
      // Anyone can comment on a public repository: someone plants the action's hidden marker first.
      planted = { ...world.gh.state.addComment(7, `${MARKER("my-proxy")}\n### ✅ Preview is live: https://evil.example`, MALLORY) };
      const inputs = { "wrangler-version": version, "api-keys": API_KEYS, "worker-name": "my-proxy", "preview-strategy": "worker" };
      opened = await world.run({ event: pullRequestEvent("opened"), inputs });
      namespaceAfterOpen = world.cf.state.namespaces().find((n) => n.title === "my-proxy-pr-7-CACHE-preview")?.id;
      scriptAfterOpen = world.cf.state.script("my-proxy-pr-7") !== undefined;
      synchronized = await world.run({ event: pullRequestEvent("synchronize"), inputs });
      // Clean-up deploys nothing, so it needs no client keys.
      closed = await world.run({ event: pullRequestEvent("closed"), inputs: { ...inputs, "api-keys": "" } });
    }, 300_000);
    afterAll(() => world.close());

    it("deploys my-proxy-pr-7 with its own namespace, and says where", () => {
      expect(opened.code, opened.stdout).toBe(0);
      expect(opened.outputs).toMatchObject({ mode: "preview", "preview-url": "https://my-proxy-pr-7.fake-account.workers.dev" });
      expect(scriptAfterOpen).toBe(true);
      expect(JSON.parse(opened.outputs["kv-namespaces"])).toEqual({ CACHE: namespaceAfterOpen });
      expect(world.cf.state.script("my-proxy")).toBeUndefined();
    });

    it("keeps one sticky comment of its own, updated on every push; a planted marker in another user's comment is left alone", () => {
      expect(synchronized.code, synchronized.stdout).toBe(0);
      const comments = world.gh.state.commentsOn(7).filter((c) => c.body.includes(MARKER("my-proxy")));
      expect(comments.map((c) => c.user.login)).toEqual(["mallory", "github-actions[bot]"]);
      expect(world.gh.state.comment(planted.id)).toEqual(planted);
      expect(world.gh.requests.filter((r) => r.path.endsWith(`/issues/comments/${planted.id}`))).toEqual([]);
      const posts = world.gh.requests.filter((r) => r.method === "POST" && r.path.endsWith("/issues/7/comments"));
      const patches = world.gh.requests.filter((r) => r.method === "PATCH" && /\/issues\/comments\/\d+$/.test(r.path));
      expect(posts).toHaveLength(1);
      expect(patches.length).toBeGreaterThanOrEqual(2);
    });

    it("records a GitHub deployment with the preview URL", () => {
      const deployments = world.gh.state.deployments.filter((d) => d.environment === "my-proxy/pr-7");
      expect(deployments.length).toBe(2);
      expect(deployments.every((d) => d.sha === PR_HEAD_SHA && d.transient && !d.production)).toBe(true);
      const statuses = world.gh.state.statusesOf(deployments[1].id);
      expect(statuses.some((s) => s.state === "success" && s.environmentUrl === "https://my-proxy-pr-7.fake-account.workers.dev")).toBe(
        true,
      );
    });

    it("on close, deletes the preview worker and its namespace, and marks the comment and deployments", () => {
      expect(closed.code, closed.stdout).toBe(0);
      expect(closed.outputs.mode).toBe("cleanup");
      expect(world.cf.state.script("my-proxy-pr-7")).toBeUndefined();
      expect(world.cf.state.namespaces().some((n) => n.title === "my-proxy-pr-7-CACHE-preview")).toBe(false);
      const comment = world.gh.state
        .commentsOn(7)
        .find((c) => c.body.includes(MARKER("my-proxy")) && c.user.login === "github-actions[bot]")!;
      expect(comment.body).toContain("Deleted the preview worker my-proxy-pr-7.");
      expect(world.gh.state.comment(planted.id)?.body).toBe(planted.body);
      expect(comment.body).toContain("Deleted its KV namespaces my-proxy-pr-7-CACHE-preview.");
      const deployments = world.gh.state.deployments.filter((d) => d.environment === "my-proxy/pr-7");
      for (const d of deployments) expect(world.gh.state.latestStatus(d.id)?.state).toBe("inactive");
    });

    it("never prints the keys or the token", () => {
      for (const run of [opened, synchronized, closed]) {
        const text = run.stdout.replace(/::add-mask::.*\n/g, "") + run.summary;
        expect(text).not.toContain("sk-live-key-1");
        expect(text).not.toContain(world.gh.token);
      }
      expect(world.gh.state.comments.every((c) => !c.body.includes("sk-live-key"))).toBe(true);
    });
  },
);

describe.each(VARIANTS)("a worker without Durable Objects: version previews of the production worker: $label", ({ runner, version }) => {
  let world: World;
  let workspace: string;
  let production: ActionRun;
  let opened: ActionRun;
  let closed: ActionRun;
  beforeAll(async () => {
    world = await startWorld({ runner });
    workspace = mkdtempSync(join(tmpdir(), "workspace-"));
    const dir = writeCustomWorker(workspace);
    const W = { "wrangler-version": version };
    production = await world.run({ workspace, event: pushEvent, inputs: { ...W, "worker-directory": dir, "smoke-test": "false" } });
    opened = await world.run({ workspace, event: pullRequestEvent("opened"), inputs: { ...W, "worker-directory": dir } });
    closed = await world.run({ workspace, event: pullRequestEvent("closed"), inputs: { ...W, "worker-directory": dir } });
  }, 300_000);
  afterAll(() => world.close());

  it("uploads a version with the pr-7 alias and outputs its URL", () => {
    expect(production.code, production.stdout).toBe(0);
    expect(opened.code, opened.stdout).toBe(0);
    expect(opened.outputs["preview-url"]).toBe("https://pr-7-my-api.fake-account.workers.dev");
    const script = world.cf.state.script("my-api")!;
    expect(script.aliases.get("pr-7")).toBe(opened.outputs["version-id"]);
    expect(world.cf.state.deployedVersion("my-api")!.id).toBe(production.outputs["version-id"]);
  });

  it("binds the preview's own namespace in the preview version only", () => {
    const preview = world.cf.state.script("my-api")!.versions.find((v) => v.id === opened.outputs["version-id"])!;
    const previewNs = world.cf.state.namespaces().find((n) => n.title === "my-api-CACHE-preview")!;
    expect(preview.bindings).toEqual(expect.arrayContaining([expect.objectContaining({ name: "CACHE", namespace_id: previewNs.id })]));
    const live = world.cf.state.deployedVersion("my-api")!;
    expect(live.bindings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "CACHE", namespace_id: JSON.parse(production.outputs["kv-namespaces"]).CACHE }),
      ]),
    );
  });

  it("patches the user's config in place on the runner, comments kept", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(join(workspace, "my-worker", "wrangler.jsonc"), "utf8");
    expect(text).toContain("// A user's worker");
    expect(opened.outputs["config-path"]).toBe(join(workspace, "my-worker", "wrangler.jsonc"));
  });

  it("closing the pull request never touches production, and the comment says what stays", () => {
    expect(closed.code, closed.stdout).toBe(0);
    const comment = world.gh.state.commentsOn(7).find((c) => c.body.includes("cf-ai-proxy-action:preview:my-api"))!;
    expect(comment.body).toContain("a version preview stays in my-api's version history");
    expect(world.cf.state.deployedVersion("my-api")!.id).toBe(production.outputs["version-id"]);
    expect(world.cf.state.namespaces().some((n) => n.title === "my-api-CACHE")).toBe(true);
    expect(world.cf.requests.filter((r) => r.method === "DELETE" && r.path.endsWith("/workers/scripts/my-api"))).toEqual([]);
  });
});

describe.each(RUNNERS)("a version preview before the first production deploy: $label", ({ runner }) => {
  let world: World;
  beforeAll(async () => (world = await startWorld({ runner })));
  afterAll(() => world.close());

  it("falls back to a worker of its own, and says so", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "workspace-"));
    const dir = writeCustomWorker(workspace, "fresh-api");
    const run = await world.run({ workspace, event: pullRequestEvent("opened"), inputs: { "worker-directory": dir } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs["preview-url"]).toBe("https://fresh-api-pr-7.fake-account.workers.dev");
    expect(run.summary).toContain("fresh-api is not deployed yet");
  }, 120_000);
});
