// The one HTTP GET for everything that is not a registry (GitHub bundle_url bodies, Vault), with
// the registry transport's rules: https only (plain http only to loopback), redirects followed
// hop by hop (at most LIMITS.fetchRedirects, each target checked by addresses.ts, no https→http,
// no loops), credentials sent only to the origin the request started at, the body read under a
// byte cap (and charged to the byte budget), and one deadline for the whole exchange.
import { GateError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { assertTargetAllowed, redactUrl } from './addresses.js';
import { readCapped } from './read.js';
import { countHop, hopHeaders, REDIRECT_STATUSES, redirectTarget } from './redirects.js';
import { causeMessage, errorCode } from './socket-errors.js';

export interface FetchRequest {
  url: URL;
  /** For messages: what is being fetched, e.g. `key hashivault://k`, `bundle_url https://…`. */
  what: string;
  /** Whom it is fetched from, in messages: `Vault at https://vault:8200`. Default: the origin. */
  peer?: string;
  /** Headers sent on every hop (nothing secret: see `credentials`). */
  headers?: Record<string, string>;
  /** Sent only while the request is on the origin of `url`, never to where a redirect points. */
  credentials?: Record<string, string>;
  /** Cap on a 2xx body; more is LIMIT_EXCEEDED. Other bodies are cut silently. */
  maxBytes: number;
  /** For the whole exchange, redirects and body included. */
  timeoutMs: number;
  /** The caller's deadline; its reason is thrown as it is when it is a GateError. */
  signal?: AbortSignal;
  /** Default LIMITS.fetchRedirects. */
  maxRedirects?: number;
  /** Hides secrets in quoted server text (a Location that echoes a token). */
  redact?: (text: string) => string;
  /** Default GET. A POST is never redirected: a redirect answer is returned as it is. */
  method?: 'GET' | 'POST';
  /** The request body of a POST. */
  body?: string;
}

export interface FetchResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** Where the answer finally came from, after redirects. */
  url: URL;
}

/**
 * GETs (or POSTs) `req.url` under the rules above. Throws INSECURE (a target the rules refuse),
 * REGISTRY_ERROR (too many redirects, a loop, a redirect without a usable Location),
 * LIMIT_EXCEEDED (a 2xx body over the cap, or a spent byte budget), NETWORK, TIMEOUT.
 * Any final status is returned: what it means is the caller's business.
 */
export async function fetchCapped(req: FetchRequest): Promise<FetchResponse> {
  const start = req.url;
  const peer = req.peer ?? start.origin;
  const redact = req.redact ?? ((t: string) => t);
  const rules = {
    originHost: start.host,
    insecureHosts: new Set<string>(),
    owner: peer,
    what: req.what,
    maxRedirects: req.maxRedirects ?? LIMITS.fetchRedirects,
    redact,
  };
  // Only loopback may be spoken to over http; the start URL's own address is the caller's choice.
  assertTargetAllowed(start, start.host, rules.insecureHosts, 'URL', peer);
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const seen = new Set<string>([start.href]);
  let url = start;
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(url, {
        method: req.method ?? 'GET',
        ...(req.body !== undefined ? { body: req.body } : {}),
        redirect: 'manual',
        credentials: 'omit',
        headers: hopHeaders(start, url, req.headers ?? {}, req.credentials ?? {}),
        signal,
      });
      if (REDIRECT_STATUSES.has(res.status) && req.method !== 'POST') {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (location === null)
          throw new GateError(
            'REGISTRY_ERROR',
            `${req.what}: ${peer} answered HTTP ${res.status} without a Location`,
          );
        const next = redirectTarget(url, location, rules);
        countHop(next, hop, seen, rules);
        url = next;
        continue;
      }
      const ok = res.status >= 200 && res.status < 300;
      const cap = ok ? req.maxBytes : LIMITS.errorBodyBytes;
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (ok && declared > cap) {
        await res.body?.cancel().catch(() => undefined);
        throw tooLarge(req, peer, `is ${declared} bytes, more`);
      }
      let body: Uint8Array = new Uint8Array(0);
      if (res.body) {
        const read = await readCapped(res.body, cap, undefined, `${req.what} (${redactUrl(url)})`);
        if (read.over && ok) throw tooLarge(req, peer, 'is larger');
        body = read.bytes;
      }
      return { status: res.status, headers: res.headers, body, url };
    }
  } catch (e: unknown) {
    if (req.signal?.aborted) {
      if (req.signal.reason instanceof GateError) throw req.signal.reason;
      throw new GateError('TIMEOUT', `${req.what}: the request to ${peer} was cancelled`, {
        cause: e,
      });
    }
    if (e instanceof GateError) throw e;
    if (timeout.aborted)
      throw new GateError(
        'TIMEOUT',
        `${req.what}: ${peer} did not answer within ${req.timeoutMs} ms`,
        { cause: e },
      );
    const detail =
      errorCode(e) ?? (e instanceof Error ? (causeMessage(e) ?? e.message) : String(e));
    throw new GateError('NETWORK', `${req.what}: cannot reach ${peer} (${redact(detail)})`, {
      cause: e,
    });
  }
}

function tooLarge(req: FetchRequest, peer: string, how: string): GateError {
  return new GateError(
    'LIMIT_EXCEEDED',
    `${req.what}: the answer from ${peer} ${how} than the limit of ${req.maxBytes} bytes`,
  );
}
