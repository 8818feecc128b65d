// POST /v1/images/generations
import { meterOf } from "../usage/meter.js";
import type { Context } from "hono";
import { bytesOf, bytesToBase64, imageInputs, imageType } from "../ai/media.js";
import { chooseModel, runModel } from "../ai/run.js";
import { readConfig } from "../config.js";
import type { Env } from "../env.js";
import { badRequest } from "../http/errors.js";
import { optionalEnum, optionalNumber, optionalString, requiredString } from "../http/fields.js";
import { readJsonObject } from "../http/json.js";
import { resolveModel } from "../openai/model.js";

const DEFAULT_IMAGE_MODEL = "dall-e-3";

export async function createImage(c: Context<{ Bindings: Env }>) {
  const config = readConfig(c.env);
  const body = await readJsonObject(c.req.raw);
  const prompt = requiredString(body, "prompt");
  const model = await chooseModel(c.env, config, resolveModel(body, config, DEFAULT_IMAGE_MODEL).request, (p) =>
    c.executionCtx.waitUntil(p),
  );
  const n = optionalNumber(body, "n", { min: 1, max: 4, integer: true }) ?? 1;
  const format = optionalEnum(body, "response_format", ["url", "b64_json"] as const) ?? "url";
  const size = parseSize(optionalString(body, "size"));
  const data: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) {
    const { output } = await runModel(c.env, config, model, imageInputs(model, prompt, size), false);
    const bytes = await bytesOf(output, "image", model);
    const b64 = bytesToBase64(bytes);
    // Nothing hosts the picture, so "url" is a data: URL; clients that want the bytes ask for b64_json.
    data.push(
      format === "b64_json"
        ? { b64_json: b64, revised_prompt: prompt }
        : { url: `data:${imageType(bytes)};base64,${b64}`, revised_prompt: prompt },
    );
  }
  meterOf(c)?.report(model, { images: n });
  return c.json({ created: Math.floor(Date.now() / 1000), data });
}

function parseSize(size: string | undefined): { width: number; height: number } | undefined {
  if (size === undefined || size === "auto") return undefined;
  const match = /^(\d{2,4})x(\d{2,4})$/.exec(size);
  if (!match) throw badRequest("'size' must be WIDTHxHEIGHT, e.g. '1024x1024', or 'auto'.", "size");
  const [width, height] = [Number(match[1]), Number(match[2])];
  if (width < 256 || height < 256 || width > 2048 || height > 2048)
    throw badRequest("'size' must be between 256x256 and 2048x2048.", "size");
  return { width, height };
}
