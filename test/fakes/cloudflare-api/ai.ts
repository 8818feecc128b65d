// GET /accounts/:id/ai/models/search with a small catalogue shaped like Workers AI's (ids are stable fakes).
import { ok, paginate } from "./envelope.js";
import type { Router } from "./router.js";
import { sha256 } from "./state.js";

const stableId = (seed: string) => {
  const h = sha256(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const TASKS: Record<string, string> = {
  "Text Generation": "Family of generative text models, such as large language models (LLM), that can be adapted for a variety of natural language tasks.",
  "Text Embeddings": "Feature extraction models transform raw data into numerical features that can be processed while preserving the information in the original dataset.",
  "Text Classification": "Sentiment analysis or text classification is a common NLP task that classifies a text input into labels or classes.",
  "Automatic Speech Recognition": "Automatic speech recognition (ASR) models convert a speech signal, typically an audio input, to text.",
  "Text-to-Image": "Generates images from input text.",
};

const CATALOGUE: [name: string, task: string, description: string, properties: Record<string, string>][] = [
  ["@cf/meta/llama-3.1-8b-instruct", "Text Generation", "The Meta Llama 3.1 collection of multilingual large language models, 8B instruction tuned.", { context_window: "7968", function_calling: "false" }],
  ["@cf/meta/llama-3.3-70b-instruct-fp8-fast", "Text Generation", "Llama 3.3 70B quantized to fp8 precision, optimized to be faster.", { context_window: "24000", function_calling: "true" }],
  ["@cf/mistralai/mistral-small-3.1-24b-instruct", "Text Generation", "Mistral Small 3.1 with vision understanding and a long context window.", { context_window: "128000", function_calling: "true" }],
  ["@cf/google/gemma-3-12b-it", "Text Generation", "Gemma 3 models are multimodal, handling text and image input and generating text output.", { context_window: "80000" }],
  ["@cf/openai/gpt-oss-120b", "Text Generation", "OpenAI's open-weight model designed for powerful reasoning and agentic tasks.", { context_window: "128000", reasoning: "true" }],
  ["@cf/baai/bge-base-en-v1.5", "Text Embeddings", "BAAI general embedding (Base) model that transforms any given text into a 768-dimensional vector.", { max_input_tokens: "512", output_dimensions: "768" }],
  ["@cf/baai/bge-m3", "Text Embeddings", "Multi-Functionality, Multi-Linguality, and Multi-Granularity embeddings model.", { max_input_tokens: "60000", output_dimensions: "1024" }],
  ["@cf/huggingface/distilbert-sst-2-int8", "Text Classification", "Distilled BERT model that was finetuned on SST-2 for sentiment classification.", {}],
  ["@cf/openai/whisper", "Automatic Speech Recognition", "Whisper is a general-purpose speech recognition model.", {}],
  ["@cf/black-forest-labs/flux-1-schnell", "Text-to-Image", "FLUX.1 [schnell] is a 12 billion parameter rectified flow transformer that generates images from text.", {}],
];

export const AI_MODELS = CATALOGUE.map(([name, task, description, properties]) => ({
  id: stableId(name),
  source: 1,
  name,
  description,
  task: { id: stableId(task), name: task, description: TASKS[task] },
  created_at: "2024-04-01 12:00:00.000",
  tags: [] as string[],
  properties: Object.entries(properties).map(([property_id, value]) => ({ property_id, value })),
}));

export function registerAiRoutes(router: Router): void {
  router.on("GET", "/accounts/:account/ai/models/search", ({ query }) => {
    const search = (query.search ?? "").toLowerCase();
    const author = query.author?.toLowerCase();
    const task = query.task?.toLowerCase();
    const models = AI_MODELS.filter(
      (m) =>
        (!search || m.name.toLowerCase().includes(search) || m.description.toLowerCase().includes(search)) &&
        (!author || m.name.split("/")[1]?.toLowerCase() === author) &&
        (!task || m.task.name.toLowerCase() === task || m.task.id === task),
    );
    const { result, result_info } = paginate(models, query, { defaultPerPage: 20, maxPerPage: 100 });
    return ok(result, { result_info });
  });
}
