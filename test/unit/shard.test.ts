// Issue 15 item 5, deterministic sharding: the bucket function (pinned, recomputed here with
// node:crypto, even over many references), the canonical key it hashes (one spelling per image,
// digest references by their digest), the strict `I/N` parser, and the split itself: every image
// in exactly one shard for N = 1..7, duplicates collapsed first, the same set digest in every
// shard whatever the list's order.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalReference,
  parseShard,
  selectShard,
  shardBucket,
  shardKey,
  shardSetDigest,
} from '../../src/core/shard.js';
import { reportOutcome } from '../../src/core/report-outcome.js';

/** The documented bucket, computed here without the module: sha256, first 8 bytes BE, mod N, +1. */
function bucket(key: string, n: number): number {
  const hex = createHash('sha256').update(Buffer.from(key, 'utf8')).digest('hex');
  return Number(BigInt(`0x${hex.slice(0, 16)}`) % BigInt(n)) + 1;
}

const D = `sha256:${'ab'.repeat(32)}`;
const refs = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `ghcr.io/acme/svc-${i}:v${i % 13}`);

describe('shardBucket', () => {
  it.each([
    ['index.docker.io/library/nginx:latest', 3],
    ['ghcr.io/acme/app:v1', 2],
    [`ghcr.io/acme/app@${D}`, 7],
    ['oci-layout://examples/layout:signed', 5],
    ['s3://bucket/app:v1', 256],
    ['not a reference', 4],
  ])('%s into %i shards: as the documented formula gives it', (key, n) => {
    expect(shardBucket(key, n)).toBe(bucket(key, n));
  });

  it('pinned values: a change would split one list differently between versions', () => {
    const got = ['index.docker.io/library/nginx:latest', 'ghcr.io/acme/app:v1', 'a', ''].map((k) =>
      [1, 2, 3, 7, 256].map((n) => shardBucket(k, n)),
    );
    const want = ['index.docker.io/library/nginx:latest', 'ghcr.io/acme/app:v1', 'a', ''].map((k) =>
      [1, 2, 3, 7, 256].map((n) => bucket(k, n)),
    );
    expect(got).toEqual(want);
    // sha256("a") = ca978112ca1bbdca…: 0xca978112ca1bbdca mod 3 = 1 -> shard 2; mod 7 = 4 -> 5.
    expect(BigInt('0xca978112ca1bbdca') % 3n).toBe(1n);
    expect(shardBucket('a', 3)).toBe(2);
    expect(BigInt('0xca978112ca1bbdca') % 7n).toBe(4n);
    expect(shardBucket('a', 7)).toBe(5);
    // sha256("") = e3b0c44298fc1c14…: mod 2 = 0 -> shard 1; mod 256 = 0x14 = 20 -> shard 21.
    expect(shardBucket('', 2)).toBe(1);
    expect(shardBucket('', 256)).toBe(21);
    // Literal pins (2, 3, 7 and 256 shards), so the formula above cannot drift with the code.
    expect(
      [2, 3, 7, 256].map((n) => shardBucket('index.docker.io/library/nginx:latest', n)),
    ).toEqual([1, 3, 4, 191]);
    expect([2, 3, 7, 256].map((n) => shardBucket('ghcr.io/acme/app:v1', n))).toEqual([1, 3, 6, 69]);
  });

  it.each([2, 3, 5, 7])('spreads 1000 references evenly over %i shards (within 20%%)', (n) => {
    const counts = new Array<number>(n + 1).fill(0);
    for (const r of refs(1000)) counts[shardBucket(shardKey(r), n)]!++;
    expect(counts[0]).toBe(0);
    for (let i = 1; i <= n; i++) {
      expect(counts[i]).toBeGreaterThan((1000 / n) * 0.8);
      expect(counts[i]).toBeLessThan((1000 / n) * 1.2);
    }
  });
});

describe('the canonical reference sharded on', () => {
  it.each([
    [
      'Docker Hub spellings',
      [
        'nginx',
        'nginx:latest',
        'library/nginx',
        'docker.io/library/nginx',
        'DOCKER.IO/library/nginx:latest',
        'index.docker.io/library/nginx',
        'registry-1.docker.io/library/nginx:latest',
      ],
      'index.docker.io/library/nginx:latest',
    ],
    [
      'registry case and default port',
      ['ghcr.io/acme/app:v1', 'GHCR.IO/acme/app:v1', 'ghcr.io:443/acme/app:v1'],
      'ghcr.io/acme/app:v1',
    ],
    ['a digest reference', [`ghcr.io/acme/app@${D}`], `ghcr.io/acme/app@${D}`],
  ])('%s are one reference', (_what, spellings, canonical) => {
    for (const s of spellings) expect(canonicalReference(s), s).toBe(canonical);
    for (const n of [2, 3, 7]) {
      const got = new Set(spellings.map((s) => shardBucket(shardKey(s), n)));
      expect(got.size).toBe(1);
    }
  });

  it('a digest reference is sharded by its digest form, whatever tag it also names', () => {
    expect(shardKey(`ghcr.io/acme/app:v1@${D}`)).toBe(`ghcr.io/acme/app@${D}`);
    expect(shardKey(`GHCR.io/acme/app@${D}`)).toBe(`ghcr.io/acme/app@${D}`);
    expect(shardKey(`oci-layout://./examples//layout:x@${D}`)).toBe(
      `oci-layout://examples/layout@${D}`,
    );
    // Without a digest the tag (default latest) is part of the key.
    expect(shardKey('ghcr.io/acme/app')).toBe('ghcr.io/acme/app:latest');
    // s3lo signs tags: the tag stays.
    expect(shardKey(`s3://bucket/app:v1@${D}`)).toBe(`s3://bucket/app:v1@${D}`);
  });

  it('text that is not a reference is its own key', () => {
    expect(shardKey('UPPER/Case')).toBe('UPPER/Case');
    expect(canonicalReference('ftp://x/y')).toBe('ftp://x/y');
  });
});

describe('parseShard', () => {
  it.each([
    ['1/1', 1, 1],
    ['1/3', 1, 3],
    ['3/3', 3, 3],
    ['2/7', 2, 7],
    ['256/256', 256, 256],
  ])('%s is shard %i of %i', (v, index, count) => {
    expect(parseShard('--shard', v)).toEqual({ index, count });
  });

  it.each([
    ['0/3', /is not a shard/],
    ['4/3', /names shard 4 of only 3/],
    ['1/0', /is not a shard/],
    ['a/b', /is not a shard/],
    ['1/3/4', /is not a shard/],
    [' 1/3', /is not a shard/],
    ['1/3 ', /is not a shard/],
    ['1 /3', /is not a shard/],
    ['01/3', /is not a shard/],
    ['+1/3', /is not a shard/],
    ['-1/3', /is not a shard/],
    ['1.0/3', /is not a shard/],
    ['1', /is not a shard/],
    ['/3', /is not a shard/],
    ['1/', /is not a shard/],
    ['', /is not a shard/],
    ['1/257', /has more than 256 shards/],
    ['1/9999', /is not a shard/],
    ['١/٣', /is not a shard/],
  ])("'%s' is refused naming the option and the value", (v, why) => {
    const quoted = v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    expect(() => parseShard('--shard', v)).toThrow(new RegExp(`^--shard: '${quoted}' `));
    expect(() => parseShard('shard', v)).toThrow(why);
    expect(() => parseShard('shard', v)).toThrow(/expected I\/N, e\.g\. 1\/3/);
  });
});

describe('selectShard', () => {
  const list = [
    ...refs(40),
    'nginx',
    'docker.io/library/nginx:latest',
    `ghcr.io/acme/app:v1@${D}`,
    `ghcr.io/acme/app@${D}`,
    'oci-layout://examples/layout:signed',
    's3://bucket/app:v1',
    'Not A Reference',
  ];
  const distinct = list.filter((i) => i !== 'docker.io/library/nginx:latest');

  it.each([1, 2, 3, 4, 5, 6, 7])(
    'N=%i: every image in exactly one shard, the same list info in each',
    (n) => {
      const shards = Array.from({ length: n }, (_, i) =>
        selectShard(list, { index: i + 1, count: n }),
      );
      const all = shards.flatMap((s) => s.images);
      expect(all.length).toBe(distinct.length);
      expect(new Set(all)).toEqual(new Set(distinct));
      for (const [i, s] of shards.entries()) {
        expect(s.info).toEqual({
          index: i + 1,
          count: n,
          totalImages: distinct.length,
          setDigest: shards[0]!.info.setDigest,
        });
        for (const image of s.images) expect(shardBucket(shardKey(image), n)).toBe(i + 1);
      }
    },
  );

  it('collapses spellings of one image before the split, keeping the first', () => {
    const s = [1, 2, 3].map((index) => selectShard(list, { index, count: 3 }));
    const nginx = s.flatMap((x) => x.images).filter((i) => i.includes('nginx'));
    expect(nginx).toEqual(['nginx']);
    // The tag of a digest reference is another reference, in the same shard as its digest.
    const app = s.findIndex((x) => x.images.includes(`ghcr.io/acme/app@${D}`));
    expect(s[app]!.images).toContain(`ghcr.io/acme/app:v1@${D}`);
  });

  it('the same list in any order, any spelling: the same shards and set digest', () => {
    const shuffled = [...list].reverse().map((i) => (i === 'nginx' ? 'docker.io/nginx' : i));
    for (const index of [1, 2, 3]) {
      const a = selectShard(list, { index, count: 3 });
      const b = selectShard(shuffled, { index, count: 3 });
      expect(b.info).toEqual(a.info);
      expect(new Set(b.images.map(canonicalReference))).toEqual(
        new Set(a.images.map(canonicalReference)),
      );
    }
  });

  it('another list has another set digest; the digest is of the sorted canonical list', () => {
    const a = selectShard(list, { index: 1, count: 3 }).info;
    const b = selectShard([...list, 'ghcr.io/acme/extra:v1'], { index: 1, count: 3 }).info;
    expect(b.setDigest).not.toBe(a.setDigest);
    expect(b.totalImages).toBe(a.totalImages + 1);
    const canon = [...new Set(list.map(canonicalReference))].sort();
    const want = createHash('sha256')
      .update(canon.map((c) => `${c}\n`).join(''))
      .digest('hex');
    expect(a.setDigest).toBe(`sha256:${want}`);
    expect(shardSetDigest([...canon].reverse())).toBe(a.setDigest);
  });

  it('a shard the list gives no image is empty, and its report passes (only sharded)', () => {
    const one = selectShard(['ghcr.io/acme/app:v1'], { index: 1, count: 2 });
    const two = selectShard(['ghcr.io/acme/app:v1'], { index: 2, count: 2 });
    const empty = one.images.length === 0 ? one : two;
    expect(empty.images).toEqual([]);
    expect(empty.info.totalImages).toBe(1);
    expect(reportOutcome({ results: [], shard: empty.info })).toBe('verified');
    expect(reportOutcome({ results: [] })).toBe('error');
    expect(
      reportOutcome({ results: [], shard: empty.info, error: { code: 'USAGE', message: 'x' } }),
    ).toBe('error');
  });
});
