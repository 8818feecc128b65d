// Part of the preflight (I/O shell around ../models/check.ts): read the catalogue, check every model the
// worker will use, log which name serves with which model and warn; the preflight fails with `failure`.
import type { CloudflareApi } from "../cloudflare/api.js";
import { CloudflareRefusal } from "../cloudflare/errors.js";
import { parseConfig } from "../config/parse.js";
import type { RunContext } from "../context.js";
import { catalogue, fromSearchResults, type Catalogue } from "../models/catalogue.js";
import { checkModels, modelCheckFailure, type Resolution } from "../models/check.js";
import { SNAPSHOT } from "../models/snapshot.js";
import { deploymentModelVars } from "../models/vars.js";

export interface ModelCheck {
  /** A one-line detail for the stage; undefined when the worker uses none of the model vars. */
  detail?: string;
  /** For the report: the catalogue used and which name serves with which model. */
  models?: { catalogue: string; resolutions: Resolution[] };
  /** Already logged as warnings; for the report. */
  warnings: string[];
  /** Set when a model would fail the deployed worker's requests: the run must stop, reporting the rest. */
  failure?: string;
}

/** Checks the models against the account's catalogue (`api`), or offline against the bundled snapshot. */
export async function checkDeploymentModels(ctx: RunContext, api: CloudflareApi | undefined): Promise<ModelCheck> {
  const { source, inputs } = ctx;
  const config = parseConfig(source.text, source.format, source.configLabel);
  const { vars, origins } = deploymentModelVars(config.vars, inputs, source.configLabel);
  // A user's own worker is checked only when it declares the proxy's model vars: others may mean anything by them.
  if (!source.shipped && Object.keys(vars).length === 0) return { warnings: [] };

  const warnings: string[] = [];
  const warn = (warning: string) => {
    ctx.host.warning(warning);
    warnings.push(warning);
  };
  const found = api ? await accountCatalogue(api, warn) : SNAPSHOT;
  const today = new Date().toISOString().slice(0, 10);
  const result = checkModels({
    vars,
    origins,
    catalogue: found,
    snapshot: found === SNAPSHOT ? undefined : SNAPSHOT,
    today,
    builtIns: source.shipped,
  });
  const active = [...found.models.values()].filter((m) => !m.deprecationDate || m.deprecationDate > today).length;
  ctx.log(`models the worker will use, checked against ${found.label} (${active} active models):`);
  for (const r of result.resolutions) ctx.log(`  ${r.label} → ${r.model ?? "none active"}${r.note && r.model ? ` (${r.note})` : ""}`);
  for (const warning of result.warnings) warn(warning);
  return {
    detail: `${result.resolutions.length} model names checked${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ""}`,
    models: { catalogue: found.label, resolutions: result.resolutions },
    warnings,
    ...(result.errors.length > 0 && { failure: modelCheckFailure(result.errors) }),
  };
}

async function accountCatalogue(api: CloudflareApi, warn: (warning: string) => void): Promise<Catalogue> {
  let items: unknown[];
  try {
    items = await api.aiModels();
  } catch (error) {
    // Tokens made before the action read the catalogue lack Workers AI · Read: check offline rather than fail.
    if (!(error instanceof CloudflareRefusal) || error.status !== 403) throw error;
    warn(
      `could not read the account's Workers AI catalogue (${error.message}); the models were checked against ${SNAPSHOT.label} instead. Add the permission Account · Workers AI · Read to the token.`,
    );
    return SNAPSHOT;
  }
  const models = fromSearchResults(items);
  // An empty answer is Cloudflare's trouble, not every model retiring at once.
  if (models.length === 0) {
    warn(`the account's Workers AI catalogue came back empty; the models were checked against ${SNAPSHOT.label} instead.`);
    return SNAPSHOT;
  }
  return catalogue("your account's Workers AI catalogue", models);
}
