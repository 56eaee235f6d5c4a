// The signing keys (trust/signing-key.ts) per kind: key files, AWS KMS through the real
// @aws-sdk/client-kms against the SigV4-checking fake (Sign with MessageType DIGEST), Vault
// transit sign; every way they fail names the reference, and a remote signature that does not
// verify with the key's public key is refused, never handed out.
import { constants, createHash, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { loadRevocations } from '../../src/core/revocation/load.js';
import { revoke } from '../../src/core/revocation/sign.js';
import { loadSigner } from '../../src/core/trust/signing-key.js';
import {
  generateKeyPair,
  writeCosignPrivateKey,
  type KeyAlgorithm,
} from '../helpers/cosign-keys.js';
import { startFakeKms, type FakeKms } from '../helpers/fake-kms.js';
import { startFakeVault, type FakeVault } from '../helpers/fake-vault.js';

const MESSAGE = Buffer.from('{"payloadType":"application/vnd.in-toto+json","n":1}');

async function rejection(p: Promise<unknown>): Promise<GateError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof GateError)) throw new Error(`expected a GateError, got ${String(e)}`);
  return e;
}

async function closedPort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const flip = (sig: Buffer): Buffer => {
  const out = Buffer.from(sig);
  out[out.length - 1] = (out.at(-1) ?? 0) ^ 0x01;
  return out;
};

describe('AWS KMS signing keys', () => {
  let kms: FakeKms;
  const ref = (alias: string): string => `awskms://${kms.hostPort}/alias/${alias}`;

  beforeAll(async () => {
    kms = await startFakeKms();
  });
  afterAll(() => kms.close());

  it.each<[KeyAlgorithm, string, 'sha256' | 'sha384', number]>([
    ['ecdsa-p256', 'ECDSA_SHA_256', 'sha256', 32],
    ['ecdsa-p384', 'ECDSA_SHA_384', 'sha384', 48],
    ['rsa', 'RSASSA_PKCS1_V1_5_SHA_256', 'sha256', 32],
  ])(
    'a %s key signs the digest with %s (MessageType DIGEST) and the signature verifies',
    async (alg, algorithm, hash, bytes) => {
      const kp = generateKeyPair(alg);
      kms.addKey(kp.privateKey, { aliases: [`sign-${alg}`] });
      const signer = await loadSigner(ref(`sign-${alg}`), { env: kms.env });
      expect(signer.kind).toBe('awskms');
      expect(signer.hash).toBe(hash);
      expect(signer.key.keyID).toBe(kp.keyID);
      const signature = await signer.sign(MESSAGE);
      expect(verify(hash, MESSAGE, kp.publicKey, signature)).toBe(true);
      expect(kms.requests.at(-1)).toEqual({
        target: 'TrentService.Sign',
        keyId: `alias/sign-${alg}`,
        status: 200,
        messageType: 'DIGEST',
        signingAlgorithm: algorithm,
        messageBytes: bytes,
      });
      // Two signatures, one key lookup: GetPublicKey is asked once per loadSigner.
      const before = kms.requests.length;
      await signer.sign(Buffer.from('another message'));
      expect(kms.requests.slice(before).map((r) => r.target)).toEqual(['TrentService.Sign']);
    },
  );

  it('signs by key ARN through AWS_ENDPOINT_URL_KMS, the region taken from the ARN', async () => {
    const kp = generateKeyPair();
    const { arn } = kms.addKey(kp.privateKey);
    const env = { ...kms.env, AWS_REGION: 'eu-west-3', AWS_ENDPOINT_URL_KMS: kms.url };
    const signer = await loadSigner(`awskms:///${arn}`, { env });
    expect(verify('sha256', MESSAGE, kp.publicKey, await signer.sign(MESSAGE))).toBe(true);
    expect(kms.requests.at(-1)?.keyId).toBe(arn);
  });

  it.each<[string, (sig: Buffer) => Buffer, RegExp]>([
    ['a flipped byte', flip, /AWS KMS returned a signature that does not verify/],
    ['random bytes', () => randomBytes(72), /AWS KMS returned a signature that does not verify/],
    ['an empty signature', () => Buffer.alloc(0), /AWS KMS Sign returned no signature/],
  ])('a KMS answering %s is refused naming the key', async (what, tamper, message) => {
    const kp = generateKeyPair();
    const alias = `garbage-${what.replace(/\W/g, '')}`;
    kms.addKey(kp.privateKey, { aliases: [alias], tamper });
    const signer = await loadSigner(ref(alias), { env: kms.env });
    const err = await rejection(signer.sign(MESSAGE));
    expect(err.code).toBe('KEY_UNREADABLE');
    expect(err.message).toContain(`key ${ref(alias)}:`);
    expect(err.message).toMatch(message);
  });

  it('a KMS signing with another key than the one GetPublicKey returns is refused', async () => {
    const kp = generateKeyPair();
    kms.addKey(kp.publicKey, { aliases: ['other-key'], privateKey: generateKeyPair().privateKey });
    const signer = await loadSigner(ref('other-key'), { env: kms.env });
    const err = await rejection(signer.sign(MESSAGE));
    expect(err.code).toBe('KEY_UNREADABLE');
    expect(err.message).toMatch(
      new RegExp(
        `^key ${ref('other-key').replace(/[/.]/g, '\\$&')}: AWS KMS returned a signature that does not verify with the key's public key \\(key ID ${kp.keyID}\\)`,
      ),
    );
  });

  it.each<[string, () => Promise<{ r: string; env: Record<string, string> }>, RegExp]>([
    [
      'an ENCRYPT_DECRYPT key',
      () => {
        kms.addKey(generateKeyPair('rsa').publicKey, {
          aliases: ['enc'],
          keyUsage: 'ENCRYPT_DECRYPT',
        });
        return Promise.resolve({ r: ref('enc'), env: kms.env });
      },
      /is not a signing key \(KeyUsage ENCRYPT_DECRYPT\)/,
    ],
    [
      'an RSA key that offers only PSS',
      () => {
        kms.addKey(generateKeyPair('rsa').privateKey, {
          aliases: ['pss-only'],
          signingAlgorithms: ['RSASSA_PSS_SHA_256'],
        });
        return Promise.resolve({ r: ref('pss-only'), env: kms.env });
      },
      /lists signing algorithms RSASSA_PSS_SHA_256, not RSASSA_PKCS1_V1_5_SHA_256/,
    ],
    [
      'an Ed25519 key',
      () => {
        kms.addKey(generateKeyPair('ed25519').privateKey, { aliases: ['ed'] });
        return Promise.resolve({ r: ref('ed'), env: kms.env });
      },
      /KeySpec ECC_NIST_EDWARDS25519\) cannot sign here/,
    ],
    [
      'a missing alias',
      () => Promise.resolve({ r: ref('nope'), env: kms.env }),
      /GetPublicKey failed: NotFoundException: Alias alias\/nope is not found/,
    ],
    [
      'wrong credentials',
      () => Promise.resolve({ r: ref('nope'), env: { ...kms.env, AWS_SECRET_ACCESS_KEY: 'x' } }),
      /InvalidSignatureException/,
    ],
    [
      'an unreachable endpoint',
      async () => ({
        r: `awskms://127.0.0.1:${await closedPort()}/alias/x`,
        env: { ...kms.env, AWS_MAX_ATTEMPTS: '1' },
      }),
      /AWS KMS GetPublicKey failed: .*ECONNREFUSED/,
    ],
  ])('refuses %s when loading, naming the key (KEY_UNREADABLE)', async (_what, setup, why) => {
    const { r, env } = await setup();
    const err = await rejection(loadSigner(r, { env }));
    expect(err.code).toBe('KEY_UNREADABLE');
    expect(err.message).toContain(`key ${r}:`);
    expect(err.message).toMatch(why);
  });

  it('AccessDenied on Sign (a policy allowing GetPublicKey only) names the key and kms:Sign', async () => {
    const kp = generateKeyPair();
    kms.addKey(kp.privateKey, { aliases: ['deny-sign'] });
    const signer = await loadSigner(ref('deny-sign'), { env: kms.env });
    kms.setDeny(true);
    try {
      const err = await rejection(signer.sign(MESSAGE));
      expect(err.code).toBe('KEY_UNREADABLE');
      expect(err.message).toMatch(
        /^key awskms:\/\/127\.0\.0\.1:\d+\/alias\/deny-sign: AWS KMS Sign failed: AccessDeniedException: .*kms:Sign/,
      );
    } finally {
      kms.setDeny(false);
    }
  });

  it('a KMS without the private key (Sign answers KMSInternalException) is refused', async () => {
    kms.addKey(generateKeyPair().publicKey, { aliases: ['public-only'] });
    const signer = await loadSigner(ref('public-only'), { env: kms.env });
    const err = await rejection(signer.sign(MESSAGE));
    expect(err.message).toMatch(/AWS KMS Sign failed: KMSInternalException/);
  });
});

describe('the fake KMS Sign answers as AWS does (real SDK)', () => {
  let kms: FakeKms;
  let client: KMSClient;
  beforeAll(async () => {
    kms = await startFakeKms();
    client = new KMSClient({
      endpoint: kms.url,
      region: kms.region,
      credentials: { accessKeyId: kms.accessKeyId, secretAccessKey: kms.secretAccessKey },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client.destroy();
    await kms.close();
  });

  const failure = async (p: Promise<unknown>): Promise<string> => {
    const e = (await p.then(
      () => undefined,
      (err: unknown) => err,
    )) as { name?: string; message?: string } | undefined;
    return `${e?.name ?? 'none'}: ${e?.message ?? ''}`;
  };

  it('signs RAW messages, PSS and PKCS#1 digests the way a verifier checks them', async () => {
    const rsa = generateKeyPair('rsa');
    const { keyId } = kms.addKey(rsa.privateKey);
    const raw = await client.send(
      new SignCommand({
        KeyId: keyId,
        Message: MESSAGE,
        MessageType: 'RAW',
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_384',
      }),
    );
    expect(verify('sha384', MESSAGE, rsa.publicKey, raw.Signature!)).toBe(true);
    const pss = await client.send(
      new SignCommand({
        KeyId: keyId,
        Message: createHash('sha256').update(MESSAGE).digest(),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'RSASSA_PSS_SHA_256',
      }),
    );
    expect(
      verify(
        'sha256',
        MESSAGE,
        { key: rsa.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        pss.Signature!,
      ),
    ).toBe(true);
    const pub = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
    expect(pub.SigningAlgorithms?.[0]).toBe('RSASSA_PKCS1_V1_5_SHA_256');
  });

  it.each<[string, () => SignCommand, RegExp]>([
    [
      'a digest of the wrong length',
      () =>
        new SignCommand({
          KeyId: kms.addKey(generateKeyPair().privateKey).keyId,
          Message: randomBytes(48),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      /^ValidationException: Digest is invalid length for algorithm ECDSA_SHA_256/,
    ],
    [
      'an algorithm the key spec does not have',
      () =>
        new SignCommand({
          KeyId: kms.addKey(generateKeyPair().privateKey).keyId,
          Message: randomBytes(48),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_384',
        }),
      /^InvalidKeyUsageException: Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256/,
    ],
    [
      'an ENCRYPT_DECRYPT key',
      () =>
        new SignCommand({
          KeyId: kms.addKey(generateKeyPair('rsa').privateKey, { keyUsage: 'ENCRYPT_DECRYPT' })
            .keyId,
          Message: MESSAGE,
          SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
        }),
      /^InvalidKeyUsageException: .*ENCRYPT_DECRYPT which is not valid for Sign/,
    ],
    [
      'a RAW message over 4096 bytes',
      () =>
        new SignCommand({
          KeyId: kms.addKey(generateKeyPair().privateKey).keyId,
          Message: Buffer.alloc(4097),
          MessageType: 'RAW',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      /^ValidationException: .*length between 1 and 4096/,
    ],
    [
      'ED25519_SHA_512 over a digest',
      () =>
        new SignCommand({
          KeyId: kms.addKey(generateKeyPair('ed25519').privateKey).keyId,
          Message: randomBytes(64),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ED25519_SHA_512',
        }),
      /^ValidationException: MessageType DIGEST is not supported with signing algorithm ED25519_SHA_512/,
    ],
  ])('refuses %s with the AWS error type', async (_what, command, why) => {
    expect(await failure(client.send(command()))).toMatch(why);
  });
});

describe('Vault transit signing keys', () => {
  let vault: FakeVault;
  let home: string;
  const env = (): Record<string, string> => ({ ...vault.env, HOME: home });

  beforeAll(async () => {
    vault = await startFakeVault();
    home = mkdtempSync(path.join(tmpdir(), 'vault-home-'));
  });
  afterAll(() => vault.close());

  it.each<[KeyAlgorithm, 'sha256' | null]>([
    ['ecdsa-p256', 'sha256'],
    ['ecdsa-p384', 'sha256'],
    ['rsa', 'sha256'],
    ['ed25519', null],
  ])('a %s key signs through transit/sign as cosign asks and it verifies', async (alg, hash) => {
    const kp = generateKeyPair(alg);
    vault.addKey(`k-${alg}`, kp.privateKey, { olderVersions: [generateKeyPair(alg).publicKey] });
    const signer = await loadSigner(`hashivault://k-${alg}`, { env: env() });
    expect(signer.kind).toBe('hashivault');
    expect(signer.hash).toBe(hash);
    const signature = await signer.sign(MESSAGE);
    expect(verify(hash, MESSAGE, kp.publicKey, signature)).toBe(true);
    const req = vault.requests.at(-1)!;
    expect(req.method).toBe('POST');
    if (hash) {
      expect(req.path).toBe(`/v1/transit/sign/k-${alg}/sha2-256`);
      expect(req.body).toEqual({
        input: createHash('sha256').update(MESSAGE).digest('base64'),
        prehashed: true,
        key_version: 2,
        signature_algorithm: 'pkcs1v15',
        marshaling_algorithm: 'asn1',
      });
    } else {
      expect(req.path).toBe(`/v1/transit/sign/k-${alg}`);
      expect(req.body).toMatchObject({ input: MESSAGE.toString('base64'), prehashed: false });
    }
  });

  it('a Vault signing with another key (or answering garbage) is refused naming the key', async () => {
    vault.addKey('swapped', generateKeyPair().publicKey, {
      privateKey: generateKeyPair().privateKey,
    });
    vault.addKey('garbled', generateKeyPair().privateKey, { tamper: flip });
    for (const name of ['swapped', 'garbled']) {
      const signer = await loadSigner(`hashivault://${name}`, { env: env() });
      const err = await rejection(signer.sign(MESSAGE));
      expect(err.code).toBe('KEY_UNREADABLE');
      expect(err.message).toMatch(
        new RegExp(`^key hashivault://${name}: Vault returned a signature that does not verify`),
      );
    }
  });

  it('a token that may read but not sign (403) names the key and the path it needs', async () => {
    vault.addKey('read-only', generateKeyPair().privateKey);
    const signer = await loadSigner('hashivault://read-only', { env: env() });
    vault.setSignDenied(true);
    try {
      const err = await rejection(signer.sign(MESSAGE));
      expect(err.code).toBe('KEY_UNREADABLE');
      expect(err.message).toMatch(
        /^key hashivault:\/\/read-only: Vault denied signing with transit key "read-only" at transit \(403: .*permission denied.*\); the token needs update on transit\/sign\/read-only/s,
      );
    } finally {
      vault.setSignDenied(false);
    }
  });

  it.each<[string, () => Promise<Record<string, string>>, string, RegExp]>([
    [
      'no token at all',
      () => Promise.resolve({ VAULT_ADDR: vault.url, HOME: home }),
      'hashivault://k-ecdsa-p256',
      /VAULT_TOKEN is not set and there is no ~\/\.vault-token/,
    ],
    [
      'a wrong token (403)',
      () => Promise.resolve({ ...env(), VAULT_TOKEN: 'hvs.wrong' }),
      'hashivault://k-ecdsa-p256',
      /Vault denied reading transit key "k-ecdsa-p256" at transit \(403: permission denied\)/,
    ],
    [
      'a symmetric key',
      () => {
        vault.addSymmetricKey('aes');
        return Promise.resolve(env());
      },
      'hashivault://aes',
      /has no public key for version 1; it is not an asymmetric signing key/,
    ],
    [
      'an unreachable Vault',
      async () => ({ ...env(), VAULT_ADDR: `http://127.0.0.1:${await closedPort()}` }),
      'hashivault://k-ecdsa-p256',
      /cannot reach Vault at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    ],
    [
      'plain HTTP to a remote Vault',
      () => Promise.resolve({ ...env(), VAULT_ADDR: 'http://vault.example.com:8200' }),
      'hashivault://k-ecdsa-p256',
      /plain HTTP to a non-loopback host/,
    ],
  ])('refuses %s, naming the key', async (_what, setup, r, why) => {
    const err = await rejection(loadSigner(r, { env: await setup() }));
    expect(['KEY_UNREADABLE', 'INSECURE']).toContain(err.code);
    expect(err.message).toContain(`key ${r}:`);
    expect(err.message).toMatch(why);
  });
});

describe('key file signing keys', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'signing-key-'));

  it.each<[string, () => string, KeyAlgorithm]>([
    [
      'a cosign.key',
      () => writeCosignPrivateKey(dir, kpFor('cosign'), 'pw', { name: 'c.key' }),
      'ecdsa-p256',
    ],
    ['a PKCS#8 PEM', () => pemFile('p8.pem', kpFor('p8'), 'pkcs8'), 'ecdsa-p256'],
    ['a SEC1 PEM', () => pemFile('sec1.pem', kpFor('sec1'), 'sec1'), 'ecdsa-p256'],
    ['a PKCS#1 RSA PEM', () => pemFile('rsa.pem', kpFor('rsa', 'rsa'), 'pkcs1'), 'rsa'],
    ['an Ed25519 PKCS#8 PEM', () => pemFile('ed.pem', kpFor('ed', 'ed25519'), 'pkcs8'), 'ed25519'],
  ])('%s signs and verifies with its public half', async (_what, file, alg) => {
    const f = file();
    const signer = await loadSigner(f, { env: { COSIGN_PASSWORD: 'pw' } });
    expect(signer.kind).toBe('file');
    expect(signer.key.algorithm).toBe(alg);
    const kp = pairs.get(path.basename(f))!;
    expect(signer.key.keyID).toBe(kp.keyID);
    expect(verify(signer.hash, MESSAGE, kp.publicKey, await signer.sign(MESSAGE))).toBe(true);
  });

  it.each<[string, () => string, RegExp]>([
    ['an empty reference', () => ' ', /^key: empty signing key reference/],
    ['another scheme', () => 'gcpkms://projects/p/k', /unsupported signing key source gcpkms:\/\//],
    [
      'a public key file',
      () => {
        const f = path.join(dir, 'only.pub');
        writeFileSync(f, generateKeyPair().publicPem);
        return f;
      },
      /holds a PUBLIC KEY, not a private key to sign with/,
    ],
    ['a missing file', () => path.join(dir, 'absent.key'), /no file at/],
  ])('refuses %s', async (_what, file, why) => {
    const err = await rejection(loadSigner(file(), { env: {} }));
    expect(err.code).toBe('KEY_UNREADABLE');
    expect(err.message).toMatch(why);
  });

  const pairs = new Map<string, ReturnType<typeof generateKeyPair>>();
  function kpFor(
    name: string,
    alg: KeyAlgorithm = 'ecdsa-p256',
  ): ReturnType<typeof generateKeyPair> {
    const kp = generateKeyPair(alg);
    const file = { cosign: 'c.key', p8: 'p8.pem', sec1: 'sec1.pem', rsa: 'rsa.pem', ed: 'ed.pem' }[
      name
    ];
    pairs.set(file ?? name, kp);
    return kp;
  }
  function pemFile(
    name: string,
    kp: ReturnType<typeof generateKeyPair>,
    type: 'pkcs8' | 'sec1' | 'pkcs1',
  ): string {
    const f = path.join(dir, name);
    writeFileSync(f, kp.privateKey.export({ type, format: 'pem' }).toString());
    return f;
  }
});

// Ed25519 signs the list itself: sigstore-js' check under the messageDigest's hash never
// verifies it, so image-gate's verifier tries the key's own hash as well (verify-bundle.ts).
describe('revocation lists signed with remote keys, verified by the revocations loader', () => {
  let kms: FakeKms;
  let vault: FakeVault;
  const dir = mkdtempSync(path.join(tmpdir(), 'remote-lists-'));
  beforeAll(async () => {
    kms = await startFakeKms();
    vault = await startFakeVault();
  });
  afterAll(async () => {
    await kms.close();
    await vault.close();
  });

  it.each<[string, KeyAlgorithm]>([
    ['awskms', 'ecdsa-p256'],
    ['awskms', 'ecdsa-p384'],
    ['awskms', 'rsa'],
    ['hashivault', 'ecdsa-p384'],
    ['hashivault', 'ed25519'],
    ['file', 'ed25519'],
    ['file', 'ecdsa-p384'],
  ])(
    'a %s %s key signs a list that verifies, is signed again and loads under the same reference',
    async (kind, alg) => {
      const kp = generateKeyPair(alg);
      let ref: string;
      let publicRef: string | undefined;
      if (kind === 'awskms') {
        kms.addKey(kp.privateKey, { aliases: [`list-${alg}`] });
        ref = `awskms://${kms.hostPort}/alias/list-${alg}`;
      } else if (kind === 'hashivault') {
        vault.addKey(`list-${alg}`, kp.privateKey);
        ref = `hashivault://list-${alg}`;
      } else {
        ref = path.join(dir, `list-${alg}.pem`);
        writeFileSync(ref, kp.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
        publicRef = path.join(dir, `list-${alg}.pub`);
        writeFileSync(publicRef, kp.publicPem);
      }
      const env = { ...kms.env, ...vault.env };
      const list = path.join(dir, `${kind}-${alg}.json`);
      const expires = new Date(Date.now() + 86_400_000);
      const entry = (d: string) => ({
        kind: 'digest',
        digest: `sha256:${d.repeat(64)}`,
        reason: 'r',
      });
      const first = await revoke({ list, key: ref, entry: entry('a'), expires, env });
      expect(first.keyID).toBe(kp.keyID);
      // The second run verifies the first run's bundle with the remote key before signing.
      const second = await revoke({ list, key: ref, entry: entry('b'), env });
      expect(second.version).toBe(2);
      const loaded = await loadRevocations({ source: list, key: publicRef ?? ref }, { env });
      expect(loaded.list.entries).toHaveLength(2);
    },
  );
});
