// Bearer-key check for every /v1 route: constant-time, and closed (not open) when no key is configured.
// It answers with the key's project and name (keys.ts), never the key.
import { ApiError } from "./errors.js";
import { ConfigError } from "../config.js";
import { KeyEntryError, parseKeyEntries, type KeyEntry } from "./keys.js";

const encoder = new TextEncoder();

/** The configured keys as bytes, each zero-padded to one width, so that every comparison takes the same time. */
interface Keys {
  source: string | undefined;
  width: number;
  padded: Uint8Array[];
  lengths: number[];
  entries: KeyEntry[];
}

/** Who is calling: what handlers know about the key (principal.ts puts it in the request's context). */
export interface Principal {
  project: string;
  name: string;
}

/** Keys are compared over at least this many bytes, whatever their length, so timing does not tell it either. */
const MIN_WIDTH = 256;

/** Parsed key lists by their text: API_KEYS and ADMIN_KEYS both stay parsed (a new value replaces the old). */
const parsed = new Map<string | undefined, Keys>();

function keysOf(source: string | undefined): Keys {
  const known = parsed.get(source);
  if (known) return known;
  let entries: KeyEntry[];
  try {
    entries = parseKeyEntries(source);
  } catch (error) {
    throw error instanceof KeyEntryError ? new ConfigError("API_KEYS", error.message) : error;
  }
  const bytes = entries.map((entry) => encoder.encode(entry.key));
  const width = Math.max(MIN_WIDTH, ...bytes.map((b) => b.length));
  const padded = bytes.map((b) => {
    const out = new Uint8Array(width);
    out.set(b);
    return out;
  });
  const keys = { source, width, padded, lengths: bytes.map((b) => b.length), entries };
  if (parsed.size >= 4) parsed.clear();
  parsed.set(source, keys);
  return keys;
}

/** The project and name of the key the request carries; a 401 unless it carries one of the configured keys. */
export function authorize(request: Request, keysSource: string | undefined): Principal {
  const keys = keysOf(keysSource);
  if (keys.padded.length === 0) {
    throw new ApiError(
      401,
      "This proxy has no API keys configured, so it refuses every request. Set the API_KEYS secret (e.g. `wrangler secret put API_KEYS`, or the action's `api-keys` input).",
      "authentication_error",
      null,
      "no_api_keys_configured",
    );
  }
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) {
    throw new ApiError(
      401,
      "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.",
      "authentication_error",
      null,
      "missing_api_key",
    );
  }
  // Compare in constant time over the same width, and look at every key so timing says nothing.
  const presented = encoder.encode(match[1].trim());
  let matched = -1;
  if (presented.length <= keys.width) {
    const padded = new Uint8Array(keys.width);
    padded.set(presented);
    for (let i = 0; i < keys.padded.length; i++) {
      const same = crypto.subtle.timingSafeEqual(padded, keys.padded[i]) && keys.lengths[i] === presented.length;
      matched = same && matched < 0 ? i : matched;
    }
  }
  if (matched >= 0) return { project: keys.entries[matched].project, name: keys.entries[matched].name };
  throw new ApiError(401, "Incorrect API key provided.", "authentication_error", null, "invalid_api_key");
}
