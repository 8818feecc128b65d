// Starts exactly the worker about to be deployed — its bundle and its patched config — in workerd, through
// the Miniflare that ships with the wrangler being used, with the Workers AI stub bound as AI and local
// KV / Durable Objects. The config is translated by wrangler itself, so every binding type it knows works.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

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
  /** The wrangler package directory (…/node_modules/wrangler). */
  wranglerDir: string;
  configPath: string;
  /** The bundle from `wrangler deploy --dry-run --outdir`. */
  bundleDir: string;
  /** dist/ai-stub/index.js */
  stubScript: string;
  /** Extra plain-text vars (e.g. the API key the checks use). */
  vars: Record<string, string>;
}

interface WranglerApi {
  unstable_getMiniflareWorkerOptions(configPath: string): { workerOptions: Record<string, any>; main?: string };
}

type MiniflareCtor = new (options: Record<string, unknown>) => { ready: Promise<URL>; dispose(): Promise<void> };

/** Loading wrangler's API takes about a second: start it early, await it when needed. */
export function loadWranglerApi(wranglerDir: string): Promise<{ api: WranglerApi; Miniflare: MiniflareCtor }> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      const previous = process.env.WRANGLER_LOG;
      try {
        process.env.WRANGLER_LOG = "error";
        process.env.WRANGLER_SEND_METRICS = "false";
        const require = createRequire(join(wranglerDir, "package.json"));
        const api = require(join(wranglerDir, "wrangler-dist", "cli.js")) as WranglerApi;
        const { Miniflare } = require("miniflare") as { Miniflare: MiniflareCtor };
        resolve({ api, Miniflare });
      } catch (error) {
        reject(new Error(`cannot load wrangler's API from ${wranglerDir}: ${(error as Error).message}`));
      } finally {
        if (previous === undefined) delete process.env.WRANGLER_LOG;
        else process.env.WRANGLER_LOG = previous;
      }
    });
  });
}

export async function startWorker(loaded: Promise<{ api: WranglerApi; Miniflare: MiniflareCtor }>, options: StartOptions): Promise<RunningWorker> {
  const { api, Miniflare } = await loaded;
  const { workerOptions } = api.unstable_getMiniflareWorkerOptions(options.configPath);
  const notes: string[] = [];
  const workers: Record<string, unknown>[] = [];

  const serviceBindings: Record<string, { name: string; entrypoint?: string }> = { ...(workerOptions.serviceBindings ?? {}) };
  if (workerOptions.ai) {
    delete workerOptions.ai;
    serviceBindings[aiBindingName(options.configPath, workerOptions)] = { name: STUB_WORKER, entrypoint: "AiStub" };
    notes.push("AI → Workers AI stub");
  }
  // Other workers a service binding names do not run here: they answer 503, saying so.
  for (const [binding, target] of Object.entries(serviceBindings)) {
    if (typeof target?.name !== "string" || target.name === STUB_WORKER) continue;
    const name = `unavailable-${target.name}`;
    if (!workers.some((w) => w.name === name)) {
      workers.push({ name, modules: true, script: `export default { fetch() { return new Response("service ${target.name} is not available in contract tests", { status: 503 }); } };`, compatibilityDate: STUB_COMPATIBILITY_DATE });
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

  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    workers: [
      {
        ...workerOptions,
        name: "worker-under-test",
        modules: true,
        scriptPath: join(options.bundleDir, "index.js"),
        modulesRoot: options.bundleDir,
        serviceBindings,
        bindings: { ...(workerOptions.bindings ?? {}), ...options.vars },
      },
      { name: STUB_WORKER, modules: true, scriptPath: options.stubScript, modulesRoot: dirname(options.stubScript), compatibilityDate: STUB_COMPATIBILITY_DATE },
      ...workers,
    ],
  });
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

/** The config's AI binding name (almost always "AI"). */
function aiBindingName(_configPath: string, workerOptions: Record<string, any>): string {
  return typeof workerOptions.ai?.binding === "string" ? workerOptions.ai.binding : "AI";
}
