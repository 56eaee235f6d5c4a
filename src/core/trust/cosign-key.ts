// Decrypts cosign's password-protected private key format (go-securesystemslib `encrypted`:
// scrypt-derived key, NaCl secretbox) so a cosign.key file can serve as a verification key.
import { createPrivateKey, scrypt, type KeyObject } from 'node:crypto';
import { GateError } from '../errors.js';

/** PEM types cosign writes: SIGSTORE since cosign 1.x, COSIGN for keys made before that. */
export const COSIGN_PEM_TYPES = [
  'ENCRYPTED SIGSTORE PRIVATE KEY',
  'ENCRYPTED COSIGN PRIVATE KEY',
] as const;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * The only scrypt parameters go-securesystemslib's `CheckParams` accepts (legacy 2^15, standard
 * 2^16, OWASP 2^17; r=8, p=1). Anything else is refused before any work: an attacker-edited
 * key file must not make us allocate gigabytes or spin for minutes.
 */
export const COSIGN_SCRYPT_PARAMS: readonly ScryptParams[] = [
  { N: 32768, r: 8, p: 1 },
  { N: 65536, r: 8, p: 1 },
  { N: 131072, r: 8, p: 1 },
];

const KEY_BYTES = 32;
const NONCE_BYTES = 24;

function unreadable(ref: string, why: string, cause?: unknown): GateError {
  return new GateError(
    'KEY_UNREADABLE',
    `key ${ref}: ${why}`,
    cause === undefined ? undefined : { cause },
  );
}

function field(obj: unknown, name: string): unknown {
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
    ? (obj as Record<string, unknown>)[name]
    : undefined;
}

/** Go encodes []byte in JSON as standard, padded base64. */
function base64Field(ref: string, value: unknown, name: string): Buffer {
  if (
    typeof value !== 'string' ||
    value.length % 4 !== 0 ||
    !/^[A-Za-z0-9+/]*={0,2}$/.test(value)
  ) {
    throw unreadable(ref, `cosign key field ${name} is not base64`);
  }
  return Buffer.from(value, 'base64');
}

function scryptAsync(password: Buffer, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node refuses above `maxmem`, so allow exactly what the
  // accepted parameters need (128 MiB at most) with headroom.
  const maxmem = 2 * 128 * params.N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_BYTES, { ...params, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * Decrypts the body of a cosign encrypted-key PEM block into its PKCS#8 private key.
 * `password` is COSIGN_PASSWORD as found (undefined when unset; "" is a valid password).
 * `ref` names the key in messages.
 */
export async function decryptCosignPrivateKey(
  body: Uint8Array,
  password: string | undefined,
  ref: string,
): Promise<KeyObject> {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch (e: unknown) {
    throw unreadable(ref, 'cosign key body is not JSON', e);
  }
  const kdf = field(doc, 'kdf');
  const cipher = field(doc, 'cipher');
  if (field(kdf, 'name') !== 'scrypt') {
    throw unreadable(
      ref,
      `cosign key uses unknown KDF ${JSON.stringify(field(kdf, 'name'))} (expected "scrypt")`,
    );
  }
  if (field(cipher, 'name') !== 'nacl/secretbox') {
    throw unreadable(
      ref,
      `cosign key uses unknown cipher ${JSON.stringify(field(cipher, 'name'))} (expected "nacl/secretbox")`,
    );
  }
  const rawParams = field(kdf, 'params');
  const params = { N: field(rawParams, 'N'), r: field(rawParams, 'r'), p: field(rawParams, 'p') };
  const accepted = COSIGN_SCRYPT_PARAMS.find(
    (c) => c.N === params.N && c.r === params.r && c.p === params.p,
  );
  if (!accepted) {
    throw unreadable(
      ref,
      `cosign key has unsupported scrypt parameters N=${String(params.N)} r=${String(params.r)} p=${String(params.p)} ` +
        `(accepted: N=${COSIGN_SCRYPT_PARAMS.map((c) => c.N).join('/')}, r=8, p=1)`,
    );
  }
  const salt = base64Field(ref, field(kdf, 'salt'), 'kdf.salt');
  const nonce = base64Field(ref, field(cipher, 'nonce'), 'cipher.nonce');
  const ciphertext = base64Field(ref, field(doc, 'ciphertext'), 'ciphertext');
  if (nonce.length !== NONCE_BYTES) {
    throw unreadable(ref, `cosign key nonce is ${nonce.length} bytes (expected ${NONCE_BYTES})`);
  }
  if (password === undefined) {
    throw unreadable(ref, 'wrong or missing COSIGN_PASSWORD (COSIGN_PASSWORD is not set)');
  }

  const key = await scryptAsync(Buffer.from(password, 'utf8'), salt, accepted);
  // Loaded here, not at the top: only an encrypted cosign.key needs it, and every key-signed
  // verify would otherwise load its 62 KB chunk before its first request.
  const { default: nacl } = await import('tweetnacl');
  const plaintext = nacl.secretbox.open(ciphertext, nonce, key);
  if (plaintext === null) {
    throw unreadable(
      ref,
      'wrong or missing COSIGN_PASSWORD (decryption failed; or the key file is corrupt)',
    );
  }
  try {
    return createPrivateKey({ key: Buffer.from(plaintext), format: 'der', type: 'pkcs8' });
  } catch (e: unknown) {
    throw unreadable(ref, 'decrypted cosign key is not a PKCS#8 private key', e);
  } finally {
    plaintext.fill(0);
    key.fill(0);
  }
}
