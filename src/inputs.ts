// The action's interface: every input and output name lives here and nowhere else.
// action.yml declares the same names; test/action/action-yml.test.ts keeps the two in step.
import { KeyEntryError, parseKeyEntries } from "../worker/src/http/keys.js";

export const INPUT = {
  apiToken: "api-token",
  accountId: "account-id",
  workerName: "worker-name",
  workerDirectory: "worker-directory",
  config: "config",
  apiKeys: "api-keys",
  defaultModel: "default-model",
  vars: "vars",
  kvNamespaces: "kv-namespaces",
  mode: "mode",
  previewStrategy: "preview-strategy",
  contractTests: "contract-tests",
  smokeTest: "smoke-test",
  smokeTestUrl: "smoke-test-url",
  rollbackOnFailure: "rollback-on-failure",
  wranglerVersion: "wrangler-version",
  githubToken: "github-token",
} as const;

export const OUTPUT = {
  mode: "mode",
  workerUrl: "worker-url",
  previewUrl: "preview-url",
  versionId: "version-id",
  kvNamespaces: "kv-namespaces",
  configPath: "config-path",
  contractReport: "contract-report",
} as const;

export type OutputName = (typeof OUTPUT)[keyof typeof OUTPUT];

export const MODES = ["auto", "deploy", "preview", "cleanup", "test", "dry-run"] as const;
export type Mode = (typeof MODES)[number];
export type ResolvedMode = Exclude<Mode, "auto">;

export const PREVIEW_STRATEGIES = ["auto", "worker", "version", "preview"] as const;
export type PreviewStrategy = (typeof PREVIEW_STRATEGIES)[number];

/**
 * The default of `wrangler-version`: today's wrangler. To move it forward, change this one constant, the
 * `wrangler-latest` alias in package.json and action.yml's default (README "Which wrangler" explains);
 * test/action/action-yml.test.ts fails until all of them and the README's matrix agree.
 */
export const DEFAULT_WRANGLER_VERSION = "4.164.0";
/** The oldest wrangler the action is tested with (the dev toolchain's, the last on Node 20). */
export const OLDEST_WRANGLER_VERSION = "4.86.0";
export const DEFAULT_KV_BINDINGS = ["CACHE"];

export interface Inputs {
  apiToken: string;
  accountId: string;
  workerName: string;
  workerDirectory: string;
  config: string;
  apiKeys: string[];
  /** The key of the first api-keys entry (without its project and name): what the smoke test sends. */
  firstKey: string | undefined;
  defaultModel: string;
  vars: Record<string, string>;
  kvNamespaces: string[];
  mode: Mode;
  previewStrategy: PreviewStrategy;
  contractTests: boolean;
  /** Contract groups chosen by name in `contract-tests` (instead of true); empty: what the worker declares. */
  contractGroups: string[];
  smokeTest: boolean;
  smokeTestUrl: string;
  rollbackOnFailure: boolean;
  wranglerVersion: string;
  githubToken: string;
}

/** A mistake in what the user wrote in `with:`; the message names the input (and the line, for multiline ones). */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`input "${input}": ${detail}`);
    this.name = "InputError";
  }
}

type Get = (name: string) => string;

const BINDING_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ACCOUNT_ID = /^[0-9a-f]{32}$/;
const VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

export function parseInputs(get: Get): Inputs {
  const text = (name: string) => get(name).trim();
  const accountId = text(INPUT.accountId);
  if (accountId && !ACCOUNT_ID.test(accountId)) {
    throw new InputError(
      INPUT.accountId,
      "expected the 32-character hex account id from the Cloudflare dashboard (Workers & Pages → Account details)",
    );
  }
  const wranglerVersion = text(INPUT.wranglerVersion) || DEFAULT_WRANGLER_VERSION;
  if (!VERSION.test(wranglerVersion)) {
    throw new InputError(INPUT.wranglerVersion, `"${wranglerVersion}" is not an exact version such as ${DEFAULT_WRANGLER_VERSION}`);
  }
  const kv = parseList(get(INPUT.kvNamespaces), INPUT.kvNamespaces, (name) =>
    BINDING_NAME.test(name) ? undefined : `"${name}" is not a valid binding name (letters, digits and _, not starting with a digit)`,
  );
  const apiKeys = parseList(get(INPUT.apiKeys), INPUT.apiKeys, (key) =>
    /\s/.test(key) ? "a key contains white space; separate keys with commas or new lines" : undefined,
  );
  // Entries are key, project:key or project:name:key, read by the proxy's own parser (worker/src/http/keys.ts).
  let firstKey: string | undefined;
  try {
    firstKey = parseKeyEntries(apiKeys.join(","))[0]?.key;
  } catch (error) {
    if (error instanceof KeyEntryError) throw new InputError(INPUT.apiKeys, error.message);
    throw error;
  }
  return {
    apiToken: text(INPUT.apiToken),
    accountId,
    workerName: text(INPUT.workerName),
    workerDirectory: text(INPUT.workerDirectory),
    config: text(INPUT.config),
    apiKeys,
    firstKey,
    defaultModel: text(INPUT.defaultModel),
    vars: parseVars(get(INPUT.vars)),
    kvNamespaces: kv.length ? unique(kv) : [...DEFAULT_KV_BINDINGS],
    mode: parseChoice(INPUT.mode, text(INPUT.mode) || "auto", MODES),
    previewStrategy: parseChoice(INPUT.previewStrategy, text(INPUT.previewStrategy) || "auto", PREVIEW_STRATEGIES),
    ...parseContractTests(text(INPUT.contractTests)),
    smokeTest: parseBoolean(INPUT.smokeTest, text(INPUT.smokeTest), true),
    smokeTestUrl: parseUrl(INPUT.smokeTestUrl, text(INPUT.smokeTestUrl)),
    rollbackOnFailure: parseBoolean(INPUT.rollbackOnFailure, text(INPUT.rollbackOnFailure), true),
    wranglerVersion,
    githubToken: text(INPUT.githubToken),
  };
}

/** `true`, `false`, or the names of the contract groups to run (comma- or newline-separated). */
function parseContractTests(value: string): { contractTests: boolean; contractGroups: string[] } {
  if (value === "" || /^(true|false)$/i.test(value))
    return { contractTests: parseBoolean(INPUT.contractTests, value, true), contractGroups: [] };
  const groups = parseList(value, INPUT.contractTests, (name) =>
    /^[a-z][a-z-]*$/.test(name) ? undefined : `"${name}" is not true, false or a contract group name`,
  );
  return { contractTests: true, contractGroups: unique(groups) };
}

function parseChoice<T extends string>(input: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InputError(input, `"${value}" is not one of ${choices.join(" | ")}`);
}

function parseBoolean(input: string, value: string, fallback: boolean): boolean {
  if (value === "") return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new InputError(input, `"${value}" is not true or false`);
}

function parseUrl(input: string, value: string): string {
  if (!value) return "";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, `"${value}" is not a URL (expected e.g. https://ai.example.com)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new InputError(input, `"${value}" must be an http(s) URL`);
  }
  return value.replace(/\/+$/, "");
}

/** Comma- or newline-separated values; blank entries and `#` comment lines are ignored. */
function parseList(raw: string, input: string, check: (item: string) => string | undefined): string[] {
  const items: string[] = [];
  raw.split(/\r?\n/).forEach((line, index) => {
    if (line.trim().startsWith("#")) return;
    for (const part of line.split(",")) {
      const item = part.trim();
      if (!item) continue;
      const problem = check(item);
      if (problem) throw new InputError(input, `line ${index + 1}: ${problem}`);
      items.push(item);
    }
  });
  return items;
}

/**
 * Multiline `KEY=VALUE`; the value is everything after the first `=`, kept verbatim (trimmed). The map has no
 * prototype, so names such as `toString`, `constructor` or `__proto__` are ordinary keys; read it with Object.hasOwn.
 */
export function parseVars(raw: string): Record<string, string> {
  const vars: Record<string, string> = Object.create(null);
  raw.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#")) return;
    const eq = trimmed.indexOf("=");
    const key = eq < 0 ? trimmed : trimmed.slice(0, eq).trim();
    if (eq < 0 || !BINDING_NAME.test(key)) {
      throw new InputError(
        INPUT.vars,
        `line ${index + 1}: expected KEY=VALUE with KEY made of letters, digits and _, got "${trimmed.slice(0, 40)}"`,
      );
    }
    if (Object.hasOwn(vars, key)) throw new InputError(INPUT.vars, `line ${index + 1}: ${key} is set twice`);
    vars[key] = trimmed.slice(eq + 1).trim();
  });
  return vars;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
