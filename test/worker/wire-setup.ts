// Runs in every worker test file: after each test, every answer it read must have matched OpenAI's schemas.
import { afterEach, expect } from "vitest";
import { takeViolations } from "./wire.js";

afterEach(() => {
  expect(takeViolations(), "answers that do not match OpenAI's published schema (test/worker/wire.ts)").toEqual([]);
});
