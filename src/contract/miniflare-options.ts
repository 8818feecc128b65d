// A wrangler config as Miniflare worker options, for the bindings workers commonly use. Loading Miniflare
// alone takes a quarter of the time of loading wrangler's API, which does this for every binding type: a
// config with anything this does not know returns undefined, and the contract stage asks wrangler instead.
import type { WranglerConfig } from "../config/parse.js";

/** Keys that change nothing for a bundled worker running locally (deployment, build and dashboard settings). */
const NO_RUNTIME_EFFECT = new Set([
  "$schema",
  "name",
  "main",
  "account_id",
  "workers_dev",
  "preview_urls",
  "routes",
  "route",
  "triggers",
  "observability",
  "placement",
  "limits",
  "logpush",
  "upload_source_maps",
  "minify",
  "keep_vars",
  "keep_names",
  "send_metrics",
  "no_bundle",
  "find_additional_modules",
  "base_dir",
  "define",
  "alias",
  "tsconfig",
  "build",
  "env",
  "usage_model",
  "compliance_region",
  "tail_consumers",
  "dev",
  "jsx_factory",
  "jsx_fragment",
  "preserve_file_names",
  "first_party_worker",
]);
const TRANSLATED = new Set([
  "compatibility_date",
  "compatibility_flags",
  "vars",
  "kv_namespaces",
  "durable_objects",
  "migrations",
  "d1_databases",
  "r2_buckets",
  "services",
  "version_metadata",
  "ai",
]);

type Obj = Record<string, any>;
const list = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter((v) => v && typeof v === "object") : []);

export function miniflareOptions(config: WranglerConfig): Record<string, unknown> | undefined {
  for (const key of Object.keys(config)) if (!NO_RUNTIME_EFFECT.has(key) && !TRANSLATED.has(key)) return undefined;
  const c = config as Obj;
  const options: Obj = {
    compatibilityDate: c.compatibility_date,
    compatibilityFlags: Array.isArray(c.compatibility_flags) ? c.compatibility_flags : [],
    bindings: { ...(c.vars ?? {}) },
    kvNamespaces: Object.fromEntries(list(c.kv_namespaces).map((kv) => [kv.binding, { id: kv.id ?? kv.binding }])),
    d1Databases: Object.fromEntries(
      list(c.d1_databases).map((db) => [db.binding, { id: db.database_id ?? db.database_name ?? db.binding }]),
    ),
    r2Buckets: Object.fromEntries(list(c.r2_buckets).map((r2) => [r2.binding, { id: r2.bucket_name ?? r2.binding }])),
  };
  const services = list(c.services);
  if (services.some((s) => s.service === c.name)) return undefined; // a worker bound to itself: wrangler knows how
  if (services.length)
    options.serviceBindings = Object.fromEntries(
      services.map((s) => [s.binding, s.entrypoint ? { name: s.service, entrypoint: s.entrypoint } : { name: s.service }]),
    );
  if (c.version_metadata?.binding) options.versionMetadata = c.version_metadata.binding;
  if (c.ai) options.ai = { binding: c.ai.binding ?? "AI" };

  // Durable Objects: SQLite-backed when a migration says new_sqlite_classes; classes without a binding still exist.
  const sqlite = new Map<string, boolean>();
  for (const m of list(c.migrations)) {
    for (const name of m.new_classes ?? []) sqlite.set(name, false);
    for (const name of m.new_sqlite_classes ?? []) sqlite.set(name, true);
    for (const r of m.renamed_classes ?? []) if (sqlite.has(r.from)) sqlite.set(r.to, sqlite.get(r.from)!), sqlite.delete(r.from);
    for (const name of m.deleted_classes ?? []) sqlite.delete(name);
  }
  const bound = list(c.durable_objects?.bindings);
  const local = (b: Obj) => !b.script_name || b.script_name === c.name;
  if (bound.length) {
    options.durableObjects = Object.fromEntries(
      bound.map((b) => [
        b.name,
        local(b)
          ? { className: b.class_name, useSQLite: sqlite.get(b.class_name) ?? false }
          : { className: b.class_name, scriptName: b.script_name },
      ]),
    );
  }
  const boundClasses = new Set(bound.filter(local).map((b) => b.class_name));
  const unbound = [...sqlite].filter(([name]) => !boundClasses.has(name)).map(([className, useSQLite]) => ({ className, useSQLite }));
  if (unbound.length) options.additionalUnboundDurableObjects = unbound;
  return options;
}
