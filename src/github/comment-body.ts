// The sticky pull-request comment, as pure text: one per worker, found again by its hidden marker.
import type { ContractReport } from "../contract/types.js";

export const commentMarker = (worker: string) => `<!-- cf-ai-proxy-action:preview:${worker} -->`;

export interface CommentFacts {
  worker: string;
  state: "deployed" | "tests-failed" | "failed" | "closed";
  previewUrl?: string;
  versionId?: string;
  sha: string;
  strategy?: "worker" | "version" | "preview";
  contract?: ContractReport;
  failure?: string;
  /** What the run did, one sentence each (the clean-up says what it removed). */
  facts?: string[];
  runUrl?: string;
}

const STRATEGY_TEXT = {
  worker: "a separate preview worker, with its own storage",
  version: "a version preview URL of the production worker",
  preview: "a Worker Preview of the production worker, with its own URL and Durable Object state",
} as const;

export function renderComment(f: CommentFacts): string {
  const short = f.sha.slice(0, 7);
  const lines = [commentMarker(f.worker)];
  switch (f.state) {
    case "deployed":
      lines.push(
        `### ✅ Preview of \`${f.worker}\` is live`,
        "",
        `| | |`,
        `| --- | --- |`,
        `| Preview | ${f.previewUrl ?? "(no URL reported)"} |`,
        `| OpenAI base URL | ${f.previewUrl ? `\`${f.previewUrl.replace(/\/$/, "")}/v1\`` : "—"} |`,
      );
      if (f.versionId) lines.push(`| Version | \`${f.versionId}\` |`);
      lines.push(`| Commit | \`${short}\` |`);
      if (f.strategy) lines.push(`| Kind | ${STRATEGY_TEXT[f.strategy]} |`);
      break;
    case "tests-failed":
      lines.push(`### ❌ Preview of \`${f.worker}\` not deployed: contract tests failed at \`${short}\``);
      break;
    case "failed":
      lines.push(`### ❌ Preview of \`${f.worker}\` failed at \`${short}\``, "", `> ${oneLine(f.failure ?? "")}`);
      break;
    case "closed":
      lines.push(
        `### 🧹 Preview of \`${f.worker}\` closed`,
        "",
        `The pull request was closed at \`${short}\`.`,
        ...(f.facts ?? []).map((fact) => `- ${fact}`),
      );
      break;
  }
  if (f.contract) {
    const failures = f.contract.results.filter((r) => !r.ok);
    lines.push("", `Contract tests: **${f.contract.passed} passed, ${f.contract.failed} failed** (${f.contract.groups.join(", ")}).`);
    for (const r of failures.slice(0, 10)) lines.push(`- ${r.group} › ${r.check}: ${oneLine(r.error ?? "")}`);
  }
  if (f.runUrl) lines.push("", `[Workflow run](${f.runUrl})`);
  return `${lines.join("\n")}\n`;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").slice(0, 500);
