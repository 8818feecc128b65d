#!/usr/bin/env node
// `npm run dev`: the proxy on http://127.0.0.1:8787 with the Workers AI stub, fully offline.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT, writeLocalConfig } from "./local-config.mjs";

const key = process.env.API_KEYS ?? "sk-local-dev";
const config = writeLocalConfig("dev", { API_KEYS: key });
console.log(`proxy with the Workers AI stub: http://127.0.0.1:8787/v1  (API key: ${key})`);
const child = spawn(
  process.execPath,
  [
    join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
    "dev",
    "--local",
    "--ip",
    "127.0.0.1",
    "--port",
    process.env.PORT ?? "8787",
    "-c",
    config,
    "-c",
    join(ROOT, "test/fakes/ai-stub/wrangler.jsonc"),
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
);
child.on("exit", (code) => process.exit(code ?? 1));
