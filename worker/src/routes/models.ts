// GET /v1/models and GET /v1/models/{id}
import type { Context } from "hono";
import { loadCatalogue, toOpenAiModels } from "../ai/catalogue.js";
import { readConfig } from "../config.js";
import type { Env } from "../env.js";
import { notFound } from "../http/errors.js";

type Ctx = Context<{ Bindings: Env }>;

async function allModels(c: Ctx) {
  const catalogue = await loadCatalogue(c.env, (p) => c.executionCtx.waitUntil(p));
  return toOpenAiModels(catalogue, readConfig(c.env));
}

export async function listModels(c: Ctx) {
  return c.json({ object: "list", data: await allModels(c) });
}

export async function retrieveModel(c: Ctx) {
  // Model ids contain slashes (@cf/meta/…); clients send them raw or percent-encoded.
  const raw = new URL(c.req.url).pathname.slice("/v1/models/".length);
  const id = decodeURIComponent(raw);
  const model = (await allModels(c)).find((m) => m.id === id);
  if (!model) throw notFound(`The model '${id}' does not exist.`, "model", "model_not_found");
  return c.json(model);
}
