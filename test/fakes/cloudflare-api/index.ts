// Entry point of the fake Cloudflare API: see server.ts.
export {
  startFakeCloudflare,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_TOKEN,
  API_PREFIX,
  type FakeCloudflare,
  type FakeCloudflareOptions,
} from "./server.js";
export type { FakeCloudflareState, KvNamespace, WorkerScript, WorkerVersion, WorkerDeployment, Binding } from "./state.js";
export { KV_DUPLICATE_TITLE, KV_NAMESPACE_NOT_FOUND } from "./kv.js";
export { SCRIPT_NOT_FOUND, SERVICE_NOT_FOUND, VERSION_NOT_DEPLOYED, ROLLBACK_SECRETS_CHANGED } from "./workers-model.js";
export { AI_MODELS, type AiModelRecord, type FakeAiCatalogue } from "./ai.js";
