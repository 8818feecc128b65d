// Find the wrangler to run: the worker directory's own, else the action's own (local runs, tests), else one
// installed once per version into the runner's tool cache, which @actions/cache keeps between runs.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";

export interface LocatedWrangler {
  bin: string;
  /** The wrangler package folder (…/node_modules/wrangler): its API and its miniflare are loaded from here. */
  packageDir: string;
  version: string;
  source: "worker-directory" | "action" | "tool-cache" | "actions-cache" | "installed";
}

/** Cross-run caching (the @actions/cache API, or nothing where it is unavailable). */
export interface ToolCacheStore {
  restore(path: string, key: string): Promise<boolean>;
  save(path: string, key: string): Promise<void>;
}

export interface LocateOptions {
  workerDirectory: string;
  actionRoot: string;
  version: string;
  /** Local runs without a `--wrangler-version` flag: the action's own wrangler, whatever its version, saves an install. */
  anyActionVersion?: boolean;
  /** The Node that will run wrangler (default: this one). */
  nodeVersion?: string;
  /** Folder for tool-cache installs (RUNNER_TOOL_CACHE on a runner). */
  toolCache: string;
  log: (line: string) => void;
  store?: ToolCacheStore;
  install?: (dir: string, spec: string, log: (line: string) => void) => Promise<void>;
}

function installedAt(root: string): Omit<LocatedWrangler, "source"> | undefined {
  const packageDir = join(root, "node_modules", "wrangler");
  const pkg = join(packageDir, "package.json");
  if (!existsSync(pkg)) return undefined;
  const { version } = JSON.parse(readFileSync(pkg, "utf8")) as { version: string };
  return { bin: join(packageDir, "bin", "wrangler.js"), packageDir, version };
}

export const toolCacheDir = (toolCache: string, version: string) =>
  join(toolCache, "cf-ai-proxy-wrangler", version, `${process.platform}-${process.arch}`);
export const cacheKey = (version: string) => `cf-ai-proxy-wrangler-${version}-${process.platform}-${process.arch}`;

export async function locateWrangler(o: LocateOptions): Promise<LocatedWrangler> {
  const found = await find(o);
  requireNode(found, o.nodeVersion ?? process.versions.node);
  return found;
}

async function find(o: LocateOptions): Promise<LocatedWrangler> {
  const own = installedAt(o.workerDirectory);
  if (own) return { ...own, source: "worker-directory" };
  const action = installedAt(o.actionRoot);
  if (action && (action.version === o.version || o.anyActionVersion)) return { ...action, source: "action" };

  const dir = toolCacheDir(o.toolCache, o.version);
  const cached = installedAt(dir);
  if (cached) return { ...cached, source: "tool-cache" };
  const key = cacheKey(o.version);
  if (o.store && (await o.store.restore(dir, key).catch(() => false))) {
    const restored = installedAt(dir);
    if (restored) return { ...restored, source: "actions-cache" };
  }
  o.log(`installing wrangler@${o.version} into ${dir}`);
  mkdirSync(dir, { recursive: true });
  await (o.install ?? npmInstall)(dir, `wrangler@${o.version}`, o.log);
  const installed = installedAt(dir);
  if (!installed) throw new Error(`npm installed wrangler@${o.version} into ${dir}, but its package.json is missing`);
  if (installed.version !== o.version) throw new Error(`asked for wrangler@${o.version}, npm installed ${installed.version}`);
  if (o.store) {
    await o.store
      .save(dir, key)
      .catch((error: unknown) =>
        o.log(`could not save wrangler to the Actions cache (the next run installs it again): ${(error as Error).message}`),
      );
  }
  return { ...installed, source: "installed" };
}

/**
 * wrangler refuses to start on a Node older than its engines say (4.87+ need Node 22, 4.160+ 22.12): say so
 * before a stage fails with wrangler's own message halfway through.
 */
export function requireNode(found: LocatedWrangler, nodeVersion: string): void {
  const pkg = JSON.parse(readFileSync(join(found.packageDir, "package.json"), "utf8")) as { engines?: { node?: string } };
  const minimum = /^>=\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(pkg.engines?.node ?? "")?.[1];
  if (!minimum || compareVersions(nodeVersion, minimum) >= 0) return;
  const where = found.source === "worker-directory" ? "the worker directory's node_modules" : `input "wrangler-version"`;
  throw new Error(
    `wrangler ${found.version} (from ${where}) needs Node >= ${minimum}, and this is Node ${nodeVersion}. On GitHub the action runs on Node 24; ` +
      `locally use Node 22.12 or later, or a wrangler that runs on this Node (4.86.0 is the last for Node 20).`,
  );
}

/** Numeric comparison of dotted versions ("22.12" < "24.1.0"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, "").split("-")[0].split(".").map(Number);
  const pb = b.replace(/^v/, "").split("-")[0].split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function npmInstall(dir: string, spec: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--omit=dev", "--prefix", dir, spec], {
      stdio: ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32",
    });
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
