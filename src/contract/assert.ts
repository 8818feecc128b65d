// Assertions for contract checks: each failure says what was expected and what came back.

export class ContractFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContractFailure";
  }
}

const show = (value: unknown) => {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractFailure(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new ContractFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

export function deepEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new ContractFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

export function matches(actual: unknown, pattern: RegExp, what: string): void {
  if (typeof actual !== "string" || !pattern.test(actual))
    throw new ContractFailure(`${what}: expected to match ${pattern}, got ${show(actual)}`);
}

/** An OpenAI error body with the given status (and code, when given). */
export async function expectError(res: Response, status: number, code?: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  equal(res.status, status, `status (body ${text.slice(0, 200)})`);
  ok(
    (res.headers.get("content-type") ?? "").includes("application/json"),
    `error content-type: expected application/json, got ${res.headers.get("content-type")}`,
  );
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ContractFailure(`error body is not JSON: ${text.slice(0, 200)}`);
  }
  ok(body?.error && typeof body.error.message === "string", `error body: expected {"error":{"message",…}}, got ${show(body)}`);
  for (const key of ["type", "param", "code"]) ok(key in body.error, `error body lacks "${key}"`);
  if (code !== undefined) equal(body.error.code, code, "error code");
  return body.error;
}

/** The `data:` payloads of a server-sent event stream, JSON-parsed except `[DONE]`. */
export function sseData(text: string): any[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) =>
      block
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trimStart())
        .join("\n"),
    )
    .filter((data) => data !== "")
    .map((data) => {
      if (data === "[DONE]") return data;
      try {
        return JSON.parse(data);
      } catch {
        throw new ContractFailure(`stream event is not JSON: ${data.slice(0, 200)}`);
      }
    });
}
