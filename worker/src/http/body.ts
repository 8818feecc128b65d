// Reading a request body with a limit that holds while reading: a chunked or mis-declared body is counted as
// it arrives and refused (413) at the first byte past the limit, before more memory is spent on it.
import { ApiError } from "./errors.js";

export function bodyTooLarge(limit: number, what = "The request body", param: string | null = null): ApiError {
  return new ApiError(413, `${what} is larger than ${limit / (1024 * 1024)} MiB.`, "invalid_request_error", param, "request_too_large");
}

/** The body's bytes; a 413 (`tooLarge`) once more than `limit` bytes arrive or are declared. */
export async function readLimited(
  request: Request,
  limit: number,
  tooLarge: () => ApiError = () => bodyTooLarge(limit),
): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading: the rest of the body is never buffered.
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
