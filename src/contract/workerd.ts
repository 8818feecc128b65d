// Starts exactly the worker about to be deployed — its bundle and its patched config — in workerd, through
// the Miniflare that ships with the wrangler being used, with the Workers AI stub bound as AI and local
// KV / Durable Objects. The config is translated by wrangler itself, so every binding type it knows works.
// Options are written in Miniflare 4's shape (what wrangler's own API returns, up to wrangler 4.164 at least);
// Miniflare 5 (wrangler 4.160+) takes another shape and ships the converter, which is used when present.
import moduleApi, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { WranglerConfig } from "../config/parse.js";
import { miniflareOptions } from "./miniflare-options.js";

export const STUB_WORKER = "cf-ai-proxy-ai-stub";
/** The stub's bundle date; independent of the tested worker's own compatibility date. */
const STUB_COMPATIBILITY_DATE = "2026-04-20";

export interface RunningWorker {
  url: string;
  /** What was changed to run it offline (bindings replaced or dropped), for the report. */
  notes: string[];
  dispose(): Promise<void>;
}

export interface StartOptions {
  configPath: string;
  /** The parsed (patched) config. */
  config: WranglerConfig;
  /** The bundle's main module (its folder is the modules root). */
  scriptPath: string;
  /** dist/ai-stub/index.js */
  stubScript: string;
  /** Extra plain-text vars (e.g. the API key the checks use). */
  vars: Record<string, string>;
}

interface WranglerApi {
  unstable_getMiniflareWorkerOptions(configPath: string): { workerOptions: Record<string, any>; main?: string };
}

type MiniflareCtor = new (options: Record<string, unknown>) => { ready: Promise<URL>; dispose(): Promise<void> };
type Options = Record<string, unknown>;

export interface Runtime {
  Miniflare: MiniflareCtor;
  /** Miniflare's major version (4 or 5), from its package.json. */
  major: number;
  /** Miniflare 4 options as the loaded Miniflare takes them: unchanged for 4, converted for 5. */
  toOwnShape(options: Options): Options;
  /** Loaded only for configs miniflareOptions() does not know. */
  api: WranglerApi | undefined;
}

/**
 * Miniflare (and, if needed, wrangler's API, which takes about a second) from the wrangler in use. Loaded
 * on the next turn of the event loop so the caller can start other work first.
 */
export function loadRuntime(wranglerDir: string, withApi: boolean, compileCache?: string): Promise<Runtime> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        // Node 22+ keeps compiled code between runs: wrangler's 13 MB is parsed once per runner cache.
        if (compileCache) (moduleApi as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache?.(compileCache);
        process.env.WRANGLER_SEND_METRICS = "false";
        const require = createRequire(join(wranglerDir, "package.json"));
        const miniflare = require("miniflare") as { Miniflare: MiniflareCtor; convertV4MiniflareOptions?: (o: Options) => Options };
        const { version } = require("miniflare/package.json") as { version: string };
        const api = withApi ? (require(join(wranglerDir, "wrangler-dist", "cli.js")) as WranglerApi) : undefined;
        resolve({
          Miniflare: miniflare.Miniflare,
          major: Number(version.split(".")[0]),
          toOwnShape: ownShape(version, miniflare.convertV4MiniflareOptions),
          api,
        });
      } catch (error) {
        reject(new Error(`cannot load Miniflare${withApi ? " and wrangler's API" : ""} from ${wranglerDir}: ${(error as Error).message}`));
      }
    });
  });
}

/** Miniflare 4 takes its own options; 5 and later need the converter they ship, or nothing here can start them. */
export function ownShape(version: string, convert: ((o: Options) => Options) | undefined): (options: Options) => Options {
  const major = Number(version.split(".")[0]);
  if (major <= 4) return (options) => options;
  if (!convert)
    throw new Error(
      `Miniflare ${version} has no convertV4MiniflareOptions: this action knows Miniflare 4's options and 5's converter only`,
    );
  return convert;
}

export async function startWorker(runtime: Promise<Runtime>, options: StartOptions): Promise<RunningWorker> {
  const { api, Miniflare, major, toOwnShape } = await runtime;
  const workerOptions: Record<string, any> =
    miniflareOptions(options.config) ?? api!.unstable_getMiniflareWorkerOptions(options.configPath).workerOptions;
  // Miniflare 5's converter refuses module rules; the bundle's .js modules are found without them.
  if (major >= 5) delete workerOptions.modulesRules;
  const notes: string[] = [];
  const workers: Record<string, unknown>[] = [];

  const serviceBindings: Record<string, { name: string; entrypoint?: string }> = { ...(workerOptions.serviceBindings ?? {}) };
  if (workerOptions.ai) {
    serviceBindings[typeof workerOptions.ai.binding === "string" ? workerOptions.ai.binding : "AI"] = {
      name: STUB_WORKER,
      entrypoint: "AiStub",
    };
    delete workerOptions.ai;
    notes.push("AI → Workers AI stub");
  }
  // Other workers a service binding names do not run here: they answer 503, saying so.
  for (const [binding, target] of Object.entries(serviceBindings)) {
    if (typeof target?.name !== "string" || target.name === STUB_WORKER) continue;
    const name = `unavailable-${target.name}`;
    if (!workers.some((w) => w.name === name)) {
      workers.push({
        name,
        modules: true,
        script: `export default { fetch() { return new Response("service ${target.name} is not available in contract tests", { status: 503 }); } };`,
        compatibilityDate: STUB_COMPATIBILITY_DATE,
      });
    }
    serviceBindings[binding] = { name };
    notes.push(`${binding} → placeholder for service ${target.name}`);
  }
  // Durable Objects defined by other workers cannot run here either.
  for (const [binding, designator] of Object.entries<any>(workerOptions.durableObjects ?? {})) {
    if (designator?.scriptName) {
      delete workerOptions.durableObjects[binding];
      notes.push(`${binding} dropped (Durable Object of worker ${designator.scriptName})`);
    }
  }

  const mf = new Miniflare(
    toOwnShape({
      host: "127.0.0.1",
      port: 0,
      workers: [
        {
          ...workerOptions,
          name: "worker-under-test",
          modules: true,
          scriptPath: options.scriptPath,
          modulesRoot: dirname(options.scriptPath),
          serviceBindings,
          bindings: { ...(workerOptions.bindings ?? {}), ...options.vars },
        },
        {
          name: STUB_WORKER,
          modules: true,
          scriptPath: options.stubScript,
          modulesRoot: dirname(options.stubScript),
          compatibilityDate: STUB_COMPATIBILITY_DATE,
        },
        ...workers,
      ],
    }),
  );
  let url: URL;
  try {
    url = await mf.ready;
  } catch (error) {
    // A workerd that failed to start may still be running: never leave it behind.
    await mf.dispose().catch(() => {});
    throw new Error(`workerd could not start the worker: ${(error as Error).message}`);
  }
  return { url: url.origin, notes, dispose: () => mf.dispose() };
}
