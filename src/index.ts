// Entry point, for the runner (`node dist/index.js` with GITHUB_ACTIONS=true) and for `npm start`.
import { localHost, LOCAL_USAGE } from "./local-host.js";
import { run } from "./main.js";
import { runnerHost } from "./runner-host.js";

// wrangler's API, loaded in-process for the contract tests, would otherwise print warnings meant for its CLI users.
process.env.WRANGLER_LOG ??= "error";

if (process.env.GITHUB_ACTIONS === "true") {
  await run(runnerHost());
  // Keep-alive sockets and the like must not hold the job: everything is written, so end now.
  process.exit(process.exitCode ?? 0);
} else {
  if (process.argv.includes("--help")) {
    console.log(LOCAL_USAGE);
    process.exit(0);
  }
  let host: ReturnType<typeof localHost>;
  try {
    host = localHost(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  await run(host);
  const outputs = Object.entries(host.outputs);
  if (outputs.length) {
    console.log("outputs:");
    for (const [name, value] of outputs) console.log(`  ${name}=${value}`);
  }
  process.exit(process.exitCode ?? 0);
}
