// Runs the built action (dist/index.js) exactly as a GitHub runner does: a child Node process with
// INPUT_* (defaults filled in from action.yml), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH, …
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { runnerNode, seedToolCache } from "./toolchain.js";

export const ROOT = resolve(import.meta.dirname, "../..");

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Lines the runner would show as errors (`::error::…`). */
  errors: string[];
  dir: string;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  event?: { name: string; payload?: unknown };
  env?: Record<string, string>;
  /** The folder used as GITHUB_WORKSPACE (default: a fresh temp dir). */
  workspace?: string;
  entry?: string;
  timeoutMs?: number;
  /** The Node that runs dist/index.js (and so wrangler): default the runner's Node 24. */
  node?: string;
  /** Put the installed wranglers into the tool cache (default true); false: the action installs one as on a fresh runner. */
  seedWranglers?: boolean;
}

export async function runAction(options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), "action-run-"));
  const workspace = options.workspace ?? join(dir, "workspace");
  mkdirSync(workspace, { recursive: true });
  for (const sub of ["temp", "tool-cache", "home"]) mkdirSync(join(dir, sub), { recursive: true });
  if (options.seedWranglers !== false) seedToolCache(join(dir, "tool-cache"));
  const outputFile = join(dir, "output.txt");
  const summaryFile = join(dir, "summary.md");
  const eventFile = join(dir, "event.json");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  writeFileSync(eventFile, JSON.stringify(options.event?.payload ?? {}));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: join(dir, "home"),
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.event?.name ?? "push",
    GITHUB_REPOSITORY: "octo-org/octo-repo",
    GITHUB_REPOSITORY_OWNER: "octo-org",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_REF: "refs/heads/main",
    GITHUB_RUN_ID: "4242",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: "https://api.github.invalid",
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(dir, "temp"),
    RUNNER_TOOL_CACHE: join(dir, "tool-cache"),
  };
  // The runner fills in every input's default from action.yml before the action starts.
  const actionYml = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as ActionYml;
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    if (spec.default !== undefined) inputs[name] = spec.default === "${{ github.token }}" ? "ghs_test_token" : String(spec.default);
  }
  Object.assign(inputs, options.inputs);
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  Object.assign(env, options.env);

  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolvePromise, reject) => {
    const child = spawn(options.node ?? runnerNode(), [options.entry ?? join(ROOT, "dist/index.js")], {
      cwd: workspace,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
    errors: stdout
      .split("\n")
      .filter((l) => l.startsWith("::error"))
      .map((l) => l.replace(/^::error[^:]*::/, "")),
    dir,
  };
}

/** GITHUB_OUTPUT's format: `name<<DELIMITER\nvalue\nDELIMITER\n` per output. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (match) {
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== match[2]) value.push(lines[i]);
      outputs[match[1]] = value.join("\n");
    } else if (lines[i].includes("=")) {
      const eq = lines[i].indexOf("=");
      outputs[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
    }
  }
  return outputs;
}
