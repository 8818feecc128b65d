// What every stage after the plan uses and nobody changes: the host, the inputs, the event, the worker, a private
// folder, and lazily created clients. Created by the plan stage; the run's changing state is src/run-state.ts.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cloudflareApi, type CloudflareApi } from "./cloudflare/api.js";
import type { RunEvent } from "./event.js";
import type { Host } from "./host.js";
import { INPUT, InputError, type Inputs } from "./inputs.js";
import { ACTION_ROOT } from "./paths.js";
import type { Plan } from "./plan.js";
import { actionsCacheStore } from "./wrangler/actions-cache.js";
import { locateWrangler, type LocatedWrangler } from "./wrangler/locate.js";
import type { WorkerSource } from "./worker-dir.js";

export interface RunContext {
  host: Host;
  inputs: Inputs;
  event: RunEvent;
  source: WorkerSource;
  /** A private folder for this run (bundles, reports). */
  workDir: string;
  /** Where Node 22+ keeps compiled code of wrangler between runs (NODE_COMPILE_CACHE); in the tool cache. */
  compileCache: string;
  log(line: string): void;
  cloudflare(): CloudflareApi;
  /** Environment for wrangler commands that talk to Cloudflare. */
  wranglerEnv(): Record<string, string | undefined>;
  wrangler(): Promise<LocatedWrangler>;
}

/** `mode` only words the error for missing credentials (the preflight may change the plan, never its mode). */
export function createContext(base: Pick<RunContext, "host" | "inputs" | "event" | "source">, mode: Plan["mode"]): RunContext {
  const { host, inputs } = base;
  const workDir = mkdtempSync(join(host.env.RUNNER_TEMP || tmpdir(), "cf-ai-proxy-run-"));
  let api: CloudflareApi | undefined;
  let wrangler: Promise<LocatedWrangler> | undefined;
  const credentials = () => {
    const hint = host.local
      ? "set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID, or pass --api-token and --account-id"
      : "add it to the step's `with:` from a repository secret";
    if (!inputs.apiToken)
      throw new InputError(
        INPUT.apiToken,
        `mode "${mode}" talks to Cloudflare and needs an API token (Workers Scripts: Edit, Workers KV Storage: Edit, Account Settings: Read): ${hint}`,
      );
    if (!inputs.accountId) throw new InputError(INPUT.accountId, `mode "${mode}" needs the Cloudflare account id: ${hint}`);
    return { token: inputs.apiToken, accountId: inputs.accountId };
  };
  const toolCache = host.env.RUNNER_TOOL_CACHE || join(tmpdir(), "cf-ai-proxy-tool-cache");
  const compileCache = join(toolCache, "cf-ai-proxy-node-compile-cache");
  return {
    ...base,
    workDir,
    compileCache,
    log: (line) => host.info(line),
    cloudflare() {
      if (!api) {
        const { token, accountId } = credentials();
        api = cloudflareApi({ token, accountId, baseURL: host.env.CLOUDFLARE_API_BASE_URL || undefined });
      }
      return api;
    },
    wranglerEnv() {
      const { token, accountId } = credentials();
      return {
        CLOUDFLARE_API_TOKEN: token,
        CLOUDFLARE_ACCOUNT_ID: accountId,
        CLOUDFLARE_API_BASE_URL: host.env.CLOUDFLARE_API_BASE_URL,
        NODE_COMPILE_CACHE: compileCache,
      };
    },
    wrangler() {
      wrangler ??= locateWrangler({
        workerDirectory: base.source.directory,
        actionRoot: ACTION_ROOT,
        version: inputs.wranglerVersion,
        anyActionVersion: host.local && !host.input(INPUT.wranglerVersion).trim(),
        toolCache,
        log: (line) => host.info(line),
        store: host.local ? undefined : actionsCacheStore(),
      }).then((found) => {
        host.info(`wrangler ${found.version} (${found.source})`);
        return found;
      });
      return wrangler;
    },
  };
}
