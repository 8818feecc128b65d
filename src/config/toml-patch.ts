// Patch a wrangler.toml in place: change only the values the action owns, keep every other byte.
import { parse as parseToml } from "smol-toml";
import type { ConfigPatch } from "./patch.js";
import { scanToml, type TomlEntry, type TomlHeader, type TomlKeyValue } from "./toml-scan.js";

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function patchToml(text: string, patch: ConfigPatch): string {
  const nl = text.includes("\r\n") ? "\r\n" : "\n";
  const entries = scanToml(text);
  const edits: Edit[] = [];
  const appendix: string[] = [];

  setRootKey(text, entries, edits, "name", tomlValue(patch.name), nl);
  patchKvNamespaces(text, entries, edits, appendix, patch, nl);
  patchVars(text, entries, edits, appendix, patch.vars, nl);
  // A new table at the end: patchConfig refuses a config that has one already.
  if (patch.previews)
    appendix.push(`${nl}[previews]${nl}`, ...Object.entries(patch.previews).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}${nl}`));

  if (appendix.length) {
    const needsNewline = text.length > 0 && !text.endsWith("\n");
    edits.push({ start: text.length, end: text.length, text: (needsNewline ? nl : "") + appendix.join("") });
  }
  return applyEdits(text, edits);
}

function applyEdits(text: string, edits: Edit[]): string {
  // Later edits first, so earlier offsets stay valid; at one offset keep the order they were made in.
  const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => b.edit.start - a.edit.start || b.order - a.order);
  let out = text;
  for (const { edit } of ordered) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

const rootKvs = (entries: TomlEntry[]) => entries.filter((e): e is TomlKeyValue => e.kind === "kv" && e.table === undefined);
const inTable = (entries: TomlEntry[], header: TomlHeader) =>
  entries.filter((e): e is TomlKeyValue => e.kind === "kv" && e.table === header);
const sameKey = (a: string[], b: string[]) => a.length === b.length && a.every((part, i) => part === b[i]);

function setRootKey(text: string, entries: TomlEntry[], edits: Edit[], key: string, value: string, nl: string) {
  const existing = rootKvs(entries).find((e) => sameKey(e.key, [key]));
  if (existing) {
    edits.push({ start: existing.valueStart, end: existing.valueEnd, text: value });
    return;
  }
  // Before the first table header, so it lands in the root table.
  const firstHeader = entries.find((e) => e.kind === "header");
  const at = firstHeader ? firstHeader.start : text.length;
  const lead = at > 0 && !text.slice(0, at).endsWith("\n") ? nl : "";
  edits.push({ start: at, end: at, text: `${lead}${tomlKey(key)} = ${value}${nl}${firstHeader ? nl : ""}` });
}

function readValue(text: string, kv: TomlKeyValue): unknown {
  return (parseToml(`v = ${text.slice(kv.valueStart, kv.valueEnd)}`) as { v: unknown }).v;
}

function patchKvNamespaces(text: string, entries: TomlEntry[], edits: Edit[], appendix: string[], patch: ConfigPatch, nl: string) {
  if (patch.kv.length === 0) return;
  const inline = rootKvs(entries).find((e) => sameKey(e.key, ["kv_namespaces"]));
  if (inline) {
    const list = (readValue(text, inline) as Record<string, unknown>[]).map((entry) => ({ ...entry }));
    for (const kv of patch.kv) {
      let entry = list.find((e) => e.binding === kv.binding);
      if (!entry) list.push((entry = { binding: kv.binding }));
      entry.id = kv.id;
      if (kv.previewId) entry.preview_id = kv.previewId;
    }
    const body = list.map((entry) => `  ${tomlValue(entry)},${nl}`).join("");
    edits.push({ start: inline.valueStart, end: inline.valueEnd, text: `[${nl}${body}]` });
    return;
  }
  const tables = entries.filter((e): e is TomlHeader => e.kind === "header" && e.arrayOfTables && sameKey(e.path, ["kv_namespaces"]));
  for (const kv of patch.kv) {
    const table = tables.find((header) => {
      const binding = inTable(entries, header).find((e) => sameKey(e.key, ["binding"]));
      return binding !== undefined && readValue(text, binding) === kv.binding;
    });
    if (!table) {
      appendix.push(`${nl}[[kv_namespaces]]${nl}binding = ${tomlValue(kv.binding)}${nl}id = ${tomlValue(kv.id)}${nl}`);
      if (kv.previewId) appendix.push(`preview_id = ${tomlValue(kv.previewId)}${nl}`);
      continue;
    }
    const kvs = inTable(entries, table);
    const owned: [string, string | undefined][] = [
      ["id", kv.id],
      ["preview_id", kv.previewId],
    ];
    for (const [key, value] of owned) {
      if (value === undefined) continue;
      const existing = kvs.find((e) => sameKey(e.key, [key]));
      if (existing) edits.push({ start: existing.valueStart, end: existing.valueEnd, text: tomlValue(value) });
      else {
        const after = kvs.find((e) => sameKey(e.key, ["binding"]))!;
        edits.push({
          start: after.lineEnd,
          end: after.lineEnd,
          text: `${lineBreakIfMissing(text, after.lineEnd, nl)}${key} = ${tomlValue(value)}${nl}`,
        });
      }
    }
  }
}

function patchVars(text: string, entries: TomlEntry[], edits: Edit[], appendix: string[], vars: Record<string, string>, nl: string) {
  const names = Object.keys(vars);
  if (names.length === 0) return;
  const inline = rootKvs(entries).find((e) => sameKey(e.key, ["vars"]));
  if (inline) {
    const merged = { ...(readValue(text, inline) as Record<string, unknown>), ...vars };
    edits.push({ start: inline.valueStart, end: inline.valueEnd, text: tomlValue(merged) });
    return;
  }
  const header = entries.find((e): e is TomlHeader => e.kind === "header" && !e.arrayOfTables && sameKey(e.path, ["vars"]));
  // `vars.KEY = "…"` dotted keys in the root table are also legal TOML.
  const dotted = rootKvs(entries).filter((e) => e.key.length === 2 && e.key[0] === "vars");
  const kvs = header ? inTable(entries, header) : dotted;
  const prefix = header ? [] : ["vars"];
  if (!header && dotted.length === 0) {
    appendix.push(`${nl}[vars]${nl}${names.map((name) => `${tomlKey(name)} = ${tomlValue(vars[name])}${nl}`).join("")}`);
    return;
  }
  const last = kvs.at(-1);
  const insertAt = last ? last.lineEnd : header!.lineEnd;
  const added: string[] = [];
  for (const name of names) {
    const existing = kvs.find((e) => sameKey(e.key, [...prefix, name]));
    if (existing) edits.push({ start: existing.valueStart, end: existing.valueEnd, text: tomlValue(vars[name]) });
    else added.push(`${[...prefix, name].map(tomlKey).join(".")} = ${tomlValue(vars[name])}${nl}`);
  }
  if (added.length) edits.push({ start: insertAt, end: insertAt, text: lineBreakIfMissing(text, insertAt, nl) + added.join("") });
}

function lineBreakIfMissing(text: string, at: number, nl: string): string {
  return at > 0 && text[at - 1] !== "\n" ? nl : "";
}

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}

function tomlString(value: string): string {
  // JSON escapes are valid TOML basic-string escapes; TOML also forbids a raw DEL.
  return JSON.stringify(value).replace(/\u007f/g, "\\u007F");
}

/** One value in TOML's inline syntax. */
export function tomlValue(value: unknown): string {
  if (typeof value === "string") return tomlString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(", ")}]`;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    const pairs = Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`);
    return pairs.length ? `{ ${pairs.join(", ")} }` : "{}";
  }
  throw new Error(`cannot write ${String(value)} as TOML`);
}
