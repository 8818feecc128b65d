// The fake repository's data: issues and pull requests, their comments, refs and commits, commit
// statuses, deployments and deployment statuses. Tests read it to assert, and may seed it.
import { createHash } from "node:crypto";

export type Access = "none" | "read" | "write";
export type Permission = "metadata" | "contents" | "issues" | "pull_requests" | "deployments" | "statuses";
export type Permissions = Partial<Record<Permission, Access>>;

export interface Account {
  login: string;
  id: number;
  type: "Bot" | "User";
}

/** The installation token of GitHub Actions (GITHUB_TOKEN) acts as this account. */
export const GITHUB_ACTIONS_BOT: Account = { login: "github-actions[bot]", id: 41898282, type: "Bot" };

export interface TokenGrant {
  token: string;
  user: Account;
  permissions: Permissions;
  /** Decides the 403 wording: "… by integration" (GITHUB_TOKEN, apps) or "… by personal access token". */
  kind: "integration" | "personal-access-token";
}

export interface Issue {
  number: number;
  pull: boolean;
  title: string;
  user: Account;
  headRef: string;
  headSha: string;
  baseRef: string;
}

export interface CommitInfo {
  sha: string;
  /** The commit does not contain the default branch's latest changes (deployment auto_merge applies). */
  behind?: boolean;
  /** Merging the default branch into it would conflict. */
  conflicts?: boolean;
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: Account;
  createdAt: string;
  updatedAt: string;
}

export interface StoredDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  /** The environment given at creation (`original_environment`); GitHub's list filter matches this one. */
  environment: string;
  /** The environment of the latest status (`environment` in answers). */
  latestEnvironment: string;
  description: string | null;
  creator: Account;
  transient: boolean;
  production: boolean;
  createdAt: string;
  updatedAt: string;
}

export type DeploymentState = "error" | "failure" | "inactive" | "in_progress" | "queued" | "pending" | "success";
export const DEPLOYMENT_STATES: readonly DeploymentState[] = [
  "error",
  "failure",
  "inactive",
  "in_progress",
  "queued",
  "pending",
  "success",
];

export interface StoredStatus {
  id: number;
  deploymentId: number;
  state: DeploymentState;
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  creator: Account;
  createdAt: string;
  updatedAt: string;
}

export interface CommitStatus {
  context: string;
  state: "error" | "failure" | "pending" | "success";
}

/** A fake 40-hex commit id derived from a label, so seeds read well and stay stable. */
export const fakeSha = (label: string) => createHash("sha1").update(label).digest("hex");

export class GitHubState {
  readonly issues = new Map<number, Issue>();
  readonly comments: StoredComment[] = [];
  readonly branches = new Map<string, string>();
  readonly tags = new Map<string, string>();
  readonly commits = new Map<string, CommitInfo>();
  /** Latest commit status per context, by sha. */
  readonly commitStatuses = new Map<string, CommitStatus[]>();
  readonly deployments: StoredDeployment[] = [];
  readonly statuses: StoredStatus[] = [];
  private ids = { comment: 1_000_000_000, deployment: 100_000_000, status: 200_000_000 };
  private clockMs: number;

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly repoId: number,
    readonly defaultBranch: string,
    readonly isPrivate: boolean,
    start: Date,
  ) {
    this.clockMs = Math.floor(start.getTime() / 1000) * 1000;
    this.addBranch(defaultBranch, fakeSha(`${defaultBranch}@0`));
  }

  /** A timestamp one second after the previous one (GitHub's have second precision), so order is visible. */
  tick(): string {
    this.clockMs = Math.max(this.clockMs + 1000, Math.floor(Date.now() / 1000) * 1000);
    return new Date(this.clockMs).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  addCommit(info: CommitInfo): CommitInfo {
    const existing = this.commits.get(info.sha);
    const merged = { ...existing, ...info };
    this.commits.set(info.sha, merged);
    return merged;
  }

  addBranch(name: string, sha: string, info: Omit<CommitInfo, "sha"> = {}): void {
    this.branches.set(name, sha);
    this.addCommit({ sha, ...info });
  }

  addTag(name: string, sha: string): void {
    this.tags.set(name, sha);
    this.addCommit({ sha });
  }

  /** Adds a pull request (with its head branch and commit) or, with `pull: false`, a plain issue. */
  addIssue(number: number, options: Partial<Omit<Issue, "number">> = {}): Issue {
    const pull = options.pull ?? true;
    const headRef = options.headRef ?? `feature-${number}`;
    const headSha = options.headSha ?? fakeSha(`${headRef}@head`);
    const issue: Issue = {
      number,
      pull,
      title: options.title ?? (pull ? `Pull request ${number}` : `Issue ${number}`),
      user: options.user ?? { login: this.owner, id: 1000, type: "User" },
      headRef,
      headSha,
      baseRef: options.baseRef ?? this.defaultBranch,
    };
    this.issues.set(number, issue);
    if (pull) this.addBranch(headRef, headSha);
    return issue;
  }

  setCommitStatus(sha: string, context: string, state: CommitStatus["state"]): void {
    const list = (this.commitStatuses.get(sha) ?? []).filter((s) => s.context !== context);
    list.push({ context, state });
    this.commitStatuses.set(sha, list);
  }

  /** Resolves a branch, tag, `refs/heads/…`, `refs/tags/…`, or a full or abbreviated (7+) known sha. */
  resolveRef(ref: string): string | undefined {
    const branch = this.branches.get(ref.replace(/^refs\/heads\//, ""));
    if (branch) return branch;
    const tag = this.tags.get(ref.replace(/^refs\/tags\//, ""));
    if (tag) return tag;
    if (/^[0-9a-f]{7,40}$/i.test(ref)) {
      const matches = [...this.commits.keys()].filter((sha) => sha.startsWith(ref.toLowerCase()));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  addComment(issue: number, body: string, user: Account): StoredComment {
    const at = this.tick();
    const comment: StoredComment = { id: ++this.ids.comment, issue, body, user, createdAt: at, updatedAt: at };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issue: number): StoredComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  comment(id: number): StoredComment | undefined {
    return this.comments.find((c) => c.id === id);
  }

  removeComment(id: number): void {
    const index = this.comments.findIndex((c) => c.id === id);
    if (index >= 0) this.comments.splice(index, 1);
  }

  addDeployment(fields: Omit<StoredDeployment, "id" | "createdAt" | "updatedAt" | "latestEnvironment">): StoredDeployment {
    const at = this.tick();
    const deployment: StoredDeployment = {
      ...fields,
      id: ++this.ids.deployment,
      latestEnvironment: fields.environment,
      createdAt: at,
      updatedAt: at,
    };
    this.deployments.push(deployment);
    return deployment;
  }

  deployment(id: number): StoredDeployment | undefined {
    return this.deployments.find((d) => d.id === id);
  }

  removeDeployment(id: number): void {
    const index = this.deployments.findIndex((d) => d.id === id);
    if (index >= 0) this.deployments.splice(index, 1);
    for (let i = this.statuses.length - 1; i >= 0; i--) if (this.statuses[i].deploymentId === id) this.statuses.splice(i, 1);
  }

  /** Records a status and makes it the deployment's latest (state and environment), as GitHub does. */
  addStatus(fields: Omit<StoredStatus, "id" | "createdAt" | "updatedAt">): StoredStatus {
    const at = this.tick();
    const status: StoredStatus = { ...fields, id: ++this.ids.status, createdAt: at, updatedAt: at };
    this.statuses.push(status);
    const deployment = this.deployment(fields.deploymentId);
    if (deployment) {
      deployment.latestEnvironment = status.environment;
      deployment.updatedAt = at;
    }
    return status;
  }

  /** A deployment's statuses, newest first (the order GitHub lists them in). */
  statusesOf(deploymentId: number): StoredStatus[] {
    return this.statuses.filter((s) => s.deploymentId === deploymentId).sort((a, b) => b.id - a.id);
  }

  latestStatus(deploymentId: number): StoredStatus | undefined {
    return this.statusesOf(deploymentId)[0];
  }

  /** GitHub calls a deployment active when its latest status is `success`. */
  isActive(deploymentId: number): boolean {
    return this.latestStatus(deploymentId)?.state === "success";
  }
}
