// dist/ is what runners execute: it must be byte for byte what `npm run build` makes from the sources.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../helpers/run-action.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

it("dist/ matches a fresh build of src/ and worker/", () => {
  const fresh = join(mkdtempSync(join(tmpdir(), "check-dist-")), "dist");
  execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs"), fresh], { cwd: ROOT, stdio: "pipe" });
  const committed = join(ROOT, "dist");
  const list = (dir: string) =>
    files(dir)
      .map((f) => relative(dir, f))
      .sort();
  expect(list(committed), "the set of files in dist/ (run npm run build)").toEqual(list(fresh));
  const stale = list(fresh).filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(committed, f))));
  expect(stale, "files in dist/ that differ from a fresh build: run npm run build and commit").toEqual([]);
}, 180_000);
