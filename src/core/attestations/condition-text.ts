// How condition results word what they found: counts with plurals, durations, and how many
// items one reason lists before it counts the rest.

/** Items (findings, packages) named in one reason; the rest are counted. */
export const LISTED = 10;

/** `73h`, `1h30m`, `45m`, `30s`, `2d`: short, and exact to the minute above one hour. */
export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${h}h` : `${h}h${rest}m`;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
