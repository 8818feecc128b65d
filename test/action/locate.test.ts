// Which wrangler the action runs: the worker's own, the action's own, the tool cache, the Actions cache, or a fresh install.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareVersions, locateWrangler, toolCacheDir, type ToolCacheStore } from "../../src/wrangler/locate.js";

function fakeWrangler(root: string, version: string) {
  const dir = join(root, "node_modules", "wrangler");
  mkdirSync(join(dir, "bin"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "wrangler", version }));
  return dir;
}

function setup() {
  const base = mkdtempSync(join(tmpdir(), "locate-"));
  const paths = { worker: join(base, "worker"), action: join(base, "action"), toolCache: join(base, "tool-cache") };
  for (const p of Object.values(paths)) mkdirSync(p, { recursive: true });
  return paths;
}

const options = (p: ReturnType<typeof setup>, extra: Partial<Parameters<typeof locateWrangler>[0]> = {}) => ({
  workerDirectory: p.worker,
  actionRoot: p.action,
  toolCache: p.toolCache,
  version: "4.86.0",
  log: () => {},
  install: async () => {
    throw new Error("should not install");
  },
  ...extra,
});

describe("locateWrangler", () => {
  it("prefers the worker directory's own wrangler, whatever its version", async () => {
    const p = setup();
    fakeWrangler(p.worker, "4.20.0");
    fakeWrangler(p.action, "4.86.0");
    expect(await locateWrangler(options(p))).toMatchObject({
      source: "worker-directory",
      version: "4.20.0",
      packageDir: join(p.worker, "node_modules", "wrangler"),
    });
  });

  it("uses the action's own wrangler only when it is the version asked for", async () => {
    const p = setup();
    fakeWrangler(p.action, "4.86.0");
    expect((await locateWrangler(options(p))).source).toBe("action");
    fakeWrangler(toolCacheDir(p.toolCache, "4.90.0"), "4.90.0");
    expect(await locateWrangler(options(p, { version: "4.90.0" }))).toMatchObject({ source: "tool-cache", version: "4.90.0" });
  });

  it("restores from the Actions cache before installing", async () => {
    const p = setup();
    const store: ToolCacheStore = {
      restore: async (path, key) => {
        expect(key).toBe(`cf-ai-proxy-wrangler-4.86.0-${process.platform}-${process.arch}`);
        fakeWrangler(path, "4.86.0");
        return true;
      },
      save: async () => {
        throw new Error("should not save");
      },
    };
    expect((await locateWrangler(options(p, { store }))).source).toBe("actions-cache");
  });

  it("installs once into the tool cache, saves it, and finds it there next time", async () => {
    const p = setup();
    const saved: string[] = [];
    const installs: string[] = [];
    const store: ToolCacheStore = { restore: async () => false, save: async (path) => void saved.push(path) };
    const install = async (dir: string, spec: string) => {
      installs.push(spec);
      fakeWrangler(dir, "4.86.0");
    };
    expect((await locateWrangler(options(p, { store, install }))).source).toBe("installed");
    expect(installs).toEqual(["wrangler@4.86.0"]);
    expect(saved).toEqual([toolCacheDir(p.toolCache, "4.86.0")]);
    expect((await locateWrangler(options(p, { store, install }))).source).toBe("tool-cache");
    expect(installs).toHaveLength(1);
  });

  it("a failing cache save is not a failed run", async () => {
    const p = setup();
    const lines: string[] = [];
    const store: ToolCacheStore = { restore: async () => false, save: async () => Promise.reject(new Error("cache service down")) };
    const found = await locateWrangler(
      options(p, { store, install: async (dir) => void fakeWrangler(dir, "4.86.0"), log: (l) => lines.push(l) }),
    );
    expect(found.source).toBe("installed");
    expect(lines.join("\n")).toContain("could not save wrangler to the Actions cache");
  });

  it("refuses a different version than asked", async () => {
    const p = setup();
    await expect(locateWrangler(options(p, { install: async (dir) => void fakeWrangler(dir, "4.87.0") }))).rejects.toThrow(
      "asked for wrangler@4.86.0, npm installed 4.87.0",
    );
  });
});

describe("the Node a wrangler needs", () => {
  const withEngines = (version: string, engines: string) => {
    const p = setup();
    const dir = fakeWrangler(p.action, version);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "wrangler", version, engines: { node: engines } }));
    return p;
  };

  it("refuses, naming the input and the Node versions, a wrangler whose engines this Node does not meet", async () => {
    const p = withEngines("4.164.0", ">=22.12.0");
    const run = locateWrangler(options(p, { version: "4.164.0", nodeVersion: "20.20.2" }));
    await expect(run).rejects.toThrow('wrangler 4.164.0 (from input "wrangler-version") needs Node >= 22.12.0, and this is Node 20.20.2');
  });

  it("accepts it on the runner's Node 24", async () => {
    const p = withEngines("4.164.0", ">=22.12.0");
    expect((await locateWrangler(options(p, { version: "4.164.0", nodeVersion: "24.22.3" }))).version).toBe("4.164.0");
  });

  it("locally without a version flag, takes the action's own wrangler whatever its version", async () => {
    const p = withEngines("4.86.0", ">=20.0.0");
    expect(await locateWrangler(options(p, { version: "4.164.0", anyActionVersion: true, nodeVersion: "20.20.2" }))).toMatchObject({
      source: "action",
      version: "4.86.0",
    });
  });

  it("compares versions numerically", () => {
    expect(compareVersions("22.12.0", "22.9")).toBe(1);
    expect(compareVersions("v20.20.2", "22.12.0")).toBe(-1);
    expect(compareVersions("24.0.0", "24")).toBe(0);
  });
});
