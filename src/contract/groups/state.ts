// The stateful APIs: Assistants v2 (threads, messages, runs) and Responses with stored chains.
import { equal, expectError, ok, sseData } from "../assert.js";
import type { ContractClient, Group } from "../types.js";

const BETA = { "openai-beta": "assistants=v2" };

const post = (c: ContractClient, path: string, body: unknown, headers: Record<string, string> = {}) =>
  c.json("POST", path, body, 200, headers);
const get = (c: ContractClient, path: string, headers: Record<string, string> = {}) => c.json("GET", path, undefined, 200, headers);

export const assistants: Group = {
  name: "assistants",
  description: "Assistants v2: assistants, threads, messages, runs",
  checks: [
    {
      name: "a run answers in the thread",
      async run(c) {
        const assistant = await post(c, "/v1/assistants", { model: "gpt-4o-mini", instructions: "Be brief." }, BETA);
        ok(/^asst_/.test(assistant.id), `assistant id ${assistant.id}`);
        const thread = await post(c, "/v1/threads", { messages: [{ role: "user", content: "contract thread" }] }, BETA);
        let run = await post(c, `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id }, BETA);
        for (let i = 0; i < 50 && ["queued", "in_progress"].includes(run.status); i++) {
          await new Promise((r) => setTimeout(r, 100));
          run = await get(c, `/v1/threads/${thread.id}/runs/${run.id}`, BETA);
        }
        equal(run.status, "completed", "run status");
        const messages = await get(c, `/v1/threads/${thread.id}/messages?order=asc`, BETA);
        equal(messages.data.length, 2, "messages in the thread");
        equal(messages.data[1].content[0].text.value, "Echo: contract thread", "reply");
        equal(messages.data[1].run_id, run.id, "reply run_id");
      },
    },
    {
      name: "a deleted thread is gone",
      async run(c) {
        const thread = await post(c, "/v1/threads", {}, BETA);
        const res = await c.request("DELETE", `/v1/threads/${thread.id}`, undefined, BETA);
        equal(((await res.json()) as { deleted?: boolean }).deleted, true, "deleted");
        await expectError(await c.request("GET", `/v1/threads/${thread.id}`, undefined, BETA), 404);
      },
    },
  ],
};

export const responses: Group = {
  name: "responses",
  description: "Responses API: stored chains, streaming",
  checks: [
    {
      name: "previous_response_id carries the conversation",
      async run(c) {
        const first = await post(c, "/v1/responses", { model: "gpt-4o-mini", input: "first turn" });
        equal(first.object, "response", "object");
        equal(first.output[0].content[0].text, "Echo: first turn", "first answer");
        const second = await post(c, "/v1/responses", { model: "gpt-4o-mini", input: "second turn", previous_response_id: first.id });
        equal(second.previous_response_id, first.id, "previous_response_id");
        const items = await get(c, `/v1/responses/${second.id}/input_items`);
        ok(items.data.length >= 1, "input items listed");
        const retrieved = await get(c, `/v1/responses/${first.id}`);
        equal(retrieved.id, first.id, "retrieved id");
      },
    },
    {
      name: "a streamed response ends with response.completed",
      async run(c) {
        const res = await c.request("POST", "/v1/responses", { model: "gpt-4o-mini", input: "stream it", stream: true });
        equal(res.status, 200, "status");
        const events = sseData(await res.text());
        equal(events[0].type, "response.created", "first event");
        equal(events.at(-1).type, "response.completed", "last event");
        const seq = events.map((e) => e.sequence_number);
        ok(
          seq.every((n, i) => i === 0 || n > seq[i - 1]),
          "sequence numbers increase",
        );
        equal(events.at(-1).response.output[0].content[0].text, "Echo: stream it", "final text");
      },
    },
    {
      name: "a deleted response is gone",
      async run(c) {
        const r = await post(c, "/v1/responses", { model: "gpt-4o-mini", input: "to delete" });
        equal(((await (await c.request("DELETE", `/v1/responses/${r.id}`)).json()) as { deleted?: boolean }).deleted, true, "deleted");
        await expectError(await c.request("GET", `/v1/responses/${r.id}`), 404);
      },
    },
  ],
};
