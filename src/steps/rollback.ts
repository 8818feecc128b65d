// After a failed smoke test: put back the version that was live before this run, never its old secrets.
//
// A plain rollback deploys that version as it was. When this run changed a secret (a rotated api-keys),
// Cloudflare refuses that (10220) because the old version would serve the old values, keys the user may
// just have revoked; `?force=true` would override it, and wrangler's own rollback adds it by itself under
// CI=true. Instead the old version's code, vars and bindings are uploaded again as a new version that
// inherits the worker's CURRENT secrets, and that one is deployed. If that cannot be done the failing
// version stays live (with the current secrets) and the outcome says why and what to do.
// Never throws: the smoke test's failure is the job's error, and this only adds a sentence to it.
import { SecretsChanged, type CloudflareApi, type VersionDetail } from "../cloudflare/api.js";

export interface RollbackOutcome {
  /** Whether traffic now goes to the earlier code. */
  rolledBack: boolean;
  /** Appended to the smoke test's failure. */
  sentence: string;
}

const SECRET_TYPES = new Set(["secret_text", "secret_key"]);

/** Bindings a version upload cannot carry over from another version's description. */
const NOT_COPYABLE: Record<string, string> = Object.assign(Object.create(null), {
  assets: "it serves static assets, which a version upload cannot copy from another version",
});

/**
 * The upload metadata that recreates version `from` with the worker's current secrets: its non-secret
 * bindings as they were (vars, KV ids, …), and every current secret inherited by name from the newest version.
 */
export function copyMetadata(from: VersionDetail, main: string, currentSecrets: string[], message: string): Record<string, unknown> {
  const unsupported = from.bindings.find((b) => Object.hasOwn(NOT_COPYABLE, b.type));
  if (unsupported) throw new Error(`binding ${unsupported.name}: ${NOT_COPYABLE[unsupported.type]}`);
  const kept = from.bindings.filter((b) => !SECRET_TYPES.has(b.type) && !currentSecrets.includes(b.name));
  return {
    main_module: main,
    bindings: [...kept, ...currentSecrets.map((name) => ({ name, type: "inherit" }))],
    ...(from.compatibilityDate !== undefined && { compatibility_date: from.compatibilityDate }),
    compatibility_flags: from.compatibilityFlags,
    ...(from.usageModel !== undefined && { usage_model: from.usageModel }),
    ...(from.limits !== undefined && { limits: from.limits }),
    annotations: { "workers/message": message },
  };
}

export async function rollBack(
  api: CloudflareApi,
  o: { script: string; to: string; failed: string | undefined; log: (line: string) => void },
): Promise<RollbackOutcome> {
  const message = `rollback${o.failed ? ` of ${o.failed.slice(0, 8)}` : ""}: smoke test failed`;
  const before = `version ${o.to}, which was live before this run`;
  try {
    await api.deployVersion(o.script, o.to, message);
    return { rolledBack: true, sentence: `rolled back to ${before}` };
  } catch (error) {
    if (!(error instanceof SecretsChanged))
      return { rolledBack: false, sentence: `rolling back to ${before}, failed: ${(error as Error).message}` };
    const changed = error.names.length ? error.names.join(", ") : "a secret";
    o.log(
      `Cloudflare refuses to bring back ${o.to} as it was: ${changed} changed since; uploading its code again with the current secrets`,
    );
    try {
      const [detail, code, secrets] = await Promise.all([
        api.versionDetail(o.script, o.to),
        api.versionModules(o.script, o.to),
        api.secretNames(o.script),
      ]);
      const copy = await api.uploadVersion(o.script, copyMetadata(detail, code.main, secrets ?? [], message), code.modules);
      await api.deployVersion(o.script, copy, message);
      return {
        rolledBack: true,
        sentence: `redeployed the code of ${before}, with the current secrets (${changed} changed since then) as version ${copy}`,
      };
    } catch (copyError) {
      return {
        rolledBack: false,
        sentence:
          `did not roll back: ${before}, ran with other secrets (${changed}) and deploying it would bring them back, ` +
          `and uploading its code again with the current secrets failed: ${(copyError as Error).message}. ` +
          `Version ${o.failed ?? "(this run's)"} stays live with the current secrets: push a fix, or re-run the workflow of the last good commit`,
      };
    }
  }
}
