// API_KEYS entries: who a key belongs to. Pure parsing, no I/O; auth.ts compares the keys.
//
//   key                  → project "default", no name
//   project:key          → that project
//   project:name:key     → that project, and a name for logs (may be empty: `project::key`)
//
// An entry is split at its first two ':' only, so a key that itself contains ':' is written in the third
// form (`default::abc:def` is the key `abc:def` of project default); a bare `abc:def` means key `def` of
// project `abc`. Keys never leave this module's callers: logs and responses carry the project and the name.

/** A malformed API_KEYS entry; the message names its position, never its key. The proxy answers it as a 500 naming
 * API_KEYS (auth.ts); the action refuses its api-keys input with it before deploying. */
export class KeyEntryError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "KeyEntryError";
  }
}

export const DEFAULT_PROJECT = "default";
export const PROJECT_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const KEY_NAME = /^[A-Za-z0-9_.@-]{1,64}$/;

export interface KeyEntry {
  project: string;
  /** For logs: the entry's name, or `<project>#<position in API_KEYS>` when it has none. Never the key. */
  name: string;
  key: string;
}

/** Entries are separated by commas or newlines; blanks are skipped. A malformed entry names its position, never its key. */
export function parseKeyEntries(source: string | undefined): KeyEntry[] {
  const entries = (source ?? "")
    .split(/[\n,]/)
    .map((k) => k.trim())
    .filter(Boolean);
  const parsed = entries.map((entry, i) => {
    const position = i + 1;
    const first = entry.indexOf(":");
    if (first < 0) return { project: DEFAULT_PROJECT, name: `${DEFAULT_PROJECT}#${position}`, key: entry };
    const project = entry.slice(0, first);
    const rest = entry.slice(first + 1);
    const second = rest.indexOf(":");
    const name = second < 0 ? "" : rest.slice(0, second);
    const key = second < 0 ? rest : rest.slice(second + 1);
    const where = `entry ${position} (of ${entries.length})`;
    if (!PROJECT_NAME.test(project)) {
      throw new KeyEntryError(
        `${where} has a project name that is not 1-64 letters, digits, '_' or '-'. Entries are key, project:key or project:name:key.`,
      );
    }
    if (name !== "" && !KEY_NAME.test(name)) {
      throw new KeyEntryError(`${where} has a key name that is not 1-64 letters, digits, '_', '.', '@' or '-'.`);
    }
    if (key.trim() === "") throw new KeyEntryError(`${where} (project ${project}) has an empty key.`);
    return { project, name: name || `${project}#${position}`, key: key.trim() };
  });
  // One key in two projects would make its objects depend on the order of the list.
  const projectOf = new Map<string, string>();
  parsed.forEach((entry, i) => {
    const other = projectOf.get(entry.key);
    if (other !== undefined && other !== entry.project) {
      throw new KeyEntryError(
        `entry ${i + 1} gives project ${entry.project} a key that an earlier entry gives project ${other}; a key belongs to one project.`,
      );
    }
    projectOf.set(entry.key, entry.project);
  });
  return parsed;
}
