// Deployments:
//   GET    /deployments          newest first; filters sha, ref, task, environment; per_page/page + Link
//   POST   /deployments          201 | 202 auto-merged | 409 merge conflict / failed commit statuses | 422
//   GET    /deployments/{id}     200 | 404
//   DELETE /deployments/{id}     204 | 422 when active and not the only one in its environment
// Permission: deployments (read/write).
import { accountJson, type Ctx, idParam, json, jsonBody, need, nodeId, paginate, type Route } from "./context.js";
import { ApiError, DOC, notFound, notSupplied, validationFailed } from "./errors.js";
import { fakeSha, type StoredDeployment } from "./state.js";

export function deploymentJson(ctx: Ctx, d: StoredDeployment) {
  const url = `${ctx.repoApi}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: nodeId("DE", d.id),
    task: d.task,
    original_environment: d.environment,
    environment: d.latestEnvironment,
    description: d.description,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: ctx.repoApi,
    creator: accountJson(ctx, d.creator),
    sha: d.sha,
    ref: d.ref,
    payload: d.payload,
    transient_environment: d.transient,
    production_environment: d.production,
    performed_via_github_app: null,
  };
}

export function deploymentOr404(ctx: Ctx, index = 0): StoredDeployment {
  const deployment = ctx.state.deployment(idParam(ctx, index));
  if (!deployment) throw notFound(ctx.doc);
  return deployment;
}

function list(ctx: Ctx) {
  need(ctx, [["deployments", "read"]]);
  const { sha, ref, task, environment } = ctx.req.query;
  const matching = ctx.state.deployments
    .filter(
      (d) =>
        (!sha || d.sha === sha) && (!ref || d.ref === ref) && (!task || d.task === task) && (!environment || d.environment === environment),
    )
    .sort((a, b) => b.id - a.id);
  const { page, headers } = paginate(ctx, matching);
  return json(
    200,
    page.map((d) => deploymentJson(ctx, d)),
    headers,
  );
}

const optionalString = (ctx: Ctx, input: Record<string, unknown>, field: string): string | undefined => {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string")
    throw new ApiError(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not a string.`, ctx.doc);
  return value;
};

const optionalBoolean = (ctx: Ctx, input: Record<string, unknown>, field: string): boolean | undefined => {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean")
    throw new ApiError(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not a boolean.`, ctx.doc);
  return value;
};

function create(ctx: Ctx) {
  need(ctx, [["deployments", "write"]]);
  const input = jsonBody(ctx);
  if (!("ref" in input)) throw notSupplied(ctx.doc, "ref");
  const ref = optionalString(ctx, input, "ref") ?? "";
  const task = optionalString(ctx, input, "task") ?? "deploy";
  const environment = optionalString(ctx, input, "environment") ?? "production";
  const description = optionalString(ctx, input, "description") ?? null;
  const autoMerge = optionalBoolean(ctx, input, "auto_merge") ?? true;
  const transient = optionalBoolean(ctx, input, "transient_environment") ?? false;
  const production = optionalBoolean(ctx, input, "production_environment") ?? environment === "production";
  const requiredInput = input.required_contexts;
  if (
    requiredInput !== undefined &&
    requiredInput !== null &&
    !(Array.isArray(requiredInput) && requiredInput.every((c) => typeof c === "string"))
  ) {
    throw new ApiError(
      422,
      `Invalid request.\n\nFor 'properties/required_contexts', ${JSON.stringify(requiredInput)} is not an array of strings.`,
      ctx.doc,
    );
  }
  const payload = input.payload;
  if (payload !== undefined && payload !== null && typeof payload !== "string" && (typeof payload !== "object" || Array.isArray(payload))) {
    throw new ApiError(
      422,
      `Invalid request.\n\nFor 'properties/payload', ${JSON.stringify(payload)} is not an object or a string.`,
      ctx.doc,
    );
  }

  const sha = ctx.state.resolveRef(ref);
  if (!sha) throw new ApiError(422, `No ref found for: ${ref}`, ctx.doc);

  // auto_merge (default true): a ref behind the default branch is brought up to date instead of deployed.
  const commit = ctx.state.commits.get(sha);
  if (autoMerge && commit?.behind) {
    const branch = ref.replace(/^refs\/heads\//, "");
    const base = ctx.state.defaultBranch;
    if (commit.conflicts || !ctx.state.branches.has(branch)) throw new ApiError(409, `Conflict merging ${base} into ${ref}.`, ctx.doc);
    ctx.state.addBranch(branch, fakeSha(`merge ${base} into ${sha}`)); // the new, up-to-date merge commit
    return json(202, { message: `Auto-merged ${base} into ${ref} on deployment.` });
  }

  // Commit statuses: by default every context on the commit must be `success`; [] skips the check.
  const statuses = ctx.state.commitStatuses.get(sha) ?? [];
  const required = (requiredInput as string[] | undefined | null) ?? [...new Set(statuses.map((s) => s.context))];
  const succeeded = new Set(statuses.filter((s) => s.state === "success").map((s) => s.context));
  if (required.length > 0 && !required.every((context) => succeeded.has(context))) {
    throw new ApiError(409, `Conflict: Commit status checks failed for ${ref}.`, ctx.doc, [
      {
        contexts: statuses.map((s) => ({ context: s.context, state: s.state })),
        resource: "Deployment",
        field: "required_contexts",
        code: "invalid",
      },
    ]);
  }

  if (task.length < 1 || task.length > 128) {
    throw validationFailed(ctx.doc, [
      { resource: "Deployment", code: "custom", field: "task", message: "task is the wrong length (should be within 1..128)" },
    ]);
  }
  if (environment.length > 255) {
    throw validationFailed(ctx.doc, [
      { resource: "Deployment", code: "custom", field: "environment", message: "environment is too long (maximum is 255 characters)" },
    ]);
  }

  const deployment = ctx.state.addDeployment({
    sha,
    ref,
    task,
    payload: payload === undefined || payload === null ? {} : payload,
    environment,
    description,
    creator: ctx.grant!.user,
    transient,
    production,
  });
  return json(201, deploymentJson(ctx, deployment));
}

function get(ctx: Ctx) {
  need(ctx, [["deployments", "read"]]);
  return json(200, deploymentJson(ctx, deploymentOr404(ctx)));
}

function remove(ctx: Ctx) {
  need(ctx, [["deployments", "write"]]);
  const deployment = deploymentOr404(ctx);
  const sameEnvironment = ctx.state.deployments.filter((d) => d.environment === deployment.environment).length;
  if (ctx.state.isActive(deployment.id) && sameEnvironment > 1) {
    throw new ApiError(422, "Validation Failed", ctx.doc, [
      "We cannot delete an active deployment unless it is the only deployment in a given environment.",
    ]);
  }
  ctx.state.removeDeployment(deployment.id);
  return { status: 204 };
}

export const deploymentRoutes: Route[] = [
  { method: "GET", pattern: /^\/deployments$/, doc: DOC.listDeployments, handler: list },
  { method: "POST", pattern: /^\/deployments$/, doc: DOC.createDeployment, handler: create },
  { method: "GET", pattern: /^\/deployments\/([^/]+)$/, doc: DOC.getDeployment, handler: get },
  { method: "DELETE", pattern: /^\/deployments\/([^/]+)$/, doc: DOC.deleteDeployment, handler: remove },
];
