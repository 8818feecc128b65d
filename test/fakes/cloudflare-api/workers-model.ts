// How the Workers API turns an upload into a version, versions into deployments, and what it answers about them.
import { parseMultipart } from "../http-fake.js";
import { apiError } from "./envelope.js";
import type { Ctx } from "./router.js";
import {
  hex32,
  sha256,
  uuid,
  type Binding,
  type WorkerDeployment,
  type WorkerModule,
  type WorkerScript,
  type WorkerVersion,
} from "./state.js";

export const SCRIPT_NOT_FOUND = { code: 10007, message: "workers.api.error.script_not_found" } as const;
export const SERVICE_NOT_FOUND = { code: 10090, message: "workers.api.error.service_not_found" } as const;
/** Secret edits are refused while the newest version is not the deployed one. */
export const VERSION_NOT_DEPLOYED = 10215;
/** A rollback to a version whose secrets differ from the current ones needs `?force=true`. */
export const ROLLBACK_SECRETS_CHANGED = 10220;
export const INVALID_INHERIT_BINDING = 10057;

export function scriptOf(ctx: Ctx, notFound: { code: number; message: string } = SCRIPT_NOT_FOUND): WorkerScript {
  const script = ctx.account.scripts.get(ctx.params.script!);
  if (!script) throw apiError(404, notFound.code, notFound.message);
  return script;
}

export function newScript(ctx: Ctx, name: string): WorkerScript {
  if (!/^[a-z0-9_-]{1,63}$/i.test(name)) throw apiError(400, 10016, "Invalid Worker name");
  const now = ctx.state.now();
  return {
    name,
    tag: hex32(),
    created_on: now,
    modified_on: now,
    last_deployed_from: ctx.source,
    versions: [],
    deployments: [],
    subdomain: { enabled: false, previews_enabled: false },
    settings: { logpush: false, observability: { enabled: false, head_sampling_rate: 1 }, tail_consumers: [], tags: [] },
    schedules: [],
    durableObjectClasses: new Set(),
    aliases: new Map(),
    previews: new Map(),
  };
}

export interface Upload {
  metadata: Record<string, unknown>;
  modules: WorkerModule[];
  sourceMaps: WorkerModule[];
}

export function parseUpload(ctx: Ctx): Upload {
  const contentType = ctx.req.headers["content-type"] ?? "";
  if (!contentType.startsWith("multipart/form-data"))
    throw apiError(400, 10021, "Expected a multipart/form-data body with a metadata part");
  const parts = parseMultipart(ctx.req.body, contentType);
  const metadataPart = parts.find((p) => p.name === "metadata");
  if (!metadataPart) throw apiError(400, 10021, "No metadata part in the upload");
  let metadata: Record<string, unknown>;
  try {
    metadata = JSON.parse(metadataPart.data.toString("utf8")) as Record<string, unknown>;
  } catch {
    throw apiError(400, 10021, "The metadata part is not valid JSON");
  }
  const files = parts.filter((p) => p !== metadataPart);
  const isMap = (p: { name: string; type?: string }) => p.type === "application/source-map" || p.name.endsWith(".map");
  const toModule = (p: { name: string; type?: string; data: Buffer }): WorkerModule => ({
    name: p.name,
    type: p.type,
    content: Buffer.from(p.data),
  });
  return { metadata, modules: files.filter((p) => !isMap(p)).map(toModule), sourceMaps: files.filter(isMap).map(toModule) };
}

type Migration = { old_tag?: string; new_tag?: string; steps?: MigrationStep[] } & MigrationStep;
interface MigrationStep {
  new_classes?: string[];
  new_sqlite_classes?: string[];
  deleted_classes?: string[];
  renamed_classes?: { from: string; to: string }[];
  transferred_classes?: { from: string; from_script: string; to: string }[];
}

function applyMigrations(script: WorkerScript | undefined, migration: Migration | undefined): { tag?: string; classes: Set<string> } {
  const classes = new Set(script?.durableObjectClasses ?? []);
  if (!migration) return { tag: script?.migration_tag, classes };
  if (migration.old_tag !== undefined && migration.old_tag !== script?.migration_tag) {
    throw apiError(
      400,
      10079,
      `migration precondition failed: the script's migration tag is ${script?.migration_tag ?? "empty"}, not ${migration.old_tag}`,
    );
  }
  for (const step of migration.steps ?? [migration]) {
    for (const c of [...(step.new_classes ?? []), ...(step.new_sqlite_classes ?? [])]) classes.add(c);
    for (const c of step.deleted_classes ?? []) classes.delete(c);
    for (const { from, to } of step.renamed_classes ?? []) classes.delete(from), classes.add(to);
    for (const { to } of step.transferred_classes ?? []) classes.add(to);
  }
  return { tag: migration.new_tag ?? script?.migration_tag, classes };
}

function detectHandlers(main: WorkerModule | undefined): string[] {
  const text = main?.content.toString("utf8") ?? "";
  const found = ["fetch", "scheduled", "queue", "email", "tail", "trace"].filter((h) => new RegExp(`\\b${h}\\s*(\\(|:)`).test(text));
  return found.length ? found : ["fetch"];
}

export interface BuiltVersion {
  version: WorkerVersion;
  migrationTag?: string;
  classes: Set<string>;
}

/** Builds (without storing) the version an upload makes. Secrets always carry over from the newest version unless re-sent. */
export function buildVersion(ctx: Ctx, script: WorkerScript | undefined, name: string, upload: Upload, triggeredBy: string): BuiltVersion {
  const { metadata } = upload;
  const strict = ctx.query.bindings_inherit === "strict";
  const previous = script?.versions.at(-1);
  const bindings: Binding[] = [];
  for (const raw of (metadata.bindings as Binding[] | undefined) ?? []) {
    if (raw.type === "inherit") {
      const old = previous?.bindings.find((b) => b.name === (raw.old_name ?? raw.name));
      if (old) bindings.push({ ...old, name: raw.name });
      else if (strict)
        throw apiError(
          400,
          INVALID_INHERIT_BINDING,
          `inherit binding '${raw.name}' is invalid: no binding with that name on the previous version`,
        );
      continue;
    }
    if (raw.type === "kv_namespace" && !ctx.account.namespaces.has(String(raw.namespace_id))) {
      throw apiError(400, 10041, `KV namespace '${String(raw.namespace_id)}' is not valid.`);
    }
    if (bindings.some((b) => b.name === raw.name)) throw apiError(400, 10021, `Binding name '${raw.name}' is used more than once`);
    bindings.push({ ...raw });
  }
  const keep = new Set(["secret_text", "secret_key", ...((metadata.keep_bindings as string[] | undefined) ?? [])]);
  for (const old of previous?.bindings ?? []) {
    if (keep.has(old.type) && !bindings.some((b) => b.name === old.name)) bindings.push({ ...old });
  }
  const main = (metadata.main_module ?? metadata.body_part) as string | undefined;
  const mainModule = upload.modules.find((m) => m.name === main);
  if (main !== undefined && !mainModule) throw apiError(400, 10021, `Uncaught Error: No such module "${main}".`);
  const { tag, classes } = applyMigrations(script, metadata.migrations as Migration | undefined);
  const implementsDurableObject =
    classes.size > 0 || bindings.some((b) => b.type === "durable_object_namespace" && (!b.script_name || b.script_name === name));
  const annotations: Record<string, string> = { "workers/triggered_by": triggeredBy };
  for (const [key, value] of Object.entries((metadata.annotations as Record<string, unknown> | undefined) ?? {})) {
    if (typeof value === "string" && key !== "workers/triggered_by")
      annotations[key] = key === "workers/message" ? value.slice(0, 1000) : value;
  }
  const version: WorkerVersion = {
    id: uuid(),
    number: (previous?.number ?? 0) + 1,
    created_on: ctx.state.now(),
    source: ctx.source,
    author_email: ctx.state.email,
    author_id: ctx.state.userId,
    annotations,
    main_module: main,
    modules: upload.modules,
    source_maps: upload.sourceMaps,
    bindings,
    compatibility_date: metadata.compatibility_date as string | undefined,
    compatibility_flags: (metadata.compatibility_flags as string[] | undefined) ?? [],
    migration_tag: tag,
    usage_model: (metadata.usage_model as string | undefined) ?? "standard",
    limits: metadata.limits,
    placement: metadata.placement,
    handlers: detectHandlers(mainModule),
    etag: sha256(Buffer.concat(upload.modules.map((m) => m.content))),
    has_preview: !implementsDurableObject,
    startup_time_ms: 1 + (upload.modules.reduce((n, m) => n + m.content.length, 0) % 17),
    metadata,
  };
  return { version, migrationTag: tag, classes };
}

export function storeVersion(script: WorkerScript, built: BuiltVersion): WorkerVersion {
  script.versions.push(built.version);
  script.migration_tag = built.migrationTag;
  script.durableObjectClasses = built.classes;
  script.modified_on = built.version.created_on;
  script.last_deployed_from = built.version.source;
  const alias = built.version.annotations["workers/alias"];
  if (alias) script.aliases.set(alias, built.version.id);
  return built.version;
}

export function deploy(
  ctx: Ctx,
  script: WorkerScript,
  versions: { version_id: string; percentage: number }[],
  triggeredBy: string,
  message?: string,
): WorkerDeployment {
  const annotations: Record<string, string> = { "workers/triggered_by": triggeredBy };
  if (message) annotations["workers/message"] = message.slice(0, 1000);
  const deployment: WorkerDeployment = {
    id: uuid(),
    created_on: ctx.state.now(),
    source: ctx.source,
    strategy: "percentage",
    author_email: ctx.state.email,
    annotations,
    versions: versions.map((v) => ({ version_id: v.version_id, percentage: v.percentage })),
  };
  script.deployments.push(deployment);
  script.modified_on = deployment.created_on;
  return deployment;
}

/**
 * Secret and settings edits make a copy of the newest version (which must be the deployed one), change it
 * and deploy it at once at 100 %.
 */
export function editDeployedVersion(
  ctx: Ctx,
  script: WorkerScript,
  change: (version: WorkerVersion) => void,
  options: { triggeredBy?: string; tags?: Record<string, string> } = {},
): WorkerVersion {
  const latest = script.versions.at(-1);
  const active = script.deployments.at(-1);
  if (!latest) throw apiError(404, SCRIPT_NOT_FOUND.code, SCRIPT_NOT_FOUND.message);
  if (active && !active.versions.some((v) => v.version_id === latest.id)) {
    throw apiError(400, VERSION_NOT_DEPLOYED, "Secret edit failed: the latest version of this Worker is not deployed.");
  }
  const triggeredBy = options.triggeredBy ?? "secret";
  const version: WorkerVersion = {
    ...latest,
    id: uuid(),
    number: latest.number + 1,
    created_on: ctx.state.now(),
    source: ctx.source,
    annotations: { ...options.tags, "workers/triggered_by": triggeredBy },
    bindings: latest.bindings.map((b) => ({ ...b })),
    compatibility_flags: [...latest.compatibility_flags],
  };
  change(version);
  script.versions.push(version);
  script.modified_on = version.created_on;
  deploy(ctx, script, [{ version_id: version.id, percentage: 100 }], triggeredBy);
  return version;
}

export const isSecret = (b: Binding) => b.type === "secret_text" || b.type === "secret_key";

/** Bindings as the API shows them: secrets without their values. */
export function publicBindings(bindings: Binding[]): Binding[] {
  return bindings.map((b) => {
    if (!isSecret(b)) return { ...b };
    const { text: _text, key_base64: _key, key_jwk: _jwk, ...rest } = b;
    return rest as Binding;
  });
}
