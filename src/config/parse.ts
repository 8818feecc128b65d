// Parse a wrangler config of any format into plain data, with file:line:column on a syntax error.
import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { parse as parseToml, TomlError } from "smol-toml";
import { ConfigError, positionAt, type ConfigFormat } from "./format.js";

export type WranglerConfig = Record<string, unknown>;

export function parseConfig(text: string, format: ConfigFormat, file: string): WranglerConfig {
  const value = format === "toml" ? parseTomlText(text, file) : parseJsoncText(text, file);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError(file, undefined, "the top level must be an object/table");
  }
  return value as WranglerConfig;
}

function parseJsoncText(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  // Wrangler reads .json and .jsonc alike: comments and trailing commas are allowed in both.
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first)
    throw new ConfigError(file, positionAt(text, first.offset), `invalid JSON: ${describeJsonError(printParseErrorCode(first.error))}`);
  // Objects without a prototype (like smol-toml's tables): jsonc-parser's parse() assigns keys, which turns a
  // "__proto__" key into a prototype change and drops it; the tree's values keep every key as data.
  return tree ? getNodeValue(tree) : undefined;
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function parseTomlText(text: string, file: string): unknown {
  try {
    return parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split("\n")[0].replace(/^Invalid TOML document:\s*/, "");
      throw new ConfigError(file, { line: error.line, column: error.column }, `invalid TOML: ${reason}`);
    }
    throw error;
  }
}

/** What the plan needs to know of a worker's config. */
export function configFacts(config: WranglerConfig): { name: string | undefined; hasDurableObjects: boolean; main: string | undefined } {
  const durable = config.durable_objects as { bindings?: unknown[] } | undefined;
  return {
    name: typeof config.name === "string" ? config.name : undefined,
    hasDurableObjects: Array.isArray(durable?.bindings) && durable.bindings.length > 0,
    main: typeof config.main === "string" ? config.main : undefined,
  };
}
