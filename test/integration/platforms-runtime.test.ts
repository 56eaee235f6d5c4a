// `--platforms` through the CLI bundle against a real registry: every manifest a runtime could
// pull for a requested platform must be verified. A signed index whose unsigned extra entry is
// spelt linux/x86_64, annotated as an attestation manifest, listed with a mis-cased "Platform"
// key, or hidden behind a (signed) nested index, is not verified (exit 1).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { pushLegacySignatures } from '../helpers/cosign-push.js';
import { pushImage, pushManifest } from '../helpers/oci-push.js';
import { startRegistry, type StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import { createTestSigstore, type TestSigstore } from '../helpers/test-sigstore.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const REPO = 'acme/platforms';

let reg: StartedRegistry;
let ss: TestSigstore;
let root: string;
let pub: string;
const refs: Record<string, string> = {};

beforeAll(async () => {
  reg = await startRegistry();
  ss = await createTestSigstore();
  const dir = await mkdtemp(path.join(tmpdir(), 'platforms-runtime-'));
  root = await ss.writeTrustedRoot(dir);
  const kp = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
  const sign = async (digest: string): Promise<void> => {
    await pushLegacySignatures(reg.host, REPO, digest, [
      ss.signLegacyKey({ imageDigest: digest, dockerReference: `${reg.host}/${REPO}`, ...kp }),
    ]);
  };
  const good = await pushImage(reg.host, REPO, 'good');
  await sign(good.digest);
  const evil = await pushImage(reg.host, REPO, 'evil');
  const gd = {
    mediaType: OCI_MANIFEST,
    digest: good.digest,
    size: good.manifestBytes.length,
    platform: { os: 'linux', architecture: 'amd64' },
  };
  const ed = { mediaType: OCI_MANIFEST, digest: evil.digest, size: evil.manifestBytes.length };
  const pushIndex = async (name: string, manifests: unknown[]): Promise<string> => {
    const bytes = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }),
    );
    const digest = await pushManifest(reg.host, REPO, name, bytes, OCI_INDEX);
    await sign(digest);
    refs[name] = `${reg.host}/${REPO}:${name}`;
    return digest;
  };
  await pushIndex('control', [gd]);
  await pushIndex('x86-64', [{ ...ed, platform: { os: 'linux', architecture: 'x86_64' } }, gd]);
  await pushIndex('annotated', [
    {
      ...ed,
      platform: { os: 'linux', architecture: 'amd64' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
    },
    gd,
  ]);
  await pushIndex('mis-cased', [{ ...ed, Platform: { os: 'linux', architecture: 'amd64' } }, gd]);
  const inner = await pushIndex('inner', [
    { ...ed, platform: { os: 'linux', architecture: 'amd64' } },
  ]);
  const innerBytes = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [{ ...ed, platform: { os: 'linux', architecture: 'amd64' } }],
  });
  await pushIndex('nested', [
    {
      mediaType: OCI_INDEX,
      digest: inner,
      size: Buffer.byteLength(innerBytes),
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
