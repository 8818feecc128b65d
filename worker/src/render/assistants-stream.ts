// Assistants run streaming: `event: <name>` + `data: <object>` pairs in the order the SDK's AssistantStream
// accepts (a message or step is created before its deltas, one step is active at a time), ending with
// `event: done` / `data: [DONE]`. The closing events carry the objects as stored.
import type { AiEvent } from "../ai/events.js";
import { assistantMessage, newStep, textContent, type Message, type Run, type RunStep, type Thread } from "../assistants/objects.js";
import type { FinishedRun, StepIds } from "../assistants/run-ops.js";
import { storedEnding } from "./stored-ending.js";
import type { Renderer } from "./stream.js";
import { ToolCallTracker } from "./tool-calls.js";

export interface AssistantStreamSetup {
  run: Run;
  replyMessageId: string;
  steps: StepIds;
  /** POST /threads/runs: the new thread is announced first. */
  thread?: Thread;
  /** submit_tool_outputs: the tool step those outputs completed. */
  completedStep?: RunStep;
  /** The stored outcome; set before the renderer's end() or error() is called. */
  finished: () => FinishedRun | undefined;
}

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const now = () => Math.floor(Date.now() / 1000);

export function assistantStreamRenderer(setup: AssistantStreamSetup): Renderer {
  const run = setup.run;
  let message: Message | undefined;
  let messageStep: RunStep | undefined;
  let toolStep: RunStep | undefined;
  let text = "";

  const openMessage = (): string => {
    if (message) return "";
    message = assistantMessage(run, setup.replyMessageId, now());
    messageStep = newStep(run, setup.steps.message, now(), { type: "message_creation", message_creation: { message_id: message.id } });
    return (
      frame("thread.run.step.created", messageStep) +
      frame("thread.run.step.in_progress", messageStep) +
      frame("thread.message.created", message) +
      frame("thread.message.in_progress", message)
    );
  };
  const closeMessage = (stored?: Message | null, storedStep?: RunStep): string => {
    if (!message || !messageStep) return "";
    const done: Message = stored ?? { ...message, status: "completed", completed_at: now(), content: [textContent(text)] };
    const step: RunStep = storedStep ?? { ...messageStep, status: "completed", completed_at: now() };
    return frame("thread.message.completed", done) + frame("thread.run.step.completed", step);
  };
  const toolDelta = (call: Record<string, unknown>) =>
    frame("thread.run.step.delta", {
      id: setup.steps.tools,
      object: "thread.run.step.delta",
      delta: { step_details: { type: "tool_calls", tool_calls: [call] } },
    });
  const tools = new ToolCallTracker(
    (call, args) =>
      toolDelta({ index: call.position, id: call.id, type: "function", function: { name: call.name, arguments: args, output: null } }),
    (call, args) => toolDelta({ index: call.position, type: "function", function: { arguments: args } }),
    () => openToolStep(),
  );
  const openToolStep = (): string => {
    if (toolStep) return "";
    const out = closeMessage();
    message = undefined;
    toolStep = newStep(run, setup.steps.tools, now(), { type: "tool_calls", tool_calls: [] });
    return out + frame("thread.run.step.created", toolStep) + frame("thread.run.step.in_progress", toolStep);
  };

  const closing = (finished: FinishedRun): string => {
    let out = tools.openRemaining();
    const final = finished.run;
    if (finished.message && !toolStep) out += openMessage();
    if (message && finished.message)
      out += closeMessage(
        finished.message,
        finished.steps.find((s) => s.id === setup.steps.message),
      );
    const terminal: Record<string, string> = {
      completed: "thread.run.completed",
      incomplete: "thread.run.incomplete",
      requires_action: "thread.run.requires_action",
      failed: "thread.run.failed",
      cancelled: "thread.run.cancelled",
      expired: "thread.run.expired",
    };
    return `${out + frame(terminal[final.status] ?? "thread.run.failed", final)}event: done\ndata: [DONE]\n\n`;
  };

  return {
    start() {
      let out = setup.thread ? frame("thread.created", setup.thread) : "";
      if (setup.completedStep)
        out += frame("thread.run.step.completed", setup.completedStep) + frame("thread.run.queued", { ...run, status: "queued" });
      else out += frame("thread.run.created", { ...run, status: "queued" }) + frame("thread.run.queued", { ...run, status: "queued" });
      return out + frame("thread.run.in_progress", run);
    },
    event(event: AiEvent): string {
      switch (event.type) {
        case "text":
          if (toolStep || !event.text) return "";
          text += event.text;
          return (
            openMessage() +
            frame("thread.message.delta", {
              id: setup.replyMessageId,
              object: "thread.message.delta",
              delta: { content: [{ index: 0, type: "text", text: { value: event.text, annotations: [] } }] },
            })
          );
        case "tool":
          return tools.event(event);
        default:
          return "";
      }
    },
    ...storedEnding(
      setup.finished,
      closing,
      (error) =>
        frame("error", { error: { message: error.message, type: error.type, param: error.param, code: error.code } }) +
        "event: done\ndata: [DONE]\n\n",
    ),
  };
}
