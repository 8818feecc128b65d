// The catalogue snapshot bundled with the action: the one the Workers AI stub serves in the contract tests.
// Offline runs (dry-run, test) check the models against it, and an online check uses it to date a model the
// account's catalogue no longer lists. ncc inlines the JSON into dist/index.js: no file to find, no network.
import records from "../../test/fakes/workers-ai-models.json" with { type: "json" };
import { catalogue, fromSnapshot, type Catalogue } from "./catalogue.js";

/** When the snapshot was taken, for messages: its dates are facts as of then. */
export const SNAPSHOT_TAKEN = "December 2026";

export const SNAPSHOT: Catalogue = catalogue(
  `the Workers AI catalogue snapshot of ${SNAPSHOT_TAKEN} bundled with the action`,
  fromSnapshot(records as unknown[]),
);
