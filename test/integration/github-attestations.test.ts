// The GitHub attestations API client through @actions/github's real Octokit against a local
// server speaking the API: real cli/cli bundles come back byte-for-byte, pagination is followed
// and bounded, and every failure maps to the right exit class.
import { afterEach, describe, expect, it } from 'vitest';
import {
  BundleFault,
  fetchGitHubAttestations as fetchWith,
  MAX_PAGES,
  type GitHubAttestationsRequest,
} from '../../src/core/sources/github-attestations.js';
import { getOctokit } from '../../src/edge/octokit.js';

/** The client as the front ends call it: with the real @actions/github Octokit. */
const fetchGitHubAttestations = (req: Omit<GitHubAttestationsRequest, 'getOctokit'>) =>
  fetchWith({ getOctokit, ...req });
import { GateError } from '../../src/core/errors.js';
import {
  loadCliCliBundles,
  startFakeGitHubApi,
  type FakeGitHubApi,
  type FakeGitHubApiOptions,
} from '../helpers/fake-github-api.js';

const TOKEN = 'ghs_test_token_123';
const FIXTURES = loadCliCliBundles();
const NPM_SHA512 =
  'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f';
const WORKFLOW_SHA256 = 'sha256:49a3aa6075e0f49f82843e74b5baa614ad2a588e6675612bf108a0a008c5ac25';
const NONE = `sha256:${'0'.repeat(64)}`;

function byDigest(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const f of FIXTURES) for (const d of f.digests) m.set(d, [...(m.get(d) ?? []), f.text]);
  return m;
}

let api: FakeGitHubApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(o: Partial<FakeGitHubApiOptions> = {}): Promise<FakeGitHubApi> {
  api = await startFakeGitHubApi({
    token: TOKEN,
    bundles: byDigest(),
    repos: ['cli/cli'],
    orgs: ['cli'],
    ...o,
  });
  return api;
}

async function failure(p: Promise<unknown>): Promise<GateError> {
  try {
    await p;
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(GateError);
    return e as GateError;
  }
  throw new Error('expected a failure');
}

const canonical = (text: string): string => JSON.stringify(JSON.parse(text));

describe('fetchGitHubAttestations against the GitHub attestations API', () => {
  it('returns the real bundles for a repository, byte-identical JSON to the fixture files', async () => {
    const a = await start();
    const got = await fetchGitHubAttestations({
      owner: 'cli',
      repository: 'cli',
      digest: NPM_SHA512,
      token: TOKEN,
      baseUrl: a.url,
    });
    const want = FIXTURES.filter((f) => f.digests.includes(NPM_SHA512));
    expect(want.map((f) => f.file)).toEqual([
      'sigstore-js-2.1.0-bundle.json',
      'sigstore-js-2.1.0-bundle-v0.1.json',
    ]);
    expect(got.map((b) => JSON.stringify(b))).toEqual(want.map((f) => canonical(f.text)));
    expect(a.requests).toHaveLength(1);
    expect(a.requests[0]).toEqual({
      method: 'GET',
      path: `/api/v3/repos/cli/cli/attestations/${encodeURIComponent(NPM_SHA512)}?per_page=100`,
      authorization: `token ${TOKEN}`,
    });
  });

  it('returns every cli/cli fixture bundle for its own digest, unchanged', async () => {
    const a = await start();
    for (const f of FIXTURES.filter((x) => x.digests.length > 0)) {
      const got = await fetchGitHubAttestations({
        owner: 'cli',
        digest: f.digests[0],
        token: TOKEN,
        baseUrl: a.url,
      });
      expect(got.map((b) => JSON.stringify(b))).toContain(canonical(f.text));
    }
  });

  it('asks the organisation endpoint when no repository is given', async () => {
    const a = await start();
    const got = await fetchGitHubAttestations({
      owner: 'cli',
      digest: WORKFLOW_SHA256,
      token: TOKEN,
      baseUrl: a.url,
    });
    expect(got).toHaveLength(1);
    expect(a.requests[0].path).toMatch(/^\/api\/v3\/orgs\/cli\/attestations\/sha256%3A49a3/);
  });

  it('follows Link pagination page by page, with the token only on API requests', async () => {
    const a = await start({ maxPerPage: 1 });
    const got = await fetchGitHubAttestations({
      owner: 'cli',
      repository: 'cli',
      digest: NPM_SHA512,
      token: TOKEN,
      baseUrl: a.url,
    });
    expect(got).toHaveLength(2);
    expect(a.requests.map((r) => r.path)).toEqual([
      expect.stringMatching(/per_page=100$/),
      expect.stringMatching(/per_page=1&after=/),
    ]);
    expect(a.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
  });

  it('fetches snappy bundle_url bodies without sending the token', async () => {
    const a = await start({ bundleUrls: true });
    const got = await fetchGitHubAttestations({
      owner: 'cli',
      repository: 'cli',
      digest: NPM_SHA512,
      token: TOKEN,
      baseUrl: a.url,
    });
    const want = FIXTURES.filter((f) => f.digests.includes(NPM_SHA512)).map((f) =>
      canonical(f.text),
    );
    expect(got.map((b) => JSON.stringify(b))).toEqual(want);
    const blobRequests = a.requests.filter((r) => r.path.startsWith('/blobs/'));
    expect(blobRequests).toHaveLength(2);
    expect(blobRequests.every((r) => r.authorization === undefined)).toBe(true);
  });

  it.each([
    ['not JSON', 'this is not a bundle', /bundle_url content is not JSON/],
    ['not UTF-8 JSON', '\uFFFE{"a":1', /bundle_url content is not JSON/],
  ])(
    'rejects one entry whose bundle_url serves %s in its place; the others still arrive',
    async (_what, bad, reason) => {
      const m = byDigest();
      m.set(NPM_SHA512, [bad, ...(m.get(NPM_SHA512) ?? []), bad]);
      const a = await start({ bundleUrls: true, bundles: m });
      const got = await fetchGitHubAttestations({
        owner: 'cli',
        repository: 'cli',
        digest: NPM_SHA512,
        token: TOKEN,
        baseUrl: a.url,
      });
      const want = FIXTURES.filter((f) => f.digests.includes(NPM_SHA512)).map((f) =>
        canonical(f.text),
      );
      expect(got).toHaveLength(want.length + 2);
      for (const fault of [got[0], got[got.length - 1]]) {
        expect(fault).toBeInstanceOf(BundleFault);
        expect((fault as BundleFault).error.code).toBe('MALFORMED');
        expect((fault as BundleFault).error.message).toMatch(reason);
      }
      expect(got.slice(1, -1).map((b) => JSON.stringify(b))).toEqual(want);
    },
  );

  it.each([
    ['404 (GitHub has none)', 404 as const],
    ['200 with an empty list', 200 as const],
  ])('returns no bundles on %s', async (_name, emptyStatus) => {
    const a = await start({ emptyStatus });
    await expect(
      fetchGitHubAttestations({
        owner: 'cli',
        repository: 'cli',
        digest: NONE,
        token: TOKEN,
        baseUrl: a.url,
      }),
    ).resolves.toEqual([]);
  });

  it('returns no bundles for a repository the token cannot see (GitHub answers 404)', async () => {
    const a = await start();
    await expect(
      fetchGitHubAttestations({
        owner: 'cli',
        repository: 'private',
        digest: NPM_SHA512,
        token: TOKEN,
        baseUrl: a.url,
      }),
    ).resolves.toEqual([]);
  });

  const faults: Array<
    [name: string, o: Partial<FakeGitHubApiOptions>, token: string, code: string, message: RegExp]
  > = [
    [
      'a wrong token (401)',
      {},
      'ghs_wrong',
      'AUTH_REFUSED',
      /refused github-token \(HTTP 401: Bad credentials/,
    ],
    [
      '403 forbidden',
      { faults: [{ status: 403, body: '{"message":"Resource not accessible by integration"}' }] },
      TOKEN,
      'AUTH_REFUSED',
      /HTTP 403: Resource not accessible/,
    ],
    [
      '403 with the rate limit exhausted',
      {
        faults: [
          {
            status: 403,
            body: '{"message":"API rate limit exceeded"}',
            headers: { 'x-ratelimit-remaining': '0' },
          },
        ],
      },
      TOKEN,
      'REGISTRY_ERROR',
      /rate limit exhausted/,
    ],
    [
      '500 on every attempt',
      { faults: [{ status: 500 }, { status: 502 }, { status: 503 }] },
      TOKEN,
      'REGISTRY_ERROR',
      /answered HTTP 503/,
    ],
    [
      '422 (bad request)',
      { faults: [{ status: 422, body: '{"message":"Validation Failed"}' }] },
      TOKEN,
      'REGISTRY_ERROR',
      /HTTP 422: Validation Failed/,
    ],
    [
      'a page that is not JSON',
      { faults: [{ status: 200, body: 'hello' }] },
      TOKEN,
      'REGISTRY_ERROR',
      /not JSON/,
    ],
    [
      'a page without an attestations list',
      { faults: [{ status: 200, body: '{"items":[]}' }] },
      TOKEN,
      'REGISTRY_ERROR',
      /no attestations list/,
    ],
    [
      'pages that never end',
      { maxPerPage: 1, endlessPages: true },
      TOKEN,
      'LIMIT_EXCEEDED',
      new RegExp(`more than ${MAX_PAGES} pages`),
    ],
    [
      'a next link to another origin',
      { maxPerPage: 1, linkOrigin: 'http://127.0.0.2:9' },
      TOKEN,
      'REGISTRY_ERROR',
      /next-page link http:\/\/127\.0\.0\.2:9\/.* leaves .*not following it with the token/,
    ],
  ];
  it.each(faults)('maps %s to %s', async (_name, o, token, code, message) => {
    const a = await start(o);
    const e = await failure(
      fetchGitHubAttestations({
        owner: 'cli',
        repository: 'cli',
        digest: NPM_SHA512,
        token,
        baseUrl: a.url,
      }),
    );
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('retries a 503 and then succeeds', async () => {
    const a = await start({ faults: [{ status: 503 }] });
    const got = await fetchGitHubAttestations({
      owner: 'cli',
      repository: 'cli',
      digest: NPM_SHA512,
      token: TOKEN,
      baseUrl: a.url,
    });
    expect(got).toHaveLength(2);
    expect(a.requests).toHaveLength(2);
  });

  it('stops at 100 attestations with LIMIT_EXCEEDED', async () => {
    const one = FIXTURES[0];
    const a = await start({
      bundles: new Map([[WORKFLOW_SHA256, Array.from({ length: 101 }, () => one.text)]]),
      maxPerPage: 60,
    });
    const e = await failure(
      fetchGitHubAttestations({
        owner: 'cli',
        repository: 'cli',
        digest: WORKFLOW_SHA256,
        token: TOKEN,
        baseUrl: a.url,
      }),
    );
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.message).toMatch(/more than 100 attestations/);
    expect(a.requests).toHaveLength(2);
  });

  it('returns exactly 100 attestations when there are 100', async () => {
    const one = FIXTURES[0];
    const a = await start({
      bundles: new Map([[WORKFLOW_SHA256, Array.from({ length: 100 }, () => one.text)]]),
      maxPerPage: 30,
    });
    const got = await fetchGitHubAttestations({
      owner: 'cli',
      repository: 'cli',
      digest: WORKFLOW_SHA256,
      token: TOKEN,
      baseUrl: a.url,
    });
    expect(got).toHaveLength(100);
  });

  it('reports an unreachable API as NETWORK', async () => {
    const a = await start();
    const url = a.url;
    await a.close();
    api = undefined;
    const e = await failure(
      fetchGitHubAttestations({
        owner: 'cli',
        repository: 'cli',
        digest: NPM_SHA512,
        token: TOKEN,
        baseUrl: url,
      }),
    );
    expect(e.code).toBe('NETWORK');
  });

  it.each([
    [{ owner: 'cli/../x' }, 'USAGE', /github-owner: 'cli\/\.\.\/x'/],
    [{ repository: 'a/b' }, 'USAGE', /github-repository: 'a\/b'/],
    [{ digest: 'sha256:ABC' }, 'USAGE', /'sha256:ABC' is not a sha256\/sha512 digest/],
    [{ digest: `sha256:${'a'.repeat(64)}?x=1` }, 'USAGE', /not a sha256\/sha512 digest/],
    [
      { baseUrl: 'http://api.github.example' },
      'INSECURE',
      /is not https; the token would travel in clear/,
    ],
    [{ baseUrl: 'not a url' }, 'USAGE', /GITHUB_API_URL: 'not a url' is not a URL/],
  ])('refuses %j before any request', async (override, code, message) => {
    const a = await start();
    const e = await failure(
      fetchGitHubAttestations({
        owner: 'cli',
        repository: 'cli',
        digest: NPM_SHA512,
        token: TOKEN,
        baseUrl: a.url,
        ...override,
      }),
    );
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(a.requests).toHaveLength(0);
  });
});
