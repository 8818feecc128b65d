// The job summary's model parts, pure: warnings as GitHub alert blocks, the model table folded away.
import { expect, it } from "vitest";
import { renderSummary, type RunReport } from "../../src/steps/summary.js";

const base: RunReport = { plan: undefined, namespaces: [], facts: [], warnings: [], stages: [] };

it("shows each warning as a WARNING alert and the models as a folded table", () => {
  const summary = renderSummary({
    ...base,
    warnings: [
      '@cf/a/b, which the proxy uses for "gpt-4o", will be deprecated on 2027-01-03 (in 30 days): the proxy then moves to @cf/c/d by itself.',
    ],
    models: {
      catalogue: "your account's Workers AI catalogue",
      resolutions: [
        { label: "gpt-4o", model: "@cf/a/b", note: "deprecated on 2027-01-03" },
        { label: "odd|name (MODEL_ALIASES)", model: undefined, note: "no active model" },
      ],
    },
  });
  expect(summary).toContain('> [!WARNING]\n> @cf/a/b, which the proxy uses for "gpt-4o", will be deprecated on 2027-01-03');
  expect(summary).toContain("<details><summary>2 names, checked against your account's Workers AI catalogue</summary>");
  expect(summary).toContain("| gpt-4o | `@cf/a/b` | deprecated on 2027-01-03 |");
  expect(summary).toContain("| odd\\|name (MODEL_ALIASES) | — | no active model |");
});

it("has no model section when nothing was checked", () => {
  const summary = renderSummary(base);
  expect(summary).not.toContain("### Models");
  expect(summary).not.toContain("[!WARNING]");
});
