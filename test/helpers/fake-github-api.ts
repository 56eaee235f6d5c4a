// A node:http server speaking the GitHub attestations API (`/repos/{owner}/{repo}/attestations/
// {digest}`, `/orgs/{org}/attestations/{digest}`): token check, cursor pagination with Link
// headers, inline `bundle` or snappy `bundle_url`, and scripted faults. Serves real bundles.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const CLI_CLI_FIXTURES = path.resolve(
  import.meta.dirname,
  '../fixtures/cli-cli-attestation',
);

/** One real bundle as stored in the fixture folder: its exact text and the digests it attests. */
export interface FixtureBundle {
  file: string;
  text: string;
  digests: string[];
}

/** Every bundle in cli-cli-attestation (`.jsonl` files hold one per line), keyed by subject digest. */
export function loadCliCliBundles(dir = CLI_CLI_FIXTURES): FixtureBundle[] {
  const files = [
    'reusable-workflow-attestation.sigstore.json',
    'custom-issuer.sigstore.json',
    'sigstore-js-2.1.0-bundle.json',
    'sigstore-js-2.1.0-bundle-v0.1.json',
    'sigstoreBundle-invalid-signature.json',
    'github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl',
  ];
  return files.flatMap((file) => {
    const raw = readFileSync(path.join(dir, file), 'utf8');
    const texts = file.endsWith('.jsonl')
      ? raw.split('\n').filter((l) => l.trim() !== '')
      : [raw.trim()];
    return texts.map((text) => ({ file, text, digests: subjectDigests(text) }));
  });
}

function subjectDigests(text: string): string[] {
  const b = JSON.parse(text) as { dsseEnvelope?: { payload: string } };
  if (!b.dsseEnvelope) return [];
  let st: { subject?: Array<{ digest: Record<string, string> }> };
  try {
    st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8')) as typeof st;
  } catch {
    // sigstoreBundle-invalid-signature.json signs "hello, world!": it attests no digest.
    return [];
  }
  return (st.subject ?? []).flatMap((s) =>
    Object.entries(s.digest).map(([alg, hex]) => `${alg}:${hex}`),
  );
}

/** Snappy block format with literals only: valid input for any decoder, no compression. */
export function snappyEncodeLiterals(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let n = data.length;
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  for (let pos = 0; pos < data.length;) {
    const len = Math.min(65536, data.length - pos);
    // Literal tag 61<<2: the length-1 follows in two little-endian bytes.
    out.push(61 << 2, (len - 1) & 0xff, ((len - 1) >> 8) & 0xff);
    for (let i = 0; i < len; i++) out.push(data[pos + i]);
    pos += len;
  }
  return Uint8Array.from(out);
}

export interface FakeGitHubApiOptions {
  token: string;
  /** Bundle texts per subject digest, served verbatim inside the JSON page. */
  bundles: Map<string, string[]>;
  /** `owner/repo` names that exist (and hold every bundle). */
  repos?: string[];
  /** Organisations that exist. */
  orgs?: string[];
  /** Largest page the server returns, whatever `per_page` asks (forces pagination). */
  maxPerPage?: number;
  /** Serve `bundle: null` plus a snappy-compressed `bundle_url` on this server, as GitHub now does. */
  bundleUrls?: boolean;
  /** Rewrites each bundle_url (given the one on this server), e.g. to go through a redirector. */
  bundleUrl?: (url: string) => string;
  /** How "no attestations" is answered: 404 (default) or 200 with an empty list. */
  emptyStatus?: 404 | 200;
  /** Scripted answers for the next API requests (not blob requests), consumed in order. */
  faults?: Array<{ status: number; body?: string; headers?: Record<string, string> }>;
  /** Make next-page links point at this origin instead of the server's own. */
  linkOrigin?: string;
  /** Keep linking to a next page forever, with empty pages after the real ones. */
  endlessPages?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
}

export interface FakeGitHubApi {
  /** API root to use as GITHUB_API_URL, e.g. `http://127.0.0.1:4321/api/v3`. */
  url: string;
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const API_PREFIX = '/api/v3';

export async function startFakeGitHubApi(opts: FakeGitHubApiOptions): Promise<FakeGitHubApi> {
  const requests: RecordedRequest[] = [];
  const faults = [...(opts.faults ?? [])];
  const blobs: string[] = [];
  let origin = '';

  const json = (
    res: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body);
  };
  const notFound = (res: ServerResponse): void =>
    json(
      res,
      404,
      '{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}',
    );

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', origin);
    requests.push({
      method: req.method ?? '',
      path: url.pathname + url.search,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const blob = /^\/blobs\/(\d+)$/.exec(url.pathname);
    if (blob) {
      const text = blobs[Number(blob[1])];
      if (text === undefined) return notFound(res);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from(snappyEncodeLiterals(new TextEncoder().encode(text))));
      return;
    }
    const fault = faults.shift();
    if (fault)
      return json(res, fault.status, fault.body ?? '{"message":"scripted fault"}', fault.headers);
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${opts.token}` && auth !== `Bearer ${opts.token}`)
      return json(
        res,
        401,
        '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}',
      );
    const m = new RegExp(
      `^${API_PREFIX}/(?:repos/([^/]+)/([^/]+)|orgs/([^/]+))/attestations/([^/]+)$`,
    ).exec(url.pathname);
    if (!m || req.method !== 'GET') return notFound(res);
    const [, owner, repo, org, rawDigest] = m;
    if (owner !== undefined && !(opts.repos ?? []).includes(`${owner}/${repo}`))
      return notFound(res);
    if (org !== undefined && !(opts.orgs ?? []).includes(org)) return notFound(res);
    const digest = decodeURIComponent(rawDigest);
    const all = opts.bundles.get(digest) ?? [];
    if (all.length === 0 && (opts.emptyStatus ?? 404) === 404) return notFound(res);
    const perPage = Math.min(
      Number(url.searchParams.get('per_page') ?? '30'),
      opts.maxPerPage ?? 100,
    );
    const after = url.searchParams.get('after');
    const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
    const slice = all.slice(start, start + perPage);
    const entries = slice.map((text) => {
      if (!opts.bundleUrls) return `{"bundle":${text},"repository_id":1,"bundle_url":null}`;
      blobs.push(text);
      const own = `${origin}/blobs/${blobs.length - 1}`;
      return `{"bundle":null,"repository_id":1,"bundle_url":${JSON.stringify(opts.bundleUrl?.(own) ?? own)}}`;
    });
    const headers: Record<string, string> = {};
    const end = start + slice.length;
    if (end < all.length || (opts.endlessPages && start < 10_000)) {
      const next = new URL(url.pathname, opts.linkOrigin ?? origin);
      next.searchParams.set('per_page', String(perPage));
      next.searchParams.set(
        'after',
        Buffer.from(String(end === start ? end + 1 : end)).toString('base64url'),
      );
      headers['link'] =
        `<${origin}${url.pathname}?per_page=${perPage}>; rel="prev", <${next.href}>; rel="next"`;
    }
    json(res, 200, `{"attestations":[${entries.join(',')}]}`, headers);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${API_PREFIX}`,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
