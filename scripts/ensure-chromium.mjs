// The page tests drive a real browser: Debian's chromium. `npm test` runs this first, so that the README's
// test command works on a fresh machine: it installs the package when it is missing and we may (root + apt).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
if (candidates.some((path) => existsSync(path))) process.exit(0);

const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (process.getuid?.() !== 0 || !hasApt) {
  console.error("The page tests need Chromium: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.");
  process.exit(1);
}
console.log("Installing Debian's chromium for the page tests (once per machine)…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
