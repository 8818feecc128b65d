// Tables held in a plain object: the KV backend keeps one such document per thread or conversation.
// Values are copied in and out, as they are by SQL, so an operation behaves the same on either backend.
import { scanSorted, type Table, type Tables } from "./tables.js";

/** Tables held in a plain object: the KV backend's document. Values are copied in and out, as SQL would. */
export interface TableDocument {
  /** Bumped on every write: which of two copies is newer. */
  version: number;
  tables: Record<string, Record<string, { tag: string | null; value: unknown }>>;
}

export class DocumentTables implements Tables {
  dirty = false;

  constructor(readonly doc: TableDocument) {}

  table<T>(name: string): Table<T> {
    const rows = () => (this.doc.tables[name] ??= {});
    return {
      // Own properties only: a key can never reach Object.prototype ("__proto__", "constructor").
      get: (key) => {
        const held = this.doc.tables[name];
        const row = held && Object.hasOwn(held, key) ? held[key] : undefined;
        return row ? (structuredClone(row.value) as T) : undefined;
      },
      put: (key, value, tag = null) => {
        const row = { tag, value: structuredClone(value) };
        // Assigning to "__proto__" would set the prototype instead of adding a row.
        if (key === "__proto__") Object.defineProperty(rows(), key, { value: row, enumerable: true, configurable: true, writable: true });
        else rows()[key] = row;
        this.dirty = true;
      },
      delete: (key) => {
        const held = this.doc.tables[name];
        if (!held || !Object.hasOwn(held, key)) return false;
        delete held[key];
        this.dirty = true;
        return true;
      },
      scan: (scan) => {
        const sorted = Object.keys(this.doc.tables[name] ?? {}).sort();
        const entries = sorted.map((key) => {
          const row = rows()[key];
          return [key, row.value, row.tag] as const;
        });
        return scanSorted(entries, scan).map((value) => structuredClone(value) as T);
      },
      lastKey: () =>
        Object.keys(this.doc.tables[name] ?? {})
          .sort()
          .at(-1),
    };
  }

  clear(): void {
    this.doc.tables = {};
    this.dirty = true;
  }
}
