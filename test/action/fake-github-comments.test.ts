// The fake GitHub API, driven by the real @actions/github client: issue (pull request) comments.
import { getOctokit } from "@actions/github";
import { RequestError } from "@octokit/request-error";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../fakes/github-api/server.js";

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

const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe("fake GitHub: issue comments", () => {
  it("creates, lists, gets, updates and deletes a pull request comment", async () => {
    gh = await startFakeGitHub({ pulls: [7] });
    const octokit = getOctokit(gh.token, { baseUrl: gh.origin });
    const where = { owner: gh.owner, repo: gh.repo };

    const created = await octokit.rest.issues.createComment({ ...where, issue_number: 7, body: "hello" });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${gh.origin}/repos/${gh.owner}/${gh.repo}/issues/comments/${created.data.id}`);
    expect(created.data).toMatchObject({
      body: "hello",
      url: created.headers.location,
      html_url: `https://github.com/${gh.owner}/${gh.repo}/pull/7#issuecomment-${created.data.id}`,
      issue_url: `${gh.origin}/repos/${gh.owner}/${gh.repo}/issues/7`,
      user: { login: "github-actions[bot]", id: 41898282, type: "Bot" },
      author_association: "NONE",
    });
    expect(created.data.node_id).toMatch(/^IC_/);
    expect(created.data.created_at).toMatch(ISO_SECONDS);
    expect(created.data.updated_at).toBe(created.data.created_at);
    expect(gh.find("POST", `/repos/${gh.owner}/${gh.repo}/issues/7/comments`)[0].headers.authorization).toBe(`token ${gh.token}`);

    const listed = await octokit.rest.issues.listComments({ ...where, issue_number: 7 });
    expect(listed.data.map((c) => c.id)).toEqual([created.data.id]);
    expect(listed.headers.link).toBeUndefined();

    const updated = await octokit.rest.issues.updateComment({ ...where, comment_id: created.data.id, body: "hello again" });
    expect(updated.status).toBe(200);
    expect(updated.data.body).toBe("hello again");
    expect(Date.parse(updated.data.updated_at)).toBeGreaterThan(Date.parse(updated.data.created_at));
    expect((await octokit.rest.issues.getComment({ ...where, comment_id: created.data.id })).data.body).toBe("hello again");
    expect(gh.state.commentsOn(7).map((c) => c.body)).toEqual(["hello again"]);

    const deleted = await octokit.rest.issues.deleteComment({ ...where, comment_id: created.data.id });
    expect(deleted.status).toBe(204);
    expect(gh.state.comments).toHaveLength(0);
    const gone = await rejection(octokit.rest.issues.getComment({ ...where, comment_id: created.data.id }));
    expect(gone.status).toBe(404);
    expect(gone.response?.data).toEqual({
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest/issues/comments#get-an-issue-comment",
      status: "404",
    });
  });

  it("paginate over 150 comments sees every one once, in order, following GitHub's Link header", async () => {
    gh = await startFakeGitHub({ comments: [{ issue: 7, count: 150, body: (i) => `comment #${i}` }] });
    const octokit = getOctokit(gh.token, { baseUrl: gh.origin });
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: gh.owner,
      repo: gh.repo,
      issue_number: 7,
      per_page: 100,
    });
    expect(all).toHaveLength(150);
    expect(new Set(all.map((c) => c.id)).size).toBe(150);
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 150 }, (_, i) => `comment #${i}`));
    const pages = gh.requests.filter((r) => r.method === "GET");
    expect(pages.map((r) => [r.path, r.query])).toEqual([
      [`/repos/${gh.owner}/${gh.repo}/issues/7/comments`, { per_page: "100" }],
      [`/repositories/${gh.repoId}/issues/7/comments`, { per_page: "100", page: "2" }],
    ]);

    // The default page size is 30; a middle page links prev, next, last and first, like api.github.com.
    const page2 = await fetch(`${gh.origin}/repos/${gh.owner}/${gh.repo}/issues/7/comments?page=2`, {
      headers: { authorization: `token ${gh.token}` },
    });
    expect(((await page2.json()) as unknown[]).length).toBe(30);
    const base = `${gh.origin}/repositories/${gh.repoId}/issues/7/comments`;
    expect(page2.headers.get("link")).toBe(
      `<${base}?page=1>; rel="prev", <${base}?page=3>; rel="next", <${base}?page=5>; rel="last", <${base}?page=1>; rel="first"`,
    );
    const capped = await octokit.rest.issues.listComments({ owner: gh.owner, repo: gh.repo, issue_number: 7, per_page: 500 });
    expect(capped.data).toHaveLength(100);
  });

  it("finds the sticky comment by its hidden marker among 150 others and updates it in place", async () => {
    const marker = "<!-- cf-ai-proxy-action:preview -->";
    gh = await startFakeGitHub({
      comments: [
        { issue: 7, count: 120, body: (i) => `review ${i}` },
        { issue: 7, body: `${marker}\nold preview`, login: "github-actions[bot]" },
        { issue: 7, body: `quoting: ${marker}`, login: "someone-else" },
        { issue: 7, count: 28 },
      ],
    });
    const octokit = getOctokit(gh.token, { baseUrl: gh.origin });
    const where = { owner: gh.owner, repo: gh.repo };
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: 7, per_page: 100 });
    expect(comments).toHaveLength(150);
    const sticky = comments.filter((c) => c.user?.type === "Bot" && c.body?.includes(marker));
    expect(sticky).toHaveLength(1);
    await octokit.rest.issues.updateComment({ ...where, comment_id: sticky[0].id, body: `${marker}\nnew preview` });

    expect(gh.find("POST", /\/comments$/)).toHaveLength(0);
    expect(gh.state.commentsOn(7)).toHaveLength(150);
    expect(
      gh.state
        .commentsOn(7)
        .filter((c) => c.body.startsWith(marker))
        .map((c) => c.body),
    ).toEqual([`${marker}\nnew preview`]);
    expect(gh.state.comment(sticky[0].id)?.user.login).toBe("github-actions[bot]");
  });

  it("answers GitHub's errors for bad bodies and missing issues", async () => {
    gh = await startFakeGitHub({ pulls: [7] });
    const octokit = getOctokit(gh.token, { baseUrl: gh.origin });
    const where = { owner: gh.owner, repo: gh.repo, issue_number: 7 };

    const tooLong = await rejection(octokit.rest.issues.createComment({ ...where, body: "x".repeat(65537) }));
    expect(tooLong.status).toBe(422);
    expect(tooLong.response?.data).toMatchObject({
      message: "Validation Failed",
      errors: [
        { resource: "IssueComment", code: "unprocessable", field: "data", message: "Body is too long (maximum is 65536 characters)" },
      ],
      status: "422",
    });
    expect((await octokit.rest.issues.createComment({ ...where, body: "x".repeat(65536) })).status).toBe(201);
    expect((await rejection(octokit.rest.issues.createComment({ ...where, body: "  " }))).status).toBe(422);
    const missing = await rejection(octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...where } as never));
    expect(missing.status).toBe(422);
    expect((missing.response!.data as { message: string }).message).toBe(`Invalid request.\n\n"body" wasn't supplied.`);
    const noIssue = await rejection(octokit.rest.issues.createComment({ ...where, issue_number: 404, body: "hi" }));
    expect(noIssue.status).toBe(404);
    expect(gh.state.comments).toHaveLength(1);

    const broken = await fetch(`${gh.origin}/repos/${gh.owner}/${gh.repo}/issues/7/comments`, {
      method: "POST",
      headers: { authorization: `token ${gh.token}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ message: "Problems parsing JSON" });
  });

  it("uses /issues/ html links for plain issues and honours `since`", async () => {
    gh = await startFakeGitHub({ issues: [3] });
    const octokit = getOctokit(gh.token, { baseUrl: gh.origin });
    const first = await octokit.rest.issues.createComment({ owner: gh.owner, repo: gh.repo, issue_number: 3, body: "one" });
    expect(first.data.html_url).toBe(`https://github.com/${gh.owner}/${gh.repo}/issues/3#issuecomment-${first.data.id}`);
    const second = await octokit.rest.issues.createComment({ owner: gh.owner, repo: gh.repo, issue_number: 3, body: "two" });
    const since = await octokit.rest.issues.listComments({
      owner: gh.owner,
      repo: gh.repo,
      issue_number: 3,
      since: second.data.updated_at,
    });
    expect(since.data.map((c) => c.body)).toEqual(["two"]);
  });
});
