// Remote signing keys end to end through dist/cli.js (issue 14): summaries, the signed report and
// revocation lists signed with `awskms://` (the real AWS SDK against the SigV4-checking fake KMS,
// Sign over the digest) and `hashivault://` (transit sign), each bundle checked by @sigstore/verify
// itself, then admitted on by `--accept-summary --summary-key` with the same reference (public key
// fetched again); a KMS or Vault that signs with another key, denies or cannot sign is exit 2
// naming the reference, and nothing is written.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey, type TestKeyPair } from '../helpers/cosign-keys.js';
import { startFakeKms, type FakeKms } from '../helpers/fake-kms.js';
import { startFakeVault, type FakeVault } from '../helpers/fake-vault.js';
import { signedImage, signLegacy, startSigningRegistry, type Signing } from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import {
  startMockSigstore,
  type MockSigstore,
  writeMockSigningConfig,
  writeMergedRoot,
} from '../helpers/sigstore-mock-services.js';

const VSA = 'https://slsa.dev/verification_summary/v1';

let reg: StartedRegistry;
let signing: Signing;
let mock: MockSigstore;
let kms: FakeKms;
let vault: FakeVault;
let dir: string;
let pub: string;
let kp: TestKeyPair;
let otherKp: TestKeyPair;
let bothRoots: string;
let signingConfig: string;
const kmsKey = generateKeyPair();
const vaultKey = generateKeyPair();
let kmsRef: string;
let liarRef: string;
const vaultRef = 'hashivault://gate';
let env: Record<string, string>;

beforeAll(async () => {
  let ss;
  let root;
  ({ reg, ss, dir, root } = await startSigningRegistry('remote-sign-'));
  signing = { reg, ss };
  kp = generateKeyPair();
  otherKp = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
  mock = await startMockSigstore();
  kms = await startFakeKms();
  vault = await startFakeVault();
  kms.addKey(kmsKey.privateKey, { aliases: ['gate'] });
  // GetPublicKey answers one key, Sign signs with another: a KMS to be caught out.
  kms.addKey(generateKeyPair().publicKey, {
    aliases: ['liar'],
    privateKey: generateKeyPair().privateKey,
  });
  kms.addKey(generateKeyPair('rsa').publicKey, { aliases: ['enc'], keyUsage: 'ENCRYPT_DECRYPT' });
  vault.addKey('gate', vaultKey.privateKey);
  kmsRef = `awskms://${kms.hostPort}/alias/gate`;
  liarRef = `awskms://${kms.hostPort}/alias/liar`;
  env = { ...kms.env, ...vault.env, HOME: dir };

  signingConfig = await writeMockSigningConfig(path.join(dir, 'signing_config.json'), mock);
  bothRoots = await writeMergedRoot(path.join(dir, 'both_roots.json'), root, mock);
}, 120_000);

afterAll(async () => {
  await reg?.stop();
  await mock?.close();
  await kms?.close();
  await vault?.close();
});

/** @sigstore/verify on a DSSE bundle file under `key`, Rekor entry required; the statement. */
async function verifyDsse(file: string, key: TestKeyPair): Promise<{ predicateType: string }> {
  const bundle = bundleFromJSON(JSON.parse(await readFile(file, 'utf8')) as unknown);
  const tm = toTrustMaterial(TrustedRoot.fromJSON(mock.trustedRoot), () => ({
    publicKey: key.publicKey,
    validFor: () => true,
  }));
  new Verifier(tm, { tlogThreshold: 1, ctlogThreshold: 0, tsaThreshold: 0 }).verify(
    toSignedEntity(bundle),
  );
  if (bundle.content.$case !== 'dsseEnvelope') throw new Error('not a DSSE bundle');
  return JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8')) as {
    predicateType: string;
  };
}

/** @sigstore/verify on a revocation list's message-signature bundle under `key`, no log. */
async function verifyList(file: string, key: TestKeyPair): Promise<void> {
  const bundle = bundleFromJSON(
    JSON.parse(await readFile(`${file}.sigstore.json`, 'utf8')) as unknown,
  );
  const tm = toTrustMaterial(
    {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      certificateAuthorities: [],
      ctlogs: [],
      timestampAuthorities: [],
    },
    () => ({ publicKey: key.publicKey, validFor: () => true }),
  );
  new Verifier(tm, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(
    toSignedEntity(bundle, await readFile(file)),
  );
}

describe.each([
  ['AWS KMS', () => kmsRef, () => kmsKey],
  ['Vault transit', () => vaultRef, () => vaultKey],
])('summaries signed with a %s key', (kind, ref, key) => {
  const slug = kind === 'AWS KMS' ? 'kms' : 'vault';
  let image: Awaited<ReturnType<typeof signedImage>>;
  let report: Report;
  let reportFile: string;

  beforeAll(async () => {
    image = await signedImage(signing, `acme/${slug}`, 'v1', { key: kp });
    reportFile = path.join(dir, `${slug}-report.json`);
    const r = await runCli(
      [
        'verify',
        '--output',
        'json',
        '--trusted-root',
        bothRoots,
        '--key',
        pub,
        '--summary-key',
        ref(),
        '--signing-config',
        signingConfig,
        '--summaries-path',
        path.join(dir, `${slug}-summaries`),
        '--push-summary',
        '--report',
        reportFile,
        image.ref,
      ],
      env,
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    report = JSON.parse(r.stdout) as Report;
  }, 120_000);

  it('signs remotely: the summary verifies with @sigstore/verify under the remote key', async () => {
    const [s] = report.summaries ?? [];
    expect(s?.verificationResult).toBe('PASSED');
    expect((await verifyDsse(s!.file, key())).predicateType).toBe(VSA);
    await expect(verifyDsse(s!.file, generateKeyPair())).rejects.toThrow();
    if (slug === 'kms')
      expect(kms.requests).toContainEqual(
        expect.objectContaining({
          target: 'TrentService.Sign',
          keyId: 'alias/gate',
          status: 200,
          messageType: 'DIGEST',
          signingAlgorithm: 'ECDSA_SHA_256',
        }),
      );
    else
      expect(vault.requests).toContainEqual(
        expect.objectContaining({ method: 'POST', path: '/v1/transit/sign/gate/sha2-256' }),
      );
  });

  it('signs the written report with the same key (report.json.sigstore.json)', async () => {
    const st = await verifyDsse(`${reportFile}.sigstore.json`, key());
    expect(st.predicateType).toMatch(/\/report\/v1$/);
  });

  it('--accept-summary --summary-key with the same reference admits the image on it', async () => {
    // Its signatures go bad: a pass can only be the summary, verified under the fetched key.
    await signLegacy(signing, image, { key: otherKp });
    const base = ['verify', '--output', 'json', '--trusted-root', bothRoots, '--key', pub];
    const full = await runCli([...base, image.ref], env);
    expect(full.code).toBe(1);
    const r = await runCli([...base, '--accept-summary', '--summary-key', ref(), image.ref], env);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).results[0]?.acceptedSummary).toBeDefined();
    // Another remote key does not admit it.
    const other = await runCli(
      [...base, '--accept-summary', '--summary-key', slug === 'kms' ? vaultRef : kmsRef, image.ref],
      env,
    );
    expect(other.code).toBe(1);
    expect((JSON.parse(other.stdout) as Report).results[0]?.acceptedSummary).toBeUndefined();
  });
});

describe('revocation lists signed with remote keys (image-gate revoke --key)', () => {
  const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const revoke = (file: string, key: string, digest: string) =>
    runCli(
      [
        'revoke',
        '--list',
        file,
        '--key',
        key,
        '--expires',
        expires,
        '--kind',
        'digest',
        '--digest',
        digest,
        '--reason',
        'pulled back',
      ],
      env,
    );

  it.each([
    ['awskms://', () => kmsRef, () => kmsKey],
    ['hashivault://', () => vaultRef, () => vaultKey],
  ])('a %s key signs the list; it verifies, signs again and gates', async (scheme, ref, key) => {
    const image = await signedImage(signing, 'acme/revoked', scheme.slice(0, 5), { key: kp });
    const file = path.join(dir, `list-${scheme.slice(0, 5)}.json`);
    const first = await revoke(file, ref(), `sha256:${'ab'.repeat(32)}`);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`signed with key ${key().keyID}`));
    await verifyList(file, key());
    await expect(verifyList(file, generateKeyPair())).rejects.toThrow();
    // The second run checks the first bundle with the remote key before signing again.
    const second = await revoke(file, ref(), image.digest);
    expect(second.code, second.stderr).toBe(0);
    await verifyList(file, key());
    const gated = await runCli(
      [
        'verify',
        '--output',
        'json',
        '--trusted-root',
        bothRoots,
        '--key',
        pub,
        '--revocations',
        file,
        '--revocations-key',
        ref(),
        image.ref,
      ],
      env,
    );
    expect(gated.code, gated.stderr).toBe(1);
    expect((JSON.parse(gated.stdout) as Report).results[0]?.code).toBe('REVOKED');
  });
});

describe('a remote signer that cannot or does not sign with its key: exit 2 naming it', () => {
  let image: Awaited<ReturnType<typeof signedImage>>;
  beforeAll(async () => {
    image = await signedImage(signing, 'acme/refused', 'v1', { key: kp });
  }, 60_000);

  const summarise = (ref: string, out: string, extra: Record<string, string> = {}) =>
    runCli(
      [
        'verify',
        '--trusted-root',
        bothRoots,
        '--key',
        pub,
        '--summary-key',
        ref,
        '--signing-config',
        signingConfig,
        '--summaries-path',
        path.join(dir, out),
        image.ref,
      ],
      { ...env, ...extra },
    );

  it.each<[string, () => string, () => Record<string, string>, RegExp]>([
    [
      'a KMS signing with another key',
      () => liarRef,
      () => ({}),
      /AWS KMS returned a signature that does not verify with the key's public key/,
    ],
    [
      'an ENCRYPT_DECRYPT KMS key',
      () => `awskms://${kms.hostPort}/alias/enc`,
      () => ({}),
      /is not a signing key \(KeyUsage ENCRYPT_DECRYPT\)/,
    ],
    [
      'KMS AccessDenied (wrong credentials)',
      () => kmsRef,
      () => ({ AWS_SECRET_ACCESS_KEY: 'not-the-secret' }),
      /AWS KMS GetPublicKey failed: InvalidSignatureException/,
    ],
    [
      'Vault without a token',
      () => vaultRef,
      () => ({ VAULT_TOKEN: '' }),
      /VAULT_TOKEN is not set and there is no ~\/\.vault-token/,
    ],
  ])('%s', async (what, ref, extra, why) => {
    const out = `refused-${what.replace(/\W+/g, '-')}`;
    const r = await summarise(ref(), out, extra());
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain(`key ${ref()}:`);
    expect(r.stderr).toMatch(why);
    expect(
      existsSync(path.join(dir, out, `1-${image.digest.replace(':', '-')}.sigstore.json`)),
    ).toBe(false);
  });

  it('a Vault token that may read but not sign (403) is exit 2 naming the key', async () => {
    vault.setSignDenied(true);
    try {
      const r = await summarise(vaultRef, 'refused-vault-403');
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toMatch(
        /key hashivault:\/\/gate: Vault denied signing with transit key "gate" at transit \(403/,
      );
    } finally {
      vault.setSignDenied(false);
    }
  });

  it('revoke --key with a KMS signing with another key is exit 2 and writes no list', async () => {
    const file = path.join(dir, 'liar-list.json');
    const r = await runCli(
      [
        'revoke',
        '--list',
        file,
        '--key',
        liarRef,
        '--expires',
        '2099-01-01T00:00:00Z',
        '--kind',
        'digest',
        '--digest',
        image.digest,
        '--reason',
        'r',
      ],
      env,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`key ${liarRef}: AWS KMS returned a signature that does not verify`);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.sigstore.json`)).toBe(false);
  });
});
