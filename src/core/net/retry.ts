// When to ask again: full-jitter exponential backoff and `Retry-After`, shared by the registry
// transport and the GitHub attestations API client.
import { LIMITS } from '../limits.js';

/** Full-jitter exponential backoff: 100 ms, 200 ms, 400 ms … scaled by a random 0.5–1. */
export function backoff(attempt: number): number {
  const ceiling = LIMITS.retryBaseMs * 2 ** Math.min(attempt - 1, 6);
  return Math.round(ceiling * (0.5 + Math.random() / 2));
}

/** `Retry-After` as milliseconds from now (delta-seconds or HTTP-date); undefined when absent/invalid. */
export function parseRetryAfter(v: string | null, now = Date.now()): number | undefined {
  if (v === null) return undefined;
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  // Only an IMF-fixdate-like value: Date.parse would also take '-1' or '1.5'.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(s)) return undefined;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}
