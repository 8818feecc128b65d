// The README is part of the product: what it quotes and the commands it gives must be the real ones.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../helpers/run-action.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));

it("quotes examples/deploy.yml exactly", () => {
  const example = readFileSync(join(ROOT, "examples/deploy.yml"), "utf8");
  expect(blocks.map((b) => b.text)).toContain(example);
});

it("gives the two set-up commands, and .ci/run runs the test one", () => {
  const shell = blocks.filter((b) => b.lang === "sh").map((b) => b.text);
  expect(shell.some((t) => t.startsWith("npm ci && npm start"))).toBe(true);
  expect(shell.some((t) => t.startsWith("npm ci && npm test"))).toBe(true);
  const ci = readFileSync(join(ROOT, ".ci/run"), "utf8");
  expect(ci).toMatch(/^npm ci\b/m);
  expect(ci).toMatch(/^npm test$/m);
});
