import { describe, expect, it } from "vitest";
import { DEFAULT_WRANGLER_VERSION, InputError, parseInputs, parseVars } from "../../src/inputs.js";

const read = (values: Record<string, string>) => parseInputs((name) => values[name] ?? "");

describe("parseInputs", () => {
  it("applies the defaults", () => {
    expect(read({})).toMatchObject({
      mode: "auto",
      previewStrategy: "auto",
      kvNamespaces: ["CACHE"],
      contractTests: true,
      smokeTest: true,
      rollbackOnFailure: true,
      wranglerVersion: DEFAULT_WRANGLER_VERSION,
      apiKeys: [],
      vars: {},
    });
  });

  it("splits api-keys on commas and new lines, ignoring blanks and comments", () => {
    expect(read({ "api-keys": "sk-a, sk-b\n\n# old key\nsk-c,\r\n" }).apiKeys).toEqual(["sk-a", "sk-b", "sk-c"]);
  });

  it("refuses a key with white space inside without printing it", () => {
    const attempt = () => read({ "api-keys": "sk-a\nsk b" });
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow('input "api-keys": line 2: a key contains white space');
    expect(attempt).not.toThrow(/sk b/);
  });

  it("reads kv-namespaces one per line, de-duplicated, and checks binding names", () => {
    expect(read({ "kv-namespaces": "CACHE\nSESSIONS\nCACHE" }).kvNamespaces).toEqual(["CACHE", "SESSIONS"]);
    expect(() => read({ "kv-namespaces": "CACHE\n2FAST" })).toThrow('input "kv-namespaces": line 2: "2FAST" is not a valid binding name');
  });

  it("accepts booleans as GitHub writes them and nothing else", () => {
    expect(read({ "smoke-test": "False", "contract-tests": "TRUE" })).toMatchObject({ smokeTest: false, contractTests: true });
    expect(() => read({ "smoke-test": "yes" })).toThrow('input "smoke-test": "yes" is not true or false');
  });

  it("checks choices, the account id, the wrangler version and the smoke-test URL", () => {
    expect(() => read({ mode: "ship-it" })).toThrow(
      'input "mode": "ship-it" is not one of auto | deploy | preview | cleanup | test | dry-run',
    );
    expect(() => read({ "preview-strategy": "branch" })).toThrow('input "preview-strategy"');
    expect(() => read({ "account-id": "my-account" })).toThrow('input "account-id": expected the 32-character hex account id');
    expect(() => read({ "wrangler-version": "^4" })).toThrow('input "wrangler-version": "^4" is not an exact version');
    expect(() => read({ "smoke-test-url": "ftp://x" })).toThrow('input "smoke-test-url": "ftp://x" must be an http(s) URL');
    expect(read({ "smoke-test-url": "https://ai.example.com/" }).smokeTestUrl).toBe("https://ai.example.com");
  });
});

describe("parseVars", () => {
  it("reads KEY=VALUE lines, keeping = signs inside values", () => {
    expect(parseVars("A=1\n# comment\n\nB = two words \nC=x=y")).toEqual({ A: "1", B: "two words", C: "x=y" });
  });
  it("names the line of a malformed or repeated var", () => {
    expect(() => parseVars("A=1\nnot a var")).toThrow('input "vars": line 2: expected KEY=VALUE');
    expect(() => parseVars("A=1\nA=2")).toThrow('input "vars": line 2: A is set twice');
    expect(() => parseVars("1A=1")).toThrow("line 1");
  });
});

describe("api-keys entries", () => {
  const first = (keys: string) => parseInputs((name) => (name === "api-keys" ? keys : "")).firstKey;
  it("reads the key of key, project:key and project:name:key entries with the proxy's own parser", () => {
    expect(first("sk-a")).toBe("sk-a");
    expect(first("team:sk-a,sk-b")).toBe("sk-a");
    expect(first("team:alice:sk-a")).toBe("sk-a");
    expect(first("default::sk:with:colons")).toBe("sk:with:colons");
    expect(first("")).toBeUndefined();
  });
  it("refuses a malformed entry naming its position, never its key", () => {
    expect(() => first("sk-a,team!:sk-secret")).toThrow(/input "api-keys": entry 2 \(of 2\) has a project name/);
    expect(() => first("a:sk-same,b:sk-same")).toThrow(/a key belongs to one project/);
    try {
      first("sk-a,team!:sk-secret");
    } catch (error) {
      expect((error as Error).message).not.toContain("sk-secret");
    }
  });
});
