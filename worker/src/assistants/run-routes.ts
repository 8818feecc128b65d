// /v1/threads/{thread_id}/runs…, /v1/threads/runs: runs, tool outputs, run steps.
import { meterOf } from "../usage/meter.js";
import { optionalObject, requiredString } from "../http/fields.js";
import { readJsonObject } from "../http/json.js";
import { parseMetadata } from "../openai/metadata.js";
import { objectName, type Call } from "../state/backend.js";
import { OBJECT_KEY_LENGTH, PREFIX, randomChars } from "../state/ids.js";
import { parsePageQuery } from "../state/paging.js";
import { stateRequest, type StateContext, type StateRequest } from "../state/request.js";
import { assistantForRun } from "./assistant-cache.js";
import { type Execution, POLL_AFTER_MS, runInBackground, runStreaming } from "./execute.js";
import { isTransient, type Run, type Thread } from "./objects.js";
import { parseMessages, parseRun, parseThread, parseToolOutputs } from "./requests.js";
import type { StartArgs } from "./run-ops.js";
import { threadOf } from "./routes.js";

/** How long a poll from the SDK's createAndPoll waits for the run to stop, so that one poll is enough. */
export const POLL_HOLD_MS = 20_000;

const pollHeaders = (run: Run): Record<string, string> =>
  isTransient(run.status) ? { "openai-poll-after-ms": String(POLL_AFTER_MS) } : {};

const interrupted = (threadId: string): Call => ({
  op: "runs.interrupt",
  args: { threadId, message: "The run was interrupted before the model's answer could be stored; create a new run." },
});

async function start(c: StateContext, s: StateRequest, object: string, args: StartArgs, stream: boolean, thread?: Thread) {
  const fresh = args.newThread !== undefined;
  const { value: started, session } = await s.backend.start(object, "runs.start", args, {
    abandon: interrupted(args.threadId),
    defer: stream,
    fresh,
  });
  const execution = executionOf(c, s, started, session, args.threadId);
  if (stream) return runStreaming(execution, { thread });
  runInBackground(execution);
  return c.json(started.run, 200, pollHeaders(started.run));
}

export async function createRun(c: StateContext) {
  const s = stateRequest(c);
  const { threadId, object } = threadOf(c);
  const body = await readJsonObject(c.req.raw);
  const additionalMessages = parseMessages(body, "additional_messages");
  const assistant = await assistantForRun(s.backend, requiredString(body, "assistant_id"));
  const { template, stream } = parseRun(body, assistant, s.config);
  return start(c, s, object, { threadId, template, additionalMessages }, stream);
}

export async function createThreadAndRun(c: StateContext) {
  const s = stateRequest(c);
  const body = await readJsonObject(c.req.raw);
  const threadInput = parseThread(optionalObject(body, "thread") ?? {}, "thread");
  const assistant = await assistantForRun(s.backend, requiredString(body, "assistant_id"));
  const { template, stream } = parseRun(body, assistant, s.config);
  const key = randomChars(OBJECT_KEY_LENGTH);
  const threadId = PREFIX.thread + key;
  const thread: Thread = {
    id: threadId,
    object: "thread",
    created_at: Math.floor(Date.now() / 1000),
    tool_resources: threadInput.tool_resources,
    metadata: threadInput.metadata,
  };
  return start(
    c,
    s,
    objectName.thread(key),
    { threadId, template, additionalMessages: [], newThread: { threadId, ...threadInput } },
    stream,
    thread,
  );
}

function runArgs(c: StateContext) {
  const { threadId, object } = threadOf(c);
  const key = stateRequest(c).key("run_id", PREFIX.run, "run");
  return { object, args: { threadId, key, runId: c.req.param("run_id")! } };
}

export async function retrieveRun(c: StateContext) {
  const s = stateRequest(c);
  const { object, args } = runArgs(c);
  const waitMs = c.req.header("x-stainless-poll-helper") === "true" ? POLL_HOLD_MS : 0;
  const run = await s.backend.invoke(object, "runs.get", args, { waitMs });
  return c.json(run, 200, pollHeaders(run));
}

export async function listRuns(c: StateContext) {
  const s = stateRequest(c);
  const { threadId, object } = threadOf(c);
  return c.json(await s.backend.invoke(object, "runs.list", { threadId, query: parsePageQuery(s.url) }));
}

export async function modifyRun(c: StateContext) {
  const s = stateRequest(c);
  const { object, args } = runArgs(c);
  const body = await readJsonObject(c.req.raw);
  const metadata = parseMetadata(body);
  const run =
    metadata === undefined
      ? await s.backend.invoke(object, "runs.get", args)
      : await s.backend.invoke(object, "runs.update", { ...args, metadata });
  return c.json(run, 200, pollHeaders(run));
}

export async function cancelRun(c: StateContext) {
  const { object, args } = runArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "runs.cancel", args));
}

export async function submitToolOutputs(c: StateContext) {
  const s = stateRequest(c);
  const { object, args } = runArgs(c);
  const { outputs, stream } = parseToolOutputs(await readJsonObject(c.req.raw));
  const { value: started, session } = await s.backend.start(
    object,
    "runs.resume",
    { ...args, outputs },
    { abandon: interrupted(args.threadId), defer: stream },
  );
  const execution = executionOf(c, s, started, session, args.threadId);
  if (stream) return runStreaming(execution, { completedStep: started.steps.findLast((step) => step.type === "tool_calls") });
  runInBackground(execution);
  return c.json(started.run, 200, pollHeaders(started.run));
}

export async function listRunSteps(c: StateContext) {
  const s = stateRequest(c);
  const { object, args } = runArgs(c);
  return c.json(await s.backend.invoke(object, "steps.list", { ...args, query: parsePageQuery(s.url) }));
}

export async function retrieveRunStep(c: StateContext) {
  const { object, args } = runArgs(c);
  return c.json(await stateRequest(c).backend.invoke(object, "steps.get", { ...args, stepId: c.req.param("step_id")! }));
}

/** What running the model for a started run needs: the request's bindings, its project and its usage meter. */
function executionOf(
  c: StateContext,
  s: StateRequest,
  started: Execution["started"],
  session: Execution["session"],
  threadId: string,
): Execution {
  return {
    env: s.env,
    config: s.config,
    waitUntil: s.waitUntil,
    started,
    session,
    threadId,
    project: s.backend.project,
    meter: meterOf(c),
  };
}
