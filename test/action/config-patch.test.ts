// Stage 3's core: text in, text out, comments and unowned keys untouched, malformed input located.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/format.js";
import { applyPatch, patchConfig, type ConfigPatch } from "../../src/config/patch.js";
import { configFacts, parseConfig } from "../../src/config/parse.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "configs", name), "utf8");
const patch: ConfigPatch = {
  name: "new-name",
  kv: [
    { binding: "CACHE", id: "11111111111111111111111111111111" },
    { binding: "STATE_KV", id: "22222222222222222222222222222222" },
  ],
  vars: { DEFAULT_AI_MODEL: "@cf/meta/llama-3.1-8b-instruct", "WITH SPACE": 'quote " and \\ and ü' },
};

/** Lines of `after` that are not in `before`, and the reverse. */
function lineDiff(before: string, after: string) {
  const a = before.split("\n");
  const b = after.split("\n");
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe.each([
  ["hono-template.toml", "toml"],
  ["inline.toml", "toml"],
  ["commented.jsonc", "jsonc"],
] as const)("%s", (file, format) => {
  const before = fixture(file);
  const after = patchConfig(before, format, patch, file);

  it("means exactly the original plus the patch", () => {
    expect(parseConfig(after, format, file)).toEqual(applyPatch(parseConfig(before, format, file), patch));
  });

  it("is idempotent", () => {
    expect(patchConfig(after, format, patch, file)).toBe(after);
  });

  it("keeps every comment", () => {
    const comments = (text: string) =>
      text
        .split("\n")
        .map((l) => /(#|\/\/|\/\*|\*).*$/.exec(l)?.[0])
        .filter(Boolean);
    for (const comment of comments(before)) expect(after).toContain(comment);
  });
});

describe("TOML specifics", () => {
  it("changes only the owned lines of a [[kv_namespaces]] config", () => {
    const before = fixture("hono-template.toml");
    const { removed } = lineDiff(before, patchConfig(before, "toml", patch, "wrangler.toml"));
    expect(removed).toEqual(['name = "my-app"', 'id = "0f2ac74b498b48028cb68387c421e279" # replaced by the action']);
  });

  it("leaves the environments alone", () => {
    const after = parseConfig(patchConfig(fixture("hono-template.toml"), "toml", patch, "w.toml"), "toml", "w.toml") as any;
    expect(after.env.staging).toEqual({
      name: "my-app-staging",
      vars: { ENVIRONMENT: "staging" },
      kv_namespaces: [{ binding: "CACHE", id: "staging-cache-id" }],
      triggers: { crons: [] },
    });
  });

  it("does not mistake text inside a multi-line string for a table", () => {
    const after = patchConfig(fixture("inline.toml"), "toml", patch, "w.toml");
    expect(after).toContain('"""\n[[kv_namespaces]]\nname = "not a key"\n"""');
    expect((parseConfig(after, "toml", "w.toml") as any).kv_namespaces).toEqual([
      { binding: "CACHE", preview_id: "p1", id: "11111111111111111111111111111111" },
      { binding: "OTHER", id: "keep" },
      { binding: "STATE_KV", id: "22222222222222222222222222222222" },
    ]);
  });

  it("keeps CRLF line endings", () => {
    const before = 'name = "a"\r\n\r\n[vars]\r\nX = "1"\r\n';
    const after = patchConfig(before, "toml", patch, "w.toml");
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("writes into an empty file", () => {
    const after = patchConfig("", "toml", patch, "w.toml");
    expect(parseConfig(after, "toml", "w.toml")).toEqual(applyPatch({}, patch));
  });

  it("handles vars written as dotted keys", () => {
    const after = patchConfig('main = "a.js"\nvars.A = "1"\n', "toml", patch, "w.toml");
    expect((parseConfig(after, "toml", "w.toml") as any).vars).toEqual({ A: "1", ...patch.vars });
  });
});

describe("JSON specifics", () => {
  it("patches plain JSON and keeps its indentation", () => {
    const before = JSON.stringify({ name: "x", main: "i.js", kv_namespaces: [{ binding: "CACHE" }] }, null, 4);
    const after = patchConfig(before, "json", patch, "wrangler.json");
    expect(after).toContain('\n    "name": "new-name"');
    expect(JSON.parse(after)).toEqual(applyPatch(JSON.parse(before), patch));
  });
  it("keeps tabs", () => {
    expect(patchConfig(fixture("commented.jsonc"), "jsonc", patch, "w.jsonc")).toMatch(/\n\t"vars": \{\n\t\t"DEFAULT_AI_MODEL"/);
  });
});

describe("malformed configs fail with file, line and column", () => {
  it.each([
    ["wrangler.toml", "toml", 'name = "a"\nmain = = "b"\n', "wrangler.toml:2:8: invalid TOML"],
    ["wrangler.jsonc", "jsonc", '{\n  "name": "a"\n  "main": "b"\n}', "wrangler.jsonc:3:3: invalid JSON: comma expected"],
    ["wrangler.json", "json", '{ "name": "a", }}', "wrangler.json:1:17: invalid JSON"],
  ] as const)("%s", (file, format, text, message) => {
    const attempt = () => patchConfig(text, format, patch, file);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });

  it("refuses kv_namespaces of the wrong shape", () => {
    expect(() => patchConfig('kv_namespaces = "CACHE"', "toml", patch, "w.toml")).toThrow('w.toml: "kv_namespaces" must be a list');
  });
});

describe("configFacts", () => {
  it("sees the name and the Durable Objects", () => {
    expect(configFacts(parseConfig(fixture("commented.jsonc"), "jsonc", "x"))).toEqual({
      name: "chat-api",
      hasDurableObjects: true,
      main: "src/index.ts",
    });
    expect(configFacts(parseConfig(fixture("hono-template.toml"), "toml", "x")).hasDurableObjects).toBe(false);
  });
});
