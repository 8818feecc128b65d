// The stream plumbing under every streamed answer: batch readers (one read takes everything that has arrived)
// and the batching writer (what is ready goes out at once after a pause, a burst goes out as one chunk).
import { describe, expect, it } from "vitest";
import { byteBatches, coalescingReader, Mailbox, type BatchReader } from "../../worker/src/streams/batch-reader.js";
import { batchedText } from "../../worker/src/streams/batched-text.js";
import { bytesToWaitFor, flushInterval, MAX_READ_BYTES } from "../../worker/src/streams/flush.js";
import { sentWhenStopped, testEnv, unique } from "./helpers.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bytes = (text: string) => encoder.encode(text);
const text = (chunk: Uint8Array) => decoder.decode(chunk);

/**
 * A BatchReader fed by the test, which keeps what is pushed until it is read, as the readers of streams/ do:
 * `push` text, `end()`, `fail()`; a read takes all text pushed since the previous one. Counts reads, records a
 * cancel.
 */
function fedSource() {
  const queue: (string | undefined | Error)[] = [];
  let wake: (() => void) | undefined;
  const state = { reads: 0, cancelled: undefined as unknown, wasCancelled: false };
  let markEnded!: () => void;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const give = (item: string | undefined | Error) => {
    queue.push(item);
    if (typeof item !== "string") markEnded();
    wake?.();
    wake = undefined;
  };
  const reader: BatchReader<string> = {
    async read() {
      state.reads++;
      while (!queue.length) await new Promise<void>((resolve) => (wake = resolve));
      let batch = "";
      while (typeof queue[0] === "string") batch += queue.shift();
      if (batch) return batch;
      const item = queue.shift();
      if (item instanceof Error) throw item;
      return undefined;
    },
    async cancel(reason) {
      state.wasCancelled = true;
      state.cancelled = reason;
    },
    ended,
  };
  return { reader, state, push: (batch: string) => give(batch), end: () => give(undefined), fail: (error: Error) => give(error) };
}

const steps = {
  start: () => "<start>",
  item: (batch: string) => batch,
  end: () => "<end>",
  error: (error: unknown) => `<error:${(error as Error).message}>`,
};

/** Lets every pending promise and a few event-loop turns run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(text(chunk));
  return chunks;
}

describe("batchedText", () => {
  it("spreads the writes of a long stream out: flushMs at first, twice the age later, 40 × flushMs, a third of the age, 30 s at most", () => {
    expect([0, 20, 100, 400, 2000, 4000, 6000, 12_000, 21_000, 60_000, 90_000, 120_000].map((age) => flushInterval(50, age))).toEqual([
      50, 50, 200, 800, 2000, 2000, 2000, 4000, 7000, 20_000, 30_000, 30_000,
    ]);
    // Whatever STREAM_FLUSH_MS asks for (at most 1000: 40 s by its own cap), a stream never goes quiet for over 30 s.
    expect(flushInterval(1000, 100_000)).toBe(30_000);
    expect(flushInterval(100, 21_000)).toBe(7000);
    expect(flushInterval(100, 1000)).toBe(2000);
    expect(flushInterval(0, 20_000)).toBe(0);
    // Writes grow with the logarithm of a stream's length: counted as the writer schedules them.
    const writes = (seconds: number) => {
      let count = 1;
      for (let age = 0; age < seconds * 1000; age += flushInterval(50, age)) count++;
      return count;
    };
    expect([20, 41, 60, 120, 300].map(writes)).toEqual([12, 14, 16, 18, 24]);
  });

  it("writes the opening frames before reading anything, and the first text as soon as it arrives", async () => {
    const source = fedSource();
    const reader = batchedText(source.reader, steps, 60_000).getReader();
    expect(text((await reader.read()).value!)).toBe("<start>");
    expect(source.state.reads).toBe(0);
    const burst = fedSource();
    ["one ", "two ", "three"].forEach((b) => burst.push(b));
    burst.end();
    expect(await readAll(batchedText(burst.reader, { ...steps, start: () => "" }, 60_000))).toEqual(["one two three<end>"]);
  });

  it("sends a paced source's last batch with the closing frames, in one write, once the source says it has ended", async () => {
    let markEnded!: () => void;
    const ended = new Promise<void>((resolve) => (markEnded = resolve));
    const batches = ["one ", "two "];
    const paced: BatchReader<string> = {
      paced: true,
      async read() {
        const batch = batches.shift();
        if (!batches.length) markEnded();
        return batch;
      },
      cancel: async () => {},
      ended,
    };
    expect(await readAll(batchedText(paced, { ...steps, start: () => "" }))).toEqual(["one ", "two <end>"]);
  });

  it("holds text that follows a write until flushMs have passed, reading nothing meanwhile", async () => {
    const source = fedSource();
    const reader = batchedText(source.reader, { ...steps, start: () => "" }, 300).getReader();
    source.push("first ");
    expect(text((await reader.read()).value!)).toBe("first ");
    source.push("a ");
    const next = reader.read();
    await settle();
    expect(source.state.reads).toBe(2);
    // Held, not read: what arrives meanwhile waits in the source, and goes out with the next batch.
    source.push("b ");
    source.push("c ");
    await settle();
    expect(source.state.reads).toBe(2);
    expect(text((await next).value!)).toBe("a ");
    expect(text((await reader.read()).value!)).toBe("b c ");
    source.end();
    expect(text((await reader.read()).value!)).toBe("<end>");
    expect((await reader.read()).done).toBe(true);
  });

  it("stops waiting once the source has ended: the rest goes out at once, with the closing frames", async () => {
    const source = fedSource();
    const reader = batchedText(source.reader, { ...steps, start: () => "" }, 60_000).getReader();
    source.push("first ");
    expect(text((await reader.read()).value!)).toBe("first ");
    source.push("a ");
    const next = reader.read();
    await settle();
    source.push("b");
    source.end();
    expect(text((await next).value!)).toBe("a b<end>");
    expect((await reader.read()).done).toBe(true);
  });

  it("writes every batch as it comes when no wait is asked for", async () => {
    const source = fedSource();
    const reader = batchedText(source.reader, { ...steps, start: () => "" }, 0).getReader();
    for (const piece of ["a", "b", "c"]) {
      source.push(piece);
      expect(text((await reader.read()).value!)).toBe(piece);
    }
  });

  it("writes a text that follows a pause without waiting", async () => {
    const source = fedSource();
    const reader = batchedText(source.reader, { ...steps, start: () => "" }, 20).getReader();
    source.push("first");
    expect(text((await reader.read()).value!)).toBe("first");
    await new Promise((resolve) => setTimeout(resolve, 40));
    source.push("after a pause");
    expect(text((await reader.read()).value!)).toBe("after a pause");
  });

  it("skips batches that render to nothing", async () => {
    const source = fedSource();
    const reader = batchedText(source.reader, { ...steps, start: () => "", item: (b: string) => b.replaceAll("-", "") }, 0).getReader();
    source.push("--");
    const next = reader.read();
    await settle();
    source.push("x");
    expect(text((await next).value!)).toBe("x");
    source.end();
    expect(text((await reader.read()).value!)).toBe("<end>");
  });

  it("turns a failure into the error frame after what was pending, and stops the source", async () => {
    const source = fedSource();
    const failure = new Error("upstream went away");
    const reader = batchedText(
      source.reader,
      {
        ...steps,
        item: (b: string) => {
          if (b.includes("!")) throw failure;
          return b;
        },
      },
      0,
    ).getReader();
    await reader.read();
    source.push("partial !");
    expect(text((await reader.read()).value!)).toBe("<error:upstream went away>");
    expect((await reader.read()).done).toBe(true);
    expect(source.state.cancelled).toBe(failure);

    const failing = fedSource();
    failing.fail(new Error("reset by peer"));
    expect(await readAll(batchedText(failing.reader, steps, 0))).toEqual(["<start>", "<error:reset by peer>"]);
  });

  it("reads nothing ahead of what the client has taken, and cancels the source when the client hangs up", async () => {
    const source = fedSource();
    const reader = batchedText(source.reader, { ...steps, start: () => "" }, 0).getReader();
    source.push("0 ");
    await reader.read();
    for (let i = 1; i < 50; i++) {
      source.push(`${i} `);
      await settle();
    }
    // One batch taken, at most one more read to refill the stream's queue of one chunk.
    expect(source.state.reads).toBeLessThanOrEqual(2);
    await reader.cancel("client left");
    expect(source.state.wasCancelled).toBe(true);
    expect(source.state.cancelled).toBe("client left");
  });
});

describe("bytesToWaitFor", () => {
  const at = (ageMs: number, sinceFirstMs: number, bytesSinceFirst: number) => bytesToWaitFor(50, { ageMs, sinceFirstMs, bytesSinceFirst });

  it("waits for one interval's worth at the rate seen since the first read", () => {
    // 20 bytes a millisecond (an OpenAI-shaped model at 50 tokens a second), seen for 0.5 s: the interval is 1 s.
    expect(at(500, 500, 10_000)).toBe(20_000);
    // 4 s in, the interval is 2 s.
    expect(at(4000, 3990, 79_800)).toBe(40_000);
    expect(bytesToWaitFor(100, { ageMs: 50, sinceFirstMs: 50, bytesSinceFirst: 1000 })).toBe(2000);
  });

  it("takes whatever comes until there is a rate, or when batching is off", () => {
    expect(at(0, 0, 0)).toBe(1);
    expect(at(5000, 4000, 0)).toBe(1);
    expect(bytesToWaitFor(0, { ageMs: 5000, sinceFirstMs: 4000, bytesSinceFirst: 80_000 })).toBe(1);
  });

  it("does not read a burst right after the first read as a rate: it asks for twice what has come, at most", () => {
    // 400 bytes 1 ms after the first read. Taken as a rate, that is 400 bytes a millisecond: 20,000 bytes for a
    // 50 ms interval, a second of a real model's tokens held back from the client.
    expect(at(10, 1, 400)).toBe(800);
    expect(at(10, 0, 400)).toBe(800);
    expect(at(10, 20, 400)).toBe(800);
    // Early on the interval is twice the age, so a read waits for twice what has come since the first read.
    expect(at(60, 40, 1000)).toBe(2000);
    expect(at(100, 100, 2000)).toBe(4000);
    // Once the window is more than half the interval, the rate counts: 20 bytes a millisecond for the 2 s cap.
    expect(at(1500, 1500, 30_000)).toBe(40_000);
  });

  it("never waits for more than MAX_READ_BYTES", () => {
    expect(at(60_000, 60_000, 1e9)).toBe(MAX_READ_BYTES);
  });
});

describe("byteBatches", () => {
  /** A runtime byte stream's reader, as far as byteBatches uses it: readAtLeast answers from `script`. */
  function scriptedByteStream(script: number[]) {
    const calls: number[] = [];
    const reader = {
      releaseLock() {},
      async readAtLeast(min: number, view: Uint8Array) {
        calls.push(min);
        const size = script.shift();
        if (size === undefined) return { done: true, value: undefined };
        view.fill(97, 0, size);
        return { done: false, value: view.subarray(0, size) };
      },
      read: () => Promise.reject(new Error("read() instead of readAtLeast()")),
      cancel: async () => {},
    };
    return { stream: { getReader: () => reader } as unknown as ReadableStream<Uint8Array>, calls };
  }

  it("knows the stream has ended when readAtLeast returns less than it asked for, without one more read", async () => {
    // First read: whatever comes. Second: the first rate is not known yet. Third asks for more than the 10 bytes left.
    const { stream, calls } = scriptedByteStream([400, 400, 10]);
    const source = byteBatches(stream, 50);
    let ended = false;
    source.ended!.then(() => (ended = true));
    const sizes: number[] = [];
    for (let batch = await source.read(); batch !== undefined; batch = await source.read()) sizes.push(batch.length);
    expect(sizes).toEqual([400, 400, 10]);
    expect(calls).toHaveLength(3);
    expect(calls[2]).toBeGreaterThan(10);
    expect(ended).toBe(true);
  });

  it("readAtLeast(n) waits for n bytes, where read waits for an interval's worth at the rate seen", async () => {
    const { stream, calls } = scriptedByteStream([400, 400, 30, 2000, 200]);
    const source = byteBatches(stream, 50);
    await source.read();
    await source.read();
    expect((await source.readAtLeast!(0))!.length).toBe(30);
    expect((await source.read())!.length).toBe(2000);
    expect((await source.readAtLeast!(150))!.length).toBe(200);
    expect(calls.slice(0, 3)).toEqual([1, 1, 1]);
    expect(calls[3]).toBeGreaterThan(400);
    expect(calls[4]).toBe(150);
  });

  it("reads on while readAtLeast returns what it asked for, and ends at done", async () => {
    const { stream, calls } = scriptedByteStream([400, 1]);
    const source = byteBatches(stream, 50);
    expect((await source.read())!.length).toBe(400);
    expect((await source.read())!.length).toBe(1);
    expect(await source.read()).toBeUndefined();
    expect(calls).toEqual([1, 1, expect.any(Number)]);
  });
});

describe("coalescingReader", () => {
  const MODEL = "@cf/meta/llama-3.1-8b-instruct-fp8";
  const answer = () =>
    testEnv.AI.run(MODEL, { messages: [{ role: "user", content: "Go on. [[stub:words=300]]" }], stream: true }) as Promise<
      ReadableStream<Uint8Array>
    >;

  async function readToEnd(source: BatchReader<string>): Promise<{ text: string; reads: number }> {
    let all = "";
    let reads = 0;
    for (let chunk = await source.read(); chunk !== undefined; chunk = await source.read()) {
      reads++;
      expect(chunk).not.toBe("");
      all += chunk;
    }
    return { text: all, reads };
  }

  it("gathers Workers AI's network chunks natively: every byte, in far fewer reads than chunks", async () => {
    // The stub sends this answer in network chunks of 1 to 97 bytes.
    const plain = answer().then(async (stream) => {
      let all = "";
      let chunks = 0;
      const utf8 = new TextDecoder();
      for await (const chunk of stream) {
        chunks++;
        all += utf8.decode(chunk, { stream: true });
      }
      return { text: all + utf8.decode(), chunks };
    });
    const source = coalescingReader(await answer());
    expect(source.paced).toBe(true);
    const read = await readToEnd(source);
    const expected = await plain;
    expect(read.text).toBe(expected.text);
    expect(read.text).toContain("data: [DONE]");
    expect(read.reads).toBeLessThan(expected.chunks / 10);
    let ended = false;
    await source.ended!.then(() => (ended = true));
    expect(ended).toBe(true);
  });

  it("reads a paced stream about once per flush interval: the first token at once, then what an interval brings", async () => {
    const upstream = (await testEnv.AI.run(MODEL, {
      messages: [{ role: "user", content: `${unique()} [[stub:words=40]] [[stub:chunk=event]] [[stub:pace=20]]` }],
      stream: true,
    })) as ReadableStream<Uint8Array>;
    const source = coalescingReader(upstream, 100);
    const first = (await source.read())!;
    expect(first).toContain('"response":"w1"');
    expect(first).not.toMatch(/"response":" ?w2"/);
    const rest = await readToEnd(source);
    // 40 tokens 20 ms apart, read every 100 ms or so (200 ms and more after the first 800 ms): not one read a token.
    expect(rest.reads).toBeGreaterThanOrEqual(3);
    expect(rest.reads).toBeLessThan(15);
    expect(first + rest.text).toMatch(/"response":" ?w40"/);
  });

  it("a read takes an interval's worth even past 64 KiB: the buffer grows for a long stream's seconds-apart reads", async () => {
    // An OpenAI-shaped model's events are ~400 bytes (usage on every chunk): 600 of them 2 ms apart, read once a second.
    const upstream = (await testEnv.AI.run("@cf/zai-org/glm-4.7-flash", {
      messages: [{ role: "user", content: `${unique()} [[stub:words=600]] [[stub:chunk=event]] [[stub:pace=2]]` }],
      max_tokens: 1000,
      stream: true,
    })) as ReadableStream<Uint8Array>;
    const source = coalescingReader(upstream, 1000);
    const sizes: number[] = [];
    let all = "";
    for (let batch = await source.read(); batch !== undefined; batch = await source.read()) {
      sizes.push(batch.length);
      all += batch;
    }
    expect(Math.max(...sizes)).toBeGreaterThan(64 * 1024);
    expect(sizes.length).toBeLessThan(10);
    expect(all).toContain('"content":" w600"');
    expect(all.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("cancelling stops the stream from Workers AI: the model generates no further", async () => {
    const marker = unique("cancel");
    const upstream = (await testEnv.AI.run(MODEL, {
      messages: [{ role: "user", content: `${marker} [[stub:words=50]] [[stub:chunk=event]] [[stub:pace=20]]` }],
      stream: true,
    })) as ReadableStream<Uint8Array>;
    const source = coalescingReader(upstream);
    expect(await source.read()).toContain('"response":"w1"');
    await source.cancel("client left");
    expect(await sentWhenStopped(marker)).toBeLessThan(52);
  });

  it("reads streams the runtime cannot pipe with a loop, still a batch per read, and cancelling reaches their source", async () => {
    // An IdentityTransformStream's readable cannot be piped into another one: the reader falls back to the loop.
    const { readable, writable } = new IdentityTransformStream();
    const fromRuntime = coalescingReader(readable);
    const writer = writable.getWriter();
    const pieces = ['data: {"response":"a"}\n\n', 'data: {"resp', 'onse":"é"}\n\n', "data: [DONE]\n\n"];
    const written = (async () => {
      for (const piece of pieces) await writer.write(bytes(piece));
      await writer.close();
    })();
    expect((await readToEnd(fromRuntime)).text).toBe(pieces.join(""));
    await written;

    let cancelled: unknown;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const fromJs = coalescingReader(
      new ReadableStream<Uint8Array>({
        start: (c) => void (controller = c),
        cancel(reason) {
          cancelled = reason;
        },
      }),
    );
    ["a", "b", "c"].forEach((piece) => controller.enqueue(bytes(piece)));
    await settle();
    expect(await fromJs.read()).toBe("abc");
    const next = fromJs.read();
    controller.enqueue(bytes("d"));
    expect(await next).toBe("d");
    let ended = false;
    void fromJs.ended!.then(() => (ended = true));
    await settle();
    expect(ended).toBe(false);
    await fromJs.cancel("client left");
    await settle();
    expect(cancelled).toBe("client left");
  });
});

describe("coalescingReader's text", () => {
  it("holds back a character split between two reads until its last byte has come, in runtime and JS streams alike", async () => {
    const utf8 = new TextEncoder().encode('data: {"response":"é€😀"}\n\n');
    // Every cut inside a multi-byte character: the text read is the same, and no read hands over a broken half.
    for (let cut = 19; cut < utf8.length - 3; cut++) {
      const { readable, writable } = new IdentityTransformStream();
      const writer = writable.getWriter();
      void (async () => {
        await writer.write(utf8.subarray(0, cut));
        await writer.write(utf8.subarray(cut));
        await writer.close();
      })();
      const runtime = coalescingReader(readable);
      const js = coalescingReader(
        new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(utf8.subarray(0, cut));
            c.enqueue(utf8.subarray(cut));
            c.close();
          },
        }),
      );
      for (const source of [runtime, js]) {
        let all = "";
        for (let batch = await source.read(); batch !== undefined; batch = await source.read()) {
          expect(batch).not.toContain("\uFFFD");
          all += batch;
        }
        expect(all).toBe('data: {"response":"é€😀"}\n\n');
      }
    }
  });

  it("ends with a replacement character for bytes that never complete a character, as a decoder does", async () => {
    const source = coalescingReader(
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new Uint8Array([0x61, 0xe2, 0x82]));
          c.close();
        },
      }),
    );
    let all = "";
    for (let batch = await source.read(); batch !== undefined; batch = await source.read()) all += batch;
    expect(all).toBe("a\uFFFD");
  });
});

describe("Mailbox", () => {
  it("hands over every item put since the previous read, then the end or the failure", async () => {
    const box = new Mailbox<number>();
    [1, 2, 3].forEach((n) => box.put(n));
    expect(await box.read()).toEqual([1, 2, 3]);
    const next = box.read();
    await settle();
    box.put(4);
    expect(await next).toEqual([4]);
    box.put(5);
    box.close();
    await box.ended;
    expect(await box.read()).toEqual([5]);
    expect(await box.read()).toBeUndefined();

    const failing = new Mailbox<number>();
    failing.put(1);
    failing.fail(new Error("model failed"));
    expect(await failing.read()).toEqual([1]);
    await expect(failing.read()).rejects.toThrow("model failed");
  });

  it("says when everything put has been read", async () => {
    const box = new Mailbox<number>();
    await box.taken();
    box.put(1, 2);
    let taken = false;
    void box.taken().then(() => (taken = true));
    await settle();
    expect(taken).toBe(false);
    expect(await box.read()).toEqual([1, 2]);
    await settle();
    expect(taken).toBe(true);
    box.put(3);
    const waiting = box.taken();
    await box.cancel("client left");
    await waiting;
  });

  it("drops what is unread once cancelled, and tells the producer", async () => {
    let reason: unknown;
    const box = new Mailbox<number>((r) => (reason = r));
    box.put(1);
    await box.cancel("client left");
    box.put(2);
    expect(box.listening).toBe(false);
    expect(reason).toBe("client left");
  });
});
