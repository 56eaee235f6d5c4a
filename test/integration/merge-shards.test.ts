// Issue 10 item 18 through the shipped bundles: shard reports written by `dist/cli.js verify`,
// merged by `dist/cli.js merge` and by the Action's merge-reports input (`dist/index.js`). A merge
// of shards under different policies, of one run twice, of one image twice, of an edited shard or
// of an older report is refused naming the files (CLI exit 2; the Action fails the step).
import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-dist.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EX = path.join(ROOT, 'examples');
let dir: string;

interface ShardReport {
  schemaVersion: number;
  runId: string;
  policyDigest: string;
  mergedRunIds?: string[];
  outcome: string;
  verified: boolean;
  results: Array<{ image: string; outcome: string }>;
}

const verify = (report: string, tag: string, ...extra: string[]) =>
  runNode(
    [
      path.join(ROOT, 'dist', 'cli.js'),
      'verify',
      '--trusted-root',
      path.join(EX, 'trusted_root.json'),
      '--key',
      path.join(EX, 'cosign.pub'),
      '--report',
      report,
      ...extra,
      `oci-layout://${path.join(EX, 'layout')}:${tag}`,
    ],
    {},
    dir,
  );
const merge = (...files: string[]) =>
  runNode([path.join(ROOT, 'dist', 'cli.js'), 'merge', '--output', 'json', ...files], {}, dir);
const action = (files: string[]) =>
  runNode(
    [path.join(ROOT, 'dist', 'index.js')],
    { 'INPUT_MERGE-REPORTS': files.join('\n'), INPUT_SUMMARY: 'false', RUNNER_TEMP: dir },
    dir,
  );
const read = async (f: string) =>
  JSON.parse(await readFile(path.join(dir, f), 'utf8')) as ShardReport;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'merge-shards-'));
  // One policy, run settings that differ per shard (concurrency, fail-fast, timeout).
  expect((await verify('signed.json', 'signed', '--concurrency', '1')).code).toBe(0);
  expect(
    (
      await verify(
        'unsigned.json',
        'unsigned',
        '--concurrency',
        '8',
        '--fail-fast',
        '--timeout',
        '90s',
      )
    ).code,
  ).toBe(1);
  // The same image again in another run, and a shard under a laxer policy.
  expect((await verify('signed-again.json', 'signed')).code).toBe(0);
  expect((await verify('lax.json', 'unsigned', '--insecure-ignore-tlog')).code).toBe(1);
  // Policies that differ only in what the summary used to leave out: every key required, and
  // who may sign the attestations.
  expect((await verify('all-keys.json', 'unsigned', '--require-all-keys')).code).toBe(1);
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  await writeFile(
    path.join(dir, 'other.pub'),
    other.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  const att = ['--attestation', 'https://slsa.dev/provenance/v1', '--attestation-key'];
  expect((await verify('att-a.json', 'signed', ...att, path.join(EX, 'cosign.pub'))).code).toBe(1);
  expect((await verify('att-b.json', 'unsigned', ...att, 'other.pub')).code).toBe(1);
}, 60_000);

describe('merge through dist/cli.js', () => {
  it('merges shards of one policy: one digest across run settings, a run id each', async () => {
    const a = await read('signed.json');
    const b = await read('unsigned.json');
    expect(a.schemaVersion).toBe(2);
    expect(a.policyDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b.policyDigest).toBe(a.policyDigest);
    expect(b.runId).not.toBe(a.runId);
    const m = await merge('signed.json', 'unsigned.json');
    expect(m.stderr).toBe('');
    expect(m.code).toBe(1);
    const merged = JSON.parse(m.stdout) as ShardReport;
    expect(merged.outcome).toBe('failed');
    expect(merged.mergedRunIds).toEqual([a.runId, b.runId]);
    expect(merged.policyDigest).toBe(a.policyDigest);
  });

  it.each<[string, () => string[] | Promise<string[]>, RegExp]>([
    [
      'shards verified under different policies',
      () => ['signed.json', 'lax.json'],
      /^image-gate: merge: lax\.json was verified under another policy than signed\.json \(policyDigest sha256:\w{64} vs sha256:\w{64}\)/,
    ],
    [
      'shards where one required every key',
      () => ['unsigned.json', 'all-keys.json'],
      /^image-gate: merge: all-keys\.json was verified under another policy than unsigned\.json/,
    ],
    [
      'shards whose attestations had other signers',
      () => ['att-a.json', 'att-b.json'],
      /^image-gate: merge: att-b\.json was verified under another policy than att-a\.json/,
    ],
    [
      'the same report twice',
      () => ['signed.json', 'signed.json'],
      /^image-gate: merge: signed\.json is given twice/,
    ],
    [
      'a copy of a shard under another name',
      async () => {
        await copyFile(path.join(dir, 'unsigned.json'), path.join(dir, 'copy.json'));
        return ['signed.json', 'unsigned.json', 'copy.json'];
      },
      /^image-gate: merge: unsigned\.json and copy\.json are the same run \(runId [\w-]{36}\)/,
    ],
    [
      'the same image verified in two runs',
      () => ['signed.json', 'signed-again.json'],
      /^image-gate: merge: signed\.json and signed-again\.json both hold a result for "oci-layout:\/\/.*:signed"/,
    ],
    [
      'a shard whose outcome was edited to verified',
      async () => {
        const r = await read('unsigned.json');
        await writeFile(
          path.join(dir, 'edited.json'),
          JSON.stringify({ ...r, runId: 'edited', outcome: 'verified', verified: true }),
        );
        return ['signed.json', 'edited.json'];
      },
      /^image-gate: merge: edited\.json was edited: it says outcome "verified" \(verified true\) but its results give failed/,
    ],
    [
      'a shard whose policy was swapped under its digest',
      async () => {
        const lax = await read('lax.json');
        const r = await read('unsigned.json');
        await writeFile(
          path.join(dir, 'swapped.json'),
          JSON.stringify({ ...lax, policyDigest: r.policyDigest }),
        );
        return ['signed.json', 'swapped.json'];
      },
      /^image-gate: merge: swapped\.json was edited: its policyDigest .* is not the digest of its policy section/,
    ],
    [
      'a report of the older schema',
      async () => {
        const r: Partial<ShardReport> = await read('unsigned.json');
        delete r.runId;
        delete r.policyDigest;
        await writeFile(path.join(dir, 'v1.json'), JSON.stringify({ ...r, schemaVersion: 1 }));
        return ['signed.json', 'v1.json'];
      },
      /^image-gate: merge: v1\.json is report schema 1, this image-gate reads and writes 2/,
    ],
  ])('refuses %s with exit 2, naming the files', async (_what, files, msg) => {
    const m = await merge(...(await files()));
    // --output json: stdout is the error document (issue 13), never a merged report.
    const doc = JSON.parse(m.stdout) as { error: { code: string; message: string } };
    expect(Object.keys(doc)).toEqual(['error', 'tool']);
    expect(`image-gate: ${doc.error.message}`).toMatch(msg);
    expect(m.stderr).toMatch(msg);
    expect(m.code).toBe(2);
  });
});

describe("the Action's merge-reports input through dist/index.js", () => {
  it('merges shards of one policy into one verdict', async () => {
    const r = await action(['signed.json', 'unsigned.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::set-output name=verified::false');
    expect(r.stdout).toContain(
      '::error::image-gate: 1 of 2 image(s) failed verification; first: oci-layout://',
    );
  });

  it.each<[string, string[], RegExp]>([
    [
      'different policies',
      ['signed.json', 'lax.json'],
      /::error::image-gate: merge: lax\.json was verified under another policy than signed\.json/,
    ],
    [
      'one report twice',
      ['signed.json', 'signed.json'],
      /::error::image-gate: merge: signed\.json is given twice/,
    ],
    [
      'one image in two shards',
      ['signed.json', 'signed-again.json'],
      /::error::image-gate: merge: signed\.json and signed-again\.json both hold a result/,
    ],
  ])('fails the step on %s, writing no verdict', async (_what, files, msg) => {
    const r = await action(files);
    expect(r.stdout).toMatch(msg);
    expect(r.stdout).not.toContain('set-output name=verified');
    expect(r.code).not.toBe(0);
  });
});
