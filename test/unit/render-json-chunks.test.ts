import { describe, expect, it } from 'vitest';
import type { ImageResult, Report } from '../../src/core/report.js';
import { reportJson, reportJsonChunks } from '../../src/render/json.js';

const result = (i: number): ImageResult => ({
  image: `registry.example/app:v${i}`,
  digest: `sha256:${String(i).padStart(64, '0')}`,
  outcome: i % 3 === 0 ? 'failed' : 'verified',
  verified: i % 3 !== 0,
  ...(i % 3 === 0 ? { reason: 'no signature\nwith "quotes" and \u2028' } : {}),
  signatures: [{ kind: 'key', format: 'legacy-tag', keyID: `k${i}` } as never],
  attestations: [],
  durationMs: i,
});

const report = (n: number, extra: Partial<Report> = {}): Report =>
  ({
    schemaVersion: 2,
    tool: { name: 'image-gate', version: '0.1.0' },
    runId: 'r',
    policyDigest: 'sha256:00',
    startedAt: 't0',
    finishedAt: 't1',
    policy: { keys: [], identities: [], requireTlog: true, requireSct: true, trustRoot: 'x' },
    verified: false,
    outcome: 'failed',
    warnings: undefined,
    stats: { registryRequests: 3, registries: {} },
    results: Array.from({ length: n }, (_, i) => result(i)),
    ...extra,
  }) as Report;

describe('reportJsonChunks: the same bytes as reportJson, in whole-line pieces', () => {
  const cases: Array<[string, Report, number]> = [
    ['no results', report(0), 64],
    ['one result', report(1), 64],
    ['many results, small pieces', report(50), 10],
    ['many results, one piece', report(50), 1 << 30],
    [
      'members after results (a merged report)',
      report(5, { shards: [{ file: 'a', digest: 'd', signer: 's' }] }),
      100,
    ],
    [
      'members in another order',
      { results: [result(1)], schemaVersion: 2 } as unknown as Report,
      1,
    ],
    ['an empty object', {} as Report, 1],
  ];
  for (const [name, r, size] of cases)
    it(name, () => {
      const chunks = [...reportJsonChunks(r, size)];
      expect(chunks.join('')).toBe(reportJson(r));
      for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    });

  it('cuts a large report into many pieces, none far above the size asked', () => {
    const r = report(400);
    const chunks = [...reportJsonChunks(r, 4096)];
    expect(chunks.length).toBeGreaterThan(10);
    const longestResult = Math.max(...r.results.map((x) => JSON.stringify(x, null, 2).length));
    for (const c of chunks) expect(c.length).toBeLessThan(4096 + 2 * longestResult);
  });
});
