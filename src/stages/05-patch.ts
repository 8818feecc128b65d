// Stage patch: the worker's config with this run's name, KV ids and vars (and a previews block for a Worker
// Preview), written where wrangler will read it: a temporary copy, or the runner's checkout in place.
import { parseConfig } from "../config/parse.js";
import type { ConfigPatch } from "../config/patch.js";
import { previewsBlock } from "../config/previews.js";
import type { RunContext } from "../context.js";
import { varsToPatch } from "../models/vars.js";
import type { Stage } from "../orchestrator.js";
import type { Plan } from "../plan.js";
import { planned, type RunState } from "../run-state.js";
import type { ProvisionedNamespace } from "../steps/namespaces.js";
import { writePatchedConfig } from "../steps/patch.js";
import { stageCopy } from "../worker-dir.js";

export const patchStage: Stage<RunState> = {
  name: "patch",
  when: (state) => state.plan?.mode !== "cleanup",
  async run(state, { detail }) {
    const { ctx, plan } = planned(state);
    const { source, host } = ctx;
    // The shipped worker and local runs never write into the original; a runner's checkout is the user's to patch.
    const target = source.shipped || host.local ? stageCopy(source, ctx.workDir) : source.configPath;
    const configText = writePatchedConfig(source, configPatch(ctx, plan, state.namespaces ?? []), target);
    ctx.log(`patched config written to ${target}`);
    detail(target === source.configPath ? "patched in place" : "patched into a temporary copy");
    return { configPath: target, configText };
  },
};

function configPatch(ctx: RunContext, plan: Plan, namespaces: ProvisionedNamespace[]): ConfigPatch {
  const vars = varsToPatch(ctx.inputs);
  const kv = namespaces.map((ns) => ({ binding: ns.binding, id: ns.id }));
  // `wrangler preview` binds only what the config's previews block lists: the worker's bindings, this preview's KV.
  const previews =
    plan.preview?.strategy === "preview"
      ? previewsBlock(parseConfig(ctx.source.text, ctx.source.format, ctx.source.configLabel), kv, vars)
      : undefined;
  return { name: plan.targetName, kv, vars, ...(previews && { previews }) };
}
