// GET /dashboard: a page that shows where the free neurons went (last 30 days), read from the Usage API with a
// key typed once and kept in sessionStorage (never in a URL). No framework, no external request: the script is
// served by this worker (/dashboard.js) and draws its charts as SVG; everything it shows is inserted as text.
import type { Context } from "hono";
import { DASHBOARD_SCRIPT } from "./dashboard-script.js";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Usage — OpenAI-compatible API on Workers AI</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:64rem;margin:1.5rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
.cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #ddd;border-radius:8px;padding:.6rem .9rem;min-width:9rem}
.card b{display:block;font-size:1.4rem}.muted{color:#666}.error{color:#b00020}
table{border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:.25rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}
.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
svg{max-width:100%;height:auto}button{font:inherit}
</style></head><body>
<h1>Usage</h1>
<form id="signin" hidden><p>Type one of this proxy's API keys (an admin key shows every project). It is kept in this tab only.</p>
<input id="key" type="password" autocomplete="off" size="40" aria-label="API key"> <button type="submit">Show usage</button></form>
<p id="status" class="muted"></p>
<main id="report" hidden>
<p><span id="scope"></span> · <button id="signout" type="button">Forget the key</button></p>
<div class="cards">
<div class="card">Neurons, 30 days<b data-testid="total-neurons"></b></div>
<div class="card">Neurons today<b data-testid="today-neurons"></b></div>
<div class="card">Left today<b data-testid="remaining-neurons"></b></div>
<div class="card">Requests, 30 days<b data-testid="total-requests"></b></div>
<div class="card">Errors, 30 days<b data-testid="total-errors"></b></div>
<div class="card">Cache hit rate<b data-testid="cache-hit-rate"></b></div>
</div>
<h2>Neurons per day, by model</h2><div id="neurons-chart"></div><div id="neurons-legend" class="legend"></div>
<h2>Requests and errors per day</h2><div id="requests-chart"></div>
<section id="projects" hidden><h2>Projects today</h2><table><thead><tr><th>project</th><th>neurons used</th><th>neuron budget</th><th>left</th><th>requests</th><th>30-day neurons</th></tr></thead><tbody id="project-rows"></tbody></table></section>
</main>
<script src="/dashboard.js"></script>
</body></html>
`;

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};

export function dashboardPage(c: Context) {
  return c.body(PAGE, 200, { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS });
}

export function dashboardScript(c: Context) {
  return c.body(DASHBOARD_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8", ...SECURITY_HEADERS });
}
