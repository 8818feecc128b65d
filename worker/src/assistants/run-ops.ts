// Operations on a thread's runs. A run is one row: the run object with its steps inside. It is written when
// it starts, when it stops (completed, requires_action, failed, cancelled) and when tool outputs resume it;
// `queued` and `in_progress` cost nothing more. Its reply message is one more row, written with the result.
import { badRequest, notFound } from "../http/errors.js";
import { PREFIX } from "../state/ids.js";
import type { Op, OpContext } from "../state/op.js";
import { scanFor, toPage, type Page, type PageQuery } from "../state/paging.js";
import { scanSorted, type Tables } from "../state/tables.js";
import {
  assistantMessage,
  isActive,
  newStep,
  textContent,
  type Message,
  type MessageInput,
  type Metadata,
  type Run,
  type RunRow,
  type RunStep,
  type ToolCall,
  type Usage,
} from "./objects.js";
import { assertNoActiveRun, createThread, insertMessage, latestRun, requireThread, type NewThread } from "./thread-ops.js";

/** How long a run may take before it counts as expired (OpenAI: 10 minutes). */
export const RUN_EXPIRY_SECONDS = 600;
/** `truncation_strategy: auto` sends at most this many of the newest messages. */
export const AUTO_TRUNCATION_MESSAGES = 256;

/**
 * …and at most this many characters of them (as a Responses turn): a thread longer than a model's context
 * keeps its newest messages, the newest always.
 */
export const RUN_CONTEXT_CHARACTERS = 400_000;

const messageCharacters = (message: Message) =>
  message.content.reduce((n, part) => n + (part.type === "text" ? part.text.value.length : part.image_url.url.length), 0);

/** The newest-first `messages` cut where their characters pass `budget` (the first is always kept). */
function newestWithin(messages: Message[], budget: number): Message[] {
  let characters = 0;
  for (let i = 0; i < messages.length; i++) {
    characters += messageCharacters(messages[i]);
    if (characters > budget && i > 0) return messages.slice(0, i);
  }
  return messages;
}

/** What the executor needs to call the model. */
export interface StartedRun {
  run: Run;
  /** The thread's messages the model sees, oldest first. */
  messages: Message[];
  /** Earlier tool calls of this run, with their outputs, in order. */
  toolRounds: ToolCall[][];
  /** The id the reply message will have. */
  replyMessageId: string;
  /** The run's steps so far (after submit_tool_outputs, the last is the tool step just completed). */
  steps: RunStep[];
}

/** The ids of the steps a model answer becomes (chosen by the executor, which may stream them first). */
export interface StepIds {
  message: string;
  tools: string;
}

export type RunResult =
  | { type: "message"; text: string; truncated: boolean; usage: Usage; steps: StepIds }
  | { type: "tool_calls"; text: string; calls: ToolCall[]; usage: Usage; steps: StepIds }
  | { type: "failed"; code: string; message: string };

export interface FinishedRun {
  run: Run;
  /** The reply, when the run wrote one. */
  message: Message | null;
  steps: RunStep[];
}

/** The run as a reader sees it: past its expiry an unfinished run is expired, whatever the row says. */
export function effective(run: Run, now: number): Run {
  if (isActive(run.status) && run.expires_at !== null && now / 1000 >= run.expires_at)
    return { ...run, status: "expired", required_action: null };
  return run;
}

type RunArgs = { threadId: string; key: string; runId: string };

function requireRun(tables: Tables, args: RunArgs): RunRow {
  requireThread(tables, args.threadId);
  const row = tables.table<RunRow>("runs").get(args.key);
  if (!row) throw notFound(`No run found with id '${args.runId}'.`);
  return row;
}

function saveRun(tables: Tables, key: string, row: RunRow): void {
  tables.table<RunRow>("runs").put(key, row);
}

function started(tables: Tables, row: RunRow): StartedRun {
  const strategy = row.run.truncation_strategy;
  const limit = strategy.type === "last_messages" && strategy.last_messages ? strategy.last_messages : AUTO_TRUNCATION_MESSAGES;
  const messages = newestWithin(
    tables.table<Message>("messages").scan({ below: row.replyKey, descending: true, limit }),
    RUN_CONTEXT_CHARACTERS,
  ).reverse();
  const toolRounds = row.steps.flatMap((step) => (step.step_details.type === "tool_calls" ? [step.step_details.tool_calls] : []));
  return { run: row.run, messages, toolRounds, replyMessageId: PREFIX.message + row.replyKey, steps: row.steps };
}

const addUsage = (a: Usage | null, b: Usage): Usage => ({
  prompt_tokens: (a?.prompt_tokens ?? 0) + b.prompt_tokens,
  completion_tokens: (a?.completion_tokens ?? 0) + b.completion_tokens,
  total_tokens: (a?.total_tokens ?? 0) + b.total_tokens,
});

export type RunTemplate = Omit<
  Run,
  | "id"
  | "object"
  | "created_at"
  | "thread_id"
  | "status"
  | "required_action"
  | "last_error"
  | "expires_at"
  | "started_at"
  | "cancelled_at"
  | "failed_at"
  | "completed_at"
  | "incomplete_details"
  | "usage"
>;

export interface StartArgs {
  threadId: string;
  template: RunTemplate;
  additionalMessages: MessageInput[];
  /** POST /threads/runs: the thread is created in the same transaction. */
  newThread?: NewThread;
}

function start(tables: Tables, args: StartArgs, ctx: OpContext): StartedRun {
  if (args.newThread) createThread(tables, args.newThread, ctx);
  requireThread(tables, args.threadId);
  assertNoActiveRun(tables, args.threadId, ctx.now, "create a run on");
  for (const message of args.additionalMessages) insertMessage(tables, ctx, args.threadId, message);
  const key = ctx.key(tables, "runs");
  const run: Run = {
    id: PREFIX.run + key,
    object: "thread.run",
    created_at: ctx.seconds,
    thread_id: args.threadId,
    status: "in_progress",
    required_action: null,
    last_error: null,
    expires_at: ctx.seconds + RUN_EXPIRY_SECONDS,
    started_at: ctx.seconds,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    incomplete_details: null,
    usage: null,
    ...args.template,
  };
  const row: RunRow = { run, steps: [], replyKey: ctx.key(tables, "messages") };
  saveRun(tables, key, row);
  return started(tables, row);
}

function finish(tables: Tables, args: RunArgs & { result: RunResult }, ctx: OpContext): FinishedRun {
  const row = requireRun(tables, args);
  const run = effective(row.run, ctx.now);
  // Cancelled (or expired) while the model was answering: the answer is dropped, nothing is appended.
  if (run.status !== "in_progress") return { run, message: null, steps: row.steps };
  const result = args.result;
  let message: Message | null = null;
  if (result.type === "failed") {
    Object.assign(run, { status: "failed", failed_at: ctx.seconds, last_error: { code: result.code, message: result.message } });
  } else {
    run.usage = addUsage(run.usage, result.usage);
    if (result.type === "message" || result.text) {
      message = assistantMessage(run, PREFIX.message + row.replyKey, ctx.seconds);
      message.content = [textContent(result.text)];
      const truncated = result.type === "message" && result.truncated;
      Object.assign(
        message,
        truncated
          ? { status: "incomplete", incomplete_at: ctx.seconds, incomplete_details: { reason: "max_tokens" } }
          : { status: "completed", completed_at: ctx.seconds },
      );
      tables.table<Message>("messages").put(row.replyKey, message, run.id);
      const step = newStep(run, result.steps.message, ctx.seconds, {
        type: "message_creation",
        message_creation: { message_id: message.id },
      });
      Object.assign(step, { status: "completed", completed_at: ctx.seconds, usage: result.type === "message" ? result.usage : null });
      row.steps.push(step);
    }
    if (result.type === "message") {
      Object.assign(
        run,
        result.truncated
          ? { status: "incomplete", incomplete_details: { reason: "max_completion_tokens" } }
          : { status: "completed", completed_at: ctx.seconds },
      );
    } else {
      const step = newStep(run, result.steps.tools, ctx.seconds, {
        type: "tool_calls",
        tool_calls: result.calls.map((c) => ({ ...c, function: { ...c.function, output: null } })),
      });
      step.usage = result.usage;
      row.steps.push(step);
      Object.assign(run, {
        status: "requires_action",
        required_action: { type: "submit_tool_outputs", submit_tool_outputs: { tool_calls: result.calls } },
      });
    }
  }
  row.run = run;
  saveRun(tables, args.key, row);
  return { run, message, steps: row.steps };
}

function resume(tables: Tables, args: RunArgs & { outputs: { tool_call_id: string; output: string }[] }, ctx: OpContext): StartedRun {
  const row = requireRun(tables, args);
  const run = effective(row.run, ctx.now);
  if (run.status !== "requires_action")
    throw badRequest(`Runs in status '${run.status}' do not accept tool outputs.`, "tool_outputs", "run_not_waiting");
  const pending = run.required_action!.submit_tool_outputs.tool_calls;
  const outputs = new Map(args.outputs.map((o) => [o.tool_call_id, o.output]));
  for (const id of outputs.keys())
    if (!pending.some((call) => call.id === id))
      throw badRequest(`No tool call '${id}' is waiting for output in run ${run.id}.`, "tool_outputs");
  const missing = pending.filter((call) => !outputs.has(call.id)).map((call) => call.id);
  if (missing.length) throw badRequest(`Tool outputs are missing for: ${missing.join(", ")}.`, "tool_outputs");
  const step = row.steps.findLast((s) => s.step_details.type === "tool_calls")!;
  if (step.step_details.type === "tool_calls")
    for (const call of step.step_details.tool_calls) call.function.output = outputs.get(call.id) ?? null;
  Object.assign(step, { status: "completed", completed_at: ctx.seconds });
  Object.assign(run, { status: "in_progress", required_action: null });
  row.run = run;
  row.replyKey = ctx.key(tables, "messages");
  saveRun(tables, args.key, row);
  return started(tables, row);
}

/**
 * Ends the thread's newest run if it is still in progress: called when whatever was running it let go
 * without finishing (a thread has one active run at most, so the newest is the one).
 */
function interrupt(tables: Tables, args: { threadId: string; message: string }, ctx: OpContext): Run | null {
  const row = latestRun(tables);
  if (!row || (row.run.status !== "in_progress" && row.run.status !== "queued")) return null;
  Object.assign(row.run, { status: "failed", failed_at: ctx.seconds, last_error: { code: "server_error", message: args.message } });
  saveRun(tables, row.run.id.slice(PREFIX.run.length), row);
  return row.run;
}

function cancel(tables: Tables, args: RunArgs, ctx: OpContext): Run {
  const row = requireRun(tables, args);
  const run = effective(row.run, ctx.now);
  if (!isActive(run.status)) throw badRequest(`Cannot cancel run with status '${run.status}'.`, null, "run_not_active");
  Object.assign(run, { status: "cancelled", cancelled_at: ctx.seconds, required_action: null });
  for (const step of row.steps) if (step.status === "in_progress") Object.assign(step, { status: "cancelled", cancelled_at: ctx.seconds });
  row.run = run;
  saveRun(tables, args.key, row);
  return run;
}

type StepArgs = RunArgs & { stepId: string };

export const runOps = {
  "runs.start": start,
  "runs.finish": finish,
  "runs.resume": resume,
  "runs.interrupt": interrupt,
  "runs.cancel": cancel,
  "runs.get": ((tables, args, ctx) => effective(requireRun(tables, args).run, ctx.now)) as Op<RunArgs, Run>,
  "runs.update": ((tables, args, ctx) => {
    const row = requireRun(tables, args);
    row.run.metadata = args.metadata;
    saveRun(tables, args.key, row);
    return effective(row.run, ctx.now);
  }) as Op<RunArgs & { metadata: Metadata }, Run>,
  "runs.list": ((tables, args, ctx) => {
    requireThread(tables, args.threadId);
    const { scan, reverse } = scanFor(args.query);
    const rows = tables.table<RunRow>("runs").scan(scan);
    return toPage(
      rows.map((row) => effective(row.run, ctx.now)),
      args.query,
      reverse,
    );
  }) as Op<{ threadId: string; query: PageQuery }, Page<Run>>,
  "steps.list": ((tables, args) => {
    const row = requireRun(tables, args);
    const { scan, reverse } = scanFor(args.query);
    const entries = row.steps
      .map((step) => [step.id.slice(PREFIX.step.length), step, null] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return toPage(scanSorted(entries, scan), args.query, reverse);
  }) as Op<RunArgs & { query: PageQuery }, Page<RunStep>>,
  "steps.get": ((tables, args) => {
    const step = requireRun(tables, args).steps.find((s) => s.id === args.stepId);
    if (!step) throw notFound(`No run step found with id '${args.stepId}'.`);
    return step;
  }) as Op<StepArgs, RunStep>,
};
