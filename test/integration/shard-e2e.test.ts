// Issue 15 item 5, sharding end to end through dist/cli.js and dist/index.js against a real
// docker-registry: three jobs given the same images-file and Compose file with `--shard I/3`
// (and the Action's `shard` input) verify disjoint parts whose union is the whole 7-image list,
// one image written in both files (two spellings) once with both sources; merge of 1..3 passes,
// of 1 and 2 fails naming shard 3, of a shard cut from another list or an unsharded report fails
// naming the files; an empty shard passes; a bad I/N is exit 2 naming the flag and value.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { signedImage, startSigningRegistry, type SigningRegistry } from '../helpers/images.js';
import { runAction, runCli } from '../helpers/run-dist.js';

let s: SigningRegistry;
let keyFile: string;
let refs: string[];
const cliShards: Report[] = [];

const file = (name: string) => path.join(s.dir, name);
const read = async (name: string) => JSON.parse(await readFile(file(name), 'utf8')) as Report;

/** `verify --shard` over the shared list and Compose file (extra args before). */
const verifyShard = (shard: string, report: string, ...extra: string[]) =>
  runCli([
    'verify',
    '--trusted-root',
    s.root,
    '--key',
    keyFile,
    '--images-file',
    file('images.txt'),
    '--from',
    file('compose.yaml'),
    '--shard',
    shard,
    '--report',
    file(report),
    '--output',
    'json',
    ...extra,
  ]);
const merge = (...names: string[]) =>
  runCli(['merge', '--output', 'json', ...names.map(file)], {}, s.dir);

beforeAll(async () => {
  s = await startSigningRegistry('shard-e2e-');
  const key = s.ss.generateKeyPair();
  keyFile = file('cosign.pub');
  await writeFile(keyFile, key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const images = await Promise.all(
    Array.from({ length: 7 }, (_, i) =>
      signedImage(s, `shard/app-${i}`, i === 6 ? 'latest' : `v${i}`, { key }),
    ),
  );
  refs = images.map((i) => i.ref);
  // The list names all seven (the last without its default tag); Compose names two of them again.
  await writeFile(
    file('images.txt'),
    [...refs.slice(0, 6), `${s.reg.host}/shard/app-6`].join('\n') + '\n',
  );
  await writeFile(
    file('compose.yaml'),
    `services:\n  a:\n    image: ${refs[6]}\n  b:\n    image: ${refs[2]}\n`,
  );
  // Another list: the same seven less one.
  await writeFile(file('other.txt'), refs.slice(0, 6).join('\n') + '\n');
  for (const i of [1, 2, 3]) {
    const r = await verifyShard(`${i}/3`, `s${i}.json`);
    expect(r.stderr).not.toMatch(/image-gate:/);
    expect(r.code, r.stderr).toBe(0);
    cliShards.push(JSON.parse(r.stdout) as Report);
  }
}, 120_000);

afterAll(async () => {
  await s?.reg.stop();
});

describe('verify --shard through dist/cli.js', () => {
  it('three shards of one list: disjoint, their union every image once', async () => {
    const all = cliShards.flatMap((r) => r.results.map((x) => x.identity));
    expect(all).toHaveLength(7);
    expect(new Set(all)).toEqual(new Set(refs));
    for (const [i, r] of cliShards.entries()) {
      expect(r.shard).toEqual({
        index: i + 1,
        count: 3,
        totalImages: 7,
        setDigest: cliShards[0]!.shard!.setDigest,
      });
      expect(r.shard!.setDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      for (const x of r.results) expect(x.outcome).toBe('verified');
      // The report file is what stdout showed.
      expect((await read(`s${i + 1}.json`)).runId).toBe(r.runId);
    }
  });

  it('an image in both files, in two spellings, is one image with both sources', () => {
    const six = cliShards.flatMap((r) => r.results).filter((x) => x.identity === refs[6]);
    expect(six).toHaveLength(1);
    // Manifests are read before the list: the Compose spelling is the first seen.
    expect(six[0]!.image).toBe(refs[6]);
    expect(six[0]!.sources).toEqual([
      { file: file('compose.yaml'), line: 3 },
      { file: file('images.txt'), line: 7 },
    ]);
    const two = cliShards.flatMap((r) => r.results).filter((x) => x.identity === refs[2]);
    expect(two).toHaveLength(1);
    expect(two[0]!.sources).toHaveLength(2);
  });

  it('merge of shards 1..3 passes with every image', async () => {
    const m = await merge('s3.json', 's1.json', 's2.json');
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    const merged = JSON.parse(m.stdout) as Report;
    expect(merged.outcome).toBe('verified');
    expect(merged.results.map((r) => r.identity).sort()).toEqual([...refs].sort());
    expect(merged).not.toHaveProperty('shard');
  });

  it('merge of shards 1 and 2 fails naming shard 3 as missing', async () => {
    const m = await merge('s1.json', 's2.json');
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(
      /^image-gate: merge: shard 3\/3 missing \(given: \S*s1\.json = 1\/3, \S*s2\.json = 2\/3\)/,
    );
  });

  it('merge with a shard of another list fails naming it', async () => {
    const r = await runCli([
      'verify',
      '--trusted-root',
      s.root,
      '--key',
      keyFile,
      '--images-file',
      file('other.txt'),
      '--shard',
      '3/3',
      '--report',
      file('other3.json'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const m = await merge('s1.json', 's2.json', 'other3.json');
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(
      /^image-gate: merge: \S*other3\.json is a shard of another list than \S*s1\.json \(6 images in 3 shards, set sha256:\w{64} vs 7 images in 3 shards/,
    );
  });

  it('merge of a shard twice, or with an unsharded report, fails naming the files', async () => {
    const again = await verifyShard('2/3', 's2-again.json');
    expect(again.code).toBe(0);
    const twice = await merge('s1.json', 's2.json', 's3.json', 's2-again.json');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(
      /^image-gate: merge: \S*s2\.json and \S*s2-again\.json are both shard 2\/3; give each shard once/,
    );
    const plain = await runCli([
      'verify',
      '--trusted-root',
      s.root,
      '--key',
      keyFile,
      '--report',
      file('plain.json'),
      refs[0]!,
    ]);
    expect(plain.code).toBe(0);
    const mixed = await merge('s1.json', 's2.json', 's3.json', 'plain.json');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/are shards of a list but \S*plain\.json is not/);
  });

  it('a shard no image falls into verifies nothing and exits 0', async () => {
    const codes = await Promise.all(
      ['1/2', '2/2'].map((sh) =>
        runCli([
          'verify',
          '--trusted-root',
          s.root,
          '--key',
          keyFile,
          '--shard',
          sh,
          '--output',
          'json',
          refs[0]!,
        ]),
      ),
    );
    expect(codes.map((c) => c.code)).toEqual([0, 0]);
    const reports = codes.map((c) => JSON.parse(c.stdout) as Report);
    const empty = reports.find((r) => r.results.length === 0)!;
    const full = reports.find((r) => r.results.length === 1)!;
    expect(empty.outcome).toBe('verified');
    expect(empty.warnings).toEqual([
      `shard ${empty.shard!.index}/2: none of the 1 images of the list falls into this shard; it verified nothing (the merged shards give the verdict)`,
    ]);
    expect(full.results[0]!.outcome).toBe('verified');
  });

  it.each(['0/3', '4/3', '1/0', 'a/b', '1/3/4', ' 1/3', '1/3 ', '01/3'])(
    "--shard '%s' is exit 2 naming the flag and the value",
    async (v) => {
      const r = await runCli(['verify', '--key', keyFile, '--shard', v, refs[0]!]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`image-gate: --shard: '${v}' `);
      expect(r.stderr).toMatch(/expected I\/N, e\.g\. 1\/3/);
    },
  );

  it('an empty list is still a usage error with --shard', async () => {
    await writeFile(file('empty.txt'), '# nothing\n');
    const r = await runCli([
      'verify',
      '--key',
      keyFile,
      '--images-file',
      file('empty.txt'),
      '--shard',
      '1/3',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/images: no image references given/);
  });
});

describe('the Action with INPUT_SHARD', () => {
  it('three shards through dist/index.js, merged by merge-reports', async () => {
    const runs = [];
    for (const i of [1, 2, 3]) {
      const run = await runAction({
        'images-file': file('images.txt'),
        manifests: file('compose.yaml'),
        key: keyFile,
        'trusted-root': s.root,
        shard: `${i}/3`,
        'report-path': file(`a${i}.json`),
        summary: 'false',
      });
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.outcome).toBe('verified');
      runs.push(await read(`a${i}.json`));
    }
    // The Action cuts the list as the CLI does.
    expect(runs.map((r) => r.results.map((x) => x.identity))).toEqual(
      cliShards.map((r) => r.results.map((x) => x.identity)),
    );
    expect(runs.map((r) => r.shard)).toEqual(cliShards.map((r) => r.shard));
    const merged = await runAction({
      'merge-reports': ['a1.json', 'a2.json', 'a3.json'].map(file).join('\n'),
      summary: 'false',
    });
    expect(merged.code).toBe(0);
    expect(merged.outputs['verified-count']).toBe('7');
    const partial = await runAction({
      'merge-reports': ['a1.json', 'a3.json'].map(file).join('\n'),
      summary: 'false',
    });
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/::error::image-gate: merge: shard 2\/3 missing/);
  }, 60_000);

  it("INPUT_SHARD '4/3' fails the step naming the input and the value", async () => {
    const run = await runAction({ images: refs[0]!, key: keyFile, shard: '4/3' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::image-gate: shard: '4\/3' names shard 4 of only 3/);
  });
});
