// The default backend: one SQLite-backed Durable Object per thread, per conversation or response chain, and
// one for the assistants. Every operation runs in one transaction, so concurrent writers all land and a
// failed operation leaves nothing half-written. Each answer carries the rows it read and wrote.
import { DurableObject, RpcTarget } from "cloudflare:workers";
import type { Env } from "../env.js";
import type { Call } from "./backend.js";
import { capture, createContext, type Outcome } from "./op.js";
import { isPending, runOp, type OpName } from "./registry.js";
import { Signal, settle } from "./signal.js";
import { SqlTables, type RowCounts } from "./sql-tables.js";
import type { Admission, Spent } from "../usage/budgets.js";
import { type AdmitRequest, type ErrorRow, UsageLedger, type UsageQuery, type UsageRow } from "../usage/ledger.js";
import type { UsageRecord } from "../usage/record.js";

export interface Answer<R = unknown> {
  outcome: Outcome<R>;
  rows: RowCounts;
}

export class StateObject extends DurableObject<Env> {
  private readonly tables: SqlTables;
  private readonly changed = new Signal();
  /** Sessions whose run is still being worked on somewhere: only then is a poll worth holding. */
  liveSessions = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.tables = new SqlTables(ctx.storage.sql);
  }

  apply(op: OpName, args: unknown): Answer {
    const before = { ...this.tables.counts };
    const outcome = capture(() => {
      try {
        return this.ctx.storage.transactionSync(() => runOp(op, this.tables, args as never, createContext()));
      } catch (error) {
        this.tables.rolledBack();
        throw error;
      }
    });
    const rows = {
      rowsRead: this.tables.counts.rowsRead - before.rowsRead,
      rowsWritten: this.tables.counts.rowsWritten - before.rowsWritten,
    };
    if (rows.rowsWritten > 0) this.changed.notify();
    return { outcome, rows };
  }

  async invoke(op: OpName, args: unknown, waitMs = 0): Promise<Answer> {
    if (!waitMs) return this.apply(op, args);
    const rows: RowCounts = { rowsRead: 0, rowsWritten: 0 };
    const answer = await settle(
      async () => {
        const answer = this.apply(op, args);
        rows.rowsRead += answer.rows.rowsRead;
        rows.rowsWritten += answer.rows.rowsWritten;
        return answer;
      },
      (answer) => answer.outcome.ok && isPending(op, answer.outcome.value),
      waitMs,
      (ms) => this.changed.wait(ms),
      () => this.liveSessions > 0,
    );
    return { outcome: answer.outcome, rows };
  }

  /** The usage ledger lives in one object of this class (usage/store.ts names it); others never create its tables. */
  private ledgerOf(): UsageLedger {
    this.ledger ??= new UsageLedger(this.ctx.storage.sql);
    return this.ledger;
  }

  private ledger: UsageLedger | undefined;

  recordUsage(records: UsageRecord[], nowMs: number): RowCounts {
    const ledger = this.ledgerOf();
    const before = { ...ledger.counts };
    this.ctx.storage.transactionSync(() => ledger.record(records, nowMs));
    return { rowsRead: ledger.counts.rowsRead - before.rowsRead, rowsWritten: ledger.counts.rowsWritten - before.rowsWritten };
  }

  admitUsage(request: AdmitRequest): Admission {
    return this.ctx.storage.transactionSync(() => this.ledgerOf().admit(request));
  }

  spentToday(projects: string[], nowMs: number): Spent[] {
    return projects.map((project) => this.ledgerOf().spent(project, nowMs));
  }

  usageProjects(fromDay: string, nowMs: number): string[] {
    return this.ledgerOf().projects(fromDay, nowMs);
  }

  queryUsage(query: UsageQuery, nowMs: number): UsageRow[] {
    return this.ledgerOf().query(query, nowMs);
  }

  usageErrors(fromDay: string, toDay: string, projects: string[] | undefined, nowMs: number): ErrorRow[] {
    return this.ledgerOf().errors(fromDay, toDay, projects, nowMs);
  }

  start(op: OpName, args: unknown, abandon?: Call): { answer: Answer; session: RunSession | null } {
    const answer = this.apply(op, args);
    return { answer, session: answer.outcome.ok ? new RunSession(this, abandon) : null };
  }
}

/** Handed to the worker that runs the model; its `finish` is part of the same RPC session as `start`. */
export class RunSession extends RpcTarget {
  private open = true;

  constructor(
    private readonly object: StateObject,
    private readonly abandon: Call | undefined,
  ) {
    super();
    object.liveSessions++;
  }

  finish(op: OpName, args: unknown): Answer {
    this.end();
    return this.object.apply(op, args);
  }

  /** Called when the worker lets go of the session, or its request ends without finishing. */
  [Symbol.dispose](): void {
    if (this.open && this.abandon) this.object.apply(this.abandon.op, this.abandon.args);
    this.end();
  }

  private end(): void {
    if (!this.open) return;
    this.open = false;
    this.object.liveSessions--;
  }
}
