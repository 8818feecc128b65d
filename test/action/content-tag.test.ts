// The content tag: stable for the same upload and key (so an unchanged scheduled run matches), different for
// any change, and useless for testing key guesses without the API token.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentTag } from "../../src/content-tag.js";

const TOKEN = "fAkEcLoUdFlArEaPiToKeN0123456789abcdefXY";
const CONFIG = '{ "name": "my-proxy", "no_bundle": true }';
const WEAK_KEYS = { API_KEYS: "sk-1234" };

function bundle(code = "export default {}"): string {
  const dir = mkdtempSync(join(tmpdir(), "content-tag-"));
  writeFileSync(join(dir, "index.js"), code);
  writeFileSync(join(dir, "index.js.map"), `{"sources":["${dir}/src/index.ts"]}`);
  return dir;
}

/** What someone reading the public tag can compute: every public input plus a guess of the keys, no token. */
function guesses(dir: string, keys: Record<string, string>): string[] {
  const unkeyed = createHash("sha256");
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort())
    unkeyed
      .update(file)
      .update("\0")
      .update(readFileSync(join(dir, file)))
      .update("\0");
  unkeyed.update(CONFIG).update("\0");
  for (const name of Object.keys(keys).sort())
    unkeyed.update(name).update("=").update(createHash("sha256").update(keys[name]!).digest("hex")).update("\0");
  const plain = createHash("sha256").update(CONFIG).update(JSON.stringify(keys)).digest("hex");
  return [`cfap-${unkeyed.digest("hex").slice(0, 16)}`, `cfap-${plain.slice(0, 16)}`];
}

describe("contentTag", () => {
  it("is the same for the same upload and key, whatever folder the bundle was built in", () => {
    const tag = contentTag(TOKEN, bundle(), CONFIG, WEAK_KEYS);
    expect(tag).toMatch(/^cfap-[0-9a-f]{16}$/);
    expect(contentTag(TOKEN, bundle(), CONFIG, { ...WEAK_KEYS })).toBe(tag);
  });

  it("changes with the code, the config, a key, a secret's name, or the token", () => {
    const dir = bundle();
    const tag = contentTag(TOKEN, dir, CONFIG, WEAK_KEYS);
    const others = [
      contentTag(TOKEN, bundle("export default { x: 1 }"), CONFIG, WEAK_KEYS),
      contentTag(TOKEN, dir, `${CONFIG} `, WEAK_KEYS),
      contentTag(TOKEN, dir, CONFIG, { API_KEYS: "sk-1235" }),
      contentTag(TOKEN, dir, CONFIG, { API_KEY: "sk-1234" }),
      contentTag(TOKEN, dir, CONFIG, {}),
      contentTag(`${TOKEN}2`, dir, CONFIG, WEAK_KEYS),
    ];
    expect(new Set([tag, ...others]).size).toBe(others.length + 1);
  });

  it("cannot confirm a right guess of the keys without the token", () => {
    const dir = bundle();
    const tag = contentTag(TOKEN, dir, CONFIG, WEAK_KEYS);
    expect(guesses(dir, WEAK_KEYS)).not.toContain(tag);
    expect(contentTag("wrong-token-guess", dir, CONFIG, WEAK_KEYS)).not.toBe(tag);
  });

  it("refuses to run without a key rather than fall back to a guessable hash", () => {
    expect(() => contentTag("", bundle(), CONFIG, WEAK_KEYS)).toThrow(/needs a key/);
  });
});
