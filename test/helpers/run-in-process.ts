// Runs the pipeline from src/ in this process (src/main.ts `run`) with a recording host, against a World's fakes:
// the same inputs and environment as run-action.ts gives dist/index.js, but a change in src/ is seen at once.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { run } from "../../src/main.js";
import type { RunReport } from "../../src/steps/summary.js";
import type { World } from "./pipeline-world.js";
import { recordingHost, type RecordingHost } from "./recording-host.js";
import { ROOT, type ActionRun } from "./run-action.js";
import { seedToolCache } from "./toolchain.js";

export interface InProcessRun {
  host: RecordingHost;
  report: RunReport;
  /** The run's folders: workspace (unless given), temp, tool-cache. */
  dir: string;
}

export async function runInProcess(
  world: World,
  o: { event?: { name: string; payload?: unknown }; inputs?: Record<string, string>; env?: Record<string, string>; workspace?: string },
): Promise<InProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), "action-in-process-"));
  for (const sub of ["workspace", "temp", "tool-cache"]) mkdirSync(join(dir, sub), { recursive: true });
  const workspace = o.workspace ?? join(dir, "workspace");
  const event = o.event ?? { name: "push" };
  seedToolCache(join(dir, "tool-cache"));
  const eventFile = join(dir, "event.json");
  writeFileSync(eventFile, JSON.stringify(event.payload ?? {}));
  // The runner fills in every input's default from action.yml before the action starts.
  const actionYml = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }> };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml.inputs))
    if (spec.default !== undefined) inputs[name] = spec.default === "${{ github.token }}" ? "ghs_test_token" : String(spec.default);
  Object.assign(inputs, {
    "api-token": world.cf.token,
    "account-id": world.cf.accountId,
    "github-token": world.gh.token,
    "smoke-test-url": world.edge.origin,
    ...o.inputs,
  });
  const host = recordingHost(inputs, {
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: "octo-org/octo-repo",
    GITHUB_REPOSITORY_OWNER: "octo-org",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_REF: "refs/heads/main",
    GITHUB_RUN_ID: "4242",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: world.gh.origin,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(dir, "temp"),
    RUNNER_TOOL_CACHE: join(dir, "tool-cache"),
    CLOUDFLARE_API_BASE_URL: world.cf.apiBase,
    ...o.env,
  });
  const report = await run(host);
  return { host, report, dir };
}

/** What @actions/core does to a workflow command's message. */
const commandValue = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/**
 * An in-process run seen as the runner sees dist/index.js (run-action.ts): exit code, workflow commands on stdout,
 * outputs, summary, errors; so a test written against the bundle runs unchanged against src/.
 */
export async function runInProcessAsAction(
  world: World,
  o: { event?: { name: string; payload?: unknown }; inputs?: Record<string, string>; env?: Record<string, string>; workspace?: string },
): Promise<ActionRun> {
  const { host, dir } = await runInProcess(world, o);
  const lines = [
    ...host.secrets.map((secret) => `::add-mask::${commandValue(secret)}`),
    ...host.lines.map((line) => {
      const command = /^(notice|warning|group): /.exec(line);
      return command ? `::${command[1]}::${commandValue(line.slice(command[0].length))}` : line;
    }),
    ...(host.failure === undefined ? [] : [`::error::${commandValue(host.failure)}`]),
  ];
  return {
    code: host.failure === undefined ? 0 : 1,
    stdout: `${lines.join("\n")}\n`,
    stderr: "",
    outputs: { ...host.outputs },
    summary: host.summary,
    errors: host.failure === undefined ? [] : [host.failure],
    dir,
  };
}
