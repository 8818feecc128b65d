// The AI binding of the worker under test when the stub runs in its own process (stub-server.mjs): the same RPC
// methods as the stub (run, models, calls, reset), each one fetch. A stream comes back as the fetch body, which the
// worker under test reads as it would read Workers AI's; this forwarding costs the same in every process
// measured, and the bench compares processes.
import { WorkerEntrypoint } from "cloudflare:workers";

export class RemoteAi extends WorkerEntrypoint {
  async run(model, inputs, options) {
    const response = await this.post("/run", { model, inputs, options });
    if (response.headers.get("x-output") === "stream") return response.body;
    return response.json();
  }

  /** The catalogue, as the proxy reads it (once a minute per isolate, then from KV). */
  async models(params) {
    return (await this.post("/models", params ?? {})).json();
  }

  async calls() {
    return (await this.post("/calls", {})).json();
  }

  async reset() {
    await (await this.post("/reset", {})).arrayBuffer();
  }

  async post(path, body) {
    const response = await fetch(this.env.STUB_ORIGIN + path, { method: "POST", body: JSON.stringify(body) });
    if (response.status === 500) {
      const { name, message } = await response.json();
      throw Object.assign(new Error(message), { name });
    }
    return response;
  }
}

export default { fetch: () => new Response("remote AI binding\n") };
