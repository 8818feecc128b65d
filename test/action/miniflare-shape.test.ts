// The contract stage writes Miniflare 4 options; Miniflare 5 (wrangler 4.160+) takes another shape and ships
// a converter. The end-to-end tests run both for real; here the choice itself.
import { describe, expect, it } from "vitest";
import { ownShape } from "../../src/contract/workerd.js";

describe("ownShape", () => {
  const options = { workers: [{ name: "w", compatibilityDate: "2026-04-01" }] };

  it("passes Miniflare 4 options through unchanged", () => {
    expect(ownShape("4.20260426.0", undefined)(options)).toBe(options);
  });

  it("converts for Miniflare 5 with the converter it ships", () => {
    const seen: unknown[] = [];
    const convert = (o: Record<string, unknown>) => (seen.push(o), { converted: true });
    expect(ownShape("5.20261117.0-beta", convert)(options)).toEqual({ converted: true });
    expect(seen).toEqual([options]);
  });

  it("refuses a Miniflare 5 without a converter, naming its version", () => {
    expect(() => ownShape("5.1.0", undefined)).toThrow("Miniflare 5.1.0 has no convertV4MiniflareOptions");
  });
});
