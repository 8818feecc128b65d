// The HTTP client the checks use.
import { ContractFailure } from "./assert.js";
import type { ContractClient } from "./types.js";

export function contractClient(base: string, key: string, fetcher: typeof fetch = fetch): ContractClient {
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${key}`, ...headers } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    return fetcher(`${base}${path}`, init);
  };
  return {
    base,
    key,
    request,
    async json(method, path, body, expectStatus = 200, headers = {}) {
      const res = await request(method, path, body, headers);
      const text = await res.text();
      if (res.status !== expectStatus)
        throw new ContractFailure(`${method} ${path}: expected status ${expectStatus}, got ${res.status}: ${text.slice(0, 300)}`);
      try {
        return JSON.parse(text);
      } catch {
        throw new ContractFailure(`${method} ${path}: the answer is not JSON: ${text.slice(0, 200)}`);
      }
    },
  };
}
