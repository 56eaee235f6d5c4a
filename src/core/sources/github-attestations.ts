// A source of evidence: the attestation bundles GitHub holds for one digest, from its attestations
// API (repository or organisation endpoint), paginated and bounded; the token goes to the
// configured API origin only, bundle_url bodies are fetched without it (net/fetch.ts rules).
// One client in one file (about 360 lines): paging, per-entry faults and the bundle_url fetch share
// their bounds and error wording.
import { snappyDecode } from '../attestations/snappy.js';
import { GateError } from '../errors.js';
import { budgetExhausted, chargeRead, LIMITS } from '../limits.js';
import { isLoopbackHost, redactUrl } from '../net/addresses.js';
import { fetchCapped } from '../net/fetch.js';
import { readCapped } from '../net/read.js';
import { backoff } from '../net/retry.js';

/** The slice of Octokit (from @actions/github `getOctokit`) this client uses. */
export interface OctokitLike {
  request(
    route: string,
    params?: Record<string, unknown>,
  ): Promise<{ status: number; url: string; headers: Record<string, unknown>; data: unknown }>;
}
export type OctokitFactory = (token: string, options: { baseUrl: string }) => OctokitLike;

export interface GitHubAttestationsRequest {
  /** Organisation or user; with `repository`, the repository endpoint is used. */
  owner: string;
  /** Repository name (without the owner). */
  repository?: string;
  /** `sha256:<hex>` or `sha512:<hex>`, checked before any URL is built. */
  digest: string;
  token: string;
  /** API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3` (GITHUB_API_URL). */
  baseUrl: string;
  signal?: AbortSignal;
  /** At most this many attestations (default and ceiling: LIMITS.signaturesPerImage = 100). */
  maxAttestations?: number;
  /** The front end's Octokit (src/edge/octokit.ts): the core never imports @actions/*. */
  getOctokit: OctokitFactory;
  /** For one bundle_url, its redirects and body included (default 30 s). */
  bundleUrlTimeoutMs?: number;
}

/** Pages followed before giving up: a server that links page after empty page must not loop us. */
export const MAX_PAGES = LIMITS.githubPages;
/** One page of up to 100 bundles. */
export const MAX_PAGE_BYTES = LIMITS.githubPageBytes;
/** For one bundle_url, its redirects and body included, unless the request says otherwise. */
const BUNDLE_URL_TIMEOUT_MS = 30_000;
const RETRIES = 2;
const OWNER_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_RE = /^[A-Za-z0-9._-]{1,100}$/;
const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/**
 * The bundles (parsed JSON, unverified) GitHub holds for `digest`, in API order; `[]` on 404.
 * An entry without a usable bundle is returned as `null` so the verifier rejects it in place
 * (its index still names it); one whose bundle_url served something unusable (not snappy or
 * JSON, over its cap, a refused redirect, an HTTP error) as a BundleFault with the reason. 401/403 → AUTH_REFUSED; network → NETWORK; 5xx → REGISTRY_ERROR.
 */
export async function fetchGitHubAttestations(req: GitHubAttestationsRequest): Promise<unknown[]> {
  const max = Math.min(req.maxAttestations ?? LIMITS.signaturesPerImage, LIMITS.signaturesPerImage);
  if (!OWNER_RE.test(req.owner))
    throw new GateError(
      'USAGE',
      `github-owner: '${req.owner}' is not a GitHub user or organisation name`,
    );
  if (req.repository !== undefined && !REPO_RE.test(req.repository))
    throw new GateError('USAGE', `github-repository: '${req.repository}' is not a repository name`);
  if (!DIGEST_RE.test(req.digest))
    throw new GateError(
      'USAGE',
      `GitHub attestations: '${req.digest}' is not a sha256/sha512 digest`,
    );
  const base = apiBase(req.baseUrl);
  const octokit = req.getOctokit(req.token, {
    baseUrl: base.href.replace(/\/$/, ''),
  });
  const what = req.repository
    ? `GitHub attestations for ${req.owner}/${req.repository}`
    : `GitHub attestations for ${req.owner}`;
  const route = req.repository
    ? 'GET /repos/{owner}/{repo}/attestations/{subject_digest}'
    : 'GET /orgs/{org}/attestations/{subject_digest}';
  const params = req.repository ? { owner: req.owner, repo: req.repository } : { org: req.owner };

  const entries: unknown[] = [];
  let page = await getPage(
    octokit,
    route,
    { ...params, subject_digest: req.digest, per_page: 100 },
    req,
    what,
    true,
  );
  if (page === undefined) return [];
  const firstPath = new URL(page.url).pathname;
  for (let n = 1; ; n++) {
    entries.push(...page.attestations);
    if (entries.length > max)
      throw new GateError(
        'LIMIT_EXCEEDED',
        `${what}@${req.digest}: more than ${max} attestations, limit ${max}`,
      );
    if (page.next === undefined) break;
    if (n >= MAX_PAGES)
      throw new GateError('LIMIT_EXCEEDED', `${what}@${req.digest}: more than ${MAX_PAGES} pages`);
    // The token follows a Link only to the same API origin and endpoint.
    const next = new URL(page.next, page.url);
    if (next.origin !== base.origin || next.pathname !== firstPath)
      throw new GateError(
        'REGISTRY_ERROR',
        `${what}: next-page link ${redactUrl(next)} leaves ${base.origin}${firstPath}; not following it with the token`,
      );
    const got = await getPage(octokit, `GET ${next.href}`, {}, req, what, false);
    if (got === undefined)
      throw new GateError('REGISTRY_ERROR', `${what}: page ${n + 1} is gone (HTTP 404)`);
    page = got;
  }
  // One bundle_url at a time: each may be 10 MiB once decompressed, and the image's byte budget
  // (limits.ts) should stop the list before a hundred of them are in memory at once.
  const bundles: unknown[] = [];
  for (const [i, e] of entries.entries()) {
    try {
      bundles.push(await bundleOf(e, i, req, what));
    } catch (err: unknown) {
      // What one entry's bundle_url served is about that entry: a rejection in its place, which
      // never outweighs another entry that verifies. The run's reach (network, a spent byte
      // budget, a timeout) is not about the entry and ends the lookup.
      const g = err instanceof GateError ? err : undefined;
      if (g === undefined || !isEntryFault(g)) throw err;
      bundles.push(new BundleFault(g));
    }
  }
  return bundles;
}

/** An entry whose bundle could not be had: rejected in place, with this reason. */
export class BundleFault {
  constructor(readonly error: GateError) {}
}

function isEntryFault(e: GateError): boolean {
  if (e.code === 'LIMIT_EXCEEDED') return !budgetExhausted();
  return e.code === 'MALFORMED' || e.code === 'INSECURE' || e.code === 'REGISTRY_ERROR';
}

interface Page {
  attestations: unknown[];
  next?: string;
  url: string;
}

async function getPage(
  octokit: OctokitLike,
  route: string,
  params: Record<string, unknown>,
  req: GitHubAttestationsRequest,
  what: string,
  first: boolean,
): Promise<Page | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await octokit.request(route, {
        ...params,
        // Read the body ourselves, with a cap, instead of letting Octokit buffer any size.
        request: { parseSuccessResponseBody: false, ...(req.signal ? { signal: req.signal } : {}) },
      });
      return await parsePage(res, what);
    } catch (e: unknown) {
      if (e instanceof GateError) throw e;
      const status = httpStatus(e);
      if (status === 404 && first) return undefined;
      const err = classify(e, status, what, req.baseUrl);
      const retryable =
        err.code === 'NETWORK' ||
        (err.code === 'REGISTRY_ERROR' && status !== undefined && status >= 500);
      if (!retryable || attempt >= RETRIES || req.signal?.aborted) throw err;
      await new Promise((r) => setTimeout(r, backoff(attempt + 1)));
    }
  }
}

async function parsePage(
  res: { url: string; headers: Record<string, unknown>; data: unknown },
  what: string,
): Promise<Page> {
  let bytes: Uint8Array;
  const data = res.data;
  if (data instanceof ReadableStream) {
    const got = await readCapped(
      data as ReadableStream<Uint8Array>,
      MAX_PAGE_BYTES,
      undefined,
      what,
    );
    if (got.over)
      throw new GateError(
        'LIMIT_EXCEEDED',
        `${what}: response larger than ${MAX_PAGE_BYTES} bytes`,
      );
    bytes = got.bytes;
  } else if (typeof data === 'string') bytes = new TextEncoder().encode(data);
  else if (data === null || data === undefined) bytes = new Uint8Array();
  else bytes = new TextEncoder().encode(JSON.stringify(data));
  // A body some other client already read counts against the image's byte budget all the same.
  if (!(data instanceof ReadableStream)) chargeRead(bytes.length, what);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e: unknown) {
    throw new GateError('REGISTRY_ERROR', `${what}: the API answered something that is not JSON`, {
      cause: e,
    });
  }
  const list = isObject(json) ? json['attestations'] : undefined;
  if (!Array.isArray(list))
    throw new GateError('REGISTRY_ERROR', `${what}: the API answer has no attestations list`);
  const link = res.headers['link'];
  const next = typeof link === 'string' ? nextLink(link) : undefined;
  return { attestations: list, url: res.url, ...(next !== undefined ? { next } : {}) };
}

/** `<url>; rel="next"` from an RFC 8288 Link header (GitHub's cursor pagination). */
export function nextLink(header: string): string | undefined {
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (m && /(?:^|;)\s*rel="?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/.test(m[2])) return m[1];
  }
  return undefined;
}

async function bundleOf(
  entry: unknown,
  i: number,
  req: GitHubAttestationsRequest,
  what: string,
): Promise<unknown> {
  if (!isObject(entry)) return null;
  if (isObject(entry['bundle'])) return entry['bundle'];
  const url = entry['bundle_url'];
  if (typeof url !== 'string' || url === '') return null;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  // Blob storage is another origin: it gets no token, and no plain HTTP outside tests.
  const compressed = await fetchWithoutCredentials(target, req.signal, req.bundleUrlTimeoutMs);
  const json = snappyDecode(compressed, LIMITS.bundleBytes, `${what} #${i} bundle_url`);
  // What it expands to is held too: it counts against the byte budget as well as what arrived.
  chargeRead(json.length, `${what} #${i} bundle_url (decompressed)`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) as unknown;
  } catch (e: unknown) {
    throw new GateError('MALFORMED', `${what} #${i}: bundle_url content is not JSON`, { cause: e });
  }
}

/** Redirects a bundle_url may take before it is refused (storage services use one or two). */
export const MAX_BUNDLE_REDIRECTS = LIMITS.fetchRedirects;
/**
 * GETs a bundle_url body with no credentials, under net/fetch.ts's rules (https only, redirects
 * checked hop by hop, at most MAX_BUNDLE_REDIRECTS, capped at LIMITS.bundleBytes). Anything but
 * 200 is REGISTRY_ERROR: the entry is rejected in its place.
 */
export async function fetchWithoutCredentials(
  start: URL,
  signal?: AbortSignal,
  timeoutMs = BUNDLE_URL_TIMEOUT_MS,
): Promise<Uint8Array> {
  const what = `bundle_url ${redactUrl(start)}`;
  const res = await fetchCapped({
    url: start,
    what,
    maxBytes: LIMITS.bundleBytes,
    timeoutMs,
    ...(signal ? { signal } : {}),
  });
  if (res.status !== 200)
    throw new GateError(
      'REGISTRY_ERROR',
      `${what}: ${redactUrl(res.url)} answered HTTP ${res.status}`,
    );
  return res.body;
}

function apiBase(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new GateError('USAGE', `GITHUB_API_URL: '${raw}' is not a URL`);
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopbackHost(u.host)))
    throw new GateError(
      'INSECURE',
      `GITHUB_API_URL: '${raw}' is not https; the token would travel in clear`,
    );
  if (u.username || u.password || u.search || u.hash)
    throw new GateError('USAGE', `GITHUB_API_URL: '${redactUrl(u)}' must be a plain API root`);
  return u;
}

function httpStatus(e: unknown): number | undefined {
  if (!isObject(e)) return undefined;
  // Octokit reports a failed fetch as status 500 without a response; only a response has a status.
  if (!('response' in e) || e['response'] === undefined) return undefined;
  return typeof e['status'] === 'number' ? e['status'] : undefined;
}

function classify(
  e: unknown,
  status: number | undefined,
  what: string,
  baseUrl: string,
): GateError {
  const message = e instanceof Error ? e.message : String(e);
  const host = (() => {
    try {
      return new URL(baseUrl).host;
    } catch {
      return baseUrl;
    }
  })();
  if (status === undefined) {
    const aborted =
      isObject(e) &&
      (e['name'] === 'AbortError' ||
        (e instanceof Error && isObject(e.cause) && e.cause['name'] === 'AbortError'));
    return new GateError(
      aborted ? 'TIMEOUT' : 'NETWORK',
      `${what}: ${host} unreachable: ${message}`,
      { cause: e },
    );
  }
  if (status === 401 || status === 403) {
    const headers =
      isObject(e) && isObject(e['response']) && isObject(e['response']['headers'])
        ? e['response']['headers']
        : {};
    if (status === 403 && headers['x-ratelimit-remaining'] === '0')
      return new GateError('REGISTRY_ERROR', `${what}: ${host} rate limit exhausted (HTTP 403)`, {
        cause: e,
      });
    return new GateError(
      'AUTH_REFUSED',
      `${what}: ${host} refused github-token (HTTP ${status}: ${message})`,
      { cause: e },
    );
  }
  return new GateError('REGISTRY_ERROR', `${what}: ${host} answered HTTP ${status}: ${message}`, {
    cause: e,
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
