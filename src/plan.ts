// Stage 1, pure: from the inputs, the triggering event and the worker's config, decide what this run does
// and what everything is called. No I/O here, so every branch is a unit test.
import { createHash } from "node:crypto";
import type { Inputs, ResolvedMode } from "./inputs.js";
import { INPUT } from "./inputs.js";
import type { RunEvent } from "./event.js";

export interface WorkerFacts {
  /** `name` from the wrangler config, if it has one. */
  name: string | undefined;
  /** The config path as the user would read it, for messages. */
  configLabel: string;
  hasDurableObjects: boolean;
  /**
   * Whether the wrangler in use has Worker Previews (`wrangler preview` with --secrets-file); undefined until
   * the wrangler is located (preflight plans again with it).
   */
  workerPreviews?: { supported: boolean; version: string };
}

export interface NamespacePlan {
  binding: string;
  title: string;
}

export interface Plan {
  mode: ResolvedMode;
  /** One sentence: why this mode (event, input, fork). */
  reason: string;
  /** Set when the run deliberately does less than asked (fork pull request): shown as a notice. */
  notice: string | undefined;
  /** The production worker. */
  workerName: string;
  /** The worker this run writes to: the production one (also for version and Worker Previews), or `<worker>-pr-<N>` for a worker preview. */
  targetName: string;
  preview: PreviewPlan | undefined;
  namespaces: NamespacePlan[];
}

export interface PreviewPlan {
  number: number;
  /** worker: `<worker>-pr-<N>`; version: a version with an alias; preview: a Worker Preview named `pr-<N>`. */
  strategy: "worker" | "version" | "preview";
  /** `pr-<N>` for version previews when it fits a DNS label with the worker name; otherwise undefined. */
  alias: string | undefined;
  /** The Worker Preview's name (`pr-<N>`), for strategy preview. */
  previewName: string;
  /** One sentence: why this strategy, for the log. */
  why: string;
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_LABEL = 63;
const PREVIEW_EVENT_ACTIONS = ["opened", "synchronize", "reopened"];

export function plan(inputs: Inputs, event: RunEvent, worker: WorkerFacts): Plan {
  const workerName = chooseWorkerName(inputs, worker);
  const decided = decideMode(inputs, event);
  let { mode } = decided;
  let notice: string | undefined;

  const pr = event.pullRequest;
  if ((mode === "preview" || mode === "cleanup") && !pr) {
    throw new PlanError(
      `mode "${mode}" needs a pull_request event to know which preview to ${mode === "preview" ? "deploy" : "remove"}; this run was triggered by "${event.name || "nothing (local run)"}"`,
    );
  }
  // Forks (and Dependabot) get no secrets on pull_request: test what can be tested, deploy nothing, say why.
  const noSecrets = pr?.fromFork || (inputs.mode === "auto" && !inputs.apiToken);
  if ((mode === "preview" || mode === "cleanup") && pr && noSecrets) {
    const who = pr.fromFork ? "comes from a fork" : "runs without the api-token secret (as Dependabot's and forks' pull requests do)";
    notice =
      mode === "preview"
        ? `Pull request #${pr.number} ${who}, so this run has no Cloudflare credentials: the contract tests ran, nothing was deployed. A maintainer can deploy it by pushing the branch to this repository.`
        : `Pull request #${pr.number} ${who}: it never had a preview, so there is nothing to clean up; the contract tests ran instead.`;
    mode = "test";
  }

  let preview: PreviewPlan | undefined;
  let targetName = workerName;
  if ((mode === "preview" || mode === "cleanup") && pr) {
    const { strategy, why } = chooseStrategy(inputs, worker);
    const alias = `pr-${pr.number}`;
    preview = {
      number: pr.number,
      strategy,
      alias: strategy === "version" && alias.length + 1 + workerName.length <= MAX_LABEL ? alias : undefined,
      previewName: alias,
      why,
    };
    if (strategy === "worker") targetName = previewWorkerName(workerName, pr.number);
  }

  const suffix = preview ? "-preview" : "";
  // A Worker Preview has state of its own: its namespaces are named like a worker preview's, and removed with it.
  const owner = preview?.strategy === "preview" ? previewWorkerName(workerName, preview.number) : targetName;
  const namespaces = inputs.kvNamespaces.map((binding) => ({ binding, title: `${owner}-${binding}${suffix}` }));
  return { mode, reason: decided.reason, notice, workerName, targetName, preview, namespaces };
}

/** The first wrangler whose `wrangler preview` is out of private beta and takes --secrets-file (4.133.0 is still private beta; checked in the packages). */
export const WORKER_PREVIEWS_SINCE = "4.134.0";

export function supportsWorkerPreviews(wranglerVersion: string): boolean {
  const [a, b] = [wranglerVersion, WORKER_PREVIEWS_SINCE].map((v) => v.split("-")[0].split(".").map(Number));
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

function chooseStrategy(inputs: Inputs, worker: WorkerFacts): { strategy: PreviewPlan["strategy"]; why: string } {
  const asked = inputs.previewStrategy;
  const wp = worker.workerPreviews;
  const input = `input "${INPUT.previewStrategy}"`;
  if (asked === "version" && worker.hasDurableObjects) {
    throw new PlanError(
      `${input}: "version" cannot preview ${worker.configLabel}: it declares Durable Objects, and Cloudflare generates no ` +
        `version preview URLs for such workers. Use "preview", "worker" or "auto".`,
    );
  }
  if (asked === "preview" && wp && !wp.supported) {
    throw new PlanError(
      `${input}: "preview" needs Worker Previews (\`wrangler preview\`), which wrangler ${wp.version} does not have: ` +
        `set input "${INPUT.wranglerVersion}" to ${WORKER_PREVIEWS_SINCE} or later (Node 22+), or use "worker" or "version".`,
    );
  }
  if (asked !== "auto") return { strategy: asked, why: `${input} is "${asked}"` };
  if (!worker.hasDurableObjects) {
    return {
      strategy: "version",
      why: "auto: no Durable Objects, so a version preview of the production worker (shared preview KV namespaces) suffices",
    };
  }
  if (wp?.supported) {
    const own = "which give each preview its own Durable Object namespaces";
    return {
      strategy: "preview",
      why: `auto: Durable Objects need isolated state, and wrangler ${wp.version} has Worker Previews, ${own}`,
    };
  }
  const which = wp
    ? `wrangler ${wp.version} has no Worker Previews (they need ${WORKER_PREVIEWS_SINCE}+)`
    : "the wrangler in use is not known yet";
  return { strategy: "worker", why: `auto: Durable Objects need isolated state and ${which}, so a separate worker per pull request` };
}

function chooseWorkerName(inputs: Inputs, worker: WorkerFacts): string {
  const fromInput = inputs.workerName;
  const name = fromInput || worker.name;
  const source = fromInput ? `input "${INPUT.workerName}"` : `"name" in ${worker.configLabel}`;
  if (!name) {
    throw new PlanError(`no worker name: set input "${INPUT.workerName}" or "name" in ${worker.configLabel}`);
  }
  if (!DNS_LABEL.test(name)) {
    throw new PlanError(
      `${source}: "${name}" is not a valid worker name: use 1–63 lowercase letters, digits and hyphens, not starting or ending with a hyphen (it becomes a DNS label on workers.dev)`,
    );
  }
  return name;
}

function decideMode(inputs: Inputs, event: RunEvent): { mode: ResolvedMode; reason: string } {
  if (inputs.mode !== "auto") return { mode: inputs.mode, reason: `input "${INPUT.mode}" is "${inputs.mode}"` };
  const on = `event "${event.name}"`;
  switch (event.name) {
    case "":
      return { mode: "dry-run", reason: "not running in GitHub Actions: local dry run" };
    case "push":
    case "schedule":
    case "workflow_dispatch":
      return { mode: "deploy", reason: `${on} → deploy` };
    case "pull_request": {
      if (PREVIEW_EVENT_ACTIONS.includes(event.action)) return { mode: "preview", reason: `${on} (${event.action}) → preview` };
      if (event.action === "closed") return { mode: "cleanup", reason: `${on} (closed) → cleanup` };
      throw new PlanError(
        `${on} with action "${event.action}" has no automatic mode: limit the workflow to \`on: pull_request: types: [opened, synchronize, reopened, closed]\` or set input "${INPUT.mode}"`,
      );
    }
    case "pull_request_target":
      throw new PlanError(
        `${on} is not deployed automatically: it runs with this repository's secrets, so deploying the pull request's code from it would hand them to whoever opened it. Use "pull_request" (forks then get a contract-test-only run), or set input "${INPUT.mode}" if you really deploy trusted code.`,
      );
    default:
      throw new PlanError(
        `${on} has no automatic mode (push, schedule and workflow_dispatch deploy; pull_request previews and cleans up): set input "${INPUT.mode}"`,
      );
  }
}

/** `<worker>-pr-<N>`, shortened with a hash of the full name when it would not fit one DNS label. */
export function previewWorkerName(workerName: string, number: number): string {
  const suffix = `-pr-${number}`;
  const full = workerName + suffix;
  if (full.length <= MAX_LABEL) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 6);
  const keep = MAX_LABEL - suffix.length - hash.length - 1;
  return `${workerName.slice(0, keep).replace(/-+$/, "")}-${hash}${suffix}`;
}
