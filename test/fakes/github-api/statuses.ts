// Deployment statuses:
//   GET  /deployments/{id}/statuses          newest first, per_page/page + Link
//   POST /deployments/{id}/statuses          201 + Location | 404 | 422
//   GET  /deployments/{id}/statuses/{sid}    200 | 404
// A new status becomes the deployment's latest (its state and environment). With auto_inactive (default
// true), once the deployment's latest status is `success`, every other deployment of the repository whose
// latest environment is the same, whose latest status is `success` and that is not transient gets a new
// `inactive` status (production ones included), keeping its log_url.
import { accountJson, type Ctx, idParam, json, jsonBody, need, nodeId, paginate, type Route } from "./context.js";
import { deploymentOr404 } from "./deployments.js";
import { DOC, notFound, validationFailed } from "./errors.js";
import { DEPLOYMENT_STATES, type DeploymentState, type StoredDeployment, type StoredStatus } from "./state.js";

export const MAX_STATUS_DESCRIPTION = 140;
export const MAX_STATUSES_PER_DEPLOYMENT = 100;

export function statusJson(ctx: Ctx, s: StoredStatus) {
  const deploymentUrl = `${ctx.repoApi}/deployments/${s.deploymentId}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId("DES", s.id),
    state: s.state,
    creator: accountJson(ctx, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.logUrl,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    deployment_url: deploymentUrl,
    repository_url: ctx.repoApi,
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: null,
  };
}

function list(ctx: Ctx) {
  need(ctx, [["deployments", "read"]]);
  const deployment = deploymentOr404(ctx);
  const { page, headers } = paginate(ctx, ctx.state.statusesOf(deployment.id));
  return json(
    200,
    page.map((s) => statusJson(ctx, s)),
    headers,
  );
}

function get(ctx: Ctx) {
  need(ctx, [["deployments", "read"]]);
  const deployment = deploymentOr404(ctx);
  const id = idParam(ctx, 1);
  const status = ctx.state.statusesOf(deployment.id).find((s) => s.id === id);
  if (!status) throw notFound(ctx.doc);
  return json(200, statusJson(ctx, status));
}

const stringField = (input: Record<string, unknown>, field: string): string | undefined => {
  const value = input[field];
  return typeof value === "string" ? value : value === undefined || value === null ? undefined : String(value);
};

const invalid = (field: string, message: string) => ({ resource: "DeploymentStatus", code: "custom", field, message });

function create(ctx: Ctx) {
  need(ctx, [["deployments", "write"]]);
  const deployment = deploymentOr404(ctx);
  const input = jsonBody(ctx);
  const state = stringField(input, "state");
  if (!state || !DEPLOYMENT_STATES.includes(state as DeploymentState)) {
    throw validationFailed(ctx.doc, [invalid("state", "state is not included in the list")]);
  }
  const description = stringField(input, "description") ?? "";
  const logUrl = (stringField(input, "log_url") ?? stringField(input, "target_url") ?? "").trim();
  const environmentUrl = (stringField(input, "environment_url") ?? "").trim();
  const environment = stringField(input, "environment") ?? ctx.state.latestStatus(deployment.id)?.environment ?? deployment.environment;

  const errors: unknown[] = [];
  if ([...description].length > MAX_STATUS_DESCRIPTION)
    errors.push(invalid("description", `description is too long (maximum is ${MAX_STATUS_DESCRIPTION} characters)`));
  if (environment.length > 255) errors.push(invalid("environment", "environment is too long (maximum is 255 characters)"));
  if (environmentUrl && !/^http/.test(environmentUrl)) errors.push(invalid("environment_url", "environment_url must use http(s) scheme"));
  if (logUrl && !/^http/.test(logUrl)) errors.push(invalid("target_url", "target_url must use http(s) scheme"));
  if (ctx.state.statusesOf(deployment.id).length >= MAX_STATUSES_PER_DEPLOYMENT) {
    errors.push({ resource: "DeploymentStatus", code: "custom", message: "This deployment has reached the maximum number of statuses." });
  }
  if (errors.length) throw validationFailed(ctx.doc, errors);

  const autoInactive = input.auto_inactive === undefined || input.auto_inactive === null ? true : input.auto_inactive !== false;
  const status = ctx.state.addStatus({
    deploymentId: deployment.id,
    state: state as DeploymentState,
    description,
    environment,
    environmentUrl,
    logUrl,
    creator: ctx.grant!.user,
  });
  if (autoInactive) setPreviousInactive(ctx, deployment);
  const answer = statusJson(ctx, status);
  return json(201, answer, { location: answer.url });
}

/** GitHub's auto-inactive pass (asynchronous there, immediate here). */
export function setPreviousInactive(ctx: Ctx, deployment: StoredDeployment): StoredStatus[] {
  if (!ctx.state.isActive(deployment.id)) return [];
  const made: StoredStatus[] = [];
  for (const other of [...ctx.state.deployments]) {
    if (other.id === deployment.id || other.transient || other.latestEnvironment !== deployment.latestEnvironment) continue;
    const latest = ctx.state.latestStatus(other.id);
    if (latest?.state !== "success") continue;
    made.push(
      ctx.state.addStatus({
        deploymentId: other.id,
        state: "inactive",
        description: "",
        environment: deployment.latestEnvironment,
        environmentUrl: "",
        logUrl: latest.logUrl,
        creator: latest.creator,
      }),
    );
  }
  return made;
}

export const statusRoutes: Route[] = [
  { method: "GET", pattern: /^\/deployments\/([^/]+)\/statuses$/, doc: DOC.listStatuses, handler: list },
  { method: "POST", pattern: /^\/deployments\/([^/]+)\/statuses$/, doc: DOC.createStatus, handler: create },
  { method: "GET", pattern: /^\/deployments\/([^/]+)\/statuses\/([^/]+)$/, doc: DOC.getStatus, handler: get },
];
