// Server-sent events in: text that may split anywhere inside an event becomes whole events. Server-sent events out: one helper that frames them.

export interface SseEvent {
  event: string | undefined;
  data: string;
}

/** Text → events, synchronously: a split event is held back until its blank line. One parser per stream. */
export class SseParser {
  private buffer = "";
  private event: string | undefined;
  private data: string[] = [];

  /**
   * The next piece of the stream's text (streams/batch-reader.ts decodes Workers AI's bytes). `skip`, called where
   * an event may start, may take whole events itself: it returns where they end (or `start` for none).
   */
  push(text: string, emit: (event: SseEvent) => void, skip?: (text: string, start: number) => number): void {
    this.buffer += text;
    this.takeLines(emit, false, skip);
  }

  end(emit: (event: SseEvent) => void): void {
    this.takeLines(emit, true);
  }

  private takeLines(emit: (event: SseEvent) => void, final: boolean, skip?: (text: string, start: number) => number) {
    const buffer = this.buffer;
    let start = 0;
    for (;;) {
      if (skip && !this.data.length && this.event === undefined) start = skip(buffer, start);
      const nl = buffer.indexOf("\n", start);
      if (nl < 0) break;
      // What Workers AI sends: events of one `data: ` line. Each is taken whole, without the line-by-line steps
      // (bench/worker: the line loop was a tenth of a rendered stream's CPU). Anything else goes line by line.
      if (
        !this.data.length &&
        this.event === undefined &&
        buffer.startsWith("data: ", start) &&
        buffer.charCodeAt(nl + 1) === 10 &&
        buffer.charCodeAt(nl - 1) !== 13
      ) {
        emit({ event: undefined, data: buffer.slice(start + 6, nl) });
        start = nl + 2;
        continue;
      }
      const end = nl > start && buffer.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line(buffer.slice(start, end), emit);
      start = nl + 1;
    }
    this.buffer = buffer.slice(start);
    if (final) {
      if (this.buffer) this.line(this.buffer.replace(/\r$/, ""), emit);
      this.buffer = "";
      this.line("", emit);
    }
  }

  private line(line: string, emit: (event: SseEvent) => void) {
    if (line === "") {
      if (this.data.length) emit({ event: this.event, data: this.data.join("\n") });
      this.event = undefined;
      this.data = [];
      return;
    }
    if (line.charCodeAt(0) === 58 /* ":" comment */) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
  }
}

const encoder = new TextEncoder();

/** `data: <json>\n\n`, or with an `event:` line first. */
export function sseFrame(data: string, event?: string): Uint8Array {
  return encoder.encode(event ? `event: ${event}\ndata: ${data}\n\n` : `data: ${data}\n\n`);
}

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  connection: "keep-alive",
} as const;
