// Worker scripts and services: upload (PUT), content, delete, workers.dev subdomains, non-versioned
// settings, schedules, references, and the newer /workers/workers/:name read.
import type { FakeReply } from "../http-fake.js";
import { apiError, jsonBody, ok, paginate } from "./envelope.js";
import { sha256 } from "./state.js";
import type { Ctx, Router } from "./router.js";
import type { WorkerVersion } from "./state.js";
import {
  buildVersion,
  deploy,
  newScript,
  parseUpload,
  scriptOf,
  SCRIPT_NOT_FOUND,
  SERVICE_NOT_FOUND,
  storeVersion,
} from "./workers-model.js";
import { activeVersion, scriptResource, serviceResource, workerResource } from "./workers-resources.js";

const S = "/accounts/:account/workers/scripts/:script";

function uploadScript(ctx: Ctx): FakeReply {
  const name = ctx.params.script!;
  const upload = parseUpload(ctx);
  const existing = ctx.account.scripts.get(name);
  const script = existing ?? newScript(ctx, name);
  const built = buildVersion(ctx, existing, name, upload, "upload");
  if (!existing) ctx.account.scripts.set(name, script);
  const version = storeVersion(script, built);
  deploy(ctx, script, [{ version_id: version.id, percentage: 100 }], "upload", version.annotations["workers/message"]);
  return ok({
    ...scriptResource(script),
    // The legacy upload answers with the new version's id, without hyphens, as deployment_id.
    deployment_id: version.id.replaceAll("-", ""),
    startup_time_ms: version.startup_time_ms,
  });
}

function scriptContent(ctx: Ctx): FakeReply {
  return modulesReply(activeVersion(scriptOf(ctx)));
}

/** A version's modules as multipart/form-data, the main module named in `cf-entrypoint`. */
export function modulesReply(version: WorkerVersion | undefined): FakeReply {
  const boundary = "----fake-cloudflare-script-content";
  const chunks: Buffer[] = [];
  for (const m of version?.modules ?? []) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${m.name}"; filename="${m.name}"\r\nContent-Type: ${m.type ?? "application/javascript+module"}\r\n\r\n`,
      ),
      m.content,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    status: 200,
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      ...(version?.main_module && { "cf-entrypoint": version.main_module }),
    },
    body: Buffer.concat(chunks),
  };
}

function deleteScript(ctx: Ctx, notFound: { code: number; message: string }): FakeReply {
  scriptOf(ctx, notFound);
  ctx.account.scripts.delete(ctx.params.script!);
  return ok(null);
}

function setSubdomain(ctx: Ctx): FakeReply {
  const script = scriptOf(ctx);
  const body = (jsonBody(ctx.req) ?? {}) as { enabled?: unknown; previews_enabled?: unknown };
  if (typeof body.enabled !== "boolean") throw apiError(400, 10021, "enabled must be a boolean");
  script.subdomain = {
    enabled: body.enabled,
    previews_enabled: typeof body.previews_enabled === "boolean" ? body.previews_enabled : body.enabled,
  };
  return ok({ ...script.subdomain });
}

function patchScriptSettings(ctx: Ctx): FakeReply {
  const script = scriptOf(ctx);
  const body = (jsonBody(ctx.req) ?? {}) as Partial<typeof script.settings>;
  if (typeof body.logpush === "boolean") script.settings.logpush = body.logpush;
  if (body.observability !== undefined) script.settings.observability = body.observability;
  if (Array.isArray(body.tail_consumers)) script.settings.tail_consumers = body.tail_consumers;
  if (Array.isArray(body.tags)) script.settings.tags = body.tags.map(String);
  return ok({ ...script.settings });
}

function putSchedules(ctx: Ctx): FakeReply {
  const script = scriptOf(ctx);
  const body = jsonBody(ctx.req);
  if (!Array.isArray(body)) throw apiError(400, 10021, "schedules must be an array of { cron }");
  const now = ctx.state.now();
  script.schedules = body.map((s: { cron?: unknown }) => ({ cron: String(s.cron), created_on: now, modified_on: now }));
  return ok({ schedules: script.schedules });
}

export function registerScriptRoutes(router: Router): void {
  router
    .on("GET", "/accounts/:account/workers/subdomain", ({ account }) => {
      if (!account.workersSubdomain) throw apiError(404, 10007, "This account has no workers.dev subdomain registered");
      return ok({ subdomain: account.workersSubdomain });
    })
    .on("PUT", "/accounts/:account/workers/subdomain", (ctx) => {
      const body = (jsonBody(ctx.req) ?? {}) as { subdomain?: unknown };
      if (typeof body.subdomain !== "string" || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(body.subdomain))
        throw apiError(400, 10032, "Invalid subdomain");
      ctx.account.workersSubdomain = body.subdomain;
      return ok({ subdomain: body.subdomain });
    })
    .on("GET", "/accounts/:account/workers/scripts", ({ account }) => ok([...account.scripts.values()].map(scriptResource)))
    .on("GET", "/accounts/:account/workers/services/:script", (ctx) => ok(serviceResource(scriptOf(ctx, SERVICE_NOT_FOUND))))
    .on("DELETE", "/accounts/:account/workers/services/:script", (ctx) => deleteScript(ctx, SERVICE_NOT_FOUND))
    .on("GET", "/accounts/:account/workers/workers/:script", (ctx) => ok(workerResource(scriptOf(ctx), ctx.account.workersSubdomain)))
    .on("GET", "/accounts/:account/workers/tails/by-consumer/:script", () => ok([]))
    // wrangler 4.16x's delete looks for container applications of the worker; this account has none.
    .on("GET", "/accounts/:account/containers/applications", () => ok([]))
    // The account's Durable Object namespaces: one per class a script's migrations created.
    .on("GET", "/accounts/:account/workers/durable_objects/namespaces", (ctx) => {
      const all = [...ctx.account.scripts.values()].flatMap((script) =>
        [...script.durableObjectClasses].map((cls) => ({
          id: sha256(`${script.name}/${cls}`).slice(0, 32),
          name: `${script.name}_${cls}`,
          script: script.name,
          class: cls,
          use_sqlite: true,
        })),
      );
      const { result, result_info } = paginate(all, ctx.query, { defaultPerPage: 20, maxPerPage: 1000 });
      return ok(result, { result_info });
    })
    .on("PUT", S, uploadScript)
    .on("GET", S, scriptContent)
    .on("DELETE", S, (ctx) => deleteScript(ctx, SCRIPT_NOT_FOUND))
    .on("GET", `${S}/subdomain`, (ctx) => ok({ ...scriptOf(ctx).subdomain }))
    .on("POST", `${S}/subdomain`, setSubdomain)
    .on("DELETE", `${S}/subdomain`, (ctx) => {
      const script = scriptOf(ctx);
      script.subdomain = { enabled: false, previews_enabled: false };
      return ok(null);
    })
    .on("GET", `${S}/script-settings`, (ctx) => ok({ ...scriptOf(ctx).settings }))
    .on("PATCH", `${S}/script-settings`, patchScriptSettings)
    .on("GET", `${S}/schedules`, (ctx) => ok({ schedules: scriptOf(ctx).schedules }))
    .on("PUT", `${S}/schedules`, putSchedules)
    .on("GET", `${S}/references`, (ctx) => {
      scriptOf(ctx);
      return ok({ services: { incoming: [], outgoing: [], pages_function: false }, durable_objects: [], dispatch_outbounds: [] });
    });
}
