// Issue 6 end to end through the committed bundles: s3lo images in a local:// tree and in a real
// S3-protocol server (s3rver), keys from PEM files, AWS KMS and Vault fakes that speak the real
// wire protocols, and cosign signatures whose key lives in KMS/Vault, with s3lo's output fields.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseS3loReference } from '../../src/core/s3lo/reference.js';
import type { Report } from '../../src/core/report.js';
import { startFakeKms, type FakeKms } from '../helpers/fake-kms.js';
import { startFakeVault, type FakeVault } from '../helpers/fake-vault.js';
import { signedImage } from '../helpers/images.js';
import { startRegistry, type StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import { startS3Server, S3RVER_CREDENTIALS, type TestS3Server } from '../helpers/s3-server.js';
import {
  localSink,
  makeTestKey,
  pushS3loImage,
  sampleManifest,
  s3Sink,
  signS3loImage,
  type TestKey,
} from '../helpers/s3lo.js';
import { createTestSigstore, type TestSigstore } from '../helpers/test-sigstore.js';

let dir: string;
let s3: TestS3Server;
let kms: FakeKms;
let vault: FakeVault;
let reg: StartedRegistry;
let ss: TestSigstore;
let signer: TestKey;
let other: TestKey;
let pubPath: string;
const digests: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 's3lo-e2e-'));
  [s3, kms, vault, reg, ss] = await Promise.all([
    startS3Server(),
    startFakeKms(),
    startFakeVault(),
    startRegistry(),
    createTestSigstore(),
  ]);
  signer = makeTestKey('ecdsa-p256', 'release.pub');
  other = makeTestKey('ecdsa-p256', 'other.pub');
  pubPath = path.join(dir, 'release.pub');
  await writeFile(pubPath, signer.key.pem);
  kms.addKey(signer.key.publicKey, { aliases: ['alias/release'] });
  vault.addKey('release', signer.key.publicKey);

  // local:// tree (root is one path component, relative to the process cwd = dir below).
  const local = localSink(path.join(dir, 'store'));
  for (const [tag, key] of [
    ['v1.0', signer],
    ['other', other],
  ] as const) {
    const ref = parseS3loReference(`local://store/myapp:${tag}`);
    const m = sampleManifest(`local-${tag}`);
    digests[`local-${tag}`] = await pushS3loImage(local, ref, m);
    await signS3loImage(local, ref, m, key);
  }
  const unsignedRef = parseS3loReference('local://store/myapp:unsigned');
  await pushS3loImage(local, unsignedRef, sampleManifest('unsigned'));

  // s3:// bucket through the real SDK against s3rver.
  await s3.createBucket('images');
  const sink = s3Sink(s3.client, 'images');
  const ref = parseS3loReference('s3://images/team/api:v2');
  const m = sampleManifest('s3-v2');
  digests.s3 = await pushS3loImage(sink, ref, m);
  await signS3loImage(sink, ref, m, signer);

  // A cosign legacy signature whose key is held in KMS / Vault.
  const key = { privateKey: signer.privateKey, publicKey: signer.key.publicKey };
  const img = await signedImage({ reg, ss }, 'acme/kms', 'v1', { key, options: { tlog: false } });
  digests.cosign = img.digest;
}, 120_000);

afterAll(async () => {
  await Promise.all([s3?.close(), kms?.close(), vault?.close(), reg?.stop()]);
});

const s3Env = (): NodeJS.ProcessEnv => ({
  AWS_ENDPOINT_URL_S3: s3.endpoint,
  AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  AWS_REGION: 'us-east-1',
});

async function json(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd?: string,
): Promise<{ code: number | null; report: Report }> {
  const r = await runCli(['verify', '--output', 'json', ...args], env, cwd);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

describe('s3lo images through the CLI', () => {
  it('verifies a local:// image with s3lo field names and meanings', async () => {
    const { code, report } = await jsonIn(dir, ['--key', pubPath, 'local://store/myapp:v1.0']);
    expect(code).toBe(0);
    expect(report.results[0]).toMatchObject({
      verified: true,
      digest: digests['local-v1.0'],
      keyRef: pubPath,
      keyID: signer.key.keyID,
      signedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      pinned: `local://store/myapp:v1.0@${digests['local-v1.0']}`,
    });
  });

  it('prints s3lo-style text', async () => {
    const r = await runCli(['verify', '--key', pubPath, 'local://store/myapp:v1.0'], {}, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /✓ Verified local:\/\/store\/myapp:v1\.0\n {2}Digest: sha256:[0-9a-f]{64}\n {2}Signed: .+\n {2}Key: {4}.*release\.pub/,
    );
  });

  it.each([
    ['signed by another key', 'local://store/myapp:other', 'UNSIGNED'],
    ['unsigned', 'local://store/myapp:unsigned', 'UNSIGNED'],
    ['missing tag', 'local://store/myapp:nope', 'NOT_FOUND'],
  ])('fails a local:// image %s (exit 1)', async (_what, ref, code) => {
    const r = await jsonIn(dir, ['--key', pubPath, ref]);
    expect(r.code).toBe(1);
    expect(r.report.results[0]).toMatchObject({ verified: false, code });
  });

  it('refuses a path-traversal reference before any read (exit 2)', async () => {
    const r = await jsonIn(dir, ['--key', pubPath, 'local://./s/../x:t']);
    expect(r.code).toBe(2);
    expect(r.report.results[0].code).toBe('REF_INVALID');
  });

  it('verifies an s3:// image through the real S3 SDK against an S3 server', async () => {
    const { code, report } = await json(['--key', pubPath, 's3://images/team/api:v2'], s3Env());
    expect(report.results[0]).toMatchObject({ verified: true, digest: digests.s3 });
    expect(code).toBe(0);
  });

  it('maps an unreachable S3 endpoint to an infrastructure error (exit 2)', async () => {
    const { code, report } = await json(['--key', pubPath, 's3://images/team/api:v2'], {
      ...s3Env(),
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
    });
    expect(code).toBe(2);
    expect(report.results[0].outcome).toBe('error');
  });

  it('verifies s3lo records with the key fetched from KMS and from Vault', async () => {
    const viaKms = await jsonIn(
      dir,
      ['--key', `awskms://${kms.hostPort}/alias/release`, 'local://store/myapp:v1.0'],
      kms.env,
    );
    expect(viaKms.report.results[0]).toMatchObject({ verified: true, keyID: signer.key.keyID });
    expect(viaKms.code).toBe(0);
    const viaVault = await jsonIn(
      dir,
      ['--key', 'hashivault://release', 'local://store/myapp:v1.0'],
      vault.env,
    );
    expect(viaVault.code).toBe(0);
  });
});

describe('KMS and Vault keys for cosign signatures', () => {
  it.each([
    [
      'awskms',
      (): [string, NodeJS.ProcessEnv] => [`awskms://${kms.hostPort}/alias/release`, kms.env],
    ],
    ['hashivault', (): [string, NodeJS.ProcessEnv] => ['hashivault://release', vault.env]],
  ])('verifies a cosign signature with a %s key', async (_kind, key) => {
    const [ref, env] = key();
    const { code, report } = await json(
      ['--insecure-ignore-tlog', '--key', ref, `${reg.host}/acme/kms:v1`],
      env,
    );
    expect(report.results[0]).toMatchObject({
      verified: true,
      keyRef: ref,
      digest: digests.cosign,
    });
    expect(code).toBe(0);
  });

  it('exits 2 when KMS denies the key, naming the key', async () => {
    kms.setDeny(true);
    try {
      const { code, report } = await json(
        [
          '--insecure-ignore-tlog',
          '--key',
          `awskms://${kms.hostPort}/alias/release`,
          `${reg.host}/acme/kms:v1`,
        ],
        kms.env,
      );
      expect(code).toBe(2);
      expect(report.error?.message).toMatch(/alias\/release/);
    } finally {
      kms.setDeny(false);
    }
  });

  it('exits 2 when Vault refuses the token', async () => {
    const { code } = await json(
      ['--insecure-ignore-tlog', '--key', 'hashivault://release', `${reg.host}/acme/kms:v1`],
      { ...vault.env, VAULT_TOKEN: 'wrong' },
    );
    expect(code).toBe(2);
  });
});

describe('s3lo images through the Action', () => {
  it('verifies an s3:// image and outputs its pinned reference', async () => {
    const run = await runAction({ images: 's3://images/team/api:v2', key: pubPath }, s3Env());
    expect(run.code).toBe(0);
    expect(run.outputs.pinned).toBe(`s3://images/team/api:v2@${digests.s3}`);
  });
});

/** local:// roots are relative to the working directory, as in s3lo. */
function jsonIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof json> {
  return json(args, env, cwd);
}
