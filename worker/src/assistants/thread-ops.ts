// Operations on one thread's object: the thread, its messages. (Runs: run-ops.ts.)
import { badRequest, notFound } from "../http/errors.js";
import { keyOf, PREFIX } from "../state/ids.js";
import type { Op, OpContext } from "../state/op.js";
import { scanFor, toPage, type Page, type PageQuery } from "../state/paging.js";
import type { Tables } from "../state/tables.js";
import { isActive, type Message, type MessageInput, type Metadata, type RunRow, type Thread } from "./objects.js";

export const THREAD_KEY = "t";

export function requireThread(tables: Tables, threadId: string): Thread {
  const thread = tables.table<Thread>("thread").get(THREAD_KEY);
  if (!thread) throw notFound(`No thread found with id '${threadId}'.`);
  return thread;
}

/** The newest run: a thread has at most one active run, and it is always the newest. */
export function latestRun(tables: Tables): RunRow | undefined {
  return tables.table<RunRow>("runs").scan({ descending: true, limit: 1 })[0];
}

export function assertNoActiveRun(tables: Tables, threadId: string, now: number, doing: string): void {
  const run = latestRun(tables)?.run;
  if (run && isActive(run.status) && (run.expires_at === null || now / 1000 < run.expires_at)) {
    throw badRequest(`Can't ${doing} ${threadId} while a run ${run.id} is active.`);
  }
}

export function insertMessage(tables: Tables, ctx: OpContext, threadId: string, input: MessageInput): Message {
  const key = ctx.key(tables, "messages");
  const message: Message = {
    id: PREFIX.message + key,
    object: "thread.message",
    created_at: ctx.seconds,
    thread_id: threadId,
    status: "completed",
    incomplete_details: null,
    completed_at: ctx.seconds,
    incomplete_at: null,
    role: input.role,
    content: input.content,
    assistant_id: null,
    run_id: null,
    attachments: input.attachments,
    metadata: input.metadata,
  };
  tables.table<Message>("messages").put(key, message, null);
  return message;
}

export interface NewThread {
  threadId: string;
  metadata: Metadata;
  tool_resources: Record<string, unknown> | null;
  messages: MessageInput[];
}

/** Creates the thread (and its first messages) in an object that must still be empty. */
export function createThread(tables: Tables, args: NewThread, ctx: OpContext): Thread {
  if (tables.table<Thread>("thread").get(THREAD_KEY)) throw badRequest(`Thread ${args.threadId} already exists.`);
  const thread: Thread = {
    id: args.threadId,
    object: "thread",
    created_at: ctx.seconds,
    tool_resources: args.tool_resources,
    metadata: args.metadata,
  };
  tables.table<Thread>("thread").put(THREAD_KEY, thread);
  for (const message of args.messages) insertMessage(tables, ctx, args.threadId, message);
  return thread;
}

type ThreadArgs = { threadId: string };
type MessageArgs = ThreadArgs & { key: string; messageId: string };

function requireMessage(tables: Tables, args: MessageArgs): Message {
  requireThread(tables, args.threadId);
  const message = tables.table<Message>("messages").get(args.key);
  if (!message) throw notFound(`No message found with id '${args.messageId}'.`);
  return message;
}

export const threadOps = {
  "threads.create": createThread,
  "threads.get": ((tables, args) => requireThread(tables, args.threadId)) as Op<ThreadArgs, Thread>,
  "threads.update": ((tables, args) => {
    const thread = requireThread(tables, args.threadId);
    if (args.metadata !== undefined) thread.metadata = args.metadata;
    if (args.tool_resources !== undefined) thread.tool_resources = args.tool_resources;
    tables.table<Thread>("thread").put(THREAD_KEY, thread);
    return thread;
  }) as Op<ThreadArgs & { metadata?: Metadata; tool_resources?: Record<string, unknown> | null }, Thread>,
  "threads.delete": ((tables, args) => {
    requireThread(tables, args.threadId);
    tables.clear();
    return { id: args.threadId, object: "thread.deleted", deleted: true };
  }) as Op<ThreadArgs, { id: string; object: "thread.deleted"; deleted: true }>,

  "messages.create": ((tables, args, ctx) => {
    requireThread(tables, args.threadId);
    assertNoActiveRun(tables, args.threadId, ctx.now, "add messages to");
    return insertMessage(tables, ctx, args.threadId, args.message);
  }) as Op<ThreadArgs & { message: MessageInput }, Message>,
  "messages.get": ((tables, args) => requireMessage(tables, args)) as Op<MessageArgs, Message>,
  "messages.update": ((tables, args) => {
    const message = requireMessage(tables, args);
    message.metadata = args.metadata;
    tables.table<Message>("messages").put(args.key, message, message.run_id);
    return message;
  }) as Op<MessageArgs & { metadata: Metadata }, Message>,
  "messages.delete": ((tables, args) => {
    requireMessage(tables, args);
    tables.table<Message>("messages").delete(args.key);
    return { id: args.messageId, object: "thread.message.deleted", deleted: true };
  }) as Op<MessageArgs, { id: string; object: "thread.message.deleted"; deleted: true }>,
  "messages.list": ((tables, args) => {
    requireThread(tables, args.threadId);
    const { scan, reverse } = scanFor(args.query, args.runId);
    if (args.runId !== undefined) {
      // A run's messages were all made after the run: start the scan at its key, not at the thread's start.
      const runKey = keyOf(args.runId, PREFIX.run);
      if (runKey === undefined) return toPage([], args.query, false);
      if (scan.above === undefined || scan.above < runKey) scan.above = runKey;
    }
    return toPage(tables.table<Message>("messages").scan(scan), args.query, reverse);
  }) as Op<ThreadArgs & { query: PageQuery; runId?: string }, Page<Message>>,
};
