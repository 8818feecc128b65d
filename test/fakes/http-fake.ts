// The common part of the fake HTTP APIs (Cloudflare, GitHub): a real server on 127.0.0.1 that records
// every request and can be told to misbehave (status, error code, delay, for N requests), so tests
// exercise retries and failure paths against the same code that talks to the real services.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. /client/v4/accounts/abc/storage/kv/namespaces */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  body?: unknown;
}

export interface Fault {
  method?: string;
  /** Exact path, or a pattern matched against the path. */
  path: string | RegExp;
  status?: number;
  /** The service's own error code (Cloudflare `errors[0].code`); the fake turns it into its error body. */
  code?: number;
  message?: string;
  /** Extra response headers (e.g. retry-after). */
  headers?: Record<string, string>;
  /** Wait this long before answering (or before the normal answer, when status is not set). */
  delayMs?: number;
  /** How many matching requests it affects; default: all of them. */
  times?: number;
  /** Runs when the fault hits, before the answer: e.g. make another client's change appear (a race). */
  onMatch?: (request: RecordedRequest) => void;
}

export type Handler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;
export type FaultBody = (status: number, code: number | undefined, message: string | undefined) => unknown;

export class HttpFake {
  readonly requests: RecordedRequest[] = [];
  private faults: (Fault & { left: number })[] = [];
  private server: Server | undefined;
  private base = "";

  constructor(
    private readonly handler: Handler,
    private readonly faultBody: FaultBody,
  ) {}

  /** Starts listening on 127.0.0.1 (a free port unless given) and returns the origin, e.g. http://127.0.0.1:41234 */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${address.port}`;
    return this.base;
  }

  get origin(): string {
    if (!this.base) throw new Error("fake server not started");
    return this.base;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Requests whose method and path match, in order. */
  find(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path)));
  }

  private takeFault(request: RecordedRequest): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === request.method) &&
        (typeof f.path === "string" ? f.path === request.path : f.path.test(request.path)),
    );
    if (fault) {
      fault.left--;
      fault.onMatch?.(request);
    }
    return fault;
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) headers[key] = Array.isArray(value) ? value.join(", ") : (value ?? "");
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    };
    if ((headers["content-type"] ?? "").includes("json") && body.length) {
      try {
        request.json = JSON.parse(body.toString("utf8"));
      } catch {
        // recorded as bytes only
      }
    }
    this.requests.push(request);

    let reply: FakeReply;
    try {
      const fault = this.takeFault(request);
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      reply =
        fault && fault.status !== undefined
          ? { status: fault.status, headers: fault.headers, body: this.faultBody(fault.status, fault.code, fault.message) }
          : await this.handler(request);
    } catch (error) {
      reply = { status: 500, body: this.faultBody(500, undefined, `fake server error: ${(error as Error).message}`) };
    }
    send(res, reply);
  }
}

function send(res: ServerResponse, reply: FakeReply) {
  const headers = { ...reply.headers };
  let payload: Buffer | string | undefined;
  if (reply.body === undefined || reply.body === null) payload = undefined;
  else if (typeof reply.body === "string" || Buffer.isBuffer(reply.body)) payload = reply.body;
  else {
    payload = JSON.stringify(reply.body);
    headers["content-type"] ??= "application/json; charset=utf-8";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Splits a multipart/form-data body into its parts (wrangler uploads scripts and settings this way). */
export function parseMultipart(body: Buffer, contentType: string): { name: string; filename?: string; type?: string; data: Buffer }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: { name: string; filename?: string; type?: string; data: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd >= 0) {
      const head = part.subarray(0, headerEnd).toString("utf8");
      const data = part.subarray(headerEnd + 4, part.length - 2); // drop the CRLF before the next delimiter
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? "";
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      parts.push({ name, filename, type, data });
    }
    start = next;
  }
  return parts;
}
