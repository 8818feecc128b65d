// For the patch stage (I/O shell): patch the config into the file wrangler will read, and say what changed.
import { writeFileSync } from "node:fs";
import { patchConfig, type ConfigPatch } from "../config/patch.js";
import type { WorkerSource } from "../worker-dir.js";

export function writePatchedConfig(source: WorkerSource, patch: ConfigPatch, target: string): string {
  const text = patchConfig(source.text, source.format, patch, source.configLabel);
  writeFileSync(target, text);
  return text;
}
