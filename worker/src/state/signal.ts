// "Something changed": lets a poll wait for a run to finish instead of being answered "still running".

export class Signal {
  private readonly waiting = new Set<() => void>();

  get idle(): boolean {
    return this.waiting.size === 0;
  }

  notify(): void {
    for (const wake of [...this.waiting]) wake();
  }

  /** Resolves at the next notify, or after `ms`. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiting.add(wake);
    });
  }
}

/**
 * Repeats `attempt` while its result is pending and someone is still working on it, up to `waitMs` in all;
 * `changed(ms)` resolves at the next change or after `ms`.
 */
export async function settle<R>(
  attempt: () => Promise<R>,
  pending: (result: R) => boolean,
  waitMs: number,
  changed: (ms: number) => Promise<void>,
  working: () => boolean,
): Promise<R> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const result = await attempt();
    const left = deadline - Date.now();
    if (!pending(result) || left <= 0 || !working()) return result;
    await changed(left);
  }
}
