// The proxy from source, with the Workers AI stub, in workerd through Miniflare, on 127.0.0.1: for tests and
// benches that need a real HTTP endpoint (a browser opening a page). Bundled in memory, as wrangler would.
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { join } from "node:path";
import { ROOT } from "./local-config.mjs";

const COMPATIBILITY_DATE = "2026-04-20";

async function bundle(entry) {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2023",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    external: ["cloudflare:*", "node:*"],
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0].text;
}

/**
 * Starts the proxy with these vars and secrets (`bindings`); `url` is its origin, `stubCalls()` the stub's
 * call log, `ledger()` the usage ledger's Durable Object stub (benches count its rows).
 */
export async function startLocalProxy(bindings) {
  const [proxy, stub] = await Promise.all([bundle("worker/src/index.ts"), bundle("test/fakes/ai-stub/index.ts")]);
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    workers: [
      {
        name: "proxy",
        modules: [{ type: "ESModule", path: "index.js", contents: proxy }],
        compatibilityDate: COMPATIBILITY_DATE,
        kvNamespaces: ["CACHE"],
        durableObjects: { STATE: { className: "StateObject", useSQLite: true } },
        serviceBindings: { AI: { name: "ai-stub", entrypoint: "AiStub" } },
        bindings,
      },
      { name: "ai-stub", modules: [{ type: "ESModule", path: "ai-stub.js", contents: stub }], compatibilityDate: COMPATIBILITY_DATE },
    ],
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  return {
    url,
    mf,
    stubCalls: async () => (await mf.getBindings("proxy")).AI.calls(),
    dispose: () => mf.dispose(),
  };
}
