// Byte budgets (issue 10 item 6): an image's budget nested in the run's, charged by every capped
// reader while in scope, and the capped file read used for trust material and bundle files.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { verifyBundleArtifact } from '../../src/core/conformance.js';
import { GateError } from '../../src/core/errors.js';
import {
  ByteBudget,
  chargeRead,
  LIMITS,
  nestedBudget,
  readFileCapped,
  withByteBudget,
} from '../../src/core/limits.js';
import { readCapped } from '../../src/core/net/read.js';
import { loadTrustedRoot } from '../../src/core/trust/root.js';

const KiB = 1024;
const chunks = (n: number, size: number): Buffer[] =>
  Array.from({ length: n }, () => Buffer.alloc(size, 0x61));

async function limitCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(GateError);
    return (e as GateError).code;
  }
}

describe('ByteBudget', () => {
  it('documents its defaults in one table: 64 MiB an image, 1 GiB a run', () => {
    expect(LIMITS.imageBytes).toBe(64 * 1024 * KiB);
    expect(LIMITS.runBytes).toBe(1024 * 1024 * KiB);
    expect(LIMITS.imageBytes).toBeGreaterThan(LIMITS.bundleBytes);
  });

  it.each([
    ['exactly the limit', [40, 60], false],
    ['one byte over, in the last charge', [40, 61], true],
    ['one large charge', [101], true],
    ['many small ones', Array<number>(101).fill(1), true],
  ])('%s: over=%s', (_n, charges, over) => {
    const b = new ByteBudget('image x', 100);
    const run = () => charges.forEach((c) => b.charge(c, 'blob y'));
    if (over)
      expect(run).toThrow(/blob y: byte budget exhausted: image x read more than 100 bytes/);
    else expect(run).not.toThrow();
  });

  it('charges the run as well as the image, so the images of a run share the run budget', () => {
    const run = new ByteBudget('run', 150);
    const a = new ByteBudget('image a', 100, run);
    const b = new ByteBudget('image b', 100, run);
    a.charge(100, 'a');
    expect(run.used).toBe(100);
    // b is well within its own budget, but the run is not.
    expect(() => b.charge(60, 'b')).toThrow(/byte budget exhausted: run read more than 150 bytes/);
  });

  it('is charged only inside its scope, and each image only for its own reads', async () => {
    const run = new ByteBudget('run', 1000);
    await withByteBudget(run, async () => {
      const a = nestedBudget('image a', 100);
      const b = nestedBudget('image b', 100);
      await Promise.all([
        withByteBudget(a, async () => {
          await new Promise((r) => setTimeout(r, 5));
          chargeRead(30, 'a1');
          chargeRead(20, 'a2');
        }),
        withByteBudget(b, async () => {
          chargeRead(7, 'b1');
          await new Promise((r) => setTimeout(r, 1));
          chargeRead(3, 'b2');
        }),
      ]);
      expect([a.used, b.used, run.used]).toEqual([50, 10, 60]);
    });
    chargeRead(1_000_000, 'outside any scope');
    expect(run.used).toBe(60);
  });
});

describe('capped readers charge the budget in scope', () => {
  it('readCapped of a Node stream (registry transport) stops mid-body once the image budget is spent', async () => {
    const budget = new ByteBudget('image x', 100 * KiB);
    let pulled = 0;
    const body = Readable.from(
      (function* () {
        for (const c of chunks(1000, 16 * KiB)) {
          pulled++;
          yield c;
        }
      })(),
    );
    const code = await limitCode(
      withByteBudget(budget, () => readCapped(body, 10 * 1024 * KiB, () => undefined, 'blob')),
    );
    expect(code).toBe('LIMIT_EXCEEDED');
    // 100 KiB is seven 16 KiB chunks; the stream is destroyed, not drained.
    expect(pulled).toBeLessThan(10);
    expect(body.destroyed).toBe(true);
  });

  it('readCapped of a web stream (GitHub API, bundle_url, Vault) stops and cancels the stream', async () => {
    const budget = new ByteBudget('image x', 50 * KiB);
    let cancelled = false;
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (i++ > 1000) c.close();
        else c.enqueue(new Uint8Array(8 * KiB));
      },
      cancel() {
        cancelled = true;
      },
    });
    const code = await limitCode(
      withByteBudget(budget, () => readCapped(body, 10 * 1024 * KiB, () => undefined, 'page')),
    );
    expect(code).toBe('LIMIT_EXCEEDED');
    expect(cancelled).toBe(true);
    expect(i).toBeLessThan(10);
  });

  it('a read within budget returns its bytes and leaves the rest of the budget', async () => {
    const budget = new ByteBudget('image x', 100 * KiB);
    const got = await withByteBudget(budget, () =>
      readCapped(Readable.from(chunks(4, 8 * KiB)), 64 * KiB, () => undefined),
    );
    expect(got).toMatchObject({ over: false });
    expect(got.bytes.length).toBe(32 * KiB);
    expect(budget.remaining).toBe(68 * KiB);
  });
});

describe('readFileCapped', () => {
  it.each([
    ['a file under the cap', 10, 100, false, 10],
    ['a file at the cap', 100, 100, false, 100],
    ['a file over the cap', 101, 100, true, 100],
  ])('%s', async (_n, size, cap, over, length) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'limits-'));
    const file = path.join(dir, 'f');
    await writeFile(file, Buffer.alloc(size, 0x62));
    const got = await readFileCapped(file, cap);
    expect(got.over).toBe(over);
    expect(got.bytes.length).toBe(length);
  });

  it('reads an endless device no further than the cap', async () => {
    const got = await readFileCapped('/dev/zero', 64 * KiB);
    expect(got.over).toBe(true);
    expect(got.bytes.length).toBe(64 * KiB);
  });
});

describe('files of trust material and evidence are read against a cap', () => {
  it('a trusted root that never ends is refused at 4 MiB (TRUST_ROOT, exit 2)', async () => {
    const err = await loadTrustedRoot({ trustedRootPath: '/dev/zero' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GateError);
    expect(err).toMatchObject({ code: 'TRUST_ROOT' });
    expect((err as GateError).message).toMatch(/\/dev\/zero is larger than 4194304 bytes/);
  }, 10_000);

  it('a verify-bundle bundle file that never ends stops at the bundle cap (LIMIT_EXCEEDED)', async () => {
    const err = await verifyBundleArtifact({
      artifact: `sha256:${'0'.repeat(64)}`,
      bundlePath: '/dev/zero',
      identity: 'someone@example.com',
      issuer: 'https://issuer.example',
      offline: true,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect((err as GateError).message).toMatch(/bundle \/dev\/zero is larger than 10485760 bytes/);
  }, 10_000);
});

describe('one table of limits', () => {
  it('the caps modules name for themselves are views of LIMITS', async () => {
    const registry = await import('../../src/core/registry/limits.js');
    const s3lo = await import('../../src/core/s3lo/object-store.js');
    const github = await import('../../src/core/sources/github-attestations.js');
    const sbom = await import('../../src/core/attestations/sbom.js');
    const vuln = await import('../../src/core/attestations/vuln.js');
    const shape = await import('../../src/core/signatures/bundle-shape.js');
    const statement = await import('../../src/core/signatures/statement.js');
    expect([
      registry.MAX_MANIFEST_BYTES,
      registry.MAX_TOKEN_BYTES,
      registry.MAX_ERROR_BODY_BYTES,
      registry.MAX_REFERRERS,
      registry.MAX_REFERRER_PAGES,
      registry.MAX_REDIRECTS,
      registry.MAX_DOCKER_CONFIG_BYTES,
      registry.MAX_CRED_HELPER_OUTPUT,
      s3lo.S3LO_LIMITS.manifestBytes,
      s3lo.S3LO_LIMITS.recordBytes,
      github.MAX_PAGES,
      github.MAX_PAGE_BYTES,
      github.MAX_BUNDLE_REDIRECTS,
      sbom.MAX_SBOM_PACKAGES,
      vuln.MAX_FINDINGS,
      shape.MAX_TLOG_ENTRIES,
      shape.MAX_TIMESTAMPS,
      statement.MAX_SUBJECTS,
      statement.MAX_DIGESTS_PER_SUBJECT,
    ]).toEqual([
      LIMITS.manifestBytes,
      LIMITS.tokenBytes,
      LIMITS.errorBodyBytes,
      LIMITS.referrers,
      LIMITS.referrerPages,
      LIMITS.registryRedirects,
      LIMITS.dockerConfigBytes,
      LIMITS.credHelperOutputBytes,
      LIMITS.manifestBytes,
      LIMITS.s3loRecordBytes,
      LIMITS.githubPages,
      LIMITS.githubPageBytes,
      LIMITS.fetchRedirects,
      LIMITS.sbomPackages,
      LIMITS.vulnFindings,
      LIMITS.tlogEntriesPerBundle,
      LIMITS.timestampsPerBundle,
      LIMITS.subjectsPerStatement,
      LIMITS.digestsPerSubject,
    ]);
  });
});
