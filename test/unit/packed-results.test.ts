// A batch's finished results are kept as JSON text (src/core/packed-results.ts): the list must
// read like the array it replaces for every reader (renderers, outcome, redaction, JSON), keep
// nothing but text, and refuse writes that would otherwise be lost on a parsed copy.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPacked, mapResults, PackedResults } from '../../src/core/packed-results.js';
import type { ImageResult } from '../../src/core/report.js';
import { reportJson, reportJsonChunks } from '../../src/render/json.js';
import { SecretRegistry } from '../../src/core/secrets.js';
import { overallOutcome } from '../../src/core/report-outcome.js';

const result = (i: number, over: Partial<ImageResult> = {}): ImageResult => ({
  image: `registry.example/app-${i}:1`,
  digest: `sha256:${String(i).padStart(64, '0')}`,
  outcome: i % 3 === 0 ? 'failed' : 'verified',
  verified: i % 3 !== 0,
  signatures: [{ verified: true, where: `oci://registry.example/app-${i}` } as never],
  attestations: [],
  durationMs: i,
  ...over,
});

function packed(n: number): { list: ImageResult[]; plain: ImageResult[] } {
  const p = new PackedResults(n);
  const plain: ImageResult[] = [];
  for (let i = 0; i < n; i++) {
    const r = result(i);
    plain.push(r);
    p.set(i, r);
  }
  return { list: p.results, plain };
}

describe('packed results', () => {
  it('read as the array they replace: index, length, iteration, Array methods, JSON', () => {
    const { list, plain } = packed(7);
    expect(Array.isArray(list)).toBe(true);
    expect(isPacked(list)).toBe(true);
    expect(isPacked(plain)).toBe(false);
    expect(list.length).toBe(7);
    expect(list[3]).toEqual(plain[3]);
    expect(list[7]).toBeUndefined();
    expect([...list]).toEqual(plain);
    expect(list).toEqual(plain);
    expect(list.filter((r) => r.outcome === 'failed').map((r) => r.image)).toEqual([
      'registry.example/app-0:1',
      'registry.example/app-3:1',
      'registry.example/app-6:1',
    ]);
    expect(list.some((r) => r.durationMs === 5)).toBe(true);
    expect([...list.entries()].map(([i, r]) => `${i}:${r.durationMs}`)).toEqual(
      plain.map((r, i) => `${i}:${r.durationMs}`),
    );
    expect(JSON.stringify(list)).toBe(JSON.stringify(plain));
    expect(Object.keys(list)).toEqual(Object.keys(plain));
  });

  it('write the same report JSON, whole and in pieces', () => {
    const { list, plain } = packed(50);
    const report = { schemaVersion: 1, results: list } as never;
    const same = { schemaVersion: 1, results: plain } as never;
    expect(reportJson(report)).toBe(reportJson(same));
    expect([...reportJsonChunks(report, 512)].join('')).toBe(reportJson(same));
  });

  it('give a fresh copy at each read and refuse writes, which would be lost', () => {
    const { list } = packed(3);
    expect(list[1]).not.toBe(list[1]);
    expect(() => {
      (list as ImageResult[])[1] = result(9);
    }).toThrow(/read-only/);
    expect(() => list.push(result(9))).toThrow(/read-only/);
    expect(() => list.sort()).toThrow(/read-only/);
    expect(list.length).toBe(3);
  });

  it('map lazily, composing in order, and stay packed', () => {
    const { list, plain } = packed(4);
    let calls = 0;
    const tagged = mapResults(list, (r) => {
      calls++;
      return { ...r, reason: `${r.reason ?? ''}a` };
    });
    expect(calls).toBe(0);
    const twice = mapResults(tagged, (r) => ({ ...r, reason: `${r.reason ?? ''}b` }));
    expect(isPacked(twice)).toBe(true);
    expect(twice[2].reason).toBe('ab');
    expect(calls).toBe(1);
    expect(list[2].reason).toBeUndefined();
    // A plain array is mapped at once, as Array.prototype.map does.
    expect(mapResults(plain, (r) => ({ ...r, durationMs: 0 })).map((r) => r.durationMs)).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it('are redacted as they are read, including secrets learned after packing', () => {
    const secrets = new SecretRegistry();
    const p = new PackedResults(2);
    p.set(0, result(0, { reason: 'token s3cr3t-value-123 was refused' }));
    p.set(1, result(1));
    const report = { results: p.results };
    secrets.add('s3cr3t-value-123');
    const red = secrets.redactDeep(report);
    expect(isPacked(red.results)).toBe(true);
    expect(red.results[0].reason).toBe('token *** was refused');
    expect(JSON.stringify(red)).not.toContain('s3cr3t');
  });
});

describe('the verdict of a packed list', () => {
  const OUTCOMES: ImageResult['outcome'][] = [
    'verified',
    'failed',
    'error',
    'skipped',
    'warned',
    'allowed',
  ];

  it('is the verdict of the same results as a plain array, for every mix of outcomes up to 3', () => {
    const mixes: ImageResult['outcome'][][] = [[]];
    for (let n = 0; n < 3; n++)
      for (const m of [...mixes]) for (const o of OUTCOMES) mixes.push([...m, o]);
    for (const mix of mixes) {
      const p = new PackedResults(mix.length);
      const plain = mix.map((outcome, i) => result(i, { outcome }));
      plain.forEach((r, i) => p.set(i, r));
      expect(overallOutcome(p.results), mix.join(',')).toBe(overallOutcome(plain));
      // Through a mapped view (sources, redaction) too.
      const redacted = new SecretRegistry();
      redacted.add('registry.example');
      expect(overallOutcome(redacted.redactDeep(p.results))).toBe(overallOutcome(plain));
      expect(overallOutcome(mapResults(p.results, (r) => r))).toBe(overallOutcome(plain));
    }
    expect(mixes.length).toBeGreaterThan(200);
  });

  it('is an error, never a pass, when a slot was never set', () => {
    const p = new PackedResults(3);
    p.set(0, result(1, { outcome: 'verified' }));
    p.set(2, result(2, { outcome: 'verified' }));
    expect(overallOutcome(p.results)).toBe('error');
    const q = new PackedResults(2);
    q.set(0, result(1, { outcome: 'failed' }));
    expect(overallOutcome(q.results)).toBe('failed');
  });

  it('parses no result', () => {
    const p = new PackedResults(50);
    for (let i = 0; i < 50; i++) p.set(i, result(i, { outcome: 'verified' }));
    const parse = JSON.parse;
    let calls = 0;
    JSON.parse = ((...a: Parameters<typeof JSON.parse>) => {
      calls++;
      return parse(...a) as unknown;
    }) as typeof JSON.parse;
    try {
      expect(overallOutcome(p.results)).toBe('verified');
    } finally {
      JSON.parse = parse;
    }
    expect(calls).toBe(0);
  });
});

describe('packed results past the memory limit (src/core/result-spool.ts)', () => {
  const savedTmp = process.env.TMPDIR;
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'spool-test-'));
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(tmp, { recursive: true, force: true });
  });

  // Texts big enough that a 200-result list crosses several 64 KB blocks, multi-byte included.
  const big = (i: number): ImageResult =>
    result(i, { durationMs: i, identity: `ü-${'x'.repeat(700)}-${i}-✓` } as Partial<ImageResult>);
  const fill = (n: number, memoryChars: number) => {
    const p = new PackedResults(n, memoryChars);
    const plain: ImageResult[] = [];
    // Set out of order, as a batch finishes them.
    const order = Array.from({ length: n }, (_, i) => (i * 37) % n);
    for (const i of order) {
      plain[i] = big(i);
      p.set(i, plain[i]);
    }
    return { p, plain };
  };

  it('reads back every result as it was set, in any order, with only verified ones spooled', () => {
    const { p, plain } = fill(200, 0);
    const verified = plain.filter((r) => r.outcome === 'verified').length;
    expect(p.spooled).toBe(verified);
    const list = p.results;
    for (let i = 199; i >= 0; i--) expect(list[i]).toEqual(plain[i]);
    for (let k = 0; k < 200; k++) {
      const i = (k * 73) % 200;
      expect(list[i]).toEqual(plain[i]);
    }
    expect(JSON.parse(JSON.stringify(list))).toEqual(plain);
    expect([...reportJsonChunks({ results: list } as never, 1000)].join('')).toBe(
      reportJson({ results: plain } as never),
    );
  });

  it('keeps results in memory up to the limit', () => {
    const { p } = fill(200, 40_000);
    const spooled = p.spooled;
    expect(spooled).toBeGreaterThan(0);
    expect(spooled).toBeLessThan(200 - 40_000 / 900);
    expect(fill(20, 10 ** 9).p.spooled).toBe(0);
  });

  it('leaves no file or directory behind where the system lets it unlink an open file', () => {
    const { p } = fill(50, 0);
    expect(p.spooled).toBeGreaterThan(0);
    expect(readdirSync(tmp)).toEqual([]);
    expect(p.results[49]).toEqual(big(49));
  });

  it('keeps everything in memory when no spool file can be made', () => {
    process.env.TMPDIR = path.join(tmp, 'missing', 'dir');
    const { p, plain } = fill(60, 0);
    expect(p.spooled).toBe(0);
    expect([...p.results]).toEqual(plain);
  });
});
