// The JSON shapes the Workers API answers with (versions, scripts, services, settings, the beta Worker object).
import { publicBindings } from "./workers-model.js";
import type { WorkerScript, WorkerVersion } from "./state.js";

function versionMetadata(v: WorkerVersion) {
  return {
    author_id: v.author_id,
    author_email: v.author_email,
    source: v.source,
    created_on: v.created_on,
    modified_on: v.created_on,
    has_preview: v.has_preview,
  };
}

/** A version as GET S/versions/:id (and POST S/versions, with startup_time_ms) answers it. */
export function versionResource(v: WorkerVersion, options: { startup?: boolean } = {}) {
  return {
    id: v.id,
    number: v.number,
    metadata: versionMetadata(v),
    annotations: { ...v.annotations },
    resources: {
      bindings: publicBindings(v.bindings),
      script: { etag: v.etag, handlers: [...v.handlers], last_deployed_from: v.source },
      script_runtime: {
        ...(v.compatibility_date !== undefined && { compatibility_date: v.compatibility_date }),
        compatibility_flags: [...v.compatibility_flags],
        usage_model: v.usage_model,
        ...(v.limits !== undefined && { limits: v.limits }),
        ...(v.migration_tag !== undefined && { migration_tag: v.migration_tag }),
      },
    },
    ...(options.startup && { startup_time_ms: v.startup_time_ms }),
  };
}

/** A version as an item of GET S/versions. */
export function versionListItem(v: WorkerVersion) {
  return { id: v.id, number: v.number, metadata: versionMetadata(v), annotations: { ...v.annotations } };
}

export function activeVersion(script: WorkerScript): WorkerVersion | undefined {
  const active = script.deployments.at(-1);
  const main = active && [...active.versions].sort((a, b) => b.percentage - a.percentage)[0];
  return script.versions.find((v) => v.id === main?.version_id) ?? script.versions.at(-1);
}

/** A script as GET /workers/scripts lists it and PUT S answers (plus deployment_id there). */
export function scriptResource(script: WorkerScript) {
  const v = activeVersion(script);
  return {
    id: script.name,
    tag: script.tag,
    tags: [...script.settings.tags],
    etag: v?.etag,
    handlers: v ? [...v.handlers] : [],
    created_on: script.created_on,
    modified_on: script.modified_on,
    ...(script.migration_tag !== undefined && { migration_tag: script.migration_tag }),
    usage_model: v?.usage_model ?? "standard",
    ...(v?.compatibility_date !== undefined && { compatibility_date: v.compatibility_date }),
    compatibility_flags: v ? [...v.compatibility_flags] : [],
    last_deployed_from: script.last_deployed_from,
    has_assets: false,
    has_modules: (v?.modules.length ?? 0) > 0,
    logpush: script.settings.logpush,
    tail_consumers: script.settings.tail_consumers,
    observability: script.settings.observability,
  };
}

/** GET /workers/services/:name */
export function serviceResource(script: WorkerScript) {
  return {
    id: script.name,
    default_environment: {
      environment: "production",
      created_on: script.created_on,
      modified_on: script.modified_on,
      script: scriptResource(script),
    },
    created_on: script.created_on,
    modified_on: script.modified_on,
  };
}

/** GET S/settings: the versioned settings of the newest version plus the non-versioned ones. */
export function settingsResource(script: WorkerScript) {
  const v = script.versions.at(-1);
  return {
    bindings: publicBindings(v?.bindings ?? []),
    ...(v?.compatibility_date !== undefined && { compatibility_date: v.compatibility_date }),
    compatibility_flags: v ? [...v.compatibility_flags] : [],
    usage_model: v?.usage_model ?? "standard",
    ...(v?.limits !== undefined && { limits: v.limits }),
    placement: v?.placement ?? {},
    logpush: script.settings.logpush,
    observability: script.settings.observability,
    tail_consumers: script.settings.tail_consumers,
    tags: [...script.settings.tags],
  };
}

/**
 * GET /workers/workers/:name (the newer "Workers" API that wrangler 4.16x reads). wrangler 4.164 builds version
 * preview URLs from `subdomain.preview_url_suffix` (`https://<alias or version prefix><suffix>`).
 */
export function workerResource(script: WorkerScript, accountSubdomain: string | null = null) {
  const deployedOn = script.deployments.at(-1)?.created_on ?? null;
  return {
    id: script.tag,
    name: script.name,
    created_on: script.created_on,
    updated_on: script.modified_on,
    deployed_on: deployedOn,
    logpush: script.settings.logpush,
    observability: script.settings.observability,
    subdomain: { ...script.subdomain, ...(accountSubdomain && { preview_url_suffix: `-${script.name}.${accountSubdomain}.workers.dev` }) },
    tags: [...script.settings.tags],
    tail_consumers: script.settings.tail_consumers,
    references: { dispatch_namespace_outbounds: [], domains: [], durable_objects: [], queues: [], workers: [] },
  };
}
