// Who a token acts as, the two ways a client can ask:
//   GET  /user     the authenticated user: 200 for a personal access token; an installation token (GITHUB_TOKEN,
//                  GitHub Apps) is no user and gets 403 "Resource not accessible by integration", as on github.com
//   POST /graphql  only `{ viewer { login } }` is modelled: every kind of token has a viewer (an installation
//                  token's is its bot account, e.g. github-actions[bot]); other queries get a GraphQL error
// Anonymous requests get 401 from both.
import type { FakeReply, RecordedRequest } from "../http-fake.js";
import { ApiError, DOCS } from "./errors.js";
import type { Account, TokenGrant } from "./state.js";

export const DOC_GET_USER = `${DOCS}/users/users#get-the-authenticated-user`;
const DOC_GRAPHQL = "https://docs.github.com/graphql";

/** The private-user fields a client reads; GitHub sends many more. */
function userJson(origin: string, serverUrl: string, account: Account) {
  return {
    login: account.login,
    id: account.id,
    node_id: `U_kgDO${Buffer.from(`${account.id}`).toString("base64url")}`,
    url: `${origin}/users/${encodeURIComponent(account.login)}`,
    html_url: `${serverUrl}/${account.login}`,
    type: account.type,
    site_admin: false,
  };
}

export function getAuthenticatedUser(grant: TokenGrant | undefined, origin: string, serverUrl: string): FakeReply {
  if (!grant) throw new ApiError(401, "Requires authentication", DOC_GET_USER);
  if (grant.kind === "integration") throw new ApiError(403, "Resource not accessible by integration", DOC_GET_USER);
  return { status: 200, body: userJson(origin, serverUrl, grant.user) };
}

const VIEWER_LOGIN = /^\s*(?:query\s*(?:[A-Za-z_]\w*)?\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/;

export function graphql(req: RecordedRequest, grant: TokenGrant | undefined): FakeReply {
  if (!grant) throw new ApiError(401, "This endpoint requires you to be authenticated.", DOC_GRAPHQL);
  const query = (req.json as { query?: unknown } | undefined)?.query;
  if (typeof query !== "string") return { status: 400, body: { message: "Problems parsing JSON", documentation_url: DOC_GRAPHQL } };
  if (!VIEWER_LOGIN.test(query)) {
    return { status: 200, body: { errors: [{ message: "the fake GitHub API answers only the query { viewer { login } }" }] } };
  }
  return { status: 200, body: { data: { viewer: { login: grant.user.login } } } };
}
