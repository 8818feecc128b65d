// Authentication as the v4 API answers it, before any route runs:
// - no credentials at all: 400, 9106 "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
// - an Authorization header that is not `Bearer <token>`: 400, 6003 "Invalid request headers"
//   with error_chain 6111 "Invalid format for Authorization header"
// - a well-formed but unknown token: 401, 10000 "Authentication error"
//   (on /user/tokens/verify: 401, 1000 "Invalid API Token")
// - a Global API key (X-Auth-Key/X-Auth-Email): this fake knows none: 403, 9103 "Unknown X-Auth-Key or X-Auth-Email"
import type { RecordedRequest } from "../http-fake.js";
import { type ApiFailure, apiError } from "./envelope.js";
import type { FakeCloudflareState } from "./state.js";

const BEARER = /^bearer\s+([A-Za-z0-9._~+/=-]+)$/i;

export function checkAuth(req: RecordedRequest, state: FakeCloudflareState, apiPath: string): ApiFailure | undefined {
  const authorization = req.headers.authorization;
  if (authorization === undefined) {
    if (req.headers["x-auth-key"] !== undefined || req.headers["x-auth-email"] !== undefined) {
      return apiError(403, 9103, "Unknown X-Auth-Key or X-Auth-Email");
    }
    return apiError(400, 9106, "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
  }
  const match = BEARER.exec(authorization.trim());
  if (!match) {
    return apiError(400, 6003, "Invalid request headers", [{ code: 6111, message: "Invalid format for Authorization header" }]);
  }
  if (match[1] !== state.token) {
    return apiPath === "/user/tokens/verify" ? apiError(401, 1000, "Invalid API Token") : apiError(401, 10000, "Authentication error");
  }
  return undefined;
}
