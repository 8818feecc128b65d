// GET /accounts/:id/ai/models/search, answering from the December 2026 catalogue snapshot
// (test/fakes/workers-ai-models.json, the same data the Workers AI stub serves).
//
// How a record looks: as Cloudflare returns it (wrangler's Model type plus `properties`):
//   { id, source, name, description, task: { id, name, description }, created_at, tags, properties: [{ property_id, value }] }
// Property values are strings ("true", "131072") except `price`, a list of { unit, price, currency }.
// The snapshot's own research notes (note, binding_error, free_plan, …) are not Cloudflare's and are left out;
// it has no descriptions, so `description` is a stand-in naming the model and its task.
//
// How deprecation is marked (the API has no `deprecated` field; see CLOUDFLARE-API-NOTES section 4): the property
// `planned_deprecation_date` (YYYY-MM-DD). A date in the future is a planned retirement: the model is active and
// listed. A date today or earlier means deprecated: such a model is listed only with `include_deprecated=true`,
// and only for three months after that date (the SDK documents the parameter so), then it disappears. A
// deprecated model whose date the snapshot does not know is never listed. `require_workers_paid: "true"` marks
// the models the Free plan cannot run.
//
// Tests steer the catalogue through `FakeCloudflare.ai`: `planDeprecation(name, date)`, `setProperty`, `today`.
import snapshot from "../workers-ai-models.json" with { type: "json" };
import { ok, paginate } from "./envelope.js";
import type { Router } from "./router.js";
import { sha256 } from "./state.js";

export interface AiModelProperty {
  property_id: string;
  value: unknown;
}

export interface AiModelRecord {
  id: string;
  source: number;
  name: string;
  description: string;
  task: { id: string; name: string; description: string };
  created_at: string;
  tags: string[];
  properties: AiModelProperty[];
}

interface SnapshotRecord {
  name: string;
  task: string;
  status: string;
  deprecated_on: string | null;
  paid_only: boolean;
  properties: Record<string, unknown>;
}

const stableId = (seed: string) => {
  const h = sha256(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const TASKS: Record<string, string> = {
  "Text Generation":
    "Family of generative text models, such as large language models (LLM), that can be adapted for a variety of natural language tasks.",
  "Text Embeddings":
    "Feature extraction models transform raw data into numerical features that can be processed while preserving the information in the original dataset.",
  "Text Classification":
    "Sentiment analysis or text classification is a common NLP task that classifies a text input into labels or classes.",
  "Automatic Speech Recognition": "Automatic speech recognition (ASR) models convert a speech signal, typically an audio input, to text.",
  "Text-to-Image": "Generates images from input text.",
  "Text-to-Speech": "Text-to-Speech (TTS) is the task of generating natural sounding speech given text input.",
  "Image-to-Text": "Image to text models output a text from a given image.",
  Translation: "Translation models convert a sequence of text from one language to another.",
  Summarization: "Summarization is the task of producing a shorter version of a document while preserving its important information.",
  "Image Classification": "Image classification models take an image input and assign it labels or classes.",
  "Object Detection": "Object detection models can detect instances of objects like persons, faces, license plates, or others in an image.",
  "Voice Activity Detection": "Detects the presence or absence of human speech, used in speech processing.",
};

/** Boolean capabilities Cloudflare lists as "true"; the snapshot sometimes has a note instead of `true`. */
const FLAGS = ["function_calling", "reasoning", "vision", "async_queue", "beta", "lora", "realtime", "partner"];
const NUMBERS = ["context_window", "max_input_tokens", "output_dimensions"];

function toProperties(record: SnapshotRecord): AiModelProperty[] {
  const p = record.properties;
  const out: AiModelProperty[] = [];
  for (const id of FLAGS) if (p[id] !== undefined && p[id] !== false) out.push({ property_id: id, value: "true" });
  for (const id of NUMBERS) if (typeof p[id] === "number") out.push({ property_id: id, value: String(p[id]) });
  const price: { unit: string; price: number; currency: string }[] = [];
  const perM = p.price_per_M as Record<string, unknown> | undefined;
  for (const [key, unit] of [
    ["input", "per M input tokens"],
    ["cached_input", "per M cached input tokens"],
    ["output", "per M output tokens"],
  ] as const) {
    if (typeof perM?.[key] === "number") price.push({ unit, price: perM[key] as number, currency: "USD" });
  }
  const flat = typeof p.price === "string" ? /^\$([\d.]+) (per .+)$/.exec(p.price) : null;
  if (flat) price.push({ unit: flat[2]!, price: Number(flat[1]), currency: "USD" });
  if (price.length) out.push({ property_id: "price", value: price });
  if (record.paid_only || p.require_workers_paid === true) out.push({ property_id: "require_workers_paid", value: "true" });
  const planned = record.deprecated_on ?? (typeof p.planned_deprecation_date === "string" ? p.planned_deprecation_date : undefined);
  if (planned) out.push({ property_id: "planned_deprecation_date", value: planned });
  return out;
}

function toRecord(record: SnapshotRecord): AiModelRecord {
  // "Text Generation (assumed, as clef)": the snapshot's hedge, not a task name.
  const task = record.task.replace(/\s*\(.*\)$/, "");
  const created = typeof record.properties.created_at === "string" ? record.properties.created_at : "2024-04-01";
  return {
    id: stableId(record.name),
    source: record.name.startsWith("@hf/") ? 2 : 1,
    name: record.name,
    description: `${record.name.split("/").at(-1)}: a ${task} model on Workers AI (stand-in description).`,
    task: { id: stableId(task), name: task, description: TASKS[task] ?? task },
    created_at: `${created} 00:00:00.000`,
    tags: [],
    properties: toProperties(record),
  };
}

/** Every model of the snapshot Cloudflare can still name: deprecated ones of unknown date are gone entirely. */
export const AI_MODELS: readonly AiModelRecord[] = (snapshot as SnapshotRecord[])
  .filter((r) => r.status === "active" || r.deprecated_on)
  .map(toRecord);

const GRACE_MONTHS = 3;

export interface FakeAiCatalogue {
  /** The account's catalogue, deprecated models included; tests may change it. */
  models: AiModelRecord[];
  /** The day against which deprecation dates count (default: the real today). */
  today: () => Date;
  model(name: string): AiModelRecord;
  /** Sets a property (a string value as Cloudflare sends it), or removes it with undefined. */
  setProperty(name: string, id: string, value: unknown): void;
  /** `planned_deprecation_date` = date (YYYY-MM-DD): a future date is announced, a past one has happened. */
  planDeprecation(name: string, date: string): void;
}

export function createAiCatalogue(): FakeAiCatalogue {
  const catalogue: FakeAiCatalogue = {
    models: structuredClone([...AI_MODELS]),
    today: () => new Date(),
    model(name) {
      const found = catalogue.models.find((m) => m.name === name);
      if (!found) throw new Error(`fake Cloudflare: no model ${name} in the catalogue`);
      return found;
    },
    setProperty(name, id, value) {
      const model = catalogue.model(name);
      model.properties = model.properties.filter((p) => p.property_id !== id);
      if (value !== undefined) model.properties.push({ property_id: id, value });
    },
    planDeprecation: (name, date) => catalogue.setProperty(name, "planned_deprecation_date", date),
  };
  return catalogue;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Whether the model is listed: active, or deprecated within the grace window and asked for. */
export function listed(model: AiModelRecord, today: Date, includeDeprecated: boolean): boolean {
  const date = model.properties.find((p) => p.property_id === "planned_deprecation_date")?.value;
  if (typeof date !== "string" || date > day(today)) return true;
  if (!includeDeprecated) return false;
  const graceEnds = new Date(`${date}T00:00:00Z`);
  graceEnds.setUTCMonth(graceEnds.getUTCMonth() + GRACE_MONTHS);
  return day(today) <= day(graceEnds);
}

export function registerAiRoutes(router: Router, catalogue: FakeAiCatalogue): void {
  router.on("GET", "/accounts/:account/ai/models/search", ({ query }) => {
    const search = (query.search ?? "").toLowerCase();
    const author = query.author?.toLowerCase();
    const task = query.task?.toLowerCase();
    const includeDeprecated = query.include_deprecated === "true";
    const hideExperimental = query.hide_experimental === "true";
    const today = catalogue.today();
    const models = catalogue.models.filter(
      (m) =>
        listed(m, today, includeDeprecated) &&
        (!search || m.name.toLowerCase().includes(search) || m.description.toLowerCase().includes(search)) &&
        (!author || m.name.split("/")[1]?.toLowerCase() === author) &&
        (!task || m.task.name.toLowerCase() === task || m.task.id === task) &&
        (query.source === undefined || String(m.source) === query.source) &&
        (!hideExperimental || !m.properties.some((p) => p.property_id === "beta" && p.value === "true")),
    );
    const { result, result_info } = paginate(models, query, { defaultPerPage: 20, maxPerPage: 100 });
    return ok(result, { result_info });
  });
}
