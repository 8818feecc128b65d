// On pull requests: one sticky comment (found again by a hidden marker) and a GitHub deployment whose
// status carries the preview URL. Failures here are reported, never fatal: the preview itself is deployed.
import { getOctokit } from "@actions/github";

type Octokit = ReturnType<typeof getOctokit>;

export interface Repo {
  owner: string;
  repo: string;
}

export interface GitHubApi {
  upsertComment(issue: number, marker: string, body: string): Promise<"created" | "updated">;
  /** Creates a deployment for the ref and gives it a status (with the environment URL when there is one). */
  recordDeployment(o: { ref: string; environment: string; state: "success" | "failure" | "in_progress"; url?: string; logUrl?: string; description: string }): Promise<number>;
  /** Marks every deployment of the environment inactive (the preview is gone). */
  deactivateEnvironment(environment: string, logUrl?: string): Promise<number>;
}

export function githubApi(token: string, repo: Repo, baseUrl: string | undefined): GitHubApi {
  const octokit: Octokit = getOctokit(token, baseUrl ? { baseUrl } : {});
  return {
    async upsertComment(issue, marker, body) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 });
      const mine = comments.find((c) => c.body?.includes(marker));
      if (mine) {
        await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
        return "updated";
      }
      await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
      return "created";
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
        await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: d.id, state: "inactive", ...(logUrl ? { log_url: logUrl } : {}), description: "Preview removed: the pull request was closed." });
      }
      return deployments.length;
    },
  };
}
