// `--platforms` through the CLI bundle against a real registry: every manifest a runtime could
// pull for a requested platform must be verified. A signed index whose unsigned extra entry is
// spelt linux/x86_64, annotated as an attestation manifest, listed with a mis-cased "Platform"
// key, or hidden behind a (signed) nested index, is not verified (exit 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import {
  descriptor,
  OCI_INDEX,
  pushIndex,
  randomImage,
  signLegacy,
  startSigningRegistry,
} from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import type { TestSigstore } from '../helpers/test-sigstore.js';

const REPO = 'acme/platforms';

let reg: StartedRegistry;
let ss: TestSigstore;
let root: string;
let pub: string;
const refs: Record<string, string> = {};

beforeAll(async () => {
  let dir: string;
  ({ reg, ss, dir, root } = await startSigningRegistry('platforms-runtime-'));
  const kp = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
  const sign = (image: { repo: string; digest: string }) =>
    signLegacy({ reg, ss }, image, { key: kp });
  const good = await randomImage(reg, REPO, 'good');
  await sign(good);
  const evil = await randomImage(reg, REPO, 'evil');
  const gd = descriptor(good, { os: 'linux', architecture: 'amd64' });
  const ed = descriptor(evil);
  /** A signed index of `manifests` as `name`. */
  const signedIndex = async (name: string, manifests: unknown[]) => {
    const index = await pushIndex(reg, REPO, name, manifests);
    await sign(index);
    refs[name] = index.ref;
    return index;
  };
  await signedIndex('control', [gd]);
  await signedIndex('x86-64', [{ ...ed, platform: { os: 'linux', architecture: 'x86_64' } }, gd]);
  await signedIndex('annotated', [
    {
      ...ed,
      platform: { os: 'linux', architecture: 'amd64' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
    },
    gd,
  ]);
  await signedIndex('mis-cased', [{ ...ed, Platform: { os: 'linux', architecture: 'amd64' } }, gd]);
  const inner = await signedIndex('inner', [
    { ...ed, platform: { os: 'linux', architecture: 'amd64' } },
  ]);
  await signedIndex('nested', [
    {
      mediaType: OCI_INDEX,
      digest: inner.digest,
      size: inner.size,
      platform: { os: 'linux', architecture: 'amd64' },
    },
    gd,
  ]);
}, 120_000);

afterAll(async () => {
  await reg?.stop();
});

async function verify(
  name: string,
  platforms: string,
): Promise<{ code: number | null; report: Report }> {
  const run = await runCli([
    'verify',
    '--output',
    'json',
    '--trusted-root',
    root,
    '--key',
    pub,
    '--platforms',
    platforms,
    refs[name],
  ]);
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

describe('--platforms selects what a runtime would pull (CLI bundle, real registry)', () => {
  it('control: a signed index of one signed platform verifies', async () => {
    expect((await verify('control', 'linux/amd64')).code).toBe(0);
  });

  it.each([
    ['x86-64', 'linux/amd64'],
    ['annotated', 'linux/amd64'],
    ['annotated', 'all'],
    ['mis-cased', 'linux/amd64'],
    ['nested', 'linux/amd64'],
  ])('%s with --platforms %s is refused (exit 1)', async (name, platforms) => {
    const { code, report } = await verify(name, platforms);
    expect(report.results[0].verified).toBe(false);
    expect(report.verified).toBe(false);
    expect(code).toBe(1);
  });
});
