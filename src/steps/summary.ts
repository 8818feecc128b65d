// The run's report, built from its final state (`reportOf`), and what it becomes: the outputs and the job summary.
// `renderSummary` is pure so its text is unit-tested.
import { renderUsage, type UsageDay } from "./usage-summary.js";
import type { ContractReport } from "../contract/types.js";
import type { Resolution } from "../models/check.js";
import { renderContractTable } from "../contract/run.js";
import type { Host } from "../host.js";
import { OUTPUT } from "../inputs.js";
import type { StageRecord } from "../pipeline.js";
import type { RunState } from "../run-state.js";
import type { Plan } from "../plan.js";
import type { ProvisionedNamespace } from "./namespaces.js";

export interface RunReport {
  plan: Plan | undefined;
  configPath?: string;
  namespaces: ProvisionedNamespace[];
  workerUrl?: string;
  previewUrl?: string;
  versionId?: string;
  bundle?: { bytes: number; gzipBytes: number };
  contract?: ContractReport;
  contractReportPath?: string;
  /** What the run did, in a sentence each (skipped upload, rolled back, …). */
  facts: string[];
  /** The deployed proxy's usage of the last 7 days, when its Usage API answered the smoke test's key. */
  usage?: UsageDay[];
  /** What the user should act on although the run went on (a model retiring soon): also logged as warnings. */
  warnings: string[];
  /** The model check of the preflight: the catalogue it used and which name serves with which model. */
  models?: { catalogue: string; resolutions: Resolution[] };
  stages: StageRecord[];
  failure?: string;
}

/** The report of a run that reached `state`; `failure` is its error, if it failed. */
export function reportOf(state: Readonly<RunState>, stages: StageRecord[], failure?: string): RunReport {
  const s = state;
  return {
    plan: s.plan,
    namespaces: s.namespaces ?? [],
    facts: [...s.facts],
    warnings: [...s.warnings],
    stages,
    ...(s.configPath !== undefined && { configPath: s.configPath }),
    ...(s.workerUrl !== undefined && { workerUrl: s.workerUrl }),
    ...(s.previewUrl !== undefined && { previewUrl: s.previewUrl }),
    ...(s.versionId !== undefined && { versionId: s.versionId }),
    ...(s.bundle && { bundle: { bytes: s.bundle.bytes, gzipBytes: s.bundle.gzipBytes } }),
    ...(s.contract && { contract: s.contract }),
    ...(s.contractReportPath !== undefined && { contractReportPath: s.contractReportPath }),
    ...(s.usage && { usage: s.usage }),
    ...(s.models && { models: s.models }),
    ...(failure !== undefined && { failure }),
  };
}

export function setOutputs(host: Host, report: RunReport): void {
  if (report.plan) host.setOutput(OUTPUT.mode, report.plan.mode);
  if (report.configPath) host.setOutput(OUTPUT.configPath, report.configPath);
  host.setOutput(OUTPUT.kvNamespaces, JSON.stringify(Object.fromEntries(report.namespaces.map((ns) => [ns.binding, ns.id]))));
  if (report.workerUrl) host.setOutput(OUTPUT.workerUrl, report.workerUrl);
  if (report.previewUrl) host.setOutput(OUTPUT.previewUrl, report.previewUrl);
  if (report.versionId) host.setOutput(OUTPUT.versionId, report.versionId);
  if (report.contractReportPath) host.setOutput(OUTPUT.contractReport, report.contractReportPath);
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function renderSummary(report: RunReport): string {
  const { plan } = report;
  const mode = plan?.mode ?? "not started";
  const rows: [string, string][] = [];
  if (plan) rows.push(["Mode", `**${plan.mode}** (${plan.reason})`], ["Worker", `\`${plan.targetName}\``]);
  if (report.configPath) rows.push(["Config", `\`${report.configPath}\``]);
  if (report.workerUrl) rows.push(["Worker URL", report.workerUrl]);
  if (report.previewUrl) rows.push(["Preview URL", report.previewUrl]);
  if (report.versionId) rows.push(["Version", `\`${report.versionId}\``]);
  if (report.bundle) rows.push(["Bundle", `${kib(report.bundle.bytes)} (${kib(report.bundle.gzipBytes)} gzip)`]);
  if (report.contract) rows.push(["Contract tests", `${report.contract.passed} passed, ${report.contract.failed} failed`]);
  const lines = [`## cf-ai-proxy-action: ${mode}${report.failure ? " failed" : ""}`, ""];
  if (report.failure) lines.push(`> [!CAUTION]`, `> ${cell(report.failure)}`, "");
  if (plan?.notice) lines.push(`> [!NOTE]`, `> ${cell(plan.notice)}`, "");
  for (const warning of report.warnings) lines.push(`> [!WARNING]`, `> ${cell(warning)}`, "");
  for (const fact of report.facts) lines.push(`- ${cell(fact)}`);
  if (report.facts.length) lines.push("");
  if (rows.length) lines.push("| | |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`), "");
  if (report.namespaces.length) {
    lines.push("### KV namespaces", "", "| binding | title | id | |", "| --- | --- | --- | --- |");
    for (const ns of report.namespaces) lines.push(`| \`${ns.binding}\` | \`${cell(ns.title)}\` | \`${ns.id}\` | ${ns.action} |`);
    lines.push("");
  }
  if (report.models) {
    lines.push(
      "### Models",
      "",
      `<details><summary>${report.models.resolutions.length} names, checked against ${report.models.catalogue}</summary>`,
      "",
    );
    lines.push("| name | Workers AI model | |", "| --- | --- | --- |");
    for (const r of report.models.resolutions) lines.push(`| ${cell(r.label)} | ${r.model ? `\`${r.model}\`` : "—"} | ${cell(r.note)} |`);
    lines.push("", "</details>", "");
  }
  if (report.contract) lines.push("### Contract tests", "", renderContractTable(report.contract), "");
  if (report.usage) lines.push(renderUsage(report.usage), "");
  lines.push("### Stages", "", "| stage | time | result |", "| --- | ---: | --- |");
  for (const s of report.stages) lines.push(`| ${s.name} | ${(s.ms / 1000).toFixed(2)} s | ${s.ok ? "✅" : "❌"} ${cell(s.detail)} |`);
  return `${lines.join("\n")}\n`;
}
