// Tables in a Durable Object's SQLite database: one table for all of them, keyed by (table, key), so an
// object costs a single CREATE and every row written is one row billed (no secondary index). The cursors'
// own counters are summed, so the cost of each call is measured, not guessed.
import { ApiError } from "../http/errors.js";
import type { Scan, Table, Tables } from "./tables.js";

/** SQLite in a Durable Object stores rows of up to 2 MB; a larger one is refused before SQLite fails on it. */
export const MAX_ROW_BYTES = 2_000_000 - 10_000;

export function tooLarge(what: string, limit: number): ApiError {
  return new ApiError(
    413,
    `This ${what} is too large to store (over ${Math.floor(limit / 1_000_000)} MB).`,
    "invalid_request_error",
    null,
    "state_too_large",
  );
}

const byteLength = (text: string) => (text.length * 3 <= MAX_ROW_BYTES ? text.length : new TextEncoder().encode(text).length);

export interface RowCounts {
  rowsRead: number;
  rowsWritten: number;
}

export class SqlTables implements Tables {
  readonly counts: RowCounts = { rowsRead: 0, rowsWritten: 0 };
  private created = false;

  constructor(private readonly sql: SqlStorage) {}

  private exec(query: string, ...bindings: unknown[]): Record<string, SqlStorageValue>[] {
    const cursor = this.sql.exec(query, ...bindings);
    const rows = cursor.toArray();
    this.counts.rowsRead += cursor.rowsRead;
    this.counts.rowsWritten += cursor.rowsWritten;
    return rows;
  }

  /** A failed operation rolls its transaction back, the CREATE with it: the next one creates the table again. */
  rolledBack(): void {
    this.created = false;
  }

  private ensureCreated(): void {
    if (this.created) return;
    this.exec(
      "CREATE TABLE IF NOT EXISTS rows (t TEXT NOT NULL, key TEXT NOT NULL, tag TEXT, json TEXT NOT NULL, PRIMARY KEY (t, key)) WITHOUT ROWID",
    );
    this.created = true;
  }

  table<T>(name: string): Table<T> {
    const parse = (rows: Record<string, SqlStorageValue>[]) => rows.map((row) => JSON.parse(row.json as string) as T);
    return {
      get: (key) => {
        this.ensureCreated();
        return parse(this.exec("SELECT json FROM rows WHERE t = ? AND key = ?", name, key))[0];
      },
      put: (key, value, tag = null) => {
        this.ensureCreated();
        const json = JSON.stringify(value);
        if (byteLength(json) > MAX_ROW_BYTES) throw tooLarge(name.replace(/s$/, ""), MAX_ROW_BYTES);
        this.exec(
          "INSERT INTO rows (t, key, tag, json) VALUES (?, ?, ?, ?) ON CONFLICT (t, key) DO UPDATE SET tag = excluded.tag, json = excluded.json",
          name,
          key,
          tag,
          json,
        );
      },
      delete: (key) => {
        this.ensureCreated();
        return this.exec("DELETE FROM rows WHERE t = ? AND key = ? RETURNING key", name, key).length > 0;
      },
      scan: (scan) => {
        this.ensureCreated();
        return parse(this.scanRows(name, scan));
      },
      lastKey: () => {
        this.ensureCreated();
        return this.exec("SELECT key FROM rows WHERE t = ? ORDER BY key DESC LIMIT 1", name)[0]?.key as string | undefined;
      },
    };
  }

  /** Only the bounds that are set go into the query, so SQLite walks the primary key from the right place. */
  private scanRows(name: string, scan: Scan): Record<string, SqlStorageValue>[] {
    const where = ["t = ?"];
    const bindings: unknown[] = [name];
    if (scan.above !== undefined) where.push("key > ?"), bindings.push(scan.above);
    if (scan.below !== undefined) where.push("key < ?"), bindings.push(scan.below);
    if (scan.tag !== undefined) where.push("tag = ?"), bindings.push(scan.tag);
    bindings.push(scan.limit);
    return this.exec(
      `SELECT json FROM rows WHERE ${where.join(" AND ")} ORDER BY key ${scan.descending ? "DESC" : "ASC"} LIMIT ?`,
      ...bindings,
    );
  }

  clear(): void {
    this.ensureCreated();
    this.exec("DELETE FROM rows");
  }
}
