// Patch a wrangler.json / wrangler.jsonc: edits through jsonc-parser, so comments and layout survive.
import { applyEdits, modify, type FormattingOptions, type JSONPath } from "jsonc-parser";
import type { ConfigPatch } from "./patch.js";
import type { WranglerConfig } from "./parse.js";

export function patchJsonc(text: string, config: WranglerConfig, patch: ConfigPatch): string {
  const formattingOptions = detectFormatting(text);
  let out = text;
  const set = (path: JSONPath, value: unknown, isArrayInsertion = false) => {
    out = applyEdits(out, modify(out, path, value, { formattingOptions, isArrayInsertion }));
  };

  set(["name"], patch.name);

  const existing = Array.isArray(config.kv_namespaces) ? (config.kv_namespaces as Record<string, unknown>[]) : [];
  let length = existing.length;
  if (!Array.isArray(config.kv_namespaces) && patch.kv.length) set(["kv_namespaces"], []);
  for (const kv of patch.kv) {
    const index = existing.findIndex((entry) => entry && entry.binding === kv.binding);
    if (index < 0) {
      set(["kv_namespaces", length++], { binding: kv.binding, id: kv.id, ...(kv.previewId ? { preview_id: kv.previewId } : {}) }, true);
      continue;
    }
    set(["kv_namespaces", index, "id"], kv.id);
    if (kv.previewId) set(["kv_namespaces", index, "preview_id"], kv.previewId);
  }

  for (const [key, value] of Object.entries(patch.vars)) set(["vars", key], value);
  if (patch.previews) set(["previews"], patch.previews);
  return out;
}

function detectFormatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? "  "; // the indentation of a key, not of a comment
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return indent.startsWith("\t") ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}
