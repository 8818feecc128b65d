// The Workers AI catalogue as the model check needs it: one entry per model id with its task, its
// deprecation date and whether it needs Workers Paid. Pure: read from the API's loosely typed records
// (GET /accounts/:id/ai/models/search types each result only as an object) or from the bundled snapshot.

export interface CatalogueModel {
  name: string;
  /** e.g. "Text Generation", "Text Embeddings"; undefined when the record does not say. */
  task: string | undefined;
  /** `planned_deprecation_date` (YYYY-MM-DD): today or earlier means deprecated, later means announced. */
  deprecationDate: string | undefined;
  /** `require_workers_paid`: on Workers Free the model answers 403 (error 5035). */
  paidOnly: boolean;
}

export interface Catalogue {
  /** How messages name it: "your account's Workers AI catalogue" or the snapshot. */
  label: string;
  models: ReadonlyMap<string, CatalogueModel>;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const isTrue = (value: unknown) => value === true || value === "true";

/** Search results as Cloudflare sends them; records without a string `name` are skipped, never fatal. */
export function fromSearchResults(items: readonly unknown[]): CatalogueModel[] {
  const models: CatalogueModel[] = [];
  for (const item of items) {
    if (!isObject(item) || typeof item.name !== "string") continue;
    const properties = new Map<string, unknown>();
    for (const p of Array.isArray(item.properties) ? item.properties : []) {
      if (isObject(p) && typeof p.property_id === "string") properties.set(p.property_id, p.value);
    }
    const date = properties.get("planned_deprecation_date");
    const task = isObject(item.task) && typeof item.task.name === "string" ? item.task.name : undefined;
    models.push({
      name: item.name,
      task,
      deprecationDate: typeof date === "string" && DATE.test(date) ? date.slice(0, 10) : undefined,
      paidOnly: isTrue(properties.get("require_workers_paid")),
    });
  }
  return models;
}

/** Records of test/fakes/workers-ai-models.json: {name, task, status, deprecated_on, paid_only, properties}. */
export function fromSnapshot(records: readonly unknown[]): CatalogueModel[] {
  const models: CatalogueModel[] = [];
  for (const r of records) {
    if (!isObject(r) || typeof r.name !== "string") continue;
    const planned = isObject(r.properties) ? r.properties.planned_deprecation_date : undefined;
    const date = typeof r.deprecated_on === "string" ? r.deprecated_on : typeof planned === "string" ? planned : undefined;
    // A deprecated model of unknown date is gone from the API: leave it out, as the API does.
    if (r.status === "deprecated" && !date) continue;
    models.push({
      name: r.name,
      task: typeof r.task === "string" ? r.task.replace(/\s*\(.*\)$/, "") : undefined,
      deprecationDate: date,
      paidOnly: r.paid_only === true,
    });
  }
  return models;
}

export function catalogue(label: string, models: readonly CatalogueModel[]): Catalogue {
  return { label, models: new Map(models.map((m) => [m.name, m])) };
}
