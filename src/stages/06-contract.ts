// Stage contract: bundle the worker exactly as wrangler deploys it, and run the contract tests against that bundle
// in workerd with the Workers AI stub (src/steps/contract.ts). For a push deploy of the shipped proxy it also
// starts the gated deploy (src/steps/deploying.ts), owned by the orchestrator, so it is stopped if anything fails.
// A failure after bundling carries the bundle and the test results, for the summary and the pull request.
import { dirname, join, resolve } from "node:path";
import { parseConfig } from "../config/parse.js";
import { miniflareOptions } from "../contract/miniflare-options.js";
import { loadRuntime } from "../contract/workerd.js";
import { INPUT } from "../inputs.js";
import { StageFailed, type Stage } from "../orchestrator.js";
import { ACTION_ROOT } from "../paths.js";
import { planned, type RunState } from "../run-state.js";
import { runContractTests } from "../steps/contract.js";
import { gatedDeployFor } from "../steps/deploying.js";
import { bundleWorker, prebundled } from "../wrangler/commands.js";

export class ContractTestsFailed extends Error {
  constructor(failed: number, total: number) {
    super(`${failed} of ${total} contract checks failed, so nothing was deployed (details in the job summary and the contract report)`);
    this.name = "ContractTestsFailed";
  }
}

export const contractStage: Stage<RunState> = {
  name: "contract",
  when: (state) => state.plan?.mode !== "cleanup",
  async run(state, { detail, own }) {
    const { ctx, plan, inputs } = planned(state);
    const { configPath, configText } = state;
    if (configPath === undefined || configText === undefined) throw new Error("internal: the contract stage runs before the patch stage");
    const w = await ctx.wrangler();
    const config = parseConfig(configText, ctx.source.format, configPath);
    const main = typeof config.main === "string" ? resolve(dirname(configPath), config.main) : undefined;
    // A no_bundle config (the shipped proxy: dist/worker is already the bundle) is tested and deployed as it is;
    // anything else is bundled exactly as `wrangler deploy` bundles it.
    const bundling =
      config.no_bundle === true && main && /\.m?js$/.test(main)
        ? Promise.resolve(prebundled(main))
        : bundleWorker({ bin: w.bin, configPath, env: { NODE_COMPILE_CACHE: ctx.compileCache }, log: ctx.log }, main ?? "index.js");
    // Loading Miniflare (and wrangler's API, for configs we cannot translate) blocks for a while: do it while
    // the bundling child process runs.
    const runtime = inputs.contractTests ? loadRuntime(w.packageDir, miniflareOptions(config) === undefined, ctx.compileCache) : undefined;
    runtime?.catch(() => {}); // awaited, and reported, below
    const bundle = await bundling;
    ctx.log(`bundle: ${(bundle.bytes / 1024).toFixed(1)} KiB (${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip)`);
    let found: Partial<RunState> = { bundle };
    try {
      // A deploy may get ready while the tests run; whatever fails from here on, the orchestrator aborts it.
      const started = gatedDeployFor(ctx, plan, { bundle, configPath, configText, config }, w.version, w.bin);
      found = { ...found, gated: started && own(started) };
      if (!runtime) {
        detail(`skipped (input "${INPUT.contractTests}" is false)`);
        return found;
      }
      const { report: contract, reportPath } = await runContractTests({
        workerName: plan.targetName,
        configPath,
        config,
        scriptPath: bundle.main,
        stubScript: join(ACTION_ROOT, "dist", "ai-stub", "index.js"),
        runtime,
        selected: inputs.contractGroups,
        reportDir: ctx.workDir,
        log: ctx.log,
      });
      found = { ...found, contract, contractReportPath: reportPath };
      detail(`${contract.passed} passed, ${contract.failed} failed`);
      if (contract.failed > 0) throw new ContractTestsFailed(contract.failed, contract.results.length);
      return found;
    } catch (error) {
      throw new StageFailed(found, error);
    }
  },
};
