// Workers AI models Cloudflare has retired, with the date (from the catalogue snapshot of December 2026,
// test/fakes/workers-ai-models.json). The live catalogue (env.AI.models()) lists only active models, so it cannot
// tell a retired model from a typo; this table lets the proxy say "deprecated on <date>" without calling the
// model. Models retired later are learned at runtime from the binding's 5028 error (see catalogue.ts), so the
// table only needs to grow when we want a date in the message before the first failed call.
// Kimi K2.5 (retired 2026-05-30) is left out on purpose: Cloudflare serves requests for it with K2.6.

const RETIRED: [date: string | null, models: string[]][] = [
  [null, ["@cf/deepseek-ai/deepseek-math-7b-base"]],
  [
    "2025-10-01",
    [
      "@hf/thebloke/deepseek-coder-6.7b-base-awq",
      "@hf/thebloke/deepseek-coder-6.7b-instruct-awq",
      "@cf/deepseek-ai/deepseek-math-7b-instruct",
      "@cf/thebloke/discolm-german-7b-v1-awq",
      "@cf/tiiuae/falcon-7b-instruct",
      "@hf/thebloke/llama-2-13b-chat-awq",
      "@hf/thebloke/llamaguard-7b-awq",
      "@hf/thebloke/mistral-7b-instruct-v0.1-awq",
      "@hf/thebloke/neural-chat-7b-v3-1-awq",
      "@cf/openchat/openchat-3.5-0106",
      "@hf/thebloke/openhermes-2.5-mistral-7b-awq",
      "@cf/qwen/qwen1.5-0.5b-chat",
      "@cf/qwen/qwen1.5-1.8b-chat",
      "@cf/qwen/qwen1.5-14b-chat-awq",
      "@cf/qwen/qwen1.5-7b-chat-awq",
      "@hf/nexusflow/starling-lm-7b-beta",
      "@cf/tinyllama/tinyllama-1.1b-chat-v1.0",
      "@cf/fblgit/una-cybertron-7b-v2-bf16",
      "@hf/thebloke/zephyr-7b-beta-awq",
    ],
  ],
  [
    "2026-05-30",
    [
      "@hf/meta-llama/meta-llama-3-8b-instruct",
      "@cf/meta/llama-3-8b-instruct",
      "@cf/meta/llama-3-8b-instruct-awq",
      "@cf/meta/llama-3.1-8b-instruct",
      "@cf/meta/llama-3.1-8b-instruct-awq",
      "@cf/meta/llama-3.1-70b-instruct",
      "@cf/meta/llama-2-7b-chat-int8",
      "@cf/meta/llama-2-7b-chat-fp16",
      "@cf/mistral/mistral-7b-instruct-v0.1",
      "@hf/mistral/mistral-7b-instruct-v0.2",
      "@hf/google/gemma-7b-it",
      "@cf/google/gemma-3-12b-it",
      "@hf/nousresearch/hermes-2-pro-mistral-7b",
      "@cf/microsoft/phi-2",
      "@cf/defog/sqlcoder-7b-2",
      "@cf/unum/uform-gen2-qwen-500m",
      "@cf/facebook/bart-large-cnn",
    ],
  ],
];

/** Model id → retirement date (null: retired, date unknown). A Map: request strings never index an object. */
export const RETIRED_MODELS: ReadonlyMap<string, string | null> = new Map(
  RETIRED.flatMap(([date, models]) => models.map((m) => [m, date] as const)),
);
