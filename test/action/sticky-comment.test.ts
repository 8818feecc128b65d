// The sticky pull-request comment is the token's own: a marker planted by someone else is never edited.
import { afterEach, describe, expect, it } from "vitest";
import { commentMarker } from "../../src/github/comment-body.js";
import { githubApi } from "../../src/github/pull-request.js";
import { type FakeGitHub, startFakeGitHub } from "../fakes/github-api/server.js";
import type { Account } from "../fakes/github-api/state.js";

const MARKER = commentMarker("my-proxy");
const MALLORY: Account = { login: "mallory", id: 666, type: "User" };
const OTHER_BOT: Account = { login: "other-app[bot]", id: 777, type: "Bot" };
const MAINTAINER: Account = { login: "maintainer", id: 4242, type: "User" };

let gh: FakeGitHub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

async function world(tokens: Parameters<typeof startFakeGitHub>[0] = {}) {
  gh = await startFakeGitHub({
    pulls: [7],
    tokens: [
      { token: "ghp_maintainer", login: "maintainer", userId: 4242, kind: "personal-access-token" },
      { token: "ghs_app", login: "my-app[bot]" },
    ],
    ...tokens,
  });
  return gh;
}

const api = (token: string) => githubApi(token, { owner: gh!.owner, repo: gh!.repo }, gh!.origin);
const snapshot = (g: FakeGitHub) => g.state.comments.map((c) => ({ ...c }));

describe("the sticky comment with GITHUB_TOKEN (github-actions[bot])", () => {
  it("leaves a planted marker alone and writes its own, then keeps updating its own", async () => {
    const g = await world();
    const planted = { ...g.state.addComment(7, `${MARKER}\n### ✅ Preview is live: https://evil.example`, MALLORY) };
    const byOtherBot = { ...g.state.addComment(7, `${MARKER}\nquoted by another app`, OTHER_BOT) };
    expect(await api(g.token).upsertComment(7, MARKER, `${MARKER}\nfirst`)).toEqual({ done: "created", author: "github-actions[bot]" });
    expect(await api(g.token).upsertComment(7, MARKER, `${MARKER}\nsecond`)).toEqual({ done: "updated", author: "github-actions[bot]" });
    const [a, b, own, ...rest] = g.state.commentsOn(7);
    expect([a, b]).toEqual([planted, byOtherBot]);
    expect(own).toMatchObject({ body: `${MARKER}\nsecond`, user: { login: "github-actions[bot]" } });
    expect(rest).toEqual([]);
    expect(g.requests.filter((r) => r.method === "PATCH").map((r) => r.path)).toEqual([
      `/repos/${g.owner}/${g.repo}/issues/comments/${own!.id}`,
    ]);
  });
});

describe("the sticky comment with other tokens", () => {
  it("a personal access token's comment is its user's: a bot's or another user's marked comment is not", async () => {
    const g = await world();
    g.state.addComment(7, `${MARKER}\nby the bot`, { login: "github-actions[bot]", id: 41898282, type: "Bot" });
    g.state.addComment(7, `${MARKER}\nplanted`, MALLORY);
    const before = snapshot(g);
    const mine = g.state.addComment(7, `${MARKER}\nold`, MAINTAINER);
    expect(await api("ghp_maintainer").upsertComment(7, MARKER, `${MARKER}\nnew`)).toEqual({ done: "updated", author: "maintainer" });
    expect(g.state.comments.slice(0, 2)).toEqual(before);
    expect(g.state.comment(mine.id)!.body).toBe(`${MARKER}\nnew`);
  });

  it("the user's own comment that only mentions the marker in prose is not the sticky one", async () => {
    const g = await world();
    const prose = { ...g.state.addComment(7, `Why does the action write ${MARKER} here?`, MAINTAINER) };
    expect((await api("ghp_maintainer").upsertComment(7, MARKER, `${MARKER}\nnew`)).done).toBe("created");
    expect(g.state.comment(prose.id)).toEqual(prose);
  });

  it("an app installation token's comment is its bot's, found through GraphQL (GET /user is 403 for it)", async () => {
    const g = await world();
    g.state.addComment(7, `${MARKER}\nby github-actions`, { login: "github-actions[bot]", id: 41898282, type: "Bot" });
    const own = g.state.addComment(7, `${MARKER}\nold`, { login: "my-app[bot]", id: 5_000_003, type: "Bot" });
    expect(await api("ghs_app").upsertComment(7, MARKER, `${MARKER}\nnew`)).toEqual({ done: "updated", author: "my-app[bot]" });
    expect(g.state.comment(own.id)!.body).toBe(`${MARKER}\nnew`);
    expect(g.state.commentsOn(7)[0]!.body).toBe(`${MARKER}\nby github-actions`);
  });

  it("falls back to GET /user when GraphQL fails, and writes nothing when neither says who the token is", async () => {
    const g = await world();
    g.inject({ method: "POST", path: "/graphql", status: 502 });
    const own = g.state.addComment(7, `${MARKER}\nold`, MAINTAINER);
    expect((await api("ghp_maintainer").upsertComment(7, MARKER, `${MARKER}\nnew`)).done).toBe("updated");
    expect(g.state.comment(own.id)!.body).toBe(`${MARKER}\nnew`);

    g.state.addComment(7, `${MARKER}\nplanted`, MALLORY);
    const before = snapshot(g);
    const failed = await api(g.token)
      .upsertComment(7, MARKER, `${MARKER}\nnew`)
      .catch((e: Error) => e);
    expect(String(failed)).toMatch(
      /cannot tell which account the github-token writes as \(GraphQL viewer: .*; GET \/user: Resource not accessible by integration/,
    );
    expect(snapshot(g)).toEqual(before);
    expect(g.requests.filter((r) => r.method === "PATCH" || (r.method === "POST" && r.path.endsWith("/comments")))).toHaveLength(1);
  });
});
