// The proxy from source, with the Workers AI stub, in workerd through Miniflare, on 127.0.0.1: for tests that
// need a real HTTP endpoint (a browser opening a page). Bundled in memory, as wrangler would bundle it.
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const COMPATIBILITY_DATE = "2026-04-20";

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, entry)],
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

export interface LocalProxy {
  url: string;
  /** The stub's call log (models and inputs of every Workers AI call). */
  stubCalls(): Promise<{ model: string; inputs: unknown }[]>;
  dispose(): Promise<void>;
}

export async function startLocalProxy(bindings: Record<string, string>): Promise<LocalProxy> {
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
  const stubCalls = async () => {
    const ai = (await mf.getBindings("proxy")).AI as { calls(): Promise<{ model: string; inputs: unknown }[]> };
    return ai.calls();
  };
  return { url, stubCalls, dispose: () => mf.dispose() };
}
