// The model check of the preflight, pure: which models a deployment uses, and what fails or warns against a
// catalogue (the bundled December 2026 snapshot, or search results as the fake Cloudflare API sends them).
import { describe, expect, it } from "vitest";
import { checkModels, modelCheckFailure, type ModelCheckInput } from "../../src/models/check.js";
import { catalogue, fromSearchResults, type CatalogueModel } from "../../src/models/catalogue.js";
import { SNAPSHOT } from "../../src/models/snapshot.js";
import { deploymentModelVars } from "../../src/models/vars.js";
import { AI_MODELS, listed } from "../fakes/cloudflare-api/ai.js";

const TODAY = "2026-12-04";
const VARS = 'input "vars"';

function check(over: Partial<ModelCheckInput> = {}) {
  return checkModels({ vars: {}, origins: {}, catalogue: SNAPSHOT, today: TODAY, builtIns: true, ...over });
}

/** The snapshot with some models changed or removed (undefined). */
function edited(changes: Record<string, Partial<CatalogueModel> | undefined>) {
  const models = [...SNAPSHOT.models.values()].flatMap((m) =>
    m.name in changes ? (changes[m.name] ? [{ ...m, ...changes[m.name] }] : []) : [m],
  );
  return catalogue("the test catalogue", models);
}

/** What the account's API lists on TODAY with include_deprecated, read as the action reads it. */
const account = catalogue(
  "your account's Workers AI catalogue",
  fromSearchResults(AI_MODELS.filter((m) => listed(m, new Date(TODAY), true))),
);

describe("the shipped proxy's built-in models", () => {
  it("all resolve to active Free-plan models in the December 2026 catalogue, with nothing to warn about", () => {
    const result = check();
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const line = (label: string) => result.resolutions.find((r) => r.label === label);
    expect(line("DEFAULT_AI_MODEL (built in)")).toEqual({
      label: "DEFAULT_AI_MODEL (built in)",
      model: "@cf/google/gemma-4-26b-a4b-it",
      note: "",
    });
    expect(line("DEFAULT_EMBEDDING_MODEL (built in)")?.model).toBe("@cf/baai/bge-base-en-v1.5");
    expect(line("gpt-4o-mini")?.model).toBe("@cf/google/gemma-4-26b-a4b-it");
    expect(line("whisper-1")?.model).toBe("@cf/openai/whisper-large-v3-turbo");
    expect(result.resolutions.every((r) => r.model)).toBe(true);
  });

  it("a first choice that is gone is a warning: the proxy answers with the next candidate", () => {
    const result = check({ catalogue: edited({ "@cf/google/gemma-4-26b-a4b-it": { deprecationDate: "2026-11-30" } }) });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      '@cf/google/gemma-4-26b-a4b-it, the proxy\'s first choice for the default chat model, "gpt-3.5-turbo", "gpt-4o-mini" and "gpt-4.1-mini", ' +
        "was deprecated on 2026-11-30: the proxy answers with @cf/zai-org/glm-4.7-flash instead, with no redeploy.",
    ]);
    expect(result.resolutions.find((r) => r.label === "gpt-4o-mini")?.model).toBe("@cf/zai-org/glm-4.7-flash");
  });

  it("an alias with no active candidate left is an error", () => {
    const result = check({
      catalogue: edited({ "@cf/openai/whisper-large-v3-turbo": undefined, "@cf/openai/whisper": { deprecationDate: "2026-10-01" } }),
    });
    expect(result.errors).toHaveLength(3);
    expect(result.errors[0]).toBe(
      'the proxy\'s built-in alias "whisper-1" has no active model left: @cf/openai/whisper-large-v3-turbo, @cf/openai/whisper are all retired or missing ' +
        'from the test catalogue. Map "whisper-1" in MODEL_ALIASES to an active model (choose an active Automatic Speech Recognition model from ' +
        "https://developers.cloudflare.com/workers-ai/models/), or update the action for newer defaults.",
    );
    expect(result.resolutions.find((r) => r.label === "whisper-1")).toEqual({
      label: "whisper-1",
      model: undefined,
      note: "no active model",
    });
  });

  it("a first choice missing from the catalogue, and a last candidate retiring soon, say so once for all names that share them", () => {
    const result = check({
      catalogue: edited({ "@cf/myshell-ai/melotts": undefined, "@cf/deepgram/aura-1": { deprecationDate: "2026-12-14" } }),
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      '@cf/myshell-ai/melotts, the proxy\'s first choice for "tts-1", "tts-1-hd" and "gpt-4o-mini-tts", is not in the test catalogue: ' +
        "the proxy answers with @cf/deepgram/aura-1 instead, with no redeploy.",
      '@cf/deepgram/aura-1, which the proxy uses for "tts-1", "tts-1-hd" and "gpt-4o-mini-tts", will be deprecated on 2026-12-14 (in 10 days): ' +
        "nothing active comes after it in the proxy's list: set MODEL_ALIASES before then.",
    ]);
  });

  it("a serving model deprecated within 60 days is a warning saying what comes next; 61 days is not", () => {
    const in30 = check({ catalogue: edited({ "@cf/google/gemma-4-26b-a4b-it": { deprecationDate: "2027-01-03" } }) });
    expect(in30.errors).toEqual([]);
    expect(in30.warnings).toEqual([
      '@cf/google/gemma-4-26b-a4b-it, which the proxy uses for the default chat model, "gpt-3.5-turbo", "gpt-4o-mini" and "gpt-4.1-mini", ' +
        "will be deprecated on 2027-01-03 (in 30 days): the proxy then moves to @cf/zai-org/glm-4.7-flash by itself.",
    ]);
    expect(in30.resolutions.find((r) => r.label === "gpt-4o-mini")?.note).toBe("deprecated on 2027-01-03");
    expect(check({ catalogue: edited({ "@cf/google/gemma-4-26b-a4b-it": { deprecationDate: "2027-02-03" } }) }).warnings).toEqual([]);
  });
});

describe("models the user set", () => {
  it("the retired default fails, naming the var, where it was set, the date and the replacement", () => {
    const result = check({ vars: { DEFAULT_AI_MODEL: "@cf/meta/llama-3.1-8b-instruct" }, origins: { DEFAULT_AI_MODEL: VARS } });
    expect(result.errors).toEqual([
      'DEFAULT_AI_MODEL (input "vars") names @cf/meta/llama-3.1-8b-instruct, which Workers AI deprecated on 2026-05-30 ' +
        "(requests to it fail with error 5028): use @cf/google/gemma-4-26b-a4b-it instead.",
    ]);
  });

  it("against the account's catalogue, which no longer lists it, the snapshot still dates it", () => {
    const result = check({
      vars: { DEFAULT_AI_MODEL: "@cf/meta/llama-3.1-8b-instruct" },
      origins: { DEFAULT_AI_MODEL: 'input "default-model"' },
      catalogue: account,
      snapshot: SNAPSHOT,
    });
    expect(result.errors).toEqual([
      'DEFAULT_AI_MODEL (input "default-model") names @cf/meta/llama-3.1-8b-instruct, which Workers AI deprecated on 2026-05-30 and no longer lists ' +
        "(requests to it fail with error 5028): use @cf/google/gemma-4-26b-a4b-it instead.",
    ]);
  });

  it("an unknown model fails; an embedding var gets an embedding replacement", () => {
    const result = check({
      vars: { DEFAULT_EMBEDDING_MODEL: "@cf/acme/embed-nothing" },
      origins: { DEFAULT_EMBEDDING_MODEL: '"vars" in my-worker/wrangler.toml' },
      catalogue: account,
    });
    expect(result.errors).toEqual([
      'DEFAULT_EMBEDDING_MODEL ("vars" in my-worker/wrangler.toml) names @cf/acme/embed-nothing, which your account\'s Workers AI catalogue does not list ' +
        "(a typo, or a model retired since): use @cf/baai/bge-base-en-v1.5 instead.",
    ]);
  });

  it("a deprecated alias target fails; the replacement comes from the built-in alias of the same name, or the same task", () => {
    const aliases = JSON.stringify({
      "gpt-4o": "@cf/meta/llama-3.1-70b-instruct",
      summarize: ["@cf/facebook/bart-large-cnn"],
      fast: ["@cf/zai-org/glm-4.7-flash"],
    });
    const result = check({ vars: { MODEL_ALIASES: aliases }, origins: { MODEL_ALIASES: '"vars" in wrangler.jsonc' } });
    expect(result.errors).toEqual([
      'MODEL_ALIASES ("vars" in wrangler.jsonc) maps "gpt-4o" to @cf/meta/llama-3.1-70b-instruct, which Workers AI deprecated on 2026-05-30 ' +
        "(requests to it fail with error 5028): use @cf/nvidia/nemotron-3-120b-a12b instead.",
      'MODEL_ALIASES ("vars" in wrangler.jsonc) maps "summarize" to @cf/facebook/bart-large-cnn, which Workers AI deprecated on 2026-05-30 ' +
        "(requests to it fail with error 5028): choose an active Summarization model from https://developers.cloudflare.com/workers-ai/models/.",
    ]);
    expect(result.resolutions.find((r) => r.label === "fast (MODEL_ALIASES)")?.model).toBe("@cf/zai-org/glm-4.7-flash");
    expect(modelCheckFailure(result.errors)).toMatch(
      /^2 models the worker would use are retired or unknown: \(1\) MODEL_ALIASES .* \(2\) MODEL_ALIASES/,
    );
  });

  it("a paid-only model warns; an announced deprecation within 60 days warns with a replacement", () => {
    const paid = check({ vars: { FALLBACK_MODELS: "@cf/moonshotai/kimi-k2.6" }, origins: { FALLBACK_MODELS: VARS } });
    expect(paid.errors).toEqual([]);
    expect(paid.warnings).toEqual([
      'FALLBACK_MODELS (input "vars") names @cf/moonshotai/kimi-k2.6, which needs the Workers Paid plan: on Workers Free requests to it fail with error 5035 (HTTP 403).',
    ]);
    const soon = check({
      vars: { DEFAULT_AI_MODEL: "@cf/qwen/qwq-32b" },
      origins: { DEFAULT_AI_MODEL: VARS },
      catalogue: edited({ "@cf/qwen/qwq-32b": { deprecationDate: "2027-01-20" } }),
    });
    expect(soon.warnings).toEqual([
      'DEFAULT_AI_MODEL (input "vars") names @cf/qwen/qwq-32b, which Workers AI will deprecate on 2027-01-20 (in 47 days): use @cf/google/gemma-4-26b-a4b-it instead before then.',
    ]);
  });

  it("a var that cannot mean anything fails with the parser's reason and where it was set", () => {
    const result = check({ vars: { MODEL_ALIASES: "{not json" }, origins: { MODEL_ALIASES: VARS } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^MODEL_ALIASES \(input "vars"\) is not valid JSON/);
  });

  it("a user's own worker: only what the user set is checked, never the proxy's built-ins", () => {
    const broken = edited({
      "@cf/google/gemma-4-26b-a4b-it": undefined,
      "@cf/openai/whisper-large-v3-turbo": undefined,
      "@cf/openai/whisper": undefined,
    });
    expect(check({ builtIns: false, catalogue: broken })).toEqual({ errors: [], warnings: [], resolutions: [] });
    const own = check({
      builtIns: false,
      catalogue: broken,
      vars: { DEFAULT_AI_MODEL: "@cf/zai-org/glm-4.7-flash" },
      origins: { DEFAULT_AI_MODEL: VARS },
    });
    expect(own).toEqual({
      errors: [],
      warnings: [],
      resolutions: [{ label: "DEFAULT_AI_MODEL", model: "@cf/zai-org/glm-4.7-flash", note: "" }],
    });
    // Its own names for models elsewhere are its business: a warning, not a failure.
    const elsewhere = check({ builtIns: false, vars: { DEFAULT_AI_MODEL: "claude-sonnet" }, origins: { DEFAULT_AI_MODEL: VARS } });
    expect(elsewhere.errors).toEqual([]);
    expect(elsewhere.warnings).toEqual([
      'DEFAULT_AI_MODEL (input "vars") names "claude-sonnet", which is neither a Workers AI model id (@cf/… or @hf/…) nor an alias. The model check skipped this worker\'s models.',
    ]);
  });
});

describe("where the model vars come from", () => {
  it("the config's vars, then the vars input, then default-model", () => {
    const config = { DEFAULT_AI_MODEL: "@cf/a/from-config", MODEL_ALIASES: { fast: "@cf/zai-org/glm-4.7-flash" }, GREETING: "hi" };
    const got = deploymentModelVars(
      config,
      { vars: { FALLBACK_MODELS: "@cf/b/from-input" }, defaultModel: "@cf/c/from-default-model" },
      "my-worker/wrangler.jsonc",
    );
    expect(got.vars).toEqual({
      DEFAULT_AI_MODEL: "@cf/c/from-default-model",
      MODEL_ALIASES: '{"fast":"@cf/zai-org/glm-4.7-flash"}',
      FALLBACK_MODELS: "@cf/b/from-input",
    });
    expect(got.origins).toEqual({
      DEFAULT_AI_MODEL: 'input "default-model"',
      MODEL_ALIASES: '"vars" in my-worker/wrangler.jsonc',
      FALLBACK_MODELS: 'input "vars"',
    });
    expect(() => deploymentModelVars({}, { vars: { DEFAULT_AI_MODEL: "@cf/x/y" }, defaultModel: "@cf/x/z" }, "w")).toThrow(
      'input "vars": DEFAULT_AI_MODEL is also set by input "default-model": set it in one place',
    );
  });
});
