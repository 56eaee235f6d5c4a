// The redirect and credential rules every HTTP client of the gate follows (registry transport and
// net/fetch.ts): redirects are followed by hand, hop by hop; each target is parsed and checked
// (no https→http, addresses.ts target rules), hops are counted and loops refused; credentials
// travel only while the request is on the origin it started at.
import { GateError } from '../errors.js';
import { assertTargetAllowed, redactUrl } from './addresses.js';

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Headers a request never carries to another origin, whoever set them. */
const STRIPPED_ACROSS_ORIGINS = ['authorization', 'cookie', 'proxy-authorization'];

export interface RedirectRules {
  /** host[:port] the request is made for (the registry, or the host a fetch started at). */
  originHost: string;
  /** host[:port] entries that may be spoken to over plain HTTP besides loopback. */
  insecureHosts: ReadonlySet<string>;
  /** Whom the request is for, in messages: `registry ghcr.io`, `https://blobs.example.com`. */
  owner: string;
  /** For messages: what is being fetched. */
  what: string;
  maxRedirects: number;
  /** Applied to any URL quoted from the server. */
  redact: (text: string) => string;
}

/**
 * The headers of one hop: `credentials` (Authorization, X-Vault-Token, …) only while `url` is on
 * the origin of `start`; elsewhere they, and any credential-like header in `headers`, are dropped.
 */
export function hopHeaders(
  start: URL,
  url: URL,
  headers: Readonly<Record<string, string>>,
  credentials: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = { ...headers };
  if (url.origin === start.origin) return Object.assign(out, credentials);
  for (const k of Object.keys(out))
    if (STRIPPED_ACROSS_ORIGINS.includes(k.toLowerCase())) delete out[k];
  return out;
}

/** The URL a `Location` names, relative to `from`, checked against the target rules. */
export function redirectTarget(from: URL, location: string, rules: RedirectRules): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch (e: unknown) {
    throw new GateError(
      'REGISTRY_ERROR',
      `${rules.what}: ${rules.owner} redirected to an invalid URL`,
      { cause: e },
    );
  }
  if (from.protocol === 'https:' && next.protocol !== 'https:') {
    throw new GateError(
      'INSECURE',
      `${rules.what}: ${rules.owner} redirected from https to ${rules.redact(redactUrl(next))}`,
    );
  }
  try {
    assertTargetAllowed(
      next,
      rules.originHost,
      rules.insecureHosts,
      'redirect target',
      rules.owner,
    );
  } catch (e: unknown) {
    // The refusal quotes the target, whose path may echo a credential the server was sent.
    if (e instanceof GateError) throw new GateError(e.code, rules.redact(e.message), { cause: e });
    throw e;
  }
  return next;
}

/**
 * Counts hop number `hop` (0 for the first redirect) to `next`: more than `maxRedirects`, or a
 * URL already visited in this request (`seen`, which starts with the first URL), is refused.
 */
export function countHop(next: URL, hop: number, seen: Set<string>, rules: RedirectRules): void {
  if (hop + 1 > rules.maxRedirects) {
    throw new GateError(
      'REGISTRY_ERROR',
      `${rules.what}: more than ${rules.maxRedirects} redirects from ${rules.owner}`,
    );
  }
  if (seen.has(next.href)) {
    throw new GateError(
      'REGISTRY_ERROR',
      `${rules.what}: redirect loop at ${rules.redact(redactUrl(next))} (${rules.owner})`,
    );
  }
  seen.add(next.href);
}
