// The dashboard's script (served as /dashboard.js). Plain browser JavaScript in a string, so the worker ships it
// without a bundler step; the browser test (test/pages/dashboard.test.ts) runs it in Chromium. It only inserts
// text (textContent, SVG attributes), never HTML, so model and project names cannot inject markup.
export const DASHBOARD_SCRIPT = `"use strict";
(function () {
  var STORE = "cf-ai-proxy-key";
  var KINDS = ["completions", "embeddings", "images", "audio_speeches", "audio_transcriptions"];
  var DAYS = 30;
  var COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
  var SVG = "http://www.w3.org/2000/svg";
  var $ = function (id) { return document.getElementById(id); };
  var fmt = function (x) { return Math.round(x).toLocaleString("en-US"); };

  function status(text, isError) { $("status").textContent = text; $("status").className = isError ? "error" : "muted"; }

  function api(path) {
    return fetch(path, { headers: { authorization: "Bearer " + sessionStorage.getItem(STORE) } }).then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) { var e = new Error((body && body.error && body.error.message) || ("HTTP " + res.status)); e.status = res.status; throw e; }
        return body;
      });
    });
  }

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function dayLabel(seconds) { return new Date(seconds * 1000).toISOString().slice(5, 10); }

  /** Stacked bars: series = [{name, color, values[]}], one value per day; an optional horizontal line. */
  function barChart(target, days, series, line, lineLabel) {
    var w = 760, h = 240, left = 56, bottom = 28, top = 12;
    var totals = days.map(function (_, i) { return series.reduce(function (s, x) { return s + x.values[i]; }, 0); });
    var peak = Math.max(1, line || 0, Math.max.apply(null, totals));
    // Gridlines at a round step (1, 2 or 5 times a power of ten), at most five of them.
    var magnitude = Math.pow(10, Math.floor(Math.log10(peak / 4)));
    var step = [1, 2, 5, 10].map(function (m) { return m * magnitude; }).find(function (s) { return peak / s <= 5; });
    var max = Math.ceil(peak / step) * step;
    var bw = (w - left - 8) / days.length;
    var y = function (v) { return top + (h - top - bottom) * (1 - v / max); };
    var svg = el("svg", { viewBox: "0 0 " + w + " " + h, role: "img" });
    for (var v = 0; v <= max + step / 2; v += step) {
      svg.appendChild(el("line", { x1: left, x2: w - 8, y1: y(v), y2: y(v), stroke: "#eee" }));
      svg.appendChild(el("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 10, fill: "#666" }, fmt(v)));
    }
    days.forEach(function (d, i) {
      var base = 0;
      series.forEach(function (s) {
        var v = s.values[i];
        if (v > 0) {
          var rect = el("rect", { x: left + i * bw + 1, y: y(base + v), width: Math.max(1, bw - 2), height: Math.max(0.5, y(base) - y(base + v)), fill: s.color });
          rect.appendChild(el("title", {}, dayLabel(d) + " " + s.name + ": " + fmt(v)));
          svg.appendChild(rect);
        }
        base += v;
      });
      if (i % 5 === 0 || i === days.length - 1) svg.appendChild(el("text", { x: left + i * bw + bw / 2, y: h - 10, "text-anchor": "middle", "font-size": 10, fill: "#666" }, dayLabel(d)));
    });
    if (line) {
      svg.appendChild(el("line", { x1: left, x2: w - 8, y1: y(line), y2: y(line), stroke: "#b00020", "stroke-dasharray": "6 4", "data-testid": "budget-line" }));
      svg.appendChild(el("text", { x: w - 10, y: y(line) - 4, "text-anchor": "end", "font-size": 10, fill: "#b00020" }, lineLabel + " " + fmt(line)));
    }
    target.replaceChildren(svg);
  }

  function render(budgets, pages, start) {
    var admin = budgets.account !== null;
    var days = [];
    for (var i = 0; i < DAYS; i++) days.push(start + i * 86400);
    var byModel = {}, requests = days.map(function () { return 0; }), errors = requests.slice(), hits = 0, total = 0, projectNeurons = {};
    pages.forEach(function (page) {
      page.data.forEach(function (bucket) {
        var i = days.indexOf(bucket.start_time);
        if (i < 0) return;
        bucket.results.forEach(function (r) {
          var model = r.model || "(all)";
          if (!byModel[model]) byModel[model] = days.map(function () { return 0; });
          byModel[model][i] += r.neurons || 0;
          requests[i] += r.num_model_requests || 0;
          errors[i] += r.errors || 0;
          hits += r.cache_hits || 0;
          total += r.num_model_requests || 0;
          if (r.project_id) projectNeurons[r.project_id] = (projectNeurons[r.project_id] || 0) + (r.neurons || 0);
        });
      });
    });
    var models = Object.keys(byModel).sort();
    var series = models.map(function (m, k) { return { name: m, color: COLORS[k % COLORS.length], values: byModel[m] }; });
    var neurons = series.reduce(function (s, x) { return s + x.values.reduce(function (a, b) { return a + b; }, 0); }, 0);
    var today = series.reduce(function (s, x) { return s + x.values[DAYS - 1]; }, 0);
    var mine = budgets.projects[0];
    var budgetLine = admin ? budgets.account.neurons_limit : mine && mine.limits.neurons;
    var left = admin ? budgets.account.neurons_remaining : mine && mine.remaining.neurons;
    $("scope").textContent = admin ? "All projects (admin key)" : "Project " + (mine ? mine.project_id : "?");
    document.querySelector("[data-testid=total-neurons]").textContent = fmt(neurons);
    document.querySelector("[data-testid=today-neurons]").textContent = fmt(today);
    document.querySelector("[data-testid=remaining-neurons]").textContent = left === null || left === undefined ? "no budget" : fmt(left);
    document.querySelector("[data-testid=total-requests]").textContent = fmt(requests.reduce(function (a, b) { return a + b; }, 0));
    document.querySelector("[data-testid=total-errors]").textContent = fmt(errors.reduce(function (a, b) { return a + b; }, 0));
    document.querySelector("[data-testid=cache-hit-rate]").textContent = total ? (100 * hits / total).toFixed(1) + "%" : "–";
    barChart($("neurons-chart"), days, series, budgetLine, admin ? "account guard" : "daily budget");
    var legend = $("neurons-legend");
    legend.replaceChildren();
    series.forEach(function (s) {
      var item = document.createElement("span");
      var swatch = document.createElement("i");
      swatch.style.background = s.color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(s.name));
      legend.appendChild(item);
    });
    barChart($("requests-chart"), days, [
      { name: "answered", color: "#4e79a7", values: requests.map(function (r, i) { return r - errors[i]; }) },
      { name: "errors", color: "#e15759", values: errors },
    ]);
    $("projects").hidden = !admin;
    var rows = $("project-rows");
    rows.replaceChildren();
    if (admin) budgets.projects.forEach(function (p) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-project", p.project_id);
      [p.project_id, fmt(p.used.neurons), p.limits.neurons === null ? "–" : fmt(p.limits.neurons), p.remaining.neurons === null ? "–" : fmt(p.remaining.neurons),
        fmt(p.used.requests), fmt(projectNeurons[p.project_id] || 0)].forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    $("report").hidden = false;
    status("Updated " + new Date().toLocaleTimeString() + ". Neurons are estimated from the catalogue's prices.");
  }

  function load() {
    $("signin").hidden = true;
    status("Loading…");
    var now = Math.floor(Date.now() / 1000);
    var start = Math.floor(now / 86400) * 86400 - (DAYS - 1) * 86400;
    api("/v1/organization/budgets").then(function (budgets) {
      var group = budgets.account !== null ? "&group_by=model&group_by=project_id" : "&group_by=model";
      return Promise.all(KINDS.map(function (kind) {
        return api("/v1/organization/usage/" + kind + "?start_time=" + start + "&bucket_width=1d&limit=" + DAYS + group);
      })).then(function (pages) { render(budgets, pages, start); });
    }).catch(function (error) {
      if (error.status === 401) { sessionStorage.removeItem(STORE); $("signin").hidden = false; }
      status(error.message, true);
    });
  }

  $("signin").addEventListener("submit", function (event) {
    event.preventDefault();
    var key = $("key").value.trim();
    if (!key) return;
    sessionStorage.setItem(STORE, key);
    $("key").value = "";
    load();
  });
  $("signout").addEventListener("click", function () {
    sessionStorage.removeItem(STORE);
    $("report").hidden = true;
    $("signin").hidden = false;
    status("The key is forgotten.");
  });
  if (sessionStorage.getItem(STORE)) load(); else { $("signin").hidden = false; status(""); }
})();
`;
