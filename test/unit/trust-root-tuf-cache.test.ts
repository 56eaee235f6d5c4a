// The TUF client against a real TUF repository on loopback: a cache seeded from an earlier run
// saves fetches, a mirror that cannot be reached falls back to that cache only while its
// metadata verifies and is unexpired (with a warning), and the seed never supplies the root.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { loadTrustedRoot, type LoadTrustedRootOptions } from '../../src/core/trust/root.js';
import { seedTufCache, tufRepoDir } from '../../src/core/trust/tuf-cache.js';
import { startTufRepo, type TufRepo } from '../helpers/tuf-repo.js';

const TRUSTED_ROOT = join(import.meta.dirname, '../../examples/trusted_root.json');
const DAY = 24 * 60 * 60 * 1000;

let repo: TufRepo;
let rootFile: string;
let expected: unknown;

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tuf-cache-'));
}

beforeAll(async () => {
  const bytes = await readFile(TRUSTED_ROOT);
  // As the loader returns it: through the protobuf-specs JSON mapping.
  expected = TrustedRoot.toJSON(TrustedRoot.fromJSON(JSON.parse(bytes.toString('utf8'))));
  repo = await startTufRepo(bytes);
  rootFile = join(await tempDir(), 'root.json');
  await writeFile(rootFile, repo.rootJson);
});
afterAll(async () => {
  await repo.close();
});

function opts(cacheDir: string, more: Partial<LoadTrustedRootOptions> = {}) {
  const warnings: string[] = [];
  return {
    warnings,
    o: {
      tufMirrorUrl: repo.url,
      tufRootPath: rootFile,
      cacheDir,
      fetchTimeoutMs: 1000,
      fetchRetries: 0,
      warnings,
      ...more,
    } satisfies LoadTrustedRootOptions,
  };
}

/** A cache filled by one successful run, as the Action saves it (the mirror's directory). */
async function savedCache(): Promise<string> {
  const cacheDir = await tempDir();
  await loadTrustedRoot(opts(cacheDir).o);
  const saved = await tempDir();
  await cp(tufRepoDir(cacheDir, repo.url), saved, { recursive: true });
  return saved;
}

async function rejection(p: Promise<unknown>): Promise<GateError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GateError);
  return e as GateError;
}

async function withMirrorDown<T>(work: () => Promise<T>): Promise<T> {
  await repo.down();
  try {
    return await work();
  } finally {
    await repo.up();
  }
}

describe('TUF cache seeded from an earlier run', () => {
  it('a cold cache fetches root, timestamp, snapshot, targets and the target; a seeded one only root and timestamp', async () => {
    repo.resetCount();
    const { o, warnings } = opts(await tempDir());
    expect(await loadTrustedRoot(o)).toEqual(expected);
    expect(repo.requests).toEqual([
      '/2.root.json',
      '/timestamp.json',
      '/1.snapshot.json',
      '/1.targets.json',
      expect.stringMatching(/^\/targets\/[0-9a-f]{64}\.trusted_root\.json$/),
    ]);
    expect(warnings).toEqual([]);

    const saved = await savedCache();
    const fresh = opts(await tempDir());
    expect(await seedTufCache(fresh.o, saved)).toBe('seeded');
    repo.resetCount();
    expect(await loadTrustedRoot(fresh.o)).toEqual(expected);
    expect(repo.requests).toEqual(['/2.root.json', '/timestamp.json']);
    expect(fresh.warnings).toEqual([]);
  });

  it('with the mirror down, a seeded cache still gives the root, with a warning naming the mirror and the expiry', async () => {
    const saved = await savedCache();
    const { o, warnings } = opts(await tempDir());
    await seedTufCache(o, saved);
    const root = await withMirrorDown(() => loadTrustedRoot(o));
    expect(root).toEqual(expected);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`TUF update from ${repo.url} failed`);
    expect(warnings[0]).toMatch(
      /using the TUF metadata an earlier run cached, verified and valid until 20\d\d-/,
    );
  });

  it('with a mirror that does not answer in time, the seeded cache is used', async () => {
    const saved = await savedCache();
    const hang = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hang.address() as { port: number }).port}`;
    try {
      // The same repository's metadata, cached under the slow mirror's name.
      const cacheDir = await tempDir();
      const { o, warnings } = opts(cacheDir, { tufMirrorUrl: url, fetchTimeoutMs: 300 });
      await seedTufCache(o, saved);
      expect(await loadTrustedRoot(o)).toEqual(expected);
      expect(warnings[0]).toMatch(/failed .*(timeout|aborted)/i);
    } finally {
      hang.closeAllConnections();
      await new Promise<void>((r) => hang.close(() => r()));
    }
  });

  it('with the mirror down and nothing cached, it is a TRUST_ROOT error', async () => {
    const { o } = opts(await tempDir());
    const e = await withMirrorDown(() => rejection(loadTrustedRoot(o)));
    expect(e.code).toBe('TRUST_ROOT');
    expect(e.message).toContain(`TUF update from ${repo.url} failed`);
    expect(e.message).toMatch(/no unexpired cached TUF metadata/);
  });

  it.each([
    [
      'an expired cached timestamp',
      'timestamp.json',
      () => repo.timestampExpiring(new Date(Date.now() - DAY)),
    ],
    [
      'a cached timestamp not signed by the timestamp key',
      'timestamp.json',
      () => {
        const t = JSON.parse(repo.timestampExpiring(new Date(Date.now() + DAY)).toString()) as {
          signed: { version: number };
        };
        t.signed.version = 7; // the signature no longer covers it
        return Buffer.from(JSON.stringify(t));
      },
    ],
    [
      'a cached trusted_root.json that is not the one targets names',
      'trusted_root.json',
      () => Buffer.from(JSON.stringify({ ...(expected as object), tlogs: [] })),
    ],
  ])('with the mirror down, %s is refused (TRUST_ROOT), never used', async (_what, file, bytes) => {
    const saved = await savedCache();
    await writeFile(
      file === 'trusted_root.json' ? join(saved, 'targets', file) : join(saved, file),
      bytes(),
    );
    const { o, warnings } = opts(await tempDir());
    await seedTufCache(o, saved);
    const e = await withMirrorDown(() => rejection(loadTrustedRoot(o)));
    expect(e.code).toBe('TRUST_ROOT');
    expect(e.message).toMatch(/no unexpired cached TUF metadata/);
    expect(warnings).toEqual([]);
  });

  it('with the mirror down, an expired initial root is refused even with a good cache', async () => {
    const saved = await savedCache();
    const expiredRoot = join(await tempDir(), 'root.json');
    await writeFile(expiredRoot, repo.rootExpiring(new Date(Date.now() - DAY)));
    const { o } = opts(await tempDir(), { tufRootPath: expiredRoot });
    await seedTufCache(o, saved);
    const e = await withMirrorDown(() => rejection(loadTrustedRoot(o)));
    expect(e.code).toBe('TRUST_ROOT');
    expect(e.message).toMatch(/expired/);
  });

  it('a root.json planted in the seed is not used: the seed never supplies the trust anchor', async () => {
    // Another repository (other keys) with another trusted root, cached whole, root included.
    const other = await startTufRepo(
      Buffer.from(JSON.stringify({ ...(expected as object), ctlogs: [] })),
    );
    try {
      const otherRoot = join(await tempDir(), 'root.json');
      await writeFile(otherRoot, other.rootJson);
      const otherCache = await tempDir();
      await loadTrustedRoot({
        tufMirrorUrl: other.url,
        tufRootPath: otherRoot,
        cacheDir: otherCache,
      });
      const planted = await tempDir();
      await cp(tufRepoDir(otherCache, other.url), planted, { recursive: true });

      const { o, warnings } = opts(await tempDir());
      expect(await seedTufCache(o, planted)).toBe('seeded');
      expect(await readFile(join(tufRepoDir(o.cacheDir, repo.url), 'root.json'))).toEqual(
        repo.rootJson,
      );
      const e = await withMirrorDown(() => rejection(loadTrustedRoot(o)));
      expect(e.code).toBe('TRUST_ROOT');
      expect(warnings).toEqual([]);
      // With the mirror up, the planted metadata is replaced by the repository's own.
      expect(await loadTrustedRoot(opts(o.cacheDir).o)).toEqual(expected);
    } finally {
      await other.close();
    }
  });

  it('a cache that already has a root.json (an earlier step of the job) is kept as it is', async () => {
    const saved = await savedCache();
    const cacheDir = await tempDir();
    await loadTrustedRoot(opts(cacheDir).o);
    expect(await seedTufCache(opts(cacheDir).o, saved)).toBe('kept');
  });

  it('a mirror with no initial root known (no tuf-root, not public-good) is not seeded', async () => {
    const saved = await savedCache();
    expect(await seedTufCache({ cacheDir: await tempDir(), tufMirrorUrl: repo.url }, saved)).toBe(
      'no-anchor',
    );
  });

  it('metadata that does not verify from a reachable mirror is an error, not a fallback', async () => {
    // A mirror that answers with the timestamp of other keys: an attack or a broken repository.
    const saved = await savedCache();
    const other = await startTufRepo(await readFile(TRUSTED_ROOT));
    try {
      const cacheDir = await tempDir();
      const { o, warnings } = opts(cacheDir, { tufMirrorUrl: other.url });
      await seedTufCache(o, saved);
      const e = await rejection(loadTrustedRoot(o));
      expect(e.code).toBe('TRUST_ROOT');
      expect(e.message).not.toMatch(/no unexpired cached/);
      expect(warnings).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('tuf-mirror and tuf-root exclude trusted-root and offline', async () => {
    for (const o of [
      { offline: true, tufMirrorUrl: repo.url },
      { trustedRootPath: TRUSTED_ROOT, tufRootPath: rootFile },
    ]) {
      const e = await rejection(loadTrustedRoot(o));
      expect(e.code).toBe('USAGE');
      expect(e.message).toMatch(/tuf-mirror and tuf-root .* exclude trusted-root and offline/);
    }
  });

  it('a tuf-root that cannot be read is a TRUST_ROOT error naming it', async () => {
    const e = await rejection(
      loadTrustedRoot(opts(await tempDir(), { tufRootPath: '/nonexistent/root.json' }).o),
    );
    expect(e.code).toBe('TRUST_ROOT');
    expect(e.message).toMatch(/^tuf-root: cannot read \/nonexistent\/root\.json/);
  });
});
