// Which host we talk to for a registry name, over which scheme, and where its token realm may
// point. The address rules themselves (loopback, link-local, metadata) are net/addresses.ts.
import { GateError } from '../errors.js';
import { assertTargetAllowed, isLoopbackHost, isPlainHttpAllowed } from '../net/addresses.js';
import { quote } from './digest.js';

const DOCKER_HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The server URL Docker tools file Docker Hub credentials under. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

/** normalizeHost's answers by input: a batch names a few registries thousands of times. */
const normalized = new Map<string, string | undefined>();
const NORMALIZED_KEPT = 256;

/** `host[:port]` in lower case from a registry name, `https://host/path` URL or config key. */
export function normalizeHost(s: string): string | undefined {
  // A pure function of the string, so a remembered answer is the same answer (two URL parses
  // and three regular expressions per call, several calls per request).
  if (normalized.has(s)) return normalized.get(s);
  const h = normalizeHostUncached(s);
  if (normalized.size >= NORMALIZED_KEPT) normalized.clear();
  normalized.set(s, h);
  return h;
}

function normalizeHostUncached(s: string): string | undefined {
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
