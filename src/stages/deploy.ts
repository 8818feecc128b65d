// Stage 5: hand the patched worker to wrangler.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { runWrangler } from "../wrangler/run.js";

export interface BundleInfo {
  directory: string;
  bytes: number;
  gzipBytes: number;
}

/** `wrangler deploy --dry-run`: bundles and validates the config; no API call, no account needed. */
export async function dryRunDeploy(bin: string, configPath: string, log: (line: string) => void): Promise<BundleInfo> {
  const outdir = mkdtempSync(join(tmpdir(), "cf-ai-proxy-bundle-"));
  await runWrangler({ bin, args: ["deploy", "--dry-run", "--outdir", outdir, "--config", configPath], cwd: dirname(configPath), env: {}, log });
  return bundleInfo(outdir);
}

function bundleInfo(directory: string): BundleInfo {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of readdirSync(directory)) {
    if (!/\.(m?js|wasm)$/.test(file) || !statSync(join(directory, file)).isFile()) continue;
    const content = readFileSync(join(directory, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { directory, bytes, gzipBytes };
}
