// Multi-arch images in a real docker-registry: an OCI index of two platform images, signed at the
// index, at the platforms, or both; verified through the committed CLI bundle with and without
// `--platforms` (SECURITY.md 6 item 45: a platform signature never verifies the index digest).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult, Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import {
  descriptor,
  pushIndex,
  randomImage,
  signLegacy,
  startSigningRegistry,
} from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import type { TestSigstore } from '../helpers/test-sigstore.js';

const REPO = 'acme/multi';

let reg: StartedRegistry;
let ss: TestSigstore;
let root: string;
let pub: string;
const idx: Record<string, { ref: string; digest: string; amd64: string; arm64: string }> = {};

type Signed = { index: boolean; amd64: boolean; arm64: boolean };

beforeAll(async () => {
  let dir: string;
  ({ reg, ss, dir, root } = await startSigningRegistry('multiarch-'));
  const kp = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
  const sign = (image: { repo: string; digest: string }) =>
    signLegacy({ reg, ss }, image, { key: kp });
  const make = async (name: string, signed: Signed): Promise<void> => {
    const amd = await randomImage(reg, REPO, `${name}-amd64`);
    const arm = await randomImage(reg, REPO, `${name}-arm64`);
    const index = await pushIndex(reg, REPO, name, [
      descriptor(amd, { os: 'linux', architecture: 'amd64' }),
      descriptor(arm, { os: 'linux', architecture: 'arm64', variant: 'v8' }),
    ]);
    if (signed.index) await sign(index);
    if (signed.amd64) await sign(amd);
    if (signed.arm64) await sign(arm);
    idx[name] = { ref: index.ref, digest: index.digest, amd64: amd.digest, arm64: arm.digest };
  };
  await make('all-signed', { index: true, amd64: true, arm64: true });
  await make('index-only', { index: true, amd64: false, arm64: false });
  await make('platforms-only', { index: false, amd64: true, arm64: true });
  await make('arm-unsigned', { index: true, amd64: true, arm64: false });
}, 120_000);

afterAll(async () => {
  await reg?.stop();
});

async function cli(
  name: string,
  extra: string[] = [],
): Promise<{ code: number | null; r: ImageResult; report: Report }> {
  const run = await runCli([
    'verify',
    '--output',
    'json',
    '--trusted-root',
    root,
    '--key',
    pub,
    ...extra,
    idx[name].ref,
  ]);
  const report = JSON.parse(run.stdout) as Report;
  return { code: run.code, r: report.results[0], report };
}

describe('multi-arch index (CLI bundle, real registry)', () => {
  it('verifies and pins the index digest, not a platform digest', async () => {
    const { code, r } = await cli('all-signed');
    expect(r).toMatchObject({
      outcome: 'verified',
      digest: idx['all-signed'].digest,
      pinned: `${reg.host}/${REPO}@${idx['all-signed'].digest}`,
    });
    expect(r.platforms).toBeUndefined();
    expect(code).toBe(0);
  });

  it('with --platforms all, verifies each platform manifest and reports it', async () => {
    const { code, r, report } = await cli('all-signed', ['--platforms', 'all']);
    expect(r.outcome).toBe('verified');
    expect(r.platforms).toEqual([
      { platform: 'linux/amd64', digest: idx['all-signed'].amd64, outcome: 'verified' },
      { platform: 'linux/arm64/v8', digest: idx['all-signed'].arm64, outcome: 'verified' },
    ]);
    expect(report.policy.platforms).toBe('all');
    expect(code).toBe(0);
  });

  it('an index signature alone passes the index but not --platforms all', async () => {
    expect((await cli('index-only')).code).toBe(0);
    const { code, r } = await cli('index-only', ['--platforms', 'all']);
    expect(r).toMatchObject({
      outcome: 'failed',
      code: 'UNSIGNED',
      digest: idx['index-only'].digest,
    });
    expect(r.reason).toMatch(
      /^the index is signed, but platform linux\/amd64 \(sha256:[0-9a-f]{64}\) is not verified: no signatures found/,
    );
    expect(r.reason).toContain('(1 more platform(s) not verified)');
    expect(r.platforms!.map((p) => [p.platform, p.outcome])).toEqual([
      ['linux/amd64', 'failed'],
      ['linux/arm64/v8', 'failed'],
    ]);
    expect(code).toBe(1);
  });

  it('signed platform manifests never verify an unsigned index, and the reason says so', async () => {
    const plain = await cli('platforms-only');
    expect(plain.r).toMatchObject({ outcome: 'failed', code: 'UNSIGNED' });
    expect(plain.r.reason).toContain(
      "the index's platform manifest(s) linux/amd64, linux/arm64/v8 are signed, but a signature on a platform manifest never verifies the index digest",
    );
    expect(plain.code).toBe(1);

    const all = await cli('platforms-only', ['--platforms', 'all']);
    expect(all.r).toMatchObject({ outcome: 'failed', code: 'UNSIGNED' });
    expect(all.r.reason).toMatch(/^the index itself is not verified: no signatures found/);
    expect(all.r.reason).toContain('platform manifest(s) linux/amd64, linux/arm64/v8 are signed');
    expect(all.r.platforms!.every((p) => p.outcome === 'verified')).toBe(true);
    expect(all.code).toBe(1);
  });

  it('requires only the listed platforms; a listed platform without a variant matches any', async () => {
    expect((await cli('arm-unsigned', ['--platforms', 'linux/amd64'])).code).toBe(0);
    const arm = await cli('arm-unsigned', ['--platforms', 'linux/amd64,linux/arm64']);
    expect(arm.r).toMatchObject({ outcome: 'failed', code: 'UNSIGNED' });
    expect(arm.r.reason).toContain(
      `platform linux/arm64/v8 (${idx['arm-unsigned'].arm64}) is not verified`,
    );
    expect(arm.code).toBe(1);
  });

  it('fails a requested platform the index does not have', async () => {
    const { code, r } = await cli('all-signed', ['--platforms', 'linux/s390x']);
    expect(r).toMatchObject({ outcome: 'failed', code: 'NOT_FOUND' });
    expect(r.reason).toContain('platforms: linux/s390x not in index');
    expect(r.reason).toContain('it has linux/amd64, linux/arm64/v8');
    expect(code).toBe(1);
  });

  it("gating a platform digest directly needs that platform's own signature", async () => {
    const run = await runCli([
      'verify',
      '--output',
      'json',
      '--trusted-root',
      root,
      '--key',
      pub,
      `${reg.host}/${REPO}@${idx['index-only'].amd64}`,
    ]);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as Report).results[0]).toMatchObject({ code: 'UNSIGNED' });
  });

  it.each([['linux'], ['all,linux/amd64'], ['Linux/AMD64']])(
    'refuses --platforms %s (exit 2)',
    async (value) => {
      const run = await runCli([
        'verify',
        '--key',
        pub,
        '--platforms',
        value,
        idx['all-signed'].ref,
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--platforms');
    },
  );

  it('reads the platforms input in the Action and lists platforms in the summary', async () => {
    const run = await runAction({
      images: idx['arm-unsigned'].ref,
      key: pub,
      'trusted-root': root,
      platforms: 'linux/amd64\nlinux/arm64',
    });
    expect(run.code).toBe(1);
    expect(run.summary).toContain('| Platform |');
    expect(run.summary).toMatch(
      /❌&nbsp;failed \| [^|]+ \| linux\/<wbr>arm64\/<wbr>v8 \| [^|]+ \| <code title="sha256&#58;[0-9a-f]{64}">sha256:[0-9a-f]{8}…<\/code> \|/,
    );
    expect(run.summary).toContain('platform manifests required: linux/amd64,linux/arm64');
  });
});
