// Issue 13 items 2 and 3 through dist/index.js and dist/cli.js against a real registry: one
// `::error title=image-gate::IMAGE: REASON` per failed or errored image, `::warning` for weak
// settings, the outcome outputs, the JUnit file (`junit-path`, `--output junit=PATH`) valid
// against the schema, and `--output FORMAT[=PATH]` writing several renderings at once.
import { mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { signedImage, startSigningRegistry, type SigningRegistry } from '../helpers/images.js';
import { freePort, registryAvailable } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import { xmllint, xmllintAvailable, xpath } from '../helpers/xmllint.js';

let s: SigningRegistry;
let pub: string;
let signed: string;
let unsigned: string;
let down: string;

beforeAll(async () => {
  s = await startSigningRegistry('outputs-');
  const kp = generateKeyPair();
  pub = writePublicKey(s.dir, kp, 'cosign.pub');
  signed = (await signedImage(s, 'acme/app', 'signed', { key: kp })).ref;
  unsigned = (await signedImage(s, 'acme/app', 'unsigned')).ref;
  down = `127.0.0.1:${await freePort()}/acme/down:1`;
}, 120_000);

afterAll(async () => {
  await s?.reg.stop();
});

const annotationLines = (stdout: string, level: 'error' | 'warning'): string[] =>
  stdout.split('\n').filter((l) => l.startsWith(`::${level} title=image-gate::`));

describe.skipIf(!registryAvailable || !xmllintAvailable)('Action annotations and outputs', () => {
  it('one error annotation per failed or errored image, outputs, and a valid JUnit file', async () => {
    const run = await runAction({
      images: [signed, unsigned, down].join('\n'),
      key: pub,
      'trusted-root': s.root,
      'junit-path': 'junit/nested/image-gate.xml',
    });
    expect(run.code).toBe(1);
    const errors = annotationLines(run.stdout, 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(new RegExp(`^::error title=image-gate::${esc(unsigned)}: .+`));
    expect(errors[1]).toMatch(new RegExp(`^::error title=image-gate::${esc(down)}: .*refused`));
    expect(run.stdout).not.toMatch(new RegExp(`::error title=image-gate::${esc(signed)}`));
    expect(annotationLines(run.stdout, 'warning')).toEqual([]);
    // The step still fails with its headline.
    expect(run.stdout).toMatch(/^::error::image-gate: 1 of 3 image\(s\) failed verification/m);

    expect(run.outputs).toMatchObject({
      outcome: 'failed',
      'verified-count': '1',
      'failed-count': '1',
      'error-count': '1',
      'skipped-count': '0',
      verified: 'false',
    });
    const failed = JSON.parse(run.outputs.failed) as Array<Record<string, string>>;
    expect(failed.map((f) => [f.image, f.outcome, f.code])).toEqual([
      [unsigned, 'failed', 'UNSIGNED'],
      [down, 'error', 'NETWORK'],
    ]);
    expect(failed[0].digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(failed[0].reason).toBeTruthy();

    // junit-path is relative to the working directory (the repository root here).
    const junitFile = path.resolve('junit/nested/image-gate.xml');
    const xml = await readFile(junitFile, 'utf8');
    expect(xmllint(xml)).toMatchObject({ ok: true });
    expect(xpath(xml, 'string(/testsuites/@tests)')).toBe('3');
    expect(xpath(xml, 'string(/testsuites/@failures)')).toBe('1');
    expect(xpath(xml, 'string(/testsuites/@errors)')).toBe('1');
    expect(xpath(xml, 'string(//testcase[2]/failure/@type)')).toBe('UNSIGNED');
    expect(xpath(xml, 'string(//testcase[1]/@classname)')).toBe(`${s.reg.host}/acme/app`);
    await import('node:fs/promises').then((fs) => fs.rm('junit', { recursive: true }));
  });

  it('weak settings are warnings, the outcome verified', async () => {
    const run = await runAction({
      images: signed,
      key: pub,
      'trusted-root': s.root,
      'insecure-ignore-tlog': 'true',
      'insecure-ignore-sct': 'true',
    });
    expect(run.code).toBe(0);
    const warnings = annotationLines(run.stdout, 'warning');
    expect(warnings).toEqual([
      expect.stringMatching(/^::warning title=image-gate::insecure-ignore-tlog: /),
      expect.stringMatching(/^::warning title=image-gate::insecure-ignore-sct: /),
    ]);
    expect(annotationLines(run.stdout, 'error')).toEqual([]);
    expect(run.outputs).toMatchObject({
      outcome: 'verified',
      'verified-count': '1',
      'failed-count': '0',
      'error-count': '0',
      failed: '[]',
    });
  });

  it('a run that cannot start says so once, not once per image; outcome error', async () => {
    const run = await runAction({
      images: [signed, unsigned, down].join('\n'),
      key: path.join(s.dir, 'no-such.pub'),
      'trusted-root': s.root,
    });
    expect(run.code).toBe(1);
    const errors = annotationLines(run.stdout, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error title=image-gate::3 image\(s\) not verified: .*no-such\.pub/,
    );
    expect(run.outputs).toMatchObject({
      outcome: 'error',
      'error-count': '3',
      'failed-count': '0',
    });
    expect(JSON.parse(run.outputs.failed)).toHaveLength(3);
  });

  it('a hostile reason cannot end the annotation or start a command', async () => {
    // A missing trusted root whose path holds a separator, a command, a percent-encoded line
    // break the runner would decode, and an escape sequence.
    const odd = path.join(s.dir, 'x\u2028::warning::forged%0Ay:z\u001b[2J');
    const run = await runAction({ images: signed, key: pub, 'trusted-root': odd });
    const errors = annotationLines(run.stdout, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('x\\u2028::warning::forged%250Ay:z\\u001b[2J');
    expect(run.stdout).not.toMatch(/^::warning::forged/m);
  });
});

describe.skipIf(!registryAvailable)('Action files', () => {
  it('a junit-path that cannot be written fails the step naming it; the outputs are still set', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'outputs-ro-'));
    const blocker = path.join(dir, 'file');
    await import('node:fs/promises').then((fs) => fs.writeFile(blocker, ''));
    const run = await runAction({
      images: signed,
      key: pub,
      'trusted-root': s.root,
      'junit-path': `${blocker}/under/x.xml`,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::image-gate: junit-path: cannot write .*x\.xml: /m);
    expect(run.stdout).not.toMatch(/internal error/);
    expect(run.outputs).toMatchObject({ outcome: 'verified', verified: 'true' });
  });
});

describe.skipIf(!registryAvailable || !xmllintAvailable)('CLI --output', () => {
  it('writes several renderings at once and prints the plain one on stdout', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'outputs-cli-'));
    const run = await runCli([
      'verify',
      '--trusted-root',
      s.root,
      '--key',
      pub,
      '--output',
      'json',
      '--output',
      `junit=${dir}/a/b/report.xml`,
      '-o',
      `markdown=${dir}/summary.md`,
      '--output',
      `text=${dir}/log.txt`,
      signed,
      unsigned,
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results.map((r) => r.outcome)).toEqual(['verified', 'failed']);
    const xml = await readFile(path.join(dir, 'a/b/report.xml'), 'utf8');
    expect(xmllint(xml)).toMatchObject({ ok: true });
    expect(xpath(xml, 'count(//testcase)')).toBe('2');
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toMatch(/^## image-gate/);
    expect(await readFile(path.join(dir, 'log.txt'), 'utf8')).toMatch(/✗ Verification FAILED/);
  });

  it.each([
    ['junit', (out: string) => expect(xmllint(out)).toMatchObject({ ok: true })],
    ['markdown', (out: string) => expect(out).toMatch(/^## image-gate/)],
  ])('--output %s prints that rendering on stdout', async (format, check) => {
    const run = await runCli([
      'verify',
      '--trusted-root',
      s.root,
      '--key',
      pub,
      '-o',
      format,
      signed,
    ]);
    expect(run.code).toBe(0);
    check(run.stdout);
  });

  it.each([
    [['--output', 'yaml'], /--output: 'yaml' is not a format/],
    [['--output', 'json', '--output', 'text'], /'json' and 'text' both go to stdout/],
    [['--output', 'junit='], /'junit=' names no file/],
  ])('%j is a usage error, exit 2', async (flags, msg) => {
    const run = await runCli(['verify', '--key', pub, ...flags, signed]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(msg);
  });

  it('a file that cannot be written is exit 2 naming it, after verifying', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'outputs-ro-'));
    const blocker = path.join(dir, 'file');
    await import('node:fs/promises').then((fs) => fs.writeFile(blocker, ''));
    const run = await runCli([
      'verify',
      '--trusted-root',
      s.root,
      '--key',
      pub,
      '--output',
      `junit=${blocker}/under/a/file.xml`,
      signed,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--output junit=.*file\.xml: cannot write/);
    expect(existsSync(`${blocker}/under`)).toBe(false);
  });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
