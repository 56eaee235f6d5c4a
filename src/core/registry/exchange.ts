// One HTTP exchange with a registry over the undici dispatcher: a request, its answer's headers
// and its body read under a cap, with an idle timeout for the headers and between body chunks
// (undici's headersTimeout and bodyTimeout).
// Redirects are not followed here: a redirect answer is returned with its Location for
// http.ts, which checks and follows it hop by hop.
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { GateError } from '../errors.js';
import { chargeRead } from '../limits.js';
import { redactUrl } from '../net/addresses.js';
import { readCapped } from '../net/read.js';
import { REDIRECT_STATUSES } from '../net/redirects.js';
import { errorCode } from '../net/socket-errors.js';
import { MAX_ERROR_BODY_BYTES } from './limits.js';

export interface HeaderLookup {
  get(name: string): string | null;
}

export interface Hop {
  url: URL;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Cap on a 2xx body; more is LIMIT_EXCEEDED. Error bodies are cut silently. */
  maxBytes: number;
  what: string;
  registryHost: string;
}

export interface Exchanged {
  status: number;
  headers: HeaderLookup;
  body: Uint8Array;
  /** Set on a redirect answer to a GET or HEAD: where it points (not yet checked). */
  location?: string;
}

export interface ExchangeOptions {
  dispatcher: Dispatcher;
  /** For the response headers and between body chunks. */
  idleTimeoutMs: number;
  /** The deadline, for a dispatcher that is not destroyed when it fires (client.ts). */
  signal?: AbortSignal;
}

/**
 * undici's own timers, one per connection, re-armed by the parser: `headersTimeout` from the
 * request written to the response headers, `bodyTimeout` between body chunks. No controller,
 * timer or signal of ours per request (issue 15: those cost more CPU than the request itself).
 */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export async function exchange(opts: ExchangeOptions, hop: Hop): Promise<Exchanged> {
  try {
    // dispatcher.request, not fetch: no WHATWG Request/Response/stream layers per request
    // (about half the client CPU of a registry round trip), and it never follows redirects.
    const res = await opts.dispatcher.request({
      origin: hop.url.origin,
      path: `${hop.url.pathname}${hop.url.search}`,
      method: hop.method,
      headers: hop.headers,
      ...((hop.method === 'POST' || hop.method === 'PUT') && hop.body !== undefined
        ? { body: hop.body }
        : {}),
      // undici closes the connection after a HEAD unless told not to (measured): keep it.
      ...(hop.method === 'HEAD' ? { reset: false } : {}),
      headersTimeout: opts.idleTimeoutMs,
      bodyTimeout: opts.idleTimeoutMs,
      // Only for a dispatcher that does not end at the deadline itself (client.ts): undici adds
      // an abort listener per request.
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const status = res.statusCode;
    const headers = headerLookup(res.headers);
    const location = headers.get('location');
    if (
      REDIRECT_STATUSES.has(status) &&
      location !== null &&
      (hop.method === 'GET' || hop.method === 'HEAD')
    ) {
      await discard(res.body);
      return { status, headers, body: new Uint8Array(0), location };
    }
    if (hop.method === 'HEAD') {
      await discard(res.body);
      return { status, headers, body: new Uint8Array(0) };
    }
    const ok = status >= 200 && status < 300;
    const cap = ok ? hop.maxBytes : MAX_ERROR_BODY_BYTES;
    const declared = contentLength(headers.get('content-length'));
    if (ok && declared !== undefined && declared > cap) {
      drop(res.body);
      throw tooLarge(hop);
    }
    if (declared !== undefined && declared <= cap) {
      // The length is known and within the cap (HTTP framing holds the body to it): charge it
      // to the byte budget first, then take the body in one piece, without a stream iterator.
      try {
        chargeRead(declared, hop.what);
      } catch (e: unknown) {
        drop(res.body);
        throw e;
      }
      return { status, headers, body: await res.body.bytes() };
    }
    const read = await readCapped(res.body, cap, undefined, hop.what);
    if (read.over && ok) throw tooLarge(hop);
    return { status, headers, body: read.bytes };
  } catch (e: unknown) {
    if (!opts.signal?.aborted && TIMEOUT_CODES.has(errorCode(e) ?? '')) {
      throw new GateError(
        'TIMEOUT',
        `${hop.what}: registry ${hop.registryHost} sent nothing for ${opts.idleTimeoutMs} ms (${hop.method} ${redactUrl(hop.url)})`,
        { cause: e },
      );
    }
    throw e;
  }
}

function tooLarge(hop: Hop): GateError {
  return new GateError(
    'LIMIT_EXCEEDED',
    `${hop.what}: response from registry ${hop.registryHost} is larger than ${hop.maxBytes} bytes`,
  );
}

/** A Content-Length as a byte count; absent, repeated or malformed is undefined (read as a stream). */
function contentLength(v: string | null): number | undefined {
  if (v === null || !/^\d{1,15}$/.test(v)) return undefined;
  return Number(v);
}

/** Closes a body (and its connection) unread; undici then reports an abort nobody needs. */
function drop(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
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
