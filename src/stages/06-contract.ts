// The stages every mode but cleanup runs first: namespaces, the patched config, the bundle and its contract tests.
import { dirname, join, resolve } from "node:path";
import type { CloudflareApi } from "../cloudflare/api.js";
import { parseConfig } from "../config/parse.js";
import { previewsBlock } from "../config/previews.js";
import { miniflareOptions } from "../contract/miniflare-options.js";
import type { ConfigPatch } from "../config/patch.js";
import type { RunContext } from "../context.js";
import { loadRuntime } from "../contract/workerd.js";
import { INPUT, InputError, type Inputs } from "../inputs.js";
import { varsToPatch } from "../models/vars.js";
import type { Stage } from "../orchestrator.js";
import { ACTION_ROOT } from "../paths.js";
import { runContractStage } from "../steps/contract.js";
import { writePatchedConfig } from "../steps/patch.js";
import { planNamespaces, provisionNamespaces, type ProvisionedNamespace } from "../steps/namespaces.js";
import { bundleWorker, prebundled, type BundleInfo } from "../wrangler/commands.js";
import { stageCopy } from "../worker-dir.js";
import type { GatedDeploy } from "../wrangler/gated-deploy.js";
import { gatedDeployFor } from "./07-deploy.js";

/** What the build stages return; the deploy, preview and dry-run stages read it. */
export interface Built {
  configPath: string;
  configText: string;
  bundle: BundleInfo;
}

/** The state a mode's stages pass on (src/orchestrator.ts merges each stage's result into it). */
export interface RunState extends Partial<Built> {
  namespaces?: ProvisionedNamespace[];
  /** A deploy that started beside the contract tests and waits for them; owned (aborted) by the orchestrator. */
  gated?: GatedDeploy;
  /** What the deploy stage found live before it uploaded, for the smoke test's rollback. */
  deployed?: { before: Awaited<ReturnType<CloudflareApi["deployments"]>>; uploaded: boolean };
}

/** The build's results, for a stage that runs after the contract stage. */
export function built(state: Readonly<RunState>): Built {
  const { configPath, configText, bundle } = state;
  if (configPath === undefined || configText === undefined || bundle === undefined)
    throw new Error("internal: a stage that needs the tested bundle runs before the contract stage");
  return { configPath, configText, bundle };
}

export class ContractTestsFailed extends Error {
  constructor(failed: number, total: number) {
    super(`${failed} of ${total} contract checks failed, so nothing was deployed (details in the job summary and the contract report)`);
    this.name = "ContractTestsFailed";
  }
}

export function provisionStage(ctx: RunContext): Stage<RunState> {
  const { plan, inputs, report } = ctx;
  const offline = plan.mode === "dry-run" || plan.mode === "test";
  return {
    name: "provision",
    async run(_state, { detail }) {
      refuseNamesWranglerMisreads(inputs);
      if (offline) {
        const planned = planNamespaces(plan.namespaces);
        for (const ns of planned) ctx.log(`would find or create KV namespace "${ns.title}" (binding ${ns.binding})`);
        detail(`${planned.length} namespace(s) planned, none touched (${plan.mode})`);
        report.namespaces = planned;
        return { namespaces: planned };
      }
      const done = await provisionNamespaces(ctx.cloudflare(), plan.namespaces, ctx.log);
      detail(done.map((ns) => `${ns.binding}: ${ns.action}`).join(", ") || "no KV bindings");
      report.namespaces = done;
      return { namespaces: done };
    },
  };
}

export function patchStage(ctx: RunContext): Stage<RunState> {
  const { source, host, report } = ctx;
  return {
    name: "patch",
    async run(state, { detail }) {
      // The shipped worker and local runs never write into the original; a runner's checkout is the user's to patch.
      const target = source.shipped || host.local ? stageCopy(source, ctx.workDir) : source.configPath;
      const configText = writePatchedConfig(source, configPatch(ctx, state.namespaces ?? []), target);
      ctx.log(`patched config written to ${target}`);
      detail(target === source.configPath ? "patched in place" : "patched into a temporary copy");
      report.configPath = target;
      return { configPath: target, configText };
    },
  };
}

export function contractStage(ctx: RunContext): Stage<RunState> {
  const { plan, inputs, source, report } = ctx;
  return {
    name: "contract",
    async run(state, { detail, own }) {
      const { configPath, configText } = state;
      if (configPath === undefined || configText === undefined) throw new Error("internal: the contract stage runs before the patch stage");
      const w = await ctx.wrangler();
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
      const runtime = inputs.contractTests
        ? loadRuntime(w.packageDir, miniflareOptions(config) === undefined, ctx.compileCache)
        : undefined;
      runtime?.catch(() => {}); // awaited, and reported, below
      const bundle = await bundling;
      report.bundle = bundle;
      ctx.log(`bundle: ${(bundle.bytes / 1024).toFixed(1)} KiB (${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip)`);
      // A deploy may get ready while the tests run; whatever fails from here on, the orchestrator aborts it.
      const started = gatedDeployFor(ctx, { bundle, configPath, configText, config }, w.version, w.bin);
      const gated = started && own(started);
      if (!runtime) {
        detail(`skipped (input "${INPUT.contractTests}" is false)`);
        return { bundle, gated };
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
      return { bundle, gated };
    },
  };
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
