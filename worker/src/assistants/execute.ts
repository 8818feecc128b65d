// Running a run: the model call built from the thread, the answer stored with `runs.finish` through the
// session that started the run. Non-stream runs answer at once and finish in waitUntil; streamed runs
// render the AiEvent stream as Assistants events while it is being stored.
import type { Meter } from "../usage/meter.js";
import { settledToolCalls, readToTheEnd, type TurnEnd } from "../ai/turn.js";
import type { AiEvent } from "../ai/events.js";
import { eventsFailing } from "../ai/stages.js";
import type { BatchReader } from "../streams/batch-reader.js";
import { SSE_HEADERS } from "../ai/sse.js";
import { answerText, streamText, type TextCall } from "../ai/text.js";
import type { Config } from "../config.js";
import { scopedKind } from "../cache/response-cache.js";
import type { Env } from "../env.js";
import { toApiError, type ApiError } from "../http/errors.js";
import { parseChatRequest } from "../openai/chat-request.js";
import { assistantStreamRenderer } from "../render/assistants-stream.js";
import { renderStream } from "../render/stream.js";
import type { Session } from "../state/backend.js";
import { orderedKey, PREFIX } from "../state/ids.js";
import type { MessageContent, RunStep, Thread } from "./objects.js";
import type { FinishedRun, RunResult, StartedRun, StepIds } from "./run-ops.js";

/** While a run is still going, how long the SDK should wait before polling again. */
export const POLL_AFTER_MS = 1000;

export interface Execution {
  env: Env;
  config: Config;
  waitUntil: (promise: Promise<unknown>) => void;
  started: StartedRun;
  session: Session;
  threadId: string;
  /** The request's usage meter (usage/): a background run reports to it after the request has been answered. */
  meter?: Meter;
  /** The project the thread belongs to: its answers are cached for that project only (unless CACHE_SCOPE=shared). */
  project: string;
}

function chatContent(content: MessageContent[]): unknown {
  if (content.every((part) => part.type === "text")) return content.map((part) => part.text.value).join("\n");
  return content.map((part) =>
    part.type === "text" ? { type: "text", text: part.text.value } : { type: "image_url", image_url: { url: part.image_url.url } },
  );
}

/** The thread as a Chat Completions request, checked and translated by the chat route's own parser. */
/** `streamed`: whether the run streams its answer (a streamed answer has its own default limit: openai/sampling.ts). */
export function runCall(started: StartedRun, config: Config, project: string, streamed: boolean, meter?: Meter): TextCall {
  const run = started.run;
  const messages: Record<string, unknown>[] = [];
  if (run.instructions) messages.push({ role: "system", content: run.instructions });
  for (const message of started.messages) messages.push({ role: message.role, content: chatContent(message.content) });
  for (const round of started.toolRounds) {
    messages.push({
      role: "assistant",
      content: null,
      tool_calls: round.map((call) => ({
        id: call.id,
        type: "function",
        function: { name: call.function.name, arguments: call.function.arguments },
      })),
    });
    for (const call of round) messages.push({ role: "tool", tool_call_id: call.id, content: call.function.output ?? "" });
  }
  const request = parseChatRequest(
    {
      model: run.model,
      messages,
      temperature: run.temperature,
      top_p: run.top_p,
      max_completion_tokens: run.max_completion_tokens,
      tools: run.tools.length ? run.tools : undefined,
      tool_choice: run.tools.length ? run.tool_choice : undefined,
      parallel_tool_calls: run.tools.length ? run.parallel_tool_calls : undefined,
      response_format: run.response_format === "auto" ? undefined : run.response_format,
    },
    config,
    streamed,
  );
  return {
    kind: scopedKind(config, project, "assistants"),
    model: request.model,
    request: request.modelRequest,
    inputs: request.inputs,
    sampling: request.sampling,
    meter,
  };
}

const newStepIds = (): StepIds => ({ message: PREFIX.step + orderedKey(Date.now()), tools: PREFIX.step + orderedKey(Date.now()) });

function failure(error: ApiError): RunResult {
  const code = error.status === 429 ? "rate_limit_exceeded" : error.status === 400 ? "invalid_prompt" : "server_error";
  return { type: "failed", code, message: error.message };
}

function runResult(end: TurnEnd, steps: StepIds): RunResult {
  if ("error" in end) return failure(end.error);
  const { result } = end;
  if (result.toolCalls.length) {
    const calls = result.toolCalls.map((call) => ({
      id: call.id,
      type: "function" as const,
      function: { name: call.name, arguments: call.arguments },
    }));
    return { type: "tool_calls", text: result.text, calls, usage: result.usage, steps };
  }
  return { type: "message", text: result.text, truncated: result.finishReason === "length", usage: result.usage, steps };
}

async function finish(x: Execution, result: RunResult): Promise<FinishedRun> {
  try {
    return await x.session.finish("runs.finish", {
      threadId: x.threadId,
      key: x.started.run.id.slice(PREFIX.run.length),
      runId: x.started.run.id,
      result,
    });
  } finally {
    x.session.close();
  }
}

/** Non-stream: the caller has answered with the run; the model is called and the answer stored in waitUntil. */
export function runInBackground(x: Execution): void {
  const steps = newStepIds();
  // Registered before the request is answered, so that the meter waits for this run's usage.
  const metered = x.meter?.expect();
  const work = async () => {
    let end: TurnEnd;
    try {
      end = { result: (await answerText(x.env, x.config, x.waitUntil, runCall(x.started, x.config, x.project, false, x.meter))).result };
    } catch (error) {
      end = { error: toApiError(error) };
    } finally {
      metered?.();
    }
    await finish(x, runResult(end, steps));
  };
  x.waitUntil(work().catch((error) => console.error("run failed to finish", error)));
}

/** Streamed: Assistants events for the run while it runs; the stream ends after the answer is stored. */
export async function runStreaming(x: Execution, prelude: { thread?: Thread; completedStep?: RunStep } = {}): Promise<Response> {
  const steps = newStepIds();
  let finished: FinishedRun | undefined;
  const store = async (end: TurnEnd) => void (finished = await finish(x, runResult(end, steps)));
  let events: BatchReader<AiEvent[]>;
  let maxTokens: number | undefined;
  try {
    const call = runCall(x.started, x.config, x.project, true, x.meter);
    maxTokens = call.sampling.maxTokens;
    events = settledToolCalls((await streamText(x.env, x.config, x.waitUntil, call)).events);
  } catch (error) {
    // The model could not even start: the run fails, and the stream says so.
    events = eventsFailing(error);
  }
  const stored = readToTheEnd(events, maxTokens, x.waitUntil, store);
  const renderer = assistantStreamRenderer({
    run: x.started.run,
    replyMessageId: x.started.replyMessageId,
    steps,
    ...prelude,
    finished: () => finished,
  });
  return new Response(renderStream(stored, renderer, x.config.streamFlushMs), { headers: SSE_HEADERS });
}
