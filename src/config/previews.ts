// The `previews` block `wrangler preview` needs (in CI it refuses to run without one), written by the action
// for preview-strategy "preview": a Worker Preview gets only the bindings listed there, so it lists the
// worker's own bindings, with the KV namespaces the action provisioned for this preview.
import type { WranglerConfig } from "./parse.js";

/** Binding keys a `previews` block accepts (wrangler 4.164's list) that are copied from the top level as they are. */
const COPIED = [
  "durable_objects",
  "workflows",
  "send_email",
  "queues",
  "d1_databases",
  "r2_buckets",
  "vectorize",
  "hyperdrive",
  "services",
  "analytics_engine_datasets",
  "dispatch_namespaces",
  "mtls_certificates",
  "browser",
  "ai",
  "images",
  "pipelines",
  "secrets_store_secrets",
  "ratelimits",
  "version_metadata",
  "worker_loaders",
] as const;

export function previewsBlock(
  config: WranglerConfig,
  kv: { binding: string; id: string }[],
  vars: Record<string, string>,
): Record<string, unknown> {
  const block: Record<string, unknown> = {};
  const allVars = { ...((config.vars as Record<string, unknown> | undefined) ?? {}), ...vars };
  if (Object.keys(allVars).length) block.vars = allVars;
  const entries = Array.isArray(config.kv_namespaces) ? (config.kv_namespaces as Record<string, unknown>[]) : [];
  const namespaces = entries.map((e) => ({ binding: e.binding, id: kv.find((k) => k.binding === e.binding)?.id ?? e.id }));
  for (const k of kv) if (!namespaces.some((n) => n.binding === k.binding)) namespaces.push({ binding: k.binding, id: k.id });
  if (namespaces.length) block.kv_namespaces = namespaces;
  for (const key of COPIED) if (config[key] !== undefined) block[key] = config[key];
  return block;
}
