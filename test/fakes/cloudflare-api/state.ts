// What the fake Cloudflare account holds. Tests read it to assert (namespaces, scripts with their
// versions, deployments, secrets and bindings) and may seed it before a run.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { WorkerPreview } from "./workers-previews.js";

export interface KvValue {
  value: Buffer;
  metadata?: unknown;
  /** Seconds since the epoch. */
  expiration?: number;
}

export interface KvNamespace {
  id: string;
  title: string;
  supports_url_encoding: boolean;
  created_on: string;
  values: Map<string, KvValue>;
}

/** A binding as the API takes it in upload metadata (`secret_text` bindings keep their `text` here, never in answers). */
export interface Binding {
  name: string;
  type: string;
  [field: string]: unknown;
}

export interface WorkerModule {
  name: string;
  /** The part's content type, e.g. application/javascript+module, application/source-map. */
  type?: string;
  content: Buffer;
}

export interface WorkerVersion {
  id: string;
  number: number;
  created_on: string;
  source: string;
  author_email: string;
  author_id: string;
  annotations: Record<string, string>;
  main_module?: string;
  modules: WorkerModule[];
  /** Source maps uploaded with the code (the `index.js.map` part of wrangler 4.16x). */
  source_maps: WorkerModule[];
  bindings: Binding[];
  compatibility_date?: string;
  compatibility_flags: string[];
  migration_tag?: string;
  usage_model: string;
  limits?: unknown;
  placement?: unknown;
  handlers: string[];
  etag: string;
  has_preview: boolean;
  startup_time_ms: number;
  /** The whole metadata part as uploaded, for assertions. */
  metadata: Record<string, unknown>;
}

export interface WorkerDeployment {
  id: string;
  created_on: string;
  source: string;
  strategy: "percentage";
  author_email: string;
  annotations: Record<string, string>;
  versions: { version_id: string; percentage: number }[];
}

export interface WorkerScript {
  name: string;
  tag: string;
  created_on: string;
  modified_on: string;
  last_deployed_from: string;
  /** Oldest first. */
  versions: WorkerVersion[];
  /** Oldest first; the last one is the active deployment. */
  deployments: WorkerDeployment[];
  subdomain: { enabled: boolean; previews_enabled: boolean };
  /** Non-versioned settings (script-settings). */
  settings: { logpush: boolean; observability: unknown; tail_consumers: unknown[]; tags: string[] };
  schedules: { cron: string; created_on: string; modified_on: string }[];
  migration_tag?: string;
  /** Durable Object classes this script implements (from its migrations); such workers get no preview URLs. */
  durableObjectClasses: Set<string>;
  /** Preview alias → version id. */
  aliases: Map<string, string>;
  /** Worker Previews by name. */
  previews: Map<string, WorkerPreview>;
}

export interface AccountState {
  id: string;
  name: string;
  created_on: string;
  /** The account's workers.dev subdomain (`<subdomain>.workers.dev`); null when none is registered. */
  workersSubdomain: string | null;
  namespaces: Map<string, KvNamespace>;
  scripts: Map<string, WorkerScript>;
}

export interface FakeCloudflareState {
  token: string;
  tokenId: string;
  userId: string;
  email: string;
  accounts: Map<string, AccountState>;
  /** The account the fake was started for. */
  defaultAccountId: string;
  account(id?: string): AccountState;
  /** KV namespaces of an account, in creation order. */
  namespaces(accountId?: string): KvNamespace[];
  script(name: string, accountId?: string): WorkerScript | undefined;
  /** The active deployment's 100 % version (or the newest one in the deployment). */
  deployedVersion(name: string, accountId?: string): WorkerVersion | undefined;
  /** Secret names and values of the script's latest version (for assertions only: the API never returns values). */
  secrets(name: string, accountId?: string): Record<string, string>;
  /** Strictly increasing ISO timestamps with microseconds, like the API's created_on values. */
  now(): string;
}

export const hex32 = (): string => randomBytes(16).toString("hex");
export const uuid = (): string => randomUUID();
export const sha256 = (data: Buffer | string): string => createHash("sha256").update(data).digest("hex");

export function newAccount(id: string, name: string, workersSubdomain: string | null, created_on: string): AccountState {
  return { id, name, created_on, workersSubdomain, namespaces: new Map(), scripts: new Map() };
}

export function createState(init: {
  token: string;
  email: string;
  accountId: string;
  accountName: string;
  workersSubdomain: string | null;
}): FakeCloudflareState {
  let lastMicros = 0;
  const now = () => {
    lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
    const millis = Math.floor(lastMicros / 1000);
    return new Date(millis).toISOString().replace(/Z$/, `${String(lastMicros % 1000).padStart(3, "0")}Z`);
  };
  const state: FakeCloudflareState = {
    token: init.token,
    tokenId: hex32(),
    userId: hex32(),
    email: init.email,
    accounts: new Map(),
    defaultAccountId: init.accountId,
    account(id = init.accountId) {
      const account = state.accounts.get(id);
      if (!account) throw new Error(`fake Cloudflare: no account ${id}`);
      return account;
    },
    namespaces: (accountId) => [...state.account(accountId).namespaces.values()],
    script: (name, accountId) => state.account(accountId).scripts.get(name),
    deployedVersion(name, accountId) {
      const script = state.script(name, accountId);
      const active = script?.deployments.at(-1);
      if (!script || !active) return undefined;
      const main = [...active.versions].sort((a, b) => b.percentage - a.percentage)[0];
      return script.versions.find((v) => v.id === main?.version_id);
    },
    secrets(name, accountId) {
      const latest = state.script(name, accountId)?.versions.at(-1);
      const out: Record<string, string> = {};
      for (const b of latest?.bindings ?? []) if (b.type === "secret_text") out[b.name] = String(b.text);
      return out;
    },
    now,
  };
  state.accounts.set(init.accountId, newAccount(init.accountId, init.accountName, init.workersSubdomain, now()));
  return state;
}
