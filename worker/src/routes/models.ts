// GET /v1/models and GET /v1/models/{id}
import type { Context } from "hono";
import { loadCatalogue, loadCatalogueIndex, retiredOn } from "../ai/catalogue.js";
import { toOpenAiModels } from "../ai/model-list.js";
import { readConfig } from "../config.js";
import type { Env } from "../env.js";
import { modelRetired } from "../ai/errors.js";
import { firstListed } from "../ai/resolve.js";
import { notFound } from "../http/errors.js";

type Ctx = Context<{ Bindings: Env }>;

async function allModels(c: Ctx) {
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  const [models, index] = [await loadCatalogue(c.env, waitUntil), await loadCatalogueIndex(c.env, waitUntil)];
  return toOpenAiModels(models, index, readConfig(c.env), retiredOn);
}

export async function listModels(c: Ctx) {
  return c.json({ object: "list", data: await allModels(c) });
}

export async function retrieveModel(c: Ctx) {
  // Model ids contain slashes (@cf/meta/…); clients send them raw or percent-encoded.
  const raw = new URL(c.req.url).pathname.slice("/v1/models/".length);
  const id = decodeURIComponent(raw);
  const model = (await allModels(c)).find((m) => m.id === id);
  const retired = retiredOn(id);
  if (!model && retired !== undefined) {
    const index = await loadCatalogueIndex(c.env, (p) => c.executionCtx.waitUntil(p));
    throw modelRetired(id, retired, firstListed(readConfig(c.env).models.defaultChat, index, retiredOn));
  }
  if (!model) throw notFound(`The model '${id}' does not exist.`, "model", "model_not_found");
  return c.json(model);
}
