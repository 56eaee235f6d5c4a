// The Action's annotations and outcome outputs (render/annotations.ts): one error per image that
// failed or errored, one warning per weak setting and report warning, a start error said once,
// file and line from a result's `sources`, and the counts and `failed` list a workflow reads.
import { describe, expect, it } from 'vitest';
import type { ImageResult, PolicySummary, Report } from '../../src/core/report.js';
import { finishReport } from '../../src/core/report-finish.js';
import { annotations, outcomeOutputs, weakSettings } from '../../src/render/annotations.js';

const D = 'sha256:' + 'b'.repeat(64);

function result(over: Partial<ImageResult>): ImageResult {
  return {
    image: 'x',
    outcome: 'verified',
    verified: true,
    signatures: [],
    attestations: [],
    durationMs: 1,
    ...over,
  };
}

const POLICY: PolicySummary = {
  keys: [{ keyRef: 'cosign.pub', keyID: '0123456789abcdef' }],
  identities: [],
  requireTlog: true,
  requireSct: true,
  trustRoot: 'embedded public-good',
};

function report(results: ImageResult[], more: Partial<Report> = {}, policy = POLICY): Report {
  return { ...finishReport({ startedAt: '2026-01-01T00:00:00.000Z', policy, results }), ...more };
}

const failed = (image: string, reason: string, over: Partial<ImageResult> = {}): ImageResult =>
  result({ image, outcome: 'failed', verified: false, code: 'UNSIGNED', reason, ...over });
const errored = (image: string, reason: string): ImageResult =>
  result({ image, outcome: 'error', verified: false, code: 'NETWORK', reason });

describe('annotations', () => {
  it('one error per failed or errored image, IMAGE: REASON; none for passes, allowed or skipped', () => {
    const r = report([
      result({ image: 'ok:1', digest: D }),
      failed('a:1', 'no signature found'),
      failed('b:1', 'untrusted signer', { code: 'UNTRUSTED_SIGNER' }),
      errored('c:1', 'connection refused'),
      result({ image: 'd:1', outcome: 'allowed', verified: false }),
      result({ image: 'e:1', outcome: 'skipped', verified: false, reason: 'fail-fast' }),
    ]);
    expect(annotations(r)).toEqual([
      { level: 'error', message: 'a:1: no signature found' },
      { level: 'error', message: 'b:1: untrusted signer' },
      { level: 'error', message: 'c:1: connection refused' },
    ]);
  });

  it('a run that could not start is one error, not one per image', () => {
    const msg = 'key: no file at ./cosign.pub';
    const images = ['a:1', 'b:1', 'c:1'].map((i) =>
      result({ image: i, outcome: 'error', verified: false, code: 'KEY_UNREADABLE', reason: msg }),
    );
    const got = annotations(report(images, { error: { code: 'KEY_UNREADABLE', message: msg } }));
    expect(got).toEqual([{ level: 'error', message: `3 image(s) not verified: ${msg}` }]);
  });

  it.each<[string, unknown, { file?: string; line?: number }]>([
    [
      'a file and line',
      [{ file: 'deploy/app.yaml', line: 12 }],
      { file: 'deploy/app.yaml', line: 12 },
    ],
    [
      'the first of several',
      [
        { file: 'a.yaml', line: 3 },
        { file: 'b.yaml', line: 4 },
      ],
      { file: 'a.yaml', line: 3 },
    ],
    ['a file without a line', [{ file: 'a.yaml' }], { file: 'a.yaml' }],
    ['a bad line (0, fraction, text) dropped', [{ file: 'a.yaml', line: 1.5 }], { file: 'a.yaml' }],
    ['no file: nothing', [{ line: 3 }], {}],
    ['not a list: nothing', 'a.yaml:3', {}],
    ['null entry: nothing', [null], {}],
    ['empty file name: nothing', [{ file: '', line: 2 }], {}],
  ])('sources: %s', (_n, sources, want) => {
    const r = { ...failed('a:1', 'no signature found'), sources } as ImageResult;
    expect(annotations(report([r]))).toEqual([
      { level: 'error', message: 'a:1: no signature found', ...want },
    ]);
  });

  it('warn mode: an image reported as warned is a warning, not an error', () => {
    const w = result({
      image: 'a:1',
      outcome: 'warned' as ImageResult['outcome'],
      verified: false,
      reason: 'no signature found',
    });
    expect(annotations(report([w]))).toEqual([
      { level: 'warning', message: 'a:1: no signature found' },
    ]);
  });

  it('report warnings (a trusted root near its end) are warnings, after the errors', () => {
    const r = report([failed('a:1', 'x')], { warnings: ['trusted root r.json: expires soon'] });
    expect(annotations(r)).toEqual([
      { level: 'error', message: 'a:1: x' },
      { level: 'warning', message: 'trusted root r.json: expires soon' },
    ]);
  });
});

describe('weak settings', () => {
  const rule = (name: string, requireSignature: boolean) => ({
    name,
    images: ['*'],
    keys: [],
    attestations: ['https://slsa.dev/provenance/v1'],
    requireSignature,
  });
  it.each<[string, Partial<PolicySummary>, RegExp[]]>([
    ['insecure-ignore-tlog', { requireTlog: false }, [/^insecure-ignore-tlog: /]],
    ['insecure-ignore-sct', { requireSct: false }, [/^insecure-ignore-sct: /]],
    ['require-signature=false', { requireSignature: false }, [/^require-signature=false: /]],
    [
      'unmatched: allow',
      { policyFile: { source: 'policy.yaml', unmatched: 'allow', rules: [rule('r', true)] } },
      [/^unmatched: allow \(policy\.yaml\): /],
    ],
    [
      'a rule with requireSignature: false',
      {
        policyFile: {
          source: 'p.yaml',
          unmatched: 'fail',
          rules: [rule('strict', true), rule('provenance-only', false)],
        },
      },
      [/^requireSignature: false \(rule provenance-only\): /],
    ],
    [
      'several at once, in a fixed order',
      { requireTlog: false, requireSct: false },
      [/^insecure-ignore-tlog/, /^insecure-ignore-sct/],
    ],
  ])('%s is flagged', (_n, over, want) => {
    const got = weakSettings(report([result({})], {}, { ...POLICY, ...over }));
    expect(got).toHaveLength(want.length);
    want.forEach((re, i) => expect(got[i]).toMatch(re));
    const anns = annotations(report([result({})], {}, { ...POLICY, ...over }));
    expect(anns.map((a) => a.level)).toEqual(want.map(() => 'warning'));
  });

  it('the default policy flags nothing', () => {
    expect(weakSettings(report([result({})]))).toEqual([]);
    expect(annotations(report([result({})]))).toEqual([]);
  });
});

describe('outcome outputs', () => {
  it('outcome, counts per outcome and the images that did not pass', () => {
    const got = outcomeOutputs(
      report([
        result({ image: 'ok:1', digest: D }),
        result({ image: 'ok:2', digest: D }),
        failed('a:1', 'no signature found', { digest: D }),
        errored('c:1', 'connection refused'),
        result({ image: 'e:1', outcome: 'skipped', verified: false, reason: 'fail-fast' }),
        result({ image: 'd:1', outcome: 'allowed', verified: false }),
      ]),
    );
    expect(got).toEqual({
      outcome: 'failed',
      'verified-count': '2',
      'failed-count': '1',
      'error-count': '1',
      'skipped-count': '1',
      failed: [
        {
          image: 'a:1',
          outcome: 'failed',
          digest: D,
          code: 'UNSIGNED',
          reason: 'no signature found',
        },
        { image: 'c:1', outcome: 'error', code: 'NETWORK', reason: 'connection refused' },
        { image: 'e:1', outcome: 'skipped', reason: 'fail-fast' },
      ],
    });
  });

  it.each([
    ['verified', [result({ image: 'ok:1' })]],
    ['error', [errored('c:1', 'refused')]],
    ['failed', [errored('c:1', 'refused'), failed('a:1', 'x')]],
  ])('outcome %s comes from the report', (want, results) => {
    expect(outcomeOutputs(report(results)).outcome).toBe(want);
  });

  it('passes an outcome the report carries through as text (warn mode: warned)', () => {
    const r = { ...report([result({})]), outcome: 'warned' } as unknown as Report;
    expect(outcomeOutputs(r).outcome).toBe('warned');
  });
});
