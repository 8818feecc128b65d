// Stage 3, pure: text in, text out. Writes only what the action owns (name, KV ids, the vars it was given)
// and proves it: the patched text must parse to exactly the original data plus the patch.
import { ConfigError, type ConfigFormat } from "./format.js";
import { patchJsonc } from "./jsonc-patch.js";
import { parseConfig, type WranglerConfig } from "./parse.js";
import { patchToml } from "./toml-patch.js";

export interface KvPatch {
  binding: string;
  id: string;
  previewId?: string;
}

export interface ConfigPatch {
  name: string;
  kv: KvPatch[];
  vars: Record<string, string>;
  /** A `previews` block to write (Worker Previews); the config must not have one of its own. */
  previews?: Record<string, unknown>;
}

export function patchConfig(text: string, format: ConfigFormat, patch: ConfigPatch, file: string): string {
  const before = parseConfig(text, format, file);
  checkShape(before, file);
  if (patch.previews && before.previews !== undefined) {
    throw new ConfigError(
      file,
      undefined,
      'has a "previews" block of its own; with preview-strategy "preview" the action writes it (the worker\'s bindings ' +
        "with the preview's own KV namespaces): remove it, or choose another preview-strategy",
    );
  }
  const patched = format === "toml" ? patchToml(text, patch) : patchJsonc(text, before, patch);
  const after = parseConfig(patched, format, file);
  const expected = applyPatch(before, patch);
  if (!sameData(after, expected)) {
    // A bug of ours, never the user's: refuse to write a config that would say something else than intended.
    throw new Error(
      `patching ${file} produced a config that differs from the intended one; the file was left unchanged. Please report this with the config attached.`,
    );
  }
  return patched;
}

/** The patch applied to parsed data: the meaning the text edit must have. */
export function applyPatch(config: WranglerConfig, patch: ConfigPatch): WranglerConfig {
  const kv = Array.isArray(config.kv_namespaces) ? (config.kv_namespaces as Record<string, unknown>[]).map((e) => ({ ...e })) : [];
  for (const p of patch.kv) {
    let entry = kv.find((e) => e.binding === p.binding);
    if (!entry) kv.push((entry = { binding: p.binding }));
    entry.id = p.id;
    if (p.previewId) entry.preview_id = p.previewId;
  }
  const out: WranglerConfig = { ...config, name: patch.name };
  if (kv.length) out.kv_namespaces = kv;
  if (Object.keys(patch.vars).length) out.vars = { ...(config.vars as object | undefined), ...patch.vars };
  if (patch.previews) out.previews = patch.previews;
  return out;
}

function checkShape(config: WranglerConfig, file: string) {
  const kv = config.kv_namespaces;
  if (kv !== undefined && (!Array.isArray(kv) || kv.some((e) => !e || typeof e !== "object" || Array.isArray(e)))) {
    throw new ConfigError(file, undefined, '"kv_namespaces" must be a list of tables like { binding = "CACHE", id = "…" }');
  }
  const vars = config.vars;
  if (vars !== undefined && (!vars || typeof vars !== "object" || Array.isArray(vars))) {
    throw new ConfigError(file, undefined, '"vars" must be a table of names to values');
  }
}

export function sameData(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameData((a as any)[k], (b as any)[k]));
  }
  return Object.is(a, b);
}
