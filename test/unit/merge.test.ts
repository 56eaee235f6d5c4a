import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReports, mergeReportFiles } from '../../src/core/merge.js';
import { finishReport, type ImageResult } from '../../src/core/report.js';

const policy = { keys: [], identities: [], requireTlog: true, requireSct: true, trustRoot: 'x' };
const res = (image: string, outcome: ImageResult['outcome']): ImageResult => ({
  image,
  outcome,
  verified: outcome === 'verified',
  signatures: [],
  attestations: [],
  durationMs: 1,
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'merge-'));
  await mkdir(path.join(dir, 'shards'));
  const a = finishReport({
    startedAt: '2026-01-01T00:00:00Z',
    policy,
    results: [res('a', 'verified')],
    stats: { registryRequests: 4 },
  });
  const b = finishReport({
    startedAt: '2026-01-01T00:00:05Z',
    policy,
    results: [res('b', 'failed')],
    stats: { registryRequests: 5 },
  });
  const c = finishReport({
    startedAt: '2026-01-01T00:00:02Z',
    policy,
    results: [res('c', 'error')],
  });
  await writeFile(path.join(dir, 'shards', 'a.json'), JSON.stringify(a));
  await writeFile(path.join(dir, 'shards', 'b.json'), JSON.stringify(b));
  await writeFile(path.join(dir, 'c.json'), JSON.stringify(c));
  await writeFile(
    path.join(dir, 'bad.json'),
    JSON.stringify({
      schemaVersion: 1,
      results: [{ image: 'x', outcome: 'verified', verified: false }],
      startedAt: 'x',
      finishedAt: 'y',
    }),
  );
  await writeFile(path.join(dir, 'other.json'), JSON.stringify({ hello: 'world' }));
});

describe('merging shard reports', () => {
  it('merges a folder of reports and a file into one verdict: any failure fails', async () => {
    const m = await mergeReportFiles([path.join(dir, 'shards'), path.join(dir, 'c.json')]);
    expect(m.results.map((r) => [r.image, r.outcome])).toEqual([
      ['a', 'verified'],
      ['b', 'failed'],
      ['c', 'error'],
    ]);
    expect(m.outcome).toBe('failed');
    expect(m.stats).toEqual({ registryRequests: 9 });
    expect(m.startedAt).toBe('2026-01-01T00:00:00Z');
  });

  it('errors (not fails) when no shard failed but one errored', async () => {
    const m = await mergeReportFiles([
      path.join(dir, 'shards', 'a.json'),
      path.join(dir, 'c.json'),
    ]);
    expect(m.outcome).toBe('error');
  });

  it.each([
    ['missing.json', /no file or directory at .*missing\.json/],
    ['other.json', /is not an image-gate report/],
    ['bad.json', /results\[0\] is not a valid image result/],
  ])('refuses %s, naming it', async (name, msg) => {
    await expect(loadReports([path.join(dir, name)])).rejects.toThrow(msg);
  });

  it('refuses an empty list', async () => {
    await expect(loadReports([])).rejects.toThrow(/no report files/);
  });
});
