// The end of a stream whose answer is stored as it ends (Assistants runs, Responses): the closing frames
// carry what was stored; a failure that was stored too (a failed run) closes the same way, and only a
// failure that could not be stored becomes the format's error frame.
import type { ApiError } from "../http/errors.js";
import type { Renderer } from "./stream.js";

export function storedEnding<T>(
  stored: () => T | undefined,
  closing: (stored: T) => string,
  unstored: (error: ApiError) => string,
): Pick<Renderer, "end" | "error"> {
  return {
    end: () => closing(stored()!),
    error(error) {
      const value = stored();
      return value === undefined ? unstored(error) : closing(value);
    },
  };
}
