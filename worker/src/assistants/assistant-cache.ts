// Every run reads its assistant. Reading it from storage each time would cost a request to the assistants'
// object per run (a fifth per conversation turn), so an isolate keeps what it read for a few seconds.
// Changes made through this isolate replace the copy at once; other isolates see them within ASSISTANT_TTL_MS.
import { ApiError, notFound } from "../http/errors.js";
import { objectName } from "../state/backend.js";
import { keyOf, PREFIX } from "../state/ids.js";
import type { ProjectBackend } from "../state/project.js";
import type { Assistant } from "./objects.js";

export const ASSISTANT_TTL_MS = 10_000;
const MAX_CACHED = 256;

const cached = new Map<string, { assistant: Assistant | null; until: number }>();
/** Per project too: a project never gets another project's assistant from this cache. */
const cacheKey = (backend: ProjectBackend, id: string) => `${backend.name}:${backend.project}:${id}`;

export function remember(backend: ProjectBackend, id: string, assistant: Assistant | null): void {
  const key = cacheKey(backend, id);
  cached.delete(key);
  cached.set(key, { assistant, until: Date.now() + ASSISTANT_TTL_MS });
  if (cached.size > MAX_CACHED) cached.delete(cached.keys().next().value!);
}

/** The assistant a run uses; a 404 naming `param` when it does not exist (or was deleted). */
export async function assistantForRun(backend: ProjectBackend, id: string, param = "assistant_id"): Promise<Assistant> {
  const key = keyOf(id, PREFIX.assistant);
  if (key === undefined) throw notFound(`No assistant found with id '${id}'.`, param);
  const hit = cached.get(cacheKey(backend, id));
  let assistant: Assistant | null;
  if (hit && hit.until > Date.now()) assistant = hit.assistant;
  else {
    try {
      assistant = await backend.invoke(objectName.assistants, "assistants.get", { key, assistantId: id });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      assistant = null;
    }
    remember(backend, id, assistant);
  }
  if (!assistant) throw notFound(`No assistant found with id '${id}'.`, param);
  return assistant;
}
