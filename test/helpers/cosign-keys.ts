// Key pairs for signed test fixtures, written the way cosign writes them: PEM public keys and
// encrypted private keys in go-securesystemslib's format, readable by real cosign.
import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import nacl from 'tweetnacl';

export type KeyAlgorithm = 'ecdsa-p256' | 'ecdsa-p384' | 'rsa' | 'ed25519';

export interface TestKeyPair {
  algorithm: KeyAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
  /** s3lo's key ID: first 16 hex chars of sha256(DER SubjectPublicKeyInfo). */
  keyID: string;
}

export type CosignPemType = 'ENCRYPTED SIGSTORE PRIVATE KEY' | 'ENCRYPTED COSIGN PRIVATE KEY';

/**
 * scrypt N values cosign (go-securesystemslib `CheckParams`) accepts; r=8, p=1 always.
 * 32768 is the cheapest cosign still reads, so tests default to it; cosign itself now writes 65536.
 */
export type CosignScryptN = 32768 | 65536 | 131072;

export function generateKeyPair(alg: KeyAlgorithm = 'ecdsa-p256'): TestKeyPair {
  const { privateKey, publicKey } =
    alg === 'ecdsa-p256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : alg === 'ecdsa-p384'
        ? generateKeyPairSync('ec', { namedCurve: 'P-384' })
        : alg === 'rsa'
          ? generateKeyPairSync('rsa', { modulusLength: 2048 })
          : generateKeyPairSync('ed25519');
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    algorithm: alg,
    privateKey,
    publicKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyID: createHash('sha256').update(spki).digest('hex').slice(0, 16),
  };
}

/** PEM with 64-character lines, as Go's encoding/pem writes it. */
export function toPem(type: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

/** Writes `<name>` (default cosign.pub) holding the PEM public key; returns its path. */
export function writePublicKey(dir: string, kp: TestKeyPair, name = 'cosign.pub'): string {
  const file = path.join(dir, name);
  writeFileSync(file, kp.publicPem);
  return file;
}

/**
 * The JSON body of a cosign encrypted key: go-securesystemslib `encrypted.Encrypt` output, with
 * Go's field order and padded standard base64 for []byte fields.
 */
export function encryptCosignBody(
  plaintext: Uint8Array,
  password: string,
  N: CosignScryptN = 32768,
): string {
  const salt = randomBytes(32);
  const nonce = randomBytes(24);
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 32, {
    N,
    r: 8,
    p: 1,
    maxmem: 256 * N * 8,
  });
  const ciphertext = nacl.secretbox(plaintext, nonce, key);
  return JSON.stringify({
    kdf: { name: 'scrypt', params: { N, r: 8, p: 1 }, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  });
}

export interface CosignKeyOptions {
  pemType?: CosignPemType;
  N?: CosignScryptN;
  /** File name; default cosign.key. */
  name?: string;
}

/** The text of a cosign.key for `kp`: PKCS#8 DER, encrypted, in a PEM block. */
export function cosignPrivateKeyPem(
  kp: TestKeyPair,
  password: string,
  opts: CosignKeyOptions = {},
): string {
  const pkcs8 = kp.privateKey.export({ type: 'pkcs8', format: 'der' });
  const body = encryptCosignBody(pkcs8, password, opts.N ?? 32768);
  return toPem(opts.pemType ?? 'ENCRYPTED SIGSTORE PRIVATE KEY', Buffer.from(body, 'utf8'));
}

/** Writes a cosign.key (or `opts.name`) for `kp` encrypted with `password`; returns its path. */
export function writeCosignPrivateKey(
  dir: string,
  kp: TestKeyPair,
  password: string,
  opts: CosignKeyOptions = {},
): string {
  const file = path.join(dir, opts.name ?? 'cosign.key');
  writeFileSync(file, cosignPrivateKeyPem(kp, password, opts), { mode: 0o600 });
  return file;
}
