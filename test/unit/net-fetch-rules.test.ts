// The one non-registry fetch (src/core/net/fetch.ts) and its rules, as a class, for both of its
// users: GitHub bundle_url bodies (through fetchGitHubAttestations against the fake GitHub API)
// and Vault transit keys (through loadKey against the fake Vault). A loopback "edge" server in
// front of each fake scripts redirect chains, loops, cross-origin hops, oversized and stalled
// bodies; public origins, which this machine cannot reach, are answered by a fetch that returns
// real Response objects and passes loopback requests through.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { LIMITS } from '../../src/core/limits.js';
import { fetchCapped } from '../../src/core/net/fetch.js';
import {
  BundleFault,
  fetchGitHubAttestations,
} from '../../src/core/sources/github-attestations.js';
import { loadKey } from '../../src/core/trust/keys.js';
import { getOctokit } from '../../src/edge/octokit.js';
import { generateKeyPair } from '../helpers/cosign-keys.js';
import { loadCliCliBundles, startFakeGitHubApi } from '../helpers/fake-github-api.js';
import { startFakeVault, type FakeVault } from '../helpers/fake-vault.js';

interface Seen {
  server: 'edge' | 'other';
  path: string;
  authorization?: string;
  vaultToken?: string;
}

/** Two loopback origins (127.0.0.1:A and localhost:B) that script hops, then proxy to `backend`. */
interface Edge {
  origin: string;
  other: string;
  backend: string;
  seen: Seen[];
  close(): Promise<void>;
}

async function listen(s: Server): Promise<number> {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
}

async function startEdge(): Promise<Edge> {
  const sockets = new Set<Socket>();
  const edge: Edge = {
    origin: '',
    other: '',
    backend: '',
    seen: [],
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([a, b].map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
  const proxy = (req: IncomingMessage, res: import('node:http').ServerResponse, path: string) => {
    const headers: Record<string, string> = {};
    for (const h of ['x-vault-token', 'x-vault-request', 'x-vault-namespace', 'accept'])
      if (typeof req.headers[h] === 'string') headers[h] = req.headers[h];
    const up = httpRequest(`${edge.backend}${path}`, { headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    up.end();
  };
  const route = (
    server: Seen['server'],
    req: IncomingMessage,
    res: import('node:http').ServerResponse,
    path: string,
  ): void => {
    let m: RegExpExecArray | null;
    if ((m = /^\/hop\/(\d+)(\/.*)$/.exec(path))) {
      const n = Number(m[1]);
      if (n === 0) return route(server, req, res, m[2]);
      res.writeHead(302, { location: `/hop/${n - 1}${m[2]}` }).end();
    } else if ((m = /^\/to\/([^/]+)(\/.*)?$/.exec(path))) {
      res.writeHead(307, { location: decodeURIComponent(m[1]) }).end();
    } else if ((m = /^\/cross(\/.*)$/.exec(path))) {
      res.writeHead(307, { location: `${edge.other}${m[1]}` }).end();
    } else if (/^\/loop\//.test(path)) {
      res.writeHead(308, { location: path }).end();
    } else if ((m = /^\/big(-chunked)?\/(\d+)(\/.*)$/.exec(path))) {
      const n = Number(m[2]);
      if (m[1]) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let left = n;
        const pump = (): void => {
          while (left > 0) {
            const c = chunk.subarray(0, Math.min(left, chunk.length));
            left -= c.length;
            if (!res.write(c)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      } else {
        res.writeHead(200, { 'content-length': String(n) }).end(Buffer.alloc(n, 0x61));
      }
    } else if (/^\/stall\//.test(path)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
    } else proxy(req, res, path);
  };
  const handler =
    (server: Seen['server']) => (req: IncomingMessage, res: import('node:http').ServerResponse) => {
      const path = req.url ?? '/';
      edge.seen.push({
        server,
        path,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(typeof req.headers['x-vault-token'] === 'string'
          ? { vaultToken: req.headers['x-vault-token'] }
          : {}),
      });
      route(server, req, res, path);
    };
  const a = createServer(handler('edge'));
  const b = createServer(handler('other'));
  for (const s of [a, b]) s.on('connection', (c) => sockets.add(c));
  edge.origin = `http://127.0.0.1:${await listen(a)}`;
  edge.other = `http://localhost:${await listen(b)}`;
  return edge;
}

type Outcome = { ok: true } | { ok: false; code: string; message: string; thrown: boolean };

interface User {
  name: string;
  /** The cap its bodies are read under. */
  cap: number;
  /** Runs the user with its URL going through `prefix` on the edge (or at `url`, when given). */
  run(prefix: string, o?: { url?: string; timeoutMs?: number }): Promise<Outcome>;
}

const TOKEN = 'ghs_fetch_rules_token';
const BUNDLE = loadCliCliBundles().find((b) => b.digests.length > 0)!;
const DIGEST = BUNDLE.digests[0];

let edge: Edge;
let vault: FakeVault;
const failed = (e: unknown, thrown: boolean): Outcome => {
  const g = e instanceof GateError ? e : new GateError('INTERNAL', String(e));
  return { ok: false, code: g.code, message: g.message, thrown };
};

const bundleUser: User = {
  name: 'bundle_url',
  cap: LIMITS.bundleBytes,
  async run(prefix, o = {}) {
    const api = await startFakeGitHubApi({
      token: TOKEN,
      bundles: new Map([[DIGEST, [BUNDLE.text]]]),
      repos: ['cli/cli'],
      bundleUrls: true,
      bundleUrl: (own) => o.url ?? `${edge.origin}${prefix}${new URL(own).pathname}`,
    });
    edge.backend = api.origin;
    try {
      const got = await fetchGitHubAttestations({
        getOctokit,
        owner: 'cli',
        repository: 'cli',
        digest: DIGEST,
        token: TOKEN,
        baseUrl: api.url,
        ...(o.timeoutMs ? { bundleUrlTimeoutMs: o.timeoutMs } : {}),
      });
      expect(got).toHaveLength(1);
      if (got[0] instanceof BundleFault) return failed(got[0].error, false);
      expect(JSON.stringify(got[0])).toBe(JSON.stringify(JSON.parse(BUNDLE.text)));
      return { ok: true };
    } catch (e: unknown) {
      return failed(e, true);
    } finally {
      await api.close();
    }
  },
};

const vaultUser: User = {
  name: 'Vault',
  cap: LIMITS.vaultResponseBytes,
  async run(prefix, o = {}) {
    edge.backend = vault.url;
    try {
      const key = await loadKey('hashivault://release', {
        env: {
          VAULT_ADDR: o.url ?? `${edge.origin}${prefix}`,
          VAULT_TOKEN: vault.token,
          ...(o.timeoutMs ? { VAULT_CLIENT_TIMEOUT: String(o.timeoutMs / 1000) } : {}),
        },
      });
      expect(key.keyRef).toBe('hashivault://release');
      return { ok: true };
    } catch (e: unknown) {
      return failed(e, true);
    }
  },
};

beforeAll(async () => {
  edge = await startEdge();
  vault = await startFakeVault();
  vault.addKey('release', generateKeyPair().publicKey);
});
afterAll(async () => {
  await edge.close();
  await vault.close();
});
afterEach(() => {
  edge.seen.length = 0;
  vi.unstubAllGlobals();
});

const enc = encodeURIComponent;
/** What each user reports for a refusal of class `code`: Vault says the key is unreadable. */
const refusal = (u: User, code: string): string =>
  u === vaultUser && code !== 'INSECURE' ? 'KEY_UNREADABLE' : code;

describe.each([bundleUser, vaultUser])('net/fetch.ts rules for $name', (user) => {
  it('follows five redirects on one origin, keeping the credential there', async () => {
    expect(await user.run('/hop/5')).toEqual({ ok: true });
    const hops = edge.seen.filter((s) => s.path.startsWith('/hop/'));
    expect(hops.map((s) => s.path.split('/')[2])).toEqual(['5', '4', '3', '2', '1', '0']);
    if (user === vaultUser) expect(hops.every((s) => s.vaultToken === vault.token)).toBe(true);
  });

  it.each<[string, (u: User) => string, string, RegExp]>([
    ['six redirects', () => '/hop/6', 'REGISTRY_ERROR', /more than 5 redirects/],
    ['a redirect loop', () => '/loop', 'REGISTRY_ERROR', /redirect loop at/],
    [
      'a redirect to plain http on a public host',
      () => `/to/${enc('http://blobs.example.com/x')}`,
      'INSECURE',
      /plain http/,
    ],
    ['a redirect to file:', () => `/to/${enc('file:///etc/passwd')}`, 'INSECURE', /scheme file:/],
    [
      'a redirect with credentials in its URL',
      () => `/to/${enc('https://user:pw@blobs.example.com/x')}`,
      'INSECURE',
      /carries credentials/,
    ],
    [
      'a body over the cap (Content-Length)',
      (u) => `/big/${u.cap + 1}`,
      'LIMIT_EXCEEDED',
      /more than the limit of \d+ bytes/,
    ],
    [
      'a body over the cap (chunked)',
      (u) => `/big-chunked/${u.cap + 64 * 1024}`,
      'LIMIT_EXCEEDED',
      /larger than the limit of \d+ bytes/,
    ],
  ])('refuses %s', async (_name, prefix, code, message) => {
    const got = await user.run(prefix(user));
    expect(got).toMatchObject({ ok: false, code: refusal(user, code) });
    expect(got.ok === false && got.message).toMatch(message);
  });

  it('sends no credential to another origin a redirect names', async () => {
    const got = await user.run('/hop/2/cross');
    const other = edge.seen.filter((s) => s.server === 'other');
    expect(other).toHaveLength(1);
    expect(other[0]).not.toHaveProperty('vaultToken');
    expect(other[0]).not.toHaveProperty('authorization');
    expect(edge.seen.every((s) => s.authorization === undefined)).toBe(true);
    if (user === vaultUser) {
      // On its own origin the token went along; the answer from elsewhere is not a key.
      expect(edge.seen.filter((s) => s.server === 'edge').every((s) => s.vaultToken)).toBe(true);
      expect(got).toMatchObject({ ok: false, code: 'KEY_UNREADABLE' });
      expect(got.ok === false && got.message).toMatch(/read from VAULT_ADDR's origin only/);
    } else expect(got).toEqual({ ok: true });
  });

  it('gives up on a body that stalls, within the timeout', async () => {
    const t0 = Date.now();
    const got = await user.run('/stall', { timeoutMs: 300 });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(got).toMatchObject({ ok: false, code: refusal(user, 'TIMEOUT') });
    expect(got.ok === false && got.message).toMatch(/did not answer within 300 ms/);
  });

  it('requires https off loopback before sending anything', async () => {
    const asked: string[] = [];
    const real = globalThis.fetch;
    vi.stubGlobal('fetch', (u: URL | string, init?: RequestInit) => {
      if (new URL(String(u)).hostname.endsWith('example.com')) asked.push(String(u));
      return real(u, init);
    });
    const url = user === vaultUser ? 'http://vault.example.com:8200' : 'http://blobs.example.com/b';
    const got = await user.run('', { url });
    expect(got).toMatchObject({ ok: false, code: 'INSECURE' });
    expect(asked).toEqual([]);
  });

  it.each([
    ['plain http on loopback', (e: Edge) => `${e.origin}/x`, /redirected from https/],
    ['a metadata address', () => 'https://169.254.169.254/latest/meta-data/', /metadata address/],
    ['a loopback address', () => 'https://127.0.0.1:8443/admin', /metadata address/],
  ])('refuses a public https origin redirecting to %s, without asking it', async (_n, to, msg) => {
    const asked: string[] = [];
    const real = globalThis.fetch;
    const target = to(edge);
    vi.stubGlobal('fetch', (u: URL | string, init?: RequestInit) => {
      const url = new URL(String(u));
      if (!url.hostname.endsWith('example.com')) return real(u, init);
      asked.push(url.href);
      return Promise.resolve(new Response(null, { status: 302, headers: { location: target } }));
    });
    const url = user === vaultUser ? 'https://vault.example.com' : 'https://blobs.example.com/b';
    const got = await user.run('', { url });
    expect(got).toMatchObject({ ok: false, code: 'INSECURE' });
    expect(got.ok === false && got.message).toMatch(msg);
    expect(asked).toHaveLength(1);
    expect(edge.seen).toEqual([]);
  });
});

describe('fetchCapped', () => {
  it('keeps credential-like headers on the first origin, whichever argument carries them', async () => {
    edge.backend = vault.url;
    const res = await fetchCapped({
      url: new URL(`${edge.origin}/hop/1/cross/v1/sys/health`),
      what: 'probe',
      headers: { authorization: 'Bearer plain-header', cookie: 'c=1' },
      credentials: { 'x-vault-token': 'tok' },
      maxBytes: 1024,
      timeoutMs: 5000,
    });
    expect(res.url.origin).toBe(edge.other);
    expect(edge.seen.map((s) => [s.server, s.authorization, s.vaultToken])).toEqual([
      ['edge', 'Bearer plain-header', 'tok'],
      ['edge', 'Bearer plain-header', 'tok'],
      ['other', undefined, undefined],
    ]);
  });

  it.each([
    ['plain http to a public host', 'http://vault.example.com:8200/v1/x', /uses plain http/],
    ['credentials in the URL', 'https://u:p@blobs.example.com/b', /carries credentials/],
    ['a scheme other than http(s)', 'ftp://blobs.example.com/b', /scheme ftp: is not allowed/],
  ])('refuses %s before asking anything', async (_n, url, msg) => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', (u: URL | string) => {
      asked.push(String(u));
      return Promise.resolve(new Response('{}'));
    });
    const e = await fetchCapped({ url: new URL(url), what: 'probe', maxBytes: 10, timeoutMs: 1000 })
      .then(() => undefined)
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(GateError);
    expect(e).toMatchObject({ code: 'INSECURE', message: expect.stringMatching(msg) });
    expect(asked).toEqual([]);
  });
});
