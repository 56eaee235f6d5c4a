import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { embeddedTrustedRoot, loadTrustedRoot } from '../../src/core/trust/root.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const PUBLIC_GOOD = join(FIXTURES, 'trusted-roots/public-good.trusted_root.json');

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'trust-root-'));
}

/** A loopback port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function rejection(p: Promise<unknown>): Promise<GateError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GateError);
  return e as GateError;
}

describe('loadTrustedRoot offline', () => {
  it('returns the public-good root shipped in @sigstore/tuf seeds, equal to the fixture copy', async () => {
    const fixture = JSON.parse(await readFile(PUBLIC_GOOD, 'utf8')) as unknown;
    expect(await loadTrustedRoot({ offline: true })).toEqual(fixture);
    expect(embeddedTrustedRoot()).toEqual(fixture);
  });
});

describe('loadTrustedRoot from a file', () => {
  it('reads a custom trusted root (conformance staging root)', async () => {
    const path = join(
      FIXTURES,
      'sigstore-conformance/bundle-verify/rekor2-happy-path/trusted_root.json',
    );
    const root = await loadTrustedRoot({ trustedRootPath: path, offline: true });
    expect(root.mediaType).toMatch(/trustedroot/);
    expect(JSON.stringify(root)).toContain('sigstage.dev');
  });

  it.each([
    [
      'a missing file',
      (d: string) => Promise.resolve(join(d, 'nope.json')),
      /cannot read .*nope\.json/,
    ],
    ['a file that is not JSON', async (d: string) => write(d, 'not json {'), /is not JSON/],
    ['a JSON array', async (d: string) => write(d, '[]'), /is not a JSON object/],
    [
      'a Sigstore bundle instead of a root',
      async (d: string) =>
        write(d, JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' })),
      /is not a trusted root/,
    ],
    [
      'a root with no logs or CAs',
      async (d: string) =>
        write(
          d,
          JSON.stringify({
            mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
            tlogs: [],
            certificateAuthorities: [],
          }),
        ),
      /has no transparency logs/,
    ],
    [
      'a root whose CA certificate is garbage',
      async (d: string) =>
        write(
          d,
          JSON.stringify({
            mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
            certificateAuthorities: [
              {
                certChain: { certificates: [{ rawBytes: 'AAAA' }] },
                validFor: { start: '2020-01-01T00:00:00Z' },
              },
            ],
          }),
        ),
      /does not parse/,
    ],
  ])('rejects %s with TRUST_ROOT naming the path', async (_name, make, message) => {
    const dir = await tempDir();
    const path = await make(dir);
    const e = await rejection(loadTrustedRoot({ trustedRootPath: path }));
    expect(e.code).toBe('TRUST_ROOT');
    expect(e.message).toMatch(message);
    expect(e.message).toContain(path);
  });

  async function write(dir: string, text: string): Promise<string> {
    const p = join(dir, 'root.json');
    await writeFile(p, text);
    return p;
  }
});

describe('loadTrustedRoot online (TUF)', () => {
  it('fails with TRUST_ROOT naming the mirror when the mirror has no seed and no cache', async () => {
    const mirror = `http://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const e = await rejection(loadTrustedRoot({ tufMirrorUrl: mirror, cacheDir: await tempDir() }));
    expect(e.code).toBe('TRUST_ROOT');
    expect(e.message).toContain(mirror);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails with TRUST_ROOT (no silent fallback to the embedded root) when the mirror is unreachable', async () => {
    const mirror = `http://127.0.0.1:${await closedPort()}`;
    const cacheDir = await tempDir();
    // Seed the cache with the real public-good TUF root.json so the client really goes to the network.
    const seeds = JSON.parse(
      await readFile(
        join(import.meta.dirname, '../../node_modules/@sigstore/tuf/seeds.json'),
        'utf8',
      ),
    ) as Record<string, { 'root.json': string }>;
    const repoDir = join(cacheDir, encodeURIComponent(new URL(mirror).host));
    await mkdir(join(repoDir, 'targets'), { recursive: true });
    await writeFile(
      join(repoDir, 'root.json'),
      Buffer.from(seeds['https://tuf-repo-cdn.sigstore.dev']['root.json'], 'base64'),
    );
    const started = Date.now();
    const e = await rejection(
      loadTrustedRoot({ tufMirrorUrl: mirror, cacheDir, fetchTimeoutMs: 1000, fetchRetries: 0 }),
    );
    expect(e.code).toBe('TRUST_ROOT');
    expect(e.message).toContain(mirror);
    expect(e.message).toMatch(/TUF update/);
    expect(e.message).not.toMatch(/No root.json found/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
