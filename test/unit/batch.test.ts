// The batch engine over an in-memory store: input order, tag -> digest resolved once, one
// verification per repository@digest, fail-fast, the deadline, and crashes that never pass.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImagePolicy } from '../../src/core/policy/types.js';
import type { VerificationKey } from '../../src/core/trust/key-types.js';
import { isPacked } from '../../src/core/packed-results.js';
import { verifyBatch, type BatchEngine } from '../../src/core/verify/batch.js';
import { GateError } from '../../src/core/errors.js';
import { MEDIA_TYPES, type ContentStore, type FetchedManifest } from '../../src/core/types.js';
import type { CandidateVerifier } from '../../src/core/verify/context.js';

const sha = (b: Uint8Array | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** One repository in memory: manifests by tag and digest, blobs, and a log of every read. */
class MemoryStore implements ContentStore {
  readonly name = 'mem.example/app';
  readonly reads: string[] = [];
  private readonly manifests = new Map<string, FetchedManifest>();
  private readonly blobs = new Map<string, Uint8Array>();

  image(tag: string, seed: string): string {
    const m = { schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, layers: [], seed };
    const bytes = Buffer.from(JSON.stringify(m));
    const f: FetchedManifest = {
      digest: sha(bytes),
      mediaType: MEDIA_TYPES.ociManifest,
      bytes,
      manifest: { schemaVersion: 2, layers: [] },
    };
    this.manifests.set(tag, f);
    this.manifests.set(f.digest, f);
    return f.digest;
  }

  tag(tag: string, digest: string): void {
    this.manifests.set(tag, this.manifests.get(digest)!);
  }

  /** A `.sig` manifest whose one layer's payload is `payload` (the stub verifier's whole check). */
  sign(digest: string, payload = digest): void {
    const p = Buffer.from(payload);
    this.blobs.set(sha(p), p);
    const layer = { mediaType: MEDIA_TYPES.simpleSigning, digest: sha(p), size: p.length };
    const sig: FetchedManifest = {
      digest: sha(`sig ${digest}`),
      mediaType: MEDIA_TYPES.ociManifest,
      bytes: new Uint8Array(),
      manifest: { schemaVersion: 2, layers: [layer] },
    };
    this.manifests.set(`${digest.replace(':', '-')}.sig`, sig);
  }

  getManifest(reference: string): Promise<FetchedManifest | undefined> {
    this.reads.push(`manifest ${reference}`);
    return Promise.resolve(this.manifests.get(reference));
  }

  getBlob(digest: string): Promise<Uint8Array> {
    this.reads.push(`blob ${digest}`);
    const b = this.blobs.get(digest);
    return b ? Promise.resolve(b) : Promise.reject(new GateError('NOT_FOUND', `no ${digest}`));
  }
}

/** A one-rule policy (a key, nothing else asked) over the store, with a stub signature check. */
function context(store: MemoryStore, verifier: Partial<CandidateVerifier> = {}) {
  const calls: string[] = [];
  const seenS3lo: string[] = [];
  const policy: ImagePolicy = {
    name: 'options',
    match: ['**'],
    signers: { keys: [{ keyRef: 'k', keyID: 'k' } as VerificationKey], identities: [] },
    requireSignature: true,
    requireAllKeys: false,
    tlog: true,
    sct: true,
  };
  const candidates: CandidateVerifier = {
    verifyLegacy(layer, digest) {
      calls.push(digest);
      if (Buffer.from(layer.payload).toString() !== digest)
        throw new GateError('PAYLOAD_MISMATCH', `payload does not name ${digest}`);
      return { kind: 'key', format: 'legacy-tag', keyRef: 'k' };
    },
    verifyBundle() {
      throw new GateError('SIGNATURE_INVALID', 'no bundles here');
    },
    ...verifier,
  };
  const ctx: BatchEngine = {
    policy: { rules: [policy], unmatched: 'fail' },
    contextFor: (rule) => ({ policy: rule, verifier: candidates, attestationVerifier: candidates }),
    stores: {
      storeFor: () => store,
      s3lo: (ref) => {
        seenS3lo.push(ref.original);
        return { name: 'mem', getObject: () => Promise.resolve(undefined) };
      },
    },
  };
  return { ctx, calls, seenS3lo };
}

const REPO = 'reg.example/app';
const opts = { concurrency: 4, failFast: false };

describe('verifyBatch', () => {
  it('returns results in input order whatever order they finish in', async () => {
    const store = new MemoryStore();
    const tags = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const t of tags) store.sign(store.image(t, t));
    const { ctx } = context(store);
    const images = tags.map((t) => `${REPO}:${t}`);
    const results = await verifyBatch(images, ctx, opts);
    expect(results.map((r) => r.image)).toEqual(images);
    expect(results.every((r) => r.outcome === 'verified')).toBe(true);
  });

  it('verifies two tags of one digest once and reports both, each under its own name', async () => {
    const store = new MemoryStore();
    const d = store.image('v1', 'x');
    store.tag('latest', d);
    store.sign(d);
    const { ctx, calls } = context(store);
    const results = await verifyBatch([`${REPO}:v1`, `${REPO}:latest`, `${REPO}@${d}`], ctx, {
      concurrency: 3,
      failFast: false,
    });
    expect(calls).toEqual([d]);
    expect(results.map((r) => [r.image, r.outcome, r.digest, r.pinned])).toEqual([
      [`${REPO}:v1`, 'verified', d, `${REPO}@${d}`],
      [`${REPO}:latest`, 'verified', d, `${REPO}@${d}`],
      [`${REPO}@${d}`, 'verified', d, `${REPO}@${d}`],
    ]);
    expect(store.reads.filter((r) => r.endsWith('.sig'))).toHaveLength(1);
  });

  it('keeps finished results and settled dedup entries packed, a later tag of a digest verified once', async () => {
    // Flat memory (issue 15): concurrency 1, so the second and third images ask the dedup map
    // after the first entry settled, when it holds the result as text, not the promise.
    const store = new MemoryStore();
    const d = store.image('v1', 'x');
    store.tag('latest', d);
    store.sign(d);
    const { ctx, calls } = context(store);
    const stats: { dedupEntries?: number } = {};
    const images = [`${REPO}:v1`, `${REPO}:latest`, `${REPO}@${d}`];
    const results = await verifyBatch(images, ctx, { concurrency: 1, failFast: false, stats });
    expect(isPacked(results)).toBe(true);
    expect(calls).toEqual([d]);
    expect(results.map((r) => [r.image, r.outcome, r.digest])).toEqual(
      images.map((i) => [i, 'verified', d]),
    );
    // Each read is its own copy: one image's result is not another's object.
    expect(results[0].signatures).toEqual(results[1].signatures);
    expect(results[0].signatures).not.toBe(results[1].signatures);
    expect(stats.dedupEntries).toBeGreaterThan(0);
  });

  it('hands the manifest fetched for a tag to verification instead of fetching it by digest', async () => {
    const store = new MemoryStore();
    const d = store.image('v1', 'x');
    store.sign(d);
    const { ctx } = context(store);
    const [r] = await verifyBatch([`${REPO}:v1`], ctx, opts);
    expect(r.outcome).toBe('verified');
    expect(store.reads.filter((x) => x.startsWith('manifest '))).toEqual([
      'manifest v1',
      // The .sig tag is looked in first and its valid signature decides: no bundle lookup.
      `manifest ${d.replace(':', '-')}.sig`,
    ]);
  });

  it('verifies the same digest in another repository on its own (signatures live per repository)', async () => {
    const store = new MemoryStore();
    const d = store.image('v1', 'x');
    store.sign(d);
    const { ctx, calls } = context(store);
    await verifyBatch([`${REPO}:v1`, `reg.example/other:v1`], ctx, opts);
    expect(calls).toEqual([d, d]);
  });

  it('verifies every spelling of one image once and reports each as given, with its identity', async () => {
    const store = new MemoryStore();
    const d = store.image('v1', 'x');
    store.sign(d);
    const { ctx, calls } = context(store);
    const images = [
      'reg.example/app:v1',
      'REG.EXAMPLE:443/app:v1',
      'Reg.Example/app:v1',
      `reg.example:0443/app@${d}`,
      `REG.example/app:v1@${d}`,
    ];
    const results = await verifyBatch(images, ctx, { concurrency: 5, failFast: false });
    expect(calls).toEqual([d]);
    expect(store.reads.filter((r) => r === 'manifest v1')).toHaveLength(1);
    expect(results.map((r) => [r.image, r.outcome, r.pinned])).toEqual(
      images.map((i) => [i, 'verified', `${REPO}@${d}`]),
    );
    expect(results.map((r) => r.identity)).toEqual([
      `${REPO}:v1`,
      `${REPO}:v1`,
      `${REPO}:v1`,
      `${REPO}@${d}`,
      `${REPO}:v1@${d}`,
    ]);
  });

  it('verifies each spelling of an s3lo image on its own: the signed payload names the bucket as written', async () => {
    const store = new MemoryStore();
    const { ctx, seenS3lo: seen } = context(store);
    const images = ['local://store/app:v1', 'local://./store/app:v1', 'local://store/app:v1'];
    const results = await verifyBatch(images, ctx, { concurrency: 1, failFast: false });
    expect(seen).toEqual(['local://store/app:v1', 'local://./store/app:v1']);
    expect(results.map((r) => [r.image, r.identity])).toEqual(
      images.map((i) => [i, 'local://store/app:v1']),
    );
  });

  it('drops what it keeps for a tag once no later image names it, the digest entries stay (flat memory)', async () => {
    const store = new MemoryStore();
    const tags = ['a', 'b', 'c', 'd'];
    for (const t of tags) store.sign(store.image(t, t));
    const { ctx, calls } = context(store);
    const stats: { dedupEntries?: number } = {};
    const results = await verifyBatch(
      tags.map((t) => `${REPO}:${t}`),
      ctx,
      { ...opts, stats },
    );
    expect(results.every((r) => r.outcome === 'verified')).toBe(true);
    expect(calls).toHaveLength(4);
    // One entry per digest; the tag entries (a promise of each whole result) went when their
    // image finished. Before, the batch ended holding 8.
    expect(stats.dedupEntries).toBe(4);
  });

  it('still verifies a tag once when its second mention comes after the first finished', async () => {
    const store = new MemoryStore();
    for (const t of ['v1', 'x', 'y']) store.sign(store.image(t, t));
    const { ctx, calls } = context(store);
    const images = [`${REPO}:v1`, `${REPO}:x`, `${REPO}:y`, `${REPO}:v1`];
    const results = await verifyBatch(images, ctx, { concurrency: 1, failFast: false });
    expect(calls).toHaveLength(3);
    expect(store.reads.filter((r) => r === 'manifest v1')).toHaveLength(1);
    expect(results.map((r) => [r.image, r.outcome])).toEqual(images.map((i) => [i, 'verified']));
  });

  it('verifies an identical reference once', async () => {
    const store = new MemoryStore();
    store.sign(store.image('v1', 'x'));
    const { ctx, calls } = context(store);
    const results = await verifyBatch([`${REPO}:v1`, `${REPO}:v1`], ctx, opts);
    expect(calls).toHaveLength(1);
    expect(results.map((r) => r.outcome)).toEqual(['verified', 'verified']);
  });

  it.each([
    ['an unknown tag', `${REPO}:nope`, 'failed', 'NOT_FOUND'],
    ['an unsigned image', `${REPO}:unsigned`, 'failed', 'UNSIGNED'],
    ['a signature of another image', `${REPO}:copied`, 'failed', 'PAYLOAD_MISMATCH'],
    ['an unparsable reference', 'Not A Ref!!', 'error', 'REF_INVALID'],
  ])('reports %s as %s (%s)', async (_what, image, outcome, code) => {
    const store = new MemoryStore();
    store.image('unsigned', 'u');
    store.sign(store.image('copied', 'c'), sha('someone else'));
    const { ctx } = context(store);
    const [r] = await verifyBatch([image], ctx, opts);
    expect(r).toMatchObject({ image, outcome, code, verified: false });
    expect(r.reason).toBeTruthy();
  });

  it.each([
    [
      'a TypeError in the verifier',
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    ],
    ['a thrown string', 'boom'],
  ])(
    'turns %s into a rejected candidate (MALFORMED, exit 1), never a pass',
    async (_what, thrown) => {
      const store = new MemoryStore();
      store.sign(store.image('v1', 'x'));
      const { ctx } = context(store, {
        verifyLegacy: () => {
          // A library throwing a non-Error is exactly the case under test.
          // eslint-disable-next-line @typescript-eslint/only-throw-error
          throw thrown;
        },
      });
      const [r] = await verifyBatch([`${REPO}:v1`], ctx, opts);
      // Verification runs on attacker-made content only (issue 10 item 2): its throw is a verdict.
      expect(r).toMatchObject({ outcome: 'failed', code: 'MALFORMED', verified: false });
      expect(r.rejected?.[0]).toMatchObject({ code: 'MALFORMED' });
    },
  );

  it('turns a store that fails while resolving the tag into an error naming it', async () => {
    const store = new MemoryStore();
    store.getManifest = () =>
      Promise.reject(new GateError('NETWORK', 'cannot reach registry reg.example'));
    const { ctx } = context(store);
    const [r] = await verifyBatch([`${REPO}:v1`], ctx, opts);
    expect(r).toMatchObject({ outcome: 'error', code: 'NETWORK' });
    expect(r.reason).toContain('reg.example');
  });

  it('stops scheduling after the first failure with fail-fast and marks the rest skipped', async () => {
    const store = new MemoryStore();
    store.image('unsigned', 'u');
    store.sign(store.image('ok', 'o'));
    const { ctx } = context(store);
    const images = [`${REPO}:unsigned`, `${REPO}:ok`, `${REPO}:ok2`];
    const results = await verifyBatch(images, ctx, { concurrency: 1, failFast: true });
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'skipped', 'skipped']);
    expect(results[1].reason).toMatch(/fail-fast/);
  });

  it('marks images skipped once the deadline has passed', async () => {
    const store = new MemoryStore();
    store.sign(store.image('ok', 'o'));
    const { ctx } = context(store);
    const results = await verifyBatch([`${REPO}:ok`, `${REPO}:ok`], ctx, {
      concurrency: 2,
      failFast: false,
      signal: AbortSignal.abort(),
    });
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ['skipped', 'deadline reached before this image was verified'],
      ['skipped', 'deadline reached before this image was verified'],
    ]);
  });

  it('reports progress once per image with running counts', async () => {
    const store = new MemoryStore();
    store.sign(store.image('ok', 'o'));
    const { ctx } = context(store);
    const seen: Array<[number, number]> = [];
    await verifyBatch([`${REPO}:ok`, `${REPO}:nope`, `${REPO}:ok`], ctx, {
      ...opts,
      onResult: (_r, done, total) => seen.push([done, total]),
    });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('never runs more than `concurrency` verifications at once', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 20; i++) store.sign(store.image(`t${i}`, `s${i}`));
    let active = 0;
    let peak = 0;
    const get = store.getManifest.bind(store);
    store.getManifest = async (reference) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2));
      active--;
      return get(reference);
    };
    const { ctx } = context(store);
    const images = Array.from({ length: 20 }, (_, i) => `${REPO}:t${i}`);
    const results = await verifyBatch(images, ctx, { concurrency: 3, failFast: false });
    expect(results.every((r) => r.outcome === 'verified')).toBe(true);
    // Discovery reads the .sig tag and the tag index concurrently per image.
    expect(peak).toBeLessThanOrEqual(3 * 2);
    expect(peak).toBeGreaterThan(1);
  });

  // Issue 13 item 4: the rule's mode applies after the verdict, in the batch, with its clock.
  it('warn mode: failures are warned (code kept), errors stay errors, fail-fast is not tripped', async () => {
    const store = new MemoryStore();
    const good = store.image('good', 'g');
    store.sign(good);
    store.image('unsigned', 'u');
    const { ctx } = context(store);
    ctx.policy.rules[0].mode = 'warn';
    const images = [`${REPO}:unsigned`, `${REPO}:missing`, `${REPO}:good`, 'Not A Reference'];
    const results = await verifyBatch(images, ctx, { concurrency: 1, failFast: true });
    expect(results.map((r) => [r.outcome, r.code])).toEqual([
      ['warned', 'UNSIGNED'],
      ['warned', 'NOT_FOUND'],
      ['verified', undefined],
      ['error', 'REF_INVALID'],
    ]);
    expect(results.every((r) => r.outcome === 'verified' || !r.verified)).toBe(true);
  });

  it('enforce-after: the batch reads the clock of its stores once', async () => {
    const store = new MemoryStore();
    store.image('unsigned', 'u');
    const run = async (now: string) => {
      const { ctx } = context(store);
      Object.assign(ctx.policy.rules[0], {
        mode: 'warn',
        enforceAfter: new Date('2027-03-01T00:00:00Z'),
      });
      ctx.stores.now = () => new Date(now);
      return (await verifyBatch([`${REPO}:unsigned`], ctx, opts))[0];
    };
    expect(await run('2027-02-28T23:59:59Z')).toMatchObject({
      outcome: 'warned',
      code: 'UNSIGNED',
      enforceAfter: '2027-03-01',
    });
    expect(await run('2027-03-01T00:00:00Z')).toMatchObject({
      outcome: 'failed',
      code: 'UNSIGNED',
    });
  });

  it('unmatched images under unmatched: fail stay failures in warn mode (a failure of the file)', async () => {
    const store = new MemoryStore();
    store.image('unsigned', 'u');
    const { ctx } = context(store);
    ctx.policy.rules[0].mode = 'warn';
    ctx.policy.rules[0].match = ['other.example/**'];
    const [r] = await verifyBatch([`${REPO}:unsigned`], ctx, opts);
    expect(r.outcome).toBe('failed');
  });
});

describe('verifyBatch and advertised pull limits', () => {
  it("asks the budget before each image with the registry's images not yet finished (distinct)", async () => {
    const store = new MemoryStore();
    for (const t of ['a', 'b', 'c']) store.sign(store.image(t, t));
    const { ctx } = context(store);
    const asked: Array<[string, number]> = [];
    ctx.pullBudget = { admit: (registry, needed) => void asked.push([registry, needed]) };
    const images = [
      `${REPO}:a`,
      `${REPO}:b`,
      `REG.EXAMPLE/app:b`,
      `other.example/app:c`,
      `${REPO}:c`,
    ];
    const results = await verifyBatch(images, ctx, { concurrency: 1, failFast: false });
    expect(results.every((r) => r.outcome === 'verified')).toBe(true);
    // reg.example: a, b, c pending (b spelt twice counts once); the second spelling of b is
    // already verified when its turn comes, so it is not asked about.
    expect(asked).toEqual([
      ['reg.example', 3],
      ['reg.example', 2],
      ['other.example', 1],
      ['reg.example', 1],
    ]);
  });

  it('an image the budget refuses is an error (exit 2) without a request; other registries go on', async () => {
    const store = new MemoryStore();
    for (const t of ['a', 'b']) store.sign(store.image(t, t));
    const { ctx } = context(store);
    const stop = new GateError('RATE_LIMITED', 'registry reg.example has 0 pulls left');
    ctx.pullBudget = {
      admit: (registry) => {
        if (registry === 'reg.example') throw stop;
      },
    };
    const results = await verifyBatch([`${REPO}:a`, `other.example/app:b`], ctx, {
      concurrency: 1,
      failFast: false,
    });
    expect(results.map((r) => [r.outcome, r.code])).toEqual([
      ['error', 'RATE_LIMITED'],
      ['verified', undefined],
    ]);
    expect(results[0].reason).toContain('0 pulls left');
    // Nothing was read for the refused image (every read is b's: its tag, .sig and payload).
    expect(store.reads.filter((r) => r.startsWith('manifest '))).toEqual([
      'manifest b',
      `manifest ${results[1].digest!.replace(':', '-')}.sig`,
    ]);
    expect(store.reads).toHaveLength(3);
  });

  it('resolves tags by HEAD where the store counts pulls: a second tag of one digest costs no GET', async () => {
    const store = new MemoryStore();
    const d = store.image('v1', 'x');
    store.tag('latest', d);
    store.sign(d);
    const heads: string[] = [];
    const counting = Object.assign(store, {
      countsPulls: () => true,
      resolve: (tag: string) => {
        heads.push(tag);
        return store.getManifest(tag).then((f) => (f ? { digest: f.digest } : undefined));
      },
    });
    const { ctx } = context(counting);
    const results = await verifyBatch([`${REPO}:v1`, `${REPO}:latest`, `${REPO}:gone`], ctx, {
      concurrency: 1,
      failFast: false,
    });
    expect(results.map((r) => [r.outcome, r.code, r.digest])).toEqual([
      ['verified', undefined, d],
      ['verified', undefined, d],
      ['failed', 'NOT_FOUND', undefined],
    ]);
    expect(heads).toEqual(['v1', 'latest', 'gone']);
    // Reads: the HEADs (through getManifest here), the manifest by digest once, its .sig once.
    expect(store.reads.filter((r) => r === `manifest ${d}`)).toHaveLength(1);
    expect(store.reads.filter((r) => r.endsWith('.sig'))).toHaveLength(1);
  });

  it('a HEAD answered without a digest header falls back to GET, and that manifest is used', async () => {
    const store = new MemoryStore();
    const d = store.image('v1', 'x');
    store.sign(d);
    const counting = Object.assign(store, {
      countsPulls: () => true,
      resolve: (tag: string) =>
        store.getManifest(tag).then((f) => (f ? { digest: f.digest, fetched: f } : undefined)),
    });
    const { ctx } = context(counting);
    const [r] = await verifyBatch([`${REPO}:v1`], ctx, opts);
    expect(r.outcome).toBe('verified');
    expect(store.reads.filter((x) => x.startsWith('manifest '))).toEqual([
      'manifest v1',
      `manifest ${d.replace(':', '-')}.sig`,
    ]);
  });
});
