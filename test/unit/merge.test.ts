// Merging shard reports: the verdict over every shard, and the refusals that keep a merged
// verdict honest (issue 10 item 18): one policy, one schema, each run and each image once, and
// an outcome recomputed from the results rather than read from a field a shard could edit.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReports, mergeReportFiles, mergeReports } from '../../src/core/merge.js';
import {
  REPORT_SCHEMA_VERSION,
  type ImageResult,
  type PolicySummary,
  type Report,
  type RevocationListSummary,
  type SummaryRecord,
} from '../../src/core/report.js';
import { canonicalJson, finishReport, policyDigest } from '../../src/core/report-finish.js';

const policy: PolicySummary = {
  keys: [],
  identities: [],
  requireTlog: true,
  requireSct: true,
  trustRoot: 'x',
};
const res = (image: string, outcome: ImageResult['outcome']): ImageResult => ({
  image,
  outcome,
  verified: outcome === 'verified',
  signatures: [],
  attestations: [],
  durationMs: 1,
});
const shard = (images: Array<[string, ImageResult['outcome']]>, p: PolicySummary = policy) =>
  finishReport({
    startedAt: '2026-01-01T00:00:00Z',
    policy: p,
    results: images.map(([i, o]) => res(i, o)),
  });

let dir: string;
const write = async (name: string, doc: unknown): Promise<string> => {
  const f = path.join(dir, name);
  await writeFile(f, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return f;
};

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
  await write('shards/a.json', a);
  await write('shards/b.json', b);
  await write('c.json', c);
  await write('bad.json', {
    ...shard([['x', 'verified']]),
    results: [{ image: 'x', outcome: 'verified', verified: false }],
  });
  await write('other.json', { hello: 'world' });
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

  it("sums the shards' per-registry counters (issue 15)", () => {
    const reg = (pulls: number, remaining: number) => ({
      requests: pulls + 1,
      pulls,
      rateLimited: 0,
      retries: 0,
      bytes: 100,
      waitMs: 5,
      concurrency: { start: 8, min: 8, final: 8 },
      rateLimit: { remaining },
    });
    const a = {
      ...shard([['a', 'verified']]),
      stats: { registryRequests: 3, registries: { h: reg(2, 90) } },
    };
    const b = {
      ...shard([['b', 'verified']]),
      stats: { registryRequests: 4, registries: { h: reg(3, 80) } },
    };
    expect(mergeReports([a, b]).stats).toEqual({
      registryRequests: 7,
      registries: {
        h: { ...reg(5, 80), requests: 7, bytes: 200, waitMs: 10 },
      },
    });
  });

  it('gives the merged report its own run id, the shards run ids and their policy digest', () => {
    const a = shard([['a', 'verified']]);
    const b = shard([['b', 'verified']]);
    const m = mergeReports([a, b]);
    expect(m.runId).not.toBe(a.runId);
    expect(m.mergedRunIds).toEqual([a.runId, b.runId]);
    expect(m.policyDigest).toBe(a.policyDigest);
    expect(m.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    // A merged report merges again with a further shard, and counts each shard once.
    const c = shard([['c', 'verified']]);
    expect(mergeReports([m, c]).mergedRunIds).toEqual([a.runId, b.runId, c.runId]);
    expect(() => mergeReports([m, a], ['merged.json', 'a.json'])).toThrow(
      `merge: merged.json and a.json are the same run (runId ${a.runId})`,
    );
  });

  it.each([
    ['missing.json', /no file or directory at .*missing\.json/],
    ['other.json', /other\.json is not an image-gate report/],
    ['bad.json', /bad\.json results\[0\] is not a valid image result/],
  ])('refuses %s, naming it', async (name, msg) => {
    await expect(loadReports([path.join(dir, name)])).rejects.toThrow(msg);
  });

  it('refuses an empty list', async () => {
    await expect(loadReports([])).rejects.toThrow(/no report files/);
    expect(() => mergeReports([])).toThrow(/no reports to merge/);
  });
});

describe('run ids', () => {
  it('differ per run and are UUIDs', () => {
    const ids = new Set(Array.from({ length: 50 }, () => shard([['a', 'verified']]).runId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
  });
});

describe('the policy digest', () => {
  const keyA = { keyRef: 'a.pub', keyID: '00000000000000aa' };
  const keyB = { keyRef: 'b.pub', keyID: '00000000000000bb' };
  const p: PolicySummary = {
    keys: [keyA, keyB],
    identities: [
      { subject: 'https://x/a', issuer: 'https://i' },
      { subject: 'https://x/b', issuer: 'https://i', extensions: { '1.2': 'v' } },
    ],
    requireTlog: true,
    requireSct: true,
    trustRoot: 'embedded public-good',
    attestations: { types: ['slsa', 'spdx'], conditions: { 'max-vuln-age': '24h' }, signers: 's' },
  };
  const reversedKeys = (o: Record<string, unknown>): unknown =>
    Object.fromEntries(
      Object.entries(o)
        .reverse()
        .map(([k, v]) => [
          k,
          Array.isArray(v)
            ? v.map((x: unknown) => (typeof x === 'object' && x ? reversedKeys(x as never) : x))
            : typeof v === 'object' && v
              ? reversedKeys(v as never)
              : v,
        ]),
    );

  it('is sha256 over the canonical JSON, written as sha256:<hex>', () => {
    expect(policyDigest(p)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: undefined } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"z":1}}',
    );
  });

  it.each<[string, unknown]>([
    ['the same summary', structuredClone(p)],
    ['object keys in another order at every level', reversedKeys(p as never)],
    ['keys given in another order', { ...p, keys: [keyB, keyA] }],
    ['identities in another order', { ...p, identities: [...p.identities].reverse() }],
    [
      'attestation types in another order',
      { ...p, attestations: { ...p.attestations!, types: ['spdx', 'slsa'] } },
    ],
  ])('is the same for %s', (_what, q) => {
    expect(policyDigest(q as PolicySummary)).toBe(policyDigest(p));
  });

  it.each<[string, PolicySummary]>([
    ['another key', { ...p, keys: [keyA, { ...keyB, keyID: '00000000000000cc' }] }],
    ['one key fewer', { ...p, keys: [keyA] }],
    ['the tlog not required', { ...p, requireTlog: false }],
    ['another trust root', { ...p, trustRoot: 'file:root.json' }],
    ['another platform set', { ...p, platforms: 'linux/amd64' }],
    ['every key required', { ...p, requireAllKeys: true }],
    ['attestations alone deciding', { ...p, requireSignature: false }],
    [
      'other attestation signer keys',
      { ...p, attestations: { ...p.attestations!, signerKeys: [keyB] } },
    ],
    [
      'other attestation signer identities',
      {
        ...p,
        attestations: { ...p.attestations!, signerIdentities: [p.identities[0]] },
      },
    ],
    [
      'attestations from the GitHub API of another owner',
      { ...p, attestations: { ...p.attestations!, github: 'evil' } },
    ],
    ['no attestation required', { ...p, attestations: undefined } as never],
    [
      'another condition',
      { ...p, attestations: { ...p.attestations!, conditions: { 'max-vuln-age': '48h' } } },
    ],
    [
      'an identity extension check changed',
      {
        ...p,
        identities: [p.identities[0], { ...p.identities[1], extensions: { '1.2': 'w' } }],
      },
    ],
  ])('differs for %s', (_what, q) => {
    expect(policyDigest(q)).not.toBe(policyDigest(p));
  });

  it('tells apart policy-file rules whose identities were swapped', () => {
    const rule = (name: string, subject: string) => ({
      name,
      images: [`${name}/*`],
      keys: [],
      identities: [{ subject, issuer: 'https://i' }],
      attestations: [],
      requireSignature: true,
    });
    const file = (rules: ReturnType<typeof rule>[]): PolicySummary => ({
      ...p,
      policyFile: { source: 'policy.yaml', unmatched: 'fail', rules },
    });
    expect(policyDigest(file([rule('a', 'x'), rule('b', 'y')]))).not.toBe(
      policyDigest(file([rule('a', 'y'), rule('b', 'x')])),
    );
  });

  it('tells apart policy-file rules with other attestation conditions', () => {
    const rule = (conditions?: Record<string, string>) => ({
      name: 'a',
      images: ['a/*'],
      keys: [],
      attestations: ['https://slsa.dev/provenance/v1'],
      ...(conditions ? { conditions } : {}),
      requireSignature: true,
    });
    const file = (r: ReturnType<typeof rule>): PolicySummary => ({
      ...p,
      policyFile: { source: 'policy.yaml', unmatched: 'fail', rules: [r] },
    });
    expect(policyDigest(file(rule()))).not.toBe(
      policyDigest(file(rule({ 'builder-id': 'https://x' }))),
    );
  });

  it('keeps policy-file rule order (rules match first to last)', () => {
    const rule = (name: string) => ({
      name,
      images: [`${name}/*`],
      keys: [],
      attestations: [],
      requireSignature: true,
    });
    const file = (rules: ReturnType<typeof rule>[]): PolicySummary => ({
      ...p,
      policyFile: { source: 'policy.yaml', unmatched: 'fail', rules },
    });
    expect(policyDigest(file([rule('a'), rule('b')]))).not.toBe(
      policyDigest(file([rule('b'), rule('a')])),
    );
  });
});

describe('merge refuses what would make the verdict dishonest', () => {
  const strict: PolicySummary = { ...policy, keys: [{ keyRef: 'k.pub', keyID: 'ab'.repeat(8) }] };
  const lax: PolicySummary = { ...strict, requireTlog: false };
  const refusal = (reports: Report[], names: string[]) => {
    try {
      mergeReports(reports, names);
    } catch (e: unknown) {
      return e as { code: string; message: string };
    }
    throw new Error('merged');
  };

  it.each<[string, () => Report[], RegExp]>([
    [
      'shards verified under another policy',
      () => [shard([['a', 'verified']], strict), shard([['b', 'verified']], lax)],
      /merge: s2\.json was verified under another policy than s1\.json \(policyDigest sha256:[0-9a-f]{64} vs sha256:[0-9a-f]{64}\)/,
    ],
    [
      'shards under another key',
      () => [shard([['a', 'verified']], strict), shard([['b', 'verified']], policy)],
      /s2\.json was verified under another policy than s1\.json/,
    ],
    [
      'the same report twice',
      () => {
        const a = shard([['a', 'verified']]);
        return [a, a];
      },
      /merge: s1\.json and s2\.json are the same run \(runId [0-9a-f-]{36}\)/,
    ],
    [
      'a copy of a shard with its results changed (same run id)',
      () => {
        const a = shard([['a', 'verified']]);
        return [a, { ...a, results: [res('z', 'verified')] }];
      },
      /s1\.json and s2\.json are the same run/,
    ],
    [
      'the same image verified in two runs',
      () => [shard([['a', 'verified']]), shard([['a', 'verified']])],
      /merge: s1\.json and s2\.json both hold a result for "a"/,
    ],
    [
      'one image under two spellings in two runs (same identity)',
      () => {
        const a = shard([['GHCR.IO:443/acme/app:1', 'verified']]);
        const b = shard([['ghcr.io/acme/app:1', 'verified']]);
        a.results[0]!.identity = 'ghcr.io/acme/app:1';
        b.results[0]!.identity = 'ghcr.io/acme/app:1';
        return [a, b];
      },
      /merge: s1\.json and s2\.json both hold a result for "ghcr\.io\/acme\/app:1"/,
    ],
    [
      'one image twice inside one shard',
      () => [
        shard([
          ['a', 'verified'],
          ['a', 'verified'],
        ]),
      ],
      /merge: s1\.json holds a result for "a" twice/,
    ],
    [
      'a shard whose outcome was edited to verified over a failed result',
      () => [
        shard([['a', 'verified']]),
        { ...shard([['b', 'failed']]), outcome: 'verified', verified: true },
      ],
      /merge: s2\.json was edited: it says outcome "verified" \(verified true\) but its results give failed/,
    ],
    [
      'a shard whose verified flag alone was edited',
      () => [{ ...shard([['b', 'error']]), verified: true }],
      /s1\.json was edited: it says outcome "error" \(verified true\) but its results give error/,
    ],
    [
      'a shard whose policy section was edited under its digest',
      () => [
        shard([['a', 'verified']], strict),
        { ...shard([['b', 'verified']], strict), policy: lax },
      ],
      /merge: s2\.json was edited: its policyDigest sha256:[0-9a-f]{64} is not the digest of its policy section/,
    ],
    [
      'a shard with no image results (its own run exited 2)',
      () => [shard([['a', 'verified']]), shard([])],
      /merge: s2\.json holds no image results; every shard must have verified images/,
    ],
    [
      'a shard of another schema version',
      () => [shard([['a', 'verified']]), { ...shard([['b', 'verified']]), schemaVersion: 3 }],
      /merge: s2\.json is report schema 3, this image-gate reads and writes 2/,
    ],
  ])('refuses %s (USAGE, naming the files)', (_what, reports, msg) => {
    const names = ['s1.json', 's2.json'];
    const e = refusal(reports(), names);
    expect(e.code).toBe('USAGE');
    expect(e.message).toMatch(msg);
  });

  it('says a shard did not start when its policy differs for that reason', () => {
    const failedStart = finishReport({
      startedAt: 'x',
      policy: { ...policy, trustRoot: 'file:gone.json' },
      error: { code: 'TRUST_ROOT', message: 'trusted-root: no file at gone.json' } as never,
      results: [{ ...res('b', 'error'), reason: 'trusted-root: no file at gone.json' }],
    });
    expect(
      refusal([shard([['a', 'verified']]), failedStart], ['s1.json', 's2.json']).message,
    ).toMatch(/another policy .*; s2\.json did not start: trusted-root: no file at gone\.json/);
  });
});

describe('report files from other versions or edited by hand', () => {
  const current = () => shard([['a', 'verified']]);
  const drop = (k: keyof Report) => {
    const r: Partial<Report> = current();
    delete r[k];
    return r;
  };

  it.each<[string, () => unknown, RegExp]>([
    [
      'a schema 1 report (no runId, no policyDigest)',
      () => {
        const r: Partial<Report> = { ...current(), schemaVersion: 1 };
        delete r.runId;
        delete r.policyDigest;
        return r;
      },
      /old\.json is report schema 1, this image-gate reads and writes 2 \(with runId and policyDigest\); re-run that shard/,
    ],
    ['a report with no schemaVersion', () => drop('schemaVersion'), /is not an image-gate report/],
    [
      'a schema 2 report without runId',
      () => drop('runId'),
      /old\.json is not a valid image-gate report: runId missing/,
    ],
    [
      'a schema 2 report without policyDigest',
      () => drop('policyDigest'),
      /policyDigest null is not sha256:<64 hex>/,
    ],
    [
      'a policyDigest of another form',
      () => ({ ...current(), policyDigest: 'md5:00' }),
      /"md5:00" is not sha256/,
    ],
    ['no policy section', () => drop('policy'), /policy missing/],
    ['no outcome', () => drop('outcome'), /outcome\/verified missing/],
    [
      'a start error that is not {code, message}',
      () => ({ ...current(), error: 'boom' }),
      /error is not \{code, message\}/,
    ],
    [
      'mergedRunIds that are not run ids',
      () => ({ ...current(), mergedRunIds: [] }),
      /mergedRunIds is not a list of run ids/,
    ],
    ['a JSON array', () => [current()], /is not an image-gate report/],
  ])('refuses %s, naming the file', async (_what, doc, msg) => {
    const f = await write('old.json', doc());
    await expect(mergeReportFiles([f])).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringMatching(msg),
    });
  });

  it('refuses a file given twice (directly and through its folder)', async () => {
    await mkdir(path.join(dir, 'twice'), { recursive: true });
    const f = await write('twice/a.json', current());
    await expect(mergeReportFiles([path.join(dir, 'twice'), f])).rejects.toThrow(
      /merge: .*twice\/a\.json is given twice/,
    );
  });
});

describe('summaries and the revocation list survive a merge', () => {
  const list = (over: Partial<RevocationListSummary> = {}): RevocationListSummary => ({
    source: 'https://acme.example/revocations.json',
    version: 3,
    issued: '2026-01-01T00:00:00Z',
    expires: '2026-02-01T00:00:00Z',
    entries: 2,
    signer: 'key list.pub (sha256:ab)',
    sha256: `sha256:${'1'.repeat(64)}`,
    ...over,
  });
  const summary = (image: string, n: string): SummaryRecord => ({
    image,
    digest: `sha256:${n.repeat(64)}`,
    verificationResult: 'PASSED',
    file: `/runner/temp/summaries/1-sha256-${n.repeat(64)}.sigstore.json`,
    referrer: { digest: `sha256:${n.repeat(63)}f`, via: 'tag index' },
  });
  const shardWith = (
    image: string,
    extra: { revocations?: RevocationListSummary; summaries?: SummaryRecord[] },
  ): Report =>
    finishReport({
      startedAt: '2026-01-01T00:00:00Z',
      policy,
      results: [res(image, 'verified')],
      ...extra,
    });

  it("keeps every shard's summaries, in shard order, and the list all of them checked", () => {
    const m = mergeReports([
      shardWith('a', { revocations: list(), summaries: [summary('a', 'a')] }),
      shardWith('b', { revocations: list(), summaries: [summary('b', 'b'), summary('c', 'c')] }),
      shardWith('d', { revocations: list() }),
    ]);
    expect(m.summaries?.map((s) => s.image)).toEqual(['a', 'b', 'c']);
    expect(m.summaries?.[0]).toEqual(summary('a', 'a'));
    expect(m.revocations).toEqual(list());
    // Placed as a run's report places them: before the results.
    expect(Object.keys(m).slice(-3)).toEqual(['revocations', 'summaries', 'results']);
  });

  it('a merge without them has neither', () => {
    const m = mergeReports([shardWith('a', {}), shardWith('b', {})]);
    expect(m).not.toHaveProperty('summaries');
    expect(m).not.toHaveProperty('revocations');
  });

  it('keeps them through report files too', async () => {
    const a = await write(
      'rv-a.json',
      shardWith('a', { revocations: list(), summaries: [summary('a', 'a')] }),
    );
    const b = await write('rv-b.json', shardWith('b', { revocations: list() }));
    const m = await mergeReportFiles([a, b]);
    expect(m.summaries).toEqual([summary('a', 'a')]);
    expect(m.revocations?.version).toBe(3);
  });

  it.each([
    [
      'another version',
      list({ version: 4, sha256: `sha256:${'2'.repeat(64)}` }),
      /merge: a\.json checked revocation list https:\/\/acme\.example\/revocations\.json version 3 .* but b\.json checked version 4 \(sha256:2{64}\)/,
    ],
    [
      'the same version with other bytes',
      list({ sha256: `sha256:${'2'.repeat(64)}` }),
      /merge: a\.json checked .* but b\.json checked another list of the same version: revocation list .* version 3 \(sha256:2{64}/,
    ],
    [
      'another list at another place',
      list({ source: 'other.json' }),
      /merge: a\.json checked .* but b\.json checked another list of the same version: revocation list other\.json/,
    ],
    [
      'another signer',
      list({ signer: 'key evil.pub (sha256:cd)' }),
      /b\.json checked another list of the same version: .*signed by key evil\.pub/,
    ],
    [
      'no list at all',
      undefined,
      /merge: a\.json checked revocation list .* but b\.json checked no revocation list/,
    ],
  ])('refuses shards that checked %s, naming both files', (_what, other, msg) => {
    expect(() =>
      mergeReports(
        [
          shardWith('a', { revocations: list() }),
          shardWith('b', other ? { revocations: other } : {}),
        ],
        ['a.json', 'b.json'],
      ),
    ).toThrow(msg);
  });

  it('refuses a shard with no list before one with a list, naming both', () => {
    expect(() =>
      mergeReports(
        [shardWith('a', {}), shardWith('b', { revocations: list() })],
        ['a.json', 'b.json'],
      ),
    ).toThrow(/merge: b\.json checked revocation list .* but a\.json checked no revocation list/);
  });

  it.each([
    ['summaries that are not a list', { summaries: 'x' }, /summaries is not a list/],
    [
      'a summary without a file',
      {
        summaries: [
          { image: 'a', digest: `sha256:${'a'.repeat(64)}`, verificationResult: 'PASSED' },
        ],
      },
      /summaries is not a list/,
    ],
    [
      'a summary saying MAYBE',
      { summaries: [{ ...summary('a', 'a'), verificationResult: 'MAYBE' }] },
      /summaries is not a list/,
    ],
    [
      'a list without a version',
      { revocations: { ...list(), version: '3' } },
      /revocations is not/,
    ],
    ['a list with a bad digest', { revocations: { ...list(), sha256: 'x' } }, /revocations is not/],
  ])('refuses a report file with %s, naming it', async (_what, extra, msg) => {
    const f = await write('bad-extra.json', { ...shardWith('a', {}), ...extra });
    await expect(mergeReportFiles([f])).rejects.toThrow(
      new RegExp(`bad-extra\\.json is not a valid image-gate report: ${msg.source}`),
    );
  });
});

// Red-team round (issue 15): a shard report (signed or not) names the workflow run it ran in,
// and nothing else ties it to today: a passing shard of last week's run of the same policy and
// image list merged in place of today's failing one into a pass.
describe('shards of one GitHub Actions run', () => {
  const inRun = (runId: string | undefined, image: string, outcome: ImageResult['outcome']) =>
    finishReport({
      startedAt: '2026-01-01T00:00:00Z',
      policy,
      results: [res(image, outcome)],
      ...(runId !== undefined ? { github: { runId, runAttempt: '1', job: 'gate' } } : {}),
    });

  it('refuses a shard from another workflow run, naming both runs', () => {
    expect(() =>
      mergeReports(
        [inRun('1001', 'a', 'verified'), inRun('999', 'b', 'verified')],
        ['a.json', 'b.json'],
      ),
    ).toThrow(
      /a\.json ran in workflow run 1001 but b\.json ran in workflow run 999; merge only the shards of one run/,
    );
  });

  it('refuses mixing a shard from Actions with one from elsewhere', () => {
    expect(() =>
      mergeReports(
        [inRun(undefined, 'a', 'verified'), inRun('1001', 'b', 'verified')],
        ['a.json', 'b.json'],
      ),
    ).toThrow(/a\.json ran outside GitHub Actions but b\.json ran in workflow run 1001/);
  });

  it('merges the shards of one run (attempts may differ) and keeps its run id', () => {
    const b = { ...inRun('1001', 'b', 'verified'), github: { runId: '1001', runAttempt: '2' } };
    const merged = mergeReports([inRun('1001', 'a', 'verified'), b]);
    expect(merged.outcome).toBe('verified');
    expect(merged.github).toEqual({ runId: '1001' });
    // A merge of merges of that run stays in it.
    expect(mergeReports([merged, inRun('1001', 'c', 'verified')]).github).toEqual({
      runId: '1001',
    });
  });
});
