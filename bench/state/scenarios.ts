// Conversation turns as SDK users write them, one per API shape: each adds a user message, runs the model
// to completion and reads the reply. Shared by the cost test (in workerd) and the bench (Node + Miniflare).
import type OpenAI from "openai";
import { newCounters, type Counters } from "./counting.js";

export interface Scenario {
  id: string;
  title: string;
  setup(client: OpenAI): Promise<Record<string, string>>;
  /** One turn; returns the reply text, so a turn that did not run cannot pass for one that did. */
  turn(client: OpenAI, state: Record<string, string>, n: number): Promise<string>;
}

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";

async function assistantAndThread(client: OpenAI) {
  const assistant = await client.beta.assistants.create({ model: MODEL, instructions: "Answer briefly." });
  const thread = await client.beta.threads.create();
  return { assistant: assistant.id, thread: thread.id };
}

function replyText(message: OpenAI.Beta.Threads.Message | undefined): string {
  const part = message?.content[0];
  return part?.type === "text" ? part.text.value : "";
}

export const SCENARIOS: Scenario[] = [
  {
    id: "assistants-poll",
    title: "Assistants: messages.create, runs.createAndPoll, messages.list",
    setup: assistantAndThread,
    async turn(client, s, n) {
      await client.beta.threads.messages.create(s.thread, { role: "user", content: `turn ${n}` });
      const run = await client.beta.threads.runs.createAndPoll(s.thread, { assistant_id: s.assistant });
      const page = await client.beta.threads.messages.list(s.thread, { run_id: run.id, limit: 1 });
      return replyText(page.data[0]);
    },
  },
  {
    id: "assistants-additional",
    title: "Assistants: runs.createAndPoll with additional_messages, messages.list",
    setup: assistantAndThread,
    async turn(client, s, n) {
      const run = await client.beta.threads.runs.createAndPoll(s.thread, {
        assistant_id: s.assistant,
        additional_messages: [{ role: "user", content: `turn ${n}` }],
      });
      const page = await client.beta.threads.messages.list(s.thread, { run_id: run.id, limit: 1 });
      return replyText(page.data[0]);
    },
  },
  {
    id: "assistants-stream",
    title: "Assistants: runs.stream with additional_messages (the reply comes in the stream)",
    setup: assistantAndThread,
    async turn(client, s, n) {
      const stream = client.beta.threads.runs.stream(s.thread, {
        assistant_id: s.assistant,
        additional_messages: [{ role: "user", content: `turn ${n}` }],
      });
      const messages = await stream.finalMessages();
      return replyText(messages.at(-1));
    },
  },
  {
    id: "responses-chain",
    title: "Responses: responses.create with previous_response_id",
    setup: async (client) => ({ previous: (await client.responses.create({ model: MODEL, input: "start" })).id }),
    async turn(client, s, n) {
      const response = await client.responses.create({ model: MODEL, input: `turn ${n}`, previous_response_id: s.previous });
      s.previous = response.id;
      return response.output_text;
    },
  },
  {
    id: "responses-stream",
    title: "Responses: responses.stream with previous_response_id",
    setup: async (client) => ({ previous: (await client.responses.create({ model: MODEL, input: "start" })).id }),
    async turn(client, s, n) {
      const response = await client.responses
        .stream({ model: MODEL, input: `turn ${n}`, previous_response_id: s.previous })
        .finalResponse();
      s.previous = response.id;
      return response.output_text;
    },
  },
  {
    id: "responses-conversation",
    title: "Responses: responses.create in a conversation",
    setup: async (client) => ({ conversation: (await client.conversations.create({})).id }),
    async turn(client, s, n) {
      return (await client.responses.create({ model: MODEL, input: `turn ${n}`, conversation: s.conversation })).output_text;
    },
  },
];

/**
 * Runs `turns` turns after one warm-up turn (which fills the per-isolate assistant cache, as a busy worker
 * has it), counting only the measured ones; answers the average per turn.
 */
export async function measure(
  client: OpenAI,
  counters: Counters,
  scenario: Scenario,
  turns: number,
  settle: () => Promise<void> = async () => {},
): Promise<Counters> {
  const state = await scenario.setup(client);
  await scenario.turn(client, state, 0);
  await settle();
  Object.assign(counters, newCounters());
  for (let n = 1; n <= turns; n++) {
    const reply = await scenario.turn(client, state, n);
    if (reply !== `Echo: turn ${n}`) throw new Error(`${scenario.id}: turn ${n} answered ${JSON.stringify(reply)}`);
  }
  await settle();
  const perTurn = newCounters();
  for (const key of Object.keys(perTurn) as (keyof Counters)[]) perTurn[key] = counters[key] / turns;
  return perTurn;
}
