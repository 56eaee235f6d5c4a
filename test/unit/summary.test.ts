import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJson } from '../../src/render/json.js';
import { escapeCell, renderSummary } from '../../src/render/summary.js';
import { failureMessage } from '../../src/render/summary.js';
import { mergeReports } from '../../src/core/merge.js';
import type { ImageResult, Report } from '../../src/core/report.js';
import { finishReport } from '../../src/core/report-finish.js';
import { exitCode, overallOutcome } from '../../src/core/report-outcome.js';
import { normaliseReport } from '../helpers/golden.js';

const D1 = 'sha256:' + '1'.repeat(64);
const D2 = 'sha256:' + '2'.repeat(64);

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

const results: ImageResult[] = [
  result({
    image: 'ghcr.io/acme/app:1',
    digest: D1,
    signatures: [
      {
        kind: 'keyless',
        format: 'legacy-tag',
        identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1',
        issuer: 'https://token.actions.githubusercontent.com',
        signedAt: '2026-01-02T03:04:05.000Z',
      },
    ],
    attestations: [
      {
        predicateType: 'https://slsa.dev/provenance/v1',
        format: 'bundle-referrer',
        verified: true,
        where: 'referrer sha256:' + '3'.repeat(64),
        signer: 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1',
        satisfies: ['https://slsa.dev/provenance/v1'],
        checks: [{ condition: 'builder-id', ok: true, message: 'builder id matches' }],
      },
    ],
  }),
  result({
    image: 'ghcr.io/acme/evil:<script>|x',
    digest: D2,
    outcome: 'failed',
    verified: false,
    code: 'UNTRUSTED_SIGNER',
    reason: 'no valid signature: key mismatch | `pipe` and *stars*',
  }),
  result({
    image: 'registry.lan/a:1',
    outcome: 'error',
    verified: false,
    code: 'NETWORK',
    reason: 'x'.repeat(150),
  }),
];

const policy = {
  keys: [{ keyRef: 'cosign.pub', keyID: '0123456789abcdef' }],
  identities: [],
  requireTlog: true,
  requireSct: true,
  trustRoot: 'embedded public-good',
};

describe('job summary', () => {
  it('renders the verdict table (golden file)', async () => {
    const report = finishReport({ startedAt: '2026-01-01T00:00:00.000Z', policy, results });
    await expect(renderSummary(report)).toMatchFileSnapshot('../golden/summary.md');
  });

  // The same batch as `--output json` / `--report` write it, volatile values fixed (see
  // normaliseReport); regenerate with `npx vitest run test/unit/summary.test.ts -u`.
  const GOLDEN_REPORT = path.resolve(import.meta.dirname, '../golden/report.json');
  const goldenReport = () =>
    reportJson(
      normaliseReport(finishReport({ startedAt: '2026-01-01T00:00:00.000Z', policy, results })),
    );

  it('writes the JSON report of that batch (golden file)', async () => {
    await expect(goldenReport()).toMatchFileSnapshot(GOLDEN_REPORT);
  });

  it.each([
    ['renamed', (r: Record<string, unknown>) => ({ ...r, runID: r.runId, runId: undefined })],
    ['dropped', (r: Record<string, unknown>) => ({ ...r, policyDigest: undefined })],
    ['added', (r: Record<string, unknown>) => ({ ...r, extra: true })],
    [
      'renamed in a result',
      (r: Record<string, unknown>) => ({
        ...r,
        results: (r.results as Array<Record<string, unknown>>).map((x) => ({
          ...x,
          durationMS: x.durationMs,
          durationMs: undefined,
        })),
      }),
    ],
  ])('the golden report no longer matches when a field is %s', (_what, change) => {
    const report = finishReport({ startedAt: '2026-01-01T00:00:00.000Z', policy, results });
    const changed = change(report as unknown as Record<string, unknown>) as unknown as Report;
    const golden = readFileSync(GOLDEN_REPORT, 'utf8');
    expect(reportJson(normaliseReport(report))).toBe(golden);
    expect(reportJson(normaliseReport(changed))).not.toBe(golden);
  });

  it('says when images passed unverified under unmatched: allow', () => {
    const report = finishReport({
      startedAt: 'x',
      policy,
      results: [results[0]!, result({ image: 'other', outcome: 'allowed', verified: false })],
    });
    expect(report.outcome).toBe('verified');
    expect(renderSummary(report)).toContain(
      '✅ 1 image(s) verified; 1 allowed without verification (no policy rule)',
    );
    expect(renderSummary(report)).toContain('| other |  | ➖ allowed unverified |');
  });

  it('escapes markdown and HTML in every user-controlled cell', () => {
    expect(escapeCell('<img src=x>|`a`\n[b](c)')).toBe(
      '&lt;img src=x&gt;&#124;&#96;a&#96;&#92;n&#91;b&#93;(c)',
    );
    const md = renderSummary(finishReport({ startedAt: 'x', policy, results }));
    expect(md).not.toContain('<script>');
    expect(md).toContain('<details>');
  });

  // What a registry, an index's platform fields, a certificate or a merged shard report can hold.
  const EVIL = [
    '<script>alert(1)</script>',
    '</details></table><details open>',
    '![p](https://evil.example/p.png)',
    '[fix](https://evil.example) www.evil.example root@evil.example',
    'a | b | c',
    'x\n| forged | row |',
    'x\r\n## heading',
    '`code` **b** ~~s~~ $m$ @octocat :rocket:',
    '\u001b]8;;https://evil.example\u0007\u202eexe.fdp\u0085',
  ];

  /** A report with `v` in every string a registry, certificate or shard report can set. */
  function summaryWith(v: string): string {
    const r = result({
      image: `ghcr.io/acme/app:${v}`,
      digest: `sha256:${v}`,
      outcome: 'failed',
      verified: false,
      reason: `${v} `.repeat(20),
      rule: v,
      signatures: [
        { kind: 'keyless', format: 'bundle-referrer', identity: v, issuer: v, signedAt: v },
      ],
      platforms: [{ platform: `${v}/${v}`, digest: v, outcome: 'failed', reason: v }],
      attestations: [
        {
          predicateType: v,
          format: 'bundle-referrer',
          verified: false,
          where: v,
          signer: v,
          satisfies: [v],
          checks: [{ condition: v, ok: false, message: v }],
        },
      ],
    });
    const p = {
      ...policy,
      keys: [{ keyRef: v, keyID: v }],
      identities: [{ subject: v, issuer: v, extensions: { [v]: v } }],
      trustRoot: v,
    };
    return renderSummary(finishReport({ startedAt: 'x', policy: p, results: [r] }));
  }

  /** Per line: cells, tags, and links/autolinks. */
  const shape = (m: string) =>
    m
      .split('\n')
      .map((l) => [
        (l.match(/\|/g) ?? []).length,
        (l.match(/<\/?[a-z]+/gi) ?? []).join(''),
        (l.match(/\]\(|:\/\/|www\.|@[a-z]/gi) ?? []).length,
      ]);

  it.each(EVIL)('no value can add a line, a cell, a tag or a link: %j', (evil) => {
    const md = summaryWith(evil);
    expect(shape(md)).toEqual(shape(summaryWith('p'.repeat(evil.length))));
    expect(md.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
  });
});

describe('outcomes and exit codes', () => {
  it.each([
    [['verified', 'verified'], 'verified', 0],
    [['verified', 'failed', 'error'], 'failed', 1],
    [['verified', 'error'], 'error', 2],
    [['failed', 'skipped'], 'failed', 1],
    [['verified', 'allowed'], 'verified', 0],
    [['allowed', 'error'], 'error', 2],
    [[], 'error', 2],
  ] as const)('%j -> %s (exit %d)', (outcomes, want, code) => {
    const o = overallOutcome(outcomes.map((outcome) => result({ outcome })));
    expect(o).toBe(want);
    expect(exitCode(o)).toBe(code);
  });

  it('names the first supply-chain failure and the count when failing the step', () => {
    const report = finishReport({ startedAt: 'x', policy, results });
    expect(failureMessage(report)).toBe(
      'image-gate: 1 of 3 image(s) failed verification; first: ghcr.io/acme/evil:<script>|x: no valid signature: key mismatch | `pipe` and *stars*',
    );
  });

  it('merges shard reports into one verdict, as a pure function', () => {
    const a = finishReport({
      startedAt: '2026-01-01T00:00:00.000Z',
      policy,
      results: [results[0]],
    });
    const b = finishReport({
      startedAt: '2026-01-01T00:00:01.000Z',
      policy,
      results: [results[1]],
    });
    const m = mergeReports([a, b]);
    expect(m.results.map((r) => r.image)).toEqual([results[0].image, results[1].image]);
    expect(m.outcome).toBe('failed');
    expect(m.startedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(mergeReports([a]).outcome).toBe('verified');
  });
});
