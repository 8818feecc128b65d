// The Assistants v2 objects as the API returns them (and as they are stored: one JSON row each).

export type Metadata = Record<string, string>;
export type FunctionTool = {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean | null };
};

export interface Assistant {
  id: string;
  object: "assistant";
  created_at: number;
  name: string | null;
  description: string | null;
  model: string;
  instructions: string | null;
  tools: FunctionTool[];
  tool_resources: Record<string, unknown> | null;
  metadata: Metadata;
  temperature: number | null;
  top_p: number | null;
  response_format: unknown;
}

export interface Thread {
  id: string;
  object: "thread";
  created_at: number;
  tool_resources: Record<string, unknown> | null;
  metadata: Metadata;
}

export type MessageContent =
  | { type: "text"; text: { value: string; annotations: unknown[] } }
  | { type: "image_url"; image_url: { url: string; detail: string } };

export interface Message {
  id: string;
  object: "thread.message";
  created_at: number;
  thread_id: string;
  status: "in_progress" | "incomplete" | "completed";
  incomplete_details: { reason: string } | null;
  completed_at: number | null;
  incomplete_at: number | null;
  role: "user" | "assistant";
  content: MessageContent[];
  assistant_id: string | null;
  run_id: string | null;
  attachments: unknown[] | null;
  metadata: Metadata;
}

/** A message as a request gives it, before it has an id. */
export interface MessageInput {
  role: "user" | "assistant";
  content: MessageContent[];
  attachments: unknown[] | null;
  metadata: Metadata;
}

export type RunStatus =
  | "queued"
  | "in_progress"
  | "requires_action"
  | "cancelling"
  | "cancelled"
  | "failed"
  | "completed"
  | "incomplete"
  | "expired";

export interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string; output?: string | null };
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface Run {
  id: string;
  object: "thread.run";
  created_at: number;
  thread_id: string;
  assistant_id: string;
  status: RunStatus;
  required_action: { type: "submit_tool_outputs"; submit_tool_outputs: { tool_calls: ToolCall[] } } | null;
  last_error: { code: string; message: string } | null;
  expires_at: number | null;
  started_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  incomplete_details: { reason: string } | null;
  model: string;
  instructions: string;
  tools: FunctionTool[];
  metadata: Metadata;
  usage: Usage | null;
  temperature: number | null;
  top_p: number | null;
  max_prompt_tokens: number | null;
  max_completion_tokens: number | null;
  truncation_strategy: { type: "auto" | "last_messages"; last_messages: number | null };
  tool_choice: unknown;
  parallel_tool_calls: boolean;
  response_format: unknown;
}

export interface RunStep {
  id: string;
  object: "thread.run.step";
  created_at: number;
  assistant_id: string;
  thread_id: string;
  run_id: string;
  type: "message_creation" | "tool_calls";
  status: "in_progress" | "cancelled" | "failed" | "completed" | "expired";
  step_details: { type: "message_creation"; message_creation: { message_id: string } } | { type: "tool_calls"; tool_calls: ToolCall[] };
  last_error: { code: string; message: string } | null;
  expired_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  metadata: Metadata;
  usage: Usage | null;
}

/** A run as stored: the object, its steps (kept in the same row: a step costs no row of its own), and the
 * key its reply message will get (chosen when the run starts, so a stream can announce the message's id). */
export interface RunRow {
  run: Run;
  steps: RunStep[];
  replyKey: string;
}

/** Queued, running or waiting for tool outputs: a thread with such a run takes no new message and no new run. */
export const isActive = (status: RunStatus) =>
  status === "queued" || status === "in_progress" || status === "cancelling" || status === "requires_action";
/** Still moving on its own: pollers wait while a run is in one of these. */
export const isTransient = (status: RunStatus) => status === "queued" || status === "in_progress" || status === "cancelling";

export function textContent(value: string): MessageContent {
  return { type: "text", text: { value, annotations: [] } };
}

export function newStep(run: Run, id: string, seconds: number, details: RunStep["step_details"]): RunStep {
  return {
    id,
    object: "thread.run.step",
    created_at: seconds,
    assistant_id: run.assistant_id,
    thread_id: run.thread_id,
    run_id: run.id,
    type: details.type,
    status: "in_progress",
    step_details: details,
    last_error: null,
    expired_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    metadata: {},
    usage: null,
  };
}

export function assistantMessage(run: Run, id: string, seconds: number): Message {
  return {
    id,
    object: "thread.message",
    created_at: seconds,
    thread_id: run.thread_id,
    status: "in_progress",
    incomplete_details: null,
    completed_at: null,
    incomplete_at: null,
    role: "assistant",
    content: [],
    assistant_id: run.assistant_id,
    run_id: run.id,
    attachments: [],
    metadata: {},
  };
}
