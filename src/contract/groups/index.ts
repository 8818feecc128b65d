// Every contract group by name. A worker declares the groups it serves in its config
// (var CONTRACT_GROUPS); the shipped proxy declares all of these.
import type { Group } from "../types.js";
import { auth, errors, models, smoke } from "./basics.js";
import { chat, chatStream, tools } from "./chat.js";
import { audio, cache, completions, embeddings, images } from "./more.js";
import { assistants, responses } from "./state.js";

export const GROUPS: readonly Group[] = [
  smoke,
  models,
  auth,
  errors,
  chat,
  chatStream,
  tools,
  completions,
  embeddings,
  cache,
  images,
  audio,
  assistants,
  responses,
];

export const GROUP_NAMES = GROUPS.map((g) => g.name);

/** Groups by name, in the suite's order; an unknown name is the caller's error to report. */
export function selectGroups(names: string[]): { groups: Group[]; unknown: string[] } {
  const wanted = new Set(names);
  return { groups: GROUPS.filter((g) => wanted.has(g.name)), unknown: names.filter((n) => !GROUP_NAMES.includes(n)) };
}
