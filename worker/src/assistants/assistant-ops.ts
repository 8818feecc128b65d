// Operations on the assistants, all kept in one object: few, small, read by every run (and cached; see store.ts).
import { notFound } from "../http/errors.js";
import { PREFIX } from "../state/ids.js";
import type { Op } from "../state/op.js";
import { scanFor, toPage, type Page, type PageQuery } from "../state/paging.js";
import type { Tables } from "../state/tables.js";
import type { Assistant } from "./objects.js";

export type AssistantFields = Omit<Assistant, "id" | "object" | "created_at">;
type KeyArgs = { key: string; assistantId: string };

function requireAssistant(tables: Tables, args: KeyArgs): Assistant {
  const assistant = tables.table<Assistant>("assistants").get(args.key);
  if (!assistant) throw notFound(`No assistant found with id '${args.assistantId}'.`);
  return assistant;
}

export const assistantOps = {
  "assistants.create": ((tables, args, ctx) => {
    const key = ctx.key(tables, "assistants");
    const assistant: Assistant = { id: PREFIX.assistant + key, object: "assistant", created_at: ctx.seconds, ...args.fields };
    tables.table<Assistant>("assistants").put(key, assistant);
    return assistant;
  }) as Op<{ fields: AssistantFields }, Assistant>,
  "assistants.get": ((tables, args) => requireAssistant(tables, args)) as Op<KeyArgs, Assistant>,
  "assistants.update": ((tables, args) => {
    const assistant = { ...requireAssistant(tables, args), ...args.fields };
    tables.table<Assistant>("assistants").put(args.key, assistant);
    return assistant;
  }) as Op<KeyArgs & { fields: Partial<AssistantFields> }, Assistant>,
  "assistants.delete": ((tables, args) => {
    requireAssistant(tables, args);
    tables.table<Assistant>("assistants").delete(args.key);
    return { id: args.assistantId, object: "assistant.deleted", deleted: true };
  }) as Op<KeyArgs, { id: string; object: "assistant.deleted"; deleted: true }>,
  "assistants.list": ((tables, args) => {
    const { scan, reverse } = scanFor(args.query);
    return toPage(tables.table<Assistant>("assistants").scan(scan), args.query, reverse);
  }) as Op<{ query: PageQuery }, Page<Assistant>>,
};
