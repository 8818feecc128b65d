// A scanner that finds where things are in a TOML document without rebuilding it, so that the patcher can
// change a few values and leave every comment, blank line and key order the user wrote exactly as it was.
// Validity is smol-toml's job (parse first); this only has to locate tables, keys and value spans.

export interface TomlHeader {
  kind: "header";
  path: string[];
  /** `[[x]]` rather than `[x]`. */
  arrayOfTables: boolean;
  start: number;
  /** Offset just after the end of the header's line (after its newline, or the end of the text). */
  lineEnd: number;
}

export interface TomlKeyValue {
  kind: "kv";
  /** Dotted key, relative to the table it sits in. */
  key: string[];
  /** The enclosing header, or undefined for the root table. */
  table: TomlHeader | undefined;
  lineStart: number;
  valueStart: number;
  valueEnd: number;
  lineEnd: number;
}

export type TomlEntry = TomlHeader | TomlKeyValue;

export function scanToml(text: string): TomlEntry[] {
  const entries: TomlEntry[] = [];
  let table: TomlHeader | undefined;
  let i = 0;
  const n = text.length;

  const skipSpaces = () => {
    while (i < n && (text[i] === " " || text[i] === "\t")) i++;
  };
  const skipComment = () => {
    if (text[i] === "#") while (i < n && text[i] !== "\n") i++;
  };
  const toLineEnd = () => {
    skipSpaces();
    skipComment();
    while (i < n && text[i] !== "\n") i++;
    if (i < n) i++;
    return i;
  };

  while (i < n) {
    const lineStart = i;
    skipSpaces();
    if (i >= n) break;
    const c = text[i];
    if (c === "\n" || c === "\r" || c === "#") {
      toLineEnd();
      continue;
    }
    if (c === "[") {
      const arrayOfTables = text[i + 1] === "[";
      i += arrayOfTables ? 2 : 1;
      const path = readKey();
      skipSpaces();
      i += arrayOfTables ? 2 : 1;
      table = { kind: "header", path, arrayOfTables, start: lineStart, lineEnd: toLineEnd() };
      entries.push(table);
      continue;
    }
    const key = readKey();
    skipSpaces();
    i++; // "="
    skipSpaces();
    const valueStart = i;
    i = valueEnd(text, i);
    const valueEndAt = i;
    entries.push({ kind: "kv", key, table, lineStart, valueStart, valueEnd: valueEndAt, lineEnd: toLineEnd() });
  }
  return entries;

  function readKey(): string[] {
    const parts: string[] = [];
    for (;;) {
      skipSpaces();
      const q = text[i];
      if (q === '"' || q === "'") {
        const end = stringEnd(text, i);
        parts.push(q === '"' ? JSON.parse(text.slice(i, end)) : text.slice(i + 1, end - 1));
        i = end;
      } else {
        const start = i;
        while (i < n && /[A-Za-z0-9_-]/.test(text[i])) i++;
        parts.push(text.slice(start, i));
      }
      skipSpaces();
      if (text[i] !== ".") return parts;
      i++;
    }
  }
}

/** Offset just after the value that starts at `i`. */
export function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"' || c === "'") return stringEnd(text, i);
  if (c === "[" || c === "{") {
    const close = c === "[" ? "]" : "}";
    i++;
    for (;;) {
      i = skipBlank(text, i);
      if (text[i] === close) return i + 1;
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (c === "{") {
        // key = value inside an inline table
        while (i < text.length && text[i] !== "=") i = text[i] === '"' || text[i] === "'" ? stringEnd(text, i) : i + 1;
        i = skipBlank(text, i + 1);
      }
      i = valueEnd(text, i);
    }
  }
  while (i < text.length && !/[\s,\]}#]/.test(text[i])) i++;
  return i;
}

function skipBlank(text: string, i: number): number {
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text[i] !== "#") return i;
    while (i < text.length && text[i] !== "\n") i++;
  }
}

/** Offset just after the string (basic, literal, or their multi-line forms) that starts at `i`. */
function stringEnd(text: string, i: number): number {
  const q = text[i];
  const triple = text.startsWith(q.repeat(3), i);
  const delimiter = triple ? q.repeat(3) : q;
  let j = i + delimiter.length;
  while (j < text.length) {
    if (q === '"' && text[j] === "\\") {
      j += 2;
      continue;
    }
    if (text.startsWith(delimiter, j)) {
      j += delimiter.length;
      // A multi-line string may end with up to two extra quotes of its own: """a""""" is `a""`.
      for (let extra = 0; triple && extra < 2 && text[j] === q; extra++) j++;
      return j;
    }
    if (!triple && text[j] === "\n") return j;
    j++;
  }
  return j;
}
