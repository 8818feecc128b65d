// Host for `npm start` in a terminal: inputs come from `--name value` flags, then from the
// environment variables wrangler itself reads, then from the action's defaults.
import { INPUT } from "./inputs.js";
import type { Host } from "./host.js";

const ENV_FALLBACK: Record<string, string> = {
  [INPUT.apiToken]: "CLOUDFLARE_API_TOKEN",
  [INPUT.accountId]: "CLOUDFLARE_ACCOUNT_ID",
  [INPUT.githubToken]: "GITHUB_TOKEN",
};

export const LOCAL_USAGE = `Usage: npm start -- [--mode dry-run|test|deploy] [--worker-directory DIR] [--NAME VALUE …]
Every action input is a flag of the same name. Without flags this is a dry run of the shipped worker:
no Cloudflare account, no network. --mode deploy with CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID set deploys for real.`;

export function parseFlags(argv: string[]): Record<string, string> {
  const known = new Set<string>(Object.values(INPUT));
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match || !known.has(match[1])) throw new Error(`unknown argument "${arg}"\n${LOCAL_USAGE}`);
    let value = match[2];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`--${match[1]} needs a value\n${LOCAL_USAGE}`);
    }
    flags[match[1]] = value;
  }
  return flags;
}

export function localHost(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  out: (line: string) => void = console.log,
): Host & { outputs: Record<string, string> } {
  const flags = parseFlags(argv);
  const secrets: string[] = [];
  const mask = (text: string) => secrets.reduce((t, s) => t.split(s).join("***"), text);
  const print = (line: string) => out(mask(line));
  const outputs: Record<string, string> = {};
  let depth = 0;
  return {
    local: true,
    env,
    outputs,
    input: (name) => flags[name] ?? (ENV_FALLBACK[name] ? (env[ENV_FALLBACK[name]] ?? "") : ""),
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    setSecret: (value) => {
      if (value) secrets.push(value);
    },
    info: (message) => print("  ".repeat(depth) + message),
    notice: (message) => print(`${"  ".repeat(depth)}notice: ${message}`),
    warning: (message) => print(`${"  ".repeat(depth)}warning: ${message}`),
    group: async (name, fn) => {
      print(`${"  ".repeat(depth)}▸ ${name}`);
      depth++;
      try {
        return await fn();
      } finally {
        depth--;
      }
    },
    appendSummary: async (markdown) => {
      print("");
      for (const line of markdown.trimEnd().split("\n")) print(line);
    },
    fail: (message) => {
      print(`error: ${message}`);
      process.exitCode = 1;
    },
  };
}
