// Tool calls in a stream: a call is announced once its name is known (argument pieces that came first wait),
// later pieces follow it. The Assistants and Responses renderers both render calls this way.
import type { AiEvent } from "../ai/events.js";

export interface StreamedCall {
  /** 0, 1, 2… in the order the calls first appeared. */
  position: number;
  id: string | undefined;
  name: string | undefined;
  opened: boolean;
  /** Arguments received before the call was announced. */
  pending: string;
  /** All arguments so far. */
  args: string;
}

export class ToolCallTracker {
  readonly calls = new Map<number, StreamedCall>();

  constructor(
    /** Frames that announce a call, with the arguments that waited for it. */
    private readonly announce: (call: StreamedCall, args: string) => string,
    /** Frames for a later piece of arguments. */
    private readonly more: (call: StreamedCall, args: string) => string,
    /** Called when a call first appears (e.g. to close a message before it). */
    private readonly first: (call: StreamedCall) => string = () => "",
  ) {}

  event(event: Extract<AiEvent, { type: "tool" }>): string {
    let call = this.calls.get(event.index);
    let out = "";
    if (!call) {
      call = { position: this.calls.size, id: event.id, name: undefined, opened: false, pending: "", args: "" };
      this.calls.set(event.index, call);
      out += this.first(call);
    }
    call.args += event.args;
    if (call.opened) return out + (event.args ? this.more(call, event.args) : "");
    if (event.name) call.name = event.name;
    call.pending += event.args;
    return out + this.open(call);
  }

  /** At the end: a call whose name never came is still a call. */
  openRemaining(): string {
    let out = "";
    for (const call of this.calls.values()) if (!call.opened) (call.name ??= ""), (out += this.open(call));
    return out;
  }

  private open(call: StreamedCall): string {
    if (call.opened || call.name === undefined) return "";
    call.opened = true;
    const args = call.pending;
    call.pending = "";
    return this.announce(call, args);
  }
}
