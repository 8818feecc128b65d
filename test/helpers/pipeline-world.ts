// A "world" for end-to-end runs of the action: the fake Cloudflare API, the fake GitHub API and a fake edge answering
// for the deployed worker (the smoke test's target), plus event payloads as GitHub sends them. A world runs the
// bundle (dist/index.js, as a runner does) or src/ in this process (run-in-process.ts), seen the same way.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HttpFake } from "../fakes/http-fake.js";
import { startFakeCloudflare, type FakeCloudflare } from "../fakes/cloudflare-api/server.js";
import { startFakeGitHub, type FakeGitHub } from "../fakes/github-api/server.js";
import { runAction, type ActionRun, type RunOptions } from "./run-action.js";
import { runInProcessAsAction } from "./run-in-process.js";
import { WRANGLER_VERSIONS } from "./toolchain.js";

/** How a world runs the action: the committed bundle in a child process, or src/ imported into the test process. */
export type Runner = "dist" | "src";
/** The wrangler of in-process runs: they run on vitest's Node, and today's wrangler needs a newer one. */
export const IN_PROCESS_WRANGLER = WRANGLER_VERSIONS[0]!;
/** For suites that run the same scenarios from the bundle and from src/. */
export const RUNNERS: { runner: Runner; label: string }[] = [
  { runner: "dist", label: "dist/index.js" },
  { runner: "src", label: "src/ in-process" },
];
/** For suites that run the bundle with every tested wrangler: those, and src/ in-process with the one it can run. */
export const VARIANTS: { runner: Runner; version: string; label: string }[] = [
  ...WRANGLER_VERSIONS.map((version) => ({ runner: "dist" as const, version, label: `dist/index.js, wrangler ${version}` })),
  { runner: "src", version: IN_PROCESS_WRANGLER, label: `src/ in-process, wrangler ${IN_PROCESS_WRANGLER}` },
];

export const PR_HEAD_SHA = "feedfacefeedfacefeedfacefeedfacefeedface";
export const PUSH_SHA = "0123456789abcdef0123456789abcdef01234567";
export const API_KEYS = "sk-live-key-1,sk-live-key-2";

export interface World {
  cf: FakeCloudflare;
  gh: FakeGitHub;
  /** The deployed worker as the internet sees it: GET /v1/models, 200 for the right key unless told otherwise. */
  edge: HttpFake & { status: number };
  run(options: RunOptions & { inputs?: Record<string, string> }): Promise<ActionRun>;
  close(): Promise<void>;
}

export async function startWorld(
  options: { cloudflare?: Parameters<typeof startFakeCloudflare>[0]; runner?: Runner } = {},
): Promise<World> {
  const cf = await startFakeCloudflare(options.cloudflare);
  const gh = await startFakeGitHub({ owner: "octo-org", repo: "octo-repo", pulls: [{ number: 7, headSha: PR_HEAD_SHA }, { number: 8 }] });
  const edge: World["edge"] = Object.assign(
    new HttpFake(
      (req): { status: number; body: unknown } => {
        if (edge.status !== 200) return { status: edge.status, body: { error: { message: "broken deploy" } } };
        if (req.path.endsWith("/v1/models") && req.headers.authorization !== "Bearer sk-live-key-1")
          return { status: 401, body: { error: { message: "bad key" } } };
        if (req.path.includes("/v1/organization/usage/")) return { status: 200, body: usagePage(req.path) };
        return { status: 200, body: { object: "list", data: [] } };
      },
      () => ({}),
    ),
    { status: 200 },
  );
  await edge.start();
  const world: World = {
    cf,
    gh,
    edge,
    run: (o) =>
      options.runner === "src"
        ? // The world's endpoints and credentials come from run-in-process.ts; only the wrangler differs from a runner's.
          runInProcessAsAction(world, { ...o, inputs: { "wrangler-version": IN_PROCESS_WRANGLER, ...o.inputs } })
        : runAction({
            ...o,
            inputs: {
              "api-token": cf.token,
              "account-id": cf.accountId,
              "github-token": gh.token,
              "smoke-test-url": edge.origin,
              ...o.inputs,
            },
            env: { CLOUDFLARE_API_BASE_URL: cf.apiBase, GITHUB_API_URL: gh.origin, ...o.env },
          }),
    close: async () => {
      await Promise.all([cf.close(), gh.close(), edge.close()]);
    },
  };
  return world;
}

export const pushEvent = { name: "push", payload: { ref: "refs/heads/main", after: PUSH_SHA } };
export const scheduleEvent = { name: "schedule", payload: { schedule: "0 4 * * 1" } };

export function pullRequestEvent(action: string, number = 7, fork = false) {
  const head = {
    sha: number === 7 ? PR_HEAD_SHA : "0000000000000000000000000000000000000008",
    ref: `feature-${number}`,
    repo: { full_name: fork ? "someone/octo-repo" : "octo-org/octo-repo" },
  };
  return {
    name: "pull_request",
    payload: { action, number, pull_request: { number, head, base: { ref: "main", repo: { full_name: "octo-org/octo-repo" } } } },
  };
}

/** Requests that change something at Cloudflare. */
export const writes = (cf: FakeCloudflare) => cf.requests.filter((r) => r.method !== "GET");

/** A user's own worker directory (no Durable Objects, so previews are version previews), inside the workspace. */
export function writeCustomWorker(workspace: string, name = "my-api", files: Record<string, string> = {}): string {
  const dir = join(workspace, "my-worker");
  mkdirSync(dir, { recursive: true });
  const defaults: Record<string, string> = {
    "wrangler.jsonc": `// A user's worker\n{\n  "name": "${name}",\n  "main": "index.js",\n  "compatibility_date": "2026-04-01",\n  "kv_namespaces": [{ "binding": "CACHE" }],\n  "vars": { "CONTRACT_GROUPS": "smoke" }\n}\n`,
    "index.js": `export default { async fetch(request, env) { await env.CACHE.put("seen", "1"); return new Response("hello from ${name}"); } };\n`,
  };
  for (const [file, text] of Object.entries({ ...defaults, ...files })) writeFileSync(join(dir, file), text);
  return "my-worker";
}

/** The deployed proxy's Usage API: today's completions, as the real one pages them (the job summary reads it). */
function usagePage(path: string) {
  const today = Math.floor(Date.now() / 86_400_000) * 86_400;
  const results = path.includes("/usage/completions")
    ? [
        {
          object: "organization.usage.completions.result",
          model: "@cf/google/gemma-4-26b-a4b-it",
          num_model_requests: 3,
          input_tokens: 30,
          output_tokens: 60,
          neurons: 12.5,
          cache_hits: 1,
          errors: 0,
        },
      ]
    : [];
  return {
    object: "page",
    data: [{ object: "bucket", start_time: today, end_time: today + 86_400, results }],
    has_more: false,
    next_page: null,
  };
}
