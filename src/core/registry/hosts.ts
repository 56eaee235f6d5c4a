// Which host we talk to for a registry name, over which scheme, and which addresses a token
// realm or redirect may never point at (loopback, link-local, cloud metadata: oras-go GHSA-xf85).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { GateError } from '../errors.js';
import { quote } from './digest.js';

const DOCKER_HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The server URL Docker tools file Docker Hub credentials under. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

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
// Addresses no registry host name may resolve to: a DNS answer cannot be talked past the realm and
// redirect checks (which only see names) onto the cloud metadata service.
const metadata = new BlockList();
metadata.addSubnet('169.254.0.0', 16, 'ipv4');
metadata.addSubnet('fe80::', 10, 'ipv6');
metadata.addAddress('fd00:ec2::254', 'ipv6');
/** `code` of the error a guarded lookup fails with. */
export const FORBIDDEN_ADDRESS = 'EIMAGEGATE_FORBIDDEN_ADDRESS';

const FORBIDDEN_NAMES = new Set(['localhost', 'metadata.google.internal', 'metadata']);

/** `host[:port]` in lower case from a registry name, `https://host/path` URL or config key. */
export function normalizeHost(s: string): string | undefined {
  let v = s.trim();
  if (v === '') return undefined;
  const bare = !/^[a-z][a-z0-9+.-]*:\/\//i.test(v);
  if (bare) v = `https://${v}`;
  let u: URL;
  try {
    u = new URL(v);
    // A bare loopback name is spoken to over http (isPlainHttpAllowed), so its default port is
    // 80, not 443: `localhost:443` is another server than `localhost`, `localhost:80` the same.
    if (bare && isLoopbackHost(u.host)) u = new URL(`http://${s.trim()}`);
  } catch {
    return undefined;
  }
  if (u.username !== '' || u.password !== '' || u.host === '') return undefined;
  // URL drops default ports (https://h:443 → h) and spells IPs one way (127.000.000.001 →
  // 127.0.0.1, [0:0::1] → [::1]); an IPv4-mapped IPv6 address is the IPv4 host it reaches.
  const host = u.host.toLowerCase().replace(/\.(?=(:\d+)?$)/, '');
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\](:\d+)?$/.exec(host);
  if (!mapped) return host;
  const [hi, lo] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}${mapped[3] ?? ''}`;
}

export function isDockerHub(host: string): boolean {
  return DOCKER_HUB_NAMES.has(host);
}

/** The host that serves the API for a registry name: Docker Hub's names map to registry-1. */
export function apiHostFor(host: string): string {
  return isDockerHub(host) ? DOCKER_HUB_API_HOST : host;
}

/** Host name of `host[:port]`, without IPv6 brackets or a trailing dot. */
export function hostnameOf(hostport: string): string {
  let h = hostport;
  if (h.startsWith('[')) h = h.slice(1, h.indexOf(']'));
  else if (h.includes(':')) h = h.slice(0, h.lastIndexOf(':'));
  return h.replace(/\.$/, '').toLowerCase();
}

function ipKind(h: string): 'ipv4' | 'ipv6' | undefined {
  const v = isIP(h);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : undefined;
}

export function isLoopbackHost(hostport: string): boolean {
  const h = hostnameOf(hostport);
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const kind = ipKind(h);
  return kind !== undefined && loopback.check(h, kind);
}

/** Addresses no credential or token request may be sent to unless the registry itself is local. */
export function isForbiddenTarget(hostport: string): boolean {
  const h = hostnameOf(hostport);
  if (FORBIDDEN_NAMES.has(h) || h.endsWith('.localhost')) return true;
  const kind = ipKind(h);
  if (kind === undefined) return false;
  return forbidden.check(h, kind);
}

/** Plain HTTP is only for loopback hosts and hosts the user listed as insecure (exact host[:port]). */
export function isPlainHttpAllowed(
  hostport: string,
  insecureRegistries: ReadonlySet<string>,
): boolean {
  return isLoopbackHost(hostport) || insecureRegistries.has(hostport.toLowerCase());
}

/**
 * Decides whether a URL may be requested on behalf of `registryHost`: http only to plain-HTTP-
 * allowed hosts, and never to loopback/link-local/metadata addresses unless the registry is local.
 * `what` names the URL in the error (token realm, redirect).
 */
export function assertTargetAllowed(
  url: URL,
  registryHost: string,
  insecureRegistries: ReadonlySet<string>,
  what: string,
): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new GateError(
      'INSECURE',
      `${what} ${quote(url.href)} for registry ${registryHost}: scheme ${url.protocol} is not allowed`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new GateError(
      'INSECURE',
      `${what} for registry ${registryHost} carries credentials in its URL`,
    );
  }
  if (url.protocol === 'http:' && !isPlainHttpAllowed(url.host, insecureRegistries)) {
    throw new GateError(
      'INSECURE',
      `${what} ${quote(redactUrl(url))} for registry ${registryHost} uses plain http; only loopback hosts and insecure-registries may`,
    );
  }
  // The registry's own address is the user's choice; only targets it names for us are checked.
  if (url.host !== registryHost && !isLoopbackHost(registryHost) && isForbiddenTarget(url.host)) {
    throw new GateError(
      'INSECURE',
      `${what} ${quote(redactUrl(url))} for registry ${registryHost} points at a loopback, link-local or metadata address`,
    );
  }
}

/** The token realm must be https unless the registry itself may use http, and not local/metadata. */
export function assertRealmAllowed(
  realm: string,
  registryHost: string,
  insecureRegistries: ReadonlySet<string>,
): URL {
  let url: URL;
  try {
    url = new URL(realm);
  } catch (e: unknown) {
    throw new GateError(
      'INSECURE',
      `token realm ${quote(realm)} of registry ${registryHost} is not a URL`,
      { cause: e },
    );
  }
  if (url.protocol === 'http:' && !isPlainHttpAllowed(registryHost, insecureRegistries)) {
    throw new GateError(
      'INSECURE',
      `token realm ${quote(realm)} of https registry ${registryHost} uses plain http`,
    );
  }
  assertTargetAllowed(url, registryHost, insecureRegistries, 'token realm');
  return url;
}

// Query values that can act as credentials (pre-signed storage URLs) are hidden in logs.
const SAFE_QUERY_KEYS = new Set(['artifacttype', 'service', 'scope', 'n', 'last', 'digest']);

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
