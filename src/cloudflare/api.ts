// The Cloudflare calls the action makes itself (wrangler makes the rest), behind one small interface.
// Built on the official SDK's tree-shakable client, so only these resources land in dist/index.js.
import { BadRequestError, NotFoundError, type ClientOptions } from "cloudflare";
import { BaseAccounts } from "cloudflare/resources/accounts/accounts";
import { BaseModels } from "cloudflare/resources/ai/models/models";
import { BaseNamespaces } from "cloudflare/resources/kv/namespaces/namespaces";
import { BaseDeployments } from "cloudflare/resources/workers/scripts/deployments";
import { BaseScripts } from "cloudflare/resources/workers/scripts/scripts";
import { BaseSecrets } from "cloudflare/resources/workers/scripts/secrets";
import { BaseVersions } from "cloudflare/resources/workers/scripts/versions";
import { BaseSubdomains } from "cloudflare/resources/workers/subdomains";
import { createClient } from "cloudflare/tree-shakable";
import { attempt } from "./errors.js";

export interface Namespace {
  id: string;
  title: string;
}

export interface LiveVersion {
  deploymentId: string;
  versionId: string;
  /** The version's `workers/tag` annotation (the action tags with the content hash). */
  tag: string | undefined;
}

export interface CloudflareApi {
  /** The account's name: proves the token works and may use the account. */
  accountName(): Promise<string>;
  listNamespaces(): Promise<Namespace[]>;
  /** Throws NamespaceExists when the title is taken (Cloudflare error 10014). */
  createNamespace(title: string): Promise<Namespace>;
  deleteNamespace(id: string): Promise<void>;
  /** Names of the worker's secrets; undefined when the worker does not exist. */
  secretNames(script: string): Promise<string[] | undefined>;
  /** The version serving traffic and the one before it; undefined when the worker does not exist. */
  deployments(script: string): Promise<{ live: LiveVersion; previous: LiveVersion | undefined } | undefined>;
  /** Sends all traffic to `versionId` (a rollback); throws SecretsChanged when its secrets differ from the current ones. */
  deployVersion(script: string, versionId: string, message: string): Promise<void>;
  /** A version's bindings (secrets without values) and runtime settings. */
  versionDetail(script: string, versionId: string): Promise<VersionDetail>;
  /** A version's modules, as uploaded, and which one is the entry point. */
  versionModules(script: string, versionId: string): Promise<{ main: string; modules: File[] }>;
  /** Uploads a version (serving no traffic yet); `inherit` bindings must resolve (bindings_inherit=strict). */
  uploadVersion(script: string, metadata: Record<string, unknown>, modules: File[]): Promise<string>;
  /** Deletes the worker; false when it did not exist. */
  deleteScript(script: string): Promise<boolean>;
  /** https://<script>.<account subdomain>.workers.dev, or undefined when the account has no workers.dev subdomain. */
  workersDevUrl(script: string): Promise<string | undefined>;
  /** The account's Workers AI catalogue, deprecated models included, every page; records as the API sends them. */
  aiModels(): Promise<unknown[]>;
}

export interface VersionDetail {
  id: string;
  bindings: { name: string; type: string; [key: string]: unknown }[];
  compatibilityDate: string | undefined;
  compatibilityFlags: string[];
  usageModel: string | undefined;
  limits: unknown;
}

/**
 * Cloudflare refuses (10220) to deploy a version whose secrets differ from the worker's current ones: it would
 * bring the old values back. `?force=true` overrides that, which is exactly what a rollback after a key rotation
 * must never do (wrangler's own rollback does it when CI=true).
 */
export class SecretsChanged extends Error {
  constructor(
    readonly versionId: string,
    readonly names: string[],
    cloudflareMessage: string,
  ) {
    super(`Cloudflare refused to deploy version ${versionId}: ${cloudflareMessage} [code: ${SECRETS_CHANGED}]`);
    this.name = "SecretsChanged";
  }
}

/** Cloudflare's error code for "a secret has changed since this version was active" (wrangler knows it too). */
const SECRETS_CHANGED = 10220;

export class NamespaceExists extends Error {
  constructor(readonly title: string) {
    super(`a KV namespace titled "${title}" already exists`);
  }
}

/** Cloudflare's error code for "a namespace with this title already exists". */
const DUPLICATE_TITLE = 10014;

export interface ApiOptions {
  token: string;
  accountId: string;
  /** CLOUDFLARE_API_BASE_URL, as wrangler reads it (e.g. a proxy, or a fake in tests). */
  baseURL?: string;
  /** Retries of 429 and 5xx answers, with the SDK's exponential backoff and retry-after. */
  maxRetries?: number;
}

export function cloudflareApi(options: ApiOptions): CloudflareApi {
  const clientOptions: ClientOptions = { apiToken: options.token, maxRetries: options.maxRetries ?? 4, timeout: 60_000 };
  if (options.baseURL) clientOptions.baseURL = options.baseURL;
  const client = createClient({
    ...clientOptions,
    resources: [BaseAccounts, BaseModels, BaseNamespaces, BaseScripts, BaseSecrets, BaseDeployments, BaseVersions, BaseSubdomains],
  });
  const account_id = options.accountId;

  const versionInfo = async (script: string, deploymentId: string, versionId: string): Promise<LiveVersion> => {
    const version = (await client.workers.scripts.versions.get(versionId, { account_id, script_name: script })) as {
      annotations?: Record<string, string>;
      metadata?: { annotations?: Record<string, string> };
    };
    // Versions carry their annotations at the top level (older answers nested them in metadata).
    const annotations = version.annotations ?? version.metadata?.annotations ?? {};
    return { deploymentId, versionId, tag: annotations["workers/tag"] };
  };

  const api: CloudflareApi = {
    async accountName() {
      return (await client.accounts.get({ account_id })).name;
    },
    async listNamespaces() {
      const all: Namespace[] = [];
      for await (const ns of client.kv.namespaces.list({ account_id, per_page: 1000 })) all.push({ id: ns.id, title: ns.title });
      return all;
    },
    async createNamespace(title) {
      try {
        const ns = await client.kv.namespaces.create({ account_id, title });
        return { id: ns.id, title: ns.title };
      } catch (error) {
        if (error instanceof BadRequestError && (error.errors as { code?: number }[] | undefined)?.some((e) => e.code === DUPLICATE_TITLE))
          throw new NamespaceExists(title);
        throw error;
      }
    },
    async deleteNamespace(id) {
      await client.kv.namespaces.delete(id, { account_id });
    },
    async secretNames(script) {
      try {
        const names: string[] = [];
        for await (const secret of client.workers.scripts.secrets.list(script, { account_id })) if (secret.name) names.push(secret.name);
        return names;
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    },
    async deployments(script) {
      // The API answers {result: {deployments: [...]}} (newest first), which the SDK's paginated list does not read.
      let list: { id?: string; versions?: { version_id: string; percentage: number }[] }[];
      try {
        const body = (await client.get(`/accounts/${account_id}/workers/scripts/${encodeURIComponent(script)}/deployments`)) as {
          result?: { deployments?: typeof list; items?: typeof list };
        };
        list = body.result?.deployments ?? body.result?.items ?? [];
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
      const mainVersion = (d: (typeof list)[number] | undefined) => d?.versions?.slice().sort((a, b) => b.percentage - a.percentage)[0];
      const [current] = list;
      const main = mainVersion(current);
      if (!current?.id || !main) return undefined;
      const live = await versionInfo(script, current.id, main.version_id);
      // The rollback target: the newest earlier deployment whose main version is another one.
      const earlier = list.slice(1).find((d) => mainVersion(d) && mainVersion(d)!.version_id !== main.version_id);
      const previous = earlier?.id ? { deploymentId: earlier.id, versionId: mainVersion(earlier)!.version_id, tag: undefined } : undefined;
      return { live, previous };
    },
    async deployVersion(script, versionId, message) {
      try {
        await client.workers.scripts.deployments.create(script, {
          account_id,
          strategy: "percentage",
          versions: [{ version_id: versionId, percentage: 100 }],
          annotations: { "workers/message": message },
        } as Parameters<typeof client.workers.scripts.deployments.create>[1]);
      } catch (error) {
        const refusal =
          error instanceof BadRequestError
            ? (error.errors as { code?: number; message?: string }[] | undefined)?.find((e) => e.code === SECRETS_CHANGED)
            : undefined;
        if (!refusal) throw error;
        const listed = /The following secrets have changed: (.*)$/.exec(refusal.message ?? "")?.[1];
        throw new SecretsChanged(
          versionId,
          listed
            ? listed
                .split(",")
                .map((n) => n.trim())
                .filter(Boolean)
            : [],
          refusal.message ?? "secrets have changed",
        );
      }
    },
    async versionDetail(script, versionId) {
      const v = (await client.workers.scripts.versions.get(versionId, { account_id, script_name: script })) as {
        id?: string;
        resources?: {
          bindings?: VersionDetail["bindings"];
          script_runtime?: { compatibility_date?: string; compatibility_flags?: string[]; usage_model?: string; limits?: unknown };
        };
      };
      const runtime = v.resources?.script_runtime ?? {};
      return {
        id: v.id ?? versionId,
        bindings: v.resources?.bindings ?? [],
        compatibilityDate: runtime.compatibility_date,
        compatibilityFlags: runtime.compatibility_flags ?? [],
        usageModel: runtime.usage_model,
        limits: runtime.limits,
      };
    },
    async versionModules(script, versionId) {
      // The endpoint `wrangler versions secret put` downloads a version with: multipart, entry point in a header.
      const path = `/accounts/${account_id}/workers/scripts/${encodeURIComponent(script)}/content/v2`;
      const response = (await client.get(path, { query: { version: versionId }, __binaryResponse: true } as Parameters<
        typeof client.get
      >[1])) as unknown as Response;
      const main = response.headers.get("cf-entrypoint");
      if (!main || !response.headers.get("content-type")?.startsWith("multipart/form-data")) {
        throw new Error(
          `version ${versionId} came back without modules (content-type ${response.headers.get("content-type")}, no entry point named)`,
        );
      }
      const modules: File[] = [];
      for (const [name, part] of (await response.formData()).entries()) {
        if (typeof part !== "string" && part.type !== "application/source-map") modules.push(new File([part], name, { type: part.type }));
      }
      return { main, modules };
    },
    async uploadVersion(script, metadata, modules) {
      const form = new FormData();
      form.set("metadata", JSON.stringify(metadata));
      for (const module of modules) form.set(module.name, module, module.name);
      const path = `/accounts/${account_id}/workers/scripts/${encodeURIComponent(script)}/versions`;
      const body = (await client.post(path, { body: form, query: { bindings_inherit: "strict" } })) as { result?: { id?: string } };
      if (!body.result?.id) throw new Error("Cloudflare answered the upload without a version id");
      return body.result.id;
    },
    async workersDevUrl(script) {
      try {
        const { subdomain } = await client.workers.subdomains.get({ account_id });
        return subdomain ? `https://${script}.${subdomain}.workers.dev` : undefined;
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    },
    async aiModels() {
      const all: unknown[] = [];
      // 50 a page, as wrangler asks (`wrangler ai models`). The last page is known from result_info when the API
      // sends it (one request saved per run); otherwise the first empty page ends the list, as the SDK does.
      let page = await client.ai.models.list({ account_id, include_deprecated: true, per_page: 50 });
      for (;;) {
        all.push(...page.result);
        const info = page.result_info as { page?: number; total_pages?: number };
        const last = typeof info.page === "number" && typeof info.total_pages === "number" && info.page >= info.total_pages;
        if (last || !page.hasNextPage()) return all;
        page = await page.getNextPage();
      }
    },
    async deleteScript(script) {
      try {
        await client.workers.scripts.delete(script, { account_id, force: true });
        return true;
      } catch (error) {
        if (error instanceof NotFoundError) return false;
        throw error;
      }
    },
  };
  return explained(api);
}

const WHAT: Record<keyof CloudflareApi, string> = {
  accountName: "read the account",
  listNamespaces: "list KV namespaces",
  createNamespace: "create a KV namespace",
  deleteNamespace: "delete a KV namespace",
  secretNames: "list the worker's secrets",
  deployments: "read the worker's deployments",
  deployVersion: "deploy a version",
  versionDetail: "read a version",
  versionModules: "download a version's code",
  uploadVersion: "upload a version",
  deleteScript: "delete a worker",
  workersDevUrl: "read the workers.dev subdomain",
  aiModels: "read the Workers AI model catalogue",
};

/** Every method's failure says what it was doing; the "expected" errors (NamespaceExists, SecretsChanged) pass unchanged. */
function explained(api: CloudflareApi): CloudflareApi {
  const out = {} as Record<string, unknown>;
  for (const name of Object.keys(WHAT) as (keyof CloudflareApi)[]) {
    const method = api[name] as (...args: unknown[]) => Promise<unknown>;
    out[name] = (...args: unknown[]) => attempt(WHAT[name], () => method(...args));
  }
  return out as unknown as CloudflareApi;
}
