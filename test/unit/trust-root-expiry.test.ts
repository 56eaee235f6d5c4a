/* eslint-disable @typescript-eslint/no-explicit-any -- edits reach into untyped root JSON */
// A trusted root near or past its end (issue 10 item 17): the report warns when the last key or
// CA of a kind it lists ends within 30 days or has ended, and for the embedded root when the TUF
// metadata it shipped with does; the job summary and the CLI text show the warnings.
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/render/summary.js';
import { renderReportText } from '../../src/render/text.js';
import { mergeReports } from '../../src/core/merge.js';
import type { Report } from '../../src/core/report.js';
import { finishReport } from '../../src/core/report-finish.js';
import {
  embeddedTrustedRoot,
  trustedRootWarnings,
  type TrustedRootJSON,
} from '../../src/core/trust/root.js';
import { createTestSigstore } from '../helpers/test-sigstore.js';

const DAY = 24 * 3_600_000;
const NOW = new Date('2026-12-01T12:00:00Z');
const FILE = { trustedRootPath: '/etc/root.json' };
const iso = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

/** The test root with every entry's `validFor` of kind `field` edited by `edit`. */
async function rootWith(
  edits: Partial<
    Record<
      'tlogs' | 'certificateAuthorities' | 'timestampAuthorities' | 'ctlogs',
      Array<string | undefined>
    >
  >,
  validUntil?: Date,
): Promise<TrustedRootJSON> {
  const ss = await createTestSigstore({
    now: () => NOW,
    ...(validUntil ? { validUntil } : {}),
  });
  const root = structuredClone(ss.trustedRoot) as unknown as Record<
    string,
    Array<Record<string, any>>
  >;
  for (const [field, ends] of Object.entries(edits)) {
    const first = root[field][0];
    root[field] = ends.map((end) => {
      const e = structuredClone(first);
      const v = (e.publicKey?.validFor ?? e.validFor) as { start: string; end?: string };
      if (end === undefined) delete v.end;
      else v.end = end;
      return e;
    });
  }
  return root as unknown as TrustedRootJSON;
}

describe('trustedRootWarnings', () => {
  it('says nothing about a root whose keys are open-ended and certificates long-lived', async () => {
    expect(trustedRootWarnings(await rootWith({}), FILE, NOW)).toEqual([]);
  });

  it.each([
    ['tlogs', 'transparency log key'],
    ['certificateAuthorities', 'certificate authority'],
    ['timestampAuthorities', 'timestamp authority'],
    ['ctlogs', 'CT log key'],
  ] as const)('warns when the only %s entry ends within 30 days', async (field, what) => {
    const w = trustedRootWarnings(await rootWith({ [field]: [iso(10 * DAY)] }), FILE, NOW);
    expect(w).toEqual([
      `trusted root /etc/root.json: its last ${what} expires on ${iso(10 * DAY)} (in 10 days)`,
    ]);
  });

  it('warns that every transparency log key has expired', async () => {
    const w = trustedRootWarnings(
      await rootWith({ tlogs: [iso(-90 * DAY), iso(-2 * DAY)] }),
      FILE,
      NOW,
    );
    expect(w).toEqual([
      `trusted root /etc/root.json: its last transparency log key expired on ${iso(-2 * DAY)}`,
    ]);
  });

  it.each([
    ['a rotated key next to an open-ended one', [iso(-DAY), undefined]],
    ['a rotated key next to one valid for a year', [iso(5 * DAY), iso(365 * DAY)]],
    ['a key ending in 31 days', [iso(31 * DAY)]],
  ])('does not warn about %s', async (_n, ends) => {
    expect(trustedRootWarnings(await rootWith({ tlogs: ends }), FILE, NOW)).toEqual([]);
  });

  it('reads the end of a CA and a TSA from their certificates when validFor has none', async () => {
    const w = trustedRootWarnings(await rootWith({}, new Date(NOW.getTime() + 3 * DAY)), FILE, NOW);
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/its last certificate authority expires on .* \(in 3 days\)$/);
    expect(w[1]).toMatch(/its last timestamp authority expires on .* \(in 3 days\)$/);
  });

  it('never throws on odd entries: no chain list, null certificates, bad dates', async () => {
    const root = (await rootWith({ tlogs: ['not a date'] })) as any;
    root.certificateAuthorities[0].certChain = { certificates: { rawBytes: 'x' } };
    root.timestampAuthorities[0].certChain.certificates = [null, { rawBytes: 'AAAA' }];
    expect(trustedRootWarnings(root as TrustedRootJSON, FILE, NOW)).toEqual([]);
  });

  it('names the source: a file, the embedded root, TUF', async () => {
    const root = await rootWith({ tlogs: [iso(DAY)] });
    expect(trustedRootWarnings(root, FILE, NOW)[0]).toMatch(/^trusted root \/etc\/root\.json: /);
    expect(trustedRootWarnings(root, { offline: true }, NOW)[0]).toMatch(
      /^the embedded public-good trusted root: .*\(in 1 day\)$/,
    );
    expect(trustedRootWarnings(root, { tufMirrorUrl: 'https://tuf.example' }, NOW)[0]).toMatch(
      /^the trusted root from TUF mirror https:\/\/tuf\.example: /,
    );
  });

  it('warns about the embedded root when the TUF metadata it shipped with nears its end', () => {
    const root = embeddedTrustedRoot();
    // The seed shipped with @sigstore/tuf 4.x expires 2027-04-22.
    expect(trustedRootWarnings(root, { offline: true }, NOW)).toEqual([]);
    const late = trustedRootWarnings(root, { offline: true }, new Date('2027-04-10T00:00:00Z'));
    expect(late).toHaveLength(1);
    expect(late[0]).toMatch(
      /^the embedded public-good trusted root: the TUF root metadata it was shipped with expires on 2027-04-22.*keys rotated since are missing/,
    );
    const past = trustedRootWarnings(root, { offline: true }, new Date('2027-06-01T00:00:00Z'));
    expect(past[0]).toMatch(/expired on 2027-04-22/);
    // Not when the same root came from a file or TUF: their freshness is their source's.
    expect(trustedRootWarnings(root, FILE, new Date('2027-06-01T00:00:00Z'))).toEqual([]);
  });
});

describe('warnings in the report, the summary and the text', () => {
  const base = (warnings?: string[], image = 'r/a'): Report =>
    finishReport({
      startedAt: NOW.toISOString(),
      policy: { keys: [], identities: [], requireTlog: true, requireSct: true, trustRoot: 'x' },
      results: [
        {
          image: `${image}@sha256:${'a'.repeat(64)}`,
          outcome: 'verified',
          verified: true,
          signatures: [],
          attestations: [],
          durationMs: 1,
        },
      ],
      ...(warnings ? { warnings } : {}),
    });
  const W = 'trusted root /etc/root.json: its last certificate authority expires on X (in 3 days)';

  it('keeps warnings in the report, leaves the field out when there are none', () => {
    expect(base([W]).warnings).toEqual([W]);
    expect('warnings' in base([])).toBe(false);
    expect('warnings' in base()).toBe(false);
  });

  it('merges shard warnings once each', () => {
    // Each image in one shard only, as merge requires.
    expect(mergeReports([base([W]), base([W], 'r/b'), base(undefined, 'r/c')]).warnings).toEqual([
      W,
    ]);
    expect('warnings' in mergeReports([base(), base(undefined, 'r/b')])).toBe(false);
  });

  it('shows them in the job summary (escaped) and in the CLI text', () => {
    const r = base([W, 'a <b> | c']);
    const md = renderSummary(r);
    expect(md).toContain(`> ⚠️ ${W}`);
    expect(md).not.toContain('<b>');
    expect(renderReportText(r)).toContain(`Warning: ${W}\n`);
    expect(renderSummary(base())).not.toContain('⚠️');
  });

  it.each([
    ['a line break', 'x\n✓ Verified evil.example/app', 'x\\n✓ Verified evil.example/app'],
    ['a carriage return', 'x\r✓ Verified evil.example/app', 'x\\r✓ Verified evil.example/app'],
    ['an escape sequence', 'x\u001b[2K✓ Verified evil', 'x\\u001b[2K✓ Verified evil'],
    [
      'a line separator',
      'x\u2028✓ Verified evil.example/app',
      'x\\u2028✓ Verified evil.example/app',
    ],
  ])('keeps a warning with %s on its one CLI line, escaped', (_n, w, shown) => {
    // A root path or a merged shard's report names what a warning says: it is data, not lines.
    const text = renderReportText(base([w]));
    expect(text).not.toMatch(/^✓ Verified evil/m);
    for (const c of ['\r', '\u001b', '\u2028']) expect(text).not.toContain(c);
    expect(text).toContain(`Warning: ${shown}\n`);
    expect(renderSummary(base([w]))).not.toMatch(/^✓ Verified evil/m);
  });
});
