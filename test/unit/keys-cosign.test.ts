// cosign encrypted private keys as verification keys: round trips through the helper that writes
// cosign's real format, a key written by real cosign, and every way decryption must refuse.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { loadKey } from '../../src/core/trust/keys.js';
import {
  encryptCosignBody,
  generateKeyPair,
  toPem,
  writeCosignPrivateKey,
  type CosignPemType,
  type CosignScryptN,
  type KeyAlgorithm,
} from '../helpers/cosign-keys.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keys-cosign-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function writeFile(content: string): string {
  const file = path.join(dir, `c${++counter}.key`);
  writeFileSync(file, content);
  return file;
}

async function rejection(p: Promise<unknown>): Promise<GateError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof GateError)) throw new Error(`expected a GateError, got ${String(e)}`);
  return e;
}

// Written by real cosign (`cosign generate-key-pair`, empty password, scrypt N=65536); copied from
// conforma/cli internal/validate/vsa/attest_test.go (Apache-2.0), where it signs with COSIGN_PASSWORD="".
const REAL_COSIGN_KEY = `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----
eyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6eyJOIjo2NTUzNiwiciI6
OCwicCI6MX0sInNhbHQiOiJLYU9OQzduQVJLOVgxM1FoaWFucjAwTTBGYys2Sitr
dnAxN1FuanpiVk9nPSJ9LCJjaXBoZXIiOnsibmFtZSI6Im5hY2wvc2VjcmV0Ym94
Iiwibm9uY2UiOiJVOHZqWWtqMlZOUFZGdlZFZWZ3bXZ5VGloUERrelBoaCJ9LCJj
aXBoZXJ0ZXh0IjoidWNWMnQ4TTZVNFJvb29FOXc0d3dkc3E1RDYrS2RKY245dERT
KzFwRDRGN040SVJOWEgzSTBua3h1a3NackFOUHR1emIvTkVYQ201dUp3Zjh3Qzl1
VlprbXdwNU5jRUZ6b3ZNS3JCZmNvdXdjaEkrMzkrQ0NhbVZPbzBucmRnZjhvcmpK
dXdrWDBYL1phY0RUTERGaUxyc1laMWVMMmlqMGU1MVRpZmVQNTl4WXNPK1FnM1Jv
OURRVjNQMk9ndDFDaVFHeGg1VXhUZytGc3c9PSJ9
-----END ENCRYPTED SIGSTORE PRIVATE KEY-----
`;

/** The JSON inside a cosign key, loosely typed so tests can break any field. */
interface CosignKeyDoc {
  kdf: { name: unknown; params?: { N: unknown; r: unknown; p: unknown }; salt: unknown };
  cipher: { name: unknown; nonce: unknown };
  ciphertext: unknown;
}

/** A cosign key body with fields overridden, encrypted for real so only the override is wrong. */
function tamperedKey(mutate: (doc: CosignKeyDoc) => void, password = 'pw'): string {
  const kp = generateKeyPair();
  const doc = JSON.parse(
    encryptCosignBody(kp.privateKey.export({ type: 'pkcs8', format: 'der' }), password),
  ) as CosignKeyDoc;
  mutate(doc);
  return writeFile(toPem('ENCRYPTED SIGSTORE PRIVATE KEY', Buffer.from(JSON.stringify(doc))));
}

describe('loadKey with cosign encrypted private keys', () => {
  it.each<[KeyAlgorithm, CosignPemType]>([
    ['ecdsa-p256', 'ENCRYPTED SIGSTORE PRIVATE KEY'],
    ['ecdsa-p256', 'ENCRYPTED COSIGN PRIVATE KEY'],
    ['ecdsa-p384', 'ENCRYPTED SIGSTORE PRIVATE KEY'],
    ['rsa', 'ENCRYPTED SIGSTORE PRIVATE KEY'],
    ['ed25519', 'ENCRYPTED COSIGN PRIVATE KEY'],
  ])('derives the public key of a %s key in a %s block', async (alg, pemType) => {
    const kp = generateKeyPair(alg);
    const file = writeCosignPrivateKey(dir, kp, 'correct horse', {
      pemType,
      name: `${alg}-${pemType.split(' ')[1]}.key`,
    });
    const key = await loadKey(file, { env: { COSIGN_PASSWORD: 'correct horse' } });
    const spki = kp.publicKey.export({ type: 'spki', format: 'der' });
    expect(key.keyRef).toBe(file);
    expect(key.algorithm).toBe(alg);
    expect(key.publicKey.type).toBe('public');
    expect(key.spki.equals(spki)).toBe(true);
    expect(key.keyID).toBe(createHash('sha256').update(spki).digest('hex').slice(0, 16));
  });

  it.each<[CosignScryptN]>([[65536], [131072]])(
    'accepts scrypt N=%i, which cosign also reads',
    async (N) => {
      const kp = generateKeyPair();
      const file = writeCosignPrivateKey(dir, kp, 'pw', { N, name: `n${N}.key` });
      expect((await loadKey(file, { env: { COSIGN_PASSWORD: 'pw' } })).keyID).toBe(kp.keyID);
    },
  );

  it('reads a key written by real cosign with an empty COSIGN_PASSWORD', async () => {
    const file = writeFile(REAL_COSIGN_KEY);
    const key = await loadKey(file, { env: { COSIGN_PASSWORD: '' } });
    expect(key.algorithm).toBe('ecdsa-p256');
    expect(key.keyID).toBe(createHash('sha256').update(key.spki).digest('hex').slice(0, 16));
  });

  it('treats a set-but-wrong password on the real cosign key as wrong', async () => {
    const e = await rejection(
      loadKey(writeFile(REAL_COSIGN_KEY), { env: { COSIGN_PASSWORD: 'guess' } }),
    );
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toMatch(/wrong or missing COSIGN_PASSWORD \(decryption failed/);
  });

  it('handles a non-ASCII password as UTF-8 bytes, as Go does', async () => {
    const kp = generateKeyPair();
    const file = writeCosignPrivateKey(dir, kp, 'pässwörd 🔑', { name: 'utf8.key' });
    expect((await loadKey(file, { env: { COSIGN_PASSWORD: 'pässwörd 🔑' } })).keyID).toBe(kp.keyID);
  });

  it('refuses a wrong COSIGN_PASSWORD, naming the key', async () => {
    const file = writeCosignPrivateKey(dir, generateKeyPair(), 'right', { name: 'wrong-pw.key' });
    const e = await rejection(loadKey(file, { env: { COSIGN_PASSWORD: 'wrong' } }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe(
      `key ${file}: wrong or missing COSIGN_PASSWORD (decryption failed; or the key file is corrupt)`,
    );
  });

  it('refuses when COSIGN_PASSWORD is not set, without deriving anything', async () => {
    const file = writeCosignPrivateKey(dir, generateKeyPair(), 'right', { name: 'no-pw.key' });
    const e = await rejection(loadKey(file, { env: {} }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe(
      `key ${file}: wrong or missing COSIGN_PASSWORD (COSIGN_PASSWORD is not set)`,
    );
  });

  it('refuses a key whose ciphertext was altered (secretbox authentication fails)', async () => {
    const file = tamperedKey((doc) => {
      const ct = Buffer.from(doc.ciphertext as string, 'base64');
      ct[ct.length - 1] = (ct[ct.length - 1] ?? 0) ^ 0x01;
      doc.ciphertext = ct.toString('base64');
    });
    const e = await rejection(loadKey(file, { env: { COSIGN_PASSWORD: 'pw' } }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toMatch(/decryption failed/);
  });

  it('refuses an absurd scrypt N before spending any time or memory on it', async () => {
    const file = tamperedKey((doc) => {
      doc.kdf.params = { N: 2 ** 30, r: 8, p: 1 };
    });
    const started = performance.now();
    const e = await rejection(loadKey(file, { env: { COSIGN_PASSWORD: 'pw' } }));
    // scrypt at N=2^30 needs 1 GiB and minutes: seconds here (a loaded machine) still show it
    // was refused before any derivation, where a fixed 100 ms bound was flaky under load.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toContain('unsupported scrypt parameters N=1073741824 r=8 p=1');
  });

  it.each<[string, (doc: CosignKeyDoc) => void, RegExp]>([
    [
      'scrypt N below what cosign accepts',
      (d) => (d.kdf.params = { N: 16384, r: 8, p: 1 }),
      /unsupported scrypt parameters N=16384/,
    ],
    [
      'scrypt r other than 8',
      (d) => (d.kdf.params = { N: 32768, r: 1024, p: 1 }),
      /unsupported scrypt parameters N=32768 r=1024 p=1/,
    ],
    [
      'scrypt p other than 1',
      (d) => (d.kdf.params = { N: 32768, r: 8, p: 64 }),
      /unsupported scrypt parameters .* p=64/,
    ],
    [
      'scrypt N as a string',
      (d) => (d.kdf.params = { N: '32768', r: 8, p: 1 }),
      /unsupported scrypt parameters/,
    ],
    [
      'missing scrypt params',
      (d) => delete d.kdf.params,
      /unsupported scrypt parameters N=undefined/,
    ],
    [
      'another KDF',
      (d) => (d.kdf.name = 'argon2id'),
      /unknown KDF "argon2id" \(expected "scrypt"\)/,
    ],
    ['another cipher', (d) => (d.cipher.name = 'aes-gcm'), /unknown cipher "aes-gcm"/],
    [
      'a short nonce',
      (d) => (d.cipher.nonce = Buffer.alloc(12).toString('base64')),
      /nonce is 12 bytes \(expected 24\)/,
    ],
    [
      'a salt that is not base64',
      (d) => (d.kdf.salt = 'not base64!'),
      /field kdf\.salt is not base64/,
    ],
    [
      'a ciphertext that is not a string',
      (d) => (d.ciphertext = 42),
      /field ciphertext is not base64/,
    ],
  ])('refuses %s', async (_name, mutate, why) => {
    const file = tamperedKey(mutate);
    const e = await rejection(loadKey(file, { env: { COSIGN_PASSWORD: 'pw' } }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toContain(file);
    expect(e.message).toMatch(why);
  });

  it('refuses a block whose body is not JSON', async () => {
    const file = writeFile(toPem('ENCRYPTED COSIGN PRIVATE KEY', Buffer.from('\x00\x01binary')));
    const e = await rejection(loadKey(file, { env: { COSIGN_PASSWORD: 'pw' } }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe(`key ${file}: cosign key body is not JSON`);
  });

  it('refuses a correctly encrypted plaintext that is not a PKCS#8 key', async () => {
    const file = writeFile(
      toPem(
        'ENCRYPTED SIGSTORE PRIVATE KEY',
        Buffer.from(encryptCosignBody(Buffer.from('not a key'), 'pw')),
      ),
    );
    const e = await rejection(loadKey(file, { env: { COSIGN_PASSWORD: 'pw' } }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe(`key ${file}: decrypted cosign key is not a PKCS#8 private key`);
  });
});
