// Issue comments (a pull request's conversation comments are issue comments):
//   GET    /issues/{n}/comments          list, oldest first, `since`, per_page/page + Link
//   POST   /issues/{n}/comments          201 + Location
//   GET    /issues/comments/{id}         200
//   PATCH  /issues/comments/{id}         200
//   DELETE /issues/comments/{id}         204
// Permissions: on a pull request issues OR pull_requests (read/write); on an issue, issues.
import type { Need } from "./auth.js";
import { accountJson, type Ctx, idParam, json, jsonBody, need, nodeId, paginate, type Route } from "./context.js";
import { ApiError, DOC, notFound, notSupplied, validationFailed } from "./errors.js";
import type { Issue, StoredComment } from "./state.js";

/** GitHub refuses comment bodies longer than this many characters. */
export const MAX_COMMENT_CHARS = 65536;

function needsFor(issue: Issue, level: "read" | "write"): Need {
  return issue.pull
    ? [
        ["issues", level],
        ["pull_requests", level],
      ]
    : [["issues", level]];
}

function issueOr404(ctx: Ctx, number: number): Issue {
  const issue = ctx.state.issues.get(number);
  if (!issue) throw notFound(ctx.doc);
  return issue;
}

function commentOr404(ctx: Ctx): { comment: StoredComment; issue: Issue } {
  const comment = ctx.state.comment(idParam(ctx, 0));
  if (!comment) throw notFound(ctx.doc);
  return { comment, issue: issueOr404(ctx, comment.issue) };
}

/** The `body` GitHub accepts: present, a string, not blank, at most 65536 characters. */
function bodyFrom(ctx: Ctx): string {
  const input = jsonBody(ctx);
  if (!("body" in input)) throw notSupplied(ctx.doc, "body");
  const body = input.body;
  if (typeof body !== "string")
    throw new ApiError(422, `Invalid request.\n\nFor 'properties/body', ${JSON.stringify(body)} is not a string.`, ctx.doc);
  if (body.trim() === "")
    throw validationFailed(ctx.doc, [{ resource: "IssueComment", code: "unprocessable", field: "data", message: "Body cannot be blank" }]);
  if ([...body].length > MAX_COMMENT_CHARS) {
    throw validationFailed(ctx.doc, [
      {
        resource: "IssueComment",
        code: "unprocessable",
        field: "data",
        message: `Body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`,
      },
    ]);
  }
  return body;
}

function authorAssociation(ctx: Ctx, comment: StoredComment): string {
  if (comment.user.type === "Bot") return "NONE";
  return comment.user.login.toLowerCase() === ctx.state.owner.toLowerCase() ? "OWNER" : "CONTRIBUTOR";
}

export function commentJson(ctx: Ctx, comment: StoredComment) {
  const issue = ctx.state.issues.get(comment.issue);
  const url = `${ctx.repoApi}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${ctx.serverUrl}/${ctx.state.owner}/${ctx.state.repo}/${issue?.pull ? "pull" : "issues"}/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: `${ctx.repoApi}/issues/${comment.issue}`,
    id: comment.id,
    node_id: nodeId("IC", comment.id),
    user: accountJson(ctx, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    body: comment.body,
    author_association: authorAssociation(ctx, comment),
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: null,
  };
}

function list(ctx: Ctx) {
  const issue = issueOr404(ctx, idParam(ctx, 0));
  need(ctx, needsFor(issue, "read"));
  const since = ctx.req.query.since;
  const sinceMs = since ? Date.parse(since) : Number.NaN;
  if (since && Number.isNaN(sinceMs))
    throw new ApiError(422, `Invalid request.\n\nInvalid property /since: \`${since}\` is not a valid date-time.`, ctx.doc);
  const all = ctx.state
    .commentsOn(issue.number)
    .filter((c) => Number.isNaN(sinceMs) || Date.parse(c.updatedAt) >= sinceMs)
    .sort((a, b) => a.id - b.id);
  const { page, headers } = paginate(ctx, all);
  return json(
    200,
    page.map((c) => commentJson(ctx, c)),
    headers,
  );
}

function create(ctx: Ctx) {
  const issue = issueOr404(ctx, idParam(ctx, 0));
  need(ctx, needsFor(issue, "write"));
  const body = bodyFrom(ctx);
  const comment = ctx.state.addComment(issue.number, body, ctx.grant!.user);
  const answer = commentJson(ctx, comment);
  return json(201, answer, { location: answer.url });
}

function get(ctx: Ctx) {
  const { comment, issue } = commentOr404(ctx);
  need(ctx, needsFor(issue, "read"));
  return json(200, commentJson(ctx, comment));
}

function update(ctx: Ctx) {
  const { comment, issue } = commentOr404(ctx);
  need(ctx, needsFor(issue, "write"));
  comment.body = bodyFrom(ctx);
  comment.updatedAt = ctx.state.tick();
  return json(200, commentJson(ctx, comment));
}

function remove(ctx: Ctx) {
  const { comment, issue } = commentOr404(ctx);
  need(ctx, needsFor(issue, "write"));
  ctx.state.removeComment(comment.id);
  return { status: 204 };
}

export const commentRoutes: Route[] = [
  { method: "GET", pattern: /^\/issues\/([^/]+)\/comments$/, doc: DOC.listComments, handler: list },
  { method: "POST", pattern: /^\/issues\/([^/]+)\/comments$/, doc: DOC.createComment, handler: create },
  { method: "GET", pattern: /^\/issues\/comments\/([^/]+)$/, doc: DOC.getComment, handler: get },
  { method: "PATCH", pattern: /^\/issues\/comments\/([^/]+)$/, doc: DOC.updateComment, handler: update },
  { method: "DELETE", pattern: /^\/issues\/comments\/([^/]+)$/, doc: DOC.deleteComment, handler: remove },
];
