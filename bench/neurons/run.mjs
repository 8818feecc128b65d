#!/usr/bin/env node
// Estimated Workers AI neurons per typical chat request (200 input + 300 output tokens by default) for the proxy's
// default chat model and its candidates, next to the old default, from the per-token prices of the catalogue
// snapshot (test/fakes/workers-ai-models.json, `price_per_M` in US dollars). Workers AI bills 1 neuron =
// $0.000011 ($0.011 per 1,000 neurons); Workers Free includes 10,000 neurons a day.
// The old default, @cf/meta/llama-3.1-8b-instruct (retired 2026-05-30), cost $0.282 / $0.827 per M tokens on
// the 2025 pricing page; the snapshot has no price for retired models, so that one is written here.
// Prints a Markdown table and writes bench/results/neurons.json.
//
// Usage: node bench/neurons/run.mjs [inputTokens outputTokens]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const [input = 200, output = 300] = process.argv.slice(2).map(Number);
const NEURON_USD = 0.000011;
const FREE_NEURONS_PER_DAY = 10_000;
const OLD_DEFAULT = { name: "@cf/meta/llama-3.1-8b-instruct", input: 0.282, output: 0.827 };

// The worker's own lists (TypeScript): bundled in memory so this script reads what the proxy ships.
const aliasesSource = buildSync({ entryPoints: [join(root, "worker/src/ai/aliases.ts")], bundle: true, format: "esm", write: false });
const { DEFAULT_CHAT_MODELS, BUILT_IN_ALIASES } = await import(
  `data:text/javascript;base64,${Buffer.from(aliasesSource.outputFiles[0].text).toString("base64")}`
);

const catalogue = JSON.parse(readFileSync(join(root, "test/fakes/workers-ai-models.json"), "utf8"));
const priceOf = (name) => catalogue.find((m) => m.name === name)?.properties?.price_per_M;

/** Neurons for one request: dollars at the model's prices, divided by a neuron's price. */
const neurons = ({ input: inPrice, output: outPrice }) => (input * inPrice + output * outPrice) / 1e6 / NEURON_USD;

const rows = [];
const add = (label, name, price) => {
  if (!price || typeof price.output !== "number") return;
  const n = neurons(price);
  rows.push({
    label,
    model: name,
    inputPerM: price.input,
    outputPerM: price.output,
    neurons: n,
    requestsPerFreeDay: Math.floor(FREE_NEURONS_PER_DAY / n),
  });
};
DEFAULT_CHAT_MODELS.forEach((name, i) =>
  add(i === 0 ? "default (no model, gpt-4o-mini)" : `default, candidate ${i + 1}`, name, priceOf(name)),
);
add("old default (retired)", OLD_DEFAULT.name, OLD_DEFAULT);
for (const alias of ["gpt-4o", "gpt-5", "gpt-5-mini"])
  add(`${alias} (first candidate)`, BUILT_IN_ALIASES.get(alias)[0], priceOf(BUILT_IN_ALIASES.get(alias)[0]));

const base = rows.find((r) => r.label.startsWith("old default")).neurons;
console.log(
  `Neurons per chat request of ${input} input + ${output} output tokens (1 neuron = $${NEURON_USD}); reasoning tokens, when a model thinks, count as output.\n`,
);
console.log("| | model | $ per M in / out | neurons per request | vs old default | requests per free day (10,000 neurons) |");
console.log("| --- | --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.label} | \`${r.model}\` | ${r.inputPerM} / ${r.outputPerM} | ${r.neurons.toFixed(1)} | ${(r.neurons / base).toFixed(2)}× | ${r.requestsPerFreeDay.toLocaleString("en")} |`,
  );
}
const out = join(root, "bench/results/neurons.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ input, output, neuronUsd: NEURON_USD, rows }, null, 2)}\n`);
