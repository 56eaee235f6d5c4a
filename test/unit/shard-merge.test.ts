// Issue 15 item 5, merging `shard: I/N` reports: complete sets of one list merge (an empty shard
// included, its "verified nothing" warning left out); a missing index (named), an index twice, a
// shard of another list or another N, sharded mixed with unsharded reports, results that do not
// add up to the list, and a malformed shard field are refused naming the files.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeReportFiles, mergeReports } from '../../src/core/merge.js';
import type { ImageResult, PolicySummary, Report } from '../../src/core/report.js';
import { finishReport } from '../../src/core/report-finish.js';
import { emptyShardWarning, selectShard, shardBucket, shardKey } from '../../src/core/shard.js';

const policy: PolicySummary = {
  keys: [],
  identities: [],
  requireTlog: true,
  requireSct: true,
  trustRoot: 'x',
};
const res = (image: string, outcome: ImageResult['outcome'] = 'verified'): ImageResult => ({
  image,
  identity: image,
  outcome,
  verified: outcome === 'verified',
  signatures: [],
  attestations: [],
  durationMs: 1,
});

/** The report a run with `shard: index/count` over `list` writes (every image `outcome`). */
function shardReport(
  list: string[],
  index: number,
  count: number,
  outcome: ImageResult['outcome'] = 'verified',
): Report {
  const s = selectShard(list, { index, count });
  return finishReport({
    startedAt: '2026-01-01T00:00:00Z',
    policy,
    shard: s.info,
    results: s.images.map((i) => res(i, outcome)),
    warnings: s.images.length === 0 ? [emptyShardWarning(s.info), 'root expires soon'] : [],
  });
}

const LIST = Array.from({ length: 7 }, (_, i) => `ghcr.io/acme/app-${i}:v1`);
const complete = (list = LIST, n = 3) =>
  Array.from({ length: n }, (_, i) => shardReport(list, i + 1, n));

describe('merging sharded reports', () => {
  it('merges shards 1..N of one list into one verdict over every image', () => {
    const m = mergeReports(complete(), ['s1.json', 's2.json', 's3.json']);
    expect(m.results.map((r) => r.image).sort()).toEqual([...LIST].sort());
    expect(m.outcome).toBe('verified');
    expect(m).not.toHaveProperty('shard');
    const failing = complete();
    failing[1] = shardReport(LIST, 2, 3, 'failed');
    expect(mergeReports(failing).outcome).toBe(failing[1].results.length ? 'failed' : 'verified');
  });

  it('an empty shard is complete as it is; its "verified nothing" warning is not merged', () => {
    // Two images over 5 shards: at least three shards are empty.
    const list = ['ghcr.io/acme/a:v1', 'ghcr.io/acme/b:v1'];
    const shards = Array.from({ length: 5 }, (_, i) => shardReport(list, i + 1, 5));
    const empty = shards.filter((s) => s.results.length === 0);
    expect(empty.length).toBeGreaterThanOrEqual(3);
    for (const e of empty) {
      expect(e.outcome).toBe('verified');
      expect(e.warnings?.[0]).toMatch(/^shard \d\/5: none of the 2 images of the list falls/);
    }
    const m = mergeReports(shards);
    expect(m.results.map((r) => r.image).sort()).toEqual(list);
    expect(m.warnings).toEqual(['root expires soon']);
    expect(m.outcome).toBe('verified');
  });

  it.each<[string, () => Report[], string[], RegExp]>([
    [
      'a missing shard, named',
      () => complete().slice(0, 2),
      ['s1.json', 's2.json'],
      /^merge: shard 3\/3 missing \(given: s1\.json = 1\/3, s2\.json = 2\/3\); every shard/,
    ],
    [
      'two missing shards, named',
      () => [complete(LIST, 4)[1]!, complete(LIST, 4)[3]!],
      ['b.json', 'd.json'],
      /^merge: shards 1\/4, 3\/4 missing/,
    ],
    [
      'a shard index twice (a re-run)',
      () => [...complete(), shardReport(LIST, 2, 3)],
      ['s1.json', 's2.json', 's3.json', 's2-again.json'],
      /^merge: s2\.json and s2-again\.json are both shard 2\/3; give each shard once/,
    ],
    [
      'one file twice',
      () => {
        const c = complete();
        return [c[0]!, c[1]!, c[2]!, c[1]!];
      },
      ['s1.json', 's2.json', 's3.json', 's2.json'],
      /^merge: s2\.json is given twice/,
    ],
    [
      'a shard of another list',
      () => [...complete().slice(0, 2), shardReport([...LIST, 'ghcr.io/acme/x:v1'], 3, 3)],
      ['s1.json', 's2.json', 'other.json'],
      /^merge: other\.json is a shard of another list than s1\.json \(8 images in 3 shards, set sha256:\w{64} vs 7 images in 3 shards, set sha256:\w{64}\)/,
    ],
    [
      'a shard of the same list cut into another number of shards',
      () => [...complete().slice(0, 2), shardReport(LIST, 3, 4)],
      ['s1.json', 's2.json', 'four.json'],
      /^merge: four\.json is a shard of another list than s1\.json \(7 images in 4 shards/,
    ],
    [
      'sharded and unsharded reports',
      () => [
        ...complete(),
        finishReport({ startedAt: '2026-01-01T00:00:00Z', policy, results: [res('extra')] }),
      ],
      ['s1.json', 's2.json', 's3.json', 'plain.json'],
      /^merge: s1\.json \(shard 1\/3\), s2\.json \(shard 2\/3\), s3\.json \(shard 3\/3\) are shards of a list but plain\.json is not/,
    ],
    [
      'a shard with a result removed',
      () => {
        const c = complete();
        const i = c.findIndex((r) => r.results.length > 0);
        c[i] = { ...c[i]!, results: c[i]!.results.slice(1) };
        return c;
      },
      ['s1.json', 's2.json', 's3.json'],
      /^merge: the shards hold 6 image results but their list has 7 images/,
    ],
    [
      'a result copied into another shard',
      () => {
        const c = complete();
        const from = c.findIndex((r) => r.results.length > 0);
        const to = (from + 1) % 3;
        c[to] = { ...c[to]!, results: [...c[to]!.results, c[from]!.results[0]!] };
        return c;
      },
      ['s1.json', 's2.json', 's3.json'],
      /^merge: the shards hold 8 image results but their list has 7 images \(s1\.json: \d, s2\.json: \d, s3\.json: \d\)/,
    ],
    [
      'one image in two shards (the counts still adding up)',
      () => {
        const c = complete();
        const from = c.findIndex((r) => r.results.length > 0);
        const to = c.findIndex((r, i) => i !== from && r.results.length > 0);
        c[to] = { ...c[to]!, results: [...c[to]!.results.slice(1), c[from]!.results[0]!] };
        return c;
      },
      ['s1.json', 's2.json', 's3.json'],
      /^merge: s\d\.json and s\d\.json both hold a result for "ghcr\.io\/acme\/app-\d:v1"; each image must be verified in one shard only/,
    ],
  ])('refuses %s, naming the files', (_what, reports, names, why) => {
    expect(() => mergeReports(reports(), names)).toThrow(why);
  });

  it('an empty shard edited to say failed is refused as edited', () => {
    const list = ['ghcr.io/acme/a:v1'];
    const shards = [1, 2].map((i) => shardReport(list, i, 2));
    const e = shards.findIndex((s) => s.results.length === 0);
    shards[e] = { ...shards[e]!, outcome: 'failed', verified: false };
    expect(() => mergeReports(shards, ['a.json', 'b.json'])).toThrow(
      /was edited: it says outcome "failed" \(verified false\) but its results give verified/,
    );
  });

  it('the bucket of every merged image is its shard', () => {
    for (const [i, r] of complete().entries())
      for (const x of r.results) expect(shardBucket(shardKey(x.image), 3)).toBe(i + 1);
  });
});

describe('reading a shard field from a file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'shard-merge-'));
  });

  it.each([
    ['index 0', { index: 0 }],
    ['index past count', { index: 4, count: 3 }],
    ['count over 256', { index: 1, count: 300 }],
    ['a string count', { count: '3' }],
    ['no set digest', { setDigest: undefined }],
    ['a set digest that is not sha256', { setDigest: 'md5:00' }],
    ['no images', { totalImages: 0 }],
  ])('refuses a report whose shard has %s, naming the file', async (_what, edit) => {
    const r = shardReport(LIST, 1, 3);
    const f = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(f, JSON.stringify({ ...r, shard: { ...r.shard, ...edit } }));
    await expect(mergeReportFiles([f])).rejects.toThrow(
      new RegExp(
        `^merge: ${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a valid image-gate report: shard is not`,
      ),
    );
  });

  it('an unsharded report without results is still refused', () => {
    const empty = finishReport({ startedAt: '2026-01-01T00:00:00Z', policy, results: [] });
    expect(() => mergeReports([empty], ['e.json'])).toThrow(/e\.json holds no image results/);
  });
});
