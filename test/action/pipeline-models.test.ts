// dist/index.js against the fake Cloudflare API, whose model search serves the December 2026 catalogue:
// the preflight checks every model the worker will use before anything is written.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API_KEYS,
  pushEvent,
  RUNNERS,
  scheduleEvent,
  startWorld,
  writeCustomWorker,
  writes,
  type World,
} from "../helpers/pipeline-world.js";

const SEARCH = /\/ai\/models\/search$/;
/** A date relative to the real today: the action compares with its own clock. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(RUNNERS)("models checked in preflight, before any write: $label", ({ runner }) => {
  let world: World;
  beforeAll(async () => (world = await startWorld({ runner })));
  afterAll(() => world.close());

  it("a deploy whose DEFAULT_AI_MODEL is the retired llama-3.1-8b-instruct fails in preflight and writes nothing", async () => {
    const run = await world.run({
      event: pushEvent,
      inputs: { "api-keys": API_KEYS, vars: "DEFAULT_AI_MODEL=@cf/meta/llama-3.1-8b-instruct" },
    });
    expect(run.code).toBe(1);
    // Three months after its retirement the API no longer lists it even with include_deprecated; the snapshot dates it.
    expect(run.errors[0]).toMatch(
      /^preflight stage failed: DEFAULT_AI_MODEL \(input "vars"\) names @cf\/meta\/llama-3\.1-8b-instruct, which Workers AI deprecated on 2026-05-30( and no longer lists)? \(requests to it fail with error 5028\): use @cf\/google\/gemma-4-26b-a4b-it instead\.$/,
    );
    expect(writes(world.cf)).toEqual([]);
    const searches = world.cf.find("GET", SEARCH);
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((r) => r.query.include_deprecated === "true" && r.query.per_page === "50")).toBe(true);
    // Every page, and no empty page after the last one result_info announced.
    expect(searches.map((r) => r.query.page ?? "1")).toEqual(["1", "2"]);
    expect(run.summary).toContain("| preflight |");
    expect(run.summary).toMatch(/\| preflight \| [\d.]+ s \| ❌/);
  }, 120_000);

  it("the same from the default-model input, checked offline when the token may not read the catalogue", async () => {
    world.cf.inject({ method: "GET", path: SEARCH, status: 403, times: 1 });
    const run = await world.run({ event: pushEvent, inputs: { "api-keys": API_KEYS, "default-model": "@cf/meta/llama-3.1-8b-instruct" } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toBe(
      'preflight stage failed: DEFAULT_AI_MODEL (input "default-model") names @cf/meta/llama-3.1-8b-instruct, which Workers AI deprecated on 2026-05-30 ' +
        "(requests to it fail with error 5028): use @cf/google/gemma-4-26b-a4b-it instead.",
    );
    expect(run.stdout).toMatch(
      /::warning::could not read the account's Workers AI catalogue \(Cloudflare refused to read the Workers AI model catalogue \(HTTP 403\)/,
    );
    expect(run.stdout).toContain("Add the permission Account · Workers AI · Read to the token.");
    expect(writes(world.cf)).toEqual([]);
  }, 120_000);

  it("a model var that cannot mean anything fails in preflight too, before wrangler starts", async () => {
    const run = await world.run({ event: pushEvent, inputs: { "api-keys": API_KEYS, vars: "MODEL_ALIASES={not json" } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /^preflight stage failed: MODEL_ALIASES \(input "vars"\) is not valid JSON \(.*\); expected e\.g\. \{"gpt-4o-mini"/,
    );
    expect(run.stdout).not.toContain("wrangler deploy starts now");
    expect(writes(world.cf)).toEqual([]);
  }, 120_000);

  it("a user's worker whose MODEL_ALIASES target was deprecated yesterday fails, naming its config file", async () => {
    world.cf.ai.planDeprecation("@cf/qwen/qwq-32b", inDays(-1));
    const workspace = mkdtempSync(join(tmpdir(), "models-ws-"));
    const dir = writeCustomWorker(workspace, "my-api", {
      "wrangler.jsonc": `{\n  "name": "my-api",\n  "main": "index.js",\n  "compatibility_date": "2026-04-01",\n  "ai": { "binding": "AI" },\n  "vars": { "MODEL_ALIASES": "{\\"reasoner\\": \\"@cf/qwen/qwq-32b\\"}" }\n}\n`,
    });
    const run = await world.run({ event: pushEvent, workspace, inputs: { "worker-directory": dir } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toBe(
      `preflight stage failed: MODEL_ALIASES ("vars" in my-worker/wrangler.jsonc) maps "reasoner" to @cf/qwen/qwq-32b, which Workers AI deprecated on ${inDays(-1)} ` +
        "(requests to it fail with error 5028): use @cf/google/gemma-4-26b-a4b-it instead.",
    );
    expect(writes(world.cf)).toEqual([]);
  }, 120_000);
});

describe.each(RUNNERS)("a scheduled run reports a retirement announced for next month: $label", ({ runner }) => {
  let world: World;
  beforeAll(async () => (world = await startWorld({ runner })));
  afterAll(() => world.close());

  it("warns in the log and the job summary, and still deploys", async () => {
    const date = inDays(30);
    world.cf.ai.planDeprecation("@cf/google/gemma-4-26b-a4b-it", date);
    const run = await world.run({ event: scheduleEvent, inputs: { "api-keys": API_KEYS, "worker-name": "weekly", "smoke-test": "false" } });
    expect(run.code, run.stdout).toBe(0);
    // Which names share the model depends on whether the shipped config sets DEFAULT_AI_MODEL: match around it.
    const warning = new RegExp(
      `@cf/google/gemma-4-26b-a4b-it, which the proxy uses for [^:]*"gpt-4o-mini"[^:]*, will be deprecated on ${date} \\(in 30 days\\): ` +
        "the proxy then moves to @cf/zai-org/glm-4\\.7-flash by itself\\.",
    );
    expect(run.stdout).toMatch(new RegExp(`::warning::${warning.source}`));
    expect(run.summary).toMatch(new RegExp(`> \\[!WARNING\\]\n> ${warning.source}`));
    expect(run.summary).toContain(`| gpt-4o-mini | \`@cf/google/gemma-4-26b-a4b-it\` | deprecated on ${date} |`);
    expect(run.stdout).toContain("gpt-4o → @cf/nvidia/nemotron-3-120b-a12b");
    expect(world.cf.state.deployedVersion("weekly")).toBeDefined();
  }, 240_000);

  it("a user's own worker that sets none of the model vars is not checked", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "plain-ws-"));
    const dir = writeCustomWorker(workspace, "plain-api");
    const before = world.cf.find("GET", SEARCH).length;
    const run = await world.run({
      event: pushEvent,
      workspace,
      inputs: { "worker-directory": dir, "smoke-test": "false", "contract-tests": "false" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(world.cf.find("GET", SEARCH).length).toBe(before);
    expect(run.summary).not.toContain("### Models");
  }, 240_000);
});
