// The fake GitHub API, driven by the real @actions/github client: who a token acts as, and who wrote a comment.
import { getOctokit } from "@actions/github";
import type { RequestError } from "@octokit/request-error";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../fakes/github-api/server.js";

let gh: FakeGitHub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("resolved"),
    (e: unknown) => e as RequestError,
  );

describe("fake GitHub: the token's identity", () => {
  it("GET /user: 403 'Resource not accessible by integration' for GITHUB_TOKEN, the user for a personal access token", async () => {
    gh = await startFakeGitHub({ tokens: [{ token: "ghp_maintainer", login: "maintainer", userId: 4242, kind: "personal-access-token" }] });
    const refused = await rejection(getOctokit(gh.token, { baseUrl: gh.origin }).rest.users.getAuthenticated());
    expect(refused.status).toBe(403);
    expect(refused.response?.data).toEqual({
      message: "Resource not accessible by integration",
      documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
      status: "403",
    });
    const me = await getOctokit("ghp_maintainer", { baseUrl: gh.origin }).rest.users.getAuthenticated();
    expect(me.data).toMatchObject({ login: "maintainer", id: 4242, type: "User" });
    expect((await rejection(getOctokit("ghp_wrong", { baseUrl: gh.origin }).rest.users.getAuthenticated())).status).toBe(401);
  });

  it("GraphQL viewer { login }: the bot for installation tokens, the user for a personal access token", async () => {
    gh = await startFakeGitHub({
      tokens: [
        { token: "ghp_maintainer", login: "maintainer", kind: "personal-access-token" },
        { token: "ghs_app", login: "my-app[bot]" },
      ],
    });
    const viewer = async (token: string) =>
      (await getOctokit(token, { baseUrl: gh!.origin }).graphql<{ viewer: { login: string } }>("query { viewer { login } }")).viewer.login;
    expect(await viewer(gh.token)).toBe("github-actions[bot]");
    expect(await viewer("ghp_maintainer")).toBe("maintainer");
    expect(await viewer("ghs_app")).toBe("my-app[bot]");
    const other = await getOctokit(gh.token, { baseUrl: gh.origin })
      .graphql('{ repository(owner: "a", name: "b") { id } }')
      .catch((e: Error) => e);
    expect(String(other)).toMatch(/answers only the query \{ viewer \{ login \} \}/);
  });

  it("comments carry their author: the token's account, or the seeded one", async () => {
    gh = await startFakeGitHub({
      pulls: [7],
      comments: [{ issue: 7, body: "planted", login: "mallory" }],
      tokens: [{ token: "ghp_maintainer", login: "maintainer", kind: "personal-access-token" }],
    });
    const where = { owner: gh.owner, repo: gh.repo, issue_number: 7 };
    await getOctokit(gh.token, { baseUrl: gh.origin }).rest.issues.createComment({ ...where, body: "by the bot" });
    await getOctokit("ghp_maintainer", { baseUrl: gh.origin }).rest.issues.createComment({ ...where, body: "by a maintainer" });
    const listed = await getOctokit(gh.token, { baseUrl: gh.origin }).rest.issues.listComments(where);
    expect(listed.data.map((c) => [c.body, c.user?.login, c.user?.type])).toEqual([
      ["planted", "mallory", "User"],
      ["by the bot", "github-actions[bot]", "Bot"],
      ["by a maintainer", "maintainer", "User"],
    ]);
  });
});
