import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJson } from '../../src/render/json.js';
import {
  FOLD_VERIFIED_OVER,
  SUMMARY_LIMIT_BYTES,
  escapeCell,
  failureMessage,
  renderSummary,
} from '../../src/render/summary.js';
import { mergeReports } from '../../src/core/merge.js';
import type { ImageResult, Report } from '../../src/core/report.js';
import { finishReport } from '../../src/core/report-finish.js';
import { exitCode, overallOutcome } from '../../src/core/report-outcome.js';
import { normaliseReport } from '../helpers/golden.js';
import {
  SUMMARY_POLICY,
  batchReport,
  digestOf,
  nineImageReport,
  verifiedResult,
} from '../helpers/summary-batch.js';

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
    const md = renderSummary(report);
    expect(md).toContain(
      '**✅ Verified:** 0 failed · 0 errors · 1 verified · 0 skipped · 1 allowed unverified (no policy rule), of 2 images',
    );
    expect(md).toContain('| ➖&nbsp;allowed unverified | other |  |  |');
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

  /** Per line: cells, tags, and links/autolinks (`<wbr>`, which breaks them, is not counted). */
  const shape = (m: string) =>
    m
      .split('\n')
      .map((l) => l.replace(/<wbr>/g, ''))
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

/** The table rows of a summary, in order: verdict word and image (tags and entities dropped). */
function rows(md: string): Array<[string, string]> {
  const plain = (c: string) =>
    c
      .replace(/<wbr>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/<[^>]+>/g, '')
      .trim();
  return md
    .split('\n')
    .filter((l) => /^\| \S+&nbsp;/.test(l))
    .map((l) => l.split(' | '))
    .map((c) => [plain(c[0]!.slice(2)).split(' ')[1]!, plain(c[1]!)]);
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('job summary: what a reader needs first', () => {
  it('puts failures first, then errors, then the verified images, each in input order', () => {
    const report = nineImageReport();
    const order = rows(renderSummary(report)).map(([v]) => v);
    expect(order).toEqual([...Array(6).fill('failed'), 'error', 'verified', 'verified']);
    // Input order kept within an outcome.
    const images = rows(renderSummary(report)).map(([, i]) => i);
    const failed = report.results.filter((r) => r.outcome === 'failed').map((r) => r.image);
    expect(images.slice(0, 6)).toEqual(failed);
    expect(images.slice(7)).toEqual(['ghcr.io/acme/api:1.4.2', 'ghcr.io/acme/web:1.4.2']);
  });

  it('places warned, unknown, skipped and allowed results by how urgent they are', () => {
    const base = nineImageReport();
    const odd = ['allowed', 'skipped', 'from-a-newer-version', 'warned'].map(
      (outcome) =>
        ({
          ...verifiedResult(`ghcr.io/acme/${outcome}:1`),
          outcome,
          verified: false,
          reason: 'r',
        }) as unknown as ImageResult,
    );
    const md = renderSummary({ ...base, results: [...odd, ...base.results] });
    expect([...new Set(rows(md).map(([v]) => v))]).toEqual([
      'failed',
      'warned',
      'error',
      'from-a-newer-version',
      'skipped',
      'allowed',
      'verified',
    ]);
    expect(md).toContain('| ❔&nbsp;from-a-newer-version | ghcr.io/');
  });

  it('counts verified, failed, errors and skipped in the headline, with the policy in one line', () => {
    const md = renderSummary(nineImageReport());
    const lines = md.split('\n');
    expect(lines[2]).toBe(
      '**❌ Failed:** 6 failed · 1 error · 2 verified · 0 skipped, of 9 images',
    );
    expect(lines[4]).toMatch(/^\*\*Policy:\*\* identity .* · Rekor entry required · trust root /);
    expect(lines[4]).not.toContain('⚠️');
  });

  it.each([
    [{ requireTlog: false }, 'insecure-ignore-tlog'],
    [{ requireSct: false }, 'insecure-ignore-sct'],
    [{ requireSignature: false }, 'require-signature=false'],
    [
      {
        policyFile: {
          source: 'policy.yaml',
          unmatched: 'allow' as const,
          rules: [
            {
              name: 'prod',
              images: ['ghcr.io/acme/*'],
              keys: [],
              attestations: [],
              requireSignature: true,
            },
          ],
        },
      },
      'unmatched: allow',
    ],
    [
      {
        policyFile: {
          source: 'policy.yaml',
          unmatched: 'fail' as const,
          rules: [
            {
              name: 'sbom-only',
              images: ['*'],
              keys: [],
              attestations: ['x'],
              requireSignature: false,
            },
          ],
        },
      },
      'require-signature=false in 1 rule (sbom-only)',
    ],
    [{ mode: 'warn' }, 'audit mode (mode: warn): failures do not fail the step'],
    [{ mode: 'warn', enforceAfter: '2027-01-31' }, 'audit mode (mode: warn until 2027-01-31)'],
  ])('flags a weak setting in the headline: %j', (change, flag) => {
    const policy = { ...SUMMARY_POLICY, ...change } as Report['policy'];
    const headline = renderSummary(nineImageReport(policy)).split('\n')[2]!;
    expect(headline).toContain(`· ⚠️ ${flag}`);
    expect(renderSummary(nineImageReport()).split('\n')[2]).not.toContain('⚠️');
  });

  it('flags audit mode when results were only warned, whatever the policy section says', () => {
    const base = nineImageReport();
    const warned = base.results.map((r) =>
      r.outcome === 'failed' ? ({ ...r, outcome: 'warned' } as unknown as ImageResult) : r,
    );
    const md = renderSummary({ ...base, results: warned });
    expect(md.split('\n')[2]).toContain('6 warned');
    expect(md.split('\n')[2]).toContain('⚠️ audit mode');
    expect(rows(md).filter(([v]) => v === 'warned')).toHaveLength(6);
  });

  it('shows a short digest with the whole digest in its title', () => {
    const report = nineImageReport();
    const d = report.results[0]!.digest!;
    const md = renderSummary(report);
    expect(md).toContain(`<code title="sha256&#58;${d.slice(7)}">sha256:${d.slice(7, 15)}…</code>`);
    // The 64 hex digits appear in titles (and in reasons that quote them), never as cell text.
    for (const l of md.split('\n').filter((x) => x.startsWith('| ✅')))
      expect(l.replace(/title="[^"]*"/g, '')).not.toContain(d.slice(7));
    // Not an `alg:hex` digest (a hand-edited shard): shown whole, escaped.
    const odd = renderSummary({
      ...report,
      results: [{ ...report.results[0]!, digest: 'md5:<b>' }],
    });
    expect(odd).toContain('| md5:&lt;b&gt; |');
  });

  it('shows every reason in full, never cut or folded', () => {
    const long = `${'the registry said: '.repeat(30)}end`;
    const base = nineImageReport();
    const md = renderSummary({
      ...base,
      results: [{ ...base.results[1]!, reason: long }],
    });
    const row = md.split('\n').find((l) => l.includes('the registry said'))!;
    expect(row.replace(/<wbr>/g, '')).toContain(long);
    expect(row).not.toContain('<details>');
  });

  it('puts the attestations of each image in its own details inside the Attestations details', () => {
    const md = renderSummary(nineImageReport());
    const at = md.indexOf('<details><summary>Attestations (2 images)</summary>');
    expect(at).toBeGreaterThan(0);
    const inner = md
      .slice(at)
      .split('\n')
      .filter((l) => l.startsWith('<details><summary>✅ '));
    expect(inner).toEqual([
      '<details><summary>✅ ghcr.io/acme/api:1.4.2: 1 of 1 attestation verified</summary>',
      '<details><summary>✅ ghcr.io/acme/web:1.4.2: 1 of 1 attestation verified</summary>',
    ]);
  });

  it(`folds the verified images when there are more than ${FOLD_VERIFIED_OVER}`, () => {
    const at = (n: number) => batchReport(n + 6, 1, 0);
    const shown = renderSummary(at(FOLD_VERIFIED_OVER));
    expect(shown).toContain(`### Verified (${FOLD_VERIFIED_OVER})`);
    expect(shown).not.toContain('<summary><b>✅ Verified');
    const folded = renderSummary(at(FOLD_VERIFIED_OVER + 1));
    const fold = folded.indexOf(
      `<details><summary><b>✅ Verified (${FOLD_VERIFIED_OVER + 1})</b></summary>`,
    );
    expect(fold).toBeGreaterThan(folded.indexOf('### Not verified (6)'));
    expect(rows(folded.slice(fold)).every(([v]) => v === 'verified')).toBe(true);
    expect(rows(folded.slice(fold))).toHaveLength(FOLD_VERIFIED_OVER + 1);
  });

  it.each([
    ['an email-like package', 'log4j-core@2.14.1'],
    ['an email', 'security@acme.example'],
    ['a mention', '@octocat'],
    ['a URL', 'https://evil.example/fix'],
    ['a www host', 'see WWW.evil.example'],
    ['mailto', 'MAILTO:root'],
  ])('makes nothing a link: %s', (_what, v) => {
    const base = nineImageReport();
    const md = renderSummary({
      ...base,
      results: [{ ...base.results[1]!, image: v, reason: `because ${v}` }],
    });
    // No raw autolink triggers; every @ closes its text node (cmark-gfm links emails it finds in
    // text after decoding entities: the browser test renders this with cmark-gfm itself).
    const cells = md
      .split('\n')
      .filter((l) => l.startsWith('| ') && !/^\| (Verdict|---|Image) /.test(l))
      .join('\n');
    expect(cells).toContain('because');
    expect(cells).not.toMatch(/@|:\/\/|www\.|mailto:/i);
    expect(cells.match(/&#64;(?!<wbr>)/g)).toBeNull();
  });
});

describe('job summary: the 1 MiB limit', () => {
  it('stays under 1 MiB at 10 000 images, leaving out verified rows first, with a note', () => {
    const report = batchReport(10_000, 20, 10);
    const md = renderSummary(report);
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    const shown = rows(md);
    // Every failure and error is there; only verified rows are missing.
    for (const r of report.results.filter((x) => x.outcome !== 'verified'))
      expect(shown.some(([, i]) => i === r.image)).toBe(true);
    const verified = shown.filter(([v]) => v === 'verified').length;
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThan(10_000 - 130);
    expect(md).toMatch(
      new RegExp(
        `_${10_000 - 130 - verified} more verified image\\(s\\) not shown: the job summary is limited to 1 MiB`,
      ),
    );
    expect(md.split('\n')[2]).toContain('120 failed · 10 errors · 9870 verified');
  });

  it('stays under 1 MiB when all 10 000 images failed, and says how many rows it left out', () => {
    const report = batchReport(6 * 1700, 1700, 0);
    const md = renderSummary(report);
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(md).toMatch(/_\d+ more image\(s\) not verified not shown/);
    // The first failures are the ones kept.
    expect(rows(md)[0]![1]).toBe(report.results[0]!.image);
  });

  it.each([50_000, 200_000])('keeps within a smaller budget of %d bytes', (maxBytes) => {
    const md = renderSummary(batchReport(2_000, 10, 5), { maxBytes });
    expect(bytes(md)).toBeLessThanOrEqual(maxBytes);
    expect(md).toContain('more verified image(s) not shown');
  });

  it('leaves nothing out and adds no note when it fits', () => {
    const md = renderSummary(nineImageReport());
    expect(md).not.toContain('not shown');
    expect(rows(md)).toHaveLength(9);
    expect(digestOf('x')).toMatch(/^sha256:[0-9a-f]{64}$/);
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
