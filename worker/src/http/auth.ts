// Bearer-key check for every /v1 route: constant-time, and closed (not open) when no key is configured.
import { ApiError } from "./errors.js";

let cachedSource: string | undefined;
let cachedDigests: ArrayBuffer[] = [];

export function parseKeys(source: string | undefined): string[] {
  return (source ?? "").split(/[\n,]/).map((k) => k.trim()).filter(Boolean);
}

async function digest(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

/** Throws a 401 unless the request carries one of the configured keys. */
export async function authorize(request: Request, keysSource: string | undefined): Promise<void> {
  if (keysSource !== cachedSource) {
    cachedDigests = await Promise.all(parseKeys(keysSource).map(digest));
    cachedSource = keysSource;
  }
  if (cachedDigests.length === 0) {
    throw new ApiError(401, "This proxy has no API keys configured, so it refuses every request. Set the API_KEYS secret (e.g. `wrangler secret put API_KEYS`, or the action's `api-keys` input).", "authentication_error", null, "no_api_keys_configured");
  }
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) {
    throw new ApiError(401, "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.", "authentication_error", null, "missing_api_key");
  }
  // Compare fixed-length digests in constant time, and look at every key so timing says nothing.
  const presented = await digest(match[1].trim());
  let ok = false;
  for (const key of cachedDigests) ok = crypto.subtle.timingSafeEqual(presented, key) || ok;
  if (!ok) throw new ApiError(401, "Incorrect API key provided.", "authentication_error", null, "invalid_api_key");
}
