// For the provision stage (and cleanup): make sure every KV namespace the worker binds exists, and learn its id.
// Idempotent: found by exact title across all pages; created only when missing (so a namespace deleted by
// hand comes back); a concurrent creator (10014) is resolved by listing again. 429/5xx are retried by the SDK.
import { createHash } from "node:crypto";
import { NamespaceExists, type CloudflareApi, type Namespace } from "../cloudflare/api.js";
import type { NamespacePlan } from "../plan.js";

export interface ProvisionedNamespace extends NamespacePlan {
  id: string;
  /** What happened: found an existing one, created it, or (dry run) nothing. */
  action: "found" | "created" | "planned";
}

export async function provisionNamespaces(
  api: CloudflareApi,
  wanted: NamespacePlan[],
  log: (line: string) => void,
): Promise<ProvisionedNamespace[]> {
  if (wanted.length === 0) return [];
  let existing = index(await api.listNamespaces(), log);
  const out: ProvisionedNamespace[] = [];
  for (const ns of wanted) {
    const found = existing.get(ns.title);
    if (found) {
      out.push({ ...ns, id: found.id, action: "found" });
      log(`found KV namespace "${ns.title}" (${found.id}) for ${ns.binding}`);
      continue;
    }
    try {
      const created = await api.createNamespace(ns.title);
      out.push({ ...ns, id: created.id, action: "created" });
      log(`created KV namespace "${ns.title}" (${created.id}) for ${ns.binding}`);
    } catch (error) {
      if (!(error instanceof NamespaceExists)) throw error;
      // Someone created it between our list and our create (another run of this workflow): use theirs.
      existing = index(await api.listNamespaces(), log);
      const theirs = existing.get(ns.title);
      if (!theirs) throw new Error(`Cloudflare says a KV namespace titled "${ns.title}" exists, but it is not in the account's list`);
      out.push({ ...ns, id: theirs.id, action: "found" });
      log(`found KV namespace "${ns.title}" (${theirs.id}) for ${ns.binding}, created concurrently by another run`);
    }
  }
  return out;
}

/** Namespaces that are no longer needed (previews): deleted by exact title; missing ones are fine. */
export async function deleteNamespaces(api: CloudflareApi, titles: string[], log: (line: string) => void): Promise<string[]> {
  if (titles.length === 0) return [];
  const existing = index(await api.listNamespaces(), log);
  const deleted: string[] = [];
  for (const title of titles) {
    const ns = existing.get(title);
    if (!ns) {
      log(`KV namespace "${title}" does not exist (already removed)`);
      continue;
    }
    await api.deleteNamespace(ns.id);
    deleted.push(title);
    log(`deleted KV namespace "${title}" (${ns.id})`);
  }
  return deleted;
}

function index(list: Namespace[], log: (line: string) => void): Map<string, Namespace> {
  const byTitle = new Map<string, Namespace>();
  for (const ns of list) {
    if (byTitle.has(ns.title)) log(`warning: two KV namespaces are titled "${ns.title}"; using ${byTitle.get(ns.title)!.id}`);
    else byTitle.set(ns.title, ns);
  }
  return byTitle;
}

/**
 * The dry run's answer: no request leaves the machine, so every namespace is "planned" with a
 * placeholder id derived from its title (stable across runs, obviously not a real one).
 */
export function planNamespaces(namespaces: NamespacePlan[]): ProvisionedNamespace[] {
  return namespaces.map((ns) => ({ ...ns, id: placeholderId(ns.title), action: "planned" }));
}

export function placeholderId(title: string): string {
  return `00dry0run${createHash("sha256").update(title).digest("hex").slice(0, 23)}`;
}
