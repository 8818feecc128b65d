// Our config → Miniflare translation must agree with wrangler's own (which the contract stage falls back to).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { miniflareOptions } from "../../src/contract/miniflare-options.js";
import { parseConfig } from "../../src/config/parse.js";
import { ROOT } from "../helpers/run-action.js";

type Api = { unstable_getMiniflareWorkerOptions(path: string): { workerOptions: Record<string, unknown> } };
let api: Api;
beforeAll(() => {
  process.env.WRANGLER_LOG = "error";
  api = createRequire(import.meta.url)(join(ROOT, "node_modules/wrangler/wrangler-dist/cli.js")) as Api;
});

/** wrangler's options without the parts that are empty or that do not come from the config's bindings. */
function normalise(options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === "modulesRules" || key === "email") continue;
    if (
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
    )
      continue;
    out[key] = value;
  }
  return out;
}

function compare(config: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), "mf-options-"));
  writeFileSync(join(dir, "index.js"), "export default { fetch() { return new Response('x'); } };\n");
  writeFileSync(join(dir, "wrangler.json"), JSON.stringify({ main: "index.js", ...config }));
  const theirs = normalise(api.unstable_getMiniflareWorkerOptions(join(dir, "wrangler.json")).workerOptions);
  const ours = normalise(miniflareOptions({ main: "index.js", ...config })!);
  expect(ours).toEqual(theirs);
}

describe("miniflareOptions agrees with wrangler", () => {
  it("for the shipped proxy's config", () => {
    const config = parseConfig(readFileSync(join(ROOT, "dist/worker/wrangler.jsonc"), "utf8"), "jsonc", "wrangler.jsonc");
    const dir = mkdtempSync(join(tmpdir(), "mf-options-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "index.js"), "export default {}; export class StateObject {}\n");
    writeFileSync(join(dir, "wrangler.json"), JSON.stringify(config));
    expect(normalise(miniflareOptions(config)!)).toEqual(
      normalise(api.unstable_getMiniflareWorkerOptions(join(dir, "wrangler.json")).workerOptions),
    );
  });

  it("for vars, KV, D1, R2, services, Durable Objects and migrations", () => {
    compare({
      name: "app",
      compatibility_date: "2026-04-01",
      compatibility_flags: ["nodejs_compat"],
      vars: { A: "1", J: { nested: [1, 2] } },
      kv_namespaces: [{ binding: "K", id: "kid" }, { binding: "NOID" }],
      d1_databases: [{ binding: "DB", database_name: "db", database_id: "did" }],
      r2_buckets: [{ binding: "R", bucket_name: "bucket" }],
      services: [
        { binding: "S", service: "other", entrypoint: "Entry" },
        { binding: "T", service: "third" },
      ],
      durable_objects: {
        bindings: [
          { name: "D", class_name: "C" },
          { name: "X", class_name: "Y", script_name: "elsewhere" },
        ],
      },
      migrations: [
        { tag: "v1", new_sqlite_classes: ["C"] },
        { tag: "v2", new_classes: ["Old"] },
        { tag: "v3", renamed_classes: [{ from: "Old", to: "New" }] },
      ],
      version_metadata: { binding: "V" },
      ai: { binding: "AI" },
    });
  });

  it("gives up (so wrangler is asked) on anything it does not know", () => {
    expect(miniflareOptions({ name: "a", queues: { producers: [{ binding: "Q", queue: "q" }] } })).toBeUndefined();
    expect(miniflareOptions({ name: "a", services: [{ binding: "SELF", service: "a" }] })).toBeUndefined();
    expect(miniflareOptions({ name: "a", assets: { directory: "public" } })).toBeUndefined();
  });
});
