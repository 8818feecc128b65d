// Names that an ordinary object already "has" (toString, constructor, __proto__, hasOwnProperty) are fine
// binding names: a vars line with one of them passes through input parsing and config patching exactly.
import { describe, expect, it } from "vitest";
import { patchConfig } from "../../src/config/patch.js";
import { parseConfig } from "../../src/config/parse.js";
import { InputError, parseInputs, parseVars } from "../../src/inputs.js";
import { refuseNamesWranglerMisreads } from "../../src/stages/04-provision.js";

const TRICKY = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"];
const lines = TRICKY.map((name, i) => `${name}=value ${i}`).join("\n");
const expected = TRICKY.map((name, i) => [name, `value ${i}`]);

describe("vars named like Object.prototype members", () => {
  it("parseVars keeps every one, as own entries, in order", () => {
    const vars = parseVars(lines);
    expect(Object.entries(vars)).toEqual(expected);
    for (const name of TRICKY) expect(Object.hasOwn(vars, name)).toBe(true);
  });

  it("parseInputs passes them through, and an empty vars input has no inherited names", () => {
    expect(Object.entries(parseInputs((name) => (name === "vars" ? lines : "")).vars)).toEqual(expected);
    expect(Object.hasOwn(parseVars(""), "toString")).toBe(false);
  });

  it("still refuses a name set twice, naming the line", () => {
    expect(() => parseVars("toString=a\ntoString=b")).toThrow(new InputError("vars", "line 2: toString is set twice"));
    expect(() => parseVars("__proto__=a\n__proto__=b")).toThrow(new InputError("vars", "line 2: __proto__ is set twice"));
  });

  it.each([
    ["jsonc", '{\n  "name": "w",\n  "vars": { "KEEP": "me" }\n}\n'],
    ["jsonc", '{\n  "name": "w"\n}\n'],
    ["toml", 'name = "w"\n\n[vars]\nKEEP = "me"\n'],
    ["toml", 'name = "w"\nvars = { KEEP = "me" }\n'],
    ["toml", 'name = "w"\n'],
  ] as const)("a %s config patched with them reads back with exactly those vars", (format, text) => {
    const patched = patchConfig(text, format, { name: "w", kv: [], vars: parseVars(lines) }, `wrangler.${format}`);
    const vars = parseConfig(patched, format, `wrangler.${format}`).vars as Record<string, unknown>;
    const keep = text.includes("KEEP") ? [["KEEP", "me"]] : [];
    expect(Object.entries(vars)).toEqual([...keep, ...expected]);
  });

  it("a JSONC config that already has a __proto__ var keeps it as data", () => {
    const config = parseConfig('{ "vars": { "__proto__": "x", "toString": "y" } }', "jsonc", "wrangler.jsonc");
    expect(Object.entries(config.vars as object)).toEqual([
      ["__proto__", "x"],
      ["toString", "y"],
    ]);
  });
});

describe("names wrangler cannot bind", () => {
  it("are refused before wrangler sees them, naming the input and every such name", () => {
    expect(() => refuseNamesWranglerMisreads({ vars: parseVars(lines), kvNamespaces: ["CACHE"] })).toThrow(
      /^input "vars": "toString", "constructor", "__proto__", "hasOwnProperty", "valueOf" cannot be a binding name: .* Rename them\.$/,
    );
    expect(() => refuseNamesWranglerMisreads({ vars: parseVars("GREETING=hi"), kvNamespaces: ["CACHE", "toString"] })).toThrow(
      /^input "kv-namespaces": "toString" cannot/,
    );
    expect(() => refuseNamesWranglerMisreads({ vars: parseVars("GREETING=hi\nTO_STRING=x"), kvNamespaces: ["CACHE"] })).not.toThrow();
  });
});
