#!/usr/bin/env node
// How many times a request enters its isolate: an exact count where the CPU measures (run.mjs) are noisy. workerd
// takes `Worker::Lock` every time JavaScript runs for a request (the request itself, a read that completes, a write
// the client took, a timer, an RPC call), and each entry costs runtime work whatever the Worker does in it
// (README, Performance). A uprobe on `workerd::Worker::Lock::Lock` counts the entries of the proxy's workerd while
// one stream of 1,000 paced tokens runs, beside the minimal pass-through worker on the same stream and the number
// of writes the client received (chunks that come together count as one).
//
// Usage: node bench/worker/wakes.mjs [pass] [stop] [native] [responses]   (measures dist/: run `npm run build` first)
// Prints a Markdown table and writes bench/results/wakes.json.
// Needs root (it adds a uprobe, removed at the end), `perf`, and binutils (`nm`, `readelf`) to find the symbol.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { checkBuilt, loadWrangler, pacedRequest, REQUEST_HEADERS, root, startProxyAndPassthroughs } from "./lib.mjs";

const PROBE = "probe_workerd:cfaiproxy_lock";
const WORDS = 1000;
/** The pass-through is always asked for the chat stream: what the proxy's answer is made from. */
const PASSTHROUGH_OF = { pass: "pass", stop: "pass", native: "native", responses: "pass" };

/** The file offset of `workerd::Worker::Lock::Lock` in the workerd binary, for `perf probe`. */
function lockOffset(binary) {
  const symbols = execFileSync("nm", [binary], { encoding: "utf8", maxBuffer: 1 << 30 });
  const line = symbols.split("\n").find((l) => / T _ZN7workerd6Worker4LockC[12]E/.test(l));
  if (!line) throw new Error(`no workerd::Worker::Lock::Lock symbol in ${binary}`);
  const address = BigInt(`0x${line.split(" ")[0]}`);
  for (const segment of execFileSync("readelf", ["-lW", binary], { encoding: "utf8" }).split("\n")) {
    const f = segment.trim().split(/\s+/);
    if (f[0] !== "LOAD") continue;
    const [offset, vaddr, size] = [BigInt(f[1]), BigInt(f[2]), BigInt(f[4])];
    if (address >= vaddr && address < vaddr + size) return `0x${(address - vaddr + offset).toString(16)}`;
  }
  throw new Error(`the Worker::Lock symbol of ${binary} is in no loaded segment`);
}

async function countEntries(target, path, body) {
  const perf = spawn("perf", ["stat", "-x,", "-e", PROBE, "-p", String(target.pid)], { stdio: ["ignore", "ignore", "pipe"] });
  let report = "";
  perf.stderr.on("data", (d) => (report += d));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const response = await fetch(target.origin + path, {
    method: "POST",
    headers: REQUEST_HEADERS,
    body: JSON.stringify(body),
  });
  // A write larger than one network read (64 KiB, late in a stream) reaches the client as several chunks back to
  // back; writes are 50 ms apart at least (STREAM_FLUSH_MS). So chunks that come within 10 ms are one write.
  let writes = 0;
  let last = Number.NEGATIVE_INFINITY;
  for await (const _ of response.body) {
    const now = performance.now();
    if (now - last > 10) writes++;
    last = now;
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  perf.kill("SIGINT");
  await new Promise((resolve) => perf.on("close", resolve));
  const entries = Number(report.trim().split(",")[0]);
  if (!Number.isFinite(entries)) throw new Error(`perf stat reported no count: ${report.trim()}`);
  return { entries, writes, status: response.status };
}

/** Why this machine cannot count (adding a uprobe needs root, perf and binutils), or undefined. */
function cannotProbe() {
  if (process.getuid?.() !== 0) return "adding a uprobe needs root";
  for (const [tool, args] of [
    ["perf", ["--version"]],
    ["nm", ["--version"]],
    ["readelf", ["--version"]],
  ]) {
    try {
      execFileSync(tool, args, { stdio: "ignore" });
    } catch {
      return `\`${tool}\` is not installed (Debian: ${tool === "perf" ? "linux-perf" : "binutils"})`;
    }
  }
  return undefined;
}

async function main() {
  checkBuilt();
  const why = cannotProbe();
  if (why) {
    console.log(`Isolate entries not counted: ${why}.`);
    return;
  }
  const kinds = process.argv.slice(2).length ? process.argv.slice(2) : ["pass", "native", "responses"];
  for (const kind of kinds) pacedRequest(kind, WORDS); // throws for an unknown kind, before anything starts
  // The binary Miniflare runs: the workerd package's export names the platform's.
  const workerdPackage = createRequire(join(root, "node_modules/miniflare/package.json"))("workerd");
  const workerd = workerdPackage.default ?? workerdPackage;
  execFileSync("perf", ["probe", "-q", "-x", workerd, "-a", `${PROBE.split(":")[1]}=${lockOffset(workerd)}`], { stdio: "inherit" });
  const { api, Miniflare } = loadWrangler();
  const running = [];
  try {
    const {
      proxy,
      passthroughs: [passthrough],
    } = await startProxyAndPassthroughs(api, Miniflare, running);
    console.log(`| ${WORDS} tokens at 50 a second | proxy: isolate entries | writes received | pass-through: isolate entries |`);
    console.log("| --- | ---: | ---: | ---: |");
    const rows = [];
    for (const kind of kinds) {
      const [path, body] = pacedRequest(kind, WORDS);
      const [ptPath, ptBody] = pacedRequest(PASSTHROUGH_OF[kind], WORDS);
      const shortBody = (b) => JSON.parse(JSON.stringify(b).replace(`words=${WORDS}`, "words=20"));
      // Warm both (module start-up, the catalogue, the first Durable Object call).
      await countEntries(proxy, path, shortBody(body));
      await countEntries(passthrough, ptPath, shortBody(ptBody));
      const p = await countEntries(proxy, path, body);
      const b = await countEntries(passthrough, ptPath, ptBody);
      if (p.status !== 200 || b.status !== 200) throw new Error(`${kind}: HTTP ${p.status} / ${b.status}`);
      console.log(`| ${kind} | ${p.entries} | ${p.writes} | ${b.entries} |`);
      rows.push({ kind, request: { path, body }, proxyEntries: p.entries, writes: p.writes, passthroughEntries: b.entries });
    }
    mkdirSync(join(root, "bench/results"), { recursive: true });
    writeFileSync(
      join(root, "bench/results/wakes.json"),
      `${JSON.stringify({ generatedBy: "node bench/worker/wakes.mjs", date: new Date().toISOString(), rows }, null, 2)}\n`,
    );
  } finally {
    await Promise.all(running.map((r) => r.mf.dispose().catch(() => {})));
    try {
      execFileSync("perf", ["probe", "-q", "-d", PROBE]);
    } catch {
      // Already gone.
    }
  }
}

await main();
