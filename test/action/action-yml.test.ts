// action.yml is the interface users type: it must declare exactly the names src/inputs.ts reads and writes.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { DEFAULT_KV_BINDINGS, DEFAULT_WRANGLER_VERSION, INPUT, OLDEST_WRANGLER_VERSION, OUTPUT } from "../../src/inputs.js";
import { ROOT } from "../helpers/run-action.js";

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

describe("action.yml", () => {
  it("runs dist/index.js on node24 and has a name, description and branding", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
    expect(action.name).toBeTruthy();
    expect(action.description).toBeTruthy();
    expect(action.branding).toMatchObject({ icon: expect.any(String), color: expect.any(String) });
  });

  it("declares exactly the inputs and outputs the code uses", () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUT).sort());
    for (const [name, spec] of Object.entries<any>(action.inputs)) expect(spec.description, name).toBeTruthy();
  });

  it("defaults agree with the code and with the pinned toolchain", () => {
    expect(action.inputs[INPUT.wranglerVersion].default).toBe(DEFAULT_WRANGLER_VERSION);
    // The default is today's wrangler, installed for the tests as the alias wrangler-latest; the dev toolchain keeps the oldest.
    expect(pkg.devDependencies["wrangler-latest"]).toBe(`npm:wrangler@${DEFAULT_WRANGLER_VERSION}`);
    expect(pkg.devDependencies.wrangler).toBe(OLDEST_WRANGLER_VERSION);
    expect(action.inputs[INPUT.wranglerVersion].description).toContain(
      `tested: ${OLDEST_WRANGLER_VERSION} and ${DEFAULT_WRANGLER_VERSION}`,
    );
    expect(action.inputs[INPUT.kvNamespaces].default).toBe(DEFAULT_KV_BINDINGS.join("\n"));
    expect(action.inputs[INPUT.githubToken].default).toBe("${{ github.token }}");
  });
});

describe("workflows that use this action", () => {
  const files = [
    ...readdirSync(join(ROOT, "examples")).map((f) => join("examples", f)),
    ...readdirSync(join(ROOT, ".github/workflows")).map((f) => join(".github/workflows", f)),
  ].filter((f) => f.endsWith(".yml"));

  it.each(files)("%s passes only inputs that action.yml declares", (file) => {
    const workflow = parse(readFileSync(join(ROOT, file), "utf8"));
    for (const job of Object.values<any>(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        if (typeof step.uses !== "string" || !(step.uses === "./" || step.uses.includes("cf-ai-proxy-action"))) continue;
        for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${file}: with.${key}`).toContain(key);
      }
    }
  });
});

describe("pinned toolchain", () => {
  it("pins the Cloudflare tools exactly (a caret pulls a wrangler that refuses Node 20)", () => {
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    for (const name of ["wrangler", "miniflare", "@cloudflare/vitest-pool-workers", "vitest", "typescript", "@vercel/ncc"]) {
      expect(all[name], name).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(all.wrangler).toBe("4.86.0");
    expect(all.miniflare).toBe("4.20260426.0");
    expect(all["@cloudflare/vitest-pool-workers"]).toBe("0.15.1");
    expect(all.vitest).toBe("4.1.12");
    expect(all.typescript).toMatch(/^5\.9\./);
  });
});

describe("the README's tested-versions matrix", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const matrix = readme.split("Tested wrangler versions")[1]?.split("\n\n")[1] ?? "";

  it("lists the oldest supported wrangler and the default, on Node 24", () => {
    const rows = matrix
      .split("\n")
      .filter((l) => /^\| \d/.test(l))
      .map((l) => l.split("|").map((c) => c.trim()));
    expect(rows.map((r) => r[1])).toEqual([OLDEST_WRANGLER_VERSION, DEFAULT_WRANGLER_VERSION]);
    expect(rows.every((r) => r[2] === "24")).toBe(true);
    expect(readme).toContain(`\`wrangler-version\` (default\n${DEFAULT_WRANGLER_VERSION}`);
  });
});
