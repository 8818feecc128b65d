// Worker secrets (list/get/put/delete, the 4.16x secrets-bulk merge patch) and versioned settings
// (GET/PATCH S/settings, which wrangler 4.86's `secret bulk` uses). Every edit makes a new version and deploys it.
import type { FakeReply } from "../http-fake.js";
import { parseMultipart } from "../http-fake.js";
import { apiError, jsonBody, ok } from "./envelope.js";
import type { Ctx, Router } from "./router.js";
import type { Binding, WorkerVersion } from "./state.js";
import { editDeployedVersion, INVALID_INHERIT_BINDING, isSecret, scriptOf } from "./workers-model.js";
import { settingsResource } from "./workers-resources.js";

const S = "/accounts/:account/workers/scripts/:script";
/** Not confirmed against the real API: the code for an unknown secret name. */
export const SECRET_NOT_FOUND = { code: 10056, message: "secret not found" } as const;

const secretSummary = (b: Binding) => ({ name: b.name, type: b.type });

function validSecret(value: unknown, name?: string): Binding {
  const b = value as Partial<Binding> | null;
  if (!b || typeof b !== "object" || typeof (name ?? b.name) !== "string") throw apiError(400, 10021, "a secret needs a name and a type");
  if (b.type !== "secret_text" && b.type !== "secret_key") throw apiError(400, 10021, `unsupported secret type '${String(b.type)}'`);
  if (b.type === "secret_text" && typeof b.text !== "string") throw apiError(400, 10021, "secret_text needs a text value");
  return { ...b, name: name ?? (b.name as string), type: b.type };
}

function upsert(bindings: Binding[], secret: Binding): Binding[] {
  if (bindings.some((b) => b.name === secret.name && !isSecret(b))) {
    throw apiError(400, 10053, `Binding name '${secret.name}' is already in use by a binding that is not a secret`);
  }
  return [...bindings.filter((b) => b.name !== secret.name), secret];
}

function putSecret(ctx: Ctx): FakeReply {
  const secret = validSecret(jsonBody(ctx.req));
  editDeployedVersion(ctx, scriptOf(ctx), (v) => void (v.bindings = upsert(v.bindings, secret)));
  return ok(secretSummary(secret));
}

function deleteSecret(ctx: Ctx): FakeReply {
  const script = scriptOf(ctx);
  const name = ctx.params.secret!;
  if (!script.versions.at(-1)?.bindings.some((b) => isSecret(b) && b.name === name))
    throw apiError(404, SECRET_NOT_FOUND.code, SECRET_NOT_FOUND.message);
  editDeployedVersion(ctx, script, (v) => void (v.bindings = v.bindings.filter((b) => b.name !== name)));
  return ok(null);
}

function patchSecretsBulk(ctx: Ctx): FakeReply {
  const body = (jsonBody(ctx.req) ?? {}) as { secrets?: Record<string, unknown>; version_tags?: Record<string, unknown> };
  const patch = Object.entries(body.secrets ?? {}).map(
    ([name, value]) => [name, value === null ? null : validSecret(value, name)] as const,
  );
  const tags = Object.fromEntries(Object.entries(body.version_tags ?? {}).filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
  const version = editDeployedVersion(
    ctx,
    scriptOf(ctx),
    (v) => {
      for (const [name, secret] of patch)
        v.bindings = secret ? upsert(v.bindings, secret) : v.bindings.filter((b) => !(isSecret(b) && b.name === name));
    },
    { tags },
  );
  return ok(Object.fromEntries(version.bindings.filter(isSecret).map((b) => [b.name, secretSummary(b)])));
}

/** PATCH S/settings: a binding given as only {name, type} keeps the current one of that name; bindings left out are removed. */
function patchSettings(ctx: Ctx): FakeReply {
  const script = scriptOf(ctx);
  const contentType = ctx.req.headers["content-type"] ?? "";
  let settings: Record<string, unknown>;
  if (contentType.startsWith("multipart/form-data")) {
    const part = parseMultipart(ctx.req.body, contentType).find((p) => p.name === "settings");
    if (!part) throw apiError(400, 10021, "No settings part in the request");
    settings = JSON.parse(part.data.toString("utf8")) as Record<string, unknown>;
  } else settings = (jsonBody(ctx.req) ?? {}) as Record<string, unknown>;

  for (const key of ["logpush", "observability", "tail_consumers", "tags"] as const) {
    if (settings[key] !== undefined) (script.settings as Record<string, unknown>)[key] = settings[key];
  }
  const versioned = ["bindings", "compatibility_date", "compatibility_flags", "usage_model", "limits", "placement"].some(
    (k) => settings[k] !== undefined,
  );
  if (versioned) {
    const current = script.versions.at(-1)?.bindings ?? [];
    const next = Array.isArray(settings.bindings) ? (settings.bindings as Binding[]) : undefined;
    const secretsChanged = !!next?.some((b) => isSecret(b) && Object.keys(b).some((k) => k !== "name" && k !== "type"));
    const resolved = next?.map((b) => {
      if (Object.keys(b).every((k) => k === "name" || k === "type")) {
        const old = current.find((c) => c.name === b.name && c.type === b.type);
        if (!old)
          throw apiError(
            400,
            INVALID_INHERIT_BINDING,
            `inherit binding '${b.name}' is invalid: no ${b.type} binding with that name on the current version`,
          );
        return { ...old };
      }
      if (b.type === "kv_namespace" && !ctx.account.namespaces.has(String(b.namespace_id))) {
        throw apiError(400, 10041, `KV namespace '${String(b.namespace_id)}' is not valid.`);
      }
      return { ...b };
    });
    editDeployedVersion(
      ctx,
      script,
      (v: WorkerVersion) => {
        if (resolved) v.bindings = resolved;
        if (typeof settings.compatibility_date === "string") v.compatibility_date = settings.compatibility_date;
        if (Array.isArray(settings.compatibility_flags)) v.compatibility_flags = settings.compatibility_flags.map(String);
        if (typeof settings.usage_model === "string") v.usage_model = settings.usage_model;
        if (settings.limits !== undefined) v.limits = settings.limits;
        if (settings.placement !== undefined) v.placement = settings.placement;
      },
      { triggeredBy: secretsChanged ? "secret" : "settings" },
    );
  }
  return ok(settingsResource(script));
}

export function registerSecretRoutes(router: Router): void {
  router
    .on("GET", `${S}/secrets`, (ctx) => ok((scriptOf(ctx).versions.at(-1)?.bindings ?? []).filter(isSecret).map(secretSummary)))
    .on("GET", `${S}/secrets/:secret`, (ctx) => {
      const secret = scriptOf(ctx)
        .versions.at(-1)
        ?.bindings.find((b) => isSecret(b) && b.name === ctx.params.secret);
      if (!secret) throw apiError(404, SECRET_NOT_FOUND.code, SECRET_NOT_FOUND.message);
      return ok(secretSummary(secret));
    })
    .on("PUT", `${S}/secrets`, putSecret)
    .on("DELETE", `${S}/secrets/:secret`, deleteSecret)
    .on("PATCH", `${S}/secrets-bulk`, patchSecretsBulk)
    .on("GET", `${S}/settings`, (ctx) => ok(settingsResource(scriptOf(ctx))))
    .on("PATCH", `${S}/settings`, patchSettings);
}
