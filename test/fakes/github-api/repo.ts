// The repository and its pull requests (read-only):
//   GET /repos/{o}/{r}             metadata
//   GET /repos/{o}/{r}/pulls/{n}   pull_requests or contents (read); 404 for a number that is a plain issue
import { accountJson, type Ctx, idParam, json, need, nodeId, type Route } from "./context.js";
import { DOC, notFound } from "./errors.js";
import type { Account } from "./state.js";

export function repoJson(ctx: Ctx) {
  const { state } = ctx;
  const owner: Account = { login: state.owner, id: 1000, type: "User" };
  return {
    id: state.repoId,
    node_id: nodeId("R", state.repoId),
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    private: state.isPrivate,
    owner: accountJson(ctx, owner),
    html_url: `${ctx.serverUrl}/${state.owner}/${state.repo}`,
    description: null,
    fork: false,
    url: ctx.repoApi,
    deployments_url: `${ctx.repoApi}/deployments`,
    issue_comment_url: `${ctx.repoApi}/issues/comments{/number}`,
    pulls_url: `${ctx.repoApi}/pulls{/number}`,
    created_at: "2024-01-02T03:04:05Z",
    updated_at: "2024-01-02T03:04:05Z",
    pushed_at: "2024-01-02T03:04:05Z",
    default_branch: state.defaultBranch,
    visibility: state.isPrivate ? "private" : "public",
    archived: false,
    disabled: false,
  };
}

function getRepo(ctx: Ctx) {
  need(ctx, [["metadata", "read"]]);
  return json(200, repoJson(ctx));
}

function getPull(ctx: Ctx) {
  const issue = ctx.state.issues.get(idParam(ctx, 0));
  if (!issue?.pull) throw notFound(ctx.doc);
  need(ctx, [
    ["pull_requests", "read"],
    ["contents", "read"],
  ]);
  const { state } = ctx;
  const repo = repoJson(ctx);
  const url = `${ctx.repoApi}/pulls/${issue.number}`;
  const side = (ref: string, sha: string) => ({ label: `${state.owner}:${ref}`, ref, sha, user: repo.owner, repo });
  return json(200, {
    url,
    id: 500_000_000 + issue.number,
    node_id: nodeId("PR", issue.number),
    html_url: `${ctx.serverUrl}/${state.owner}/${state.repo}/pull/${issue.number}`,
    issue_url: `${ctx.repoApi}/issues/${issue.number}`,
    comments_url: `${ctx.repoApi}/issues/${issue.number}/comments`,
    number: issue.number,
    state: "open",
    locked: false,
    title: issue.title,
    user: accountJson(ctx, issue.user),
    body: null,
    created_at: "2024-01-02T03:04:05Z",
    updated_at: "2024-01-02T03:04:05Z",
    closed_at: null,
    merged_at: null,
    draft: false,
    head: side(issue.headRef, state.branches.get(issue.headRef) ?? issue.headSha),
    base: side(issue.baseRef, state.branches.get(issue.baseRef) ?? ""),
    author_association: "OWNER",
    merged: false,
  });
}

export const repoRoutes: Route[] = [
  { method: "GET", pattern: /^$/, doc: DOC.repo, handler: getRepo },
  { method: "GET", pattern: /^\/pulls\/([^/]+)$/, doc: DOC.pull, handler: getPull },
];
