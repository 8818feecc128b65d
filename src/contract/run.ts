// Runs the selected groups, every check with a time limit, and collects a report; never throws for a failed check.
// Groups are independent and run side by side (the checks of a group one after another): the contract stage
// stays a small part of a deploy.
import type { CheckResult, ContractClient, ContractReport, Group } from "./types.js";

const CHECK_TIMEOUT_MS = 15_000;

export async function runContract(
  worker: string,
  groups: Group[],
  client: ContractClient,
  now: () => number = () => performance.now(),
): Promise<ContractReport> {
  const started = now();
  const runGroup = async (group: Group): Promise<CheckResult[]> => {
    const results: CheckResult[] = [];
    for (const check of group.checks) {
      const t = now();
      let error: string | undefined;
      try {
        await withTimeout(check.run(client), CHECK_TIMEOUT_MS, `${group.name} › ${check.name}`);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      results.push({
        group: group.name,
        check: check.name,
        ok: error === undefined,
        ms: Math.round(now() - t),
        ...(error !== undefined ? { error } : {}),
      });
    }
    return results;
  };
  const results = (await Promise.all(groups.map(runGroup))).flat();
  const failed = results.filter((r) => !r.ok).length;
  return { worker, groups: groups.map((g) => g.name), passed: results.length - failed, failed, ms: Math.round(now() - started), results };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function renderContractTable(report: ContractReport): string {
  const byGroup = new Map<string, CheckResult[]>();
  for (const r of report.results) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  const lines = ["| group | passed | failed | time |", "| --- | ---: | ---: | ---: |"];
  for (const [group, results] of byGroup) {
    const failed = results.filter((r) => !r.ok).length;
    const ms = results.reduce((sum, r) => sum + r.ms, 0);
    lines.push(`| ${group} | ${results.length - failed} | ${failed} | ${(ms / 1000).toFixed(2)} s |`);
  }
  const failures = report.results.filter((r) => !r.ok);
  if (failures.length) {
    lines.push("", "Failures:", "");
    for (const f of failures) lines.push(`- **${f.group} › ${f.check}**: ${(f.error ?? "").replace(/\r?\n/g, " ").replace(/\|/g, "\\|")}`);
  }
  return lines.join("\n");
}
