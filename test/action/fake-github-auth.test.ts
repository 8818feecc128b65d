// The fake GitHub API, driven by the real @actions/github client: authentication, permissions,
// unknown repositories, injected faults and GITHUB_API_URL.
import { getOctokit } from "@actions/github";
import { RequestError } from "@octokit/request-error";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../fakes/github-api/server.js";

const run = promisify(execFile);
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

describe("fake GitHub: authentication and permissions", () => {
  it("answers 401 Bad credentials to a wrong token, on any endpoint", async () => {
    gh = await startFakeGitHub();
    const octokit = getOctokit("ghs_not-a-real-token", { baseUrl: gh.origin });
    const where = { owner: gh.owner, repo: gh.repo };
    for (const call of [
      () => octokit.rest.issues.listComments({ ...where, issue_number: 1 }),
      () => octokit.rest.repos.createDeployment({ ...where, ref: "main" }),
      () => octokit.rest.repos.get({ owner: "someone", repo: "elsewhere" }),
    ]) {
      const error = await rejection(call());
      expect(error.status).toBe(401);
      expect(error.response?.data).toEqual({
        message: "Bad credentials",
        documentation_url: "https://docs.github.com/rest",
        status: "401",
      });
    }
    expect(gh.state.deployments).toHaveLength(0);
  });

  it("accepts `token X`, `Bearer X` and `bearer X`; without a token reads work on a public repo and writes get 401", async () => {
    gh = await startFakeGitHub({ pulls: [1] });
    const url = `${gh.origin}/repos/${gh.owner}/${gh.repo}/issues/1/comments`;
    for (const authorization of [`token ${gh.token}`, `Bearer ${gh.token}`, `bearer ${gh.token}`]) {
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ body: authorization.split(" ")[0] }),
      });
      expect(res.status).toBe(201);
    }
    expect(gh.state.commentsOn(1).map((c) => c.body)).toEqual(["token", "Bearer", "bearer"]);

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("x-ratelimit-limit")).toBe("60");
    const anonymousWrite = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: "x" }),
    });
    expect(anonymousWrite.status).toBe(401);
    expect(await anonymousWrite.json()).toEqual({
      message: "Requires authentication",
      documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
      status: "401",
    });
  });

  it("hides a private repository from anonymous requests (404)", async () => {
    gh = await startFakeGitHub({ private: true });
    const res = await fetch(`${gh.origin}/repos/${gh.owner}/${gh.repo}/issues/1/comments`);
    expect(res.status).toBe(404);
    expect((await getOctokit(gh.token, { baseUrl: gh.origin }).rest.repos.get({ owner: gh.owner, repo: gh.repo })).data.private).toBe(true);
  });

  it("answers 403 Resource not accessible by integration to a token without write permissions", async () => {
    gh = await startFakeGitHub({ pulls: [1], comments: [{ issue: 1, body: "existing" }] });
    const octokit = getOctokit(gh.readOnlyToken, { baseUrl: gh.origin });
    const where = { owner: gh.owner, repo: gh.repo };
    expect((await octokit.rest.issues.listComments({ ...where, issue_number: 1 })).data).toHaveLength(1);
    expect((await octokit.rest.repos.listDeployments(where)).status).toBe(200);

    const comment = await rejection(octokit.rest.issues.createComment({ ...where, issue_number: 1, body: "nope" }));
    expect(comment.status).toBe(403);
    expect(comment.response?.data).toEqual({
      message: "Resource not accessible by integration",
      documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
      status: "403",
    });
    expect(comment.response?.headers["x-accepted-github-permissions"]).toBe("issues=write; pull_requests=write");
    const deployment = await rejection(octokit.rest.repos.createDeployment({ ...where, ref: "main" }));
    expect(deployment.status).toBe(403);
    expect(deployment.message).toContain("Resource not accessible by integration");
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.deployments).toHaveLength(0);
  });

  it("applies per-permission grants: pull_requests:write comments on a pull request but not on an issue", async () => {
    gh = await startFakeGitHub({
      pulls: [1],
      issues: [2],
      tokens: [
        { token: "prs-only", permissions: { pull_requests: "write" } },
        { token: "pat-no-deployments", login: "octocat", kind: "personal-access-token", permissions: { issues: "write" } },
      ],
    });
    const prs = getOctokit("prs-only", { baseUrl: gh.origin });
    expect((await prs.rest.issues.createComment({ owner: gh.owner, repo: gh.repo, issue_number: 1, body: "ok" })).status).toBe(201);
    expect((await rejection(prs.rest.issues.createComment({ owner: gh.owner, repo: gh.repo, issue_number: 2, body: "no" }))).status).toBe(
      403,
    );

    const pat = getOctokit("pat-no-deployments", { baseUrl: gh.origin });
    const created = await pat.rest.issues.createComment({ owner: gh.owner, repo: gh.repo, issue_number: 2, body: "by a person" });
    expect(created.data.user).toMatchObject({ login: "octocat", type: "User" });
    const denied = await rejection(pat.rest.repos.listDeployments({ owner: gh.owner, repo: gh.repo }));
    expect(denied.status).toBe(403);
    expect((denied.response!.data as { message: string }).message).toBe("Resource not accessible by personal access token");
  });

  it("answers 404 Not Found for an unknown repository or path, and matches owner/repo case-insensitively", async () => {
    gh = await startFakeGitHub({ owner: "Acme", repo: "Site" });
    const octokit = getOctokit(gh.token, { baseUrl: gh.origin });
    const missing = await rejection(octokit.rest.issues.listComments({ owner: "acme", repo: "other", issue_number: 1 }));
    expect(missing.status).toBe(404);
    expect(missing.response?.data).toEqual({ message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
    expect((await rejection(octokit.request("GET /repos/{owner}/{repo}/nothing-here", { owner: "Acme", repo: "Site" }))).status).toBe(404);
    expect((await octokit.rest.repos.get({ owner: "acme", repo: "site" })).data.full_name).toBe("Acme/Site");
    const pull = await octokit.rest.pulls.get({ owner: "Acme", repo: "Site", pull_number: 1 });
    expect(pull.data.head).toMatchObject({ ref: "feature-1", sha: gh.state.branches.get("feature-1") });
  });
});

describe("fake GitHub: faults and configuration", () => {
  it("answers an injected 500 with GitHub's error body, then succeeds on the retry", async () => {
    gh = await startFakeGitHub({ pulls: [1] });
    const octokit = getOctokit(gh.token, { baseUrl: gh.origin });
    gh.inject({ method: "POST", path: `/repos/${gh.owner}/${gh.repo}/issues/1/comments`, status: 500, times: 1 });
    const post = () => octokit.rest.issues.createComment({ owner: gh!.owner, repo: gh!.repo, issue_number: 1, body: "retry me" });

    const first = await rejection(post());
    expect(first.status).toBe(500);
    expect(first.response?.data).toEqual({
      message: "Internal Server Error",
      documentation_url: "https://docs.github.com/rest",
      status: "500",
    });
    expect(gh.state.comments).toHaveLength(0);
    expect((await post()).status).toBe(201);
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.find("POST", `/repos/${gh.owner}/${gh.repo}/issues/1/comments`)).toHaveLength(2);

    gh.inject({
      path: /\/deployments$/,
      status: 403,
      message: "API rate limit exceeded for installation ID 1.",
      headers: { "x-ratelimit-remaining": "0" },
    });
    const limited = await rejection(octokit.rest.repos.listDeployments({ owner: gh.owner, repo: gh.repo }));
    expect(limited.status).toBe(403);
    expect(limited.response?.headers["x-ratelimit-remaining"]).toBe("0");
    gh.clearFaults();
    expect((await octokit.rest.repos.listDeployments({ owner: gh.owner, repo: gh.repo })).status).toBe(200);
  });

  it("is reached through GITHUB_API_URL when getOctokit gets no baseUrl (read when @actions/github loads)", async () => {
    gh = await startFakeGitHub({ pulls: [1] });
    // @actions/github reads GITHUB_API_URL once, at import: a fresh Node process imports it with the variable set.
    const script = [
      `import { getOctokit } from "@actions/github";`,
      `const octokit = getOctokit(process.env.TOKEN);`,
      `const res = await octokit.rest.issues.createComment({ owner: process.env.OWNER, repo: process.env.REPO, issue_number: 1, body: "via GITHUB_API_URL" });`,
      `console.log(res.status);`,
    ].join("\n");
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
      cwd: process.cwd(),
      env: { ...process.env, GITHUB_API_URL: gh.origin, TOKEN: gh.token, OWNER: gh.owner, REPO: gh.repo },
    });
    expect(stdout.trim()).toBe("201");
    expect(gh.state.commentsOn(1).map((c) => c.body)).toEqual(["via GITHUB_API_URL"]);
  });
});
