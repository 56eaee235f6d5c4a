// Registry misbehaviour against a scripted loopback server: integrity, size and count caps,
// retries and their limits, redirects, timeouts, connection failures, token flow, referrers.
import { createHash, randomBytes } from 'node:crypto';
import { getEventListeners } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, type RegistryClientOptions } from '../../src/core/registry/client.js';
import { registryStore } from '../../src/core/sources/registry.js';
import { MAX_REFERRERS } from '../../src/core/registry/limits.js';
import { nestedBudget, withByteBudget } from '../../src/core/limits.js';
import { MEDIA_TYPES } from '../../src/core/types.js';
import {
  sendJson,
  startFake,
  type FakeHandler,
  type FakeRegistry,
} from '../helpers/fake-registry.js';
import { sha256 } from '../helpers/oci-push.js';
import { freePort } from '../helpers/registry-process.js';

const OCI = MEDIA_TYPES.ociManifest;
const fakes: FakeRegistry[] = [];
const clients: RegistryClient[] = [];
let tmp: string;
let emptyConfig: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'image-gate-faults-'));
  emptyConfig = join(tmp, 'empty.json');
  await writeFile(emptyConfig, '{}');
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function fake(handler: FakeHandler): Promise<FakeRegistry> {
  const f = await startFake(handler);
  fakes.push(f);
  return f;
}
function client(opts: RegistryClientOptions = {}): RegistryClient {
  const c = new RegistryClient({ dockerConfigPath: emptyConfig, ...opts });
  clients.push(c);
  return c;
}

function manifestBytes(extra: Record<string, unknown> = {}): Buffer {
  const d = { mediaType: 'application/octet-stream', digest: sha256('x'), size: 1 };
  return Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI, config: d, layers: [d], ...extra }),
  );
}
const serve =
  (body: Uint8Array, extra: Record<string, string> = {}, contentType: string = OCI): FakeHandler =>
  (_req, res) =>
    sendJson(res, body, contentType, extra);

describe('integrity of what the registry sends', () => {
  it.each([
    ['a path traversal', 'sha256:../../v2/x/manifests/y'],
    ['upper-case hex', `sha256:${'A'.repeat(64)}`],
    ['63 hex characters', `sha256:${'a'.repeat(63)}`],
    ['md5', `md5:${'a'.repeat(32)}`],
    ['a smuggled query', `sha256:${'a'.repeat(64)}?a=b`],
  ])('rejects a digest with %s before sending any request', async (_n, bad) => {
    const f = await fake(serve(manifestBytes()));
    const c = client();
    const store = registryStore(c, f.host, 'app');
    await expect(store.getManifest(bad)).rejects.toMatchObject({ code: 'USAGE' });
    await expect(store.getBlob(bad, 10)).rejects.toMatchObject({ code: 'MALFORMED' });
    await expect(store.getReferrers!(bad)).rejects.toMatchObject({ code: 'USAGE' });
    expect(f.seen).toHaveLength(0);
    expect(c.stats.requests).toBe(0);
  });

  it.each(['../x', 'a/b', '-x', 'a'.repeat(129)])(
    'rejects tag %j before sending any request',
    async (tag) => {
      const f = await fake(serve(manifestBytes()));
      await expect(registryStore(client(), f.host, 'app').getManifest(tag)).rejects.toMatchObject({
        code: 'USAGE',
      });
      expect(f.seen).toHaveLength(0);
    },
  );

  it('rejects manifest bytes that do not hash to the digest asked for', async () => {
    const asked = sha256(manifestBytes({ annotations: { a: 'b' } }));
    const f = await fake(serve(manifestBytes(), { 'docker-content-digest': asked }));
    await expect(registryStore(client(), f.host, 'app').getManifest(asked)).rejects.toMatchObject({
      code: 'DIGEST_MISMATCH',
    });
  });

  it('rejects a Docker-Content-Digest header that lies about the bytes', async () => {
    const other = sha256('something else');
    const f = await fake(serve(manifestBytes(), { 'docker-content-digest': other }));
    await expect(
      registryStore(client(), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code: 'DIGEST_MISMATCH',
    });
  });

  it('rejects a Docker-Content-Digest header that is not a digest', async () => {
    const f = await fake(serve(manifestBytes(), { 'docker-content-digest': 'sha256:zz' }));
    await expect(
      registryStore(client(), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code: 'DIGEST_MISMATCH',
    });
  });

  // The header is checked against the digest already computed or asked for when the algorithms
  // agree, and by hashing again when they do not: every pairing must still catch a lie.
  const sha512 = (b: Uint8Array | string) =>
    `sha512:${createHash('sha512').update(b).digest('hex')}`;
  it.each([
    ['tag, sha256 header that is true', 'latest', sha256, true],
    ['tag, sha256 header of other bytes', 'latest', () => sha256('other'), false],
    ['tag, sha512 header that is true', 'latest', sha512, true],
    ['tag, sha512 header of other bytes', 'latest', () => sha512('other'), false],
    ['digest, sha256 header of other bytes', 'digest', () => sha256('other'), false],
    ['digest, sha512 header that is true', 'digest', sha512, true],
    ['digest, sha512 header of other bytes', 'digest', () => sha512('other'), false],
  ] as const)('Docker-Content-Digest: %s', async (_name, ref, header, ok) => {
    const bytes = manifestBytes();
    const f = await fake(serve(bytes, { 'docker-content-digest': header(bytes) }));
    const got = registryStore(client(), f.host, 'app').getManifest(
      ref === 'digest' ? sha256(bytes) : ref,
    );
    if (ok) expect((await got)?.digest).toBe(sha256(bytes));
    else await expect(got).rejects.toMatchObject({ code: 'DIGEST_MISMATCH' });
  });

  it('computes the digest itself when Docker-Content-Digest is absent', async () => {
    const bytes = manifestBytes();
    const f = await fake(serve(bytes));
    expect((await registryStore(client(), f.host, 'app').getManifest('latest'))?.digest).toBe(
      sha256(bytes),
    );
  });

  it.each([
    ['not JSON', Buffer.from('<html>'), OCI],
    ['both manifests and layers', manifestBytes({ manifests: [] }), OCI],
    [
      'a mediaType that differs from Content-Type',
      manifestBytes(),
      `${MEDIA_TYPES.ociIndex}; charset=utf-8`,
    ],
    ['schemaVersion 1', manifestBytes({ schemaVersion: 1 }), OCI],
    [
      'a layer digest that is not a digest',
      manifestBytes({ layers: [{ mediaType: 'x', digest: 'sha256:../x', size: 1 }] }),
      OCI,
    ],
    [
      'a negative layer size',
      manifestBytes({ layers: [{ mediaType: 'x', digest: sha256('x'), size: -1 }] }),
      OCI,
    ],
    ['a JSON array', Buffer.from('[]'), OCI],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), OCI],
  ])('rejects a manifest with %s as MALFORMED', async (_n, bytes, contentType) => {
    const f = await fake(serve(bytes, {}, contentType));
    await expect(
      registryStore(client(), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code: 'MALFORMED',
    });
  });

  it('accepts a Content-Type with parameters when the media type matches', async () => {
    const f = await fake(serve(manifestBytes(), {}, `${OCI}; charset=utf-8`));
    expect((await registryStore(client(), f.host, 'app').getManifest('latest'))?.mediaType).toBe(
      OCI,
    );
  });

  it('rejects blob bytes that do not hash to the digest', async () => {
    const f = await fake((_q, res) => res.end('tampered'));
    await expect(
      registryStore(client(), f.host, 'app').getBlob(sha256('original'), 100),
    ).rejects.toMatchObject({ code: 'DIGEST_MISMATCH' });
  });
});

describe('size and count limits', () => {
  it('stops reading a 5 MiB chunked manifest at the 4 MiB cap', async () => {
    const f = await fake((_q, res) => {
      res.writeHead(200, { 'content-type': OCI }); // chunked: no Content-Length to trust or distrust
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 80; i++) res.write(chunk);
      res.end();
    });
    await expect(
      registryStore(client(), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });

  it('ignores a Content-Length that claims a small body when counting a blob', async () => {
    const big = randomBytes(4096);
    const f = await fake((_q, res) => res.end(big));
    await expect(
      registryStore(client(), f.host, 'app').getBlob(sha256(big), 1000),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });

  it('caps token responses at 1 MiB', async () => {
    const f = await fake((req, res) => {
      if (req.url!.startsWith('/token')) {
        sendJson(res, JSON.stringify({ token: 'a'.repeat(2 * 1024 * 1024) }), 'application/json');
      } else {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${f.host}/token",service="s"`,
          })
          .end();
      }
    });
    await expect(
      registryStore(client(), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });
});

describe('retries', () => {
  it('succeeds when a 500 is followed by a 200', async () => {
    const bytes = manifestBytes();
    const f = await fake((_q, res, seen) =>
      seen.length === 1 ? res.writeHead(500).end() : sendJson(res, bytes, OCI),
    );
    const c = client();
    expect((await registryStore(c, f.host, 'app').getManifest('latest'))?.digest).toBe(
      sha256(bytes),
    );
    expect(f.seen).toHaveLength(2);
    expect(c.stats.requests).toBe(2);
  });

  it('gives up on a permanent 429 without Retry-After after the retries', async () => {
    const f = await fake((_q, res) => res.writeHead(429).end());
    await expect(
      registryStore(client(), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code: 'REGISTRY_ERROR',
    });
    expect(f.seen).toHaveLength(3);
  });

  it.each([500, 502, 503, 504])(
    'gives up on a permanent %i after the retries with REGISTRY_ERROR',
    async (status) => {
      const f = await fake((_q, res) =>
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"UNAVAILABLE","message":"down\\n"}]}'),
      );
      await expect(
        registryStore(client(), f.host, 'app').getManifest('latest'),
      ).rejects.toMatchObject({
        code: 'REGISTRY_ERROR',
        message: expect.stringMatching(
          new RegExp(`HTTP ${status} \\(UNAVAILABLE: down \\) after 3 attempts`),
        ),
      });
      expect(f.seen).toHaveLength(3);
    },
  );

  it('honours the retries option', async () => {
    const f = await fake((_q, res) => res.writeHead(503).end());
    await expect(
      registryStore(client({ retries: 4 }), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({ code: 'REGISTRY_ERROR' });
    expect(f.seen).toHaveLength(5);
  });

  it('waits for Retry-After: 1 on a 429 before asking again', async () => {
    const bytes = manifestBytes();
    const f = await fake((_q, res, seen) =>
      seen.length === 1
        ? res.writeHead(429, { 'retry-after': '1' }).end()
        : sendJson(res, bytes, OCI),
    );
    const t0 = Date.now();
    expect((await registryStore(client(), f.host, 'app').getManifest('latest'))?.digest).toBe(
      sha256(bytes),
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After asks for longer than the cap', async () => {
    const f = await fake((_q, res) => res.writeHead(429, { 'retry-after': '86400' }).end());
    const t0 = Date.now();
    await expect(
      registryStore(client(), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('86400 s'),
    });
    expect(f.seen).toHaveLength(1);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it.each([
    [403, 'AUTH_REFUSED'],
    [404, 'NOT_FOUND'],
    [400, 'REGISTRY_ERROR'],
  ])('does not retry a %i (→ %s)', async (status, code) => {
    const f = await fake((_q, res) => res.writeHead(status).end());
    await expect(
      registryStore(client(), f.host, 'app').getBlob(sha256('b'), 10),
    ).rejects.toMatchObject({
      code,
    });
    expect(f.seen).toHaveLength(1);
  });

  it('answers a 401 with its challenge once, and does not loop on a second 401', async () => {
    const f = await fake((_q, res) =>
      res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end(),
    );
    const c = client({ credentials: [{ registry: f.host, username: 'u', password: 'p' }] });
    await expect(registryStore(c, f.host, 'app').getManifest('latest')).rejects.toMatchObject({
      code: 'AUTH_REFUSED',
    });
    expect(f.seen).toHaveLength(2);
    expect(f.seen[0].headers.authorization).toBeUndefined();
    expect(f.seen[1].headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('maps connection refused to NETWORK naming the registry, after retrying', async () => {
    const port = await freePort();
    const c = client();
    await expect(
      registryStore(c, `127.0.0.1:${port}`, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining(`registry 127.0.0.1:${port} refused`),
    });
    expect(c.stats.requests).toBe(3);
  });
});

describe('redirects', () => {
  it('follows a cross-origin blob redirect without forwarding Authorization', async () => {
    const blob = Buffer.from('blob in storage');
    const storage = await fake((_q, res) => res.end(blob));
    const reg = await fake((req, res) => {
      if (req.headers.authorization === undefined)
        res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
      else
        res
          .writeHead(307, { location: `${storage.origin}/bucket/blob?X-Amz-Signature=secret` })
          .end();
    });
    const logs: string[] = [];
    const c = client({
      credentials: [{ registry: reg.host, username: 'user', password: 'hunter22' }],
      log: (m) => logs.push(m),
    });
    expect(
      Buffer.from(await registryStore(c, reg.host, 'app').getBlob(sha256(blob), 100)).toString(),
    ).toBe('blob in storage');
    expect(reg.seen[1].headers.authorization).toMatch(/^Basic /);
    expect(storage.seen).toHaveLength(1);
    expect(storage.seen[0].headers.authorization).toBeUndefined();
    expect(storage.seen[0].headers.cookie).toBeUndefined();
    const joined = logs.join('\n');
    expect(joined).not.toContain('X-Amz-Signature=secret');
    expect(joined).not.toContain('hunter22');
  });

  it('keeps Authorization on a same-origin redirect', async () => {
    const blob = Buffer.from('same origin');
    const reg = await fake((req, res) => {
      if (req.headers.authorization === undefined)
        res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
      else if (req.url!.startsWith('/v2/')) res.writeHead(302, { location: '/storage/blob' }).end();
      else res.end(blob);
    });
    const c = client({ credentials: [{ registry: reg.host, username: 'u', password: 'p' }] });
    await registryStore(c, reg.host, 'app').getBlob(sha256(blob), 100);
    expect(reg.seen.at(-1)).toMatchObject({
      url: '/storage/blob',
      headers: { authorization: expect.stringMatching(/^Basic /) },
    });
  });

  it('aborts a redirect loop between two hosts', async () => {
    const a = await fake((_q, res) => res.writeHead(307, { location: `${b.origin}/back` }).end());
    const b = await fake((_q, res) =>
      res.writeHead(307, { location: `${a.origin}/v2/app/blobs/${sha256('x')}` }).end(),
    );
    const c = client();
    await expect(registryStore(c, a.host, 'app').getBlob(sha256('x'), 10)).rejects.toMatchObject({
      code: 'REGISTRY_ERROR',
      message: expect.stringContaining('loop'),
    });
    expect(c.stats.requests).toBe(2); // not retried: a loop is not transient
  });

  it('aborts after 10 redirect hops', async () => {
    const f = await fake((req, res) => {
      const n = Number(/\/hop\/(\d+)/.exec(req.url!)?.[1] ?? 0);
      res.writeHead(307, { location: `/hop/${n + 1}` }).end();
    });
    await expect(
      registryStore(client(), f.host, 'app').getBlob(sha256('x'), 10),
    ).rejects.toMatchObject({
      code: 'REGISTRY_ERROR',
      message: expect.stringContaining('more than 10 redirects'),
    });
    expect(f.seen).toHaveLength(11);
  });

  it('refuses a redirect to plain http on a host that is neither loopback nor insecure', async () => {
    const f = await fake((_q, res) =>
      res.writeHead(307, { location: 'http://storage.example.com/blob' }).end(),
    );
    const c = client();
    await expect(registryStore(c, f.host, 'app').getBlob(sha256('x'), 10)).rejects.toMatchObject({
      code: 'INSECURE',
    });
    expect(c.stats.requests).toBe(1);
  });
});

describe('timeouts and deadlines', () => {
  it('times out a body that drips slower than the idle timeout', async () => {
    const f = await fake((_q, res) => {
      res.writeHead(200, { 'content-type': OCI });
      res.write('{');
      const t = setInterval(() => res.write(' '), 1000);
      res.on('close', () => clearInterval(t));
    });
    const t0 = Date.now();
    await expect(
      registryStore(client({ requestTimeoutMs: 300 }), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('keeps a steady slow body alive while chunks arrive within the idle timeout', async () => {
    const bytes = manifestBytes();
    const f = await fake(async (_q, res) => {
      res.writeHead(200, { 'content-type': OCI });
      for (let i = 0; i < bytes.length; i += 64) {
        res.write(bytes.subarray(i, i + 64));
        await new Promise((r) => setTimeout(r, 60));
      }
      res.end();
    });
    expect(
      (await registryStore(client({ requestTimeoutMs: 300 }), f.host, 'app').getManifest('latest'))
        ?.digest,
    ).toBe(sha256(bytes));
  });

  it('times out a server that never sends headers', async () => {
    const f = await fake(() => undefined);
    await expect(
      registryStore(client({ requestTimeoutMs: 200 }), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(f.seen).toHaveLength(1);
  });

  it('stops at the overall deadline, also while waiting to retry', async () => {
    const f = await fake((_q, res) => res.writeHead(429, { 'retry-after': '5' }).end());
    const t0 = Date.now();
    await expect(
      registryStore(client({ signal: AbortSignal.timeout(400) }), f.host, 'app').getManifest(
        'latest',
      ),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('the lean request path: undici timeouts and declared lengths (issue 15)', () => {
  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    // Headers promise 5 MiB, then the server stalls: reading would wait for the idle timeout.
    const f = await fake((_q, res) => {
      res.writeHead(200, { 'content-type': OCI, 'content-length': String(5 * 1024 * 1024) });
      res.write('{');
    });
    const t0 = Date.now();
    await expect(
      registryStore(client({ requestTimeoutMs: 5000 }), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('charges a declared length to the byte budget before reading the body', async () => {
    const big = randomBytes(64 * 1024);
    const f = await fake((_q, res) => res.end(big));
    const store = registryStore(client(), f.host, 'app');
    await expect(
      withByteBudget(nestedBudget('image test', 16 * 1024), () =>
        store.getBlob(sha256(big), 1024 * 1024),
      ),
    ).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('cuts a long error body with a Content-Length silently and keeps the status', async () => {
    const f = await fake((_q, res) => {
      const body = Buffer.alloc(512 * 1024, 0x20);
      res.writeHead(404, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
    expect(await registryStore(client(), f.host, 'app').getManifest('latest')).toBeUndefined();
  });

  it('times out a HEAD that never answers', async () => {
    const f = await fake((req, res) => {
      if (req.method !== 'HEAD') sendJson(res, manifestBytes(), OCI);
    });
    await expect(
      registryStore(client({ requestTimeoutMs: 200 }), f.host, 'app').resolve('latest'),
    ).rejects.toMatchObject({ code: 'TIMEOUT', message: /sent nothing for 200 ms \(HEAD / });
  });

  it('times out the second request on a kept-alive connection', async () => {
    const bytes = manifestBytes();
    let n = 0;
    const f = await fake((_q, res) => {
      if (n++ === 0) sendJson(res, bytes, OCI);
    });
    const store = registryStore(client({ requestTimeoutMs: 200 }), f.host, 'app');
    expect((await store.getManifest('latest'))?.digest).toBe(sha256(bytes));
    await expect(store.getManifest('latest')).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('ends a body read at the run deadline as TIMEOUT (deadline), not as an idle timeout', async () => {
    const f = await fake((_q, res) => {
      res.writeHead(200, { 'content-type': OCI });
      res.write('{');
      const t = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(t));
    });
    const t0 = Date.now();
    await expect(
      registryStore(
        client({ requestTimeoutMs: 5000, signal: AbortSignal.timeout(300) }),
        f.host,
        'app',
      ).getManifest('latest'),
    ).rejects.toMatchObject({ code: 'TIMEOUT', message: /deadline reached/ });
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('ends every request in flight at the deadline, fails later ones as the deadline, and closes', async () => {
    // Nothing ever answers: only the deadline can end these requests (the idle timeout is 30 s).
    const f = await fake(() => undefined);
    const deadline = new AbortController();
    const c = client({ requestTimeoutMs: 30_000, signal: deadline.signal });
    const store = registryStore(c, f.host, 'app');
    const inFlight = ['a', 'b', 'c', 'd'].map((t) => store.getManifest(t));
    for (const p of inFlight) p.catch(() => undefined);
    for (let i = 0; i < 100 && f.seen.length < 4; i++) await new Promise((r) => setTimeout(r, 10));
    expect(f.seen).toHaveLength(4);
    const t0 = Date.now();
    deadline.abort(new Error('run deadline'));
    for (const p of inFlight)
      await expect(p).rejects.toMatchObject({ code: 'TIMEOUT', message: /deadline reached/ });
    expect(Date.now() - t0).toBeLessThan(2000);
    // A request made after it fails the same way, at once, and never reaches the registry.
    const t1 = Date.now();
    await expect(store.getManifest('e')).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: /deadline reached/,
    });
    expect(Date.now() - t1).toBeLessThan(500);
    expect(f.seen).toHaveLength(4);
    await c.close();
  });

  it('still ends requests at the deadline while close() waits for them', async () => {
    // One request hangs, one drips its body: close() waits for both until the deadline.
    const f = await fake((q, res) => {
      if (q.url?.endsWith('/drip')) {
        res.writeHead(200, { 'content-type': OCI });
        res.write('{');
        const t = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(t));
      }
    });
    const deadline = new AbortController();
    const c = client({ requestTimeoutMs: 30_000, signal: deadline.signal });
    const store = registryStore(c, f.host, 'app');
    const pending = [store.getManifest('hang'), store.getManifest('drip')];
    for (const p of pending) p.catch(() => undefined);
    for (let i = 0; i < 100 && f.seen.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    const closed = c.close();
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    deadline.abort(new Error('run deadline'));
    await closed;
    for (const p of pending)
      await expect(p).rejects.toMatchObject({ code: 'TIMEOUT', message: /deadline reached/ });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('puts one abort listener on the deadline for the whole client, not one per request', async () => {
    let answer: () => void = () => undefined;
    const gate = new Promise<void>((r) => (answer = r));
    const bytes = manifestBytes();
    const f = await fake((_q, res) => void gate.then(() => sendJson(res, bytes, OCI)));
    const deadline = new AbortController();
    const listeners = () => getEventListeners(deadline.signal, 'abort').length;
    const before = listeners();
    // Eight at a time: the client's default connections and window, so none waits in a queue
    // (a waiter holds a listener of its own until its turn).
    const store = registryStore(
      client({ signal: deadline.signal, maxConnectionsPerOrigin: 8, concurrencyPerRegistry: 8 }),
      f.host,
      'app',
    );
    expect(listeners()).toBe(before + 1);
    const pending = Array.from({ length: 8 }, (_, i) => store.getManifest(`t${i}`));
    try {
      for (let i = 0; i < 100 && f.seen.length < 8; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(f.seen).toHaveLength(8);
      expect(listeners()).toBe(before + 1);
    } finally {
      answer();
    }
    for (const p of pending) expect((await p)?.digest).toBe(sha256(bytes));
  });
});

describe('token flow', () => {
  function tokenRegistry(
    tokenBody: (req: { url: string }) => { status?: number; body: string },
  ): Promise<FakeRegistry> {
    let self: FakeRegistry | undefined;
    const handler: FakeHandler = (req, res) => {
      if (req.url!.startsWith('/token')) {
        const t = tokenBody({ url: req.url! });
        res.writeHead(t.status ?? 200, { 'content-type': 'application/json' }).end(t.body);
      } else if (req.headers.authorization !== 'Bearer good-token') {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="${self!.origin}/token",service="fake",scope="repository:app:pull"`,
          })
          .end();
      } else {
        sendJson(res, manifestBytes(), OCI);
      }
    };
    return fake(handler).then((f) => (self = f));
  }

  it.each([
    ['token', { token: 'good-token' }],
    ['access_token', { access_token: 'good-token' }],
  ])('accepts a token sent only as %s', async (_n, body) => {
    const f = await tokenRegistry(() => ({ body: JSON.stringify(body) }));
    expect(await registryStore(client(), f.host, 'app').getManifest('latest')).toBeDefined();
    const tokenReq = f.seen.find((s) => s.url.startsWith('/token'))!;
    expect(new URL(tokenReq.url, 'http://x').searchParams.get('scope')).toBe('repository:app:pull');
    expect(new URL(tokenReq.url, 'http://x').searchParams.get('service')).toBe('fake');
    expect(tokenReq.headers.authorization).toBeUndefined(); // anonymous: no credentials configured
  });

  it('reuses one token for many requests and never logs it', async () => {
    const f = await tokenRegistry(() => ({
      body: JSON.stringify({ token: 'good-token', expires_in: 300 }),
    }));
    const logs: string[] = [];
    const store = registryStore(client({ log: (m) => logs.push(m) }), f.host, 'app');
    await Promise.all([store.getManifest('a'), store.getManifest('b'), store.getManifest('c')]);
    await store.getManifest('d');
    expect(f.seen.filter((s) => s.url.startsWith('/token'))).toHaveLength(1);
    expect(logs.join('\n')).not.toContain('good-token');
  });

  it.each([
    ['not JSON', { body: 'nope' }, 'REGISTRY_ERROR'],
    ['no token field', { body: '{"expires_in":60}' }, 'REGISTRY_ERROR'],
    [
      'a token with a newline',
      { body: JSON.stringify({ token: 'a\r\nX-Evil: 1' }) },
      'REGISTRY_ERROR',
    ],
    ['401 from the token service', { status: 401, body: '{}' }, 'AUTH_REFUSED'],
    ['403 from the token service', { status: 403, body: '{}' }, 'AUTH_REFUSED'],
  ])('fails on a token response with %s', async (_n, answer, code) => {
    const f = await tokenRegistry(() => answer);
    await expect(
      registryStore(client(), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code,
    });
  });

  it('refuses a token the registry then rejects, after one fresh try', async () => {
    const f: FakeRegistry = await fake((req, res) => {
      if (req.url!.startsWith('/token')) sendJson(res, '{"token":"useless"}', 'application/json');
      else res.writeHead(401, { 'www-authenticate': `Bearer realm="${f.origin}/token"` }).end();
    });
    await expect(
      registryStore(client(), f.host, 'app').getManifest('latest'),
    ).rejects.toMatchObject({
      code: 'AUTH_REFUSED',
    });
    expect(f.seen.filter((s) => !s.url.startsWith('/token'))).toHaveLength(2);
  });
});

describe('referrers', () => {
  const subject = sha256('subject');
  const bundleType = 'application/vnd.dev.sigstore.bundle.v0.3+json';
  const entry = (i: number, artifactType: string) => ({
    mediaType: OCI,
    digest: sha256(`r${i}`),
    size: 10,
    artifactType,
  });
  const index = (manifests: unknown[]) =>
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests });
  const sendIndex = (res: ServerResponse, body: string, extra: Record<string, string> = {}) =>
    sendJson(res, body, MEDIA_TYPES.ociIndex, extra);

  it('filters by artifactType itself when the registry did not, and sends the filter', async () => {
    const f = await fake((_q, res) =>
      sendIndex(
        res,
        index([entry(1, bundleType), entry(2, 'application/spdx+json'), entry(3, bundleType)]),
      ),
    );
    const got = await registryStore(client(), f.host, 'app').getReferrers!(subject, bundleType);
    expect(got?.map((d) => d.digest)).toEqual([sha256('r1'), sha256('r3')]);
    expect(f.seen[0].url).toBe(
      `/v2/app/referrers/${subject}?artifactType=${encodeURIComponent(bundleType)}`,
    );
  });

  it('still filters when the registry claims OCI-Filters-Applied', async () => {
    const f = await fake((_q, res) =>
      sendIndex(res, index([entry(1, 'other')]), { 'oci-filters-applied': 'artifactType' }),
    );
    expect(await registryStore(client(), f.host, 'app').getReferrers!(subject, bundleType)).toEqual(
      [],
    );
  });

  it('follows Link rel="next" pages on the same registry', async () => {
    const f = await fake((req, res) => {
      if (req.url!.includes('last=')) sendIndex(res, index([entry(2, bundleType)]));
      else
        sendIndex(res, index([entry(1, bundleType)]), {
          link: `</v2/app/referrers/${subject}?n=1&last=r1>; rel="next"`,
        });
    });
    expect(
      (await registryStore(client(), f.host, 'app').getReferrers!(subject))?.map((d) => d.digest),
    ).toEqual([sha256('r1'), sha256('r2')]);
    expect(f.seen).toHaveLength(2);
  });

  it('refuses a next-page link to another origin', async () => {
    const f = await fake((_q, res) =>
      sendIndex(res, index([]), {
        link: `<http://127.0.0.2:1/v2/app/referrers/${subject}>; rel="next"`,
      }),
    );
    await expect(
      registryStore(client(), f.host, 'app').getReferrers!(subject),
    ).rejects.toMatchObject({
      code: 'REGISTRY_ERROR',
    });
    expect(f.seen).toHaveLength(1);
  });

  it('stops at a page chain that never ends', async () => {
    const f = await fake((_q, res) =>
      sendIndex(res, index([]), {
        link: `</v2/app/referrers/${subject}?last=${Math.random()}>; rel="next"`,
      }),
    );
    await expect(
      registryStore(client(), f.host, 'app').getReferrers!(subject),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });

  it(`fails with LIMIT_EXCEEDED past ${MAX_REFERRERS} entries`, async () => {
    const many = Array.from({ length: MAX_REFERRERS + 1 }, (_v, i) => entry(i, bundleType));
    const f = await fake((_q, res) => sendIndex(res, index(many)));
    await expect(
      registryStore(client(), f.host, 'app').getReferrers!(subject),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });

  it('counts the limit across pages', async () => {
    const half = Array.from({ length: MAX_REFERRERS / 2 + 1 }, (_v, i) => entry(i, bundleType));
    const f = await fake((req, res) =>
      sendIndex(
        res,
        index(half),
        req.url!.includes('last=')
          ? {}
          : { link: `</v2/app/referrers/${subject}?last=x>; rel="next"` },
      ),
    );
    await expect(
      registryStore(client(), f.host, 'app').getReferrers!(subject),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });

  it('rejects a referrer entry with a malformed digest', async () => {
    const f = await fake((_q, res) =>
      sendIndex(res, index([{ mediaType: OCI, digest: 'sha256:../../x', size: 1 }])),
    );
    await expect(
      registryStore(client(), f.host, 'app').getReferrers!(subject),
    ).rejects.toMatchObject({
      code: 'MALFORMED',
    });
  });

  it('returns undefined on 404 (no referrers API)', async () => {
    const f = await fake((_q, res) => res.writeHead(404).end('404 page not found'));
    expect(await registryStore(client(), f.host, 'app').getReferrers!(subject)).toBeUndefined();
  });
});
