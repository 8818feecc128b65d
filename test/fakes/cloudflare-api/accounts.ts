// Token verification, user, memberships and accounts.
import { ok, paginate } from "./envelope.js";
import type { Router } from "./router.js";
import type { AccountState, FakeCloudflareState } from "./state.js";

const ACCOUNT_PAGES = { defaultPerPage: 20, maxPerPage: 50, minPerPage: 5 };

export function accountResource(account: AccountState) {
  return {
    id: account.id,
    name: account.name,
    type: "standard",
    settings: { enforce_twofactor: false, api_access_enabled: null, access_approval_expiry: null, abuse_contact_email: null },
    created_on: account.created_on,
  };
}

function tokenResult(state: FakeCloudflareState) {
  return ok(
    { id: state.tokenId, status: "active" },
    { messages: [{ code: 10000, message: "This API Token is valid and active", type: null }] },
  );
}

export function registerAccountRoutes(router: Router): void {
  router
    .on("GET", "/user/tokens/verify", ({ state }) => tokenResult(state))
    .on("GET", "/accounts/:account/tokens/verify", ({ state }) => tokenResult(state))
    .on("GET", "/user", ({ state }) =>
      ok({
        id: state.userId,
        email: state.email,
        username: state.userId,
        first_name: null,
        last_name: null,
        telephone: null,
        country: null,
        zipcode: null,
        two_factor_authentication_enabled: false,
        two_factor_authentication_locked: false,
        has_pro_zones: false,
        has_business_zones: false,
        has_enterprise_zones: false,
        suspended: false,
        betas: [],
        organizations: [],
      }),
    )
    .on("GET", "/memberships", ({ state, query }) => {
      const memberships = [...state.accounts.values()].map((account) => ({
        id: account.id.split("").reverse().join(""),
        status: "accepted",
        account: accountResource(account),
        roles: ["Super Administrator - All Privileges"],
        permissions: { workers: { read: true, write: true }, analytics: { read: true, write: true } },
      }));
      const { result, result_info } = paginate(memberships, query, ACCOUNT_PAGES);
      return ok(result, { result_info });
    })
    .on("GET", "/accounts", ({ state, query }) => {
      const accounts = [...state.accounts.values()].map(accountResource);
      const { result, result_info } = paginate(accounts, query, ACCOUNT_PAGES);
      return ok(result, { result_info });
    })
    .on("GET", "/accounts/:account", ({ account }) => ok(accountResource(account)));
}
