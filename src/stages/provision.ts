// Stage 2: make sure every KV namespace the worker binds exists, and learn its id.
import { createHash } from "node:crypto";
import type { NamespacePlan } from "../plan.js";

export interface ProvisionedNamespace extends NamespacePlan {
  id: string;
  /** What happened: found an existing one, created it, or (dry run) nothing. */
  action: "found" | "created" | "planned";
}

/**
 * The dry run's answer: no request leaves the machine, so every namespace is "planned" with a
 * placeholder id derived from its title (stable across runs, obviously not a real one).
 */
export function planNamespaces(namespaces: NamespacePlan[]): ProvisionedNamespace[] {
  return namespaces.map((ns) => ({ ...ns, id: placeholderId(ns.title), action: "planned" }));
}

export function placeholderId(title: string): string {
  return "00dry0run" + createHash("sha256").update(title).digest("hex").slice(0, 23);
}
