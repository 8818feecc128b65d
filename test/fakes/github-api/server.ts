// A fake GitHub REST API on 127.0.0.1 for one repository: issue comments, deployments and deployment
// statuses, the repository and its pull requests; and who a token acts as (GET /user, GraphQL viewer).
// Use `origin` as Octokit's baseUrl or GITHUB_API_URL.
//
//   const gh = await startFakeGitHub({ comments: [{ issue: 1, count: 150 }] });
//   const octokit = getOctokit(gh.token, { baseUrl: gh.origin });
//   await octokit.paginate(octokit.rest.issues.listComments, { owner: gh.owner, repo: gh.repo, issue_number: 1, per_page: 100 });
//   gh.inject({ method: "POST", path: `/repos/${gh.owner}/${gh.repo}/deployments`, status: 500, times: 1 });
//   expect(gh.state.deployments).toHaveLength(1);
//   await gh.close();
import { randomBytes } from "node:crypto";
import { type Fault, type FakeReply, HttpFake, type RecordedRequest } from "../http-fake.js";
import { authenticate } from "./auth.js";
import { commentRoutes } from "./comments.js";
import type { Ctx, Route } from "./context.js";
import { deploymentRoutes } from "./deployments.js";
import { ApiError, DOCS, faultBody, notFound } from "./errors.js";
import { repoRoutes } from "./repo.js";
import {
  type Account,
  type CommitStatus,
  GITHUB_ACTIONS_BOT,
  GitHubState,
  type Issue,
  type Permissions,
  type TokenGrant,
} from "./state.js";
import { statusRoutes } from "./statuses.js";
import { getAuthenticatedUser, graphql } from "./viewer.js";

export interface FakeGitHubToken {
  token: string;
  /** The account it acts as; default github-actions[bot] (a Bot), else a User. */
  login?: string;
  userId?: number;
  type?: "Bot" | "User";
  /** Default: write on everything. Unlisted permissions are `none` (metadata is always at least `read`). */
  permissions?: Permissions;
  /** "integration" (default: GITHUB_TOKEN, app tokens) or "personal-access-token": picks the 403 wording. */
  kind?: TokenGrant["kind"];
}

export interface SeedComment {
  issue: number;
  /** The body, or a function of the index when `count` is given. Default "Comment N". */
  body?: string | ((index: number) => string);
  count?: number;
  /** Author; default someone who is not the bot ("octocat", a User). */
  login?: string;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  repoId?: number;
  /** Private repositories answer 404 to anonymous requests; public ones can be read anonymously. Default false. */
  private?: boolean;
  defaultBranch?: string;
  /** The main token (write on everything unless `permissions` says otherwise). Default: a random ghs_… value. */
  token?: string;
  /** Who the main token acts as. Default github-actions[bot]. */
  botLogin?: string;
  permissions?: Permissions;
  /** A token with read-only permissions (metadata, contents, issues, pull_requests, deployments, statuses: read). */
  readOnlyToken?: string;
  tokens?: FakeGitHubToken[];
  /** Pull requests (numbers or details). Default: [1]. Each gets a head branch and commit. */
  pulls?: (number | ({ number: number } & Partial<Omit<Issue, "number" | "pull">>))[];
  /** Plain issue numbers. */
  issues?: number[];
  /** Seed comments; a number not in pulls/issues becomes a pull request. */
  comments?: SeedComment[];
  /** Branches: name → sha, or { sha, behind, conflicts } for the deployment auto_merge cases. */
  branches?: Record<string, string | { sha: string; behind?: boolean; conflicts?: boolean }>;
  tags?: Record<string, string>;
  commitStatuses?: ({ sha: string } & CommitStatus)[];
  /** Where html_url links point. Default https://github.com */
  serverUrl?: string;
  /** The clock's start. Default now. */
  now?: Date;
  port?: number;
}

export interface FakeGitHub {
  origin: string;
  token: string;
  readOnlyToken: string;
  owner: string;
  repo: string;
  repoId: number;
  state: GitHubState;
  requests: RecordedRequest[];
  inject(fault: Fault): void;
  clearFaults(): void;
  find(method: string, path: string | RegExp): RecordedRequest[];
  /** Accepts another token from now on. */
  addToken(token: FakeGitHubToken): void;
  close(): Promise<void>;
}

const ALL_WRITE: Permissions = {
  metadata: "read",
  contents: "write",
  issues: "write",
  pull_requests: "write",
  deployments: "write",
  statuses: "write",
};
const ALL_READ: Permissions = {
  metadata: "read",
  contents: "read",
  issues: "read",
  pull_requests: "read",
  deployments: "read",
  statuses: "read",
};
const ROUTES: Route[] = [...repoRoutes, ...commentRoutes, ...deploymentRoutes, ...statusRoutes];

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? "octo-org";
  const repo = options.repo ?? "octo-repo";
  const state = new GitHubState(
    owner,
    repo,
    options.repoId ?? 700_000_001,
    options.defaultBranch ?? "main",
    options.private ?? false,
    options.now ?? new Date(),
  );
  const serverUrl = options.serverUrl ?? "https://github.com";
  const grants = new Map<string, TokenGrant>();
  const addToken = (spec: FakeGitHubToken) => {
    const login = spec.login ?? GITHUB_ACTIONS_BOT.login;
    const user: Account =
      login === GITHUB_ACTIONS_BOT.login && spec.userId === undefined
        ? GITHUB_ACTIONS_BOT
        : { login, id: spec.userId ?? 5_000_000 + grants.size, type: spec.type ?? (login.endsWith("[bot]") ? "Bot" : "User") };
    grants.set(spec.token, { token: spec.token, user, permissions: spec.permissions ?? ALL_WRITE, kind: spec.kind ?? "integration" });
  };
  const token = options.token ?? `ghs_${randomBytes(18).toString("base64url")}`;
  const readOnlyToken = options.readOnlyToken ?? `ghs_${randomBytes(18).toString("base64url")}`;
  addToken({ token, login: options.botLogin, permissions: options.permissions });
  addToken({ token: readOnlyToken, login: options.botLogin, permissions: ALL_READ });
  for (const extra of options.tokens ?? []) addToken(extra);
  seed(state, options);

  const remaining = new Map<string, number>();
  const fake: HttpFake = new HttpFake((request) => serve(request), faultBody);
  const serve = (req: RecordedRequest): FakeReply => {
    let grant: TokenGrant | undefined;
    let reply: FakeReply;
    try {
      grant = authenticate(req.headers, grants);
      reply = route(req, grant);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply = { status: error.status, body: error.body, headers: error.headers };
    }
    const key = grant?.token ?? "";
    const left = Math.max(0, (remaining.get(key) ?? (grant ? 5000 : 60)) - 1);
    remaining.set(key, left);
    reply.headers = {
      "x-github-api-version-selected": "2022-11-28",
      "x-github-media-type": "github.v3; format=json",
      "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
      "x-ratelimit-limit": String(grant ? 5000 : 60),
      "x-ratelimit-remaining": String(left),
      "x-ratelimit-used": String((grant ? 5000 : 60) - left),
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      "x-ratelimit-resource": "core",
      ...reply.headers,
    };
    return reply;
  };

  const route = (req: RecordedRequest, grant: TokenGrant | undefined): FakeReply => {
    if (req.method === "GET" && req.path === "/user") return getAuthenticatedUser(grant, fake.origin, serverUrl);
    if (req.method === "POST" && req.path === "/graphql") return graphql(req, grant);
    const byName = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(req.path);
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(req.path);
    const ours = byName
      ? decodeURIComponent(byName[1]).toLowerCase() === owner.toLowerCase() &&
        decodeURIComponent(byName[2]).toLowerCase() === repo.toLowerCase()
      : byId !== null && Number(byId[1]) === state.repoId;
    if (!ours || (!grant && state.isPrivate)) throw notFound(DOCS);
    const subpath = (byName ? byName[3] : byId![2]) ?? "";
    for (const candidate of ROUTES) {
      const match = candidate.pattern.exec(subpath);
      if (!match || candidate.method !== req.method) continue;
      const ctx: Ctx = {
        req,
        state,
        origin: fake.origin,
        serverUrl,
        repoApi: `${fake.origin}/repos/${owner}/${repo}`,
        subpath,
        grant,
        params: match.slice(1).map((p) => decodeURIComponent(p)),
        doc: candidate.doc,
      };
      return candidate.handler(ctx);
    }
    throw notFound(DOCS);
  };

  const origin = await fake.start(options.port);
  return {
    origin,
    token,
    readOnlyToken,
    owner,
    repo,
    repoId: state.repoId,
    state,
    requests: fake.requests,
    inject: (fault) => fake.inject(fault),
    clearFaults: () => fake.clearFaults(),
    find: (method, path) => fake.find(method, path),
    addToken,
    close: () => fake.close(),
  };
}

function seed(state: GitHubState, options: FakeGitHubOptions): void {
  for (const [name, value] of Object.entries(options.branches ?? {})) {
    if (typeof value === "string") state.addBranch(name, value);
    else state.addBranch(name, value.sha, { behind: value.behind, conflicts: value.conflicts });
  }
  for (const [name, sha] of Object.entries(options.tags ?? {})) state.addTag(name, sha);
  for (const pull of options.pulls ?? [1]) {
    if (typeof pull === "number") state.addIssue(pull);
    else state.addIssue(pull.number, { ...pull, pull: true });
  }
  for (const number of options.issues ?? []) state.addIssue(number, { pull: false });
  for (const status of options.commitStatuses ?? []) state.setCommitStatus(status.sha, status.context, status.state);
  for (const spec of options.comments ?? []) {
    if (!state.issues.has(spec.issue)) state.addIssue(spec.issue);
    const author: Account = spec.login?.endsWith("[bot]")
      ? { login: spec.login, id: spec.login === GITHUB_ACTIONS_BOT.login ? GITHUB_ACTIONS_BOT.id : 6_000_000, type: "Bot" }
      : { login: spec.login ?? "octocat", id: 583231, type: "User" };
    const count = spec.count ?? 1;
    for (let i = 0; i < count; i++) {
      const body = typeof spec.body === "function" ? spec.body(i) : (spec.body ?? `Comment ${i + 1}`);
      state.addComment(spec.issue, body, author);
    }
  }
}
