// For the contract stage: bundle the worker exactly as wrangler will deploy it, start that bundle in workerd with the
// Workers AI stub, run the contract groups the worker declares, and write the JSON report.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { WranglerConfig } from "../config/parse.js";
import { contractClient } from "../contract/client.js";
import { GROUP_NAMES, selectGroups } from "../contract/groups/index.js";
import { runContract } from "../contract/run.js";
import type { ContractReport } from "../contract/types.js";
import { startWorker, type Runtime } from "../contract/workerd.js";
import { INPUT } from "../inputs.js";

/** The var a worker's config uses to declare which contract groups it serves. */
export const CONTRACT_GROUPS_VAR = "CONTRACT_GROUPS";

export interface ContractOptions {
  workerName: string;
  configPath: string;
  config: WranglerConfig;
  /** The bundle's main module. */
  scriptPath: string;
  stubScript: string;
  runtime: Promise<Runtime>;
  /** Groups the user selected with the input; empty: what the worker declares. */
  selected: string[];
  reportDir: string;
  log: (line: string) => void;
}

/** The groups to run: the input's list, else the config's CONTRACT_GROUPS var, else just `smoke`. */
export function contractGroups(selected: string[], config: WranglerConfig): string[] {
  if (selected.length) return selected;
  const declared = (config.vars as Record<string, unknown> | undefined)?.[CONTRACT_GROUPS_VAR];
  if (typeof declared === "string" && declared.trim()) return declared.split(/[\s,]+/).filter(Boolean);
  return ["smoke"];
}

export async function runContractTests(o: ContractOptions): Promise<{ report: ContractReport; reportPath: string; notes: string[] }> {
  const names = contractGroups(o.selected, o.config);
  const { groups, unknown } = selectGroups(names);
  if (unknown.length) {
    throw new Error(
      `unknown contract group(s) ${unknown.join(", ")} (from input "${INPUT.contractTests}" or var ${CONTRACT_GROUPS_VAR}); known: ${GROUP_NAMES.join(", ")}`,
    );
  }
  // A fresh key for this run: the worker under test accepts only it.
  const key = `sk-contract-${randomBytes(12).toString("hex")}`;
  const worker = await startWorker(o.runtime, {
    configPath: o.configPath,
    config: o.config,
    scriptPath: o.scriptPath,
    stubScript: o.stubScript,
    vars: { API_KEYS: key },
  });
  let report: ContractReport;
  try {
    for (const note of worker.notes) o.log(`offline: ${note}`);
    o.log(`running ${groups.map((g) => g.name).join(", ")} against ${worker.url}`);
    report = await runContract(o.workerName, groups, contractClient(worker.url, key));
  } finally {
    await worker.dispose();
  }
  for (const r of report.results) o.log(`${r.ok ? "✓" : "✗"} ${r.group} › ${r.check} (${r.ms} ms)${r.error ? `: ${r.error}` : ""}`);
  const reportPath = join(o.reportDir, "contract-report.json");
  writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  return { report, reportPath, notes: worker.notes };
}
