// Authentication and permissions as api.github.com applies them:
// - `Authorization: token X`, `Bearer X` (any case) or Basic with the token as password;
// - an unknown token: 401 "Bad credentials", whatever the endpoint;
// - no token: a private repository answers 404; a public one can be read, writes get 401 "Requires authentication";
// - a token without the permission: 403 "Resource not accessible by integration" (or "… by personal access
//   token"), with `x-accepted-github-permissions` naming what the endpoint accepts.
import { ApiError, DOCS } from "./errors.js";
import type { Access, Permission, TokenGrant } from "./state.js";

/** The token in the Authorization header; `undefined` when there is none. `""` when it is unusable. */
export function tokenFrom(headers: Record<string, string>): string | undefined {
  const header = headers.authorization;
  if (header === undefined) return undefined;
  const match = /^\s*(token|bearer|basic)\s+(\S+)\s*$/i.exec(header);
  if (!match) return "";
  if (match[1].toLowerCase() !== "basic") return match[2];
  const decoded = Buffer.from(match[2], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon >= 0 ? decoded.slice(colon + 1) : decoded;
}

/** Resolves the caller: a grant, `undefined` for anonymous, or throws 401 for a bad token. */
export function authenticate(headers: Record<string, string>, grants: Map<string, TokenGrant>): TokenGrant | undefined {
  const token = tokenFrom(headers);
  if (token === undefined) return undefined;
  const grant = grants.get(token);
  if (!grant) throw new ApiError(401, "Bad credentials", DOCS);
  return grant;
}

const rank: Record<Access, number> = { none: 0, read: 1, write: 2 };

/** One of these (permission, level) pairs must be held; metadata:read is implicit for every token. */
export type Need = [Permission, Exclude<Access, "none">][];

export function authorize(grant: TokenGrant | undefined, needs: Need, doc: string): void {
  const writes = needs.some(([, level]) => level === "write");
  if (!grant) {
    if (writes) throw new ApiError(401, "Requires authentication", doc);
    return; // anonymous reads of a public repository (private ones were answered 404 already)
  }
  const held = (permission: Permission): Access =>
    permission === "metadata" ? (grant.permissions.metadata ?? "read") : (grant.permissions[permission] ?? "none");
  if (needs.some(([permission, level]) => rank[held(permission)] >= rank[level])) return;
  const message =
    grant.kind === "integration" ? "Resource not accessible by integration" : "Resource not accessible by personal access token";
  throw new ApiError(403, message, doc, undefined, {
    "x-accepted-github-permissions": needs.map(([permission, level]) => `${permission}=${level}`).join("; "),
  });
}
