// What triggered the run, read from the runner's environment (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, …).
import { readFileSync } from "node:fs";

export interface PullRequestInfo {
  number: number;
  action: string;
  headSha: string;
  headRef: string;
  /** True when the head branch lives in another repository: such runs get no secrets. */
  fromFork: boolean;
}

export interface RunEvent {
  /** `push`, `pull_request`, `schedule`, …; empty when run outside GitHub Actions. */
  name: string;
  /** `opened`, `closed`, … for events that have one. */
  action: string;
  repository: { owner: string; repo: string } | undefined;
  sha: string;
  ref: string;
  runUrl: string;
  pullRequest: PullRequestInfo | undefined;
}

type Env = Record<string, string | undefined>;

export function readEvent(env: Env): RunEvent {
  const path = env.GITHUB_EVENT_PATH;
  let payload: unknown = {};
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new Error(`cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${(error as Error).message}`);
    }
  }
  return parseEvent(env, payload);
}

export function parseEvent(env: Env, payload: unknown): RunEvent {
  const p = (payload ?? {}) as Record<string, any>;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const server = env.GITHUB_SERVER_URL || "https://github.com";
  const pr = p.pull_request;
  return {
    name: env.GITHUB_EVENT_NAME ?? "",
    action: typeof p.action === "string" ? p.action : "",
    repository: owner && repo ? { owner, repo } : undefined,
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    runUrl: owner && repo && env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : "",
    pullRequest:
      pr && typeof pr.number === "number"
        ? {
            number: pr.number,
            action: typeof p.action === "string" ? p.action : "",
            headSha: pr.head?.sha ?? "",
            headRef: pr.head?.ref ?? "",
            fromFork: Boolean(pr.head?.repo && pr.base?.repo && pr.head.repo.full_name !== pr.base.repo.full_name),
          }
        : undefined,
  };
}
