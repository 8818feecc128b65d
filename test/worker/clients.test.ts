// Real clients people point at the proxy: the Vercel AI SDK and LangChain (which n8n uses), unmodified.
import { createOpenAI } from "@ai-sdk/openai";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { embedMany, generateText, jsonSchema, stepCountIs, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { API_KEY, BASE, proxyFetch } from "./helpers.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";
const weatherSchema = { type: "object" as const, properties: { city: { type: "string" as const } }, required: ["city"] };

describe("Vercel AI SDK (@ai-sdk/openai + ai)", () => {
  const provider = createOpenAI({ baseURL: `${BASE}/v1`, apiKey: API_KEY, fetch: proxyFetch as typeof fetch });

  it("generateText", async () => {
    const { text, finishReason, usage } = await generateText({ model: provider.chat(MODEL), prompt: "Hello AI SDK" });
    expect(text).toBe("Echo: Hello AI SDK");
    expect(finishReason).toBe("stop");
    expect(usage.outputTokens).toBeGreaterThan(0);
  });

  it("streamText", async () => {
    const result = streamText({ model: provider.chat("@cf/qwen/qwen3-30b-a3b-fp8"), prompt: "Stream ünïcode 🌍" });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe("Echo: Stream ünïcode 🌍");
    expect(await result.finishReason).toBe("stop");
  });

  it("a tool call, executed, and the model's answer to its result", async () => {
    const { text, steps } = await generateText({
      model: provider.chat(MODEL),
      tools: {
        get_weather: tool({
          description: "Weather",
          inputSchema: jsonSchema<{ city: string }>(weatherSchema),
          execute: async ({ city }) => `sunny in ${city}`,
        }),
      },
      stopWhen: stepCountIs(3),
      prompt: 'Weather? [[stub:call=get_weather {"city":"Oslo"}]]',
    });
    expect(steps[0].toolCalls[0]).toMatchObject({ toolName: "get_weather", input: { city: "Oslo" } });
    expect(text).toBe("Tool result: sunny in Oslo");
  });

  it("a streamed tool call", async () => {
    const result = streamText({
      model: provider.chat("@cf/meta/llama-4-scout-17b-16e-instruct"),
      tools: { get_weather: tool({ description: "Weather", inputSchema: jsonSchema<{ city: string }>(weatherSchema) }) },
      prompt: '[[stub:call=get_weather {"city":"Rome"}]]',
    });
    const calls = await result.toolCalls;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ toolName: "get_weather", input: { city: "Rome" } });
    expect(await result.finishReason).toBe("tool-calls");
  });

  it("the Responses API, which provider(model) uses by default", async () => {
    const first = await generateText({ model: provider(MODEL), prompt: "Hello Responses" });
    expect(first.text).toBe("Echo: Hello Responses");
    const result = streamText({ model: provider.responses("@cf/qwen/qwen3-30b-a3b-fp8"), prompt: "Stream Responses" });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe("Echo: Stream Responses");
  });

  it("a tool call through the Responses API", async () => {
    const { text, steps } = await generateText({
      model: provider.responses(MODEL),
      tools: {
        get_weather: tool({
          description: "Weather",
          inputSchema: jsonSchema<{ city: string }>(weatherSchema),
          execute: async ({ city }) => `rain in ${city}`,
        }),
      },
      stopWhen: stepCountIs(3),
      prompt: '[[stub:call=get_weather {"city":"Bergen"}]]',
    });
    expect(steps[0].toolCalls[0]).toMatchObject({ toolName: "get_weather", input: { city: "Bergen" } });
    expect(text).toBe("Tool result: rain in Bergen");
  });

  it("embedMany", async () => {
    const { embeddings } = await embedMany({ model: provider.embeddingModel("text-embedding-3-small"), values: ["a", "b", "c"] });
    expect(embeddings).toHaveLength(3);
    expect(embeddings[0]).toHaveLength(768);
  });
});

describe("LangChain (@langchain/openai)", () => {
  const configuration = { baseURL: `${BASE}/v1`, fetch: proxyFetch as typeof fetch };

  it("invoke", async () => {
    const llm = new ChatOpenAI({ model: MODEL, apiKey: API_KEY, configuration, maxRetries: 0 });
    const message = await llm.invoke("Hello LangChain");
    expect(message.content).toBe("Echo: Hello LangChain");
  });

  it("stream", async () => {
    const llm = new ChatOpenAI({ model: "@cf/openai/gpt-oss-20b", apiKey: API_KEY, configuration, maxRetries: 0 });
    let text = "";
    for await (const chunk of await llm.stream("Streaming chain")) text += chunk.content;
    expect(text).toBe("Echo: Streaming chain");
  });

  it("bindTools", async () => {
    const llm = new ChatOpenAI({ model: MODEL, apiKey: API_KEY, configuration, maxRetries: 0 }).bindTools([
      { type: "function", function: { name: "get_weather", description: "Weather", parameters: weatherSchema } },
    ]);
    const message = await llm.invoke('[[stub:call=get_weather {"city":"Lima"}]]');
    expect(message.tool_calls).toEqual([expect.objectContaining({ name: "get_weather", args: { city: "Lima" }, type: "tool_call" })]);
  });

  it("embeddings", async () => {
    const embeddings = new OpenAIEmbeddings({ model: "text-embedding-3-small", apiKey: API_KEY, configuration, maxRetries: 0 });
    const vectors = await embeddings.embedDocuments(["one", "two"]);
    expect(vectors.map((v) => v.length)).toEqual([768, 768]);
    expect(await embeddings.embedQuery("one")).toEqual(vectors[0]);
  });
});
