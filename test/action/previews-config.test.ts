// The `previews` block the action writes for Worker Previews: the worker's bindings, with this preview's KV.
import { describe, expect, it } from "vitest";
import { patchConfig } from "../../src/config/patch.js";
import { parseConfig } from "../../src/config/parse.js";
import { previewsBlock } from "../../src/config/previews.js";

const jsonc = `// mine
{
  "name": "app",
  "main": "index.js",
  "kv_namespaces": [{ "binding": "CACHE" }],
  "durable_objects": { "bindings": [{ "name": "STATE", "class_name": "StateObject" }] },
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["StateObject"] }],
  "ai": { "binding": "AI" },
  "vars": { "A": "1" }
}
`;

describe("previewsBlock", () => {
  it("lists vars, the preview's KV ids and the other bindings; migrations stay at the top level", () => {
    const block = previewsBlock(parseConfig(jsonc, "jsonc", "wrangler.jsonc"), [{ binding: "CACHE", id: "previewns" }], { B: "2" });
    expect(block).toEqual({
      vars: { A: "1", B: "2" },
      kv_namespaces: [{ binding: "CACHE", id: "previewns" }],
      durable_objects: { bindings: [{ name: "STATE", class_name: "StateObject" }] },
      ai: { binding: "AI" },
    });
  });
});

describe("patchConfig with a previews block", () => {
  const patch = {
    name: "app",
    kv: [{ binding: "CACHE", id: "previewns" }],
    vars: {},
    previews: { vars: { A: "1" }, kv_namespaces: [{ binding: "CACHE", id: "previewns" }] },
  };

  it("writes it into JSONC, comments kept", () => {
    const out = patchConfig(jsonc, "jsonc", patch, "wrangler.jsonc");
    expect(out).toContain("// mine");
    expect(parseConfig(out, "jsonc", "wrangler.jsonc").previews).toEqual(patch.previews);
  });

  it("appends a [previews] table to TOML", () => {
    const toml = 'name = "app"\nmain = "index.js"\n\n[[kv_namespaces]]\nbinding = "CACHE"\n';
    const out = patchConfig(toml, "toml", patch, "wrangler.toml");
    expect(out.startsWith(toml.split("\n")[0])).toBe(true);
    expect(parseConfig(out, "toml", "wrangler.toml").previews).toEqual(patch.previews);
  });

  it("refuses a config with a previews block of its own, naming the file", () => {
    const own = jsonc.replace('"vars"', '"previews": {},\n  "vars"');
    expect(() => patchConfig(own, "jsonc", patch, "my/wrangler.jsonc")).toThrow('my/wrangler.jsonc: has a "previews" block of its own');
  });
});
