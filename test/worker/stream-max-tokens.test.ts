// A streamed answer whose request sets no limit gets STREAM_MAX_TOKENS (1,024 by default) instead of the 2,048 a
// non-stream one gets: Workers Free stops a stream at 10 ms of CPU, and a stream's CPU grows with its length.
import { describe, expect, it } from "vitest";
import { callsWith, openai, post, unique, withEnv } from "./helpers.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";
const limitOf = async (marker: string) => (await callsWith(marker)).map((c) => (c.inputs as { max_tokens?: number }).max_tokens);

describe("the default limit of a streamed answer", () => {
  it("chat: 1,024 streamed, 2,048 not; a limit the client sets wins either way", async () => {
    const sdk = openai();
    const streamed = unique("stream-limit");
    for await (const _ of await sdk.chat.completions.create({
      model: MODEL,
      stream: true,
      messages: [{ role: "user", content: streamed }],
    }));
    expect(await limitOf(streamed)).toEqual([1024]);

    const whole = unique("whole-limit");
    await sdk.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: whole }] });
    expect(await limitOf(whole)).toEqual([2048]);

    const asked = unique("asked-limit");
    for await (const _ of await sdk.chat.completions.create({
      model: MODEL,
      stream: true,
      max_tokens: 3000,
      messages: [{ role: "user", content: asked }],
    }));
    expect(await limitOf(asked)).toEqual([3000]);
  });

  it("a stream cut there ends as a model's own limit does: finish_reason length", async () => {
    const marker = unique("cut");
    let text = "";
    let finish: string | null = null;
    for await (const chunk of await openai().chat.completions.create({
      model: MODEL,
      stream: true,
      messages: [{ role: "user", content: `${marker} [[stub:words=1500]]` }],
    })) {
      text += chunk.choices[0]?.delta?.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text.trim().split(/\s+/)).toHaveLength(1024);
    expect(finish).toBe("length");
  });

  it("STREAM_MAX_TOKENS sets it (Workers Paid)", async () => {
    const marker = unique("paid-limit");
    const res = await withEnv(
      { STREAM_MAX_TOKENS: "4096" },
      post("/v1/chat/completions", { model: MODEL, stream: true, messages: [{ role: "user", content: marker }] }),
    );
    await res.text();
    expect(await limitOf(marker)).toEqual([4096]);
  });

  it("Responses: 1,024 streamed, 2,048 not", async () => {
    const sdk = openai();
    const streamed = unique("resp-stream-limit");
    for await (const _ of await sdk.responses.create({ model: MODEL, input: streamed, stream: true }));
    expect(await limitOf(streamed)).toEqual([1024]);
    const whole = unique("resp-whole-limit");
    await sdk.responses.create({ model: MODEL, input: whole });
    expect(await limitOf(whole)).toEqual([2048]);
  });

  it("Assistants runs: 1,024 streamed, 2,048 not", async () => {
    const sdk = openai();
    const assistant = await sdk.beta.assistants.create({ model: MODEL });
    const streamed = unique("run-stream-limit");
    const thread = await sdk.beta.threads.create();
    await sdk.beta.threads.runs
      .stream(thread.id, { assistant_id: assistant.id, additional_messages: [{ role: "user", content: streamed }] })
      .finalRun();
    expect(await limitOf(streamed)).toEqual([1024]);
    const whole = unique("run-whole-limit");
    const other = await sdk.beta.threads.create();
    await sdk.beta.threads.runs.createAndPoll(other.id, {
      assistant_id: assistant.id,
      additional_messages: [{ role: "user", content: whole }],
    });
    expect(await limitOf(whole)).toEqual([2048]);
  });
});
