// Routing and the middleware every request passes: CORS, auth on /v1, OpenAI-shaped errors.
import { Hono, type Context, type Handler } from "hono";
import { readConfig } from "./config.js";
import type { Env } from "./env.js";
import { authorize } from "./http/auth.js";
import { setPrincipal } from "./http/principal.js";
import { ApiError, errorResponse, toApiError } from "./http/errors.js";
import { createChatCompletion } from "./routes/chat.js";
import { createCompletion } from "./routes/completions.js";
import { createEmbeddings } from "./routes/embeddings.js";
import { home } from "./routes/home.js";
import { createImage } from "./routes/images.js";
import { createSpeech, createTranscription } from "./routes/audio.js";
import { listModels, retrieveModel } from "./routes/models.js";
import * as assistants from "./assistants/routes.js";
import * as runs from "./assistants/run-routes.js";
import * as conversations from "./responses/conversation-routes.js";
import * as responses from "./responses/routes.js";
import { getBudgets } from "./usage/budgets-api.js";
import { dashboardPage, dashboardScript } from "./usage/dashboard.js";
import { metering } from "./usage/middleware.js";
import { isAdmin } from "./usage/settings.js";
import { getUsage } from "./usage/usage-api.js";

type App = Hono<{ Bindings: Env }>;
type Method = "GET" | "POST" | "DELETE";

export const app: App = new Hono<{ Bindings: Env }>();

app.onError((error, c) => {
  const project = c.get("project");
  return errorResponse(
    toApiError(error, project === undefined ? undefined : `project ${project}, key ${c.get("keyName")}`),
    corsHeaders(c),
  );
});
app.notFound((c) =>
  errorResponse(
    new ApiError(404, `Unknown route: ${c.req.method} ${new URL(c.req.url).pathname}`, "invalid_request_error", null, "unknown_route"),
    corsHeaders(c),
  ),
);

app.use("*", async (c, next) => {
  // A path that does not decode names nothing; say so (400) before a router or handler trips over it.
  try {
    decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    throw new ApiError(
      400,
      "The request path holds malformed percent-encoding (a '%' not followed by a valid UTF-8 byte sequence).",
      "invalid_request_error",
      null,
      "invalid_path",
    );
  }
  if (c.req.method === "OPTIONS")
    return new Response(null, { status: 204, headers: { ...corsHeaders(c), "access-control-max-age": "86400" } });
  await next();
  for (const [k, v] of Object.entries(corsHeaders(c))) c.res.headers.set(k, v);
});

app.use("/v1/*", async (c, next) => {
  // ADMIN_KEYS read every project's usage, and nothing else.
  if (c.req.path.startsWith("/v1/organization/") && isAdmin(c.req.raw, c.env)) c.set("admin", true);
  else setPrincipal(c, authorize(c.req.raw, c.env.API_KEYS));
  await next();
});

app.use("/v1/*", metering);

/** Registers a path's methods, and answers every other method with 405 and an Allow header. */
function route(path: string, handlers: Partial<Record<Method, Handler<{ Bindings: Env }>>>) {
  for (const [method, handler] of Object.entries(handlers)) app.on(method, path, handler!);
  const allow = Object.keys(handlers).join(", ");
  app.all(path, (c) => {
    throw new ApiError(
      405,
      `Method ${c.req.method} is not allowed on ${new URL(c.req.url).pathname}; use ${allow}.`,
      "invalid_request_error",
      null,
      "method_not_allowed",
      { allow },
    );
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
// Assistants v2 (the static /v1/threads/runs before /v1/threads/:thread_id, which would also match it).
route("/v1/assistants", { GET: assistants.listAssistants, POST: assistants.createAssistant });
route("/v1/assistants/:assistant_id", {
  GET: assistants.retrieveAssistant,
  POST: assistants.modifyAssistant,
  DELETE: assistants.deleteAssistant,
});
route("/v1/threads", { POST: assistants.createThread });
route("/v1/threads/runs", { POST: runs.createThreadAndRun });
route("/v1/threads/:thread_id", { GET: assistants.retrieveThread, POST: assistants.modifyThread, DELETE: assistants.deleteThread });
route("/v1/threads/:thread_id/messages", { GET: assistants.listMessages, POST: assistants.createMessage });
route("/v1/threads/:thread_id/messages/:message_id", {
  GET: assistants.retrieveMessage,
  POST: assistants.modifyMessage,
  DELETE: assistants.deleteMessage,
});
route("/v1/threads/:thread_id/runs", { GET: runs.listRuns, POST: runs.createRun });
route("/v1/threads/:thread_id/runs/:run_id", { GET: runs.retrieveRun, POST: runs.modifyRun });
route("/v1/threads/:thread_id/runs/:run_id/cancel", { POST: runs.cancelRun });
route("/v1/threads/:thread_id/runs/:run_id/submit_tool_outputs", { POST: runs.submitToolOutputs });
route("/v1/threads/:thread_id/runs/:run_id/steps", { GET: runs.listRunSteps });
route("/v1/threads/:thread_id/runs/:run_id/steps/:step_id", { GET: runs.retrieveRunStep });
// Responses and Conversations.
route("/v1/responses", { POST: responses.createResponse });
route("/v1/responses/:response_id", { GET: responses.retrieveResponse, DELETE: responses.deleteResponse });
route("/v1/responses/:response_id/input_items", { GET: responses.listInputItems });
route("/v1/responses/:response_id/cancel", { POST: responses.cancelResponse });
route("/v1/conversations", { POST: conversations.createConversation });
route("/v1/conversations/:conversation_id", {
  GET: conversations.retrieveConversation,
  POST: conversations.updateConversation,
  DELETE: conversations.deleteConversation,
});
route("/v1/conversations/:conversation_id/items", { GET: conversations.listItems, POST: conversations.addItems });
route("/v1/conversations/:conversation_id/items/:item_id", { GET: conversations.retrieveItem, DELETE: conversations.deleteItem });
// Usage, budgets and the dashboard.
route("/v1/organization/usage/:kind", { GET: getUsage });
route("/v1/organization/budgets", { GET: getBudgets });
route("/dashboard", { GET: dashboardPage });
route("/dashboard.js", { GET: dashboardScript });
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
