// Stage provision: make sure every KV namespace the worker binds exists and learn its id (src/steps/namespaces.ts);
// offline modes only plan them. Refuses, before anything is written, binding names wrangler cannot handle.
import { INPUT, InputError, type Inputs } from "../inputs.js";
import type { Stage } from "../orchestrator.js";
import { planned, type RunState } from "../run-state.js";
import { planNamespaces, provisionNamespaces } from "../steps/namespaces.js";

export const provisionStage: Stage<RunState> = {
  name: "provision",
  when: (state) => state.plan?.mode !== "cleanup",
  async run(state, { detail }) {
    const { ctx, plan, inputs } = planned(state);
    refuseNamesWranglerMisreads(inputs);
    if (plan.mode === "dry-run" || plan.mode === "test") {
      const namespaces = planNamespaces(plan.namespaces);
      for (const ns of namespaces) ctx.log(`would find or create KV namespace "${ns.title}" (binding ${ns.binding})`);
      detail(`${namespaces.length} namespace(s) planned, none touched (${plan.mode})`);
      return { namespaces };
    }
    const namespaces = await provisionNamespaces(ctx.cloudflare(), plan.namespaces, ctx.log);
    detail(namespaces.map((ns) => `${ns.binding}: ${ns.action}`).join(", ") || "no KV bindings");
    return { namespaces };
  },
};

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
