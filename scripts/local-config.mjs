// The proxy's config for running offline (tests, `npm run dev`): the production worker/wrangler.jsonc with
// the Workers AI binding swapped for a service binding to the stub, which has no remote to need.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "jsonc-parser";

export const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
export const STUB_SERVICE = { binding: "AI", service: "ai-stub", entrypoint: "AiStub" };
export const STUB_SOURCE = join(ROOT, "test/fakes/ai-stub/index.ts");

/** Writes the derived config (absolute `main`, so it can live anywhere) and returns its path. */
export function writeLocalConfig(name, vars = {}) {
  const config = parse(readFileSync(join(ROOT, "worker/wrangler.jsonc"), "utf8"));
  delete config.ai;
  delete config.$schema;
  config.main = resolve(ROOT, "worker", config.main);
  config.services = [...(config.services ?? []), STUB_SERVICE];
  config.vars = { ...config.vars, ...vars };
  const dir = join(ROOT, "node_modules/.cache/cf-ai-proxy");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `wrangler.${name}.json`);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}
