// For run.mjs: timing of child processes, medians, and the TypeScript helpers from test/ on the fly with esbuild into node_modules/.cache (so that the packages it imports resolve from
// the repository's node_modules) and imported from there. No build step.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const CACHE = join(ROOT, "node_modules/.cache/cf-ai-proxy");

/** Writes `contents` (TypeScript, imports relative to the repository root) bundled as `<name>.mjs`; returns its path. */
export async function bundleModule(name, contents) {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${name}.mjs`);
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: "ts", sourcefile: `${name}.ts` },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    // test/helpers/run-action.ts finds the repository from its own folder.
    define: { "import.meta.dirname": JSON.stringify(join(ROOT, "test/helpers")) },
    write: false,
    logLevel: "error",
  });
  writeFileSync(file, result.outputFiles[0].text);
  return file;
}

export const importFile = (file) => import(pathToFileURL(file).href);

/** The fakes and helpers the tests use. */
export const WORLD_SOURCE = `
export { startWorld, pushEvent, API_KEYS } from "./test/helpers/pipeline-world.ts";
export { parseOutputFile } from "./test/helpers/run-action.ts";
export { runnerNode, seedToolCache, WRANGLER_DIRS } from "./test/helpers/toolchain.ts";
`;

/**
 * Runs `command argv` and times it (wall clock, and CPU of the process tree via /usr/bin/time when it exists);
 * every output line is stamped with the ms since spawn.
 */
export function timed(command, argv, { cwd, env, cpu = false, timeoutMs = 180_000 }) {
  let cpuFile;
  if (cpu && existsSync("/usr/bin/time")) {
    cpuFile = join(mkdtempSync(join(tmpdir(), "bench-cpu-")), "cpu");
    argv = ["-o", cpuFile, "-f", "%U %S", command, ...argv];
    command = "/usr/bin/time";
  }
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const lines = [];
    let out = "";
    let pending = "";
    const onData = (chunk) => {
      const at = performance.now() - started;
      const text = chunk.toString("utf8");
      out += text;
      pending += text;
      const parts = pending.split("\n");
      pending = parts.pop();
      for (const line of parts) lines.push({ at, line });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      let cpuMs;
      if (cpuFile) {
        const m = /([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(cpuFile, "utf8"));
        if (m) cpuMs = (Number(m[1]) + Number(m[2])) * 1000;
        rmSync(dirname(cpuFile), { recursive: true, force: true });
      }
      if (pending) lines.push({ at: ms, line: pending });
      resolvePromise({ code, ms, cpuMs, out, lines });
    });
  });
}

export function median(xs) {
  const s = xs.filter((x) => typeof x === "number" && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const sec = (ms) => (ms === undefined || ms === null ? "–" : `${(ms / 1000).toFixed(2)} s`);

/** What the action's runWrangler gives every wrangler it runs (src/wrangler/run.ts), plus a HOME. */
export function wranglerEnv(home, extra = {}) {
  return {
    PATH: process.env.PATH ?? "",
    HOME: home,
    CI: "true",
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_SEND_ERROR_REPORTS: "false",
    // No banner, and so no update check against the npm registry (the action's wrangler runs without it too).
    WRANGLER_HIDE_BANNER: "true",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    ...extra,
  };
}
