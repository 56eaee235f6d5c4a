// HTTP for the registry client: one undici dispatcher, manual redirects with credential stripping,
// streaming size caps, idle timeouts, and bounded retries of idempotent GETs with backoff.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { setTimeout as sleepTimer } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { GateError } from '../errors.js';
import { chargeRead } from '../limits.js';
import { assertTargetAllowed, FORBIDDEN_ADDRESS, redactUrl } from './hosts.js';
import {
  MAX_ERROR_BODY_BYTES,
  MAX_REDIRECTS,
  MAX_RETRY_AFTER_MS,
  RETRY_BASE_MS,
} from './limits.js';

export interface HeaderLookup {
  get(name: string): string | null;
}

export interface HttpRequest {
  url: URL;
  /**
   * POST (an OAuth2 token request) is not idempotent: it is sent once, never retried, and a
   * redirect answer is returned as it is rather than followed with the body.
   */
  method?: 'GET' | 'HEAD' | 'POST';
  /** POST only: the request body (a form). */
  body?: string;
  headers?: Record<string, string>;
  /** Sent only while the URL's origin is the origin of `url` (never across a redirect to elsewhere). */
  authorization?: string;
  /** Cap on a 2xx body; more is LIMIT_EXCEEDED. Error bodies are cut silently. */
  maxBytes: number;
  /** For messages: what is being fetched, e.g. `manifest team/app:latest`. */
  what: string;
  /** The registry this request is for (host[:port]), for target checks and messages. */
  registryHost: string;
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
  signal?: AbortSignal;
  insecureRegistries: ReadonlySet<string>;
  log: (msg: string) => void;
  /** Replaces the run's secrets (and their derived forms) in quoted server text. */
  redact: (text: string) => string;
}

/** Statuses worth asking again: overload and gateway trouble, plus 500 (the gate's own contract). */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** TLS verification failures are not transient: retrying them only delays the verdict. */
const TLS_ERROR =
  /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_SSL_)/;
const STRIPPED_ACROSS_ORIGINS = ['authorization', 'cookie', 'proxy-authorization'];

class IdleTimeout extends Error {}

export class HttpTransport {
  readonly stats = { requests: 0 };

  constructor(private readonly opts: TransportOptions) {}

  /**
   * GET/HEAD with retries (POST once); returns the final response unless it is a retryable status
   * after retries.
   */
  async request(req: HttpRequest): Promise<HttpResponse> {
    const attempts = req.method === 'POST' ? 1 : 1 + Math.max(1, this.opts.retries);
    for (let attempt = 1; ; attempt++) {
      let res: HttpResponse;
      try {
        res = await this.once(req);
      } catch (e: unknown) {
        const err = this.classify(e, req);
        if (err.code !== 'NETWORK' || isTlsFailure(e) || attempt >= attempts) throw err;
        const wait = backoff(attempt);
        this.opts.log(
          `${req.what}: ${err.message}; retry ${attempt}/${attempts - 1} in ${wait} ms`,
        );
        await this.sleep(wait, req);
        continue;
      }
      if (!RETRY_STATUSES.has(res.status) || req.method === 'POST') return res;
      const detail = errorDetail(res);
      if (attempt >= attempts) {
        throw new GateError(
          'REGISTRY_ERROR',
          `${req.what}: registry ${req.registryHost} answered HTTP ${res.status}${detail} after ${attempts} attempts`,
        );
      }
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
        throw new GateError(
          'REGISTRY_ERROR',
          `${req.what}: registry ${req.registryHost} answered HTTP ${res.status} and asks to wait ${Math.ceil(retryAfter / 1000)} s (more than we wait: ${MAX_RETRY_AFTER_MS / 1000} s)`,
        );
      }
      const wait = retryAfter ?? backoff(attempt);
      this.opts.log(
        `${req.what}: HTTP ${res.status}${detail}; retry ${attempt}/${attempts - 1} in ${wait} ms`,
      );
      await this.sleep(wait, req);
    }
  }

  /** One attempt, following redirects by hand so that credentials never leave their origin. */
  private async once(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method ?? 'GET';
    const seen = new Set<string>([req.url.href]);
    let url = req.url;
    assertTargetAllowed(url, req.registryHost, this.opts.insecureRegistries, 'request');
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { ...req.headers };
      if (url.origin === req.url.origin) {
        if (req.authorization !== undefined) headers.authorization = req.authorization;
      } else {
        for (const k of Object.keys(headers))
          if (STRIPPED_ACROSS_ORIGINS.includes(k.toLowerCase())) delete headers[k];
      }
      const ctl = new AbortController();
      const signal = this.opts.signal
        ? AbortSignal.any([ctl.signal, this.opts.signal])
        : ctl.signal;
      let timer = this.armIdle(ctl);
      const started = Date.now();
      try {
        this.stats.requests++;
        // dispatcher.request, not fetch: no WHATWG Request/Response/stream layers per request
        // (about half the client CPU of a registry round trip), and it never follows redirects.
        const res = await this.opts.dispatcher.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers,
          ...(method === 'POST' && req.body !== undefined ? { body: req.body } : {}),
          signal,
        });
        const status = res.statusCode;
        const resHeaders = headerLookup(res.headers);
        const location = resHeaders.get('location');
        if (REDIRECT_STATUSES.has(status) && location !== null && method !== 'POST') {
          await discard(res.body);
          const next = this.redirectTarget(url, location, req);
          this.opts.log(`${method} ${redactUrl(url)} → ${status} redirect to ${redactUrl(next)}`);
          if (hop + 1 > MAX_REDIRECTS) {
            throw new GateError(
              'REGISTRY_ERROR',
              `${req.what}: more than ${MAX_REDIRECTS} redirects from registry ${req.registryHost}`,
            );
          }
          if (seen.has(next.href)) {
            throw new GateError(
              'REGISTRY_ERROR',
              `${req.what}: redirect loop at ${this.opts.redact(redactUrl(next))} (registry ${req.registryHost})`,
            );
          }
          seen.add(next.href);
          url = next;
          continue;
        }
        const ok = status >= 200 && status < 300;
        const cap = ok ? req.maxBytes : MAX_ERROR_BODY_BYTES;
        let body: Uint8Array = new Uint8Array(0);
        if (method !== 'HEAD') {
          const read = await readCappedStream(
            res.body,
            cap,
            () => {
              clearTimeout(timer);
              timer = this.armIdle(ctl);
            },
            req.what,
          );
          if (read.over && ok) {
            throw new GateError(
              'LIMIT_EXCEEDED',
              `${req.what}: response from registry ${req.registryHost} is larger than ${req.maxBytes} bytes`,
            );
          }
          body = read.bytes;
        } else {
          await discard(res.body);
        }
        this.opts.log(
          `${method} ${redactUrl(url)} → ${status} (${body.length} bytes, ${Date.now() - started} ms)`,
        );
        return { status, headers: resHeaders, body, url, redact: this.opts.redact };
      } catch (e: unknown) {
        if (ctl.signal.aborted && ctl.signal.reason instanceof IdleTimeout) {
          throw new GateError(
            'TIMEOUT',
            `${req.what}: registry ${req.registryHost} sent nothing for ${this.opts.requestTimeoutMs} ms (${method} ${redactUrl(url)})`,
            { cause: e },
          );
        }
        throw e;
      } finally {
        clearTimeout(timer);
      }
    }
  }

  private armIdle(ctl: AbortController): NodeJS.Timeout {
    return setTimeout(() => ctl.abort(new IdleTimeout('idle')), this.opts.requestTimeoutMs);
  }

  private redirectTarget(from: URL, location: string, req: HttpRequest): URL {
    let next: URL;
    try {
      next = new URL(location, from);
    } catch (e: unknown) {
      throw new GateError(
        'REGISTRY_ERROR',
        `${req.what}: registry ${req.registryHost} redirected to an invalid URL`,
        { cause: e },
      );
    }
    if (from.protocol === 'https:' && next.protocol !== 'https:') {
      throw new GateError(
        'INSECURE',
        `${req.what}: registry ${req.registryHost} redirected from https to ${this.opts.redact(redactUrl(next))}`,
      );
    }
    assertTargetAllowed(next, req.registryHost, this.opts.insecureRegistries, 'redirect target');
    return next;
  }

  /** Any thrown value from one attempt as a GateError; NETWORK ones are candidates for a retry. */
  private classify(e: unknown, req: HttpRequest): GateError {
    if (this.opts.signal?.aborted) {
      return new GateError(
        'TIMEOUT',
        `${req.what}: deadline reached while talking to registry ${req.registryHost}`,
        { cause: e },
      );
    }
    if (e instanceof GateError) return e;
    const code = errorCode(e);
    if (code === FORBIDDEN_ADDRESS) {
      const detail = e instanceof Error ? (causeMessage(e) ?? e.message) : String(e);
      return new GateError(
        'INSECURE',
        `${req.what}: refused to connect for registry ${req.registryHost}: ${detail}`,
        { cause: e },
      );
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return new GateError(
        'NETWORK',
        `cannot resolve registry host ${req.registryHost} (${code})`,
        { cause: e },
      );
    }
    if (code === 'ECONNREFUSED') {
      return new GateError(
        'NETWORK',
        `connection to registry ${req.registryHost} refused (${code})`,
        { cause: e },
      );
    }
    const detail = code ?? (e instanceof Error ? (causeMessage(e) ?? e.message) : String(e));
    return new GateError(
      'NETWORK',
      `${req.what}: cannot reach registry ${req.registryHost} (${detail})`,
      { cause: e },
    );
  }

  private async sleep(ms: number, req: HttpRequest): Promise<void> {
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

/**
 * A Node stream's first `max` bytes (plus one chunk to detect overflow); a longer body is
 * destroyed (its connection closed) rather than read to the end. Every chunk is charged to the
 * byte budget in scope (limits.ts), which may end the read with LIMIT_EXCEEDED.
 */
export async function readCappedStream(
  body: Readable,
  max: number,
  onChunk: () => void,
  what = 'response',
): Promise<{ bytes: Uint8Array; over: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    onChunk();
    // Throwing here leaves the loop, which destroys the stream.
    chargeRead(chunk.length, what);
    total += chunk.length;
    if (total > max) {
      body.destroy();
      const kept = max - (total - chunk.length);
      if (kept > 0) chunks.push(chunk.subarray(0, kept));
      return { bytes: concat(chunks, max), over: true };
    }
    chunks.push(chunk);
  }
  return { bytes: concat(chunks, total), over: false };
}

/** Drops a body we do not read; undici keeps the connection when the rest is short. */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: MAX_ERROR_BODY_BYTES });
  } catch {
    body.destroy();
  }
}

/** Header lookup over undici's lower-cased header object; repeated headers joined like fetch. */
function headerLookup(h: IncomingHttpHeaders): HeaderLookup {
  return {
    get(name: string): string | null {
      const v = h[name.toLowerCase()];
      if (v === undefined) return null;
      return Array.isArray(v) ? v.join(', ') : v;
    },
  };
}

/**
 * Reads at most `max` bytes (plus one chunk to detect overflow), then cancels the stream. Every
 * chunk is charged to the byte budget in scope (limits.ts), which may end the read.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  max: number,
  onChunk: () => void,
  what = 'response',
): Promise<{ bytes: Uint8Array; over: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk();
    try {
      chargeRead(value.length, what);
    } catch (e: unknown) {
      await reader.cancel().catch(() => undefined);
      throw e;
    }
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      const kept = max - (total - value.length);
      if (kept > 0) chunks.push(value.subarray(0, kept));
      return { bytes: concat(chunks, max), over: true };
    }
    chunks.push(value);
  }
  return { bytes: concat(chunks, total), over: false };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out.subarray(0, off);
}

/** Full-jitter exponential backoff: 100 ms, 200 ms, 400 ms … scaled by a random 0.5–1. */
export function backoff(attempt: number): number {
  const ceiling = RETRY_BASE_MS * 2 ** Math.min(attempt - 1, 6);
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

/**
 * ` (CODE: message)` from an OCI error body, with the run's secrets redacted and cleaned for one
 * log line; '' if there is none.
 */
export function errorDetail(res: HttpResponse): string {
  if (res.body.length === 0) return '';
  try {
    const v = JSON.parse(new TextDecoder().decode(res.body)) as {
      errors?: Array<{ code?: unknown; message?: unknown }>;
    };
    const first = v.errors?.[0];
    if (first && typeof first.code === 'string') {
      const msg = typeof first.message === 'string' ? `: ${first.message}` : '';
      return ` (${clean(res.redact(`${first.code}${msg}`))})`;
    }
  } catch {
    // not an OCI error body; the status says enough
  }
  return '';
}

/** The registry's text is attacker-controlled: no control characters, bounded length. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return t.length > 200 ? `${t.slice(0, 200)}…` : t;
}

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur !== undefined && cur !== null; i++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string' && c !== 'UND_ERR_SOCKET') return c;
    const errors = (cur as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      const inner = errorCode(errors[0]);
      if (inner) return inner;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function causeMessage(e: Error): string | undefined {
  const c = e.cause;
  return c instanceof Error ? c.message : undefined;
}

function isTlsFailure(e: unknown): boolean {
  const code = errorCode(e);
  return code !== undefined && TLS_ERROR.test(code);
}
