// What the stateful APIs need from storage, and nothing more: per object, a few tables of JSON rows ordered
// by key, each row optionally tagged (a message's run_id). The Durable Object keeps them in SQLite, the KV
// backend in one JSON document; the operations on top (assistants/, responses/) are written once against this.

/** One scan: keys strictly between `above` and `below`, in key order or reversed, at most `limit` rows. */
export interface Scan {
  above?: string;
  below?: string;
  descending: boolean;
  limit: number;
  tag?: string;
}

export interface Table<T> {
  get(key: string): T | undefined;
  /** Insert or replace. */
  put(key: string, value: T, tag?: string | null): void;
  delete(key: string): boolean;
  scan(scan: Scan): T[];
  /** The greatest key, to order new keys after it. */
  lastKey(): string | undefined;
}

export interface Tables {
  table<T>(name: string): Table<T>;
  /** Removes everything the object holds (a deleted thread or conversation). */
  clear(): void;
}

/** The in-memory form of a scan, for the document backend and for lists kept inside one row (run steps). */
export function scanSorted<T>(entries: readonly (readonly [string, T, string | null | undefined])[], scan: Scan): T[] {
  const out: T[] = [];
  const n = entries.length;
  for (let i = 0; i < n && out.length < scan.limit; i++) {
    const [key, value, tag] = entries[scan.descending ? n - 1 - i : i];
    if (scan.above !== undefined && key <= scan.above) continue;
    if (scan.below !== undefined && key >= scan.below) continue;
    if (scan.tag !== undefined && tag !== scan.tag) continue;
    out.push(value);
  }
  return out;
}
