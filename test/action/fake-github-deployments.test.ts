// The fake GitHub API, driven by the real @actions/github client: deployments and deployment statuses.
import { getOctokit } from "@actions/github";
import { RequestError } from "@octokit/request-error";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeGitHub, type FakeGitHubOptions, startFakeGitHub } from "../fakes/github-api/server.js";
import { fakeSha } from "../fakes/github-api/state.js";

let gh: FakeGitHub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

async function rejection(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestError);
  return error as RequestError;
}

interface DeployParams {
  ref: string;
  environment?: string;
  task?: string;
  description?: string;
  transient_environment?: boolean;
  production_environment?: boolean;
  auto_merge?: boolean;
  required_contexts?: string[];
  payload?: Record<string, unknown>;
}

async function setup(options: FakeGitHubOptions = {}) {
  gh = await startFakeGitHub({ pulls: [7], ...options });
  const octokit = getOctokit(gh.token, { baseUrl: gh.origin });
  const where = { owner: gh.owner, repo: gh.repo };
  const deploy = async (params: DeployParams) => {
    const res = await octokit.rest.repos.createDeployment({ ...where, ...params });
    if (res.status !== 201 || !("id" in res.data)) throw new Error(`expected 201, got ${res.status}`);
    return res.data;
  };
  const setStatus = (
    deployment_id: number,
    state: "success" | "failure" | "inactive" | "in_progress",
    extra: { environment_url?: string; log_url?: string; auto_inactive?: boolean } = {},
  ) => octokit.rest.repos.createDeploymentStatus({ ...where, deployment_id, state, ...extra });
  const latestState = (id: number) => gh!.state.latestStatus(id)?.state;
  return { gh, octokit, where, deploy, setStatus, latestState };
}

describe("fake GitHub: deployments", () => {
  it("creates a deployment for a pull request's head branch with GitHub's 201 answer and defaults", async () => {
    const { gh, octokit, where, deploy } = await setup();
    const res = await octokit.rest.repos.createDeployment({
      ...where,
      ref: "feature-7",
      environment: "preview/pr-7",
      transient_environment: true,
      description: "Preview for #7",
      auto_merge: false,
      required_contexts: [],
      payload: { worker: "cf-ai-proxy" },
    });
    expect(res.status).toBe(201);
    const headSha = gh.state.branches.get("feature-7")!;
    expect(res.data).toMatchObject({
      url: `${gh.origin}/repos/${gh.owner}/${gh.repo}/deployments/${"id" in res.data ? res.data.id : 0}`,
      sha: headSha,
      ref: "feature-7",
      task: "deploy",
      payload: { worker: "cf-ai-proxy" },
      environment: "preview/pr-7",
      original_environment: "preview/pr-7",
      description: "Preview for #7",
      creator: { login: "github-actions[bot]", type: "Bot" },
      transient_environment: true,
      production_environment: false,
      repository_url: `${gh.origin}/repos/${gh.owner}/${gh.repo}`,
    });
    expect(gh.state.deployments).toHaveLength(1);

    const production = await deploy({ ref: "main" });
    expect(production).toMatchObject({
      environment: "production",
      production_environment: true,
      transient_environment: false,
      payload: {},
      description: null,
    });
    expect((await deploy({ ref: headSha.slice(0, 7), environment: "staging" })).sha).toBe(headSha);
    expect((await octokit.rest.repos.getDeployment({ ...where, deployment_id: production.id })).data.id).toBe(production.id);
    expect((await rejection(octokit.rest.repos.getDeployment({ ...where, deployment_id: 1 }))).status).toBe(404);
  });

  it("refuses a ref that does not exist (422) and a missing ref", async () => {
    const { gh, octokit, where } = await setup();
    const error = await rejection(octokit.rest.repos.createDeployment({ ...where, ref: "no-such-branch" }));
    expect(error.status).toBe(422);
    expect(error.response?.data).toEqual({
      message: "No ref found for: no-such-branch",
      documentation_url: "https://docs.github.com/rest/deployments/deployments#create-a-deployment",
      status: "422",
    });
    const missing = await rejection(octokit.request("POST /repos/{owner}/{repo}/deployments", { ...where } as never));
    expect((missing.response!.data as { message: string }).message).toBe(`Invalid request.\n\n"ref" wasn't supplied.`);
    expect(gh.state.deployments).toHaveLength(0);
  });

  it("auto-merges a ref behind the default branch (202), answers 409 on conflicts, and skips it with auto_merge: false", async () => {
    const { gh, octokit, where, deploy } = await setup({
      branches: { stale: { sha: fakeSha("stale"), behind: true }, clash: { sha: fakeSha("clash"), behind: true, conflicts: true } },
    });
    const merged = await octokit.rest.repos.createDeployment({ ...where, ref: "stale" });
    expect(merged.status).toBe(202);
    expect(merged.data).toEqual({ message: "Auto-merged main into stale on deployment." });
    expect(gh.state.deployments).toHaveLength(0);
    const after = await deploy({ ref: "stale" });
    expect(after.sha).toBe(gh.state.branches.get("stale"));
    expect(after.sha).not.toBe(fakeSha("stale"));

    const conflict = await rejection(octokit.rest.repos.createDeployment({ ...where, ref: "clash" }));
    expect(conflict.status).toBe(409);
    expect((conflict.response!.data as { message: string }).message).toBe("Conflict merging main into clash.");
    expect((await deploy({ ref: "clash", auto_merge: false })).sha).toBe(fakeSha("clash"));
  });

  it("checks commit statuses: 409 when a context is not success, unless required_contexts says otherwise", async () => {
    const sha = fakeSha("feature-7@head");
    const { octokit, where, deploy } = await setup({
      commitStatuses: [
        { sha, context: "ci/build", state: "success" },
        { sha, context: "ci/lint", state: "failure" },
      ],
    });
    const failed = await rejection(octokit.rest.repos.createDeployment({ ...where, ref: "feature-7" }));
    expect(failed.status).toBe(409);
    expect(failed.response?.data).toMatchObject({
      message: "Conflict: Commit status checks failed for feature-7.",
      errors: [
        {
          resource: "Deployment",
          field: "required_contexts",
          code: "invalid",
          contexts: [
            { context: "ci/build", state: "success" },
            { context: "ci/lint", state: "failure" },
          ],
        },
      ],
      status: "409",
    });
    expect((await deploy({ ref: "feature-7", required_contexts: ["ci/build"] })).sha).toBe(sha);
    expect((await deploy({ ref: "feature-7", required_contexts: [] })).sha).toBe(sha);
    expect(
      (await rejection(octokit.rest.repos.createDeployment({ ...where, ref: "feature-7", required_contexts: ["ci/deploy-gate"] }))).status,
    ).toBe(409);
  });

  it("lists newest first with sha, ref, environment and task filters, paginated", async () => {
    const { gh, octokit, where, deploy } = await setup({ pulls: [7, 8] });
    const a = await deploy({ ref: "feature-7", environment: "preview/pr-7" });
    const b = await deploy({ ref: "feature-8", environment: "preview/pr-8" });
    const c = await deploy({ ref: "feature-7", environment: "preview/pr-7", task: "deploy:migrations" });
    const d = await deploy({ ref: "main", environment: "production" });
    const ids = (list: { id: number }[]) => list.map((x) => x.id);

    expect(ids((await octokit.rest.repos.listDeployments(where)).data)).toEqual([d.id, c.id, b.id, a.id]);
    expect(ids((await octokit.rest.repos.listDeployments({ ...where, environment: "preview/pr-7" })).data)).toEqual([c.id, a.id]);
    expect(ids((await octokit.rest.repos.listDeployments({ ...where, ref: "feature-8" })).data)).toEqual([b.id]);
    expect(ids((await octokit.rest.repos.listDeployments({ ...where, sha: gh.state.branches.get("feature-7") })).data)).toEqual([
      c.id,
      a.id,
    ]);
    expect(ids((await octokit.rest.repos.listDeployments({ ...where, environment: "preview/pr-7", task: "deploy" })).data)).toEqual([a.id]);
    expect((await octokit.rest.repos.listDeployments({ ...where, environment: "nowhere" })).data).toEqual([]);

    const paged = await octokit.paginate(octokit.rest.repos.listDeployments, { ...where, per_page: 1 });
    expect(ids(paged)).toEqual([d.id, c.id, b.id, a.id]);
    expect(gh.find("GET", `/repositories/${gh.repoId}/deployments`)).toHaveLength(3);
  });
});

describe("fake GitHub: deployment statuses", () => {
  it("records statuses newest first, mirrors log_url into target_url, and moves the deployment's environment", async () => {
    const { gh, octokit, where, deploy, setStatus } = await setup();
    const deployment = await deploy({ ref: "feature-7", environment: "preview/pr-7", transient_environment: true });
    const progress = await setStatus(deployment.id, "in_progress", { log_url: "https://github.com/o/r/actions/runs/1" });
    expect(progress.status).toBe(201);
    expect(progress.headers.location).toBe(
      `${gh.origin}/repos/${gh.owner}/${gh.repo}/deployments/${deployment.id}/statuses/${progress.data.id}`,
    );
    expect(progress.data).toMatchObject({
      state: "in_progress",
      environment: "preview/pr-7",
      target_url: "https://github.com/o/r/actions/runs/1",
      environment_url: "",
    });

    const done = await setStatus(deployment.id, "success", { environment_url: "https://pr-7.example.workers.dev" });
    expect(done.data).toMatchObject({
      state: "success",
      environment_url: "https://pr-7.example.workers.dev",
      log_url: "",
      creator: { login: "github-actions[bot]" },
    });
    const listed = await octokit.rest.repos.listDeploymentStatuses({ ...where, deployment_id: deployment.id });
    expect(listed.data.map((s) => s.state)).toEqual(["success", "in_progress"]);
    expect(
      (await octokit.rest.repos.getDeploymentStatus({ ...where, deployment_id: deployment.id, status_id: progress.data.id })).data.state,
    ).toBe("in_progress");

    const moved = await octokit.rest.repos.createDeploymentStatus({
      ...where,
      deployment_id: deployment.id,
      state: "success",
      environment: "preview/renamed",
    });
    expect(moved.data.environment).toBe("preview/renamed");
    const after = (await octokit.rest.repos.getDeployment({ ...where, deployment_id: deployment.id })).data;
    expect(after).toMatchObject({ environment: "preview/renamed", original_environment: "preview/pr-7" });
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(after.created_at));
  });

  it("validates state, description length and URL schemes (422) and answers 404 for an unknown deployment", async () => {
    const { octokit, where, deploy } = await setup();
    const deployment = await deploy({ ref: "main" });
    const post = (body: Record<string, unknown>) =>
      octokit.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
        ...where,
        deployment_id: deployment.id,
        ...body,
      } as never);
    const badState = await rejection(post({ state: "done" }));
    expect(badState.status).toBe(422);
    expect(badState.response?.data).toMatchObject({
      message: "Validation Failed",
      errors: [{ resource: "DeploymentStatus", code: "custom", field: "state", message: "state is not included in the list" }],
    });
    expect((await rejection(post({ state: "success", description: "x".repeat(141) }))).status).toBe(422);
    expect((await post({ state: "pending", description: "x".repeat(140) })).status).toBe(201);
    const scheme = await rejection(post({ state: "success", environment_url: "ftp://example.com" }));
    expect((scheme.response!.data as { errors: { field: string }[] }).errors[0].field).toBe("environment_url");
    expect((await rejection(octokit.rest.repos.createDeploymentStatus({ ...where, deployment_id: 42, state: "success" }))).status).toBe(
      404,
    );
  });

  it("auto-inactive: a new success marks earlier successful, non-transient deployments of the same environment inactive", async () => {
    const { deploy, setStatus, latestState, gh } = await setup();
    const first = await deploy({ ref: "main", environment: "preview", auto_merge: false });
    await setStatus(first.id, "success", { log_url: "https://ci.example/1", environment_url: "https://one.example" });
    const failed = await deploy({ ref: "main", environment: "preview" });
    await setStatus(failed.id, "failure");
    const elsewhere = await deploy({ ref: "main", environment: "staging" });
    await setStatus(elsewhere.id, "success");
    const transient = await deploy({ ref: "main", environment: "preview", transient_environment: true });
    await setStatus(transient.id, "success");
    expect(latestState(first.id)).toBe("inactive"); // the transient one's success still deactivates `first`

    const first2 = await deploy({ ref: "main", environment: "preview" });
    await setStatus(first2.id, "in_progress");
    expect(latestState(transient.id)).toBe("success"); // only a success triggers it
    await setStatus(first2.id, "success");
    expect(latestState(transient.id)).toBe("success"); // transient deployments are never auto-inactivated
    expect(latestState(failed.id)).toBe("failure"); // only deployments whose latest status is success
    expect(latestState(elsewhere.id)).toBe("success"); // other environments untouched
    expect(latestState(first2.id)).toBe("success");

    const inactive = gh.state.latestStatus(first.id)!;
    expect(inactive).toMatchObject({ state: "inactive", logUrl: "https://ci.example/1", environmentUrl: "", environment: "preview" });

    const production1 = await deploy({ ref: "main" });
    await setStatus(production1.id, "success");
    const keep = await deploy({ ref: "main" });
    await setStatus(keep.id, "in_progress");
    expect(latestState(production1.id)).toBe("success"); // a status other than success deactivates nothing
    await setStatus(keep.id, "success", { auto_inactive: false });
    expect(latestState(production1.id)).toBe("success"); // auto_inactive: false leaves it alone
    const production2 = await deploy({ ref: "main" });
    await setStatus(production2.id, "success");
    expect([latestState(production1.id), latestState(keep.id)]).toEqual(["inactive", "inactive"]); // production included
  });

  it("deletes only what GitHub allows: not an active deployment while others share its environment", async () => {
    const { gh, octokit, where, deploy, setStatus } = await setup();
    const old = await deploy({ ref: "main", environment: "preview" });
    await setStatus(old.id, "success");
    const current = await deploy({ ref: "main", environment: "preview" });

    const refused = await rejection(octokit.rest.repos.deleteDeployment({ ...where, deployment_id: old.id }));
    expect(refused.status).toBe(422);
    expect(refused.response?.data).toEqual({
      message: "Validation Failed",
      errors: ["We cannot delete an active deployment unless it is the only deployment in a given environment."],
      documentation_url: "https://docs.github.com/rest/deployments/deployments#delete-a-deployment",
      status: "422",
    });
    expect((await octokit.rest.repos.deleteDeployment({ ...where, deployment_id: current.id })).status).toBe(204); // no status yet: not active

    await setStatus(old.id, "inactive");
    const another = await deploy({ ref: "main", environment: "preview" });
    expect((await octokit.rest.repos.deleteDeployment({ ...where, deployment_id: old.id })).status).toBe(204);
    expect(gh.state.statusesOf(old.id)).toHaveLength(0);
    await setStatus(another.id, "success");
    expect((await octokit.rest.repos.deleteDeployment({ ...where, deployment_id: another.id })).status).toBe(204); // the only one in its environment
    expect(gh.state.deployments).toHaveLength(0);
    expect((await rejection(octokit.rest.repos.deleteDeployment({ ...where, deployment_id: another.id }))).status).toBe(404);
  });
});
