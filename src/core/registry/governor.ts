// What a run knows of each registry it talks to, in one place: counters for the report, the
// backoff every request to a host waits out after a `Retry-After`, the concurrency window that
// halves on a 429 and grows back (AIMD), and the pull limit a registry advertises
// (`ratelimit-remaining`, Docker Hub). One governor per run, created with the registry client and
// passed down: no module state, so concurrent runs in one process stay apart.
import { setTimeout as sleepTimer } from 'node:timers/promises';
import { GateError } from '../errors.js';
import type { HeaderLookup } from './exchange.js';
import { apiHostFor, isDockerHub } from './hosts.js';
import { MAX_RETRY_AFTER_MS } from './limits.js';

/** A pull limit as a registry states it (the tightest policy when it lists several). */
export interface RateLimitInfo {
  /** Pulls allowed per window, from `ratelimit-limit`. */
  limit?: number;
  /** Pulls left in the window, from `ratelimit-remaining`. */
  remaining: number;
  /** The window in seconds (`;w=21600` is 6 h). */
  windowSeconds?: number;
  /** `docker-ratelimit-source`: whom the limit is counted against (an IP, a user id). */
  source?: string;
}

/** One registry's counters for the report (`stats.registries`). */
export interface RegistryStats {
  /** HTTP requests sent for this registry: retries, redirect hops and token requests included. */
  requests: number;
  /** Manifest GETs: what Docker Hub counts against its pull limit (HEADs and blobs are not). */
  pulls: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Attempts repeated after a retryable answer or a network error. */
  retries: number;
  /** Response body bytes received. */
  bytes: number;
  /** Time requests spent waiting: for a shared backoff, a concurrency slot, or a retry. */
  waitMs: number;
  /** The concurrency window: where it started, the lowest it fell to, where it ended. */
  concurrency: { start: number; min: number; final: number };
  /** The last pull limit the registry advertised, if it did. */
  rateLimit?: RateLimitInfo;
}

export interface GovernorOptions {
  /** Requests in flight per registry at the start, and the most it grows back to. */
  concurrency: number;
  /** Successful answers that widen the window by one. Default 4. */
  increaseEvery?: number;
  /** The run's deadline (epoch ms): a backoff past it is an error at once, not a wait. */
  deadline?: number;
  /** Aborts waits (the run's deadline signal). */
  signal?: AbortSignal;
  log?: (msg: string) => void;
  now?: () => number;
}

/** A slot in a registry's window, held for one attempt. */
export interface Permit {
  /** `ok`: a usable answer; `rateLimited`: a 429; `other`: neither (an error, a 5xx). */
  release(outcome: 'ok' | 'rateLimited' | 'other'): void;
}

export const AIMD_INCREASE_EVERY = 4;

class HostState {
  readonly stats: RegistryStats;
  window: number;
  inFlight = 0;
  successes = 0;
  /** Bumped on each decrease: 429s to requests sent before it are the same congestion event. */
  epoch = 0;
  backoffUntil = 0;
  /** Why the registry was stopped (a pull limit that the batch would exhaust). */
  stopped?: GateError;
  readonly waiters: Array<() => void> = [];

  constructor(readonly max: number) {
    this.window = max;
    this.stats = {
      requests: 0,
      pulls: 0,
      rateLimited: 0,
      retries: 0,
      bytes: 0,
      waitMs: 0,
      concurrency: { start: max, min: max, final: max },
    };
  }

  /** Wakes `n` waiters (one per slot freed); each takes its slot, or queues again, in acquire. */
  wake(n: number): void {
    for (let i = 0; i < n && this.waiters.length > 0; i++) this.waiters.shift()!();
  }
}

export class RegistryGovernor {
  private readonly hosts = new Map<string, HostState>();
  private readonly max: number;
  private readonly increaseEvery: number;
  private readonly now: () => number;
  private readonly log: (msg: string) => void;

  constructor(private readonly opts: GovernorOptions) {
    this.max = Math.max(1, Math.floor(opts.concurrency));
    this.increaseEvery = Math.max(1, opts.increaseEvery ?? AIMD_INCREASE_EVERY);
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? (() => undefined);
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = new HostState(this.max)));
    return s;
  }

  /** The counters of one registry (created on first use). */
  statsOf(host: string): RegistryStats {
    return this.state(host).stats;
  }

  /** Every registry's counters, by host, for the report. */
  allStats(): Record<string, RegistryStats> {
    const out: Record<string, RegistryStats> = {};
    for (const [host, s] of [...this.hosts].sort(([a], [b]) => a.localeCompare(b))) {
      out[host] = {
        ...s.stats,
        concurrency: { ...s.stats.concurrency, final: s.window },
        ...(s.stats.rateLimit ? { rateLimit: { ...s.stats.rateLimit } } : {}),
      };
    }
    return out;
  }

  /** The current window of a registry (for tests and logs). */
  windowOf(host: string): number {
    return this.state(host).window;
  }

  /**
   * Waits out the registry's shared backoff, then for a slot in its window. The slot is held for
   * one attempt (one request and its redirect hops) and handed back with `release`.
   */
  async acquire(host: string, what: string): Promise<Permit> {
    return this.tryAcquire(host) ?? this.acquireWaiting(host, what);
  }

  /**
   * A slot at once when the registry is neither backing off nor at its window (the usual case),
   * without a promise; undefined when the caller must wait (`acquire`). Throws when stopped.
   */
  tryAcquire(host: string): Permit | undefined {
    const s = this.state(host);
    if (s.stopped) throw s.stopped;
    if (s.inFlight >= s.window || s.backoffUntil > this.now()) return undefined;
    s.inFlight++;
    return this.permit(s, host);
  }

  private async acquireWaiting(host: string, what: string): Promise<Permit> {
    const s = this.state(host);
    const started = this.now();
    for (;;) {
      if (s.stopped) throw s.stopped;
      const wait = s.backoffUntil - this.now();
      if (wait > 0) {
        await this.sleep(wait, host, what);
        continue;
      }
      if (s.inFlight < s.window) break;
      await this.queue(s, host, what);
    }
    s.inFlight++;
    s.stats.waitMs += this.now() - started;
    return this.permit(s, host);
  }

  private permit(s: HostState, host: string): Permit {
    const epoch = s.epoch;
    let released = false;
    return {
      release: (outcome) => {
        if (released) return;
        released = true;
        s.inFlight--;
        let freed = 1;
        if (outcome === 'rateLimited') this.decrease(s, host, epoch);
        else if (outcome === 'ok' && this.increase(s)) freed++;
        s.wake(freed);
      },
    };
  }

  /** Multiplicative decrease, once per congestion event (429s to requests sent before it are one). */
  private decrease(s: HostState, host: string, epoch: number): void {
    s.successes = 0;
    if (epoch !== s.epoch) return;
    s.epoch++;
    const next = Math.max(1, Math.floor(s.window / 2));
    if (next !== s.window) this.log(`registry ${host}: 429, concurrency ${s.window} -> ${next}`);
    s.window = next;
    s.stats.concurrency.min = Math.min(s.stats.concurrency.min, next);
  }

  /** Additive increase: one more slot per `increaseEvery` successes, up to the configured max. */
  private increase(s: HostState): boolean {
    if (s.window >= this.max) return false;
    if (++s.successes < this.increaseEvery) return false;
    s.successes = 0;
    s.window++;
    return true;
  }

  /**
   * A `Retry-After` (or the backoff after a 429 without one) for the whole registry: every later
   * attempt to it waits until then. A wait past the run's deadline is an error now (exit 2).
   */
  pause(host: string, ms: number, what: string, why: string): void {
    const s = this.state(host);
    const now = this.now();
    const until = now + ms;
    const deadline = this.opts.deadline;
    if (deadline !== undefined ? until > deadline : ms > MAX_RETRY_AFTER_MS) {
      const left =
        deadline !== undefined
          ? `the ${Math.max(0, Math.floor((deadline - now) / 1000))} s left of the run's timeout`
          : `we wait: ${MAX_RETRY_AFTER_MS / 1000} s`;
      // The wait is the registry's, not this request's: nothing more is sent to it in this run.
      s.stopped = new GateError(
        'RATE_LIMITED',
        `${what}: registry ${host} ${why} and asks to wait ${Math.ceil(ms / 1000)} s (more than ${left})`,
      );
      throw s.stopped;
    }
    if (until > s.backoffUntil) {
      s.backoffUntil = until;
      this.log(`registry ${host}: ${why}; all requests to it wait ${ms} ms`);
    }
  }

  /** Records the pull limit a response advertises (malformed headers are ignored with a log line). */
  observe(host: string, headers: HeaderLookup): void {
    const info = readRateLimit(headers, (m) => this.log(`registry ${host}: ${m}`));
    if (info) this.state(host).stats.rateLimit = info;
  }

  /** Docker Hub by name, or a registry that advertised a pull limit in this run. */
  countsPulls(host: string): boolean {
    return isDockerHub(host) || this.hosts.get(host)?.stats.rateLimit !== undefined;
  }

  /** The pull limit last advertised by a registry. */
  rateLimitOf(host: string): RateLimitInfo | undefined {
    return this.state(host).stats.rateLimit;
  }

  /**
   * Before the batch starts an image of `registry` (a name as in a reference; Docker Hub's map to
   * its API host): `needed` is how many pulls the registry must still serve
   * (at least one per image not yet finished). When it advertised fewer, the registry is stopped
   * for the rest of the run and the error says so; nothing more is sent to it.
   */
  admit(registry: string, needed: number): void {
    const host = apiHostFor(registry);
    const s = this.state(host);
    if (s.stopped) throw s.stopped;
    const r = s.stats.rateLimit;
    if (!r || needed <= r.remaining) return;
    s.stopped = rateLimitStop(host, r, needed);
    throw s.stopped;
  }

  private async sleep(ms: number, host: string, what: string): Promise<void> {
    try {
      await sleepTimer(ms, undefined, this.opts.signal ? { signal: this.opts.signal } : undefined);
    } catch (e: unknown) {
      throw new GateError(
        'TIMEOUT',
        `${what}: deadline reached while waiting out registry ${host}'s backoff`,
        { cause: e },
      );
    }
  }

  private queue(s: HostState, host: string, what: string): Promise<void> {
    const signal = this.opts.signal;
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = s.waiters.indexOf(wake);
        if (i >= 0) s.waiters.splice(i, 1);
        reject(
          new GateError(
            'TIMEOUT',
            `${what}: deadline reached while waiting for a slot at registry ${host}`,
          ),
        );
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      s.waiters.push(wake);
    });
  }
}

/** The error of a batch that would run a registry's advertised pull limit dry. */
export function rateLimitStop(host: string, r: RateLimitInfo, needed: number): GateError {
  const window = r.windowSeconds !== undefined ? ` per ${formatWindow(r.windowSeconds)}` : '';
  const limit = r.limit !== undefined ? ` of ${r.limit}${window}` : window;
  const source = r.source !== undefined ? ` (counted against ${r.source})` : '';
  return new GateError(
    'RATE_LIMITED',
    `registry ${host} has ${r.remaining} pulls left${limit}${source}, and the batch needs at least ${needed} more: stopped before running it dry. Authenticate to the registry for a higher limit, verify fewer images per run, or wait for the window to pass`,
  );
}

function formatWindow(s: number): string {
  if (s % 3600 === 0) return `${s / 3600} h`;
  if (s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

/**
 * One `ratelimit-limit` / `ratelimit-remaining` value: a list of `N` or `N;w=SECONDS` items
 * (Docker Hub: `100;w=21600`; the IETF draft's older form allows several policies, comma
 * separated, and other parameters). Returns the tightest item, or undefined when malformed.
 */
export function parseRateLimitValue(
  v: string,
): { value: number; windowSeconds?: number } | undefined {
  let best: { value: number; windowSeconds?: number } | undefined;
  const items = v.split(',');
  if (items.length > 16) return undefined;
  for (const item of items) {
    const parts = item.split(';').map((p) => p.trim());
    if (!/^\d{1,12}$/.test(parts[0])) return undefined;
    const value = Number(parts[0]);
    let windowSeconds: number | undefined;
    for (const p of parts.slice(1)) {
      const m = /^([A-Za-z][A-Za-z0-9_-]*)=("?)([^";]*)\2$/.exec(p);
      if (!m) return undefined;
      if (m[1].toLowerCase() === 'w') {
        if (!/^\d{1,9}$/.test(m[3]) || Number(m[3]) === 0) return undefined;
        windowSeconds = Number(m[3]);
      }
    }
    if (!best || value < best.value)
      best = { value, ...(windowSeconds !== undefined ? { windowSeconds } : {}) };
  }
  return best;
}

/**
 * The pull limit a response advertises: Docker Hub's `ratelimit-limit: 100;w=21600`,
 * `ratelimit-remaining: 76;w=21600` and `docker-ratelimit-source` (docs.docker.com,
 * docker-hub/usage/pulls "View pull rate and limit"; sent on GET and HEAD of a manifest). A
 * malformed value is ignored (logged): the headers only ever stop a run early, never pass one.
 */
export function readRateLimit(
  headers: HeaderLookup,
  log: (msg: string) => void = () => undefined,
): RateLimitInfo | undefined {
  const rem = headers.get('ratelimit-remaining');
  if (rem === null) return undefined;
  const remaining = parseRateLimitValue(rem);
  if (!remaining) {
    log(`ignoring malformed ratelimit-remaining ${JSON.stringify(rem.slice(0, 80))}`);
    return undefined;
  }
  const lim = headers.get('ratelimit-limit');
  const limit = lim !== null ? parseRateLimitValue(lim) : undefined;
  if (lim !== null && !limit)
    log(`ignoring malformed ratelimit-limit ${JSON.stringify(lim.slice(0, 80))}`);
  const src = headers.get('docker-ratelimit-source');
  const source = src !== null && /^[\x21-\x7e]{1,100}$/.test(src.trim()) ? src.trim() : undefined;
  const windowSeconds = remaining.windowSeconds ?? limit?.windowSeconds;
  return {
    remaining: remaining.value,
    ...(limit ? { limit: limit.value } : {}),
    ...(windowSeconds !== undefined ? { windowSeconds } : {}),
    ...(source !== undefined ? { source } : {}),
  };
}

/**
 * Per-registry counters of several shards (merge.ts), summed; the window as the lowest start and
 * minimum and the last final; the pull limit with the fewest pulls left. Read defensively: a
 * shard's file is JSON from elsewhere, and a field that is not a count is left out.
 */
export function mergeRegistryStats(
  shards: Array<Record<string, RegistryStats> | undefined>,
): Record<string, RegistryStats> | undefined {
  const out: Record<string, RegistryStats> = {};
  const count = (v: unknown): number =>
    Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : 0;
  for (const shard of shards) {
    if (typeof shard !== 'object' || shard === null) continue;
    for (const [host, st] of Object.entries(shard)) {
      if (typeof st !== 'object' || st === null) continue;
      const c = (st.concurrency ?? {}) as Partial<RegistryStats['concurrency']>;
      const prev = Object.hasOwn(out, host) ? out[host] : undefined;
      const next: RegistryStats = {
        requests: (prev?.requests ?? 0) + count(st.requests),
        pulls: (prev?.pulls ?? 0) + count(st.pulls),
        rateLimited: (prev?.rateLimited ?? 0) + count(st.rateLimited),
        retries: (prev?.retries ?? 0) + count(st.retries),
        bytes: (prev?.bytes ?? 0) + count(st.bytes),
        waitMs: (prev?.waitMs ?? 0) + count(st.waitMs),
        concurrency: {
          start: Math.min(prev?.concurrency.start ?? Infinity, count(c.start)),
          min: Math.min(prev?.concurrency.min ?? Infinity, count(c.min)),
          final: count(c.final),
        },
      };
      const r = st.rateLimit;
      const best =
        r &&
        Number.isSafeInteger(r.remaining) &&
        (!prev?.rateLimit || r.remaining < prev.rateLimit.remaining)
          ? r
          : prev?.rateLimit;
      if (best) next.rateLimit = best;
      Object.defineProperty(out, host, {
        value: next,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
