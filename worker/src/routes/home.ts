// GET / — a public page for people (and JSON for machines) saying what this endpoint is and how to use it.
import type { Context } from "hono";
import { loadCatalogue, loadCatalogueIndex, retiredOn } from "../ai/catalogue.js";
import { firstListed } from "../ai/resolve.js";
import { readConfig } from "../config.js";
import type { Env } from "../env.js";
import { DEFAULT_MAX_TOKENS } from "../openai/sampling.js";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export async function home(c: Context<{ Bindings: Env }>) {
  const config = readConfig(c.env);
  const base = `${new URL(c.req.url).origin}/v1`;
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  const catalogue = await loadCatalogue(c.env, waitUntil);
  const index = await loadCatalogueIndex(c.env, waitUntil);
  const byTask = new Map<string, string[]>();
  for (const m of catalogue) {
    const task = m.task || "Other";
    byTask.set(task, [...(byTask.get(task) ?? []), m.name]);
  }
  // What each name serves now, as the live catalogue resolves it; names that resolve to nothing are left out.
  const aliases = [...config.aliases]
    .flatMap(([a, targets]) => {
      const target = firstListed(targets, index, retiredOn);
      return target ? [[a, target] as const] : [];
    })
    .sort(([a], [b]) => a.localeCompare(b));
  const defaultModel = firstListed(config.models.defaultChat, index, retiredOn) ?? config.defaultModel;
  const wantsJson = c.req.query("format") === "json" || (c.req.header("accept") ?? "").startsWith("application/json");
  if (wantsJson) {
    return c.json({
      object: "endpoint",
      description: "OpenAI-compatible API on Cloudflare Workers AI",
      base_url: base,
      auth: "Authorization: Bearer <key>",
      default_model: defaultModel,
      models: Object.fromEntries(byTask),
      aliases: Object.fromEntries(aliases),
    });
  }
  const section = (title: string, items: string[]) =>
    `<h3>${escapeHtml(title)}</h3><ul>${items.map((i) => `<li><code>${escapeHtml(i)}</code></li>`).join("")}</ul>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenAI-compatible API on Workers AI</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#222}code,pre{background:#f4f4f4;border-radius:4px;padding:.1rem .3rem}pre{padding:.8rem;overflow:auto}</style>
</head><body>
<h1>OpenAI-compatible API on Workers AI</h1>
<p>This endpoint speaks OpenAI's API (chat completions, completions, embeddings, models, images, audio, assistants, responses) and answers with Cloudflare Workers AI models. It needs an API key from whoever runs it.</p>
<h2>Use it</h2>
<p>Base URL: <code>${escapeHtml(base)}</code>. Send the key as <code>Authorization: Bearer &lt;key&gt;</code>.</p>
<pre>curl ${escapeHtml(base)}/chat/completions \\
  -H "Authorization: Bearer $API_KEY" -H "Content-Type: application/json" \\
  -d '{"model": "${escapeHtml(defaultModel)}", "messages": [{"role": "user", "content": "Hello"}]}'</pre>
<pre>import OpenAI from "openai";
const client = new OpenAI({ baseURL: "${escapeHtml(base)}", apiKey: process.env.API_KEY });</pre>
<p>In tools such as Open WebUI, n8n or LangChain, set the OpenAI base URL to <code>${escapeHtml(base)}</code> and the API key to your key.</p>
<h2>Models</h2>
<p>Default: <code>${escapeHtml(defaultModel)}</code>. OpenAI names work too:</p>
<ul>${aliases.map(([a, t]) => `<li><code>${escapeHtml(a)}</code> → <code>${escapeHtml(t)}</code></li>`).join("")}</ul>
${[...byTask].map(([task, names]) => section(task, names.sort())).join("\n")}
<h2>Long streamed answers</h2>
<p>On Cloudflare's Workers Free plan a request may use 10 ms of CPU, and a streamed answer that passes it is cut off mid-answer. A stream costs CPU every time a batch of tokens is written, so its cost grows with its length, more and more slowly (writes spread out as a stream goes on). By this project's own measurement (the isolate's CPU on its development machine, 50 tokens a second) a 1,000-token stream costs 4.4–4.5 ms as chat passed through, 6–8 ms as a Responses or Assistants stream, and 3.4–5.8 ms rendered with a stop sequence or tools; 2,048 tokens cost 4.3–6.1 ms as chat passed through and 7–11 ms as a Responses stream. So a streamed answer whose request sets no limit stops at <strong>${config.streamMaxTokens} tokens</strong> (<code>STREAM_MAX_TOKENS</code>; ${DEFAULT_MAX_TOKENS} when not streamed), ending as a model's own limit does. For long answers, send <code>"stream": false</code> (its CPU does not grow with the answer), or deploy on Workers Paid and raise <code>STREAM_MAX_TOKENS</code>.</p>
<p>Machine-readable: <a href="?format=json">?format=json</a>, or <code>GET /v1/models</code> with a key.</p>
</body></html>`;
  return c.html(html);
}
