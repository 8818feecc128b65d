// What every mode but cleanup does first: namespaces, the patched config, the bundle, the contract tests.
import { dirname, join, resolve } from "node:path";
import { parseConfig, type WranglerConfig } from "../config/parse.js";
import { previewsBlock } from "../config/previews.js";
import { miniflareOptions } from "../contract/miniflare-options.js";
import type { ConfigPatch } from "../config/patch.js";
import type { RunContext } from "../context.js";
import { loadRuntime } from "../contract/workerd.js";
import { INPUT, InputError, type Inputs } from "../inputs.js";
import { varsToPatch } from "../models/vars.js";
import { ACTION_ROOT } from "../paths.js";
import { runContractStage } from "../stages/contract.js";
import { writePatchedConfig } from "../stages/patch.js";
import { planNamespaces, provisionNamespaces, type ProvisionedNamespace } from "../stages/provision.js";
import { bundleWorker, prebundled, type BundleInfo } from "../wrangler/commands.js";
import { stageCopy } from "../worker-dir.js";

export interface Built {
  configPath: string;
  configText: string;
  bundle: BundleInfo;
}

export class ContractTestsFailed extends Error {
  constructor(failed: number, total: number) {
    super(`${failed} of ${total} contract checks failed, so nothing was deployed (details in the job summary and the contract report)`);
    this.name = "ContractTestsFailed";
  }
}

export interface BuildHooks {
  /** Called once the bundle is known, just before the contract tests start (a deploy may get ready meanwhile). */
  beforeTests?(bundle: BundleInfo, configText: string, config: WranglerConfig): void;
}

export async function buildAndTest(ctx: RunContext, hooks: BuildHooks = {}): Promise<Built> {
  const { plan, inputs, source, host, report } = ctx;
  const offline = plan.mode === "dry-run" || plan.mode === "test";
  const wrangler = ctx.wrangler();

  report.namespaces = await ctx.stages.run("provision", async (detail) => {
    refuseNamesWranglerMisreads(inputs);
    if (offline) {
      const planned = planNamespaces(plan.namespaces);
      for (const ns of planned) ctx.log(`would find or create KV namespace "${ns.title}" (binding ${ns.binding})`);
      detail(`${planned.length} namespace(s) planned, none touched (${plan.mode})`);
      return planned;
    }
    const done = await provisionNamespaces(ctx.cloudflare(), plan.namespaces, ctx.log);
    detail(done.map((ns) => `${ns.binding}: ${ns.action}`).join(", ") || "no KV bindings");
    return done;
  });

  const { configPath, configText } = await ctx.stages.run("patch", async (detail) => {
    // The shipped worker and local runs never write into the original; a runner's checkout is the user's to patch.
    const target = source.shipped || host.local ? stageCopy(source, ctx.workDir) : source.configPath;
    const configText = writePatchedConfig(source, configPatch(ctx, report.namespaces), target);
    ctx.log(`patched config written to ${target}`);
    detail(target === source.configPath ? "patched in place" : "patched into a temporary copy");
    return { configPath: target, configText };
  });
  report.configPath = configPath;

  const bundle = await ctx.stages.run("contract", async (detail) => {
    const w = await wrangler;
    const config = parseConfig(configText, source.format, configPath);
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
    report.bundle = bundle;
    ctx.log(`bundle: ${(bundle.bytes / 1024).toFixed(1)} KiB (${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip)`);
    hooks.beforeTests?.(bundle, configText, config);
    if (!runtime) {
      detail(`skipped (input "${INPUT.contractTests}" is false)`);
      return bundle;
    }
    const { report: contract, reportPath } = await runContractStage({
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
    report.contract = contract;
    report.contractReportPath = reportPath;
    detail(`${contract.passed} passed, ${contract.failed} failed`);
    if (contract.failed > 0) throw new ContractTestsFailed(contract.failed, contract.results.length);
    return bundle;
  });
  return { configPath, configText, bundle };
}

function configPatch(ctx: RunContext, namespaces: ProvisionedNamespace[]): ConfigPatch {
  const { inputs, plan } = ctx;
  const vars = varsToPatch(inputs);
  const kv = namespaces.map((ns) => ({ binding: ns.binding, id: ns.id }));
  // `wrangler preview` binds only what the config's previews block lists: the worker's bindings, this preview's KV.
  const previews =
    plan.preview?.strategy === "preview"
      ? previewsBlock(parseConfig(ctx.source.text, ctx.source.format, ctx.source.configLabel), kv, vars)
      : undefined;
  return { name: plan.targetName, kv, vars, ...(previews && { previews }) };
}

/**
 * The action keeps every binding name as data, but wrangler (4.86 at least) checks a config's binding names for
 * duplicates by looking them up in a plain object: a name every JavaScript object has (toString, constructor,
 * __proto__, …) makes every wrangler command crash with "….push is not a function". Say so before anything is written.
 */
export function refuseNamesWranglerMisreads(inputs: Pick<Inputs, "vars" | "kvNamespaces">): void {
  const lists: [string, string[]][] = [
    [INPUT.vars, Object.keys(inputs.vars)],
    [INPUT.kvNamespaces, inputs.kvNamespaces],
  ];
  for (const [input, names] of lists) {
    const misread = names.filter((name) => name in Object.prototype);
    if (misread.length === 0) continue;
    throw new InputError(
      input,
      `${misread.map((n) => `"${n}"`).join(", ")} cannot be a binding name: wrangler's check for duplicate binding names ` +
        `looks names up in a plain object and crashes on names that every JavaScript object has (a wrangler bug). Rename ${misread.length > 1 ? "them" : "it"}.`,
    );
  }
}
