// The version tag that says "this is exactly what would be uploaded": equal tags let a scheduled run skip
// the upload. It covers the secrets too, so it must not let anyone test guesses of them: the job summary,
// logs and the Cloudflare dashboard are read by more people than the keys are. So it is an HMAC keyed with
// the Cloudflare API token: secret, and the same on every run (rotating the token costs one redeploy).
import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Modules that make up a bundle; source maps name the (temporary) build folder, so they do not count. */
const MODULE = /\.(m?js|cjs|wasm|txt|html|sql|bin)$/;

export function contentTag(key: string, bundleDir: string, configText: string, secrets: Readonly<Record<string, string>>): string {
  if (!key) throw new Error("the content tag needs a key (the API token): without one it would be a guessable hash of the secrets");
  const mac = createHmac("sha256", key);
  // Every field length-prefixed, so no two different inputs feed the same bytes.
  const field = (value: string | Buffer) => {
    const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : value;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    mac.update(length).update(bytes);
  };
  field("cf-ai-proxy-action content tag v2");
  const files = readdirSync(bundleDir)
    .filter((f) => MODULE.test(f))
    .sort();
  field(String(files.length));
  for (const file of files) field(file), field(readFileSync(join(bundleDir, file)));
  field(configText);
  const names = Object.keys(secrets).sort();
  field(String(names.length));
  for (const name of names) field(name), field(secrets[name]!);
  return `cfap-${mac.digest("hex").slice(0, 16)}`;
}
