// Where the action's own files are, whether it runs from src/ (tests) or from dist/index.js (the runner).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The action's repository root: the folder that holds action.yml. */
export const ACTION_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The proxy worker, pre-bundled with its deployable config: what runs when `worker-directory` is not set. */
export const SHIPPED_WORKER_DIR = join(ACTION_ROOT, "dist", "worker");
/** The proxy's sources, for messages and local development. */
export const SHIPPED_WORKER_SOURCE = join(ACTION_ROOT, "worker");
