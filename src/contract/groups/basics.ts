// Groups any worker can declare (smoke) and the proxy's front door: models, auth, HTTP errors.
import { RETIRED_MODELS } from "../../../worker/src/ai/retired.js";
import { equal, expectError, matches, ok } from "../assert.js";
import type { ContractClient, Group } from "../types.js";

/** A retired model (from the proxy's own table: the first retired on 2026-05-30) and a paid-only one (Workers Free). */
const RETIRED = [...RETIRED_MODELS].find(([, date]) => date === "2026-05-30")![0];
const PAID_ONLY = "@cf/moonshotai/kimi-k2.6";

const chatOk = async (c: ContractClient, model: string | undefined, what: string) => {
  const res = await c.request("POST", "/v1/chat/completions", {
    ...(model ? { model } : {}),
    messages: [{ role: "user", content: "contract: hello" }],
  });
  const text = await res.text();
  equal(res.status, 200, `${what}: status (body ${text.slice(0, 300)})`);
};

export const smoke: Group = {
  name: "smoke",
  description: "the worker starts and answers GET / without a server error",
  checks: [
    {
      name: "GET / answers below 500",
      async run(c) {
        const res = await c.request("GET", "/", undefined, { authorization: "" });
        await res.arrayBuffer();
        ok(res.status < 500, `GET / answered ${res.status}`);
      },
    },
  ],
};

export const models: Group = {
  name: "models",
  description: "GET /v1/models and /v1/models/{id}",
  checks: [
    {
      name: "lists models in OpenAI's shape",
      async run(c) {
        const list = await c.json("GET", "/v1/models");
        equal(list.object, "list", "object");
        ok(Array.isArray(list.data) && list.data.length > 0, "data is a non-empty list");
        for (const m of list.data) {
          ok(
            typeof m.id === "string" && m.object === "model" && typeof m.created === "number" && typeof m.owned_by === "string",
            `model entry ${JSON.stringify(m)}`,
          );
        }
      },
    },
    {
      name: "retrieves a listed model by id",
      async run(c) {
        const list = await c.json("GET", "/v1/models");
        const id = list.data[0].id as string;
        const model = await c.json("GET", `/v1/models/${encodeURIComponent(id)}`);
        equal(model.id, id, "id");
      },
    },
    {
      name: "an unknown model is 404 model_not_found",
      async run(c) {
        await expectError(await c.request("GET", "/v1/models/no-such-model-anywhere"), 404, "model_not_found");
        for (const name of ["constructor", "__proto__"]) {
          await expectError(
            await c.request("POST", "/v1/chat/completions", { model: name, messages: [{ role: "user", content: "x" }] }),
            404,
            "model_not_found",
          );
        }
      },
    },
    {
      name: "lists no retired model",
      async run(c) {
        const list = await c.json("GET", "/v1/models");
        const retired = list.data.map((m: { id: string }) => m.id).filter((id: string) => RETIRED_MODELS.has(id));
        equal(retired.join(", "), "", "retired models listed");
      },
    },
    {
      name: "the README's curl example (gpt-4o-mini) and a request with no model answer 200",
      async run(c) {
        await chatOk(c, "gpt-4o-mini", "gpt-4o-mini");
        await chatOk(c, undefined, "no model");
      },
    },
    {
      name: "every OpenAI-named chat alias GET /v1/models lists answers 200, and says what it resolves to",
      async run(c) {
        const list = await c.json("GET", "/v1/models");
        const aliases = list.data.filter((m: Record<string, unknown>) => !String(m.id).startsWith("@") && m.task === "Text Generation");
        ok(aliases.length > 0, "GET /v1/models lists chat aliases (with task and resolves_to)");
        for (const alias of aliases) {
          ok(
            typeof alias.resolves_to === "string" && alias.resolves_to.startsWith("@"),
            `${alias.id}: resolves_to ${JSON.stringify(alias.resolves_to)}`,
          );
          await chatOk(c, alias.id, alias.id);
        }
        const one = await c.json("GET", `/v1/models/${encodeURIComponent(aliases[0].id)}`);
        equal(one.resolves_to, aliases[0].resolves_to, `GET /v1/models/${aliases[0].id} resolves_to`);
      },
    },
    {
      name: "a retired model is 404 model_not_found saying so and naming the replacement",
      async run(c) {
        const error = await expectError(
          await c.request("POST", "/v1/chat/completions", { model: RETIRED, messages: [{ role: "user", content: "x" }] }),
          404,
          "model_not_found",
        );
        matches(error.message, /deprecated .*2026-05-30.*Use '@cf\/[^']+' instead/, "message");
      },
    },
    {
      name: "a paid-only model on Workers Free is 403 naming a replacement",
      async run(c) {
        const error = await expectError(
          await c.request("POST", "/v1/chat/completions", { model: PAID_ONLY, messages: [{ role: "user", content: "x" }] }),
          403,
          "model_requires_paid_plan",
        );
        matches(error.message, /Workers Paid.*Use '@cf\/[^']+' instead/, "message");
      },
    },
  ],
};

export const auth: Group = {
  name: "auth",
  description: "bearer keys on /v1",
  checks: [
    {
      name: "no key is 401",
      async run(c) {
        await expectError(await c.request("GET", "/v1/models", undefined, { authorization: "" }), 401);
      },
    },
    {
      name: "a wrong key is 401",
      async run(c) {
        await expectError(await c.request("GET", "/v1/models", undefined, { authorization: "Bearer not-the-key" }), 401);
      },
    },
  ],
};

export const errors: Group = {
  name: "errors",
  description: "OpenAI error bodies for bad requests and upstream failures",
  checks: [
    {
      name: "malformed JSON is 400",
      async run(c) {
        await expectError(await c.request("POST", "/v1/chat/completions", "{oops"), 400);
      },
    },
    {
      name: "a wrong type is 400 naming the field",
      async run(c) {
        const error = await expectError(await c.request("POST", "/v1/chat/completions", { messages: "hi" }), 400);
        equal(error.param, "messages", "param");
      },
    },
    {
      name: "an unknown route is 404, a wrong method 405",
      async run(c) {
        await expectError(await c.request("GET", "/v1/no-such-route"), 404);
        await expectError(await c.request("GET", "/v1/chat/completions"), 405);
      },
    },
    {
      name: "Workers AI over capacity is 429 with retry-after",
      async run(c) {
        const res = await c.request("POST", "/v1/chat/completions", { messages: [{ role: "user", content: "[[stub:error=3040]]" }] });
        ok(res.headers.get("retry-after"), "retry-after header");
        await expectError(res, 429);
      },
    },
    {
      name: "the daily allocation used up is 429 with x-should-retry: false",
      async run(c) {
        const res = await c.request("POST", "/v1/chat/completions", { messages: [{ role: "user", content: "[[stub:error=4006]]" }] });
        equal(res.headers.get("x-should-retry"), "false", "x-should-retry");
        await expectError(res, 429);
      },
    },
  ],
};
