// UTC days: Workers AI's free allocation and every budget reset at 00:00 UTC.

const DAY_MS = 86_400_000;

/** "2026-12-04" for a time in milliseconds. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Unix seconds at the start of a UTC day. */
export const dayStartSeconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;

/** Milliseconds until the next 00:00 UTC. */
export const msToMidnight = (ms: number): number => DAY_MS - (ms % DAY_MS);

/** OpenAI's reset format: "1s", "6m0s", "3h12m5s". */
export function resetText(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}

/** The UTC days from `start` (inclusive) to `end` (exclusive), both Unix seconds. */
export function daysBetween(startSeconds: number, endSeconds: number): string[] {
  const days: string[] = [];
  for (let t = Math.floor(startSeconds / 86_400) * DAY_MS; t < endSeconds * 1000; t += DAY_MS) days.push(utcDay(t));
  return days;
}
