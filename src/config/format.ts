// Which wrangler config formats exist, how to tell them apart, and the error that points into one.

export type ConfigFormat = "toml" | "json" | "jsonc";

/** Wrangler's own order of preference when a directory has more than one. */
export const CONFIG_FILE_NAMES = ["wrangler.jsonc", "wrangler.json", "wrangler.toml"] as const;

export function formatOf(path: string): ConfigFormat {
  if (path.endsWith(".toml")) return "toml";
  if (path.endsWith(".jsonc")) return "jsonc";
  if (path.endsWith(".json")) return "json";
  throw new ConfigError(path, undefined, "a wrangler config must end in .toml, .json or .jsonc");
}

/** A problem in the user's config file, located as `file:line:column` like a compiler would. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly position: { line: number; column: number } | undefined,
    readonly detail: string,
  ) {
    super(`${file}${position ? `:${position.line}:${position.column}` : ""}: ${detail}`);
    this.name = "ConfigError";
  }
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
