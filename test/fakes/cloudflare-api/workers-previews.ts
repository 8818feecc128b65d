// Worker Previews (`wrangler preview`, wrangler 4.135+): previews of a worker under /workers/workers/:worker/previews,
// each with its own URL, deployments and Durable Object namespaces; plus POST /workers/workers, which
// `wrangler preview` uses to create the parent worker. Shapes: CLOUDFLARE-API-NOTES.md section 1 and wrangler
// 4.164's client (the deployment is multipart: a metadata part plus one `files` part per module).
import { parseMultipart } from "../http-fake.js";
import type { FakeReply } from "../http-fake.js";
import { apiError, jsonBody, ok, paginate } from "./envelope.js";
import type { Ctx, Router } from "./router.js";
import { sha256, uuid, type WorkerModule, type WorkerScript } from "./state.js";
import { newScript, scriptOf, SCRIPT_NOT_FOUND } from "./workers-model.js";
import { workerResource } from "./workers-resources.js";

export interface PreviewBinding {
  type: string;
  [field: string]: unknown;
}

export interface PreviewDeployment {
  id: string;
  preview_id: string;
  preview_name: string;
  created_on: string;
  main_module?: string;
  modules: WorkerModule[];
  compatibility_date?: string;
  compatibility_flags: string[];
  annotations: Record<string, unknown>;
  /** As stored: secret_text bindings keep their text (answers leave it out). */
  env: Record<string, PreviewBinding>;
  migration_tag?: string;
  /** The whole metadata part, for assertions. */
  metadata: Record<string, unknown>;
}

export interface WorkerPreview {
  id: string;
  name: string;
  slug: string;
  created_on: string;
  updated_on: string;
  observability: unknown;
  logpush: boolean;
  tail_consumers: unknown[];
  tags: string[];
  /** Oldest first. */
  deployments: PreviewDeployment[];
}

export const PREVIEW_NOT_FOUND = { code: 10025, message: "workers.api.error.preview_not_found" } as const;
export const NO_PREVIEW_DEPLOYMENT = { code: 10222, message: "workers.api.error.preview_deployment_not_found" } as const;

const P = "/accounts/:account/workers/workers/:script/previews";

/** A preview's slug becomes part of a DNS label: lowercase letters, digits and hyphens. */
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "preview";

function host(ctx: Ctx, label: string, worker: string): string | undefined {
  return ctx.account.workersSubdomain ? `https://${label}-${worker}.${ctx.account.workersSubdomain}.workers.dev` : undefined;
}

function previewOf(ctx: Ctx): { script: WorkerScript; preview: WorkerPreview } {
  const script = scriptOf(ctx, SCRIPT_NOT_FOUND);
  const key = ctx.params.preview!;
  const preview = script.previews.get(key) ?? [...script.previews.values()].find((p) => p.id === key);
  if (!preview) throw apiError(404, PREVIEW_NOT_FOUND.code, PREVIEW_NOT_FOUND.message);
  return { script, preview };
}

export function previewResource(ctx: Ctx, script: WorkerScript, p: WorkerPreview) {
  const url = host(ctx, p.slug, script.name);
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    urls: url ? [url] : [],
    worker_name: script.name,
    tags: [...p.tags],
    observability: p.observability,
    logpush: p.logpush,
    tail_consumers: p.tail_consumers,
    created_on: p.created_on,
    updated_on: p.updated_on,
  };
}

export function deploymentResource(ctx: Ctx, script: WorkerScript, d: PreviewDeployment) {
  const url = host(ctx, d.id.slice(0, 8), script.name);
  const env = Object.fromEntries(Object.entries(d.env).map(([name, b]) => [name, b.type === "secret_text" ? { type: b.type } : { ...b }]));
  return {
    id: d.id,
    preview_id: d.preview_id,
    preview_name: d.preview_name,
    ...(d.migration_tag !== undefined && { migration_tag: d.migration_tag }),
    urls: url ? [url] : [],
    ...(d.compatibility_date !== undefined && { compatibility_date: d.compatibility_date }),
    compatibility_flags: [...d.compatibility_flags],
    annotations: { ...d.annotations },
    env,
    created_on: d.created_on,
  };
}

function createWorker(ctx: Ctx): FakeReply {
  const body = (jsonBody(ctx.req) ?? {}) as { name?: unknown; subdomain?: { enabled?: unknown; previews_enabled?: unknown } };
  if (typeof body.name !== "string") throw apiError(400, 10021, "name is required");
  if (ctx.account.scripts.has(body.name)) throw apiError(409, 10021, `A worker named ${body.name} already exists`);
  const script = newScript(ctx, body.name);
  script.subdomain = { enabled: body.subdomain?.enabled === true, previews_enabled: body.subdomain?.previews_enabled === true };
  ctx.account.scripts.set(script.name, script);
  return ok(workerResource(script, ctx.account.workersSubdomain));
}

function createPreview(ctx: Ctx): FakeReply {
  const script = scriptOf(ctx, SCRIPT_NOT_FOUND);
  const body = (jsonBody(ctx.req) ?? {}) as { name?: unknown; observability?: unknown; logpush?: unknown; tail_consumers?: unknown };
  if (typeof body.name !== "string" || !body.name) throw apiError(400, 10021, "name is required");
  if (script.previews.has(body.name)) throw apiError(409, 10021, `A preview named ${body.name} already exists`);
  const now = ctx.state.now();
  const preview: WorkerPreview = {
    id: uuid(),
    name: body.name,
    slug: slugOf(body.name),
    created_on: now,
    updated_on: now,
    observability: body.observability ?? { enabled: false },
    logpush: body.logpush === true,
    tail_consumers: Array.isArray(body.tail_consumers) ? body.tail_consumers : [],
    tags: [],
    deployments: [],
  };
  script.previews.set(preview.name, preview);
  return ok(previewResource(ctx, script, preview));
}

function patchPreview(ctx: Ctx): FakeReply {
  const { script, preview } = previewOf(ctx);
  const body = (jsonBody(ctx.req) ?? {}) as Partial<WorkerPreview>;
  if (body.observability !== undefined) preview.observability = body.observability;
  if (typeof body.logpush === "boolean") preview.logpush = body.logpush;
  if (Array.isArray(body.tail_consumers)) preview.tail_consumers = body.tail_consumers;
  preview.updated_on = ctx.state.now();
  return ok(previewResource(ctx, script, preview));
}

/** POST …/deployments: multipart (wrangler 4.164) or JSON with base64 modules (the reconstructed spec). */
function createDeployment(ctx: Ctx): FakeReply {
  const { script, preview } = previewOf(ctx);
  const contentType = ctx.req.headers["content-type"] ?? "";
  let metadata: Record<string, unknown>;
  let modules: WorkerModule[];
  if (contentType.startsWith("multipart/form-data")) {
    const parts = parseMultipart(ctx.req.body, contentType);
    const meta = parts.find((p) => p.name === "metadata");
    if (!meta) throw apiError(400, 10021, "No metadata part in the deployment");
    try {
      metadata = JSON.parse(meta.data.toString("utf8")) as Record<string, unknown>;
    } catch {
      throw apiError(400, 10021, "The metadata part is not valid JSON");
    }
    modules = parts.filter((p) => p !== meta).map((p) => ({ name: p.filename ?? p.name, type: p.type, content: Buffer.from(p.data) }));
  } else {
    metadata = ((jsonBody(ctx.req) ?? {}) as Record<string, unknown>) ?? {};
    const raw = (metadata.modules as { name: string; content_type?: string; content_base64: string }[] | undefined) ?? [];
    modules = raw.map((m) => ({ name: m.name, type: m.content_type, content: Buffer.from(m.content_base64, "base64") }));
    delete metadata.modules;
  }
  const main = metadata.main_module as string | undefined;
  if (main !== undefined && !modules.some((m) => m.name === main)) throw apiError(400, 10021, `Uncaught Error: No such module "${main}".`);
  const latest = preview.deployments.at(-1);
  const env: Record<string, PreviewBinding> = {};
  for (const [name, raw] of Object.entries((metadata.env as Record<string, PreviewBinding> | undefined) ?? {})) {
    if (raw.type === "inherit") {
      const old = latest?.env[name];
      if (!old)
        throw apiError(
          400,
          10057,
          `inherit binding '${name}' is invalid: the latest deployment of preview ${preview.name} has no binding with that name`,
        );
      env[name] = { ...old };
      continue;
    }
    if (raw.type === "kv_namespace" && !ctx.account.namespaces.has(String(raw.namespace_id))) {
      throw apiError(400, 10041, `KV namespace '${String(raw.namespace_id)}' is not valid.`);
    }
    // Durable Objects of a preview live in namespaces of that preview alone: isolated state.
    env[name] =
      raw.type === "durable_object_namespace" && !raw.script_name
        ? { ...raw, namespace_id: sha256(`${preview.id}/${String(raw.class_name)}`).slice(0, 32) }
        : { ...raw };
  }
  const migrations = metadata.migrations as { new_tag?: string } | undefined;
  const deployment: PreviewDeployment = {
    id: uuid(),
    preview_id: preview.id,
    preview_name: preview.name,
    created_on: ctx.state.now(),
    main_module: main,
    modules,
    compatibility_date: metadata.compatibility_date as string | undefined,
    compatibility_flags: (metadata.compatibility_flags as string[] | undefined) ?? [],
    annotations: { ...((metadata.annotations as Record<string, unknown> | undefined) ?? {}) },
    env,
    migration_tag: migrations?.new_tag ?? latest?.migration_tag,
    metadata,
  };
  preview.deployments.push(deployment);
  preview.updated_on = deployment.created_on;
  return ok(deploymentResource(ctx, script, deployment));
}

function deploymentOf(ctx: Ctx) {
  const { script, preview } = previewOf(ctx);
  const key = ctx.params.deployment!;
  const d = key === "latest" ? preview.deployments.at(-1) : preview.deployments.find((x) => x.id === key);
  if (!d) throw apiError(404, NO_PREVIEW_DEPLOYMENT.code, NO_PREVIEW_DEPLOYMENT.message);
  return { script, preview, deployment: d };
}

export function registerPreviewRoutes(router: Router): void {
  router
    .on("POST", "/accounts/:account/workers/workers", createWorker)
    .on("GET", P, (ctx) => {
      const script = scriptOf(ctx, SCRIPT_NOT_FOUND);
      const all = [...script.previews.values()].map((p) => previewResource(ctx, script, p));
      const { result, result_info } = paginate(all, ctx.query, { defaultPerPage: 10, maxPerPage: 100 });
      return ok(result, { result_info });
    })
    .on("POST", P, createPreview)
    .on("GET", `${P}/:preview`, (ctx) => {
      const { script, preview } = previewOf(ctx);
      return ok(previewResource(ctx, script, preview));
    })
    .on("PATCH", `${P}/:preview`, patchPreview)
    .on("DELETE", `${P}/:preview`, (ctx) => {
      const { script, preview } = previewOf(ctx);
      script.previews.delete(preview.name);
      return ok(null);
    })
    .on("GET", `${P}/:preview/deployments`, (ctx) => {
      const { script, preview } = previewOf(ctx);
      const all = [...preview.deployments].reverse().map((d) => deploymentResource(ctx, script, d));
      const { result, result_info } = paginate(all, ctx.query, { defaultPerPage: 10, maxPerPage: 100 });
      return ok(result, { result_info });
    })
    .on("POST", `${P}/:preview/deployments`, createDeployment)
    .on("GET", `${P}/:preview/deployments/:deployment`, (ctx) => {
      const { script, deployment } = deploymentOf(ctx);
      return ok(deploymentResource(ctx, script, deployment));
    });
}
