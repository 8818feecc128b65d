// Groups any worker can declare (smoke) and the proxy's front door: models, auth, HTTP errors.
import { equal, expectError, ok } from "../assert.js";
import type { Group } from "../types.js";

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
          ok(typeof m.id === "string" && m.object === "model" && typeof m.created === "number" && typeof m.owned_by === "string", `model entry ${JSON.stringify(m)}`);
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
