// Server-sent events in: bytes that may split anywhere (inside an event, inside a UTF-8 character) become
// whole events. Server-sent events out: one helper that frames them.

export interface SseEvent {
  event: string | undefined;
  data: string;
}

/** Bytes → events, as a TransformStream. A split UTF-8 character is held back until its last byte arrives. */
export function sseDecoder(): TransformStream<Uint8Array, SseEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  let event: string | undefined;
  let data: string[] = [];
  const takeLines = (controller: TransformStreamDefaultController<SseEvent>, final: boolean) => {
    let start = 0;
    for (;;) {
      const nl = buffer.indexOf("\n", start);
      if (nl < 0) break;
      const end = nl > start && buffer.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      handleLine(buffer.slice(start, end), controller);
      start = nl + 1;
    }
    buffer = buffer.slice(start);
    if (final) {
      if (buffer) handleLine(buffer.replace(/\r$/, ""), controller);
      buffer = "";
      handleLine("", controller);
    }
  };
  const handleLine = (line: string, controller: TransformStreamDefaultController<SseEvent>) => {
    if (line === "") {
      if (data.length) controller.enqueue({ event, data: data.join("\n") });
      event = undefined;
      data = [];
      return;
    }
    if (line.charCodeAt(0) === 58 /* ":" comment */) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
  };
  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      takeLines(controller, false);
    },
    flush(controller) {
      buffer += decoder.decode();
      takeLines(controller, true);
    },
  });
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
