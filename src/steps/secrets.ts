// The proxy's client keys as a worker secret: what a deploy uploads, and the preflight's refusal to deploy the
// shipped proxy with none (it would refuse every request).
import type { CloudflareApi } from "../cloudflare/api.js";
import type { RunContext } from "../context.js";
import { INPUT } from "../inputs.js";

/** The secret the shipped proxy reads its client keys from. */
export const API_KEYS_SECRET = "API_KEYS";

export function secretsToUpload(ctx: RunContext): Record<string, string> {
  return ctx.inputs.apiKeys.length ? { [API_KEYS_SECRET]: ctx.inputs.apiKeys.join(",") } : {};
}

/** The shipped proxy refuses every request without API_KEYS: never deploy it that way (checked before any write). */
export async function requireApiKeys(ctx: RunContext, api: CloudflareApi, script: string): Promise<void> {
  if (!ctx.source.shipped || ctx.inputs.apiKeys.length) return;
  const names = await api.secretNames(script);
  if (names?.includes(API_KEYS_SECRET)) {
    ctx.log(`no "${INPUT.apiKeys}" input: keeping the ${API_KEYS_SECRET} secret already on ${script}`);
    return;
  }
  throw new Error(
    `the proxy would refuse every request: input "${INPUT.apiKeys}" is empty and worker ${script} has no ${API_KEYS_SECRET} secret${names === undefined ? " (it does not exist yet)" : ""}. ` +
      `Create a repository secret (e.g. PROXY_API_KEYS, one or more keys separated by commas) and pass it as \`${INPUT.apiKeys}: \${{ secrets.PROXY_API_KEYS }}\`, or set it once with \`wrangler secret put ${API_KEYS_SECRET} --name ${script}\`.`,
  );
}
