// Worker versions (upload, list, get) and deployments (list, create with the percentage strategy, rollback rules).
import type { FakeReply } from "../http-fake.js";
import { apiError, jsonBody, ok, paginate } from "./envelope.js";
import type { Ctx, Router } from "./router.js";
import type { WorkerScript, WorkerVersion } from "./state.js";
import { buildVersion, deploy, isSecret, parseUpload, ROLLBACK_SECRETS_CHANGED, scriptOf, storeVersion } from "./workers-model.js";
import { activeVersion, versionListItem, versionResource } from "./workers-resources.js";

const S = "/accounts/:account/workers/scripts/:script";
/** Not confirmed against the real API: the code for an unknown version id. */
export const VERSION_NOT_FOUND = { code: 10230, message: "version not found" } as const;

function versionOf(script: WorkerScript, id: string, status = 404): WorkerVersion {
  const version = script.versions.find((v) => v.id === id);
  if (!version) throw apiError(status, VERSION_NOT_FOUND.code, `${VERSION_NOT_FOUND.message}: ${id}`);
  return version;
}

function uploadVersion(ctx: Ctx): FakeReply {
  const script = scriptOf(ctx);
  const built = buildVersion(ctx, script, script.name, parseUpload(ctx), "version_upload");
  return ok(versionResource(storeVersion(script, built), { startup: true }));
}

const secretValues = (v: WorkerVersion | undefined) =>
  new Map((v?.bindings ?? []).filter(isSecret).map((b) => [b.name, JSON.stringify({ ...b, name: undefined })]));

function changedSecrets(from: WorkerVersion | undefined, to: WorkerVersion): string[] {
  const before = secretValues(from);
  const after = secretValues(to);
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

function createDeployment(ctx: Ctx): FakeReply {
  const script = scriptOf(ctx);
  const body = (jsonBody(ctx.req) ?? {}) as { strategy?: unknown; versions?: unknown; annotations?: Record<string, unknown> };
  if (body.strategy !== "percentage") throw apiError(400, 10021, "strategy must be 'percentage'");
  if (!Array.isArray(body.versions) || body.versions.length === 0) throw apiError(400, 10021, "versions must list at least one version");
  if (body.versions.length > 2) throw apiError(400, 10021, "a deployment can split traffic between at most 2 versions");
  const versions = (body.versions as { version_id?: unknown; percentage?: unknown }[]).map((v) => ({
    version_id: String(v.version_id),
    percentage: Number(v.percentage),
  }));
  for (const v of versions) {
    versionOf(script, v.version_id, 400);
    if (!(v.percentage >= 0 && v.percentage <= 100)) throw apiError(400, 10021, "percentage must be between 0 and 100");
  }
  const total = versions.reduce((sum, v) => sum + v.percentage, 0);
  if (Math.abs(total - 100) > 0.001) throw apiError(400, 10021, `the percentages of a deployment must add up to 100, not ${total}`);
  const [only] = versions;
  const current = activeVersion(script);
  // Only a return to an older version is a rollback: deploying the version just uploaded (with new secrets) is not.
  const rollback = only !== undefined && only.version_id !== script.versions.at(-1)?.id;
  if (ctx.query.force !== "true" && versions.length === 1 && only && current && only.version_id !== current.id && rollback) {
    const changed = changedSecrets(current, versionOf(script, only.version_id));
    if (changed.length) {
      throw apiError(400, ROLLBACK_SECRETS_CHANGED, `Secrets have changed since version ${only.version_id} was deployed. The following secrets have changed: ${changed.join(", ")}`);
    }
  }
  const message = body.annotations?.["workers/message"];
  return ok(deploy(ctx, script, versions, "deployment", typeof message === "string" ? message : undefined));
}

export function registerVersionRoutes(router: Router): void {
  router
    .on("POST", `${S}/versions`, uploadVersion)
    .on("GET", `${S}/versions`, (ctx) => {
      const newestFirst = [...scriptOf(ctx).versions].reverse().map(versionListItem);
      const { result, result_info } = paginate(newestFirst, ctx.query, { defaultPerPage: 10, maxPerPage: 100 });
      return ok({ items: result }, { result_info });
    })
    .on("GET", `${S}/versions/:version`, (ctx) => ok(versionResource(versionOf(scriptOf(ctx), ctx.params.version!))))
    .on("GET", `${S}/deployments`, (ctx) => ok({ deployments: [...scriptOf(ctx).deployments].reverse().slice(0, 10) }))
    .on("GET", `${S}/deployments/:deployment`, (ctx) => {
      const deployment = scriptOf(ctx).deployments.find((d) => d.id === ctx.params.deployment);
      if (!deployment) throw apiError(404, 10226, "deployment not found");
      return ok(deployment);
    })
    .on("POST", `${S}/deployments`, createDeployment);
}
