import { describe, expect, it } from "vitest";
import type { AiEvent } from "../../worker/src/ai/events.js";
import { mergeDeltas } from "../../worker/src/ai/merge-deltas.js";

describe("mergeDeltas", () => {
  it("joins text, reasoning and one call's argument pieces that come in a row, and nothing else", () => {
    const batch: AiEvent[] = [
      { type: "reasoning", text: "Let " },
      { type: "reasoning", text: "me think." },
      { type: "text", text: "Hel" },
      { type: "text", text: "lo" },
      { type: "tool", index: 0, id: "call_1", name: "f", args: "" },
      { type: "tool", index: 0, args: '{"a"' },
      { type: "tool", index: 0, args: ":1}" },
      { type: "tool", index: 1, id: "call_2", name: "g", args: "{" },
      { type: "tool", index: 1, args: "}" },
      { type: "text", text: "after" },
      { type: "usage", usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
      { type: "text", text: "tail" },
    ];
    expect(mergeDeltas(batch)).toEqual([
      { type: "reasoning", text: "Let me think." },
      { type: "text", text: "Hello" },
      { type: "tool", index: 0, id: "call_1", name: "f", args: '{"a":1}' },
      { type: "tool", index: 1, id: "call_2", name: "g", args: "{}" },
      { type: "text", text: "after" },
      { type: "usage", usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
      { type: "text", text: "tail" },
    ]);
    // The input is left as it was.
    expect(batch[2]).toEqual({ type: "text", text: "Hel" });
    expect(batch[4]).toEqual({ type: "tool", index: 0, id: "call_1", name: "f", args: "" });
  });

  it("keeps a piece that names a call apart, even for the same index", () => {
    const batch: AiEvent[] = [
      { type: "tool", index: 0, args: "{" },
      { type: "tool", index: 0, name: "late", args: "}" },
    ];
    expect(mergeDeltas(batch)).toEqual(batch);
    expect(mergeDeltas([])).toEqual([]);
  });
});
