// Find the wrangler to run: the worker directory's own, else the action's own (local runs),
// else one installed once per version into the runner's tool cache.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";

export interface LocatedWrangler {
  bin: string;
  /** The wrangler package folder (…/node_modules/wrangler): its API and its miniflare are loaded from here. */
  packageDir: string;
  version: string;
  source: "worker-directory" | "action" | "tool-cache";
}

function installedAt(root: string): LocatedWrangler | undefined {
  const pkg = join(root, "node_modules", "wrangler", "package.json");
  if (!existsSync(pkg)) return undefined;
  const { version } = JSON.parse(readFileSync(pkg, "utf8")) as { version: string };
  const packageDir = join(root, "node_modules", "wrangler");
  return { bin: join(packageDir, "bin", "wrangler.js"), packageDir, version, source: "action" };
}

export interface LocateOptions {
  workerDirectory: string;
  actionRoot: string;
  version: string;
  /** Folder for tool-cache installs (RUNNER_TOOL_CACHE on a runner). */
  toolCache: string;
  log: (line: string) => void;
}

export async function locateWrangler(options: LocateOptions): Promise<LocatedWrangler> {
  const own = installedAt(options.workerDirectory);
  if (own) return { ...own, source: "worker-directory" };
  const action = installedAt(options.actionRoot);
  if (action && action.version === options.version) return action;
  const dir = join(options.toolCache, "cf-ai-proxy-wrangler", options.version);
  const cached = installedAt(dir);
  if (cached) return { ...cached, source: "tool-cache" };
  options.log(`installing wrangler@${options.version} into ${dir}`);
  mkdirSync(dir, { recursive: true });
  await npmInstall(dir, `wrangler@${options.version}`, options.log);
  const installed = installedAt(dir);
  if (!installed) throw new Error(`npm installed wrangler@${options.version} into ${dir}, but its package.json is missing`);
  return { ...installed, source: "tool-cache" };
}

function npmInstall(dir: string, spec: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", dir, spec], { stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) return resolve();
      for (const line of output.trim().split("\n").slice(-10)) log(line);
      reject(new Error(`npm install ${spec} failed with exit code ${code}`));
    });
  });
}
