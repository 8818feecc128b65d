// The pipeline: inputs → plan → provision → patch → (contract) → deploy → report.
// Every failure ends here as one `fail()` naming the stage it came from.
import { configFacts, parseConfig } from "./config/parse.js";
import type { ConfigPatch } from "./config/patch.js";
import { readEvent } from "./event.js";
import type { Host } from "./host.js";
import { INPUT, InputError, parseInputs, type Inputs } from "./inputs.js";
import { ACTION_ROOT } from "./paths.js";
import { Stages } from "./pipeline.js";
import { plan, type Plan } from "./plan.js";
import { dryRunDeploy } from "./stages/deploy.js";
import { writePatchedConfig } from "./stages/patch.js";
import { planNamespaces, type ProvisionedNamespace } from "./stages/provision.js";
import { renderSummary, setOutputs, type RunReport } from "./stages/report.js";
import { locateWrangler } from "./wrangler/locate.js";
import { findWorker, stageCopy } from "./worker-dir.js";
import { tmpdir } from "node:os";

export async function run(host: Host): Promise<RunReport | undefined> {
  const stages = new Stages(host);
  let report: RunReport | undefined;
  try {
    maskSecrets(host);
    const inputs = await stages.run("inputs", async () => parseInputs((name) => host.input(name)));
    const event = readEvent(host.env);
    const workspace = host.env.GITHUB_WORKSPACE || process.cwd();

    const { source, thePlan } = await stages.run("plan", async (detail) => {
      const source = findWorker(inputs, workspace);
      const facts = configFacts(parseConfig(source.text, source.format, source.configLabel));
      const thePlan = plan(inputs, event, { ...facts, configLabel: source.configLabel });
      host.info(`mode: ${thePlan.mode} (${thePlan.reason})`);
      host.info(`worker: ${thePlan.targetName}${source.shipped ? " (the proxy shipped with the action)" : ""}`);
      host.info(`config: ${source.configLabel}`);
      for (const ns of thePlan.namespaces) host.info(`KV binding ${ns.binding} → namespace "${ns.title}"`);
      detail(`${thePlan.mode}: ${thePlan.reason}`);
      return { source, thePlan };
    });
    if (thePlan.notice) host.notice(thePlan.notice);
    if (thePlan.mode !== "dry-run") {
      throw new InputError(INPUT.mode, `"${thePlan.mode}" is not available in this version of the action yet; only "dry-run" is`);
    }

    const namespaces = await stages.run("provision", async (detail) => {
      const planned = planNamespaces(thePlan.namespaces);
      for (const ns of planned) host.info(`would find or create KV namespace "${ns.title}" (binding ${ns.binding})`);
      detail(`${planned.length} namespace(s) planned, none touched (dry run)`);
      return planned;
    });

    const configPath = await stages.run("patch", async (detail) => {
      const target = source.shipped || host.local ? stageCopy(source, host.env.RUNNER_TEMP || tmpdir()) : source.configPath;
      writePatchedConfig(source, configPatch(inputs, thePlan, namespaces), target);
      host.info(`patched config written to ${target}`);
      detail(target === source.configPath ? "patched in place" : "patched into a temporary copy");
      return target;
    });

    const bundle = await stages.run("deploy", async (detail) => {
      const wrangler = await locateWrangler({
        workerDirectory: source.directory,
        actionRoot: ACTION_ROOT,
        version: inputs.wranglerVersion,
        toolCache: host.env.RUNNER_TOOL_CACHE || `${tmpdir()}/cf-ai-proxy-tool-cache`,
        log: (line) => host.info(line),
      });
      host.info(`wrangler ${wrangler.version} (${wrangler.source})`);
      const bundle = await dryRunDeploy(wrangler.bin, configPath, (line) => host.info(line));
      detail(`wrangler deploy --dry-run: ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip`);
      return bundle;
    });

    report = { plan: thePlan, configPath, namespaces, bundle, stages: stages.records };
    await stages.run("report", async () => {
      setOutputs(host, report!);
      await host.appendSummary(renderSummary(report!));
    });
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (report) report.failure = message;
    host.fail(message);
    return report;
  }
}

function maskSecrets(host: Host) {
  host.setSecret(host.input(INPUT.apiToken).trim());
  for (const key of host.input(INPUT.apiKeys).split(/[\n,]/)) host.setSecret(key.trim());
}

function configPatch(inputs: Inputs, thePlan: Plan, namespaces: ProvisionedNamespace[]): ConfigPatch {
  const vars = { ...inputs.vars };
  if (inputs.defaultModel) {
    if ("DEFAULT_AI_MODEL" in vars) throw new InputError(INPUT.vars, `DEFAULT_AI_MODEL is also set by input "${INPUT.defaultModel}": set it in one place`);
    vars.DEFAULT_AI_MODEL = inputs.defaultModel;
  }
  return { name: thePlan.targetName, kv: namespaces.map((ns) => ({ binding: ns.binding, id: ns.id })), vars };
}
