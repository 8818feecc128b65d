// On pull requests: the sticky comment and the GitHub deployment. Never fatal: a missing permission becomes
// a warning that says which one, because the preview itself is already deployed (or already removed).
import type { RunContext } from "../context.js";
import type { Plan } from "../plan.js";
import type { RunReport } from "./summary.js";
import { commentMarker, renderComment, type CommentFacts } from "../github/comment-body.js";
import { githubApi } from "../github/pull-request.js";
import { INPUT } from "../inputs.js";

export const previewEnvironment = (worker: string, number: number) => `${worker}/pr-${number}`;

/** Comments on the pull request and records its deployment, from the run's report (built from its final state). */
export async function notifyPullRequest(ctx: RunContext, plan: Plan, report: RunReport, state: CommentFacts["state"]): Promise<void> {
  const { event, inputs, host } = ctx;
  const pr = event.pullRequest;
  if (!pr || !event.repository || pr.fromFork || !(plan.mode === "preview" || plan.mode === "cleanup")) return;
  if (!inputs.githubToken) {
    host.warning(`no input "${INPUT.githubToken}": the pull request gets no comment and no deployment`);
    return;
  }
  const github = githubApi(inputs.githubToken, event.repository, host.env.GITHUB_API_URL || undefined);
  const environment = previewEnvironment(plan.workerName, pr.number);
  const facts: CommentFacts = {
    worker: plan.workerName,
    state,
    previewUrl: report.previewUrl,
    versionId: report.versionId,
    sha: pr.headSha || event.sha,
    strategy: plan.preview?.strategy,
    contract: report.contract,
    failure: report.failure,
    facts: report.facts,
    runUrl: event.runUrl || undefined,
  };
  const attempt = async (what: string, permission: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (error) {
      const status = (error as { status?: number }).status;
      const why = status === 403 || status === 404 ? ` — does the workflow grant \`permissions: ${permission}: write\`?` : "";
      host.warning(`could not ${what} on pull request #${pr.number}: ${(error as Error).message}${why}`);
    }
  };
  await attempt("update the preview comment", "pull-requests", async () => {
    const { done, author } = await github.upsertComment(pr.number, commentMarker(plan.workerName), renderComment(facts));
    ctx.log(`${done} the preview comment on #${pr.number} (as ${author})`);
  });
  if (state === "closed") {
    await attempt("mark the preview deployment inactive", "deployments", async () =>
      ctx.log(`marked ${await github.deactivateEnvironment(environment, facts.runUrl)} deployment(s) of ${environment} inactive`),
    );
  } else if (plan.mode === "preview" && (state === "deployed" || state === "failed")) {
    await attempt("record the GitHub deployment", "deployments", async () => {
      const id = await github.recordDeployment({
        ref: pr.headSha || event.sha,
        environment,
        state: state === "deployed" ? "success" : "failure",
        url: report.previewUrl,
        logUrl: facts.runUrl,
        description: state === "deployed" ? `Preview of ${plan.workerName}` : `Preview of ${plan.workerName} failed`,
      });
      ctx.log(`GitHub deployment ${id} (${environment})`);
    });
  }
}
