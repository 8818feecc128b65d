// Workers AI errors as the binding throws them: `new Error("<code>: <message>")`.
// Messages from developers.cloudflare.com/workers-ai/platform/errors/ and from errors captured from the binding
// (3040 and 4006 wording as observed in the wild; 3036 as in the docs table).

export const STUB_ERROR_MESSAGES: Record<number, (model: string) => string> = {
  3003: () => "Request is missing headers or body: body",
  3006: () => "Request is too large",
  3007: () => "Request timeout",
  3008: () => "Request was aborted",
  3023: () => "Service unavailable for account",
  3036: () =>
    "You have used up your daily free allocation of 10,000 neurons. Please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
  3039: () => "Finetune is missing required files (model.safetensors and config.json)",
  3040: () => "Capacity temporarily exceeded, please try again.",
  3041: () => "The account is not allowed to access this model",
  3042: () => "The model name is invalid",
  4006: () =>
    "you have used up your daily free allocation of 10,000 neurons, please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
  5004: () => "Invalid data type for base64 input: string",
  5005: (model) => `The model ${model} does not support LoRa inference`,
  5006: () => "Error: invalid input",
  5007: (model) => `No such model ${model} or task`,
  5016: () => "User has not agreed to Llama3.2 model terms",
  5018: () => "The account is not allowed to access this model",
  5019: () => "Request trying to use deprecated SDK version",
  5023: () => "JSON Schema mode is not supported with stream mode.",
  5028: () => "This model was deprecated. Please use an alternative model",
  5035: () => "This model requires a Workers Paid plan. See pricing for details.",
};

/** The error the binding throws for `code` (unknown codes get a generic message): message "<code>: …". */
export function aiError(code: number, model: string): Error {
  const text = STUB_ERROR_MESSAGES[code]?.(model) ?? "Internal server error";
  return named(new Error(`${code}: ${text}`));
}

/** A retired model, as third parties recorded the binding's error (5028 is not in the docs' error table). */
export function deprecatedModel(date: string | null): Error {
  return named(new Error(`5028: This model was deprecated${date ? ` on ${date}` : ""}. Please use an alternative model`));
}

/**
 * The real binding names its errors "AiError"; over RPC workerd cannot carry a custom name and would fold it into
 * the message ("AiError: 3040: …"), so the stub's errors keep the name "Error" and the message exactly as the
 * binding's ("3040: …"), which is what callers parse.
 */
function named(error: Error): Error {
  return error;
}

export function noSuchModel(model: string): Error {
  return aiError(5007, model);
}

/** A 5006 input-validation error, worded like Workers AI's JSON-schema validator. */
export function invalidInput(detail: string): Error {
  return named(new Error(`5006: Error: ${detail}`));
}

/** 5006 for a `oneOf` where no branch matched; `problems` lists every branch's complaints. */
export function oneOfNotMet(problems: string[]): Error {
  return invalidInput(`oneOf at '/' not met, 0 matches: ${problems.join(", ")}`);
}

export function required(path: string, names: string[]): string {
  return `required properties at '${path || "/"}' are '${names.join(",")}'`;
}

export function typeMismatch(path: string, got: string, want: string): string {
  return `Type mismatch of '${path}', '${got}' not in '${want}'`;
}
