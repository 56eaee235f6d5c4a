// Issue 13 item 4: audit mode. A rule in warn mode (until its enforce-after date, if any) turns a
// failed verdict into `warned` (exit 0), after decide(), in one place; errors stay errors. Stated
// by flags/inputs and per policy-file rule (the flags' mode is the default of rules stating none),
// validated strictly, recorded in the report's policy section only when not enforce.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeReportFiles, mergeReports } from '../../src/core/merge.js';
import type { GateOptions } from '../../src/core/options.js';
import { compileRunPolicy } from '../../src/core/policy/compile.js';
import { parsePolicyFile } from '../../src/core/policy/file.js';
import {
  compileMode,
  enforceAfterDate,
  parseEnforceAfter,
  parseMode,
  warnsAt,
} from '../../src/core/policy/mode.js';
import { summarizeRunPolicy, type SummaryContext } from '../../src/core/policy/summary.js';
import type { ImagePolicy } from '../../src/core/policy/types.js';
import type { ImageResult, PolicySummary } from '../../src/core/report.js';
import { finishReport, policyDigest } from '../../src/core/report-finish.js';
import { exitCode, overallOutcome, reportOutcome } from '../../src/core/report-outcome.js';
import { applyMode } from '../../src/core/verify/mode.js';
import { failureMessage } from '../../src/render/summary.js';
import { renderReportText, renderResultText } from '../../src/render/text.js';
import { gateOptions, writePolicyFile } from '../helpers/gate-options.js';

const KEY = path.resolve('examples/cosign.pub');
const DAY = new Date('2027-03-01T00:00:00.000Z');

function rule(over: Partial<ImagePolicy> = {}): ImagePolicy {
  return {
    name: 'options',
    match: ['**'],
    signers: { keys: [], identities: [] },
    requireSignature: true,
    requireAllKeys: false,
    tlog: true,
    sct: true,
    ...over,
  };
}

function result(outcome: ImageResult['outcome'], code?: ImageResult['code']): ImageResult {
  return {
    image: `reg.example/app:${outcome}`,
    outcome,
    verified: outcome === 'verified',
    ...(code ? { code, reason: `because ${code}` } : {}),
    signatures: [],
    attestations: [],
    durationMs: 1,
  };
}

describe('parsing mode and enforce-after (flags, inputs)', () => {
  it.each(['enforce', 'warn', ' warn '])('mode %j is read', (v) => {
    expect(parseMode('--mode', v)).toBe(v.trim());
  });

  it.each(['', 'Warn', 'audit', 'warning', 'off', 'true'])('mode %j is refused, naming it', (v) => {
    expect(() => parseMode('--mode', v)).toThrow(`--mode: '${v}' is not enforce or warn`);
    expect(() => parseMode('mode', v)).toThrow(/^mode: /);
  });

  it('a day is UTC midnight', () => {
    expect(parseEnforceAfter('enforce-after', '2027-03-01').toISOString()).toBe(
      '2027-03-01T00:00:00.000Z',
    );
    expect(enforceAfterDate('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it.each([
    '',
    '2027-02-29', // not a leap year
    '2027-02-30',
    '2027-13-01',
    '2027-00-10',
    '2027-04-31',
    '2027-3-1',
    '27-03-01',
    '2027/03/01',
    '2027-03-01T00:00:00Z',
    '2027-03-01 ',
    'tomorrow',
    '1735689600',
    '+02027-03-01',
  ])('enforce-after %j is refused, naming the input and the value', (v) => {
    expect(enforceAfterDate(v)).toBeUndefined();
    expect(() => parseEnforceAfter('--enforce-after', v)).toThrow(
      `--enforce-after: '${v}' is not a date YYYY-MM-DD`,
    );
  });
});

describe('applyMode: the mode after the verdict', () => {
  const failed = result('failed', 'UNSIGNED');

  it('enforce (no mode) leaves a failure a failure', () => {
    expect(applyMode(failed, rule(), DAY)).toBe(failed);
  });

  it('warn turns a failure into warned, keeping code and reason', () => {
    const r = applyMode(failed, rule({ mode: 'warn' }), DAY);
    expect(r).toEqual({ ...failed, outcome: 'warned', verified: false });
    expect(r.code).toBe('UNSIGNED');
    expect(r.reason).toBe('because UNSIGNED');
  });

  it.each<[string, Date, ImageResult['outcome']]>([
    ['a year before the date', new Date('2026-03-01T00:00:00Z'), 'warned'],
    ['the last millisecond before it', new Date(DAY.getTime() - 1), 'warned'],
    ['at midnight of the date', DAY, 'failed'],
    ['later that day', new Date('2027-03-01T13:00:00Z'), 'failed'],
    ['a year after it', new Date('2028-03-01T00:00:00Z'), 'failed'],
  ])('enforce-after: %s -> %s', (_when, now, outcome) => {
    const r = applyMode(failed, rule({ mode: 'warn', enforceAfter: DAY }), now);
    expect(r.outcome).toBe(outcome);
    expect(r.code).toBe('UNSIGNED');
    if (outcome === 'warned') expect(r.enforceAfter).toBe('2027-03-01');
    else expect(r).toBe(failed);
  });

  it.each<[ImageResult['outcome'], ImageResult['code']]>([
    ['error', 'REGISTRY_ERROR'],
    ['error', 'LIMIT_EXCEEDED'],
    ['verified', undefined],
    ['skipped', undefined],
    ['allowed', undefined],
  ])('%s (%s) is untouched by warn', (outcome, code) => {
    const r = result(outcome, code);
    expect(applyMode(r, rule({ mode: 'warn' }), DAY)).toBe(r);
  });

  it('warnsAt reads the compiled mode', () => {
    expect(warnsAt({}, DAY)).toBe(false);
    expect(warnsAt({ mode: 'warn' }, DAY)).toBe(true);
    expect(warnsAt({ mode: 'warn', enforceAfter: DAY }, new Date(0))).toBe(true);
    expect(warnsAt({ mode: 'warn', enforceAfter: DAY }, DAY)).toBe(false);
  });
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'audit-mode-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = gateOptions;
const policyFile = (yaml: string): Promise<string> => writePolicyFile(dir, yaml);

const modeOf = (p: ImagePolicy) => ({ mode: p.mode, enforceAfter: p.enforceAfter });

describe('compiling the mode', () => {
  it.each<[string, Partial<GateOptions>, ReturnType<typeof modeOf>]>([
    ['nothing', {}, { mode: undefined, enforceAfter: undefined }],
    ['mode enforce', { mode: 'enforce' }, { mode: undefined, enforceAfter: undefined }],
    ['mode warn', { mode: 'warn' }, { mode: 'warn', enforceAfter: undefined }],
    [
      'enforce-after alone (warn implied)',
      { enforceAfter: DAY },
      { mode: 'warn', enforceAfter: DAY },
    ],
    [
      'mode warn and enforce-after',
      { mode: 'warn', enforceAfter: DAY },
      { mode: 'warn', enforceAfter: DAY },
    ],
  ])('flags: %s', async (_what, flags, want) => {
    const p = await compileRunPolicy(options({ keys: [KEY], ...flags }), {});
    expect(modeOf(p.rules[0])).toEqual(want);
    // An enforcing rule carries no mode fields at all.
    if (want.mode === undefined) expect(Object.keys(p.rules[0])).not.toContain('mode');
  });

  it('flags: mode=enforce with enforce-after is refused, naming both and the date', async () => {
    await expect(
      compileRunPolicy(options({ keys: [KEY], mode: 'enforce', enforceAfter: DAY }), {}),
    ).rejects.toThrow(
      /^mode=enforce and enforce-after=2027-03-01 exclude each other .*write mode=warn$/,
    );
    // Also when the flags are only the default of a policy file's rules.
    const file = await policyFile(`version: 1\nrules:\n  - images: ['**']\n    keys: ['${KEY}']\n`);
    await expect(
      compileRunPolicy(options({ policyFile: file, mode: 'enforce', enforceAfter: DAY }), {}),
    ).rejects.toThrow(/^mode=enforce and enforce-after=2027-03-01 exclude each other/);
  });

  it("file: each rule's own mode wins; the flags' mode is the default of rules stating none", async () => {
    const file = await policyFile(
      [
        'version: 1',
        'rules:',
        `  - {name: own-enforce, images: ['a.example/**'], keys: ['${KEY}'], mode: enforce}`,
        `  - {name: own-warn, images: ['b.example/**'], keys: ['${KEY}'], mode: warn}`,
        `  - {name: own-date, images: ['c.example/**'], keys: ['${KEY}'], enforceAfter: '2028-01-01'}`,
        `  - {name: warn-date, images: ['d.example/**'], keys: ['${KEY}'], mode: warn, enforceAfter: 2028-01-01}`,
        `  - {name: default, images: ['**'], keys: ['${KEY}']}`,
        '',
      ].join('\n'),
    );
    const y2028 = new Date('2028-01-01T00:00:00Z');
    const none = { mode: undefined, enforceAfter: undefined };
    const plain = await compileRunPolicy(options({ policyFile: file }), {});
    expect(plain.rules.map(modeOf)).toEqual([
      none,
      { mode: 'warn', enforceAfter: undefined },
      { mode: 'warn', enforceAfter: y2028 },
      { mode: 'warn', enforceAfter: y2028 },
      none,
    ]);
    const warned = await compileRunPolicy(
      options({ policyFile: file, mode: 'warn', enforceAfter: DAY }),
      {},
    );
    expect(warned.rules.map(modeOf)).toEqual([
      none,
      { mode: 'warn', enforceAfter: undefined },
      { mode: 'warn', enforceAfter: y2028 },
      { mode: 'warn', enforceAfter: y2028 },
      { mode: 'warn', enforceAfter: DAY },
    ]);
    const enforced = await compileRunPolicy(options({ policyFile: file, mode: 'enforce' }), {});
    expect(enforced.rules.map(modeOf)[4]).toEqual(none);
  });

  it.each<[string, string, RegExp]>([
    ['an unknown mode', 'mode: audit', /line 3: rules\[0\]\.mode: "audit" is not enforce or warn/],
    [
      'a mode of the wrong type',
      'mode: true',
      /line 3: rules\[0\]\.mode: true is not enforce or warn/,
    ],
    [
      'a day that does not exist',
      "enforceAfter: '2027-02-30'",
      /line 3: rules\[0\]\.enforceAfter: "2027-02-30" is not a date YYYY-MM-DD/,
    ],
    [
      'a time instead of a day',
      "enforceAfter: '2027-03-01T00:00:00Z'",
      /rules\[0\]\.enforceAfter: "2027-03-01T00:00:00Z" is not a date/,
    ],
    ['a number', 'enforceAfter: 20270301', /rules\[0\]\.enforceAfter: 20270301 is not a date/],
    ['an empty value', 'enforceAfter:', /rules\[0\]\.enforceAfter: null is not a date/],
    [
      'enforce with a date',
      "mode: enforce\n    enforceAfter: '2027-03-01'",
      /line 3: rules\[0\]\.mode: mode: enforce and enforceAfter: 2027-03-01 exclude each other .*write mode: warn/,
    ],
  ])('file: %s is refused with line and field', (_what, yaml, why) => {
    // The rule (and its mode field) starts on line 3.
    const t = `version: 1\nrules:\n  - ${yaml}\n    images: ['**']\n    keys: ['${KEY}']\n`;
    expect(() => parsePolicyFile(t)).toThrow(why);
  });
});

const ctx: SummaryContext = { tlog: true, sct: true, requireAllKeys: false, offline: true };

describe('the report: outcome, exit code, policy section', () => {
  it.each<[Array<ImageResult['outcome']>, string, number]>([
    [['warned'], 'warned', 0],
    [['verified', 'warned'], 'warned', 0],
    [['warned', 'allowed'], 'warned', 0],
    [['warned', 'failed'], 'failed', 1],
    [['warned', 'error'], 'error', 2],
    [['warned', 'skipped'], 'error', 2],
    [['verified'], 'verified', 0],
  ])('%j -> %s, exit %d', (outcomes, want, code) => {
    const results = outcomes.map((o) => result(o));
    expect(overallOutcome(results)).toBe(want);
    expect(exitCode(overallOutcome(results))).toBe(code);
  });

  it('a run that did not start is an error whatever warned', () => {
    expect(
      reportOutcome({ results: [result('warned')], error: { code: 'USAGE', message: 'x' } }),
    ).toBe('error');
  });

  it('the policy section names warn mode only when not enforce, so enforcing digests are unchanged', async () => {
    const flags = await compileRunPolicy(options({ keys: [KEY] }), {});
    const enforce = summarizeRunPolicy({ ...ctx, mode: compileMode({ mode: 'enforce' }) }, flags);
    const plain = summarizeRunPolicy(ctx, flags);
    expect(enforce).toEqual(plain);
    expect(policyDigest(enforce)).toBe(policyDigest(plain));
    const warn = summarizeRunPolicy({ ...ctx, mode: compileMode({ enforceAfter: DAY }) }, flags);
    expect(warn).toMatchObject({ mode: 'warn', enforceAfter: '2027-03-01' });
    expect(policyDigest(warn)).not.toBe(policyDigest(plain));
    expect(summarizeRunPolicy({ ...ctx, mode: { mode: 'warn' } }, flags)).not.toHaveProperty(
      'enforceAfter',
    );
  });

  it("the policy section names each file rule's mode, only when it warns", async () => {
    const file = await policyFile(
      `version: 1\nrules:\n  - {name: w, images: ['a.example/**'], keys: ['${KEY}'], enforceAfter: '2027-03-01'}\n  - {name: e, images: ['**'], keys: ['${KEY}']}\n`,
    );
    const p = await compileRunPolicy(options({ policyFile: file, mode: 'warn' }), {});
    const s = summarizeRunPolicy(
      { ...ctx, policyFile: file, mode: compileMode({ mode: 'warn' }) },
      p,
    );
    expect(s).not.toHaveProperty('mode');
    expect(s.policyFile?.rules.map((r) => [r.name, r.mode, r.enforceAfter])).toEqual([
      ['w', 'warn', '2027-03-01'],
      ['e', 'warn', undefined],
    ]);
    const q = await compileRunPolicy(options({ policyFile: file }), {});
    const t = summarizeRunPolicy({ ...ctx, policyFile: file }, q);
    expect(t.policyFile?.rules[1]).not.toHaveProperty('mode');
  });

  it('the text says warned with ⚠ and counts it', () => {
    const w = {
      ...applyMode(
        result('failed', 'UNSIGNED'),
        rule({ mode: 'warn', enforceAfter: DAY }),
        new Date(0),
      ),
    };
    expect(renderResultText(w)).toMatch(
      /^⚠ Verification failed for reg\.example\/app:failed \(warn mode: not enforced until 2027-03-01\)\n {2}Reason: because UNSIGNED$/,
    );
    const report = finishReport({
      startedAt: 'x',
      policy: summarizeRunPolicy(ctx, undefined),
      results: [w, result('verified')],
    });
    expect(report.outcome).toBe('warned');
    expect(report.verified).toBe(false);
    expect(renderReportText(report)).toMatch(/1 failed in warn mode \(not enforced\)\n$/);
    // The Action fails its step on this message: a warned run has none.
    expect(failureMessage(report)).toBeUndefined();
    expect(failureMessage({ ...report, outcome: 'failed' })).toMatch(/image-gate:/);
  });
});

describe('merging shards with warned images', () => {
  const policy: PolicySummary = {
    ...summarizeRunPolicy({ ...ctx, mode: { mode: 'warn' } }, undefined),
  };
  const shard = (...outcomes: Array<ImageResult['outcome']>) =>
    finishReport({
      startedAt: '2026-01-01T00:00:00Z',
      policy,
      results: outcomes.map((o) => ({ ...result(o), image: `reg.example/${Math.random()}` })),
    });

  it.each<[Array<Array<ImageResult['outcome']>>, string]>([
    [[['warned'], ['warned']], 'warned'],
    [[['warned'], ['verified']], 'warned'],
    [[['verified'], ['verified']], 'verified'],
    [[['warned'], ['failed']], 'failed'],
    [[['warned'], ['error']], 'error'],
  ])('%j -> %s', (shards, want) => {
    const m = mergeReports(shards.map((o) => shard(...o)));
    expect(m.outcome).toBe(want);
    expect(m.verified).toBe(want === 'verified');
    expect(exitCode(m.outcome)).toBe(
      want === 'warned' || want === 'verified' ? 0 : want === 'failed' ? 1 : 2,
    );
    expect(m.results.filter((r) => r.outcome === 'warned')).toHaveLength(
      shards.flat().filter((o) => o === 'warned').length,
    );
  });

  it('a shard edited from warned to verified, or warned results under an enforcing outcome, is refused', () => {
    const s = shard('warned');
    expect(() => mergeReports([{ ...s, outcome: 'verified', verified: true }])).toThrow(
      /was edited: it says outcome "verified" .* but its results give warned/,
    );
    const f = shard('failed');
    expect(() => mergeReports([{ ...f, outcome: 'warned' }])).toThrow(
      /but its results give failed/,
    );
  });

  it('warned shards read from files merge (the file check knows warned)', async () => {
    const files = await Promise.all(
      [shard('warned'), shard('verified', 'warned')].map(async (r, i) => {
        const f = path.join(dir, `shard-${i}.json`);
        await writeFile(f, JSON.stringify(r));
        return f;
      }),
    );
    const m = await mergeReportFiles(files);
    expect(m.outcome).toBe('warned');
    expect(m.results.map((r) => r.outcome)).toEqual(['warned', 'verified', 'warned']);
  });

  it('shards of one policy in warn and in enforce mode do not merge', () => {
    const enforcing = finishReport({
      startedAt: '2026-01-01T00:00:00Z',
      policy: summarizeRunPolicy(ctx, undefined),
      results: [result('verified')],
    });
    expect(() => mergeReports([shard('warned'), enforcing])).toThrow(/under another policy/);
  });
});
