// The registry client's HTTP transport, as layers in the manner of go-containerregistry's
// transport package: `request` retries idempotent requests (retryable statuses and network
// errors, with backoff and Retry-After); `follow` makes one attempt, following redirects hop by
// hop under net/redirects.ts (targets checked, credentials kept on their origin); each hop is
// one `exchange` (exchange.ts: idle timeout, capped body); failures are mapped in http-errors.ts.
import { setTimeout as sleepTimer } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { GateError } from '../errors.js';
import { assertTargetAllowed, redactUrl } from '../net/addresses.js';
import { backoff, parseRetryAfter } from '../net/retry.js';
import { countHop, hopHeaders, redirectTarget, type RedirectRules } from '../net/redirects.js';
import { isTlsFailure } from '../net/socket-errors.js';
import { exchange, type Exchanged, type HeaderLookup } from './exchange.js';
import { readRateLimit, type RegistryGovernor } from './governor.js';
import { classifyThrown, errorDetail } from './http-errors.js';
import { MAX_REDIRECTS } from './limits.js';

export type { HeaderLookup } from './exchange.js';

export interface HttpRequest {
  url: URL;
  /**
   * POST (an OAuth2 token request) is not idempotent: it is sent once, never retried, and a
   * redirect answer is returned as it is rather than followed with the body.
   */
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT';
  /** POST and PUT only: the request body (a form, a blob, a manifest). Both are sent once. */
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Sent only while the URL's origin is the origin of `url` (never across a redirect to elsewhere). */
  authorization?: string;
  /** Cap on a 2xx body; more is LIMIT_EXCEEDED. Error bodies are cut silently. */
  maxBytes: number;
  /** For messages: what is being fetched, e.g. `manifest team/app:latest`. */
  what: string;
  /** The registry this request is for (host[:port]), for target checks and messages. */
  registryHost: string;
  /**
   * `return`: a 429 that came from another origin after a redirect is returned at once, neither
   * retried nor held against the registry (GHCR's referrers endpoint redirects into github.com's
   * rate-limited packages API; the caller falls back instead).
   */
  offOrigin429?: 'return';
}

export interface HttpResponse {
  status: number;
  headers: HeaderLookup;
  body: Uint8Array;
  /** Where the response finally came from, after redirects. */
  url: URL;
  /**
   * The run's secret redaction (SecretRegistry.redact): anything quoted from this response into
   * a message passes through it, since a server can echo back the credentials it was sent.
   */
  redact: (text: string) => string;
}

export interface TransportOptions {
  dispatcher: Dispatcher;
  requestTimeoutMs: number;
  /** Retries after the first attempt (at least 1). */
  retries: number;
  /** The deadline: failures after it are TIMEOUT, and retry waits end at it. */
  signal?: AbortSignal;
  /**
   * Given to each request as well, for a dispatcher that does not itself end at the deadline
   * (one a test supplies; the client destroys its own when the deadline fires).
   */
  requestSignal?: AbortSignal;
  insecureRegistries: ReadonlySet<string>;
  /**
   * Debug lines; absent when nothing listens. Every call is `log?.(…)`, so without a listener
   * no line is formatted (no redactUrl, no template) on the per-request path.
   */
  log?: (msg: string) => void;
  /** Replaces the run's secrets (and their derived forms) in quoted server text. */
  redact: (text: string) => string;
  /** The run's per-registry state: shared backoff, concurrency window, counters, pull limits. */
  governor: RegistryGovernor;
}

/** Statuses worth asking again: overload and gateway trouble, plus 500 (the gate's own contract). */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** A manifest GET: what Docker Hub counts as a pull (a HEAD, a blob or a referrers list is not). */
function isPull(method: string, url: URL): boolean {
  return method === 'GET' && /^\/v2\/.+\/manifests\/[^/]+$/.test(url.pathname);
}

export class HttpTransport {
  readonly stats = { requests: 0 };

  constructor(private readonly opts: TransportOptions) {}

  /**
   * GET/HEAD with retries (POST once); returns the final response unless it is a retryable status
   * after retries.
   */
  async request(req: HttpRequest): Promise<HttpResponse> {
    const once = req.method === 'POST' || req.method === 'PUT';
    const attempts = once ? 1 : 1 + Math.max(1, this.opts.retries);
    const governor = this.opts.governor;
    const host = req.registryHost;
    const stats = governor.statsOf(host);
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) stats.retries++;
      // Every attempt waits out the registry's shared backoff and takes a slot in its window.
      const permit = governor.tryAcquire(host) ?? (await governor.acquire(host, req.what));
      let res: HttpResponse;
      try {
        res = await this.follow(req);
      } catch (e: unknown) {
        permit.release('other');
        const err = classifyThrown(e, req.what, host, this.opts.signal);
        if (err.code !== 'NETWORK' || isTlsFailure(e) || attempt >= attempts) throw err;
        const wait = backoff(attempt);
        this.opts.log?.(
          `${req.what}: ${err.message}; retry ${attempt}/${attempts - 1} in ${wait} ms`,
        );
        await this.sleep(wait, req);
        continue;
      }
      const onOrigin = res.url.origin === req.url.origin;
      if (onOrigin) governor.observe(host, res.headers);
      if (res.status === 429) stats.rateLimited++;
      if (res.status === 429 && !onOrigin && req.offOrigin429 === 'return') {
        permit.release('other');
        return res;
      }
      permit.release(
        res.status === 429 && onOrigin ? 'rateLimited' : res.status < 500 ? 'ok' : 'other',
      );
      if (!RETRY_STATUSES.has(res.status) || once) return res;
      const detail = errorDetail(res);
      // Docker Hub answers 429 with `ratelimit-remaining: 0` when its pull limit is used up: that
      // lasts the window (hours), so asking again only spends the run.
      const limit = onOrigin && res.status === 429 ? readRateLimit(res.headers) : undefined;
      if (limit && limit.remaining === 0) {
        const window = limit.windowSeconds !== undefined ? ` per ${limit.windowSeconds} s` : '';
        throw new GateError(
          'RATE_LIMITED',
          `${req.what}: registry ${host} answered HTTP 429${detail}: its pull limit${limit.limit !== undefined ? ` of ${limit.limit}` : ''}${window} is used up (0 left${limit.source !== undefined ? ` for ${limit.source}` : ''}). Authenticate to the registry for a higher limit, or verify fewer images per run`,
        );
      }
      if (attempt >= attempts) {
        throw new GateError(
          'REGISTRY_ERROR',
          `${req.what}: registry ${host} answered HTTP ${res.status}${detail} after ${attempts} attempts`,
        );
      }
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
      if (res.status === 429 || retryAfter !== undefined) {
        // One backoff for the registry, not one per request: every attempt to it waits (acquire).
        governor.pause(
          host,
          retryAfter ?? backoff(attempt),
          req.what,
          `answered HTTP ${res.status}${detail}`,
        );
        this.opts.log?.(
          `${req.what}: HTTP ${res.status}${detail}; retry ${attempt}/${attempts - 1}`,
        );
        continue;
      }
      const wait = backoff(attempt);
      this.opts.log?.(
        `${req.what}: HTTP ${res.status}${detail}; retry ${attempt}/${attempts - 1} in ${wait} ms`,
      );
      await this.sleep(wait, req);
    }
  }

  /** One attempt, following redirects by hand so that credentials never leave their origin. */
  private async follow(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method ?? 'GET';
    const rules: RedirectRules = {
      originHost: req.registryHost,
      insecureHosts: this.opts.insecureRegistries,
      owner: `registry ${req.registryHost}`,
      what: req.what,
      maxRedirects: MAX_REDIRECTS,
      redact: this.opts.redact,
    };
    const credentials: Record<string, string> =
      req.authorization !== undefined ? { authorization: req.authorization } : {};
    const seen = new Set<string>([req.url.href]);
    let url = req.url;
    assertTargetAllowed(url, req.registryHost, this.opts.insecureRegistries, 'request');
    const stats = this.opts.governor.statsOf(req.registryHost);
    if (isPull(method, url)) stats.pulls++;
    for (let hop = 0; ; hop++) {
      const started = Date.now();
      this.stats.requests++;
      stats.requests++;
      // Counted while in flight, so close() can wait for none to be left (client.ts).
      let res: Exchanged;
      this.inFlight++;
      try {
        res = await exchange(
          {
            dispatcher: this.opts.dispatcher,
            idleTimeoutMs: this.opts.requestTimeoutMs,
            ...(this.opts.requestSignal ? { signal: this.opts.requestSignal } : {}),
          },
          {
            url,
            method,
            headers: hopHeaders(req.url, url, req.headers ?? {}, credentials),
            ...(req.body !== undefined ? { body: req.body } : {}),
            maxBytes: req.maxBytes,
            what: req.what,
            registryHost: req.registryHost,
          },
        );
      } finally {
        this.settled();
      }
      if (res.location !== undefined) {
        const next = redirectTarget(url, res.location, rules);
        this.opts.log?.(
          `${method} ${redactUrl(url)} → ${res.status} redirect to ${redactUrl(next)}`,
        );
        countHop(next, hop, seen, rules);
        url = next;
        continue;
      }
      stats.bytes += res.body.length;
      this.opts.log?.(
        `${method} ${redactUrl(url)} → ${res.status} (${res.body.length} bytes, ${Date.now() - started} ms)`,
      );
      return {
        status: res.status,
        headers: res.headers,
        body: res.body,
        url,
        redact: this.opts.redact,
      };
    }
  }

  /** Resolves once no exchange of this transport is in flight. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waitingForIdle.push(resolve));
  }

  private inFlight = 0;
  private waitingForIdle: Array<() => void> = [];

  private settled(): void {
    if (--this.inFlight > 0 || this.waitingForIdle.length === 0) return;
    for (const wake of this.waitingForIdle.splice(0)) wake();
  }

  private async sleep(ms: number, req: HttpRequest): Promise<void> {
    this.opts.governor.statsOf(req.registryHost).waitMs += ms;
    try {
      await sleepTimer(ms, undefined, this.opts.signal ? { signal: this.opts.signal } : undefined);
    } catch (e: unknown) {
      throw new GateError(
        'TIMEOUT',
        `${req.what}: deadline reached while waiting to retry registry ${req.registryHost}`,
        { cause: e },
      );
    }
  }
}
