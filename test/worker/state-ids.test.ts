// Identifiers: OpenAI's prefixes, enough unbiased randomness, and keys that sort in creation order.
import { describe, expect, it } from "vitest";
import type { Run } from "../../worker/src/assistants/objects.js";
import { effective } from "../../worker/src/assistants/run-ops.js";
import { keyOf, orderedKey, ORDERED_KEY_LENGTH, PREFIX, responseId, responseObjectKey } from "../../worker/src/state/ids.js";
import { ALPHABET, randomChars } from "../../worker/src/random.js";

describe("random characters", () => {
  it("uses every character of the alphabet equally often (no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (const char of randomChars(62 * 4000)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect([...counts.keys()].sort().join("")).toBe([...ALPHABET].sort().join(""));
    // Folding bytes with `% 62` (256 = 4 × 62 + 8) would give the first 8 characters 25% more. The mean count of
    // those 8 varies by chance by about 0.6% (σ), the mean of the other 54 by about 0.2%: 8% is over 10 σ away.
    const mean = (chars: string[]) => chars.reduce((n, c) => n + counts.get(c)!, 0) / chars.length;
    const ratio = mean([...ALPHABET].slice(0, 8)) / mean([...ALPHABET].slice(8));
    expect(ratio).toBeGreaterThan(0.92);
    expect(ratio).toBeLessThan(1.08);
  });
});

describe("ordered keys", () => {
  it("sort in the order they were made, even within one millisecond, and after a given key", () => {
    const now = Date.now();
    const keys = Array.from({ length: 500 }, () => orderedKey(now));
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(500);
    const later = orderedKey(now - 60_000, keys.at(-1));
    expect(later > keys.at(-1)!).toBe(true);
    expect(later).toHaveLength(ORDERED_KEY_LENGTH);
  });

  it("carry at least 96 random bits after the time part", () => {
    const a = orderedKey(0);
    const b = orderedKey(0);
    expect(a.slice(9)).not.toBe(b.slice(9));
    expect((ORDERED_KEY_LENGTH - 9) * Math.log2(62)).toBeGreaterThanOrEqual(96);
  });
});

describe("ids", () => {
  it("route a response to the object of its chain or conversation", () => {
    const objectKey = randomChars(24);
    const id = responseId(objectKey);
    expect(id).toMatch(/^resp_[0-9A-Za-z]{41}$/);
    expect(responseObjectKey(id)).toBe(objectKey);
    expect(() => responseObjectKey("resp_short")).toThrow(/No response found/);
  });

  it("only accept their own prefix and shape", () => {
    const key = orderedKey(Date.now());
    expect(keyOf(PREFIX.message + key, PREFIX.message)).toBe(key);
    expect(keyOf(PREFIX.run + key, PREFIX.message)).toBeUndefined();
    expect(keyOf(PREFIX.message + key.slice(1), PREFIX.message)).toBeUndefined();
    expect(keyOf(`${PREFIX.message}${key.slice(1)}!`, PREFIX.message)).toBeUndefined();
  });
});

describe("run expiry", () => {
  it("shows an unfinished run past expires_at as expired, and a finished one as it is", () => {
    const run = { status: "in_progress", expires_at: 1000, required_action: null } as unknown as Run;
    expect(effective(run, 999_000).status).toBe("in_progress");
    expect(effective(run, 1_000_000).status).toBe("expired");
    expect(effective({ ...run, status: "completed" }, 2_000_000).status).toBe("completed");
  });
});
