// The README is part of the product: what it quotes, lists and tells people to run must be the real thing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { expect, it } from "vitest";
import { ROOT } from "../helpers/run-action.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));

it.each(readdirSync(join(ROOT, "examples")))("quotes examples/%s exactly", (file) => {
  const example = readFileSync(join(ROOT, "examples", file), "utf8");
  expect(blocks.filter((b) => b.lang === "yaml").map((b) => b.text)).toContain(example);
});

it("gives the two set-up commands, and .ci/run runs the test one", () => {
  const shell = blocks.filter((b) => b.lang === "sh").map((b) => b.text);
  expect(shell.some((t) => t.startsWith("npm ci && npm start"))).toBe(true);
  expect(shell.some((t) => t.startsWith("npm ci && npm test"))).toBe(true);
  const ci = readFileSync(join(ROOT, ".ci/run"), "utf8");
  expect(ci).toMatch(/^npm ci\b/m);
  expect(ci).toMatch(/^npm test$/m);
});

/** The first column of the Markdown table under a heading. */
function tableNames(heading: string): string[] {
  const section = readme.split(`### ${heading}\n`)[1].split("\n### ")[0];
  return [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
}

it("documents every input and output, and nothing else, in action.yml's order", () => {
  expect(tableNames("Inputs")).toEqual(Object.keys(action.inputs));
  expect(tableNames("Outputs")).toEqual(Object.keys(action.outputs));
});

it("documents the defaults action.yml has", () => {
  for (const [name, spec] of Object.entries<{ default?: string }>(action.inputs)) {
    if (spec.default === undefined) continue;
    const row = readme.split("\n").find((l) => l.startsWith(`| \`${name}\` |`))!;
    expect(row, name).toContain(`\`${spec.default}\``);
  }
});

it("names every npm script it tells people to run", () => {
  const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts);
  for (const m of readme.matchAll(/`npm run ([a-z:-]+)/g)) expect(scripts, m[0]).toContain(m[1]);
});
