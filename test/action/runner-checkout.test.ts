// What a runner has: the action's repository as committed, no node_modules. dist/ alone must be enough:
// wrangler (and the workerd it carries) is installed into the tool cache, and the contract tests run.
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { DEFAULT_WRANGLER_VERSION } from "../../src/inputs.js";
import { ROOT, runAction } from "../helpers/run-action.js";

it("runs from dist/ without node_modules, installing wrangler into the tool cache", async () => {
  const checkout = join(mkdtempSync(join(tmpdir(), "action-checkout-")), "cf-ai-proxy-action");
  mkdirSync(checkout);
  for (const entry of ["action.yml", "package.json", "dist"]) cpSync(join(ROOT, entry), join(checkout, entry), { recursive: true });
  const run = await runAction({
    entry: join(checkout, "dist", "index.js"),
    inputs: { mode: "dry-run" },
    // npm needs the machine's certificates (and proxy, if any) to reach the registry.
    env: Object.fromEntries(
      Object.entries(process.env).filter(([k]) =>
        /^(NODE_EXTRA_CA_CERTS|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy|npm_config_registry)$/.test(k),
      ) as [string, string][],
    ),
    timeoutMs: 240_000,
    seedWranglers: false,
  });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  // The default wrangler, installed from the registry on the runner's Node 24, as a fresh runner does.
  const v = DEFAULT_WRANGLER_VERSION;
  expect(run.stdout).toContain(`installing wrangler@${v} into ${run.dir}/tool-cache/cf-ai-proxy-wrangler/${v}/`);
  expect(run.stdout).toContain(`wrangler ${v} (installed)`);
  expect(run.summary).toMatch(/\| contract \| [\d.]+ s \| ✅ \d+ passed, 0 failed \|/);
}, 300_000);
