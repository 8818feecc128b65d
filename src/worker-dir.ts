// Find the worker to deploy and its wrangler config, and give the pipeline a copy it may write into.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { CONFIG_FILE_NAMES, ConfigError, formatOf, type ConfigFormat } from "./config/format.js";
import { INPUT } from "./inputs.js";
import { SHIPPED_WORKER_DIR } from "./paths.js";

export interface WorkerSource {
  /** The proxy shipped with the action (pre-bundled in dist/worker) rather than the user's own worker. */
  shipped: boolean;
  /** The worker directory as given (or the shipped one). */
  directory: string;
  /** The config file inside `directory`. */
  configPath: string;
  /** How messages name the config: relative to the workspace, or "the shipped proxy worker's wrangler.jsonc". */
  configLabel: string;
  format: ConfigFormat;
  text: string;
}

export function findWorker(input: { workerDirectory: string; config: string }, workspace: string): WorkerSource {
  const shipped = input.workerDirectory === "";
  const directory = shipped ? SHIPPED_WORKER_DIR : resolve(workspace, input.workerDirectory);
  if (!existsSync(directory)) {
    throw new Error(`input "${INPUT.workerDirectory}": ${directory} does not exist (paths are relative to the workspace, ${workspace})`);
  }
  const configPath = findConfig(directory, input.config);
  const label = shipped ? `wrangler.jsonc of the proxy shipped with the action (worker/)` : displayPath(configPath, workspace);
  return { shipped, directory, configPath, configLabel: label, format: formatOf(configPath), text: readFileSync(configPath, "utf8") };
}

function findConfig(directory: string, explicit: string): string {
  if (explicit) {
    const path = isAbsolute(explicit) ? explicit : join(directory, explicit);
    if (!existsSync(path)) throw new Error(`input "${INPUT.config}": ${path} does not exist (it is relative to ${directory})`);
    return path;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(directory, name);
    if (existsSync(path)) return path;
  }
  throw new ConfigError(
    directory,
    undefined,
    `no wrangler config found: expected one of ${CONFIG_FILE_NAMES.join(", ")} (or set input "${INPUT.config}")`,
  );
}

function displayPath(path: string, workspace: string): string {
  const rel = relative(workspace, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/**
 * A private copy of the worker directory for runs that must not touch the original
 * (the shipped worker, local runs): everything but node_modules, which is linked.
 */
export function stageCopy(source: WorkerSource, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, "cf-ai-proxy-worker-"));
  for (const entry of readdirSync(source.directory)) {
    if (entry === ".git" || entry === ".wrangler") continue;
    const from = join(source.directory, entry);
    if (entry === "node_modules") symlinkSync(from, join(dir, entry), "dir");
    else cpSync(from, join(dir, entry), { recursive: true });
  }
  return join(dir, relative(source.directory, source.configPath) || basename(source.configPath));
}
