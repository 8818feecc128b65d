// Routing and the middleware every request passes: CORS, auth on /v1, OpenAI-shaped errors.
import { Hono, type Context, type Handler } from "hono";
import { readConfig } from "./config.js";
import type { Env } from "./env.js";
import { authorize } from "./http/auth.js";
import { ApiError, errorResponse, toApiError } from "./http/errors.js";
import { createChatCompletion } from "./routes/chat.js";
import { createCompletion } from "./routes/completions.js";
import { createEmbeddings } from "./routes/embeddings.js";
import { home } from "./routes/home.js";
import { createImage } from "./routes/images.js";
import { createSpeech, createTranscription } from "./routes/audio.js";
import { listModels, retrieveModel } from "./routes/models.js";

type App = Hono<{ Bindings: Env }>;
type Method = "GET" | "POST" | "DELETE";

export const app: App = new Hono<{ Bindings: Env }>();

app.onError((error, c) => errorResponse(toApiError(error), corsHeaders(c)));
app.notFound((c) => errorResponse(new ApiError(404, `Unknown route: ${c.req.method} ${new URL(c.req.url).pathname}`, "invalid_request_error", null, "unknown_route"), corsHeaders(c)));

app.use("*", async (c, next) => {
  if (c.req.method === "OPTIONS") return new Response(null, { status: 204, headers: { ...corsHeaders(c), "access-control-max-age": "86400" } });
  await next();
  for (const [k, v] of Object.entries(corsHeaders(c))) c.res.headers.set(k, v);
});

app.use("/v1/*", async (c, next) => {
  await authorize(c.req.raw, c.env.API_KEYS);
  await next();
});

/** Registers a path's methods, and answers every other method with 405 and an Allow header. */
function route(path: string, handlers: Partial<Record<Method, Handler<{ Bindings: Env }>>>) {
  for (const [method, handler] of Object.entries(handlers)) app.on(method, path, handler!);
  const allow = Object.keys(handlers).join(", ");
  app.all(path, (c) => {
    throw new ApiError(405, `Method ${c.req.method} is not allowed on ${new URL(c.req.url).pathname}; use ${allow}.`, "invalid_request_error", null, "method_not_allowed", { allow });
  });
}

route("/v1/models", { GET: listModels });
route("/v1/models/*", { GET: retrieveModel });
route("/v1/chat/completions", { POST: createChatCompletion });
route("/v1/completions", { POST: createCompletion });
route("/v1/embeddings", { POST: createEmbeddings });
route("/v1/images/generations", { POST: createImage });
route("/v1/audio/transcriptions", { POST: createTranscription });
route("/v1/audio/speech", { POST: createSpeech });
route("/", { GET: home });

function corsHeaders(c: Context<{ Bindings: Env }>): Record<string, string> {
  const origin = c.req.header("origin");
  if (!origin) return {};
  let allowed: string[];
  try {
    allowed = readConfig(c.env).corsOrigins;
  } catch {
    allowed = [];
  }
  const ok = allowed.includes("*") || allowed.includes(origin);
  if (!ok) return {};
  return {
    "access-control-allow-origin": allowed.includes("*") ? "*" : origin,
    "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
    "access-control-allow-headers": c.req.header("access-control-request-headers") ?? "authorization, content-type, openai-beta",
    "access-control-expose-headers": "x-cache, retry-after, x-request-id",
    ...(allowed.includes("*") ? {} : { vary: "origin" }),
  };
}
