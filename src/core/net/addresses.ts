// Which addresses the gate may talk to, for every HTTP client it has (registry, GitHub bundle_url,
// Vault, KMS, S3): the one loopback test, plain HTTP only to loopback (or hosts the user listed),
// and never onto loopback, link-local or cloud metadata addresses a remote server names for us
// (oras-go GHSA-xf85), by URL or by DNS answer. Also how a URL is spelt in logs.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { GateError } from '../errors.js';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const forbidden = new BlockList();
forbidden.addSubnet('127.0.0.0', 8, 'ipv4');
forbidden.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. 169.254.169.254 metadata
forbidden.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network": 0.0.0.0 reaches localhost on Linux
forbidden.addAddress('::1', 'ipv6');
forbidden.addAddress('::', 'ipv6');
forbidden.addSubnet('fe80::', 10, 'ipv6'); // link-local
forbidden.addAddress('fd00:ec2::254', 'ipv6'); // AWS IMDS over IPv6
// Addresses no host name may resolve to: a DNS answer cannot be talked past the realm and
// redirect checks (which only see names) onto the cloud metadata service.
const metadata = new BlockList();
metadata.addSubnet('169.254.0.0', 16, 'ipv4');
metadata.addSubnet('fe80::', 10, 'ipv6');
metadata.addAddress('fd00:ec2::254', 'ipv6');
/** `code` of the error a guarded lookup fails with. */
export const FORBIDDEN_ADDRESS = 'EIMAGEGATE_FORBIDDEN_ADDRESS';

const FORBIDDEN_NAMES = new Set(['localhost', 'metadata.google.internal', 'metadata']);

/** Host name of `host[:port]` (or a URL's `hostname`), without IPv6 brackets or a trailing dot. */
export function hostnameOf(hostport: string): string {
  let h = hostport;
  if (h.startsWith('[')) h = h.slice(1, h.indexOf(']'));
  else if ((h.match(/:/g) ?? []).length === 1) h = h.slice(0, h.lastIndexOf(':'));
  return h.replace(/\.$/, '').toLowerCase();
}

function ipKind(h: string): 'ipv4' | 'ipv6' | undefined {
  const v = isIP(h);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : undefined;
}

/** Answers of isLoopbackHost by its argument: asked on every registry request, of a few hosts. */
const loopbackAnswers = new Map<string, boolean>();

/** The one loopback test: `localhost`, `*.localhost`, 127.0.0.0/8 and ::1 (host[:port] or name). */
export function isLoopbackHost(hostport: string): boolean {
  let answer = loopbackAnswers.get(hostport);
  if (answer === undefined) {
    answer = loopbackTest(hostport);
    if (loopbackAnswers.size < 256) loopbackAnswers.set(hostport, answer);
  }
  return answer;
}

function loopbackTest(hostport: string): boolean {
  const h = hostnameOf(hostport);
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const kind = ipKind(h);
  return kind !== undefined && loopback.check(h, kind);
}

/** Addresses no credential or request may be sent to unless the origin itself is local. */
export function isForbiddenTarget(hostport: string): boolean {
  const h = hostnameOf(hostport);
  if (FORBIDDEN_NAMES.has(h) || h.endsWith('.localhost')) return true;
  const kind = ipKind(h);
  if (kind === undefined) return false;
  return forbidden.check(h, kind);
}

/** Plain HTTP is only for loopback hosts and hosts the user listed as insecure (exact host[:port]). */
export function isPlainHttpAllowed(hostport: string, insecureHosts: ReadonlySet<string>): boolean {
  return isLoopbackHost(hostport) || insecureHosts.has(hostport.toLowerCase());
}

/**
 * Decides whether a URL may be requested on behalf of `originHost` (the registry, or the host
 * of the URL a fetch started at): http(s) only, no credentials in the URL, http only to plain-
 * HTTP-allowed hosts, and never to loopback/link-local/metadata addresses unless the origin is
 * local. `what` names the URL in the error (token realm, redirect); `owner` whom it is for.
 */
export function assertTargetAllowed(
  url: URL,
  originHost: string,
  insecureHosts: ReadonlySet<string>,
  what: string,
  owner = `registry ${originHost}`,
): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new GateError(
      'INSECURE',
      `${what} ${quote(url.href)} for ${owner}: scheme ${url.protocol} is not allowed`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new GateError('INSECURE', `${what} for ${owner} carries credentials in its URL`);
  }
  if (url.protocol === 'http:' && !isPlainHttpAllowed(url.host, insecureHosts)) {
    throw new GateError(
      'INSECURE',
      `${what} ${quote(redactUrl(url))} for ${owner} uses plain http; only loopback hosts and insecure-registries may`,
    );
  }
  // The origin's own address is the user's choice; only targets it names for us are checked.
  if (url.host !== originHost && !isLoopbackHost(originHost) && isForbiddenTarget(url.host)) {
    throw new GateError(
      'INSECURE',
      `${what} ${quote(redactUrl(url))} for ${owner} points at a loopback, link-local or metadata address`,
    );
  }
}

/** A value for a message: JSON-quoted, cut at 120 characters. */
function quote(s: string, max = 120): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

// Query values that can act as credentials (pre-signed storage URLs) are hidden in logs.
const SAFE_QUERY_KEYS = new Set(['artifacttype', 'service', 'scope', 'n', 'last', 'digest']);

/**
 * A URL the user gave, for a message: through redactUrl when it parses; otherwise with any user
 * info and everything from `?` or `#` cut, since a value that does not parse may still hold them.
 */
export function shownUrl(raw: string): string {
  try {
    const url = new URL(raw);
    // Nothing to hide: shown as written (redactUrl would add a path's `/`).
    if (url.username === '' && url.password === '' && url.search === '' && url.hash === '')
      return raw;
    return redactUrl(url);
  } catch {
    return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/[?#][\s\S]*$/, '');
  }
}

export function redactUrl(url: URL): string {
  if (url.search === '') return `${url.origin}${url.pathname}`;
  const parts: string[] = [];
  for (const [k, v] of url.searchParams)
    parts.push(`${k}=${SAFE_QUERY_KEYS.has(k.toLowerCase()) ? v : '***'}`);
  return `${url.origin}${url.pathname}?${parts.join('&')}`;
}

type Resolver = (
  hostname: string,
  options: { all: true },
  cb: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A `lookup` for sockets that refuses names resolving to link-local or metadata addresses. */
export function guardedLookup(resolve: Resolver = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      const bad = addresses.find((a) =>
        metadata.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'),
      );
      if (bad || addresses.length === 0) {
        const e: NodeJS.ErrnoException = new Error(
          bad
            ? `${hostname} resolves to ${bad.address}, a link-local/metadata address`
            : `${hostname} has no address`,
        );
        e.code = bad ? FORBIDDEN_ADDRESS : 'ENOTFOUND';
        callback(e, '', 0);
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
