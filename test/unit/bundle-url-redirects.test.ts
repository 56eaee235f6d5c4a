// bundle_url bodies (GitHub attestations API) are fetched with the registry client's target
// rules at every redirect hop: a blob URL cannot bounce the gate onto plain http, a metadata
// address or a loopback service, or around in circles. Real sockets on loopback for what
// loopback may do; a fetch that answers with real Response objects for public origins, which
// this machine cannot reach.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  fetchWithoutCredentials,
  MAX_BUNDLE_REDIRECTS,
} from '../../src/core/sources/github-attestations.js';

let server: Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const m = /^\/hop\/(\d+)$/.exec(req.url ?? '');
    if (m) {
      const n = Number(m[1]);
      res.writeHead(302, { location: n === 0 ? '/body' : `/hop/${n - 1}` }).end();
    } else if (req.url === '/body') res.writeHead(200).end('bundle-bytes');
    else if (req.url === '/loop') res.writeHead(307, { location: '/loop' }).end();
    else if (req.url === '/nolocation') res.writeHead(302).end();
    else if (req.url?.startsWith('/to?')) {
      const to = new URL(req.url, 'http://x').searchParams.get('u')!;
      res.writeHead(301, { location: to }).end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  hits.length = 0;
  vi.unstubAllGlobals();
});

describe('bundle_url redirects', () => {
  it('follows redirects among loopback hosts to the body', async () => {
    const got = await fetchWithoutCredentials(new URL(`${base}/hop/3`));
    expect(Buffer.from(got).toString()).toBe('bundle-bytes');
    expect(hits).toEqual(['/hop/3', '/hop/2', '/hop/1', '/hop/0', '/body']);
  });

  it.each([
    ['a redirect loop', '/loop', /redirect loop at/],
    ['one hop too many', `/hop/${MAX_BUNDLE_REDIRECTS}`, /more than 5 redirects/],
    ['a redirect without Location', '/nolocation', /HTTP 302 without a Location/],
    ['a redirect to file:', `/to?u=${encodeURIComponent('file:///etc/passwd')}`, /scheme file:/],
    [
      'a redirect to plain http on a public host',
      `/to?u=${encodeURIComponent('http://blobs.example.com/x')}`,
      /plain http/,
    ],
    [
      'a redirect with credentials in its URL',
      `/to?u=${encodeURIComponent('https://user:pw@blobs.example.com/x')}`,
      /carries credentials/,
    ],
  ])('refuses %s', async (_name, path, msg) => {
    await expect(fetchWithoutCredentials(new URL(`${base}${path}`))).rejects.toThrow(msg);
  });

  it.each([
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00:ec2::254]/latest/',
    'https://127.0.0.1:8080/admin',
    'https://localhost/x',
    'https://[::1]/x',
    'https://0.0.0.0/x',
    'https://metadata.google.internal/computeMetadata/v1/',
  ])('refuses a public blob URL redirecting to %s, without requesting it', async (target) => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', (u: URL) => {
      asked.push(String(u));
      return Promise.resolve(new Response(null, { status: 302, headers: { location: target } }));
    });
    await expect(
      fetchWithoutCredentials(new URL('https://blobs.example.com/sha256:abc')),
    ).rejects.toThrow(/loopback, link-local or metadata address|plain http/);
    expect(asked).toEqual(['https://blobs.example.com/sha256:abc']);
  });

  it('follows a public redirect to another https origin', async () => {
    vi.stubGlobal('fetch', (u: URL) =>
      Promise.resolve(
        String(u).startsWith('https://blobs.example.com/')
          ? new Response(null, { status: 302, headers: { location: 'https://cdn.example.net/b' } })
          : new Response('body', { status: 200 }),
      ),
    );
    const got = await fetchWithoutCredentials(new URL('https://blobs.example.com/sha256:abc'));
    expect(Buffer.from(got).toString()).toBe('body');
  });
});
