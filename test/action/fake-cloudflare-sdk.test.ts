// Fidelity of the fake Cloudflare API against the official `cloudflare` SDK (7.3): pagination, errors, retries.
import Cloudflare, { AuthenticationError, BadRequestError, InternalServerError, NotFoundError } from "cloudflare";
import { describe, it, type TestContext } from "vitest";
import { startFakeCloudflare, type FakeCloudflareOptions } from "../fakes/cloudflare-api/server.js";

async function setup(
  context: TestContext,
  options: FakeCloudflareOptions = {},
  sdkOptions: { apiToken?: string; maxRetries?: number } = {},
) {
  const cf = await startFakeCloudflare(options);
  context.onTestFinished(() => cf.close());
  const sdk = new Cloudflare({ apiToken: sdkOptions.apiToken ?? cf.token, baseURL: cf.apiBase, maxRetries: sdkOptions.maxRetries });
  return { cf, sdk, expect: context.expect, nsPath: `/accounts/${cf.accountId}/storage/kv/namespaces` };
}

describe.concurrent("the cloudflare SDK against the fake Cloudflare API", () => {
  it("auto-paginates 2,500 KV namespaces in pages of 1000, sees every title once and stops on the empty page", async (context) => {
    const { cf, sdk, expect, nsPath } = await setup(context, { kvNamespaces: 2500 });
    const titles: string[] = [];
    for await (const ns of sdk.kv.namespaces.list({ account_id: cf.accountId, per_page: 1000 })) titles.push(ns.title);
    expect(titles).toHaveLength(2500);
    expect(new Set(titles).size).toBe(2500);
    expect(cf.find("GET", nsPath).map((r) => r.query.page ?? "1")).toEqual(["1", "2", "3", "4"]);
  });

  it("auto-paginates with the default page size (20) and honours order/direction", async (context) => {
    const { cf, sdk, expect, nsPath } = await setup(context, {
      kvNamespaces: ["delta", "alpha", "charlie", ...Array.from({ length: 42 }, (_, i) => `x-${i}`)],
    });
    const titles: string[] = [];
    for await (const ns of sdk.kv.namespaces.list({ account_id: cf.accountId, order: "title", direction: "desc" })) titles.push(ns.title);
    expect(titles).toHaveLength(45);
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, "en")));
    expect(titles.slice(-3)).toEqual(["delta", "charlie", "alpha"]);
    const pages = cf.find("GET", nsPath);
    expect(pages).toHaveLength(4); // 20 + 20 + 5 + the empty page
    const first = await sdk.kv.namespaces.list({ account_id: cf.accountId, per_page: 5 });
    expect(first.result_info).toEqual({ page: 1, per_page: 5, count: 5, total_count: 45, total_pages: 9 });
  });

  it("creates, gets, renames and deletes a namespace; a duplicate title is a BadRequestError with code 10014", async (context) => {
    const { cf, sdk, expect } = await setup(context, { kvNamespaces: ["existing"] });
    const created = await sdk.kv.namespaces.create({ account_id: cf.accountId, title: "cf-ai-proxy-cache" });
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), title: "cf-ai-proxy-cache", supports_url_encoding: true });
    expect(await sdk.kv.namespaces.get(created.id, { account_id: cf.accountId })).toEqual(created);

    const duplicate = await sdk.kv.namespaces.create({ account_id: cf.accountId, title: "existing" }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(BadRequestError);
    expect((duplicate as BadRequestError).status).toBe(400);
    expect((duplicate as BadRequestError).errors[0]).toEqual({
      code: 10014,
      message: "a namespace with this account ID and title already exists",
    });
    expect(cf.find("POST", `/accounts/${cf.accountId}/storage/kv/namespaces`)).toHaveLength(2); // 400 is not retried

    const renamed = await sdk.kv.namespaces.update(created.id, { account_id: cf.accountId, title: "renamed" });
    expect(renamed.title).toBe("renamed");
    await sdk.kv.namespaces.delete(created.id, { account_id: cf.accountId });
    expect(cf.state.namespaces().map((n) => n.title)).toEqual(["existing"]);
    const gone = await sdk.kv.namespaces.delete(created.id, { account_id: cf.accountId }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NotFoundError);
    expect((gone as NotFoundError).errors[0]?.code).toBe(10013);
  });

  it("retries an injected 429 (retry-after) and a 500 burst, then succeeds; gives up after maxRetries", async (context) => {
    const { cf, sdk, expect, nsPath } = await setup(context);
    cf.inject({ method: "POST", path: nsPath, status: 429, headers: { "retry-after": "1" }, times: 1 });
    cf.inject({ method: "POST", path: nsPath, status: 500, times: 1 });
    const created = await sdk.kv.namespaces.create({ account_id: cf.accountId, title: "after-faults" });
    expect(created.title).toBe("after-faults");
    expect(cf.find("POST", nsPath)).toHaveLength(3);
    expect(cf.state.namespaces().map((n) => n.title)).toEqual(["after-faults"]);

    cf.inject({ method: "GET", path: new RegExp(`${nsPath}$`), status: 503, code: 10013, message: "service unavailable", times: 3 });
    const failed = await sdk.kv.namespaces.list({ account_id: cf.accountId }, { maxRetries: 2 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(InternalServerError);
    expect((failed as InternalServerError).errors).toEqual([{ code: 10013, message: "service unavailable" }]);
    expect(cf.find("GET", nsPath)).toHaveLength(3);
  });

  it("an injected 10014 race answers like the real duplicate and leaves state alone", async (context) => {
    const { cf, sdk, expect, nsPath } = await setup(context);
    cf.inject({
      method: "POST",
      path: nsPath,
      status: 400,
      code: 10014,
      message: "a namespace with this account ID and title already exists",
      times: 1,
    });
    const raced = await sdk.kv.namespaces.create({ account_id: cf.accountId, title: "racy" }).catch((e: unknown) => e);
    expect((raced as BadRequestError).errors[0]?.code).toBe(10014);
    expect(cf.state.namespaces()).toHaveLength(0);
    expect((await sdk.kv.namespaces.create({ account_id: cf.accountId, title: "racy" })).title).toBe("racy");
  });

  it("a wrong token fails with 401 / 10000 (not retried); token verification works for the right one", async (context) => {
    const { cf, sdk, expect } = await setup(context);
    const wrong = new Cloudflare({ apiToken: "x".repeat(40), baseURL: cf.apiBase });
    const denied = await wrong.kv.namespaces.list({ account_id: cf.accountId }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AuthenticationError);
    expect((denied as AuthenticationError).status).toBe(401);
    expect((denied as AuthenticationError).errors).toEqual([{ code: 10000, message: "Authentication error" }]);
    expect(cf.requests).toHaveLength(1);
    const notVerified = await wrong.user.tokens.verify().catch((e: unknown) => e);
    expect((notVerified as AuthenticationError).errors[0]).toEqual({ code: 1000, message: "Invalid API Token" });
    expect(await sdk.user.tokens.verify()).toEqual({ id: cf.state.tokenId, status: "active" });
  });

  it("lists accounts and AI models, and answers an unknown account id with 7003", async (context) => {
    const { cf, sdk, expect } = await setup(context, { extraAccounts: [{ name: "Second" }] });
    const accounts: string[] = [];
    for await (const account of sdk.accounts.list()) accounts.push(account.name);
    expect(accounts).toEqual(["Fake Account", "Second"]);
    const models: string[] = [];
    for await (const model of sdk.ai.models.list({ account_id: cf.accountId, task: "Text Embeddings" }))
      models.push((model as { name: string }).name);
    expect(models).toEqual([
      "@cf/baai/bge-small-en-v1.5",
      "@cf/baai/bge-base-en-v1.5",
      "@cf/baai/bge-large-en-v1.5",
      "@cf/baai/omni-bge-base-en-v1.5",
      "@cf/baai/bge-m3",
      "@cf/google/embeddinggemma-300m",
      "@cf/qwen/qwen3-embedding-0.6b",
      "@cf/pfnet/plamo-embedding-1b",
    ]);
    const unknown = await sdk.kv.namespaces.list({ account_id: "f".repeat(32) }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect((unknown as NotFoundError).errors[0]?.code).toBe(7003);
  });
});
