// Issue 13 item 4, audit mode, end to end through dist/cli.js and dist/index.js against a real
// docker-registry: under warn mode an unsigned image is `warned` and the run exits 0 (the Action's
// step not failed); enforce-after in the future warns, in the past fails; errors stay errors; a
// policy file's rule states its own mode; bad values are usage errors naming what was written.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { signedImage, startSigningRegistry } from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import type { TestSigstore } from '../helpers/test-sigstore.js';

let reg: StartedRegistry;
let ss: TestSigstore;
let dir: string;
let root: string;
let keyFile: string;
let signed: string;
let unsigned: string;
let other: string;

beforeAll(async () => {
  ({ reg, ss, dir, root } = await startSigningRegistry('audit-mode-'));
  const key = ss.generateKeyPair();
  keyFile = path.join(dir, 'release.pub');
  await writeFile(keyFile, key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  signed = (await signedImage({ reg, ss }, 'audit/signed', 'v1', { key })).ref;
  unsigned = (await signedImage({ reg, ss }, 'audit/unsigned', 'v1', undefined)).ref;
  other = (await signedImage({ reg, ss }, 'other/unsigned', 'v1', undefined)).ref;
}, 60_000);

afterAll(async () => {
  await reg?.stop();
});

async function cli(
  args: string[],
): Promise<{ code: number | null; report: Report; stderr: string }> {
  const r = await runCli(['verify', '--output', 'json', '--trusted-root', root, ...args]);
  try {
    return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr}`);
  }
}

const verdicts = (report: Report) => report.results.map((r) => [r.outcome, r.code ?? null]);

describe('audit mode through the CLI', () => {
  it('--mode warn: an unsigned image is warned, code kept, exit 0; a signed one verified', async () => {
    const { code, report } = await cli(['--key', keyFile, '--mode', 'warn', unsigned, signed]);
    expect(code).toBe(0);
    expect(report.outcome).toBe('warned');
    expect(report.verified).toBe(false);
    expect(verdicts(report)).toEqual([
      ['warned', 'UNSIGNED'],
      ['verified', null],
    ]);
    expect(report.results[0].reason).toMatch(/no signature/i);
    expect(report.policy.mode).toBe('warn');
    expect(report.policy).not.toHaveProperty('enforceAfter');
  });

  it('--mode enforce (and no mode) fail as before, with the policy section unchanged', async () => {
    const a = await cli(['--key', keyFile, '--mode', 'enforce', unsigned]);
    const b = await cli(['--key', keyFile, unsigned]);
    expect([a.code, b.code]).toEqual([1, 1]);
    expect(verdicts(a.report)).toEqual([['failed', 'UNSIGNED']]);
    expect(a.report.policyDigest).toBe(b.report.policyDigest);
    expect(a.report.policy).not.toHaveProperty('mode');
  });

  it('--enforce-after: a day in the future warns (exit 0), a day in the past fails (exit 1)', async () => {
    const future = await cli(['--key', keyFile, '--enforce-after', '2999-12-31', unsigned]);
    expect(future.code).toBe(0);
    expect(future.report.outcome).toBe('warned');
    expect(future.report.results[0]).toMatchObject({
      outcome: 'warned',
      code: 'UNSIGNED',
      enforceAfter: '2999-12-31',
    });
    expect(future.report.policy).toMatchObject({ mode: 'warn', enforceAfter: '2999-12-31' });
    const past = await cli(['--key', keyFile, '--enforce-after', '2020-01-01', unsigned]);
    expect(past.code).toBe(1);
    expect(past.report.outcome).toBe('failed');
    expect(verdicts(past.report)).toEqual([['failed', 'UNSIGNED']]);
  });

  it('errors stay errors in warn mode (exit 2)', async () => {
    // Nothing listens on port 1: the registry cannot be reached, which is no verdict.
    const { code, report } = await cli([
      '--key',
      keyFile,
      '--mode',
      'warn',
      '127.0.0.1:1/x/y:v1',
      unsigned,
    ]);
    expect(code).toBe(2);
    expect(report.outcome).toBe('error');
    expect(report.results.map((r) => r.outcome)).toEqual(['error', 'warned']);
  });

  it('the text output marks warned images with ⚠ and counts them', async () => {
    const r = await runCli([
      'verify',
      '--trusted-root',
      root,
      '--key',
      keyFile,
      '--mode',
      'warn',
      unsigned,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`⚠ Verification failed for ${unsigned} (warn mode: not enforced)`);
    expect(r.stdout).toMatch(/1 failed in warn mode \(not enforced\)\n$/);
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown mode', ['--mode', 'audit'], /--mode: 'audit' is not enforce or warn/],
    [
      'a day that does not exist',
      ['--enforce-after', '2027-02-30'],
      /--enforce-after: '2027-02-30' is not a date YYYY-MM-DD/,
    ],
    [
      'a time instead of a day',
      ['--enforce-after', '2027-03-01T00:00:00Z'],
      /--enforce-after: '2027-03-01T00:00:00Z' is not a date/,
    ],
    [
      'mode enforce with a date',
      ['--mode', 'enforce', '--enforce-after', '2027-03-01'],
      /mode=enforce and enforce-after=2027-03-01 exclude each other/,
    ],
  ])('%s is a usage error (exit 2) naming what was written', async (_what, flags, why) => {
    const r = await runCli([
      'verify',
      '--trusted-root',
      root,
      '--key',
      keyFile,
      ...flags,
      unsigned,
    ]);
    expect(r.code).toBe(2);
    expect(`${r.stdout}\n${r.stderr}`).toMatch(why);
  });

  it("a policy file's rules state their own mode; --mode is the default of the rest; unmatched stays a failure", async () => {
    const file = path.join(dir, 'audit.yaml');
    await writeFile(
      file,
      [
        'version: 1',
        'rules:',
        `  - {name: rollout, images: ['${reg.host}/audit/**'], keys: ['${keyFile}'], enforceAfter: '2999-01-01'}`,
        `  - {name: strict, images: ['${reg.host}/other/*'], keys: ['${keyFile}'], mode: enforce}`,
        '',
      ].join('\n'),
    );
    const a = await cli(['--policy', file, unsigned, signed]);
    expect(a.code).toBe(0);
    expect(verdicts(a.report)).toEqual([
      ['warned', 'UNSIGNED'],
      ['verified', null],
    ]);
    expect(a.report.policy.policyFile?.rules.map((r) => [r.name, r.mode, r.enforceAfter])).toEqual([
      ['rollout', 'warn', '2999-01-01'],
      ['strict', undefined, undefined],
    ]);
    // The strict rule enforces even under --mode warn.
    const b = await cli(['--policy', file, '--mode', 'warn', unsigned, other]);
    expect(b.code).toBe(1);
    expect(verdicts(b.report)).toEqual([
      ['warned', 'UNSIGNED'],
      ['failed', 'UNSIGNED'],
    ]);
    // An image no rule matches fails the file in any mode.
    const c = await cli(['--policy', file, '--mode', 'warn', `${reg.host}/nobody/x:v1`]);
    expect(c.code).toBe(1);
    expect(verdicts(c.report)).toEqual([['failed', 'POLICY_VIOLATION']]);
  });
});

describe('audit mode through the Action', () => {
  it('mode: warn: the step is not failed, the report says warned', async () => {
    const run = await runAction({
      images: `${unsigned}\n${signed}`,
      key: keyFile,
      mode: 'warn',
      'trusted-root': root,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.outputs.verified).toBe('false');
    const report = JSON.parse(await readFile(run.outputs['report-path'], 'utf8')) as Report;
    expect(report.outcome).toBe('warned');
    expect(verdicts(report)).toEqual([
      ['warned', 'UNSIGNED'],
      ['verified', null],
    ]);
    expect(run.summary).toMatch(/audit mode \(mode: warn\)/);
  });

  it('enforce-after: in the future the step passes, in the past it fails', async () => {
    const inputs = { images: unsigned, key: keyFile, 'trusted-root': root };
    const future = await runAction({ ...inputs, 'enforce-after': '2999-12-31' });
    expect(future.code).toBe(0);
    const past = await runAction({ ...inputs, 'enforce-after': '2020-01-01' });
    expect(past.code).toBe(1);
    expect(past.stdout).toMatch(/::error::/);
  });

  it('a bad mode input fails the step naming the input', async () => {
    const run = await runAction({
      images: unsigned,
      key: keyFile,
      mode: 'audit',
      'trusted-root': root,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::image-gate: mode: 'audit' is not enforce or warn/);
  });
});
