// On pull requests: one sticky comment (found again by a hidden marker) and a GitHub deployment whose
// status carries the preview URL. Failures here are reported, never fatal: the preview itself is deployed.
//
// Anyone can write the marker into a comment on a public repository, so the marker alone proves nothing: the
// sticky comment is the first one that starts with it AND was written by the account the token acts as.
// That account comes from GraphQL's `viewer`, which every kind of token has (GITHUB_TOKEN and app installation
// tokens: their bot, e.g. github-actions[bot]; a personal access token: its user), where REST GET /user answers
// 403 to installation tokens; GET /user is the fallback. Only code with this repository's secrets can write as
// that account, and if it cannot be told the comment is left alone rather than risk editing someone else's.
import { getOctokit } from "@actions/github";

type Octokit = ReturnType<typeof getOctokit>;

export interface Repo {
  owner: string;
  repo: string;
}

export interface GitHubApi {
  /** Updates this account's comment that starts with `marker`, or creates one; says which, and as whom. */
  upsertComment(issue: number, marker: string, body: string): Promise<{ done: "created" | "updated"; author: string }>;
  /** The login the token acts as (cached). */
  whoAmI(): Promise<string>;
  /** Creates a deployment for the ref and gives it a status (with the environment URL when there is one). */
  recordDeployment(o: {
    ref: string;
    environment: string;
    state: "success" | "failure" | "in_progress";
    url?: string;
    logUrl?: string;
    description: string;
  }): Promise<number>;
  /** Marks every deployment of the environment inactive (the preview is gone). */
  deactivateEnvironment(environment: string, logUrl?: string): Promise<number>;
}

export function githubApi(token: string, repo: Repo, baseUrl: string | undefined): GitHubApi {
  const octokit: Octokit = getOctokit(token, baseUrl ? { baseUrl } : {});
  let me: Promise<string> | undefined;
  const api: GitHubApi = {
    whoAmI() {
      me ??= whoAmI(octokit);
      return me;
    },
    async upsertComment(issue, marker, body) {
      const author = await api.whoAmI();
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 });
      const mine = comments.find((c) => sameLogin(c.user?.login, author) && (c.body ?? "").trimStart().startsWith(marker));
      if (mine) {
        await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
        return { done: "updated", author };
      }
      await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
      return { done: "created", author };
    },
    async recordDeployment(o) {
      const created = await octokit.rest.repos.createDeployment({
        ...repo,
        ref: o.ref,
        environment: o.environment,
        transient_environment: true,
        production_environment: false,
        auto_merge: false,
        // The preview is already tested and live: do not make GitHub wait for other checks.
        required_contexts: [],
        description: o.description.slice(0, 140),
      });
      if (!("id" in created.data)) throw new Error(`GitHub did not create the deployment: ${JSON.stringify(created.data).slice(0, 200)}`);
      const id = created.data.id;
      await octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: id,
        state: o.state,
        ...(o.url ? { environment_url: o.url } : {}),
        ...(o.logUrl ? { log_url: o.logUrl } : {}),
        description: o.description.slice(0, 140),
        auto_inactive: true,
      });
      return id;
    },
    async deactivateEnvironment(environment, logUrl) {
      const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, { ...repo, environment, per_page: 100 });
      for (const d of deployments) {
        await octokit.rest.repos.createDeploymentStatus({
          ...repo,
          deployment_id: d.id,
          state: "inactive",
          ...(logUrl ? { log_url: logUrl } : {}),
          description: "Preview removed: the pull request was closed.",
        });
      }
      return deployments.length;
    },
  };
  return api;
}

const sameLogin = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

async function whoAmI(octokit: Octokit): Promise<string> {
  let viewerError: unknown;
  try {
    const { viewer } = await octokit.graphql<{ viewer?: { login?: unknown } }>("query { viewer { login } }");
    if (typeof viewer?.login === "string" && viewer.login) return viewer.login;
    viewerError = new Error("no login in the answer");
  } catch (error) {
    viewerError = error;
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (data.login) return data.login;
  } catch (error) {
    throw new Error(
      `cannot tell which account the github-token writes as (GraphQL viewer: ${(viewerError as Error).message}; GET /user: ${(error as Error).message}), ` +
        "so no comment was written or edited: one written by someone else might carry the marker",
    );
  }
  throw new Error("cannot tell which account the github-token writes as: GitHub answered no login");
}
